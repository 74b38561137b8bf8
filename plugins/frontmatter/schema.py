"""The front-matter schema: which keys exist, which are required, and their types.

docs/front-matter.md documents the same table for executives; keep them in step.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from candor_common.errors import Problem

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
STATUSES = ("published", "review", "draft", "hidden")
REPEATABLE = ("correction",)
CORRECTION_RE = re.compile(r"^(\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?)\s*:\s*(\S.*)$")
DATE_HELP = "Write it as YYYY-MM-DD or YYYY-MM-DD HH:MM, e.g. 2025-03-14 09:00"


@dataclass(frozen=True)
class Rules:
    """What the schema needs to know about the site, from the settings."""

    path: str  # the file as shown in messages
    content_root: Path
    kinds: dict[str, str]
    languages: tuple[str, ...]
    authors: tuple[str, ...]
    roster_path: str
    is_post: bool
    require_disclosure: bool = False
    extra_fields: tuple[str, ...] = ()
    templates: tuple[str, ...] = ()  # page templates the theme offers


POST_FIELDS = ("title", "date", "modified", "author", "authors", "kind", "tags", "summary",
               "description", "slug", "lang", "status", "image", "image_alt", "approved_by",
               "written_by", "drafted_with", "reviewed_by", "correction")
PAGE_FIELDS = ("title", "modified", "summary", "description", "slug", "lang", "status",
               "image", "image_alt", "template", "approved_by", "correction")
POST_REQUIRED = ("title", "date", "kind")
PAGE_REQUIRED = ("title",)


def parse_date(value: str) -> datetime | None:
    """Parse the ISO-style dates the schema accepts; None when it is not one."""
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def check_fields(values: dict[str, tuple[str, int]], rules: Rules,
                 only: str | None = None) -> list[Problem]:
    """Return every problem with the given ``{key: (value, line)}`` front matter.

    With ``only``, check just that field (used for repeated Correction lines).
    """
    if only is not None:
        value, line = values[only]
        return [Problem(rules.path, line, only, what, fix)
                for what, fix in CHECKS[only](value, rules, values)]
    allowed = (POST_FIELDS if rules.is_post else PAGE_FIELDS) + rules.extra_fields
    required = POST_REQUIRED if rules.is_post else PAGE_REQUIRED
    problems: list[Problem] = []

    def problem(key: str, line: int | None, what: str, fix: str) -> None:
        problems.append(Problem(rules.path, line, key, what, fix))

    for key, (_value, line) in values.items():
        if key not in allowed:
            problem(key, line, *_unknown_key(key, allowed, rules.is_post))
    for key in required:
        if key not in values:
            problem(key, 1, "is missing", _missing_fix(key, rules))
    if rules.is_post and rules.require_disclosure and "written_by" not in values:
        problem("written_by", 1, "is missing; production builds require an authorship "
                "disclosure", "Add 'Written_by: <slug>' and, if anyone helped, "
                "'Drafted_with: ...' and 'Reviewed_by: ...'")
    if rules.is_post and "author" not in values and "authors" not in values:
        problem("author", 1, "is missing",
                f"Add 'Author: <slug>' with a slug from {rules.roster_path}")
    for key, (value, line) in values.items():
        check = CHECKS.get(key)
        if key in allowed and check is not None:
            for what, fix in check(value, rules, values):
                problem(key, line, what, fix)
    return problems


def _unknown_key(key: str, allowed: tuple[str, ...], is_post: bool) -> tuple[str, str]:
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    if close:
        return "unknown field", f"Did you mean '{close[0].capitalize()}'?"
    if not is_post and key in POST_FIELDS:
        return ("pages do not take this field",
                "Remove it, or move the file to content/posts/ if it is a post")
    return "unknown field", "Remove it; the known fields are listed in docs/front-matter.md"


def _missing_fix(key: str, rules: Rules) -> str:
    return {
        "title": "Add 'Title: ...' as the first line",
        "date": f"Add 'Date: ...'. {DATE_HELP}",
        "kind": f"Add 'Kind: ...' with one of: {', '.join(rules.kinds)}",
    }[key]


Check = Callable[[str, Rules, dict[str, tuple[str, int]]], list[tuple[str, str]]]


def _text(value: str, rules: Rules, values: dict[str, tuple[str, int]]) -> list[tuple[str, str]]:
    return [] if value.strip() else [("is empty", "Write a value or remove the line")]


def _date(value: str, rules: Rules, values: dict[str, tuple[str, int]]) -> list[tuple[str, str]]:
    if parse_date(value) is None:
        return [(f"'{value}' is not a date", DATE_HELP)]
    return []


def _modified(value: str, rules: Rules,
              values: dict[str, tuple[str, int]]) -> list[tuple[str, str]]:
    found = _date(value, rules, values)
    date = parse_date(values["date"][0]) if "date" in values else None
    modified = parse_date(value)
    if not found and date and modified and modified < date:
        found.append(("is earlier than Date", "An update comes after the post; fix either date"))
    return found


def _authors(value: str, rules: Rules,
             values: dict[str, tuple[str, int]]) -> list[tuple[str, str]]:
    slugs = [s.strip() for s in value.split(",")]
    if not value.strip() or not all(slugs):
        return [("is empty", f"Name authors by slug from {rules.roster_path}")]
    found = []
    for slug in slugs:
        if slug not in rules.authors:
            close = difflib.get_close_matches(slug, rules.authors, n=1)
            hint = f"Did you mean '{close[0]}'? " if close else ""
            found.append((f"'{slug}' is not in the authors roster ({rules.roster_path})",
                          f"{hint}Known authors: {', '.join(rules.authors)}"))
    return found


def _kind(value: str, rules: Rules, values: dict[str, tuple[str, int]]) -> list[tuple[str, str]]:
    if value in rules.kinds:
        return []
    close = difflib.get_close_matches(value.lower(), rules.kinds, n=1)
    hint = f"Did you mean '{close[0]}'? " if close else ""
    return [(f"'{value}' is not a kind of post", f"{hint}Use one of: {', '.join(rules.kinds)}")]


def _tags(value: str, rules: Rules, values: dict[str, tuple[str, int]]) -> list[tuple[str, str]]:
    if value.startswith("[") or value.endswith("]"):
        return [("is not a comma-separated list", "Write tags as: storage, safety, hiring")]
    tags = [t.strip() for t in value.split(",")]
    if not all(tags):
        return [("has an empty tag", "Remove the extra comma")]
    return []


def _slug(value: str, rules: Rules, values: dict[str, tuple[str, int]]) -> list[tuple[str, str]]:
    if SLUG_RE.match(value):
        return []
    return [(f"'{value}' is not a slug", "Use lowercase letters, digits and hyphens")]


def _lang(value: str, rules: Rules, values: dict[str, tuple[str, int]]) -> list[tuple[str, str]]:
    if value in rules.languages:
        return []
    return [(f"'{value}' is not a language of this site",
             f"Use one of: {', '.join(rules.languages)} (FRONTMATTER_LANGUAGES)")]


def _status(value: str, rules: Rules,
            values: dict[str, tuple[str, int]]) -> list[tuple[str, str]]:
    if value in STATUSES:
        return []
    close = difflib.get_close_matches(value.lower(), STATUSES, n=1)
    hint = f"Did you mean '{close[0]}'? " if close else ""
    return [(f"'{value}' is not a status", f"{hint}Use one of: {', '.join(STATUSES)}")]


def _image(value: str, rules: Rules, values: dict[str, tuple[str, int]]) -> list[tuple[str, str]]:
    found = []
    if not (rules.content_root / value).is_file():
        found.append((f"no file '{value}' under content/",
                      "Put the image in content/images/ and give its path from content/"))
    if "image_alt" not in values:
        found.append(("needs a text alternative",
                      "Add 'Image_alt: what the image shows' for readers who cannot see it"))
    return found


def _written_by(value: str, rules: Rules,
                values: dict[str, tuple[str, int]]) -> list[tuple[str, str]]:
    if "," in value:
        fix = "Write the one executive who wrote it; credit helpers in Drafted_with"
        return [("names one executive", fix)]
    return _authors(value, rules, values)


def _correction(value: str, rules: Rules,
                values: dict[str, tuple[str, int]]) -> list[tuple[str, str]]:
    match = CORRECTION_RE.match(value)
    if not match or parse_date(match.group(1)) is None:
        return [("is not 'DATE: what was wrong and what is right'",
                 "Write e.g. 'Correction: 2025-04-22: We said 96 containers; it was 94.'")]
    date = parse_date(values["date"][0]) if "date" in values else None
    when = parse_date(match.group(1))
    if date and when and when.date() < date.date():
        return [("is dated before the post", "A correction comes after the post; fix the date")]
    return []


def _template(value: str, rules: Rules,
              values: dict[str, tuple[str, int]]) -> list[tuple[str, str]]:
    if value in rules.templates:
        return []
    return [(f"the theme has no template '{value}'",
             f"Use one of: {', '.join(rules.templates) or 'none'}, or remove the line")]


CHECKS: dict[str, Check] = {
    "title": _text, "summary": _text, "description": _text, "image_alt": _text,
    "date": _date, "modified": _modified, "author": _authors, "authors": _authors,
    "kind": _kind, "tags": _tags, "slug": _slug, "lang": _lang, "status": _status,
    "image": _image, "template": _template, "written_by": _written_by,
    "approved_by": _text, "drafted_with": _text, "reviewed_by": _text, "correction": _correction,
}


def as_values(entries: list[Any]) -> tuple[dict[str, tuple[str, int]], list[tuple[str, int]]]:
    """Index header entries by key; also return (key, line) of every repeated key."""
    values: dict[str, tuple[str, int]] = {}
    repeated = []
    for entry in entries:
        if entry.key in values and entry.key not in REPEATABLE:
            repeated.append((entry.key, entry.line))
            continue
        if entry.key in values:
            continue
        values[entry.key] = (entry.value, entry.line)
    return values, repeated


@dataclass(frozen=True)
class Correction:
    """A dated correction of a post: what was wrong and what is right."""

    date: datetime
    text: str


def corrections_of(entries: list[Any], settings: dict[str, Any]) -> tuple[Correction, ...]:
    """Return the post's corrections, oldest first, dated in the site's timezone."""
    from zoneinfo import ZoneInfo  # noqa: PLC0415

    zone = ZoneInfo(settings.get("TIMEZONE", "UTC"))
    found = []
    for entry in entries:
        match = CORRECTION_RE.match(entry.value)
        when = parse_date(match.group(1)) if match else None
        if match and when:
            found.append(Correction(when if when.tzinfo else when.replace(tzinfo=zone),
                                    match.group(2).strip()))
    return tuple(sorted(found, key=lambda c: c.date))
