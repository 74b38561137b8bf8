"""Turn a computed digest into its lock record, and a lock record back into a digest.

A frozen period is shown from its record (:mod:`qa_periodic.lock`), joined with
the current data only where safety or honesty needs it:

- a listed entry later removed, or no longer published, is dropped and the
  digest says so in a correction note;
- a listed response that is still the current one is shown as it is now, so a
  correction (or an edit that took something out) reaches the page, with a note;
- a listed response that was since replaced (a follow-up later answered, a
  decline later reversed) is shown as it was, from the record.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import asdict, replace
from datetime import date
from typing import Any

from candor_common.textprint import plain
from qa_digest.model import REMOVAL_REASONS, Question, Response
from qa_periodic.corrections import answer_correction
from qa_periodic.lock import SECTIONS, FrozenEntry, FrozenPeriod
from qa_periodic.model import FIGURES, Correction, Figure, Listing, Numbers, PeriodDigest
from qa_periodic.periods import Period

RESPONSE_SECTIONS = ("answers", "declines", "follow_ups", "came_due")


def record_of(made: PeriodDigest, events: Mapping[str, list[str]]) -> dict[str, Any]:
    """Return the lock record of a digest computed from the data (JSON-ready)."""
    first = all(figure.previous is None for figure in made.figures)
    previous = None if first else {f.name: f.previous for f in made.figures}
    sections = {}
    for name in SECTIONS:
        listing: Listing = getattr(made, name)
        sections[name] = {"more": listing.more, "shown": [
            _entry_record(q, with_response=name in RESPONSE_SECTIONS) for q in listing.shown]}
    return {
        "numbers": asdict(made.numbers), "previous": previous,
        "previous_quiet": made.previous_quiet,
        "events": {name: sorted(ids) for name, ids in events.items()},
        "sections": sections,
        "top_comments": [{"id": c.id, "votes": votes} for c, votes in made.top_comments],
        "removed_in_period": [list(pair) for pair in made.removed_in_period],
        "corrections": [_correction_record(note) for note in made.corrections],
        "late": made.late,
    }


def _entry_record(question: Question, *, with_response: bool) -> dict[str, Any]:
    response = question.response
    if not with_response or response is None:
        return {"id": question.id}
    return {"id": question.id, "response": {
        "status": question.status, "by": response.by, "at": response.at.isoformat(),
        "due": response.due.isoformat() if response.due else None,
        "html": str(response.html)}}


def _correction_record(note: Correction) -> dict[str, Any]:
    return {"kind": note.kind, "date": note.date.isoformat() if note.date else None,
            "reason": note.reason, "count": note.count, "question_id": note.question_id}


def _correction(raw: Mapping[str, Any]) -> Correction:
    day = raw.get("date")
    return Correction(str(raw["kind"]), date.fromisoformat(day) if day else None,
                      reason=str(raw.get("reason", "")), count=int(raw.get("count", 1)),
                      question_id=str(raw.get("question_id", "")))


class _Thaw:
    """Collect what changed since freezing while rebuilding one period's listings."""

    def __init__(self, period: Period, by_id: Mapping[str, Question]) -> None:
        self.period = period
        self.by_id = by_id
        self.removed: Counter[tuple[date | None, str]] = Counter()
        self.unpublished = 0
        self.corrected: dict[str, Correction] = {}
        self.noted: set[str] = set()  # an entry listed in two sections is noted once

    def current(self, entry_id: str) -> Question | None:
        """Return the entry as it is now, or None (noted) if it is gone or removed."""
        question = self.by_id.get(entry_id)
        if question is not None and question.status != "removed":
            return question
        if entry_id in self.noted:
            return None
        self.noted.add(entry_id)
        if question is None:
            self.unpublished += 1
        else:
            removed_at = question.removed_at
            self.removed[(removed_at.date() if removed_at else None,
                          question.removal_reason or "other")] += 1
        return None

    def listed(self, entry: FrozenEntry) -> Question | None:
        """Return the entry as the frozen digest shows it."""
        question = self.current(entry.id)
        frozen = entry.response
        if question is None or frozen is None:
            return question
        now = question.response
        if now is not None and question.status == frozen.status and now.at == frozen.at:
            # Still the current response: show it as it is now, and say if it changed.
            note = answer_correction(question, self.period)
            if note is None and _words(now.html) != _words(frozen.html):
                note = Correction("corrected", None, question_id=question.id)
            if note is not None:
                self.corrected[question.id] = note
            return question
        return replace(question, status=frozen.status, response=Response(
            by=frozen.by, at=frozen.at, html=frozen.html, due=frozen.due))

    def notes(self, recorded: tuple[Correction, ...]) -> tuple[Correction, ...]:
        """Return the recorded notes, then the new ones (removals, gone entries, edits)."""
        order = {reason: index for index, reason in enumerate(REMOVAL_REASONS)}
        removed = [Correction("removed", day, reason=reason, count=count)
                   for (day, reason), count in sorted(
                       self.removed.items(), key=lambda item: (
                           item[0][0] or date.min, order.get(item[0][1], 99), item[0][1]))]
        gone = [Correction("unpublished", None, count=self.unpublished)] \
            if self.unpublished else []
        already = {note.question_id for note in recorded if note.kind == "corrected"}
        edits = [note for qid, note in sorted(self.corrected.items()) if qid not in already]
        return (*recorded, *removed, *gone, *edits)


def _words(html: object) -> str:
    return " ".join(plain(str(html)).split())


def thaw(frozen: FrozenPeriod, period: Period, by_id: Mapping[str, Question], *,
         url: str, previous_url: str | None) -> PeriodDigest:
    """Return the digest of a frozen period: its record, joined with today's removals."""
    work = _Thaw(period, by_id)
    listings = {}
    for name in SECTIONS:
        entries, more = frozen.sections[name]
        shown = tuple(q for entry in entries if (q := work.listed(entry)) is not None)
        listings[name] = Listing(shown, more)
    top = tuple((comment, votes) for comment_id, votes in frozen.top_comments
                if (comment := work.current(comment_id)) is not None)
    recorded = tuple(_correction(raw) for raw in frozen.corrections)
    corrections = work.notes(recorded)
    previous = frozen.previous
    return PeriodDigest(
        period=period, url=url, numbers=frozen.numbers,
        figures=_figures(frozen.numbers, previous), previous_quiet=frozen.previous_quiet,
        top_comments=top, removed_in_period=frozen.removed_in_period,
        corrections=corrections,
        corrected_answers=frozenset(n.question_id for n in corrections if n.kind == "corrected"),
        previous_url=previous_url, late=frozen.late,
        questions=listings["questions"], answers=listings["answers"],
        declines=listings["declines"], follow_ups=listings["follow_ups"],
        came_due=listings["came_due"])


def _figures(numbers: Numbers, previous: Numbers | None) -> tuple[Figure, ...]:
    return tuple(Figure(name, getattr(numbers, name),
                        None if previous is None else getattr(previous, name))
                 for name in FIGURES)
