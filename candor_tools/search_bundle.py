"""Index a site again over its own Pagefind bundle, then remove what it no longer uses.

Pagefind compares each file it writes with the one in place and leaves it alone
when the bytes are the same, so indexing over the last bundle writes only what an
edit changed (1,000 posts: ~1.1 s against ~2.4 s into an empty folder, where
creating a thousand files from Pagefind's many threads costs more than the
index). But it removes nothing: the fragment of a page that changed or went away
(its text, an unpublished post's included) would stay in the bundle. ``prune``
reads the bundle's entry and each language's metadata (gzip, Pagefind's
``pagefind_dcd`` signature, then CBOR: version, pages, word-index chunks,
filters...) and removes the fragments, index chunks, filters and metadata files
that none of it names. A bundle it cannot read that way raises
``UnknownBundleError``:
the caller then makes the index afresh.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import cbor2

from candor_tools.search_parts import PARTS_FOLDER as PARTS

SIGNATURE = b"pagefind_dcd"
ENTRY = "pagefind-entry.json"
# The folders of a bundle whose files are named by a hash of their content.
HASHED = {"fragment": ".pf_fragment", "index": ".pf_index", "filter": ".pf_filter"}


class UnknownBundleError(Exception):
    """The bundle is not one ``prune`` can read (another Pagefind, damaged, missing)."""


def updatable(bundle: Path, version: str, lang: str, *, parts: bool = False) -> bool:
    """Whether Pagefind may index over ``bundle``: made by Pagefind ``version`` in
    ``lang`` alone, and neither the folder (a symbolic link) nor a file (a hard link)
    shared with another folder (the preview's other folder, ``reuse``), which
    writing in place would change too.
    ``parts``: ``bundle`` is the first part of an index in parts and holds the
    others' folders (left out here); otherwise it must hold none (it was one index)."""
    try:
        entry = json.loads((bundle / ENTRY).read_text("utf-8"))
        if entry["version"] != version or sorted(entry["languages"]) != [lang]:
            return False
    except (OSError, ValueError, KeyError, TypeError):
        return False
    if bundle.is_symlink() or (not parts and (bundle / PARTS).exists()):
        return False
    for folder, folders, files in os.walk(bundle):
        if parts and folder == str(bundle) and PARTS in folders:
            folders.remove(PARTS)
        for name in folders + files:
            status = os.lstat(os.path.join(folder, name))
            if stat.S_ISLNK(status.st_mode) or (name in files and status.st_nlink > 1):
                return False
    return True


def in_use(bundle: Path) -> set[str]:
    """The files of ``bundle``'s hashed folders and metadata that its entry names,
    as paths relative to the bundle."""
    with _reading(bundle):
        entry = json.loads((bundle / ENTRY).read_text("utf-8"))
        used: set[str] = set()
        for language in entry["languages"].values():
            name = f"pagefind.{language['hash']}.pf_meta"
            used.add(name)
            used |= _named_by(_meta(bundle / name))
    missing = sorted(name for name in used if not (bundle / name).is_file())
    if missing:
        msg = f"{bundle}: {missing[0]} is named by the index but missing"
        raise UnknownBundleError(msg)
    return used


def prune(bundle: Path) -> int:
    """Remove the hashed files and metadata of ``bundle`` that its index does not use;
    return how many were removed. ``UnknownBundleError`` if it cannot tell."""
    used = in_use(bundle)
    removed = 0
    for path in _hashed_files(bundle):
        if path.relative_to(bundle).as_posix() not in used:
            path.unlink()
            removed += 1
    return removed


def settle(bundle: Path) -> None:
    """Put what Pagefind writes in an order of its own into one order, so the same
    pages give the same bundle, byte for byte.

    Pagefind 1.5 writes each filter's values (``kind``: news, results...) in the order
    of a hash map, different from run to run (its issue #638 made the fragments stable
    and left these); each filter file is named by a hash of its bytes, the metadata
    names the filter files, and the entry names the metadata. Here each filter's
    values are sorted by value, the metadata's filters by name, and the files written
    again under a hash of their new bytes (gzip without a time, as Pagefind's), in
    place of the ones Pagefind wrote. A file already there with those bytes (the last
    build's) is left as it is. Pagefind's own files are removed only once the entry
    names the new ones: until then the bundle is the one Pagefind made.
    ``UnknownBundleError`` if the bundle cannot be read.
    """
    with _reading(bundle):
        entry_path = bundle / ENTRY
        entry = json.loads(entry_path.read_text("utf-8"))
        named: set[Path] = set()  # the files the settled bundle names
        replaced: list[Path] = []  # Pagefind's own
        for language in entry["languages"].values():
            meta_path = bundle / f"pagefind.{_hash(language['hash'])}.pf_meta"
            meta = _meta(meta_path)
            filters = []
            for name, digest in meta[3]:
                path = bundle / "filter" / f"{_hash(digest)}{HASHED['filter']}"
                values = _decoded(path)
                values[1] = sorted(values[1], key=lambda value: str(value[0]))
                new, payload = _named(values, digest)
                named.add(_put(bundle / "filter" / f"{new}{HASHED['filter']}", payload))
                replaced.append(path)
                filters.append([name, new])
            meta[3] = sorted(filters, key=lambda item: str(item[0]))
            new, payload = _named(meta, language["hash"])
            named.add(_put(bundle / f"pagefind.{new}.pf_meta", payload))
            replaced.append(meta_path)
            language["hash"] = new
        text = json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
        if entry_path.read_text("utf-8") != text:
            entry_path.write_text(text, encoding="utf-8")
        for path in replaced:
            if path not in named:
                path.unlink(missing_ok=True)


@contextmanager
def _reading(bundle: Path) -> Iterator[None]:
    """Turn what a bundle that cannot be read raises into ``UnknownBundleError``."""
    try:
        yield
    except (OSError, ValueError, KeyError, TypeError, IndexError, EOFError,
            cbor2.CBORDecodeError) as error:
        msg = f"{bundle}: not a Pagefind bundle this version of Candor can read ({error})"
        raise UnknownBundleError(msg) from error


def _named(value: Any, pagefinds: str) -> tuple[str, bytes]:
    """Encode ``value`` as a file of Pagefind's before gzip (its signature, then CBOR);
    return its name (the language of Pagefind's hash ``pagefinds``, ``en`` of
    ``en_2731829``, then a hash of the file) and the bytes."""
    payload = SIGNATURE + cbor2.dumps(value)
    language, _, _ = pagefinds.rpartition("_")
    return f"{language}_{hashlib.blake2b(payload, digest_size=5).hexdigest()}", payload


def _put(path: Path, payload: bytes) -> Path:
    """Write ``payload`` gzipped (without a time, as Pagefind's) to ``path``, unless it
    holds that already; return ``path``."""
    if not path.is_file() or gzip.decompress(path.read_bytes()) != payload:
        path.write_bytes(gzip.compress(payload, compresslevel=9, mtime=0))
    return path


def _meta(path: Path) -> list[Any]:
    meta = _decoded(path)
    if not isinstance(meta, list):
        msg = f"{path.name} is not a list"
        raise TypeError(msg)
    return meta


def _decoded(path: Path) -> Any:
    """A file of Pagefind's: gzip, its signature, then CBOR."""
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(SIGNATURE):
        msg = f"{path.name} does not start with {SIGNATURE!r}"
        raise ValueError(msg)
    return cbor2.loads(raw[len(SIGNATURE):])


def _named_by(meta: list[Any]) -> set[str]:
    """The hashed files a language's metadata names: [version, pages [hash, words],
    index chunks [from, to, hash], filters [name, hash], ...]."""
    pages, chunks, filters = meta[1], meta[2], meta[3]
    named = {f"fragment/{_hash(page[0])}{HASHED['fragment']}" for page in pages}
    named |= {f"index/{_hash(chunk[2])}{HASHED['index']}" for chunk in chunks}
    named |= {f"filter/{_hash(item[1])}{HASHED['filter']}" for item in filters}
    return named


def _hash(value: Any) -> str:
    if not isinstance(value, str) or not value or "/" in value or value.startswith("."):
        msg = f"{value!r} is not a file hash"
        raise ValueError(msg)
    return value


def _hashed_files(bundle: Path) -> list[Path]:
    found = sorted(bundle.glob("pagefind.*.pf_meta"))
    for folder in HASHED:
        if (bundle / folder).is_dir():
            found += sorted(p for p in (bundle / folder).iterdir() if p.is_file())
    return found
