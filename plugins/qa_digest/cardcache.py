"""Question cards kept across ``make build`` runs (``PUBLISHING_INCREMENTAL``).

An answer changes every list page of its thread (the counts by status, the
order), so an incremental rebuild renders them all again; but each card on
them (``question_card``) is the same as before, except the answered one's. A
card is a function of its question, the page's SITEURL, the names of the
context its macros looked up (and those the macro module looked up when it was
made), and the code and templates. So each card is kept, one file per thread
in ``CACHE_PATH/candor-qa-cards/``, with the digest of its question
(``Fingerprinter``), the names it looked up and the digest of their values
(``RebuildState.names_digest``), and the rebuild state's static digest of the
theme, plugins and libraries. The next build uses a kept card only if all of
those match; a card that read a post (a thread title from its post) is never
kept. Each process hands a thread's cards over as soon as its pages of that
thread are written (``CardStore.flush``: a part file per process and thread),
so no process holds more than one thread's cards (100,000 questions: about
220 MB of cards otherwise held to the end); the parent merges the parts
(``merge_parts``) and writes each thread's file once, one thread at a time.

Local build state, like the rebuild records and Pelican's content cache: it
is never shared with anything less trusted than the checkout itself.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import pickle
from pathlib import Path
from typing import Any

from markupsafe import Markup

from candor_common import collector, rebuild
from candor_common.statefile import replacing

logger = logging.getLogger(__name__)

FORMAT = 1
FOLDER = "candor-qa-cards"
SUFFIX = ".pickle"
# question digest, names looked up, the digest of their values, the card
Entry = tuple[bytes, tuple[str, ...], str, Markup]


class ThreadCards:
    """The kept cards of one thread: those of the last build, and this build's."""

    def __init__(self, state: rebuild.RebuildState, folder: Path, thread_id: str) -> None:
        self.state = state
        self.thread_id = thread_id
        self.file = folder / file_name(thread_id)
        self._previous: dict[tuple[str, str], Entry] | None = None  # read on first use
        self.current: dict[tuple[str, str], Entry] = {}
        self.reused = 0  # cards of the last build used again
        self.rendered = 0  # cards rendered and kept

    @property
    def previous(self) -> dict[tuple[str, str], Entry]:
        """The cards the last build kept (read from the thread's file on first use)."""
        if self._previous is None:
            self._previous = self._load(self.file)
        return self._previous

    @collector.paused()  # a thread's cards: many objects, no cycle
    def _load(self, path: Path) -> dict[tuple[str, str], Entry]:
        try:
            # Local build state, as trusted as plugins/ beside it (see the module's note).
            data = pickle.loads(path.read_bytes())  # noqa: S301
        except Exception:  # noqa: BLE001 - none yet, or damaged: every card is rendered
            return {}
        if (not isinstance(data, dict) or data.get("format") != FORMAT
                or data.get("static") != self.state.static
                or data.get("thread") != self.thread_id):
            return {}
        return dict(data["cards"])

    def get(self, siteurl: str, question: Any, page_vars: dict[str, Any]
            ) -> tuple[Markup, rebuild.Reads] | None:
        """Return the kept card of ``question`` at ``siteurl`` and what it read (the names),
        if it still holds for a page made from ``page_vars``."""
        key = (siteurl, question.id)
        entry = self.current.get(key) or self.previous.get(key)
        if entry is None:
            return None
        digest, names, values, html = entry
        if (self.state.fingerprints.digest(question) != digest
                or self.state.names_digest(page_vars, names) != values):
            return None
        read = rebuild.Reads()
        read.names = set(names)
        self.current[key] = entry
        self.reused += 1
        return html, read

    def put(self, siteurl: str, question: Any, page_vars: dict[str, Any], html: Markup,
            reads: list[rebuild.Reads | None]) -> None:
        """Keep the card just rendered, unless it read a post or what it read is unknown."""
        names: set[str] = set()
        for read in reads:
            if read is None or read.unknown or read.attributes or read.bodies:
                return
            names |= read.names
        looked_up = tuple(sorted(names.difference(rebuild.VOLATILE)))
        values = self.state.names_digest(page_vars, looked_up)
        digest = self.state.fingerprints.digest(question)
        if values is not None and digest is not None:
            self.current[(siteurl, question.id)] = (digest, looked_up, values, html)
            self.rendered += 1

    def save_part(self, parent: int) -> None:
        """Write this process's cards for the parent process (``parent``) to merge."""
        if self.current:
            data = {"cards": self.current, "reused": self.reused, "rendered": self.rendered}
            with contextlib.suppress(OSError), replacing(self._part(parent, os.getpid())) as out:
                pickle.dump(data, out, protocol=pickle.HIGHEST_PROTOCOL)

    def merge_parts(self, names: list[str]) -> None:
        """Take in the cards every process handed over (this is the parent; ``names``:
        the thread's part files in the folder). Called by ``CardStore.save``, with the
        collector paused."""
        prefix = f"{self.file.name}.part-{os.getpid()}-"
        for name in names:
            if name.startswith(prefix):
                part = self.file.parent / name
                with contextlib.suppress(Exception):
                    # Written by this build's own processes a moment ago.
                    data = pickle.loads(part.read_bytes())  # noqa: S301
                    self.current.update(data["cards"])
                    self.reused += data["reused"]
                    self.rendered += data["rendered"]
                part.unlink(missing_ok=True)

    def hand_over(self, parent: int) -> None:
        """Write this process's cards as a part for ``parent`` to merge, and let them go
        (with the last build's, read again if needed): the thread's pages are written."""
        self.save_part(parent)
        self.current, self._previous = {}, None
        self.reused = self.rendered = 0  # counted in the part now

    def save(self, ids: set[str]) -> None:
        """Write the thread's file: this build's cards, and the last build's cards of
        questions still in the thread that no page asked for (their pages were left);
        then let them go."""
        if not self.current:
            return  # nothing rendered or used here: the file stays as it is
        cards = {key: entry for key, entry in self.previous.items() if key[1] in ids}
        cards.update(self.current)
        data = {"format": FORMAT, "static": self.state.static, "thread": self.thread_id,
                "cards": cards}
        with contextlib.suppress(OSError), replacing(self.file) as out:
            # Written as it is pickled: a town hall's cards are tens of megabytes.
            pickle.dump(data, out, protocol=pickle.HIGHEST_PROTOCOL)
        self.current, self._previous = {}, None

    def _part(self, parent: int, pid: int) -> Path:
        return self.file.parent / f"{self.file.name}.part-{parent}-{pid}"


