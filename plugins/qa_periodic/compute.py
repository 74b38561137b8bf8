"""Compute every closed period's digest from the Q&A digest, as of each period's end."""

from __future__ import annotations

import heapq
import statistics
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, tzinfo
from typing import Any

from qa_digest.model import Digest, Question
from qa_periodic.corrections import answer_correction, removals
from qa_periodic.freeze import record_of, thaw
from qa_periodic.lock import FrozenPeriod
from qa_periodic.model import (
    FIGURES,
    Archive,
    Figure,
    Gap,
    Listing,
    Numbers,
    PeriodDigest,
)
from qa_periodic.periods import (
    Period,
    day_start,
    next_period,
    period_from_key,
    period_of,
    previous_period,
)

SECTIONS = {"answered": "answers", "declined": "declines", "follow-up": "follow_ups"}


@dataclass
class _Bucket:
    """The dated events that fell in one period (mutable only while collecting)."""

    period: Period
    asked: list[Question] = field(default_factory=list)
    responses: dict[str, list[Question]] = field(
        default_factory=lambda: {name: [] for name in SECTIONS.values()})
    due: list[Question] = field(default_factory=list)
    late: int = 0  # events carried in from frozen periods whose record lacks them

    def lists(self) -> dict[str, list[Question]]:
        """Return the event lists by the lock's event names (the lists themselves)."""
        return {"asked": self.asked, **self.responses, "due": self.due}

    def events(self) -> dict[str, list[str]]:
        """Return the ids of every event of the period, by kind (for the lock)."""
        return {name: [q.id for q in events] for name, events in self.lists().items()}

    def numbers(self) -> Numbers:
        kinds = [q.kind for q in self.asked]
        days = [(q.response.at - q.asked_at).total_seconds() / 86400
                for q in self.responses["answers"] if q.response is not None]
        return Numbers(
            questions=kinds.count("question"), comments=kinds.count("comment"),
            answers=len(self.responses["answers"]), declines=len(self.responses["declines"]),
            follow_ups=len(self.responses["follow_ups"]), came_due=len(self.due),
            median_days_to_answer=round(statistics.median(days), 1) if days else None)


@dataclass(frozen=True)
class Options:
    """How to cut and cap the digests."""

    unit: str
    zone: tzinfo
    now: datetime
    base_url: str  # the archive's path, e.g. "qa/digests/"
    limit: int  # entries shown per section
    top_comments: int
    preview: bool = False  # also work out the period still running (local previews only)


def collect_events(digest: Digest, options: Options,
                   releases: Mapping[str, datetime]) -> dict[str, _Bucket]:
    """File every dated event of every published thread under its period's key.

    An event in a thread whose post was published later counts from the
    post's date, so a thread released late lands in the period it was
    released in, not in periods that had already closed.
    """
    buckets: dict[str, _Bucket] = {}
    by_day: dict[date, _Bucket] = {}  # a period holds whole days of its zone

    def bucket(moment: datetime, release: datetime | None) -> _Bucket:
        when = max(moment, release) if release is not None else moment
        day = when.astimezone(options.zone).date()
        found = by_day.get(day)
        if found is None:
            period = period_of(when, options.unit, options.zone)
            found = buckets.get(period.key)
            if found is None:
                found = buckets[period.key] = _Bucket(period)
            by_day[day] = found
        return found

    for thread in digest.threads:
        release = releases.get(thread.id)
        for question in thread.questions:
            bucket(question.asked_at, release).asked.append(question)
            response = question.response
            if response is None or question.status not in SECTIONS:
                continue
            bucket(response.at, release).responses[SECTIONS[question.status]].append(question)
            if question.status == "follow-up" and response.due is not None:
                bucket(day_start(response.due, options.zone), release).due.append(question)
    return buckets


