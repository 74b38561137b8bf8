"""Digest arithmetic per period, as of each period's end: counts, deltas, comments, notes."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

from markupsafe import Markup
from qa_periodic.compute import Options, _listing, build_archive
from qa_periodic.model import Gap

from qa_digest.digest import build_digest
from qa_digest.model import Question, Response, Thread

MADRID = ZoneInfo("Europe/Madrid")


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=MADRID)


def question(qid: str, asked: str, status: str = "pending", *, response: Response | None = None,
             kind: str = "question", votes: int = 0, merged_into: str | None = None,
             text: str = "Text") -> Question:
    removed = status == "removed"
    return Question(id=qid, thread_id="t", asked_by="" if removed else "Reader",
                    asked_at=at(asked), source="form", votes=votes, topics=(),
                    html=None if removed else Markup(f"<p>{text} {qid}</p>"),  # noqa: S704
                    status=status, response=response, merged_into=merged_into,
                    removal_reason="spam" if removed else None, kind=kind)


def answer(when: str, text: str = "<p>Yes.</p>", due: date | None = None) -> Response:
    return Response(by="ana-ruiz", at=at(when), html=Markup(text), due=due)  # noqa: S704


def archive(*questions: Question, now: str = "2026-04-06 00:01", releases=None, frozen=None,
            **extra):
    thread = Thread(id="t", kind="session", title="T", hosts=("ana-ruiz",), source="t.yml",
                    questions=tuple(questions))
    digest, problems = build_digest([thread], at(now))
    assert problems == []
    options = Options(unit=extra.get("unit", "week"), zone=MADRID, now=at(now),
                      base_url="qa/digests/", limit=extra.get("limit", 25),
                      top_comments=extra.get("top", 5))
    return build_archive(digest, options, releases, frozen)


def by_key(result):
    return {d.period.key: d for d in result.digests}


def test_counts_per_period_and_deltas_against_the_period_before():
    result = by_key(archive(
        question("a", "2026-03-02 10:00", "answered", response=answer("2026-03-03 10:00")),
        question("b", "2026-03-03 10:00", "declined", response=answer("2026-03-10 10:00")),
        question("c", "2026-03-04 10:00", "follow-up",
                 response=answer("2026-03-11 10:00", due=date(2026, 3, 20))),
        question("d", "2026-03-05 10:00", "removed"),
        question("e", "2026-03-10 10:00")))
    w10, w11, w12 = result["2026-w10"], result["2026-w11"], result["2026-w12"]
    assert (w10.numbers.questions, w10.numbers.answers, w10.numbers.declines) == (4, 1, 0)
    assert w10.numbers.median_days_to_answer == 1.0
    assert [f.delta for f in w10.figures] == [None] * 6
    assert (w11.numbers.questions, w11.numbers.declines, w11.numbers.follow_ups) == (1, 1, 1)
    deltas = {f.name: (f.value, f.previous, f.delta) for f in w11.figures}
    assert deltas["questions"] == (1, 4, -3)
    assert deltas["answers"] == (0, 1, -1)
    assert deltas["follow_ups"] == (1, 0, 1)
    assert w12.numbers.came_due == 1 and [q.id for q in w12.came_due.shown] == ["c"]
    # Asked and responded to in the same week: listed once, with the response.
    assert [q.id for q in w10.questions.shown] == ["b", "c"]
    assert [q.id for q in w10.answers.shown] == ["a"]


def test_only_closed_periods_with_activity_are_published_and_gaps_are_reported():
    result = archive(question("a", "2026-03-02 10:00"), question("b", "2026-03-30 10:00"),
                     now="2026-04-20 08:00")
    assert [d.period.key for d in result.digests] == ["2026-w14", "2026-w10"]
    kinds = [(type(item).__name__, getattr(item, "count", None)) for item in result.timeline]
    assert kinds == [("Gap", 2), ("PeriodDigest", None), ("Gap", 3), ("PeriodDigest", None)]
    gap = result.timeline[2]
    assert isinstance(gap, Gap) and (gap.first.key, gap.last.key) == ("2026-w11", "2026-w13")
    assert result.digests[0].previous_url == "qa/digests/2026-w10/"
    assert result.digests[0].previous_quiet
    still_open = archive(question("a", "2026-03-30 10:00"), now="2026-04-05 23:59")
    assert still_open.digests == ()


def test_later_events_do_not_change_a_closed_period():
    before = by_key(archive(question("a", "2026-03-02 10:00"), now="2026-03-09 00:01"))
    after = by_key(archive(
        question("a", "2026-03-02 10:00", "answered", response=answer("2026-03-12 10:00")),
        question("z", "2026-03-11 10:00"), now="2026-03-16 00:01"))
    old, new = before["2026-w10"], after["2026-w10"]
    assert (old.numbers, old.figures, old.corrections) == (new.numbers, new.figures,
                                                           new.corrections)
    assert [q.id for q in old.questions.shown] == [q.id for q in new.questions.shown] == ["a"]


def test_top_comments_rank_public_comments_by_votes_as_of_the_end():
    result = by_key(archive(
        question("c1", "2026-03-02 10:00", "published", kind="comment", votes=3),
        question("c2", "2026-03-03 10:00", "published", kind="comment", votes=1),
        question("c3", "2026-03-04 10:00", "removed", kind="comment", votes=50),
        question("q", "2026-03-04 10:00", votes=99), top=2))
    w10 = result["2026-w10"]
    # The removed comment is not shown, whatever its votes; questions are not comments.
    assert [(c.id, votes) for c, votes in w10.top_comments] == [("c1", 3), ("c2", 1)]
    assert (w10.numbers.questions, w10.numbers.comments) == (1, 3)


def test_removal_after_the_end_is_a_correction_and_before_it_is_counted():
    late = replace(question("x", "2026-03-02 10:00", "removed"),
                   removed_at=at("2026-03-12 09:00"))
    early = replace(question("y", "2026-03-03 10:00", "removed"),
                    removed_at=at("2026-03-03 11:00"))
    undated = question("z", "2026-03-04 10:00", "removed")
    w10 = by_key(archive(late, early, undated))["2026-w10"]
    assert w10.removed_in_period == (("spam", 1),)
    assert [(n.kind, n.date, n.reason, n.count) for n in w10.corrections] == [
        ("removed", None, "spam", 1), ("removed", date(2026, 3, 12), "spam", 1)]


def test_an_answer_corrected_after_the_period_gets_a_dated_note():
    corrected = answer("2026-03-03 10:00",
                       "<p>Yes.</p><p><strong>Correction, 2 April 2026:</strong> No.</p>")
    within = answer("2026-03-03 10:00",
                    "<p>Yes.</p><p><strong>Correction, 2026-03-05:</strong> No.</p>")
    w10 = by_key(archive(question("a", "2026-03-02 10:00", "answered", response=corrected),
                         question("b", "2026-03-02 11:00", "answered", response=within)))[
        "2026-w10"]
    assert [(n.kind, n.date, n.question_id) for n in w10.corrections] == [
        ("corrected", date(2026, 4, 2), "a")]
    assert w10.corrected_answers == frozenset({"a"})


def test_a_thread_released_late_counts_from_its_release():
    result = by_key(archive(question("a", "2026-03-02 10:00"),
                            releases={"t": at("2026-03-31 09:00")}))
    assert list(result) == ["2026-w14"]


def test_long_sections_are_capped_and_counted():
    many = [question(f"q{n:02d}", f"2026-03-02 10:{n:02d}") for n in range(7)]
    w10 = by_key(archive(*many, limit=3))["2026-w10"]
    assert [q.id for q in w10.questions.shown] == ["q00", "q01", "q02"]
    assert (w10.questions.more, w10.questions.total) == (4, 7)


def test_months_are_computed_the_same_way():
    result = by_key(archive(question("a", "2026-03-31 23:59"), question("b", "2026-04-01 00:00"),
                            now="2026-05-01 00:00", unit="month"))
    assert list(result) == ["2026-04", "2026-03"]
    assert result["2026-04"].figures[0].delta == 0


def test_the_rebuild_digests_all_the_archive_holds_but_the_lock_records():
    """The archive's pages show its digests, timeline and running period; the records
    written to the lock (``unfrozen``, every event id of every period) are left out of
    the incremental rebuild's digest of it, and nothing else is."""
    from dataclasses import fields

    from candor_common.fingerprint import Fingerprinter

    made = archive(question("a", "2026-03-02 10:00", "answered",
                            response=answer("2026-03-03 10:00")))
    assert made.unfrozen and made.digests
    prints = Fingerprinter()
    assert prints.digest(replace(made, unfrozen=())) == prints.digest(made)
    for each in fields(made):
        if each.name != "unfrozen":
            changed = replace(made, **{each.name: "something else"})
            assert Fingerprinter().digest(changed) != prints.digest(made), each.name


def test_a_listing_is_the_first_entries_in_order_and_the_count_of_the_rest():
    """``_listing`` picks the first ``limit`` entries without sorting them all: the
    same entries, in the same order (ties in their given order), as sorting would."""
    rng = random.Random(7)  # noqa: S311 - a fixed shuffle, not a secret
    entries = [question(f"q{n:03d}", f"2026-03-{rng.randint(1, 3):02d} 10:00")
               for n in range(60)]
    rng.shuffle(entries)
    by_day = lambda q: q.asked_at  # noqa: E731 - many ties: the order given must stay
    for limit in (1, 5, 59, 60, 61, 100):
        listing = _listing(iter(entries), by_day, limit)
        assert list(listing.shown) == sorted(entries, key=by_day)[:limit]
        assert listing.more == max(0, 60 - limit)
        assert listing.total == 60
