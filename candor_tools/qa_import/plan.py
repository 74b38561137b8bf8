"""Plan an import: which question goes to which file, what changes, and the counts."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import tzinfo
from pathlib import Path

from candor_tools.qa_import.classify import Entry, Sorted
from candor_tools.qa_import.dates import stamp
from candor_tools.qa_import.identities import Identities
from candor_tools.qa_import.merge import FileEdits, answer_edit, apply, field_edits
from candor_tools.qa_import.qafiles import ExistingQuestion, QAFile, QAIndex
from candor_tools.qa_import.records import Comment
from candor_tools.qa_import.render import Answer, NewQuestion, new_post_file
from candor_tools.qa_import.report import Report


@dataclass(frozen=True)
class Target:
    """The Q&A file a source thread's questions go to."""

    path: Path
    display: str
    post: str | None = None  # the post path, for a file still to be created
    existing: QAFile | None = None


@dataclass
class Plan:
    """What to write: the new text of each file, by path."""

    texts: dict[Path, str] = field(default_factory=dict)


@dataclass
class _Context:
    source: str
    zone: tzinfo
    identities: Identities
    roster: frozenset[str]
    report: Report


def file_name_for(post: str, taken: set[str], source: str) -> str:
    """Return a free thread id for a new file of ``post``'s questions."""
    stem = re.sub(r"[^a-z0-9]+", "-", Path(post).stem.lower()).strip("-") or "imported"
    for name in (stem, f"{stem}-{source}"):
        if name not in taken:
            return name
    number = 2
    while f"{stem}-{source}-{number}" in taken:
        number += 1
    return f"{stem}-{source}-{number}"


def _answer(question: Comment, replies: list[tuple[Comment, str]], ctx: _Context
            ) -> Answer | None:
    if question.answer is not None:  # a CSV row's own answer column
        account, at, text = question.answer
        slug = ctx.identities.executive([account]) or (account if account in ctx.roster
                                                       else None)
        if slug is None:
            ctx.report.review.append(f"{question.qid}: the answer's author is not an "
                                     "executive in the roster; the answer was not imported")
            return None
        return Answer(slug, stamp(at, ctx.zone), text)
    if not replies or question.created is None:
        return None
    replies = sorted(replies, key=lambda r: (not r[0].chosen, r[0].created, r[0].qid))
    first, slug = replies[0]
    at = max(first.created or question.created, question.created)
    return Answer(slug, stamp(at, ctx.zone), "\n".join(r.text for r, _ in replies))


def _new_question(entry: Entry, answer: Answer | None, ctx: _Context) -> NewQuestion:
    comment = entry.comment
    assert comment.created is not None  # noqa: S101 - parsers mark dateless records unreadable
    return NewQuestion(comment.qid, stamp(comment.created, ctx.zone), ctx.source,
                       comment.text, "" if entry.by else comment.author, comment.votes,
                       answer, kind=entry.kind, reply_to=entry.reply_to, by=entry.by)


def build_plan(sorted_records: Sorted, targets: dict[str, Target], index: QAIndex, *,
               ctx_source: str, zone: tzinfo, identities: Identities,
               roster: frozenset[str], report: Report) -> Plan:
    """Decide every question's fate, count it in ``report`` and return the file texts."""
    ctx = _Context(ctx_source, zone, identities, roster, report)
    edits: dict[Path, FileEdits] = {}
    new_files: dict[Path, tuple[str, list[NewQuestion]]] = {}
    for entry in sorted_records.entries:
        comment = entry.comment
        replies = sorted_records.answers.get(comment.qid, [])
        question = _new_question(entry, _answer(comment, replies, ctx), ctx)
        existing = index.questions.get(comment.qid)
        if existing is not None:
            _update(existing, question, replies, edits, ctx)
            continue
        _count_new(question, replies, ctx)
        target = targets[comment.thread]
        if target.existing is not None:
            edits.setdefault(target.path, FileEdits(target.existing)).appended.append(question)
        else:
            new_files.setdefault(target.path, (target.post or "", []))[1].append(question)
    return _texts(edits, new_files, targets, report)


def _count_new(question: NewQuestion, replies: list[tuple[Comment, str]], ctx: _Context
               ) -> None:
    ctx.report.outcomes["imported"] += 1 + len(replies)
    if question.answer is not None:
        ctx.report.answers.append(f"{question.qid}: answered by {question.answer.by}")
    if question.by is not None:
        where = f"in reply to {question.reply_to}" if question.reply_to else "top-level"
        ctx.report.executive_comments.append(f"{question.qid}: by {question.by}, {where}")


def _update(existing: ExistingQuestion, question: NewQuestion,
            replies: list[tuple[Comment, str]], edits: dict[Path, FileEdits],
            ctx: _Context) -> None:
    """Count and plan the update of a question already in Candor."""
    report = ctx.report
    if existing.status == "removed":
        report.outcomes["unchanged"] += 1 + len(replies)
        return
    changes = field_edits(existing, question)
    answering = answer_edit(existing, question)
    if answering is not None and question.answer is not None:
        report.answers.append(f"{question.qid}: answered by {question.answer.by}")
    elif question.answer is not None and existing.status != "answered":
        report.review.append(f"{question.qid}: the executive's reply was not imported: "
                             f"the question is '{existing.status}' in Candor")
    own_change = bool(changes) or (answering is not None and not replies)
    if answering is not None:
        changes.append(answering)
    if changes:
        edits.setdefault(existing.file.path, FileEdits(existing.file)).edits += changes
    report.outcomes["updated" if own_change else "unchanged"] += 1
    report.outcomes["imported" if answering is not None else "unchanged"] += len(replies)


def _texts(edits: dict[Path, FileEdits], new_files: dict[Path, tuple[str, list[NewQuestion]]],
           targets: dict[str, Target], report: Report) -> Plan:
    plan = Plan()
    shown = {t.path: t.display for t in targets.values() if t is not None}
    for path, file_edits in sorted(edits.items()):
        file_edits.appended.sort(key=lambda q: (q.asked_at, q.qid))
        plan.texts[path] = apply(file_edits)
        report.changed.append(file_edits.qa.display)
    for path, (post, questions) in sorted(new_files.items()):
        questions.sort(key=lambda q: (q.asked_at, q.qid))
        plan.texts[path] = new_post_file(post, questions)
        report.created.append(shown.get(path, str(path)))
    return plan
