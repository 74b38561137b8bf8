"""Scorecards: the honest numbers about a set of questions, and about comments."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from qa_digest.model import REMOVAL_REASONS, CommentCard, Question, Scorecard


@dataclass
class Tally:
    """What a scorecard is worked out from, for a set of questions (``tally``); tallies of
    sets with no question in common add up (``combined``)."""

    total: int = 0
    by_status: Counter[str] = field(default_factory=Counter)
    reasons: Counter[str] = field(default_factory=Counter)
    days: list[float] = field(default_factory=list)  # days to answer, each answer
    overdue: int = 0


def tally(questions: Iterable[Question]) -> Tally:
    """Count ``questions`` by status; keep each answer's days (comments are skipped)."""
    counted = Tally()
    by_status, reasons, days = counted.by_status, counted.reasons, counted.days
    for question in questions:
        if question.kind != "question":
            continue
        counted.total += 1
        by_status[question.status] += 1
        if question.status == "removed" and question.removal_reason:
            reasons[question.removal_reason] += 1
        if question.status == "answered" and question.response is not None:
            delta = question.response.at - question.asked_at
            days.append(delta.total_seconds() / 86400)
        counted.overdue += question.overdue
    return counted


def combined(tallies: Iterable[Tally]) -> Tally:
    """Return the tally of the union of the sets ``tallies`` counted (each counted once
    for each time it is given)."""
    whole = Tally()
    for part in tallies:
        whole.total += part.total
        whole.by_status.update(part.by_status)
        whole.reasons.update(part.reasons)
        whole.days += part.days
        whole.overdue += part.overdue
    return whole


def scorecard(questions: Iterable[Question]) -> Scorecard:
    """Count ``questions`` by status and derive the rates.

    ``received`` counts every question asked, removed and merged ones included.
    Rates are over the *answerable* ones: received − merged − removed (a merged
    question is answered through its canonical one; a removed one cannot be).
    Comments in ``questions`` are skipped: they have numbers of their own
    (``comment_card``).
    """
    return scorecard_of(tally(questions))


def scorecard_of(counted: Tally) -> Scorecard:
    """Return the scorecard of the questions ``counted`` (see ``scorecard``)."""
    by_status, total = counted.by_status, counted.total
    answerable = total - by_status["merged"] - by_status["removed"]
    responded = by_status["answered"] + by_status["declined"] + by_status["follow-up"]
    return Scorecard(
        received=total, answered=by_status["answered"], follow_up=by_status["follow-up"],
        declined=by_status["declined"], pending=by_status["pending"],
        merged=by_status["merged"], removed=by_status["removed"],
        removed_by_reason=tuple((r, counted.reasons[r]) for r in REMOVAL_REASONS),
        answer_rate=by_status["answered"] / answerable if answerable else None,
        response_rate=responded / answerable if answerable else None,
        median_days_to_answer=(round(statistics.median(counted.days), 1)
                               if counted.days else None),
        overdue_follow_ups=counted.overdue)


def comment_card(entries: Iterable[Question]) -> CommentCard:
    """Count the comments among ``entries``: published, removed (by reason), executives'."""
    total = removed = executive = 0
    reasons: Counter[str] = Counter()
    for entry in entries:
        if entry.kind != "comment":
            continue
        total += 1
        if entry.status == "removed":
            removed += 1
            reasons[entry.removal_reason or ""] += 1
        elif entry.by_executive:
            executive += 1
    return CommentCard(comments=total, published=total - removed, removed=removed,
                       removed_by_reason=tuple((r, reasons[r]) for r in REMOVAL_REASONS),
                       executive_replies=executive)
