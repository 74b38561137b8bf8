"""Index a built site for search with Pagefind, unless no page it reads has changed.

Pagefind has no incremental mode: it reads the HTML pages of the site and
writes its whole bundle (``output/pagefind/``) each time, about 1.1 s at 1,000
posts. Its bundle is a function of the pages it reads, its version and its
arguments, so ``index_site`` digests those (the path and bytes of every page it
indexes: ``Pages``) and keeps the digest in the cache folder, per output
folder, with the size, times and inode of each page when it was read, so that
the next digest reads only the pages written since. When the digest is the
one of the bundle in place, the bundle is left as it is: a `make build` that
changed no indexed page (a draft, a list, a stylesheet) does not index again
and rewrites none of the bundle's files. Pagefind is told to read only the
folders that hold pages it indexes (``pages_glob``). A folder built anew has no
bundle: the preview's takes the bundle of the folder it replaces when that one
indexes the same pages (``reuse``: a saved draft changes none of them);
`invoke check`'s is always indexed.

A site with more indexed pages than ``SEARCH_INDEX_PART_PAGES`` (4,000) has its
index made in parts, one Pagefind run each, merged by the search page
(``search_parts``): Pagefind's memory is bounded by a part's, and after an edit
only the parts whose pages changed are made again.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from candor_tools.linktree import link_or_copy
from candor_tools.search_bundle import UnknownBundleError, prune, settle, updatable
from candor_tools.search_parts import (
    PART_PAGES,
    PARTS_FILE,
    clear_part,
    linked_site,
    part_count,
    part_folder,
    part_of,
    parts_text,
    trim_merged,
)

BUNDLE = "pagefind"
# Where a page says "index this part" (an HTML attribute: any case).
BODY_MARK = re.compile(rb"data-pagefind-body", re.IGNORECASE)
STAMP_PREFIX = "candor-search-"
# What the build says when index_site left the bundle as it was.
KEPT_MESSAGE = "search: no indexed page changed since the last index; it is kept."
# Pagefind's ready-made UIs: the theme's search.js talks to pagefind.js directly.
UNUSED = ("*-ui.*", "pagefind-highlight.js")
# Characters a folder's name cannot have in a --glob without quoting (pages_glob).
GLOB_SPECIAL = frozenset("{}[]*?,\\!")
# What the cache file holds (its "format"): a file of another format is not read.
STATE_FORMAT = 2
# What is kept of each page: size, modification and change times (ns), inode, whether
# it is marked, the digest of its bytes.
ENTRY_LENGTH = 6
# A page changed less than this before it was read may be changed again within the
# file system's clock resolution and keep the same size and times (git's "racily
# clean" files): it is read again next time, whatever its size and times say.
RACY_NS = 2_000_000_000
# How many parts of the index are made at once, at most (one a core, up to this): each
# Pagefind run holds about one part's worth of memory.
MAX_RUNS = 4


def pagefind_command(output: Path, lang: str, glob: str | None = None,
                     bundle: Path | None = None) -> list[str]:
    """Return the command that indexes ``output`` (the language forced to ``lang``).

    Pagefind's own executable is run directly (``python -m pagefind`` only looks it up
    and replaces itself with it). ``glob``: the pages to read (``pages_glob``).
    ``bundle``: where to write the bundle (Pagefind's own default: ``output/pagefind``).
    """
    # Imported here: it imports asyncio (~20 ms of every build, most of which index
    # nothing).
    from pagefind.service import get_executable  # noqa: PLC0415

    executable = get_executable()
    command = ([str(executable)] if executable is not None
               else [sys.executable, "-m", "pagefind"])  # which says what is missing
    command += ["--site", str(output), "--force-language", lang, "--quiet"]
    if bundle is not None:
        command += ["--output-path", str(bundle)]
    return command + (["--glob", glob] if glob else [])


@dataclass(frozen=True)
class Indexed:
    """What ``index_site`` did: how many parts the index has, how many it made."""

    parts: int
    made: int

    def __bool__(self) -> bool:
        """True if Pagefind made any part of the index."""
        return self.made > 0

    def message(self) -> str | None:
        """What the build says about it, if anything."""
        if not self.made:
            return KEPT_MESSAGE
        if self.made < self.parts:
            return (f"search: {self.made} of the index's {self.parts} parts made again; "
                    "the others' pages did not change.")
        return None


def index_site(output: Path, lang: str, cache: Path | None,
               run: Callable[[list[str]], object], *, reuse: Path | None = None,
               part_pages: int = PART_PAGES, scratch: Path | None = None) -> Indexed:
    """Index ``output`` with Pagefind (``run`` runs each command); say how many parts of
    the index were made (none if its bundle was already the index of these pages and
    was left alone, or ``reuse``'s was, and was linked in).

    ``cache``: where the digest of the indexed pages is kept (None: always index),
    with what each page was when it was last read (``Pages``).
    ``reuse``: another built folder (the one the preview serves now), whose bundle
    is taken when it indexes the same pages (a saved draft changes none of them).
    ``part_pages``: above this many indexed pages, the index is made in parts
    (``search_parts``); only the parts whose pages changed are made again.
    ``scratch``: where each part's folder of links goes for its run (on the output's
    disk; by default ``cache``, or the output's parent folder).

    The automatic garbage collector is paused meanwhile: reading the last digest,
    listing the pages and writing the digest make an object or more per page and
    no cycle (at 57,000 pages its passes took ~0.3 s of a build's index check).
    """
    from candor_common import collector  # noqa: PLC0415 - the plugins are on sys.path by now

    with collector.paused():
        return _index_site(output, lang, cache, run, reuse=reuse, part_pages=part_pages,
                           scratch=scratch)


def _index_site(output: Path, lang: str, cache: Path | None,
                run: Callable[[list[str]], object], *, reuse: Path | None,
                part_pages: int, scratch: Path | None) -> Indexed:
    bundle = output / BUNDLE
    state_file = None
    known: dict[str, list[Any]] = {}
    before: list[str] = []
    if cache is not None:
        folder = hashlib.blake2b(str(output.resolve()).encode(), digest_size=6).hexdigest()
        state_file = cache / f"{STAMP_PREFIX}{folder}.json"
        before, known = _read_state(state_file)
    pages = Pages(output, lang, known, part_pages)
    count = len(pages.part_stamps)
    stale = [part for part, stamp in enumerate(pages.part_stamps)
             if len(before) != count or before[part] != stamp
             or not _has_part(bundle, part, count)]
    if state_file is not None:
        if not stale:
            if pages.seen != known:  # pages written since, or now old enough to trust
                _write_state(state_file, pages.part_stamps, pages.seen)
            return Indexed(count, 0)
        state_file.unlink(missing_ok=True)  # the bundle about to be made is not that one
    else:
        stale = list(range(count))
    if len(stale) == count and _reused(reuse, bundle, lang, pages.stamp, part_pages):
        made = 0
    elif count == 1:
        _make_whole(bundle, pagefind_command(output, lang, pages_glob(pages.marked)),
                    lang, run)
        made = 1
    else:
        if len(stale) == count:
            shutil.rmtree(bundle, ignore_errors=True)
        near = scratch or cache or output.parent
        # Two runs at once keep two cores busier than one run does (Pagefind's own
        # threads wait on its reads and writes): 45 s against 69 s for 16 parts here.
        with ThreadPoolExecutor(min(len(stale), MAX_RUNS, os.cpu_count() or 1)) as runs:
            list(runs.map(lambda part: _make_part(output, part, pages.part_names[part],
                                                  lang=lang, run=run, near=near), stale))
        made = len(stale)
    for pattern in UNUSED:
        for unused in bundle.glob(pattern):
            unused.unlink()
    listing = bundle / PARTS_FILE
    if made and not (listing.is_file() and listing.read_text("utf-8") == parts_text(count)):
        listing.write_text(parts_text(count), encoding="utf-8")
    if state_file is not None:
        _write_state(state_file, pages.part_stamps, pages.seen)
    return Indexed(count, made)


def _make_whole(bundle: Path, command: list[str], lang: str,
                run: Callable[[list[str]], object]) -> None:
    """Make the index in one part: over the bundle in place when Pagefind can write
    only what changed there (``search_bundle``), then remove what it no longer uses;
    afresh otherwise, or when the bundle it left cannot be read."""
    in_place = updatable(bundle, _pagefind_version(), lang)
    if not in_place:
        shutil.rmtree(bundle, ignore_errors=True)
    _index(bundle, command, run, in_place=in_place,
           clear=lambda: shutil.rmtree(bundle, ignore_errors=True))


def _index(bundle: Path, command: list[str], run: Callable[[list[str]], object], *,
           in_place: bool, clear: Callable[[], None]) -> None:
    """Run Pagefind into ``bundle`` and put its files in one order (``settle``). Over
    the last bundle (``in_place``), then remove what the index no longer uses; if that
    bundle cannot be read for it, ``clear`` it and run Pagefind again, afresh. A bundle
    made afresh that cannot be read is left as Pagefind made it (and said so)."""
    run(command)
    if in_place:
        try:
            settle(bundle)
            prune(bundle)
        except UnknownBundleError as error:
            print(f"search: {error}; the index is made again from scratch.", file=sys.stderr)
        else:
            return
        clear()
        run(command)
    try:
        settle(bundle)
    except UnknownBundleError as error:
        print(f"search: {error}; its filters stay in Pagefind's order.", file=sys.stderr)


def _make_part(output: Path, part: int, names: list[str], *, lang: str,
               run: Callable[[list[str]], object], near: Path) -> None:
    """Make one part of the index: Pagefind over a scratch site of that part's pages."""
    bundle = output / BUNDLE
    folder = part_folder(bundle, part)
    in_place = updatable(folder, _pagefind_version(), lang, parts=part == 0)
    if not in_place:
        clear_part(bundle, part)
    with linked_site(output, names, near) as site:
        _index(folder, pagefind_command(site, lang, bundle=folder), run, in_place=in_place,
               clear=lambda: clear_part(bundle, part))
    if part:
        trim_merged(folder)


def _has_part(bundle: Path, part: int, count: int) -> bool:
    """Whether part ``part`` of ``count`` is in place (a failed run removed its record)."""
    return ((bundle / "pagefind.js").is_file() and (bundle / PARTS_FILE).is_file()
            and (count == 1 or (part_folder(bundle, part) / "pagefind-entry.json").is_file()))


def pages_glob(marked: list[str]) -> str | None:
    """Pagefind's ``--glob`` for the pages it indexes: the top-level folders (and pages)
    that hold a page marked ``data-pagefind-body``. Pagefind then reads none of the
    other folders' pages (tag pages, lists, Q&A lists...), which it would read only to
    leave out. None (Pagefind's own ``**/*.{html}``) when no page is marked, or a name
    would need quoting in a glob.
    """
    tops = sorted({name.split("/", 1)[0] + ("/" if "/" in name else "") for name in marked})
    if not tops or any(char in top for top in tops for char in GLOB_SPECIAL):
        return None
    return "{" + ",".join(f"{top}**/*.html" if top.endswith("/") else top
                          for top in tops) + "}"


def _reused(reuse: Path | None, bundle: Path, lang: str, stamp: str, part_pages: int
            ) -> bool:
    """Link ``reuse``'s bundle in as ``bundle`` (in place of its own) if it indexes the
    pages ``stamp`` digests: made by this Pagefind, in ``lang`` (its manifest says),
    from the same pages, in the same parts."""
    if reuse is None or not all((reuse / BUNDLE / name).is_file()
                                for name in ("pagefind.js", PARTS_FILE)):
        return False
    try:
        entry = json.loads((reuse / BUNDLE / "pagefind-entry.json").read_text("utf-8"))
        made_as = (entry["version"], sorted(entry["languages"]))
    except (OSError, ValueError, KeyError, TypeError):
        return False
    if (made_as != (_pagefind_version(), [lang])
            or Pages(reuse, lang, part_pages=part_pages).stamp != stamp):
        return False
    shutil.rmtree(bundle, ignore_errors=True)
    shutil.copytree(reuse / BUNDLE, bundle, copy_function=link_or_copy)
    return True


class Pages:
    """What Pagefind's bundle is made from: its version, the language, and the HTML
    pages of ``output`` it indexes (path and bytes; the bundle itself left out).

    Once any page holds ``data-pagefind-body``, Pagefind indexes only the pages that
    do (the theme marks published posts and answered questions): a draft, a list or
    a tag page that changed does not change the index. A site with no such page has
    every page indexed, and digested.

    ``known``: what the last digest saw of each page (``seen``): a page whose size,
    times and inode are those it had then is not read again (the writer leaves an
    unchanged page alone, so after a rebuild only the pages it wrote are read).

    The indexed pages are split into parts of about ``part_pages`` (``search_parts``):
    ``part_names`` and ``part_stamps`` hold each part's pages and digest, ``stamp``
    the digest of them all.
    """

    def __init__(self, output: Path, lang: str, known: dict[str, list[Any]] | None = None,
                 part_pages: int = PART_PAGES) -> None:
        known = known or {}
        self.seen: dict[str, list[Any]] = {}
        self.marked: list[str] = []
        every: list[tuple[str, str]] = []
        marked: list[tuple[str, str]] = []
        trusted_before = time.time_ns() - RACY_NS
        for name, status in html_files(output):
            now = [status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino]
            entry = known.get(name)
            if entry is None or entry[:4] != now:
                data = read_page(output / name)
                entry = [*now, bool(BODY_MARK.search(data)),
                         hashlib.blake2b(data, digest_size=16).hexdigest()]
            if status.st_ctime_ns < trusted_before:
                self.seen[name] = entry
            every.append((name, entry[5]))
            if entry[4]:
                marked.append((name, entry[5]))
                self.marked.append(name)
        indexed = marked or every
        count = part_count(len(indexed), part_pages)
        while True:  # Pagefind makes no bundle of no page: fewer parts if one is empty
            self.part_names: list[list[str]] = [[] for _ in range(count)]
            for name, _digest in indexed:
                self.part_names[part_of(name, count)].append(name)
            if count == 1 or all(self.part_names):
                break
            count //= 2
        digests = [_Digest() for _ in range(count)]
        for name, digest in indexed:
            digests[part_of(name, count)].add(name, digest)
        self.part_stamps = [hashlib.blake2b(
            f"{_pagefind_version()}\0{lang}\0{count}\0{part}\0{digest.hexdigest()}".encode(),
            digest_size=16).hexdigest() for part, digest in enumerate(digests)]
        self.stamp = hashlib.blake2b("\0".join(self.part_stamps).encode(),
                                     digest_size=16).hexdigest()


def html_files(output: Path) -> list[tuple[str, os.stat_result]]:
    """Each HTML page of ``output`` (its path in it, sorted, and its status), the bundle's
    folder left out: what ``output.rglob("*.html")`` finds, without pathlib's cost per
    file (57,000 pages: 9.5 s → under 2 s profiled) and without walking the bundle."""
    found: list[tuple[str, os.stat_result]] = []
    folders = [("", str(output))]
    while folders:
        prefix, folder = folders.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):  # as rglob: no linked folder
                    if prefix or entry.name != BUNDLE:
                        folders.append((f"{prefix}{entry.name}/", entry.path))
                elif entry.name.endswith(".html") and entry.is_file():
                    found.append((prefix + entry.name, entry.stat()))
    found.sort(key=lambda item: item[0])
    return found


def read_page(path: Path) -> bytes:
    """The bytes of one page (a function of its own, so tests can count the reads)."""
    return path.read_bytes()


class _Digest:
    """The digest of some pages: each one's path and the digest of its bytes."""

    def __init__(self) -> None:
        self.pages = 0
        self._digest = hashlib.blake2b(digest_size=16)

    def add(self, name: str, digest: str) -> None:
        self.pages += 1
        self._digest.update(f"{name}\0".encode())
        self._digest.update(bytes.fromhex(digest))

    def hexdigest(self) -> str:
        return self._digest.hexdigest()


def _read_state(path: Path) -> tuple[list[str], dict[str, list[Any]]]:
    """The stamps of the parts of the bundle in place and what was seen of each page
    (none if the file is missing, unreadable, or not one this code wrote)."""
    from candor_common import collector  # noqa: PLC0415 - plugins are on sys.path by now
    try:
        with collector.paused():  # what was seen of every page: 7.5 MB at 57,000 pages
            state = json.loads(path.read_text(encoding="utf-8"))
        if state.get("format") != STATE_FORMAT:
            return [], {}
        pages = {str(name): entry for name, entry in state["pages"].items()
                 if isinstance(entry, list) and len(entry) == ENTRY_LENGTH}
        return [str(stamp) for stamp in state["parts"]], pages
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return [], {}


def _write_state(path: Path, stamps: list[str], seen: dict[str, list[Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps({"format": STATE_FORMAT, "parts": stamps, "pages": seen},
                      separators=(",", ":"))
    temporary = path.with_suffix(".tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)


def _pagefind_version() -> str:
    try:
        return version("pagefind")
    except PackageNotFoundError:
        return "-"
