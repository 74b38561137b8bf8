from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from qa_digest.digest import build_digest
from qa_digest.load import load_thread

ZONE = ZoneInfo("Europe/Madrid")
AUTHORS = frozenset({"ana-ruiz", "marcus-adeyemi"})
HEADER = """\
session:
  title: Town hall
  hosts: [ana-ruiz]
  opens: 2026-03-01 09:00
  closes: 2026-03-15 18:00
questions:
"""
ANSWERED = """\
  - id: q-1
    asked_at: 2026-03-02 10:00
    votes: 3
    text: Why?
    status: answered
    answer:
      by: ana-ruiz
      at: 2026-03-03 10:00
      text: Because.
"""


def load(tmp_path: Path, questions: str, header: str = HEADER):
    path = tmp_path / "hall.yml"
    path.write_text(header + questions)
    return load_thread(path, "content/qa/hall.yml", ZONE, AUTHORS)


def test_a_good_session_loads(tmp_path):
    thread, problems = load(tmp_path, ANSWERED)
    assert problems == []
    assert thread.id == "hall" and thread.hosts == ("ana-ruiz",)
    question = thread.questions[0]
    assert question.status == "answered" and question.response.by == "ana-ruiz"
    assert str(question.response.html) == "<p>Because.</p>"
    assert question.asked_by == "Anonymous"


@pytest.mark.parametrize(("edit", "expected"), [
    (("    votes: 3\n", "    votes: 3\n    email: a@b.example\n"),
     "hall.yml:10: email: personal data has no place in Q&A files"),
    (("    votes: 3\n", "    votes: 3\n    ip: 10.0.0.1\n"), "hall.yml:10: ip: personal data"),
    (("status: answered", "status: answred"), "status: 'answred' is not allowed. Did you mean 'answered'?"),
    (("      by: ana-ruiz", "      by: ceo"), "hall.yml:13: by: 'ceo' is not in the authors roster; only executives answer"),
    (("    votes: 3\n", "    votes: many\n"), "hall.yml:9: votes: 'many' is not a whole number"),
    (("asked_at: 2026-03-02 10:00", "asked_at: yesterday"), "hall.yml:8: asked_at: 'yesterday' is not a date and time"),
    (("    text: Why?\n", ""), "hall.yml:7: text: is missing or empty"),
    (("    votes: 3\n", "    votse: 3\n"), "hall.yml:9: votse: unknown field. Did you mean 'votes'?"),
])
def test_each_bad_field_names_file_line_field_and_fix(tmp_path, edit, expected):
    _thread, problems = load(tmp_path, ANSWERED.replace(*edit))
    assert any(expected in str(p) for p in problems), [str(p) for p in problems]


@pytest.mark.parametrize(("status", "block"), [
    ("declined", "decline"), ("follow-up", "follow_up"), ("answered", "answer")])
def test_a_response_status_needs_its_block(tmp_path, status, block):
    text = f"  - id: q-1\n    asked_at: 2026-03-02 10:00\n    text: Why?\n    status: {status}\n"
    _thread, problems = load(tmp_path, text)
    assert any(f"{block}: is missing" in str(p) for p in problems)


def test_a_decline_needs_a_public_reason(tmp_path):
    text = ("  - id: q-1\n    asked_at: 2026-03-02 10:00\n    text: Why?\n    status: declined\n"
            "    decline:\n      by: ana-ruiz\n      at: 2026-03-03 10:00\n")
    _thread, problems = load(tmp_path, text)
    assert any("reason: is missing or empty. Write why not, in plain words" in str(p)
               for p in problems)


def test_removed_text_name_and_topics_are_dropped_at_load(tmp_path):
    text = ("  - id: q-9\n    asked_by: SPAMMER-BRAND\n    asked_at: 2026-03-02 10:00\n"
            "    topics: [SECRET-TOPIC]\n    text: SECRET-TEXT\n"
            "    status: removed\n    removed:\n      reason: abuse\n      at: 2026-03-03\n")
    thread, problems = load(tmp_path, text)
    assert problems == []
    assert thread.questions[0].html is None
    for secret in ("SECRET-TEXT", "SPAMMER-BRAND", "SECRET-TOPIC"):
        assert secret not in repr(thread)


def test_removal_date_is_checked(tmp_path):
    text = ("  - id: q-9\n    asked_at: 2026-03-02 10:00\n    status: removed\n"
            "    removed:\n      reason: spam\n      at: yesterday\n")
    _thread, problems = load(tmp_path, text)
    assert any("at: 'yesterday' is not a date and time" in str(p) for p in problems)


def test_removal_needs_a_known_reason(tmp_path):
    text = ("  - id: q-9\n    asked_at: 2026-03-02 10:00\n    status: removed\n"
            "    removed:\n      reason: rude\n")
    _thread, problems = load(tmp_path, text)
    assert any("reason: 'rude' is not allowed" in str(p) for p in problems)