def build_archive(digest: Digest, options: Options,
                  releases: Mapping[str, datetime] | None = None,
                  frozen: Mapping[str, FrozenPeriod] | None = None) -> Archive:
    """Return every closed period with activity as a digest, newest first, and the gaps.

    A period with a record in ``frozen`` (the digest lock) is shown from it; an
    event dated in a frozen period but missing from its record reached the data
    after the digest was frozen, so it counts in the first period not frozen.
    """
    buckets = collect_events(digest, options, releases or {})
    locked = {key: record for key, record in (frozen or {}).items()
              if period_from_key(key, options.unit, options.zone).is_closed(options.now)}
    _carry_late(buckets, locked, options)
    periods = {key: bucket.period for key, bucket in buckets.items()
               if bucket.period.is_closed(options.now)}
    periods.update({key: period_from_key(key, options.unit, options.zone) for key in locked})
    digests: list[PeriodDigest] = []
    unfrozen: list[tuple[str, dict[str, Any]]] = []
    previous_url: str | None = None
    for index, period in enumerate(sorted(periods.values(), key=lambda p: p.start)):
        url = f"{options.base_url}{period.key}/"
        if period.key in locked:
            made = thaw(locked[period.key], period, digest.by_id, url=url,
                        previous_url=previous_url)
        else:
            bucket = buckets[period.key]
            made = _period_digest(bucket, buckets, locked, options, digest.by_id,
                                  first=index == 0, previous_url=previous_url)
            unfrozen.append((period.key, record_of(made, bucket.events())))
        digests.append(made)
        previous_url = made.url
    timeline = _timeline(digests, options)
    return Archive(unit=options.unit, url=options.base_url, digests=tuple(reversed(digests)),
                   timeline=tuple(reversed(timeline)), unfrozen=tuple(unfrozen),
                   running=_running(buckets, locked, options, digest.by_id, digests))


def _running(buckets: Mapping[str, _Bucket], locked: Mapping[str, FrozenPeriod],
             options: Options, by_id: Mapping[str, Question],
             digests: list[PeriodDigest]) -> PeriodDigest | None:
    """Return the period still running, so far, for a local preview (never published)."""
    if not options.preview:
        return None
    bucket = buckets.get(period_of(options.now, options.unit, options.zone).key)
    if bucket is None:
        return None
    made = _period_digest(bucket, buckets, locked, options, by_id, first=not digests,
                          previous_url=digests[-1].url if digests else None)
    return replace(made, running=True)


def _carry_late(buckets: dict[str, _Bucket], locked: Mapping[str, FrozenPeriod],
                options: Options) -> None:
    """Move events missing from their frozen period's record past the last frozen period.

    They reached the data after that period was frozen, so they count in the
    first period after the latest frozen one: a digest not published yet.
    """
    if not locked:
        return
    last = max((period_from_key(key, options.unit, options.zone) for key in locked),
               key=lambda period: period.start)
    after = next_period(last, options.zone)
    for key in sorted(set(locked) & set(buckets), key=lambda k: buckets[k].period.start):
        bucket, record = buckets[key], locked[key]
        for name, events in bucket.lists().items():
            late = [q for q in events if q.id not in record.events[name]]
            if not late:
                continue
            target = buckets.setdefault(after.key, _Bucket(after))
            events[:] = [q for q in events if q.id in record.events[name]]
            target.lists()[name].extend(late)
            target.late += len(late)


