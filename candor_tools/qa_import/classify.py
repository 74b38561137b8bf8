"""Decide what each record becomes: a question, an answer, or skipped (and why)."""

from __future__ import annotations

from dataclasses import dataclass, field

from candor_tools.qa_import.identities import Identities
from candor_tools.qa_import.records import (
    NOT_A_QUESTION,
    OK,
    ORPHAN,
    UNREADABLE,
    Comment,
    Export,
)
from candor_tools.qa_import.report import Report


@dataclass
class Sorted:
    """The records of an export, sorted by what they become."""

    questions: list[Comment] = field(default_factory=list)
    # question id -> [(reply, executive slug)], the executive's replies to it
    answers: dict[str, list[tuple[Comment, str]]] = field(default_factory=dict)


def _where(export: Export, comment: Comment) -> str:
    if comment.origin:
        return comment.origin
    if comment.line:
        return f"{export.path}:{comment.line}"
    return f"{export.path}: {comment.qid or comment.key or 'a record'}"


def classify(export: Export, matched: set[str], identities: Identities, *,
             report: Report, existing: set[str]) -> Sorted:
    """Sort every record; count skipped ones in ``report`` (by reason)."""
    first: dict[str, Comment] = {}
    by_key: dict[str, Comment] = {}
    for comment in export.comments:
        if comment.qid and comment.qid not in first:
            first[comment.qid] = comment
        if comment.key and comment.key not in by_key:
            by_key[comment.key] = comment

    def executive(comment: Comment) -> str | None:
        return identities.executive(comment.identities) if comment.identities else None

    def is_question(comment: Comment) -> bool:
        return (comment.state == OK and first.get(comment.qid) is comment
                and comment.thread in matched and bool(comment.text)
                and executive(comment) is None)

    result = Sorted()
    for comment in export.comments:
        report.read += 1
        reason = _skip_reason(comment, first, matched, export=export, report=report,
                              existing=existing)
        if reason is None and executive(comment) is not None:
            root = _root_question(comment, by_key, executive)
            if root is not None and is_question(root):
                slug = executive(comment) or ""
                result.answers.setdefault(root.qid, []).append((comment, slug))
                continue
            reason = NOT_A_QUESTION
        if reason is None and not comment.text:
            reason = UNREADABLE
            report.unreadable.append(f"{_where(export, comment)}: no text is left once "
                                     "the comment is sanitized")
        if reason is not None:
            report.skipped[reason] += 1
            continue
        result.questions.append(comment)
    return result


def _skip_reason(comment: Comment, first: dict[str, Comment], matched: set[str], *,
                 export: Export, report: Report, existing: set[str]) -> str | None:
    if comment.state == UNREADABLE:
        report.unreadable.append(f"{_where(export, comment)}: {comment.problem}")
        return UNREADABLE
    if first.get(comment.qid) is not comment:
        report.unreadable.append(f"{_where(export, comment)}: the id {comment.key} appears "
                                 "more than once in the export; only the first is imported")
        return UNREADABLE
    if comment.state != OK:
        if comment.qid in existing:
            report.review.append(f"{comment.qid} is {comment.state} at the source but stays "
                                 "in Candor as it is: remove it there if it should go")
        return comment.state
    if comment.thread not in matched:
        thread = export.threads.get(comment.thread)
        report.unmatched[(thread.url or thread.identifier or thread.key) if thread
                         else f"thread {comment.thread} (not in the export)"] += 1
        return ORPHAN
    return None


def _root_question(comment: Comment, by_key: dict[str, Comment], executive) -> Comment | None:
    """Return the nearest ancestor not written by an executive (None if there is none)."""
    seen = {comment.key}
    parent = by_key.get(comment.parent or "")
    while parent is not None and executive(parent) is not None and parent.key not in seen:
        seen.add(parent.key)
        parent = by_key.get(parent.parent or "")
    if parent is None or parent.key in seen:
        return None
    return parent
