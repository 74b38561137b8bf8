"""Compile each template once: Jinja's bytecode cache, keyed by everything that changes the code.

Pelican gives every generator its own Jinja environment, and each compiles the
templates it uses: the layout is compiled again for the posts, the pages, the
Q&A and the feeds. With a bytecode cache the first compilation is reused. With
``PUBLISHING_INCREMENTAL`` (``make build``) the compiled templates are kept in
``CACHE_PATH/templates`` for the next build; otherwise (production, CI) for
this build only, in memory.

Jinja's own cache tells templates apart by name and source only. The compiled
code also depends on the environment's options (delimiters, ``trim_blocks``,
autoescaping, extensions...) and on the Jinja version, so those are part of the
key here: a changed ``JINJA_ENVIRONMENT`` never runs stale code.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import jinja2
from jinja2.bccache import Bucket, BytecodeCache, FileSystemBytecodeCache

# Environment attributes the compiler reads (jinja2.lexer, compiler, Environment).
COMPILE_OPTIONS = (
    "block_start_string", "block_end_string", "variable_start_string",
    "variable_end_string", "comment_start_string", "comment_end_string",
    "line_statement_prefix", "line_comment_prefix", "trim_blocks", "lstrip_blocks",
    "newline_sequence", "keep_trailing_newline", "optimized", "is_async",
    "autoescape", "finalize",
)


def environment_key(environment: Any) -> str:
    """Describe what, besides the source, decides the code a template compiles to."""
    parts = [f"jinja2={jinja2.__version__}"]
    for name in COMPILE_OPTIONS:
        value = getattr(environment, name, None)
        parts.append(f"{name}={_describe(value)}")
    parts.append("extensions=" + ",".join(sorted(environment.extensions)))
    return "\n".join(parts)


def _describe(value: Any) -> str:
    if callable(value):  # autoescape=select_autoescape(...), finalize=function
        code = getattr(value, "__code__", None)
        closure = [_describe(cell.cell_contents) for cell in getattr(value, "__closure__", None)
                   or ()]
        return "|".join((getattr(value, "__module__", "") or "",
                         getattr(value, "__qualname__", type(value).__qualname__),
                         hashlib.blake2b(code.co_code).hexdigest() if code else "", *closure))
    return repr(value)


def keyed_bucket(cache: BytecodeCache, environment: Any, name: str, filename: str | None,
                 source: str) -> Bucket:
    """Return the bucket of a template, keyed by its environment's options, name and file."""
    options = environment_key(environment)
    key = hashlib.sha1(  # noqa: S324 - a cache key, as Jinja's own
        f"{options}\n{name}\n{filename or ''}".encode()).hexdigest()
    bucket = Bucket(environment, key, cache.get_source_checksum(source))
    cache.load_bytecode(bucket)
    return bucket


class DiskTemplateCache(FileSystemBytecodeCache):
    """Compiled templates kept in a folder between builds (``make build``)."""

    def __init__(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        super().__init__(str(directory), "%s.jinja")

    def get_bucket(self, environment: Any, name: str, filename: str | None,
                   source: str) -> Bucket:
        """Return the bucket of a template, keyed by its environment's options too."""
        return keyed_bucket(self, environment, name, filename, source)

    def __candor_fingerprint__(self) -> str:
        """What pages are made from: nothing of this cache but its folder (see fingerprint)."""
        return str(self.directory)


class MemoryTemplateCache(BytecodeCache):
    """Compiled templates kept for one build, shared by its generators."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        """Fill ``bucket`` from this build's compilations, if it has one."""
        code = self.compiled.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keep a compiled template for the other generators."""
        self.compiled[bucket.key] = bucket.bytecode_to_string()

    def get_bucket(self, environment: Any, name: str, filename: str | None,
                   source: str) -> Bucket:
        """Return the bucket of a template, keyed by its environment's options too."""
        return keyed_bucket(self, environment, name, filename, source)

    def __candor_fingerprint__(self) -> str:
        """Pages do not depend on which templates were compiled so far."""
        return "memory"


def install_template_cache(settings: dict[str, Any]) -> None:
    """Give Pelican's environments a bytecode cache (unless the settings name their own)."""
    environment = dict(settings.get("JINJA_ENVIRONMENT") or {})
    if environment.get("bytecode_cache") is not None:
        return
    if settings.get("PUBLISHING_INCREMENTAL") and settings.get("CACHE_PATH"):
        cache: BytecodeCache = DiskTemplateCache(Path(settings["CACHE_PATH"]) / "templates")
    else:
        cache = MemoryTemplateCache()
    environment["bytecode_cache"] = cache
    settings["JINJA_ENVIRONMENT"] = environment


def use_template_cache(pelican: Any) -> None:
    """Receiver of ``initialized``: install the template cache before generators are made."""
    install_template_cache(pelican.settings)
