"""Scorecards: the honest numbers about a set of questions."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable

from qa_digest.model import REMOVAL_REASONS, Question, Scorecard


def scorecard(questions: Iterable[Question]) -> Scorecard:
    """Count ``questions`` by status and derive the rates.

    ``received`` counts every question asked, removed and merged ones included.
    Rates are over the *answerable* ones: received − merged − removed (a merged
    question is answered through its canonical one; a removed one cannot be).
    """
    by_status: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    days: list[float] = []
    overdue = 0
    total = 0
    for question in questions:
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
