"""Remember Python-Markdown's output by content hash, across builds.

A build converts each post only if its text (or the Markdown settings, or an
extension's code, or Python-Markdown itself) changed since the last build;
otherwise it reuses the HTML. The front matter is still validated on every
build: only the conversion is cached. The cache is one JSON file in
``CACHE_PATH``, written at the end of a successful build with the entries that
build used (so it never grows beyond the site).
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import os
from importlib.metadata import version
from pathlib import Path
from typing import Any

from candor_common.statefile import read_state, write_state

logger = logging.getLogger(__name__)

# Bump when what is stored, or how a key is made, changes.
FORMAT = 1
FILE_NAME = "candor-markdown.json"

_OPEN: dict[str, MarkdownCache] = {}


class MarkdownCache:
    """Converted Markdown keyed by the hash of (settings fingerprint, kind, text)."""

    def __init__(self, path: Path | None, fingerprint: str) -> None:
        self.path = path  # None: kept in memory for this process only
        self.fingerprint = fingerprint
        self.entries: dict[str, Any] = {}
        self.used: dict[str, Any] = {}
        self.loaded_keys: frozenset[str] = frozenset()
        self.prefilled = False  # set once this build's files were converted in parallel

    def key(self, kind: str, text: str) -> str:
        """Return the key of ``text`` converted as ``kind`` ("doc" or "field")."""
        digest = hashlib.sha256()
        for part in (self.fingerprint, kind, text):
            digest.update(part.encode("utf-8"))
            digest.update(b"\0")
        return digest.hexdigest()

    def get(self, key: str) -> Any:
        """Return the stored value of ``key`` (None if absent) and mark it used."""
        value = self.entries.get(key)
        if value is not None:
            self.used[key] = value
        return value

    def put(self, key: str, value: Any) -> None:
        """Store ``value`` (JSON-serializable) under ``key``."""
        self.entries[key] = value
        self.used[key] = value

    def load(self) -> None:
        """Read the file, keeping its entries only if they were made with this fingerprint."""
        if self.path is None:
            return
        data = read_state(self.path)
        if (data is not None and data.get("format") == FORMAT
                and data.get("fingerprint") == self.fingerprint
                and isinstance(data.get("entries"), dict)):
            self.entries = data["entries"]
            self.loaded_keys = frozenset(self.entries)

    def save(self) -> None:
        """Write the entries this build used, atomically; skip if nothing changed."""
        used, self.used = self.used, {}
        if self.path is None or frozenset(used) == self.loaded_keys:
            self.entries = used
            return
        data = {"format": FORMAT, "fingerprint": self.fingerprint, "entries": used}
        try:
            write_state(self.path, data)
        except OSError as error:
            logger.warning("frontmatter: could not save the Markdown cache %s: %s",
                           self.path, error)
            return
        self.entries = used
        self.loaded_keys = frozenset(used)


def fingerprint(markdown_settings: dict[str, Any]) -> str:
    """Hash everything besides the text that decides Python-Markdown's output."""
    digest = hashlib.sha256()
    digest.update(f"{FORMAT} markdown {version('markdown')} pelican {version('pelican')}"
                  .encode())
    digest.update(repr(sorted(markdown_settings.items(), key=lambda item: item[0]))
                  .encode("utf-8", "backslashreplace"))
    names = set(markdown_settings.get("extension_configs", {}))
    names.update(e for e in markdown_settings.get("extensions", []) if isinstance(e, str))
    for name in sorted(names):
        digest.update(name.encode())
        digest.update(_module_source(name.split(":", 1)[0]))
    return digest.hexdigest()


def _module_source(module: str) -> bytes:
    """Return the source of an extension's module (its code is part of the output)."""
    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError):
        spec = None
    if spec is None or not spec.origin or not os.path.isfile(spec.origin):
        return b"?"
    return Path(spec.origin).read_bytes()


def cache_for(settings: Any) -> MarkdownCache:
    """Return the build's Markdown cache (on disk with FRONTMATTER_MARKDOWN_CACHE)."""
    marker = fingerprint(settings["MARKDOWN"])
    path = (Path(settings["CACHE_PATH"]) / FILE_NAME
            if settings.get("FRONTMATTER_MARKDOWN_CACHE") else None)
    name = str(path) if path else f"memory:{marker}"
    cache = _OPEN.get(name)
    if cache is None or cache.fingerprint != marker:
        cache = MarkdownCache(path, marker)
        cache.load()
        _OPEN[name] = cache
    return cache


def start_build() -> None:
    """Forget what the last build of this process used (it may have stopped early).

    Caches kept only in memory (FRONTMATTER_MARKDOWN_CACHE off) are dropped:
    with the cache off, every build converts every file.
    """
    for name, cache in list(_OPEN.items()):
        if cache.path is None:
            del _OPEN[name]
        cache.used = {}
        cache.prefilled = False


def save_open_caches() -> None:
    """Write every cache this process used (at the end of a successful build)."""
    for cache in _OPEN.values():
        cache.save()
