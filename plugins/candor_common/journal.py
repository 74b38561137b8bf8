"""The files an incremental build is writing, noted before each is written.

A build that stops half-way (an error in a template, Ctrl-C, the live preview
cancelling a build for a newer save) saves no records, so the files it wrote
are nobody's: if their post is then deleted or renamed, no later build would
remove them, and an old page would stay in the output folder and in the
search index. The journal lists them: each file's path is appended (one line,
flushed) before the file is written. A successful build removes the files an
unfinished build listed that it did not make itself, then deletes the journal.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import IO


class Journal:
    """An append-only list of output files (relative paths), one per line."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._handle: IO[str] | None = None

    def unfinished(self) -> set[str]:
        """Return the files listed by builds that did not finish (none: no journal)."""
        try:
            text = self.path.read_text(encoding="utf-8", errors="surrogateescape")
        except OSError:
            return set()
        return {line for line in text.split("\n") if line}

    def note(self, relative: str) -> None:
        """List ``relative`` before it is written (flushed at once: a killed build's
        list holds every file it began to write)."""
        if self._handle is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # Line-buffered, opened for appending: the render processes of one build
            # share it, and each line is one write.
            self._handle = self.path.open("a", encoding="utf-8", errors="surrogateescape",
                                          buffering=1)
        self._handle.write(relative.replace("\n", "") + "\n")

    def finish(self) -> None:
        """The build succeeded and removed what was left over: forget the list."""
        self.close()
        with contextlib.suppress(FileNotFoundError):
            os.remove(self.path)

    def close(self) -> None:
        """Close the file (the list stays for the next build)."""
        if self._handle is not None:
            self._handle.close()
            self._handle = None