def test_block_not_matching_status_is_an_error(tmp_path):
    _thread, problems = load(tmp_path, ANSWERED.replace("status: answered", "status: pending"))
    assert any("answer: is given but status is 'pending'" in str(p) for p in problems)


def test_file_needs_session_or_post(tmp_path):
    thread, problems = load(tmp_path, "", header="questions: []\n")
    assert thread is None
    assert "exactly one of 'session:' or 'post:'" in str(problems[0])


def test_merging_moves_votes_and_askers_to_the_canonical_question(tmp_path):
    merged = ("  - id: q-2\n    asked_at: 2026-03-02 11:00\n    votes: 4\n    text: Why?!\n"
              "    status: merged\n    merged_into: q-1\n")
    thread, problems = load(tmp_path, ANSWERED + merged)
    assert problems == []
    digest, cross = build_digest([thread], datetime(2026, 6, 1, tzinfo=ZONE))
    assert cross == []
    canonical = digest.by_id["q-1"]
    assert (canonical.total_votes, canonical.askers, canonical.merged_ids) == (7, 2, ("q-2",))


def test_linking_makes_anew_only_the_questions_it_changes(tmp_path):
    # A question carries its own votes from the load; the digest makes a new record
    # only for one that others were merged into, or that became overdue: the same
    # values as making every question anew, without the copies.
    merged = ("  - id: q-2\n    asked_at: 2026-03-02 11:00\n    votes: 4\n    text: Why?!\n"
              "    status: merged\n    merged_into: q-1\n")
    follow_up = ("  - id: q-3\n    asked_at: 2026-03-02 12:00\n    votes: 1\n    text: When?\n"
                 "    status: follow-up\n    follow_up:\n      by: ana-ruiz\n"
                 "      at: 2026-03-04 10:00\n      text: Soon.\n      due: 2026-05-01\n"
                 "  - id: q-4\n    asked_at: 2026-03-02 13:00\n    votes: 6\n    text: How?\n")
    thread, problems = load(tmp_path, ANSWERED + merged + follow_up)
    assert problems == []
    loaded = {q.id: q for q in thread.questions}
    assert [q.total_votes for q in thread.questions] == [3, 4, 1, 6]
    digest, cross = build_digest([thread], datetime(2026, 6, 1, tzinfo=ZONE))
    assert cross == []
    linked = digest.by_id
    assert linked["q-4"] is loaded["q-4"] and linked["q-2"] is loaded["q-2"]
    assert (linked["q-1"].total_votes, linked["q-1"].askers) == (7, 2)
    assert linked["q-3"].overdue and not loaded["q-3"].overdue
    before_due, _ = build_digest([thread], datetime(2026, 4, 1, tzinfo=ZONE))
    assert before_due.by_id["q-3"] is loaded["q-3"]


@pytest.mark.parametrize(("target", "message"), [
    ("q-404", "no question has the id 'q-404'"),
    ("q-2", "'q-2' is merged itself"),
])
def test_bad_merges_are_reported(tmp_path, target, message):
    merged = ("  - id: q-2\n    asked_at: 2026-03-02 11:00\n    text: A\n    status: merged\n"
              "    merged_into: q-1\n"
              f"  - id: q-3\n    asked_at: 2026-03-02 11:00\n    text: B\n    status: merged\n"
              f"    merged_into: {target}\n")
    thread, _ = load(tmp_path, ANSWERED + merged)
    _digest, cross = build_digest([thread], datetime(2026, 6, 1, tzinfo=ZONE))
    assert any(message in str(p) for p in cross)


def test_duplicate_ids_across_files_are_reported(tmp_path):
    thread, _ = load(tmp_path, ANSWERED)
    _digest, cross = build_digest([thread, thread], datetime(2026, 6, 1, tzinfo=ZONE))
    assert any("'q-1' is already used" in str(p) for p in cross)


def test_a_question_s_page_fields_are_all_its_fields_but_its_line():
    """The preview renders again the question pages whose page fields changed
    (qa_digest.model.page_fields): a question moved down its file keeps its page;
    a change to any other field does not."""
    from dataclasses import fields, replace

    from qa_digest.model import Question, page_fields

    question = Question(id="q1", thread_id="t", asked_by="Reader",
                        asked_at=datetime(2026, 3, 1, 10, 0), source="form", votes=2,
                        topics=("pay",), html=None, status="open", line=12)
    assert page_fields(replace(question, line=40)) == page_fields(question)
    for each in fields(Question):
        if each.name != "line":
            changed = replace(question, **{each.name: object()})
            assert page_fields(changed) != page_fields(question), each.name
