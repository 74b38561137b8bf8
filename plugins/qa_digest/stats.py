"""Scorecards: the honest numbers about a set of questions, and about comments."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable

from qa_digest.model import REMOVAL_REASONS, CommentCard, Question, Scorecard


def scorecard(questions: Iterable[Question]) -> Scorecard:
    """Count ``questions`` by status and derive the rates.

    ``received`` counts every question asked, removed and merged ones included.
    Rates are over the *answerable* ones: received − merged − removed (a merged
    question is answered through its canonical one; a removed one cannot be).
    Comments in ``questions`` are skipped: they have numbers of their own
    (``comment_card``).
    """
    by_status: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    days: list[float] = []
    overdue = 0
    total = 0
    for question in questions:
        if question.kind != "question":
            continue
        total += 1
        by_status[question.status] += 1
        if question.status == "removed" and question.removal_reason:
            reasons[question.removal_reason] += 1
        if question.status == "answered" and question.response is not None:
            delta = question.response.at - question.asked_at
            days.append(delta.total_seconds() / 86400)
        overdue += question.overdue
    answerable = total - by_status["merged"] - by_status["removed"]
    responded = by_status["answered"] + by_status["declined"] + by_status["follow-up"]
    return Scorecard(
        received=total, answered=by_status["answered"], follow_up=by_status["follow-up"],
        declined=by_status["declined"], pending=by_status["pending"],
        merged=by_status["merged"], removed=by_status["removed"],
        removed_by_reason=tuple((r, reasons[r]) for r in REMOVAL_REASONS),
        answer_rate=by_status["answered"] / answerable if answerable else None,
        response_rate=responded / answerable if answerable else None,
        median_days_to_answer=round(statistics.median(days), 1) if days else None,
        overdue_follow_ups=overdue)


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
