"""A Markdown reader that validates front matter before Pelican reads the file."""

from __future__ import annotations

import logging
import os
import re
import stat
from dataclasses import replace
from pathlib import Path
from typing import Any

from markdown import Markdown
from pelican.readers import DUPLICATES_DEFINITIONS_ALLOWED, HTMLReader, MarkdownReader
from pelican.urlwrappers import Author, Category
from pelican.utils import SafeDatetime, slugify

from candor_common.errors import FrontMatterError, Problem
from candor_common.paths import display_path
from frontmatter.header import read_header, strip_header_comments
from frontmatter.mdcache import MarkdownCache, cache_for
from frontmatter.prefill import prefill
from frontmatter.schema import Rules, as_values, check_fields, corrections_of
from roster.model import Roster
from roster.receivers import roster_for

logger = logging.getLogger(__name__)


class CandorMarkdownReader(MarkdownReader):
    """Pelican's Markdown reader, with Candor's schema checked first.

    Problems are logged as ``file:line: field: problem. fix.`` and the file is
    refused; the publishing plugin then stops the build before writing.
    """

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        """Validate the front matter of ``source_path``, then read it as Pelican would."""
        path = Path(source_path)
        roster, site = self._site()
        rules = self._rules(path, site)
        text = path.read_text(encoding="utf-8")
        entries = read_header(text)
        values, repeated = as_values(entries)
        problems = [Problem(rules.path, line, key, "appears twice", "Keep one of the lines")
                    for key, line in repeated]
        problems += check_fields(values, rules)
        corrections = [e for e in entries if e.key == "correction"]
        for entry in corrections[1:]:
            problems += check_fields({**values, "correction": (entry.value, entry.line)},
                                     rules, only="correction")
        problems += _check_lang_suffix(path, values, rules)
        if problems:
            error = FrontMatterError(problems)
            for line in str(error).splitlines():
                logger.error("frontmatter: %s", line)
            raise error
        content, metadata = self._convert(source_path, text)
        self._complete(path, values, metadata, rules, roster)
        metadata.pop("correction", None)
        metadata["corrections"] = corrections_of(corrections, self.settings)
        return content, metadata

    def process_metadata(self, name: str, value: Any) -> Any:
        """Process a value as Pelican does; plain ISO dates without dateutil (``fast_date``)."""
        if name in ("date", "modified") and isinstance(value, str):
            date = fast_date(value)
            if date is not None:
                return date
        return super().process_metadata(name, value)

    def _convert(self, source_path: str, text: str) -> tuple[str, dict[str, Any]]:
        """Convert like MarkdownReader.read, but from text without header comments."""
        self._source_path = source_path
        body = strip_header_comments(text)
        cache = self._markdown_cache()
        if not cache.prefilled:
            cache.prefilled = True
            prefill(cache, self.settings)
        key = cache.key("doc", body)
        stored = cache.get(key)
        if stored is None:
            converter = self._converter("doc")
            content = converter.convert(body)
            meta = getattr(converter, "Meta", None) or {}
            cache.put(key, [content, meta])
        else:
            content, meta = stored
        return content, self._parse_metadata(meta) if meta else {}

    def _parse_metadata(self, meta: dict[str, list[str]]) -> dict[str, Any]:
        """Process the header's values as MarkdownReader does, with cached formatted fields."""
        output: dict[str, Any] = {}
        for raw_name, value in meta.items():
            name = raw_name.lower()
            if name in self.settings["FORMATTED_FIELDS"]:
                output[name] = self.process_metadata(name, self._format_field("\n".join(value)))
            elif not DUPLICATES_DEFINITIONS_ALLOWED.get(name, True):
                if len(value) > 1:
                    logger.warning("Duplicate definition of `%s` for %s. Using first one.",
                                   name, self._source_path)
                output[name] = self.process_metadata(name, value[0])
            elif len(value) > 1:
                output[name] = self.process_metadata(name, value)
            else:
                output[name] = self.process_metadata(name, value[0])
        return output

    def _format_field(self, text: str) -> str:
        """Convert one formatted header field (``Summary``) to HTML."""
        cache = self._markdown_cache()
        key = cache.key("field", text)
        stored = cache.get(key)
        if stored is None:
            stored = self._converter("field").convert(text)
            cache.put(key, stored)
        return str(stored)

    def _converter(self, kind: str) -> Markdown:
        """Return this reader's Markdown instance for ``kind``, reset for a new text.

        One instance per kind is reused (``reset()`` clears every extension's
        state, as MarkdownReader relies on); fields never read a header.
        """
        converters = self.__dict__.setdefault("_converters", {})
        if kind not in converters:
            converters[kind] = Markdown(**self.settings["MARKDOWN"])
            if kind == "field":
                converters[kind].preprocessors.deregister("meta")
        self._md = converters[kind].reset()
        return self._md

    def _markdown_cache(self) -> MarkdownCache:
        if "_md_cache" not in self.__dict__:
            self._md_cache = cache_for(self.settings)
        return self._md_cache

    def _site(self) -> tuple[Roster, Rules]:
        """Return the roster and the site's part of the rules, worked out once.

        Worked out again only when the roster or the theme's template folder
        changed (the live preview keeps one reader across saves).
        """
        settings = self.settings
        roster = roster_for(settings)
        folder = Path(settings["THEME"]) / "templates"
        try:
            found = os.stat(folder)
        except OSError:
            found = None
        stamp = found.st_mtime_ns if found is not None and stat.S_ISDIR(found.st_mode) else None
        cached = self.__dict__.get("_site_rules")
        if cached is None or cached[0] is not roster or cached[1] != stamp:
            cached = self._site_rules = (roster, stamp, Rules(
                path="",
                content_root=Path(settings["PATH"]),
                kinds=dict(settings["FRONTMATTER_KINDS"]),
                languages=tuple(settings["FRONTMATTER_LANGUAGES"]),
                authors=tuple(roster.slugs()),
                roster_path=roster.path,
                require_disclosure=bool(settings.get("PUBLISHING_REQUIRE_DISCLOSURE")),
                is_post=True,
                extra_fields=tuple(settings["FRONTMATTER_EXTRA_FIELDS"]),
                templates=tuple(sorted(p.stem for p in folder.glob("*.html"))),
            ))
        return cached[0], cached[2]

    def _rules(self, path: Path, site: Rules) -> Rules:
        """Return the rules for ``path``: the site's, with the file's name and kind.

        A page is a file whose first folder under the content root (or, outside
        it, whose path's first part) is the first part of one of PAGE_PATHS.
        """
        root = str(site.content_root)
        root = root if root.endswith(os.sep) else root + os.sep
        shown = str(path)
        if shown.startswith(root):
            first = shown[len(root):].split(os.sep, 1)[0]
        else:
            first = path.parts[0] if path.parts else ""
        pages = self.__dict__.get("_page_roots")
        if pages is None or pages[0] is not self.settings["PAGE_PATHS"]:
            paths = self.settings["PAGE_PATHS"]
            pages = self._page_roots = (paths, {Path(p).parts[0] for p in paths if Path(p).parts})
        return replace(site, path=display_path(path), is_post=first not in pages[1])

    def _complete(self, path: Path, values: dict[str, tuple[str, int]],
                  metadata: dict[str, Any], rules: Rules, roster: Roster) -> None:
        """Turn validated values into what Pelican and the theme expect."""
        settings = self.settings
        if "approved_by" in values:
            metadata["approved_by"] = tuple(
                name.strip() for name in values["approved_by"][0].split(",") if name.strip())
        lang = values.get("lang", (_lang_suffix(path, rules) or settings["DEFAULT_LANG"], 0))[0]
        metadata["lang"] = lang
        if "slug" not in values:
            stem = path.stem
            if stem.endswith(f".{lang}"):
                stem = stem[: -len(lang) - 1]
            metadata["slug"] = slugify(stem, regex_subs=settings["SLUG_REGEX_SUBSTITUTIONS"])
        if not rules.is_post:
            return
        raw = values.get("authors", values.get("author"))
        slugs = [s.strip() for s in raw[0].split(",")] if raw else []
        authors = []
        for slug in slugs:
            author = Author(roster[slug].name, settings)
            author.slug = slug
            authors.append(author)
        metadata["authors"] = authors
        metadata["author"] = authors[0]
        for key in ("written_by", "drafted_with", "reviewed_by"):
            if key in values:
                metadata[key] = values[key][0]
        kind = values["kind"][0]
        metadata["kind"] = kind
        metadata["category"] = Category(settings["FRONTMATTER_KINDS"][kind], settings)


