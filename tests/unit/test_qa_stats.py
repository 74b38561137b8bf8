from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from markupsafe import Markup

from qa_digest.digest import build_digest
from qa_digest.model import Question, Response, Thread
from qa_digest.stats import scorecard

ZONE = ZoneInfo("UTC")
T0 = datetime(2026, 3, 1, tzinfo=ZONE)


def q(qid, status, days=None, reason=None, due=None, merged_into=None, by="ana-ruiz"):
    response = None
    if status in ("answered", "declined", "follow-up"):
        response = Response(by, T0 + timedelta(days=days or 0), Markup("<p>r</p>"), due)
    return Question(id=qid, thread_id="t", asked_by="A", asked_at=T0, source="form", votes=1,
                    topics=(), html=Markup("<p>q</p>") if status != "removed" else None,
                    status=status, response=response, merged_into=merged_into,
                    removal_reason=reason)


def test_scorecard_arithmetic():
    questions = [q("a1", "answered", 1), q("a2", "answered", 2), q("a3", "answered", 10),
                 q("d1", "declined", 1), q("f1", "follow-up", 1, due=date(2026, 4, 1)),
                 q("p1", "pending"), q("p2", "pending"), q("m1", "merged", merged_into="a1"),
                 q("r1", "removed", reason="spam"), q("r2", "removed", reason="abuse"),
                 q("r3", "removed", reason="spam")]
    thread = Thread("t", "session", "T", ("ana-ruiz",), "t.yml", tuple(questions))
    digest, problems = build_digest([thread], datetime(2026, 6, 1, tzinfo=ZONE))
    assert problems == []
    card = digest.per_thread["t"]
    assert (card.received, card.answered, card.declined, card.follow_up, card.pending,
            card.merged, card.removed) == (11, 3, 1, 1, 2, 1, 3)
    assert dict(card.removed_by_reason) == {"spam": 2, "abuse": 1, "personal-data": 0,
                                            "off-topic": 0}
    answerable = 11 - 1 - 3
    assert card.answer_rate == 3 / answerable
    assert card.response_rate == 5 / answerable
    assert card.median_days_to_answer == 2.0
    assert card.overdue_follow_ups == 1
    assert digest.per_executive["ana-ruiz"] == card
    assert digest.responses_by == {"ana-ruiz": 5}


def test_empty_scorecard_has_no_rates():
    card = scorecard([])
    assert card.answer_rate is None and card.median_days_to_answer is None


def test_the_sites_and_hosts_numbers_are_their_threads_added_up():
    """The digest counts each thread once and adds the threads up for the site and each
    host: the same scorecards as counting all their questions at once."""
    from dataclasses import replace

    first = [q("a1", "answered", 1), q("a2", "answered", 4), q("r1", "removed", reason="spam"),
             q("p1", "pending"), q("f1", "follow-up", 2, due=date(2026, 4, 1))]
    second = [replace(x, id=f"b-{x.id}", thread_id="u") for x in
              (q("a1", "answered", 3), q("a2", "answered", 9), q("d1", "declined", 1),
               q("r1", "removed", reason="abuse"))]
    third = [replace(x, id=f"c-{x.id}", thread_id="v") for x in
             (q("a1", "answered", 6), q("p1", "pending"))]
    threads = [Thread("t", "session", "T", ("ana-ruiz",), "t.yml", tuple(first)),
               Thread("u", "session", "U", ("ana-ruiz", "li-wei"), "u.yml", tuple(second)),
               Thread("v", "session", "V", ("li-wei",), "v.yml", tuple(third))]
    digest, problems = build_digest(threads, datetime(2026, 6, 1, tzinfo=ZONE))
    assert problems == []
    every = [x for thread in digest.threads for x in thread.questions]
    assert digest.site == scorecard(every)
    assert digest.site.median_days_to_answer == 4.0  # 1, 3, 4, 6, 9: across the threads
    assert digest.per_executive["ana-ruiz"] == scorecard(
        [*digest.threads[0].questions, *digest.threads[1].questions])
    assert digest.per_executive["li-wei"] == scorecard(
        [*digest.threads[1].questions, *digest.threads[2].questions])
    assert digest.per_thread["u"] == scorecard(digest.threads[1].questions)
    assert digest.site.overdue_follow_ups == 1
