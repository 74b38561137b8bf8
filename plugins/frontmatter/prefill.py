"""Convert the site's Markdown on every core before Pelican reads the files one by one.

Pelican reads content files in one process, one after another. On the first
read of a build, this converts every post and page whose HTML is not in the
Markdown cache, spread over ``FRONTMATTER_MARKDOWN_WORKERS`` forked processes,
and puts the results in the cache; the reader then finds each one there. The
conversion is the same pure function of the text and the settings either way,
so the output does not change.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from markdown import Markdown

from candor_common.processes import cores
from frontmatter.header import strip_header_comments
from frontmatter.mdcache import MarkdownCache

# Below this many files to convert, starting processes costs more than it saves.
MIN_FILES = 48
EXTENSIONS = ("md", "markdown", "mkd", "mdown")

_converters: dict[str, tuple[Markdown, Markdown]] = {}  # by settings, in each worker


def workers_for(settings: Any) -> int:
    """Return how many processes convert Markdown (FRONTMATTER_MARKDOWN_WORKERS or the cores)."""
    wanted = settings.get("FRONTMATTER_MARKDOWN_WORKERS")
    if wanted is not None:
        return int(wanted)
    return cores()


def source_files(settings: Any) -> list[Path]:
    """Return the Markdown files under ARTICLE_PATHS and PAGE_PATHS, sorted."""
    root = Path(settings["PATH"])
    found: set[Path] = set()
    for folder in (*settings["ARTICLE_PATHS"], *settings["PAGE_PATHS"]):
        for extension in EXTENSIONS:
            found.update((root / folder).rglob(f"*.{extension}"))
    return sorted(found)


def prefill(cache: MarkdownCache, settings: Any) -> int:
    """Convert, in parallel, every source file the cache lacks; return how many."""
    workers = workers_for(settings)
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return 0
    missing: dict[str, str] = {}
    for path in source_files(settings):
        try:
            body = strip_header_comments(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeError):
            continue  # the reader reports it
        key = cache.key("doc", body)
        if key not in cache.entries:
            missing[key] = body
    if len(missing) < MIN_FILES:
        return 0
    keys = list(missing)
    size = max(8, len(keys) // (workers * 4))
    chunks = [keys[start:start + size] for start in range(0, len(keys), size)]
    fields = tuple(settings["FORMATTED_FIELDS"])
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        jobs = [pool.submit(convert_many, settings["MARKDOWN"], fields,
                            [missing[k] for k in chunk]) for chunk in chunks]
        for chunk, job in zip(chunks, jobs, strict=True):
            for key, (html, meta, formatted) in zip(chunk, job.result(), strict=True):
                cache.entries[key] = [html, meta]
                for text, field_html in formatted:
                    cache.entries[cache.key("field", text)] = field_html
    return len(keys)


def convert_many(markdown: dict[str, Any], fields: Iterable[str], texts: list[str]
                 ) -> list[tuple[str, dict[str, list[str]], list[tuple[str, str]]]]:
    """Convert ``texts`` as the reader would: HTML, header values, formatted fields."""
    settings_key = repr(markdown)
    if settings_key not in _converters:
        field = Markdown(**markdown)
        field.preprocessors.deregister("meta")
        _converters[settings_key] = (Markdown(**markdown), field)
    doc_converter, field_converter = _converters[settings_key]
    results = []
    for text in texts:
        doc = doc_converter.reset()
        html = doc.convert(text)
        meta = getattr(doc, "Meta", None) or {}
        formatted = []
        for name, value in meta.items():
            if name.lower() in fields:
                joined = "\n".join(value)
                formatted.append((joined, field_converter.reset().convert(joined)))
        results.append((html, meta, formatted))
    return results
