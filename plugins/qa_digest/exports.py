"""The public digest as open data: JSON (documented in docs/qa.md) and CSV.

Both are made in pieces, a question at a time, and written as they come
(``encoded``): at 100,000 questions ``digest.json`` is 82 MB, and held whole,
with its records and the pieces they are joined from, it was the largest
thing a build kept in memory.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from functools import partial
from typing import Any

from qa_digest import jsontext
from qa_digest.exportcache import CSV, JSON, ExportParts
from qa_digest.model import CommentCard, Digest, Question, Scorecard, Thread

# 2: comments (kind, reply_to, by_executive on every entry; comment numbers).
SCHEMA_VERSION = 2
CSV_COLUMNS = ("thread", "id", "status", "asked_by", "asked_at", "source", "votes",
               "total_votes", "askers", "topics", "question_html", "responded_by",
               "responded_at", "response_html", "due", "overdue", "merged_into",
               "removal_reason", "url", "kind", "reply_to", "by_executive")
PIECE = 1 << 16  # characters written at a time


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def question_record(question: Question, url: str | None) -> dict[str, Any]:
    """Return the public record of one entry (question or comment); removed ones keep
    no text."""
    response = question.response
    return {
        "thread": question.thread_id, "id": question.id, "status": question.status,
        "asked_by": question.asked_by, "asked_at": _iso(question.asked_at),
        "source": question.source, "votes": question.votes,
        "total_votes": question.total_votes, "askers": question.askers,
        "topics": list(question.topics),
        "question_html": str(question.html) if question.html is not None else None,
        "responded_by": response.by if response else None,
        "responded_at": _iso(response.at) if response else None,
        "response_html": str(response.html) if response else None,
        "due": _iso(response.due) if response else None,
        "overdue": question.overdue, "merged_into": question.merged_into,
        "removal_reason": question.removal_reason, "url": url,
        "kind": question.kind, "reply_to": question.reply_to,
        "by_executive": question.by_executive,
    }


def card_record(card: Scorecard) -> dict[str, Any]:
    """Return a scorecard as plain data."""
    return {
        "received": card.received, "answered": card.answered, "follow_up": card.follow_up,
        "declined": card.declined, "pending": card.pending, "merged": card.merged,
        "removed": card.removed, "removed_by_reason": dict(card.removed_by_reason),
        "answer_rate": card.answer_rate, "response_rate": card.response_rate,
        "median_days_to_answer": card.median_days_to_answer,
        "overdue_follow_ups": card.overdue_follow_ups,
    }


def comment_card_record(card: CommentCard | None) -> dict[str, Any] | None:
    """Return a thread's or the site's comment numbers as plain data."""
    if card is None:
        return None
    return {"comments": card.comments, "published": card.published, "removed": card.removed,
            "removed_by_reason": dict(card.removed_by_reason),
            "executive_replies": card.executive_replies}


def digest_json(digest: Digest, urls: dict[str, str], parts: ExportParts | None = None
                ) -> Iterator[str]:
    """Yield the whole public digest as JSON text (stable key order), in pieces.

    ``parts``: each thread's list of questions, kept by the last build while its
    questions are the same (``exportcache``).
    """
    data = {
        "schema_version": SCHEMA_VERSION,
        "scorecard": card_record(digest.site) if digest.site else None,
        "comments": comment_card_record(digest.comments),
        "executives": {slug: {**card_record(card),
                              "responses_written": digest.responses_by.get(slug, 0)}
                       for slug, card in digest.per_executive.items()},
        "threads": ({
            "id": thread.id, "kind": thread.kind, "title": thread.title,
            "hosts": list(thread.hosts), "opens": _iso(thread.opens),
            "closes": _iso(thread.closes), "scorecard": card_record(digest.per_thread[thread.id]),
            "comments": comment_card_record(digest.comments_per_thread.get(thread.id)),
            "questions": _questions_json(thread, urls, parts),
        } for thread in digest.threads),
    }
    # json.dumps(..., indent=1)'s text; the document, the threads, each thread and its
    # list of questions in pieces, each question's record one piece.
    yield from jsontext.chunks(data, indent=1, depth=QUESTIONS_LEVEL + 1)
    yield "\n"


QUESTIONS_LEVEL = 3  # document, "threads", a thread, its "questions"


def _questions_json(thread: Thread, urls: dict[str, str], parts: ExportParts | None) -> Any:
    records = (question_record(q, urls.get(q.id)) for q in thread.questions)
    if parts is None:
        return records  # written a record at a time
    return jsontext.Raw(parts.text(JSON, thread, urls, lambda: jsontext.text(
        records, QUESTIONS_LEVEL, indent=1, depth=QUESTIONS_LEVEL + 1)))


def _cell(value: Any) -> Any:
    """Return a CSV cell; text a spreadsheet would run as a formula is quoted with '."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(("=", "+", "-", "@", "\t", "\r")):
        return "'" + value
    return value


def digest_csv(digest: Digest, urls: dict[str, str], parts: ExportParts | None = None
               ) -> Iterator[str]:
    """Yield one CSV row per entry, questions and comments (removed ones without text),
    a few hundred rows at a time; ``parts``: each thread's rows as ``digest_json``'s."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(CSV_COLUMNS)
    yield out.getvalue()
    for thread in digest.threads:
        if parts is None:
            yield from _csv_rows(thread, urls)
        else:
            yield parts.text(CSV, thread, urls, partial(_csv_text, thread, urls))


def _csv_text(thread: Thread, urls: dict[str, str]) -> str:
    return "".join(_csv_rows(thread, urls))


def _csv_rows(thread: Thread, urls: dict[str, str]) -> Iterator[str]:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for question in thread.questions:
        row = question_record(question, urls.get(question.id))
        writer.writerow([_cell("; ".join(row["topics"])) if column == "topics"
                         else _cell(row[column]) for column in CSV_COLUMNS])
        if out.tell() >= PIECE:
            yield out.getvalue()
            out.seek(0)
            out.truncate()
    yield out.getvalue()


def encoded(pieces: Iterable[str], size: int = PIECE) -> Iterator[bytes]:
    """Yield ``pieces`` as UTF-8, joined into blocks of about ``size`` characters."""
    block: list[str] = []
    held = 0
    for piece in pieces:
        block.append(piece)
        held += len(piece)
        if held >= size:
            yield "".join(block).encode("utf-8")
            block.clear()
            held = 0
    if block:
        yield "".join(block).encode("utf-8")
