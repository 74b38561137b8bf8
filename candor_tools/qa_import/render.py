"""Write questions as Q&A files write them (docs/qa.md), the same bytes every time."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import yaml

_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_PLAIN = re.compile(r"^[^\W\d_][\w.' -]*[\w.]$|^[^\W\d_]$")
_YAML_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}
HEADER = ("# Questions imported by `invoke qa-import` (docs/migration.md). Edit it like any\n"
          "# Q&A file: a re-import only updates what the source owns (asker, time, votes,\n"
          "# text) and never touches kinds, statuses, answers, declines, merges or removals.\n")


@dataclass(frozen=True)
class Answer:
    """An executive's reply, imported as the question's answer."""

    by: str
    at: str
    text: str


@dataclass(frozen=True)
class NewQuestion:
    """A question as the importer writes it."""

    qid: str
    asked_at: str
    source: str
    text: str
    asked_by: str = ""
    votes: int = 0
    answer: Answer | None = None
    kind: str = "question"
    reply_to: str | None = None
    by: str | None = None  # an executive's reply: their author slug


def scalar(value: str) -> str:
    """Return ``value`` as a one-line YAML scalar, quoted only when it must be."""
    if _PLAIN.match(value) and value.lower() not in _YAML_WORDS and "  " not in value:
        return value
    dumped = yaml.dump(value, Dumper=_DUMPER, allow_unicode=True, width=1 << 20)
    return dumped.removesuffix("\n...\n").rstrip("\n")


def block(key: str, text: str, indent: int) -> list[str]:
    """Return ``key: |`` and ``text`` as a YAML literal block at ``indent``."""
    pad = " " * indent
    return [f"{pad}{key}: |"] + [f"{pad}  {line}" if line else "" for line in text.split("\n")]


def field_lines(key: str, value: str | int, indent: int) -> list[str]:
    """Return the lines of one source-owned field of a question."""
    if key == "text":
        return block(key, str(value), indent)
    text = str(value) if key in ("votes", "asked_at", "source") else scalar(str(value))
    return [f"{' ' * indent}{key}: {text}"]


def answer_lines(answer: Answer, indent: int) -> list[str]:
    """Return ``status: answered`` and the answer block, at the question's ``indent``."""
    pad = " " * indent
    return [f"{pad}status: answered", f"{pad}answer:", f"{pad}  by: {answer.by}",
            f"{pad}  at: {answer.at}", *block("text", answer.text, indent + 2)]


def question_lines(question: NewQuestion, dash: int) -> list[str]:
    """Return a whole question, its ``- id:`` line at column ``dash``."""
    indent = dash + 2
    pad = " " * indent
    # kind is written out so an editor reclassifies an entry by changing this one line;
    # status is left out while it is the kind's default (pending, published), for the same
    # reason.
    lines = [f"{' ' * dash}- id: {question.qid}", f"{pad}kind: {question.kind}"]
    if question.reply_to:
        lines.append(f"{pad}reply_to: {question.reply_to}")
    if question.by:
        lines.append(f"{pad}by: {question.by}")
    elif question.asked_by:
        lines += field_lines("asked_by", question.asked_by, indent)
    lines += field_lines("asked_at", question.asked_at, indent)
    lines += field_lines("source", question.source, indent)
    if question.votes:
        lines += field_lines("votes", question.votes, indent)
    lines += field_lines("text", question.text, indent)
    if question.answer is not None:
        lines += answer_lines(question.answer, indent)
    return lines


def replies_after_parents(questions: list[NewQuestion]) -> list[NewQuestion]:
    """Return ``questions`` in order, each reply moved after the entry it replies to.

    A Q&A file requires ``reply_to`` to name an entry above; source clocks can disagree.
    """
    batch = {q.qid for q in questions}
    waiting: dict[str, list[NewQuestion]] = {}
    done: set[str] = set()
    ordered: list[NewQuestion] = []
    for question in questions:
        if question.reply_to in batch and question.reply_to not in done:
            waiting.setdefault(question.reply_to, []).append(question)
            continue
        stack = [question]
        while stack:
            current = stack.pop()
            ordered.append(current)
            done.add(current.qid)
            stack.extend(reversed(waiting.pop(current.qid, [])))
    for stranded in waiting.values():  # only a cycle in the source leaves any here
        ordered += [replace(q, reply_to=None) for q in stranded]
    return ordered


def questions_block(questions: list[NewQuestion], dash: int) -> list[str]:
    """Return several questions separated by blank lines, replies after their parents."""
    lines: list[str] = []
    for question in replies_after_parents(questions):
        if lines:
            lines.append("")
        lines += question_lines(question, dash)
    return lines


def new_post_file(post: str, questions: list[NewQuestion]) -> str:
    """Return the text of a new Q&A file for the questions under ``post``."""
    lines = [f"post: {scalar(post)}", "questions:", *questions_block(questions, 2)]
    return HEADER + "\n".join(lines) + "\n"
