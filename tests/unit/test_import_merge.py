"""Updating a hand-edited Q&A file changes only the lines of the fields the source owns."""

from __future__ import annotations

from pathlib import Path

import pytest

from candor_tools.qa_import.errors import TargetFileError
from candor_tools.qa_import.merge import FileEdits, answer_edit, apply, field_edits
from candor_tools.qa_import.qafiles import read_qa_file
from candor_tools.qa_import.render import Answer, NewQuestion

HAND_WRITTEN = """\
# Written by hand; keep this comment.
post: posts/plain.md
questions:
  - id: disqus-1
    asked_by: Zoë
    asked_at: 2026-04-21 10:15
    source: disqus
    topics: [pricing]   # chosen by the comms team
    text: |
      <p>Old text</p>

    status: pending

  - id: disqus-2
    asked_at: 2026-04-21 11:00:00
    source: disqus
    votes: 2
    text: <p>Second</p>
    status: declined
    decline:
      by: ana-ruiz
      at: 2026-04-22 09:00
      reason: Not before the board meets.
"""


@pytest.fixture
def qa(tmp_path: Path):
    path = tmp_path / "plain.yml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    return read_qa_file(path, "content/qa/plain.yml")


def question(**changes) -> NewQuestion:
    values = {"qid": "disqus-1", "asked_at": "2026-04-21 10:15", "source": "disqus",
              "text": "<p>Old text</p>", "asked_by": "Zoë", "votes": 0, "answer": None}
    return NewQuestion(**(values | changes))


def test_the_index_knows_where_each_field_is(qa):
    first, second = qa.questions
    assert (first.qid, first.status, second.status) == ("disqus-1", "pending", "declined")
    assert (first.fields["text"].start, first.fields["text"].end) == (8, 10)
    assert qa.end_of_questions == len(HAND_WRITTEN.splitlines())


def test_equal_values_mean_no_edit(qa):
    assert field_edits(qa.questions[0], question()) == []
    same_time = question(qid="disqus-2", asked_at="2026-04-21 11:00", asked_by="",
                         votes=2, text="<p>Second</p>")
    assert field_edits(qa.questions[1], same_time) == []


def test_changed_fields_are_rewritten_in_place_and_nothing_else(qa):
    plan = FileEdits(qa, field_edits(qa.questions[0], question(
        text="<p>New text</p>", votes=7, asked_by="")))
    text = apply(plan)
    assert text == HAND_WRITTEN.replace("    asked_by: Zoë\n", "").replace(
        "<p>Old text</p>", "<p>New text</p>").replace(
        "  - id: disqus-1\n", "  - id: disqus-1\n    votes: 7\n")


def test_a_pending_question_gets_the_answer_and_a_declined_one_does_not(qa):
    answer = Answer("ana-ruiz", "2026-04-22 12:00", "<p>No.</p>")
    edit = answer_edit(qa.questions[0], question(answer=answer))
    assert edit is not None
    assert answer_edit(qa.questions[1], question(qid="disqus-2", answer=answer)) is None
    text = apply(FileEdits(qa, [edit]))
    assert "    status: answered\n    answer:\n      by: ana-ruiz\n" in text
    assert "# Written by hand; keep this comment." in text
    assert "    topics: [pricing]   # chosen by the comms team" in text


def test_new_questions_are_appended_after_the_last_one(qa):
    plan = FileEdits(qa, appended=[question(qid="disqus-3")])
    text = apply(plan)
    assert text.startswith(HAND_WRITTEN)
    # kind is written so an editor reclassifies by one line; pending is the default status.
    assert text.endswith("\n\n  - id: disqus-3\n    kind: question\n    asked_by: Zoë\n"
                         "    asked_at: 2026-04-21 10:15\n    source: disqus\n    text: |\n"
                         "      <p>Old text</p>\n")


def test_an_empty_questions_list_is_replaced(tmp_path):
    path = tmp_path / "s.yml"
    path.write_text("post: posts/plain.md\nquestions: []\n", encoding="utf-8")
    text = apply(FileEdits(read_qa_file(path, "s.yml"), appended=[question()]))
    assert text.startswith("post: posts/plain.md\nquestions:\n  - id: disqus-1\n")


def test_a_broken_file_stops_the_import_with_its_line(tmp_path):
    path = tmp_path / "bad.yml"
    path.write_text("post: x\nquestions:\n  - id: a\n   bad: [\n", encoding="utf-8")
    with pytest.raises(TargetFileError, match=r"^content/qa/bad\.yml:\d+: invalid YAML"):
        read_qa_file(path, "content/qa/bad.yml")
