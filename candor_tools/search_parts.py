"""Split a big site's search index into parts that Pagefind makes one at a time.

Pagefind's memory and time grow with the pages it indexes (about 65 KB and
0.6 ms a page here: 4.0 GB and ~60 s for the 51,000 indexed pages of a site
with 100,000 questions), and it has no incremental mode: one answer would have
it read every page again. A site with more indexed pages than
``SEARCH_INDEX_PART_PAGES`` has its index made as several Pagefind bundles, each
from the pages whose path hashes to it (``part_of``), which the search page
merges in the browser (Pagefind's ``mergeIndex``; ``parts.json`` lists them).
Only a part whose pages changed is made again, and no Pagefind run reads more
than about one part's pages.

The number of parts is a power of two (``part_count``), so it changes only when
the site doubles: a page stays in its part as the site grows, and each part
holds a like share of posts and questions, so Pagefind's ranking statistics,
which each bundle keeps for its own pages, stay alike from part to part.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from candor_tools.linktree import link_tree

# The default of SEARCH_INDEX_PART_PAGES: at most about 260 MB and 2.5 s of Pagefind
# per part on the machine of docs/performance.md.
PART_PAGES = 4000
SETTING = "SEARCH_INDEX_PART_PAGES"
# Where the parts after the first go, in the bundle folder, and the list the search
# page reads (search.js): the folders of the parts to merge, relative to the bundle.
PARTS_FOLDER = "parts"
PARTS_FILE = "parts.json"
# What a merged part needs (Pagefind's script and WebAssembly come from the first).
MERGED_NEEDS = ("pagefind-entry.json", "index", "fragment", "filter")


class SearchSettingError(ValueError):
    """A search setting has a value the indexer cannot use."""


def part_pages(settings: Mapping[str, Any], source: str = "the settings") -> int:
    """Return ``SEARCH_INDEX_PART_PAGES`` from ``settings``, checked (default 4000)."""
    value = settings.get(SETTING, PART_PAGES)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        msg = (f"search: {SETTING} in {source} is {value!r}; it must be a whole number of "
               f"pages, 1 or more (the default is {PART_PAGES}). Set it to, for example, "
               f"{SETTING} = {PART_PAGES}.")
        raise SearchSettingError(msg)
    return value


def part_count(pages: int, per_part: int) -> int:
    """The number of parts for ``pages`` indexed pages: the smallest power of two that
    leaves no more than ``per_part`` pages a part on average."""
    count = 1
    while count * per_part < pages:
        count *= 2
    return count


def part_of(name: str, count: int) -> int:
    """The part a page (its path in the output) belongs to, of ``count``."""
    if count == 1:
        return 0
    return int.from_bytes(hashlib.blake2b(name.encode(), digest_size=8).digest(),
                          "big") % count


def part_folder(bundle: Path, part: int) -> Path:
    """Where part ``part``'s bundle is: the first in the bundle folder itself (its
    pagefind.js is the one the search page loads), the others in parts/<n>/."""
    return bundle if part == 0 else bundle / PARTS_FOLDER / str(part)


def parts_text(count: int) -> str:
    """What ``parts.json`` holds: the folders of the parts the search page merges."""
    merged = [f"{PARTS_FOLDER}/{part}/" for part in range(1, count)]
    return json.dumps({"parts": merged}) + "\n"


def clear_part(bundle: Path, part: int) -> None:
    """Remove part ``part``'s bundle (the first's files, not the other parts)."""
    folder = part_folder(bundle, part)
    if part:
        shutil.rmtree(folder, ignore_errors=True)
        return
    if not folder.is_dir():
        return
    for entry in folder.iterdir():
        if entry.name == PARTS_FOLDER:
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()


def trim_merged(folder: Path) -> None:
    """Remove what a merged part does not need: Pagefind's script, worker, WebAssembly
    and ready-made UIs (the search page loads the first part's)."""
    for entry in folder.iterdir():
        if entry.name in MERGED_NEEDS or entry.suffix == ".pf_meta":
            continue
        if entry.is_dir():
            shutil.rmtree(entry)
        else:
            entry.unlink()


@contextmanager
def linked_site(output: Path, names: list[str], near: Path) -> Iterator[Path]:
    """A scratch folder (in ``near``, on the same disk) that holds ``names``, pages of
    ``output``, at the same paths, as hard links (copies across disks): Pagefind reads
    it as the site, so the URLs it records are the site's own. Removed afterwards."""
    near.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="candor-index-part-", dir=near))
    try:
        link_tree(output, scratch, names)
        yield scratch
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
