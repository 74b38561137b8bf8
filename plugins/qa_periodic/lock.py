"""The digest lock: a committed record of every published period, so it never changes.

``invoke freeze-digests`` writes one record per closed period into
``content/qa/digests.lock.json`` (QA_PERIODIC_LOCK). From then on the build
shows that period from its record: its numbers, the entries it listed (with
the responses as they were), its top comments and their votes, and its
correction notes. Only later removals and corrections add to it, as notes.

The file is JSON, sorted and indented, one record per period key, so a
review shows exactly which periods a change froze.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from markupsafe import Markup

from candor_common.errors import DataError, Problem
from candor_common.paths import display_path
from qa_digest.sanitize import clean_html
from qa_periodic.model import Numbers
from qa_periodic.periods import period_from_key

SCHEMA_VERSION = 1
# Event kinds of a period: the entries asked, the responses given, the follow-ups due.
EVENTS = ("asked", "answers", "declines", "follow_ups", "due")
# Sections whose listed entries are kept, in page order.
SECTIONS = ("answers", "declines", "follow_ups", "came_due", "questions")
FIX = ("Restore the file from git (git checkout -- {path}), or delete the period's record "
       "and run `invoke freeze-digests` to record it again from the current data")


@dataclass(frozen=True)
class FrozenResponse:
    """A response as a digest listed it: who, when, what, and the date promised."""

    status: str
    by: str
    at: datetime
    html: Markup
    due: date | None = None


@dataclass(frozen=True)
class FrozenEntry:
    """One listed entry: its id and, for the response sections, the response shown."""

    id: str
    response: FrozenResponse | None = None


@dataclass(frozen=True)
class FrozenPeriod:
    """What one period's digest showed when it was frozen (see module docstring)."""

    key: str
    numbers: Numbers
    previous: Numbers | None  # None: the first digest
    previous_quiet: bool
    events: dict[str, frozenset[str]]
    sections: dict[str, tuple[tuple[FrozenEntry, ...], int]]  # (shown, how many more)
    top_comments: tuple[tuple[str, int], ...]
    removed_in_period: tuple[tuple[str, int], ...]
    corrections: tuple[dict[str, Any], ...]
    late: int = 0


@dataclass
class Lock:
    """Every frozen period of one unit ("week" or "month"), by key."""

    unit: str
    periods: dict[str, FrozenPeriod] = field(default_factory=dict)


def read_lock(path: Path, unit: str) -> Lock:
    """Read the lock at ``path``; a missing file is an empty lock.

    Raises DataError naming the file, the line where JSON says, the field and the fix.
    """
    shown = display_path(path)
    if not path.is_file():
        return Lock(unit)
    text = path.read_text(encoding="utf-8")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise DataError([Problem(shown, error.lineno, "json", error.msg,
                                 FIX.format(path=shown))]) from None
    problems: list[Problem] = []

    def problem(where: str, what: str, fix: str = FIX.format(path=shown)) -> None:
        problems.append(Problem(shown, _line_of(text, where), where, what, fix))

    if not isinstance(data, dict) or data.get("schema_version") != SCHEMA_VERSION:
        problem("schema_version", f"expected {SCHEMA_VERSION}",
                "Upgrade Candor, or restore the file from git")
        raise DataError(problems)
    if data.get("unit") != unit:
        problem("unit", f"the periods in this file are {data.get('unit')!r}s, but "
                f"QA_PERIODIC_PERIOD is {unit!r}",
                f"Set QA_PERIODIC_PERIOD = {data.get('unit')!r}, or, to change the "
                "period for good, rename this file (keep it as the record of the old "
                "digests) and run `invoke freeze-digests`")
        raise DataError(problems)
    lock = Lock(unit)
    for key, raw in sorted((data.get("periods") or {}).items()):
        try:
            lock.periods[key] = _period(key, raw, unit)
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            problem(key, f"the record is incomplete or malformed ({error!s})")
    if problems:
        raise DataError(problems)
    return lock


def _line_of(text: str, key: str) -> int:
    """Return the line where ``"key"`` first appears in the file, or 1."""
    index = text.find(f'"{key}"')
    return text.count("\n", 0, index) + 1 if index >= 0 else 1


def _period(key: str, raw: dict[str, Any], unit: str) -> FrozenPeriod:
    period_from_key(key, unit, UTC)  # raises ValueError for a key that is not a period
    sections = {}
    for name in SECTIONS:
        section = raw["sections"][name]
        sections[name] = (tuple(_entry(e) for e in section["shown"]), int(section["more"]))
    return FrozenPeriod(
        key=key, numbers=Numbers(**raw["numbers"]),
        previous=None if raw["previous"] is None else Numbers(**raw["previous"]),
        previous_quiet=bool(raw["previous_quiet"]),
        events={name: frozenset(map(str, raw["events"][name])) for name in EVENTS},
        sections=sections,
        top_comments=tuple((str(c["id"]), int(c["votes"])) for c in raw["top_comments"]),
        removed_in_period=tuple((str(r), int(n)) for r, n in raw["removed_in_period"]),
        corrections=tuple(dict(note) for note in raw["corrections"]),
        late=int(raw.get("late", 0)))


def _entry(raw: dict[str, Any]) -> FrozenEntry:
    response = raw.get("response")
    if response is None:
        return FrozenEntry(str(raw["id"]))
    due = response.get("due")
    return FrozenEntry(str(raw["id"]), FrozenResponse(
        status=str(response["status"]), by=str(response["by"]),
        at=datetime.fromisoformat(response["at"]),
        # Written from sanitized HTML; cleaned again in case the file was edited by hand.
        html=Markup(clean_html(str(response["html"]))),  # noqa: S704 - nh3 output
        due=date.fromisoformat(due) if due else None))


def lock_text(unit: str, periods: dict[str, dict[str, Any]]) -> str:
    """Return the lock file's text for ``periods`` (key → record), byte-stable.

    One period per line, oldest first, so freezing a period adds one line to the
    diff a reviewer reads.
    """
    def dump(value: Any) -> str:
        return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))

    lines = [f" {dump(key)}:{dump(record)}" for key, record in sorted(periods.items())]
    body = ",\n".join(lines)
    return (f'{{\n"schema_version":{SCHEMA_VERSION},\n"unit":{dump(unit)},\n'
            f'"periods":{{\n{body}\n}}\n}}\n')


def raw_periods(path: Path) -> dict[str, dict[str, Any]]:
    """Return the lock's records as written (for adding new ones without touching them)."""
    if not path.is_file():
        return {}
    return dict(json.loads(path.read_text(encoding="utf-8")).get("periods") or {})


def freeze(path: Path, unit: str, records: dict[str, dict[str, Any]]) -> None:
    """Add ``records`` to the lock at ``path``; records already there are never rewritten."""
    periods = raw_periods(path)
    periods.update({key: record for key, record in records.items() if key not in periods})
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(lock_text(unit, periods), encoding="utf-8")
    temporary.replace(path)
