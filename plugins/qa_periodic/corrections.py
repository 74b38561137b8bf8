"""Spot the later changes a closed digest must own up to: removals and corrected answers."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from qa_digest.model import REMOVAL_REASONS, Question
from qa_periodic.model import Correction
from qa_periodic.periods import Period

# The marker docs/qa.md asks for when a published answer is corrected:
# "**Correction, 2 April 2026:** …" (the date may also be 2026-04-02, or left out).
MARKER_RE = re.compile(r"<strong>\s*Correc(?:tion|ción|cion)\b(?P<when>[^<]*)</strong>",
                       re.IGNORECASE)
MONTHS = {name: number for number, names in enumerate((
    ("january", "enero"), ("february", "febrero"), ("march", "marzo"), ("april", "abril"),
    ("may", "mayo"), ("june", "junio"), ("july", "julio"), ("august", "agosto"),
    ("september", "septiembre", "setiembre"), ("october", "octubre"),
    ("november", "noviembre"), ("december", "diciembre")), start=1) for name in names}
ISO_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
DAY_MONTH_RE = re.compile(r"(\d{1,2})\s+(?:de\s+)?([a-záé]+)\s+(?:de\s+)?(\d{4})", re.IGNORECASE)
MONTH_DAY_RE = re.compile(r"([a-z]+)\s+(\d{1,2}),?\s+(\d{4})", re.IGNORECASE)


def parse_day(text: str) -> date | None:
    """Return the date written in ``text`` (ISO, "2 April 2026", "April 2, 2026"), or None."""
    found = ISO_RE.search(text)
    try:
        if found:
            return date(int(found[1]), int(found[2]), int(found[3]))
        found = DAY_MONTH_RE.search(text)
        if found and found[2].lower() in MONTHS:
            return date(int(found[3]), MONTHS[found[2].lower()], int(found[1]))
        found = MONTH_DAY_RE.search(text)
        if found and found[1].lower() in MONTHS:
            return date(int(found[3]), MONTHS[found[1].lower()], int(found[2]))
    except ValueError:
        return None
    return None


def answer_correction(question: Question, period: Period) -> Correction | None:
    """Return the note for a response listed in ``period`` that was corrected after it.

    A correction dated inside the period happened before the digest was
    published, so it needs no note. An undated one gets an undated note.
    """
    if question.response is None:
        return None
    markers = list(MARKER_RE.finditer(str(question.response.html)))
    if not markers:
        return None
    dates = [parse_day(marker["when"]) for marker in markers]
    if any(day is None for day in dates):
        return Correction("corrected", None, question_id=question.id)
    latest = max(day for day in dates if day is not None)
    if latest < period.end.date():
        return None
    return Correction("corrected", latest, question_id=question.id)


def removals(asked: list[Question], period: Period
             ) -> tuple[tuple[tuple[str, int], ...], list[Correction]]:
    """Split removed entries asked in ``period``: removed before its end, or after.

    Removed before the end (when the data dates the removal): counted in the
    digest's moderation line, never listed. Removed after it, or undated: a
    correction note, because the digest may have listed the entry when it was
    first published.
    """
    before: Counter[str] = Counter()
    later: Counter[tuple[date | None, str]] = Counter()
    for question in asked:
        if question.status != "removed":
            continue
        reason = question.removal_reason or "other"
        removed_at = question.removed_at
        if removed_at is not None and removed_at < period.end:
            before[reason] += 1
        else:
            later[(removed_at.date() if removed_at else None, reason)] += 1
    order = {reason: index for index, reason in enumerate(REMOVAL_REASONS)}
    notes = [Correction("removed", day, reason=reason, count=count)
             for (day, reason), count in sorted(
                 later.items(), key=lambda item: (item[0][0] or date.min,
                                                  order.get(item[0][1], 99), item[0][1]))]
    counted = tuple((reason, before[reason]) for reason in sorted(
        before, key=lambda r: (order.get(r, 99), r)))
    return counted, notes
