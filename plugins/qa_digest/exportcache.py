"""Each thread's part of ``digest.json`` and ``digest.csv``, kept across ``make build`` runs.

An answer changes one question of one thread, but both exports are made
again from the whole digest: at 100,000 questions that was ~5 s of every
rebuild after an answer, most of it encoding questions that did not change.
A thread's list of question records (its ``"questions"`` in the JSON, its rows
in the CSV) is a function of its questions, their page addresses and the code
that writes them. So each is kept in ``CACHE_PATH/candor-qa-exports/``, named
by the hash of those: the questions' encodings in the rebuild's digests
(``Fingerprinter``, taken from the load cache for the questions as loaded),
each question's address, and the rebuild state's static digest of the theme,
plugins and libraries. A changed byte of any of them gives another name, so a
stale part is never read; a part that cannot be read is made again.

Only a build that keeps rebuild records uses it (``make build``, the
preview): a production build encodes every question itself. Like the card
cache beside it, this is local build state, never shared with anything less
trusted than the checkout itself; after each export is made, the parts no
thread of this build used are removed, so text no longer in the digest (a
removed question's) does not stay in the folder.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from candor_common import rebuild
from candor_common.statefile import write_atomic
from qa_digest.model import Thread

logger = logging.getLogger(__name__)

FOLDER = "candor-qa-exports"
JSON, CSV = ".json", ".csv"


class ExportParts:
    """The threads' parts of the exports, by the hash of what they are made from."""

    def __init__(self, state: Any, folder: Path) -> None:
        self.state = state
        self.folder = folder
        self.names: dict[int, tuple[Thread, str | None]] = {}  # id(thread) -> its name
        self.used: dict[str, set[str]] = {}  # suffix -> names this build asked for
        self.kept = 0
        self.made = 0

    def name(self, thread: Thread, urls: dict[str, str]) -> str | None:
        """Return the name of ``thread``'s parts (None: a question cannot be digested)."""
        known = self.names.get(id(thread))
        if known is not None and known[0] is thread:
            return known[1]
        digest = hashlib.blake2b(self.state.static.encode(), digest_size=20)
        name: str | None = None
        for question in thread.questions:
            code = self.state.fingerprints.encode(question)
            if code is None:
                break
            url = urls.get(question.id, "").encode("utf-8", "surrogatepass")
            digest.update(len(code).to_bytes(8, "big") + code)
            digest.update(len(url).to_bytes(8, "big") + url)
        else:
            name = digest.hexdigest()
        self.names[id(thread)] = (thread, name)
        return name

    def text(self, suffix: str, thread: Thread, urls: dict[str, str],
             make: Callable[[], str]) -> str:
        """Return ``thread``'s part of the export ``suffix``: kept, or ``make()`` and kept."""
        name = self.name(thread, urls)
        if name is None:
            return make()
        self.used.setdefault(suffix, set()).add(name)
        path = self.folder / f"{name}{suffix}"
        try:
            text = path.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError):  # not kept yet, or damaged: made again
            pass
        else:
            self.kept += 1
            return text
        text = make()
        with contextlib.suppress(OSError):  # a cache that cannot be written is only slower
            write_atomic(path, text.encode("utf-8"))
        self.made += 1
        return text

    def finish(self) -> None:
        """Remove the parts of each export made in this build that it did not use; log."""
        if not self.used:
            return
        try:
            names = os.listdir(self.folder)
        except OSError:
            names = []
        for name in names:
            stem, suffix = os.path.splitext(name)
            if name.startswith(".") or (suffix in self.used and stem not in self.used[suffix]):
                with contextlib.suppress(OSError):
                    os.unlink(self.folder / name)
        logger.info("qa_digest: exports: %d parts (a thread's, in one export) kept from the "
                    "last build, %d made", self.kept, self.made)


def parts_for(settings: dict[str, Any], output_path: str) -> ExportParts | None:
    """Return the build's export parts: only in an incremental build with a cache folder."""
    state = rebuild.state_for(output_path)
    if state is None or not settings.get("CACHE_PATH"):
        return None
    return ExportParts(state, Path(settings["CACHE_PATH"]) / FOLDER)