# A date and an optional time, without a zone: what dateutil is slow to parse.
_PLAIN_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?")


def fast_date(value: str) -> SafeDatetime | None:
    """Return what Pelican's ``get_date`` returns for a plain ISO date, or None for any other.

    ``get_date`` runs dateutil, with today at midnight as the default: for a date
    and an optional time without a zone that is the date and time given, the
    rest zero. Dates with a zone, and anything else, are left to Pelican.
    """
    match = _PLAIN_DATE.fullmatch(value)
    if match is None:
        return None
    try:
        return SafeDatetime(*(int(part or 0) for part in match.groups()))
    except ValueError:  # 2026-02-30: Pelican's own error message
        return None


class MarkdownOnlyReader(HTMLReader):
    """Refuse reStructuredText and HTML sources: Candor validates Markdown only.

    Pelican would otherwise read them without the schema, roster or kind checks.
    It subclasses HTMLReader, not BaseReader, so Pelican's automatic discovery
    of BaseReader's direct subclasses never registers it for other files.
    """

    enabled = True

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        """Refuse the file with a message saying how to fix it."""
        path = Path(source_path)
        error = FrontMatterError([Problem(
            display_path(path), None, "file", f"'{path.suffix}' files are not read by Candor",
            "Write the post in Markdown: rename it to .md and use the fields in "
            "docs/front-matter.md")])
        for line in str(error).splitlines():
            logger.error("frontmatter: %s", line)
        raise error


def _lang_suffix(path: Path, rules: Rules) -> str | None:
    suffix = Path(path.stem).suffix.lstrip(".")
    return suffix if suffix in rules.languages else None


def _check_lang_suffix(path: Path, values: dict[str, tuple[str, int]],
                       rules: Rules) -> list[Problem]:
    suffix = _lang_suffix(path, rules)
    if suffix and "lang" in values and values["lang"][0] != suffix:
        value, line = values["lang"]
        return [Problem(rules.path, line, "lang",
                        f"says '{value}' but the file name ends in '.{suffix}.md'",
                        "Make the file name and Lang agree")]
    return []
