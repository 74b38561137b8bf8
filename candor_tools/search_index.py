"""Index a built site for search with Pagefind, unless no page it reads has changed.

Pagefind has no incremental mode: it reads every HTML page of the site and
writes its whole bundle (``output/pagefind/``) each time, about 2.5 s at 1,000
posts. Its bundle is a function of the pages it reads, its version and its
arguments, so ``index_site`` digests those (the path and bytes of every page it
indexes: ``pages_digest``) and keeps the digest in the cache folder, per output
folder. When the digest is the
one of the bundle in place, the bundle is left as it is: a `make build` that
changed no indexed page (a draft, a list, a stylesheet) does not index again
and rewrites none of the bundle's files. A folder built anew has no bundle: the
preview's takes the bundle of the folder it replaces when that one indexes the
same pages (``reuse``: a saved draft changes none of them); `invoke check`'s is
always indexed.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sys
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

BUNDLE = "pagefind"
# Where a page says "index this part" (an HTML attribute: any case).
BODY_MARK = re.compile(rb"data-pagefind-body", re.IGNORECASE)
STAMP_PREFIX = "candor-search-"
# Pagefind's ready-made UIs: the theme's search.js talks to pagefind.js directly.
UNUSED = ("*-ui.*", "pagefind-highlight.js")


def pagefind_command(output: Path, lang: str) -> list[str]:
    """Return the command that indexes ``output`` (the language forced to ``lang``)."""
    return [sys.executable, "-m", "pagefind", "--site", str(output),
            "--force-language", lang, "--quiet"]


def index_site(output: Path, lang: str, cache: Path | None,
               run: Callable[[list[str]], object], *, reuse: Path | None = None) -> bool:
    """Index ``output`` with Pagefind (``run`` runs the command); False if no index was
    made: its bundle was already the index of these pages and was left alone, or
    ``reuse``'s was, and was linked in.

    ``cache``: where the digest of the indexed pages is kept (None: always index).
    ``reuse``: another built folder (the one the preview serves now), whose bundle
    is taken when it indexes the same pages (a saved draft changes none of them).
    """
    bundle = output / BUNDLE
    stamp = pages_digest(output, lang)
    stamp_file = None
    if cache is not None:
        folder = hashlib.blake2b(str(output.resolve()).encode(), digest_size=6).hexdigest()
        stamp_file = cache / f"{STAMP_PREFIX}{folder}.txt"
        if (bundle / "pagefind.js").is_file() and _read(stamp_file) == stamp:
            return False
        stamp_file.unlink(missing_ok=True)  # the bundle about to be made is not that one
    shutil.rmtree(bundle, ignore_errors=True)
    made = not _reused(reuse, bundle, lang, stamp)
    if made:
        run(pagefind_command(output, lang))
        for pattern in UNUSED:
            for unused in bundle.glob(pattern):
                unused.unlink()
    if stamp_file is not None:
        stamp_file.parent.mkdir(parents=True, exist_ok=True)
        stamp_file.write_text(stamp, encoding="utf-8")
    return made


def _reused(reuse: Path | None, bundle: Path, lang: str, stamp: str) -> bool:
    """Link ``reuse``'s bundle in as ``bundle`` if it indexes the pages ``stamp`` digests:
    made by this Pagefind, in ``lang`` (its manifest says), from the same pages."""
    if reuse is None or not (reuse / BUNDLE / "pagefind.js").is_file():
        return False
    try:
        entry = json.loads((reuse / BUNDLE / "pagefind-entry.json").read_text("utf-8"))
        made_as = (entry["version"], sorted(entry["languages"]))
    except (OSError, ValueError, KeyError, TypeError):
        return False
    if made_as != (_pagefind_version(), [lang]) or pages_digest(reuse, lang) != stamp:
        return False
    shutil.copytree(reuse / BUNDLE, bundle, copy_function=_link_or_copy)
    return True


def _link_or_copy(source: str, target: str) -> None:
    """Hard-link ``source`` as ``target`` (no bytes copied), or copy it across devices."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def pages_digest(output: Path, lang: str) -> str:
    """Digest what Pagefind's bundle is made from: its version, the language, and the
    HTML pages of ``output`` it indexes (path and bytes; the bundle itself left out).

    Once any page holds ``data-pagefind-body``, Pagefind indexes only the pages that
    do (the theme marks published posts and answered questions): a draft, a list or
    a tag page that changed does not change the index. A site with no such page has
    every page indexed, and digested.
    """
    pagefind = _pagefind_version()
    every, marked = _Digest(), _Digest()
    pages = sorted(path.relative_to(output).as_posix() for path in output.rglob("*.html")
                   if path.is_file())
    for name in pages:
        if name.startswith(f"{BUNDLE}/"):
            continue
        data = (output / name).read_bytes()
        every.add(name, data)
        if BODY_MARK.search(data):
            marked.add(name, data)
    indexed = marked if marked.pages else every
    return hashlib.blake2b(f"{pagefind}\0{lang}\0{indexed.hexdigest()}".encode(),
                           digest_size=16).hexdigest()


class _Digest:
    """The digest of some pages: each one's path and the digest of its bytes."""

    def __init__(self) -> None:
        self.pages = 0
        self._digest = hashlib.blake2b(digest_size=16)

    def add(self, name: str, data: bytes) -> None:
        self.pages += 1
        self._digest.update(f"{name}\0".encode())
        self._digest.update(hashlib.blake2b(data, digest_size=16).digest())

    def hexdigest(self) -> str:
        return self._digest.hexdigest()


def _pagefind_version() -> str:
    try:
        return version("pagefind")
    except PackageNotFoundError:
        return "-"


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return None
