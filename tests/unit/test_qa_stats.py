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
