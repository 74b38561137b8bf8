"""Decide what each record becomes: an entry (question or comment), an answer, or skipped.

A reader's record becomes an entry whose kind comes from the Q&A file when it is already
there (an editor's reclassification is kept), else from ``kinds.Classifier``. An
executive's reply becomes the answer of the nearest reader entry above it when that
entry is a question; otherwise (a reply to a comment, a top-level note, a reply to a
record that was not imported) it becomes a comment of its own, marked as the
executive's (``by:``). Every entry keeps its place in the source's threads:
``reply_to`` names the nearest entry above it, if there is one.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from candor_tools.qa_import.identities import Identities
from candor_tools.qa_import.kinds import Classifier
from candor_tools.qa_import.records import (
    OK,
    ORPHAN,
    UNREADABLE,
    Comment,
    Export,
)
from candor_tools.qa_import.report import Report

# What an executive's record becomes (_executive_fate).
ANSWER, GONE, SIGNED = "answer", "gone", "signed"


@dataclass(frozen=True)
class Entry:
    """A record that becomes an entry of a Q&A file."""

    comment: Comment
    kind: str  # "question" or "comment"
    reply_to: str | None = None  # the id of the nearest entry it replies to
    by: str | None = None  # an executive's reply: their author slug


@dataclass
class Sorted:
    """The records of an export, sorted by what they become."""

    entries: list[Entry] = field(default_factory=list)
    # question id -> [(reply, executive slug)], the executive's replies to it
    answers: dict[str, list[tuple[Comment, str]]] = field(default_factory=dict)


def _where(export: Export, comment: Comment) -> str:
    if comment.origin:
        return comment.origin
    if comment.line:
        return f"{export.path}:{comment.line}"
    return f"{export.path}: {comment.qid or comment.key or 'a record'}"


def classify(export: Export, matched: set[str], identities: Identities, *,
             report: Report, existing: dict[str, str],
             classifier: Classifier | None = None) -> Sorted:
    """Sort every record; count skipped ones and entries by kind in ``report``.

    ``existing`` maps the ids already in the Q&A files to their kind there.
    """
    classifier = classifier or Classifier()
    first: dict[str, Comment] = {}
    by_key: dict[str, Comment] = {}
    for comment in export.comments:
        if comment.qid and comment.qid not in first:
            first[comment.qid] = comment
        if comment.key and comment.key not in by_key:
            by_key[comment.key] = comment

    def executive(comment: Comment) -> str | None:
        return identities.executive(comment.identities) if comment.identities else None

    kinds: dict[str, str] = {}  # source key -> kind, for every reader entry
    replies: list[Comment] = []  # executives' records, decided once every kind is known
    for comment in export.comments:
        report.read += 1
        reason = _skip_reason(comment, first, matched, export=export, report=report,
                              existing=existing)
        if reason is None and not comment.text:
            reason = UNREADABLE
            report.unreadable.append(f"{_where(export, comment)}: no text is left once "
                                     "the comment is sanitized")
        if reason is not None:
            report.skipped[reason] += 1
        elif executive(comment) is not None:
            replies.append(comment)
        else:
            # A row that carries its own answer (CSV) is a question whatever its wording.
            kinds[comment.key] = existing.get(comment.qid) or (
                "question" if comment.answer is not None
                else classifier.kind_of(comment.text, comment.asks))
    result = Sorted()
    by: dict[str, str] = {}  # source key -> executive slug, for executives' comments
    for comment in replies:
        slug = executive(comment) or ""
        root = _root_question(comment, by_key, executive)
        fate = _executive_fate(comment, root, kinds, existing)
        if fate == ANSWER and root is not None:
            result.answers.setdefault(root.qid, []).append((comment, slug))
        elif fate == GONE and root is not None:
            _gone_question(comment, root, report)
        else:
            kinds[comment.key] = existing.get(comment.qid) or "comment"
            by[comment.key] = slug

    def is_entry(comment: Comment) -> bool:
        return comment.key in kinds or (comment.qid in existing
                                        and first.get(comment.qid) is comment)

    above = _nearest_entry(by_key, is_entry)
    for comment in export.comments:
        kind = kinds.get(comment.key)
        if kind is None or first.get(comment.qid) is not comment:
            continue
        signer, reply_to = by.get(comment.key), above(comment)
        result.entries.append(Entry(comment, kind, reply_to, signer))
        report.kinds[kind] += 1
        if signer is not None:
            report.executive_replies += reply_to is not None
            report.executive_top_level += reply_to is None
    return result


def _executive_fate(comment: Comment, root: Comment | None, kinds: dict[str, str],
                    existing: dict[str, str]) -> str:
    """Return what an executive's record becomes.

    ANSWER when the nearest reader entry above it is a question; GONE when that entry is
    a question Candor has but this export no longer imports; else SIGNED: an entry of
    their own, ``by:`` them (a reply to a comment, a top-level note, a reply to nothing
    imported, or an entry already in Candor).
    """
    if comment.qid in existing or root is None:
        return SIGNED
    if kinds.get(root.key) == "question":
        return ANSWER
    if root.key not in kinds and existing.get(root.qid) == "question":
        return GONE
    return SIGNED


def _gone_question(comment: Comment, root: Comment, report: Report) -> None:
    """Count an executive's reply to a question Candor has but the source no longer shows.

    The reply was, most likely, imported as the question's answer before: it is not
    imported again (as a comment, it would repeat the answer), and the team reviews it.
    """
    state = root.state if root.state != OK else UNREADABLE
    report.outcomes["unchanged"] += 1
    report.review.append(f"{comment.qid}: the executive's reply to {root.qid} was not "
                         f"imported: {root.qid} is {state} in this export; its answer in "
                         "Candor, if it has one, stays as it is")


def _nearest_entry(by_key: dict[str, Comment], is_entry: Callable[[Comment], bool]
                   ) -> Callable[[Comment], str | None]:
    """Return a function giving the id of the nearest entry above a record (memoized,
    so the whole export costs one walk up each chain of replies)."""
    memo: dict[str, str | None] = {}  # key of a record that is no entry -> the answer

    def above(comment: Comment) -> str | None:
        chain: list[str] = []
        visited = {comment.key}
        key, found = comment.parent, None
        while key is not None and key not in visited:
            if key in memo:
                found = memo[key]
                break
            parent = by_key.get(key)
            if parent is None:
                break
            if is_entry(parent):
                found = parent.qid
                break
            chain.append(key)
            visited.add(key)
            key = parent.parent
        for key in chain:
            memo[key] = found
        return found

    return above


def _skip_reason(comment: Comment, first: dict[str, Comment], matched: set[str], *,
                 export: Export, report: Report, existing: Collection[str]) -> str | None:
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