class CardStore:
    """Every thread's kept cards for one build (None-like when the build is not
    incremental: see ``store_for``)."""

    def __init__(self, state: rebuild.RebuildState, folder: Path) -> None:
        self.state = state
        self.folder = folder
        self.threads: dict[str, ThreadCards] = {}
        self.parent = os.getpid()

    def thread(self, thread_id: str) -> ThreadCards:
        """Return the kept cards of ``thread_id``, read on first use."""
        found = self.threads.get(thread_id)
        if found is None:
            self.folder.mkdir(parents=True, exist_ok=True)
            found = self.threads[thread_id] = ThreadCards(self.state, self.folder, thread_id)
        return found

    def flush(self, thread_id: str) -> None:
        """Hand over ``thread_id``'s cards once this process has written its pages of it
        (the parent merges every process's parts in ``save``)."""
        found = self.threads.get(thread_id)
        if found is not None:
            found.hand_over(self.parent)

    @collector.paused()  # every thread's cards read, merged and written
    def save(self, threads: dict[str, set[str]]) -> None:
        """In the parent: merge the workers' cards and write each thread's file; remove
        the files of threads gone (``threads``: every thread's question ids)."""
        reused = rendered = 0
        parts: dict[str, list[str]] = {}  # a thread's file -> its part files, listed once
        with contextlib.suppress(OSError):
            for name in sorted(path.name for path in self.folder.iterdir()):
                if ".part-" in name:
                    parts.setdefault(name.split(".part-", 1)[0], []).append(name)
        for thread_id, cards in self.threads.items():
            cards.merge_parts(parts.get(cards.file.name, []))
            cards.save(threads.get(thread_id, set()))
            reused, rendered = reused + cards.reused, rendered + cards.rendered
        logger.info("qa_digest: %d question cards kept from the last build, %d rendered",
                    reused, rendered)
        keep = {file_name(thread_id) for thread_id in threads}
        with contextlib.suppress(OSError):
            for path in self.folder.iterdir():
                if path.name not in keep:
                    path.unlink(missing_ok=True)


def file_name(thread_id: str) -> str:
    """Return the name of the file keeping ``thread_id``'s cards."""
    return hashlib.sha256(thread_id.encode("utf-8", "surrogateescape")).hexdigest()[:32] + SUFFIX


def store_for(settings: dict[str, Any], output_path: str) -> CardStore | None:
    """Return the build's card store: only in an incremental build with a cache folder."""
    state = rebuild.state_for(output_path)
    if state is None or not settings.get("CACHE_PATH"):
        return None
    return CardStore(state, Path(settings["CACHE_PATH"]) / FOLDER)
