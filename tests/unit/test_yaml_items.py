"""A Q&A file's questions are parsed one by one, each once for each text it has
(candor_common.yamlitems): the result is always load_located's for the whole file,
lines included, and a file that cannot be cut safely is parsed whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from candor_common.errors import DataError
from candor_common.yamlfile import Located, load_located
from candor_common.yamlitems import ItemParser, split_items

REPO = Path(__file__).resolve().parents[2]

HALL = """\
# The spring town hall.
session:
  title: Spring town hall
  hosts: [ana-ruiz]
questions:
  - id: q-1
    asked_at: 2026-03-01 10:00
    text: Why?
    status: answered
    answer:
      by: ana-ruiz
      at: 2026-03-02 10:00
      text: |
        Because.

        - one reason
        - another
# a comment at the top level, between two questions
  - id: q-2
    asked_at: 2026-03-02 11:00
    text: "When, and
      how?"
    topics:
    - pay
    - hours
  -
  - id: q-3
    text: >
      Folded
      text.
"""


def both(tmp_path: Path, text: str, known: dict | None = None) -> tuple[object, ItemParser]:
    """Parse ``text`` both ways; check they agree (or fail alike); return the result."""
    path = tmp_path / "hall.yml"
    path.write_bytes(text.encode("utf-8"))
    parser = ItemParser("questions", known)
    try:
        whole = load_located(path, "qa/hall.yml")
    except DataError as error:
        with pytest.raises(DataError) as raised:
            parser(path, "qa/hall.yml")
        assert raised.value.problems == error.problems
        return error, parser
    parts = parser(path, "qa/hall.yml")
    assert parts == whole
    if isinstance(whole, Located):
        assert list(parts.values) == list(whole.values)  # the keys in the file's order
    return whole, parser


def test_each_question_is_parsed_alone_and_put_back_in_place(tmp_path):
    data, parser = both(tmp_path, HALL)
    assert parser.parsed == 4
    questions = data.values["questions"]
    assert [q.values["id"] for q in questions if q] == ["q-1", "q-2", "q-3"]
    assert questions[0].line_of("text") == 8 and questions[1].line == 19
    assert questions[0].values["answer"].values["text"].endswith("- another\n")


def test_questions_seen_before_are_not_parsed_again_and_their_lines_move(tmp_path):
    _data, first = both(tmp_path, HALL)
    longer = HALL.replace("text: Why?", "text: |\n      Why?\n\n      Really, why?")
    data, second = both(tmp_path, longer, first.used)
    assert second.parsed == 2  # the changed question, and the empty item
    assert data.values["questions"][1].line == 22  # three lines further down
    assert len(second.used) == 4


@pytest.mark.parametrize("text", [
    HALL.replace("\n", "\r\n"),  # Windows line ends
    "\ufeff" + HALL,  # a byte-order mark
    "questions:\n- id: a\n  topics:\n  - x\nsession:\n  title: After\n",  # no indent, key after
    "post: posts/a.md\nquestions:   # the questions\n\n  - id: a\n\n  - id: b\n",
])
def test_files_that_are_cut_give_the_whole_files_result(tmp_path, text):
    _data, parser = both(tmp_path, text)
    assert parser.parsed >= 1 and split_items(text, "questions") is not None


@pytest.mark.parametrize("text", [
    "%YAML 1.1\n---\nquestions:\n  - id: a\n",  # a directive
    "questions:\n  - id: a\n---\nquestions:\n  - id: b\n",  # two documents
    "questions:\n  - id: a\nquestions:\n  - id: b\n",  # the key twice
    "questions: [a, b]\n",  # flow style
    "questions:\n  id: a\n",  # not a list
    "questions:\n  - id: a\n\t- id: b\n",  # a tab
    "questions:\n    - id: a\n  - id: b\n",  # less indented item
    "session:\n  title: x\n",  # no questions
])
def test_files_that_cannot_be_cut_are_parsed_whole(tmp_path, text):
    assert split_items(text, "questions") is None
    both(tmp_path, text)


@pytest.mark.parametrize("text", [
    # An anchor in one question, its alias in another.
    "questions:\n  - id: a\n    topics: &t [pay]\n  - id: b\n    topics: *t\n",
    # A quoted text going on at the left margin (past the next question's start).
    'questions:\n  - id: a\n    text: "one\n  - id: b\n    two"\n',
    # A flow list spanning what looks like an item.
    "questions:\n  - id: a\n    topics: [pay,\n  - hours]\n",
    # A syntax error in one question: reported at its line, as for the whole file.
    "questions:\n  - id: a\n  - id: b\n    text: [unclosed\n  - id: c\n",
    # A value that is not a valid date.
    "questions:\n  - id: a\n    asked_at: 2026-13-45\n",
    # Line breaks YAML 1.1 counts, and Python's splitlines too, inside a text.
    'questions:\n  - id: a\n    text: "one\u2028two\x85three"\n  - id: b\n    text: "\u2029"\n',
    "questions:\n  - id: a\n    text: one\u2028- id: x\n  - id: b\n",
    # A control character YAML does not allow, which splitlines takes for a break.
    "questions:\n  - id: a\n    text: one\x0ctwo\n  - id: b\n",
])
def test_what_a_cut_would_change_is_parsed_whole(tmp_path, text):
    both(tmp_path, text)


def test_the_sample_sites_files_give_the_same_result_cut(tmp_path):
    files = sorted((REPO / "content" / "qa").glob("*.yml"))
    assert files
    for source in files:
        text = source.read_text(encoding="utf-8")
        _data, parser = both(tmp_path, text)
        assert parser.parsed == len(split_items(text, "questions")[1])
        _again, warm = both(tmp_path, text, parser.used)
        assert warm.parsed == 0


def test_a_date_that_does_not_exist_is_a_clear_error_at_its_line(tmp_path):
    error, _parser = both(tmp_path, "questions:\n  - id: a\n    asked_at: 2026-13-45\n")
    assert isinstance(error, DataError)
    (problem,) = error.problems
    assert (problem.path, problem.line, problem.field) == ("qa/hall.yml", 3, "YAML")
    assert "2026-13-45" in problem.problem and "date" in problem.fix
