"""Commitments made in posts and answers, and how each one turned out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from candor_common.errors import DataError, Problem
from candor_common.yamlfile import Located, load_located
from qa_digest.fields import Reader

STATUSES = ("open", "in-progress", "kept", "partly-kept", "missed", "withdrawn")
OPEN_STATUSES = ("open", "in-progress")
KEYS = ("id", "what", "who", "due", "source", "history")
CHANGE_KEYS = ("date", "status", "note", "source")


@dataclass(frozen=True)
class StatusChange:
    """One dated change of a commitment's status, with where it was said."""

    date: datetime
    status: str
    note: str
    source: str | None


@dataclass(frozen=True)
class Commitment:
    """A promise with an owner and a due date, and its status over time."""

    id: str
    what: str
    who: str
    due: date
    source: str  # a post's path under content/, or "qa:<question id>"
    history: tuple[StatusChange, ...]

    @property
    def status(self) -> str:
        """The latest status."""
        return self.history[-1].status

    def overdue_on(self, today: date) -> bool:
        """True when the due date has passed and the commitment is still open."""
        return self.status in OPEN_STATUSES and self.due < today


def load_commitments(path: Path, display: str, zone: ZoneInfo,
                     authors: frozenset[str]) -> tuple[Commitment, ...]:
    """Read the commitments file; raise DataError listing every problem."""
    if not path.is_file():
        return ()
    data = load_located(path, display)
    problems: list[Problem] = []
    items = data.values.get("commitments") if isinstance(data, Located) else None
    if not isinstance(items, list):
        raise DataError([Problem(display, 1, "commitments", "expected a list under "
                                 "'commitments:'", "See docs/publishing.md#commitments")])
    found: list[Commitment] = []
    seen: set[str] = set()
    for item in items:
        commitment = _read(item, display, zone, authors, problems)
        if commitment is None:
            continue
        if commitment.id in seen:
            problems.append(Problem(display, item.line_of("id"), "id", f"'{commitment.id}' "
                                    "is used twice", "Give each commitment its own id"))
        seen.add(commitment.id)
        found.append(commitment)
    if problems:
        raise DataError(problems)
    return tuple(found)


def _read(item: Any, display: str, zone: ZoneInfo, authors: frozenset[str],
          problems: list[Problem]) -> Commitment | None:
    if not isinstance(item, Located):
        problems.append(Problem(display, None, "commitments", "each entry must be a block",
                                "Start each commitment with '- id: ...'"))
        return None
    start = len(problems)
    fields = Reader(display, item, zone, problems)
    fields.check_keys(KEYS)
    cid, what = fields.slug("id"), fields.text("what", fix="Say what was promised")
    who, due = fields.slug("who"), fields.day("due")
    source = fields.text("source", fix="Name the post (posts/…md) or answer (qa:<id>)")
    if who is not None and who not in authors:
        fields.problem("who", f"'{who}' is not in the authors roster",
                       f"Use one of: {', '.join(sorted(authors))}")
    history = _history(item, fields, problems)
    if len(problems) > start or None in (cid, what, who, due, source) or not history:
        return None
    return Commitment(str(cid), str(what), str(who), due, str(source),  # type: ignore[arg-type]
                      tuple(sorted(history, key=lambda c: c.date)))


def _history(item: Located, fields: Reader, problems: list[Problem]) -> list[StatusChange]:
    raw = item.values.get("history")
    if not isinstance(raw, list) or not raw:
        fields.problem("history", "is missing", "Add at least '- date: ...' and 'status: open'")
        return []
    changes = []
    for entry in raw:
        if not isinstance(entry, Located):
            fields.problem("history", "each change must be a block", "Write date and status")
            continue
        change = Reader(fields.path, entry, fields.zone, problems)
        change.check_keys(CHANGE_KEYS)
        when, status = change.moment("date"), change.choice("status", STATUSES)
        if when is not None and status is not None:
            changes.append(StatusChange(when, status, change.text("note", required=False) or "",
                                        change.text("source", required=False)))
    return changes
