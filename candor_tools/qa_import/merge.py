"""Merge imported questions into Q&A files: new ones appended, known ones updated in place.

The source owns a question's asker, time, source, votes and text. Candor owns everything
else: kind, reply_to, status, answers, declines, follow-ups, merges, removals and
topics. A question still
``pending`` gets the executive's reply as its answer; any other status is a decision made
in Candor and is never touched. A removed question is never touched at all: its text and
name may have been deleted on purpose.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from candor_tools.qa_import.errors import TargetFileError
from candor_tools.qa_import.qafiles import ExistingQuestion, QAFile, Span
from candor_tools.qa_import.render import (
    NewQuestion,
    answer_lines,
    field_lines,
    questions_block,
)

SOURCE_FIELDS = ("asked_by", "asked_at", "source", "votes", "text")


@dataclass
class Edit:
    """Replace lines [start, end) of a file by ``lines`` (start == end inserts)."""

    start: int
    end: int
    lines: list[str]


@dataclass
class FileEdits:
    """Every change planned for one existing file."""

    qa: QAFile
    edits: list[Edit] = field(default_factory=list)
    appended: list[NewQuestion] = field(default_factory=list)


def _same(key: str, have: str | None, want: str | int | None) -> bool:
    if key == "votes":
        return _int(have) == (want or 0)
    if key == "asked_at" and have and want:
        try:
            return f"{datetime.fromisoformat(have):%Y-%m-%d %H:%M}" == want
        except ValueError:
            return False
    return (have or "").strip() == str(want or "").strip()


def _int(value: str | None) -> int:
    try:
        return int(value or 0)
    except ValueError:
        return -1


def _wanted(question: NewQuestion) -> dict[str, str | int | None]:
    wanted: dict[str, str | int | None] = {
        "asked_by": question.asked_by or None, "asked_at": question.asked_at,
        "source": question.source, "votes": question.votes or None, "text": question.text}
    if question.by:  # an executive's reply is signed by 'by', which Candor owns
        del wanted["asked_by"]
    return wanted


def field_edits(existing: ExistingQuestion, question: NewQuestion) -> list[Edit]:
    """Return the edits that bring the source-owned fields up to date (none if equal)."""
    edits, inserts = [], []
    column = existing.fields["id"].column
    for key, want in _wanted(question).items():
        have = existing.fields.get(key)
        if _same(key, have.value if have else None, want):
            continue
        if have is not None and have.start == existing.start:
            msg = (f"{existing.file.display}:{have.start + 1}: {key}: cannot be updated in "
                   "place. Put 'id' first in this question.")
            raise TargetFileError(msg)
        if want is None and have is not None:
            edits.append(Edit(have.start, have.end, []))
        elif have is not None:
            edits.append(Edit(have.start, have.end, field_lines(key, want or "", have.column)))
        elif want is not None:
            inserts += field_lines(key, want, column)
    if inserts:
        edits.append(Edit(existing.fields["id"].end, existing.fields["id"].end, inserts))
    return edits


def answer_edit(existing: ExistingQuestion, question: NewQuestion) -> Edit | None:
    """Return the edit turning a pending question into an answered one (None otherwise).

    A comment is never answered, even if an executive replied to it at the source.
    """
    if (question.answer is None or existing.kind != "question"
            or existing.status != "pending"):
        return None
    status: Span | None = existing.fields.get("status")
    if status is None:  # pending by default: add the answer after the last field
        column = existing.fields["id"].column
        return Edit(existing.end, existing.end, answer_lines(question.answer, column))
    return Edit(status.start, status.end, answer_lines(question.answer, status.column))


def apply(plan: FileEdits) -> str:
    """Return the file's new text with every edit applied and new questions appended."""
    lines = list(plan.qa.lines)
    qa = plan.qa
    if plan.appended:
        block = questions_block(plan.appended, qa.dash)
        if qa.end_of_questions is not None:
            plan.edits.append(Edit(qa.end_of_questions, qa.end_of_questions, ["", *block]))
        elif qa.questions_key is not None:
            span = qa.questions_key
            plan.edits.append(Edit(span.start, span.end,
                                   [f"{' ' * span.column}questions:", *block]))
        else:
            plan.edits.append(Edit(len(lines), len(lines), ["questions:", *block]))
    # Last edit first, so earlier line numbers stay right; at one line, replace then insert.
    for edit in sorted(plan.edits, key=lambda e: (e.start, e.end > e.start), reverse=True):
        lines[edit.start:edit.end] = edit.lines
    return "\n".join(lines) + "\n"
