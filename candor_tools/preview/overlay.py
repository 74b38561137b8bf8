"""Pages re-rendered since the last full build, served on top of output/."""

from __future__ import annotations

import threading
from dataclasses import dataclass

REMOVED = None  # an overlay entry for a page that is no longer written


@dataclass(frozen=True)
class Entry:
    """One output path as the preview serves it until a full build settles."""

    body: bytes | None  # None: the page is gone (deleted post, new slug, now a draft)
    generation: int  # the save that produced it


class Overlay:
    """Output paths → bytes (or gone), newer than output/; thread-safe."""

    def __init__(self) -> None:
        self._entries: dict[str, Entry] = {}
        self._lock = threading.Lock()

    def put(self, pages: dict[str, str], removed: list[str], generation: int) -> None:
        """Lay re-rendered ``pages`` and ``removed`` output paths over output/."""
        with self._lock:
            for name in removed:
                self._entries[name] = Entry(REMOVED, generation)
            for name, html in pages.items():
                self._entries[name] = Entry(html.encode("utf-8"), generation)

    def get(self, name: str) -> Entry | None:
        """Return the entry for output path ``name``, or None to read output/."""
        with self._lock:
            return self._entries.get(name)

    def snapshot(self) -> dict[str, Entry]:
        """Return a copy of every entry."""
        with self._lock:
            return dict(self._entries)

    def settle(self, generation: int) -> None:
        """Forget entries a full build of ``generation`` (or later) has written."""
        with self._lock:
            self._entries = {k: e for k, e in self._entries.items() if e.generation > generation}