def _period_digest(bucket: _Bucket, buckets: Mapping[str, _Bucket],
                   locked: Mapping[str, FrozenPeriod], options: Options,
                   by_id: Mapping[str, Question], *, first: bool,
                   previous_url: str | None) -> PeriodDigest:
    period = bucket.period
    numbers = bucket.numbers()
    before_key = previous_period(period, options.zone).key
    before = buckets.get(before_key)
    if before_key in locked:  # what the digest before this one said
        previous, quiet = locked[before_key].numbers, False
    else:
        previous, quiet = (before.numbers(), False) if before is not None else (Numbers(), True)
    figures = tuple(Figure(name, getattr(numbers, name),
                           None if first else getattr(previous, name)) for name in FIGURES)
    shown = [q for q in bucket.asked if q.status != "removed"]
    responded_ids = {q.id for name in SECTIONS.values() for q in bucket.responses[name]}
    counted, removal_notes = removals(bucket.asked, period)
    responded = [q for name in SECTIONS.values() for q in bucket.responses[name]]
    answer_notes = sorted((note for q in responded
                           if (note := answer_correction(q, period)) is not None),
                          key=lambda note: note.question_id)
    return PeriodDigest(
        period=period, url=f"{options.base_url}{period.key}/", numbers=numbers,
        figures=figures, previous_quiet=not first and quiet,
        # A question asked and responded to in the same period is listed once, with
        # its response.
        questions=_listing((q for q in shown if q.is_question
                            and q.id not in responded_ids),
                           lambda q: (q.asked_at, q.id), options.limit),
        answers=_by_response(bucket.responses["answers"], options.limit),
        declines=_by_response(bucket.responses["declines"], options.limit),
        follow_ups=_by_response(bucket.responses["follow_ups"], options.limit),
        came_due=_listing(bucket.due, lambda q: (q.response.due if q.response else None, q.id),
                          options.limit),
        top_comments=_top_comments(shown, period, by_id, options.top_comments),
        removed_in_period=counted,
        corrections=(*removal_notes, *answer_notes),
        corrected_answers=frozenset(note.question_id for note in answer_notes),
        previous_url=previous_url, late=bucket.late)


def _listing(questions: Iterable[Question], key: Callable[[Question], object],
             limit: int) -> Listing:
    """The first ``limit`` of ``questions`` in the order of ``key``, and how many more.

    ``heapq.nsmallest`` is ``sorted(...)[:limit]`` (ties kept in their order)
    without sorting a whole period: ~14 times faster for 100,000 entries.
    """
    entries = list(questions)
    shown = heapq.nsmallest(limit, entries, key=key)  # type: ignore[arg-type]
    return Listing(tuple(shown), max(0, len(entries) - limit))


def _by_response(questions: list[Question], limit: int) -> Listing:
    return _listing(questions, lambda q: (q.response.at if q.response else None, q.id), limit)


def _top_comments(shown: list[Question], period: Period, by_id: Mapping[str, Question],
                  top: int) -> tuple[tuple[Question, int], ...]:
    """The public comments of the period with the most votes as of its end.

    A merged duplicate's votes count once the duplicate was posted; a comment's
    own count carries no date in the data, so it is taken as it stands.
    """
    scored = []
    for comment in shown:
        if comment.is_question or comment.html is None or \
                comment.status in ("removed", "merged"):
            continue
        votes = comment.votes + sum(
            by_id[qid].votes for qid in comment.merged_ids
            if qid in by_id and by_id[qid].asked_at < period.end)
        scored.append((comment, votes))
    return tuple(heapq.nsmallest(top, scored,
                                 key=lambda pair: (-pair[1], pair[0].asked_at, pair[0].id)))


def _timeline(digests: list[PeriodDigest], options: Options) -> list[PeriodDigest | Gap]:
    """Interleave the digests (oldest first) with the quiet runs between and after them."""
    timeline: list[PeriodDigest | Gap] = []
    for index, made in enumerate(digests):
        if index:
            gap = _gap(digests[index - 1].period, made.period.start, options)
            if gap is not None:
                timeline.append(gap)
        timeline.append(made)
    if digests:
        # Up to the period still running, which is never closed.
        running = period_of(options.now, options.unit, options.zone)
        gap = _gap(digests[-1].period, running.start, options)
        if gap is not None:
            timeline.append(gap)
    return timeline


def _gap(after: Period, until: datetime, options: Options) -> Gap | None:
    """Return the run of periods between ``after`` and the one starting at ``until``."""
    first = next_period(after, options.zone)
    if first.start >= until:
        return None
    last, count = first, 1
    while (following := next_period(last, options.zone)).start < until:
        last, count = following, count + 1
    return Gap(first, last, count)

