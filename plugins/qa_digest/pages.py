"""Write the hub, the thread pages (filtered, paginated) and the question pages."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from qa_digest.conversation import ThreadComments
from qa_digest.model import PUBLIC_STATUSES, Digest, Question, Thread
from qa_digest.urls import comments_url, hub_url, question_url, save_as, thread_url

STATUS_LABELS = {None: "All", "answered": "Answered", "follow-up": "Follow-up",
                 "declined": "Declined", "pending": "Open"}


@dataclass(frozen=True)
class Filter:
    """One link of a thread page's status filter."""

    status: str | None
    label: str
    url: str
    count: int
    current: bool


def public_order(questions: Sequence[Question]) -> list[Question]:
    """Answered first, then follow-ups, declined, open; each by votes, then age.

    Comments are never listed here: they are on the thread's comments page.
    """
    public = [q for q in questions if q.is_public and q.kind == "question"]
    return sorted(public, key=lambda q: (PUBLIC_STATUSES.index(q.status), -q.total_votes,
                                         q.asked_at, q.id))


def write_hub(writer: Any, env: Any, context: dict[str, Any], digest: Digest,
              extra: dict[str, Any]) -> None:
    """Write /qa/."""
    url = hub_url(context)
    writer.write_file(save_as(url), env.get_template("qa/hub.html"), context,
                      relative_urls=context["RELATIVE_URLS"], url=url, digest=digest,
                      page_name=url.rstrip("/"), **extra)


def write_thread(writer: Any, env: Any, context: dict[str, Any], thread: Thread, *,
                 digest: Digest, thread_post: Any) -> int:
    """Write every filtered, paginated page of ``thread``; return how many."""
    template = env.get_template("qa/thread.html")
    ordered = public_order(thread.questions)
    per_page = int(context["QA_DIGEST_PER_PAGE"])
    written = 0
    for status in (None, *PUBLIC_STATUSES):
        subset = ordered if status is None else [q for q in ordered if q.status == status]
        if status is not None and not subset:
            continue
        filters = _filters(context, thread.id, ordered, status)
        pages = max(1, -(-len(subset) // per_page))
        for number in range(1, pages + 1):
            url = thread_url(context, thread.id, status, number)
            writer.write_file(
                save_as(url), template, context, relative_urls=context["RELATIVE_URLS"],
                url=url, thread=thread, card=digest.per_thread[thread.id],
                comment_card=digest.comments_per_thread.get(thread.id),
                status_filter=status, filters=filters,
                questions=subset[(number - 1) * per_page: number * per_page],
                page_number=number, page_count=pages, thread_post=thread_post,
                prev_url=thread_url(context, thread.id, status, number - 1)
                if number > 1 else None,
                next_url=thread_url(context, thread.id, status, number + 1)
                if number < pages else None)
            written += 1
    return written


def _filters(context: dict[str, Any], thread_id: str, ordered: list[Question],
             current: str | None) -> tuple[Filter, ...]:
    counts = {status: sum(1 for q in ordered if q.status == status)
              for status in PUBLIC_STATUSES}
    found = [Filter(None, STATUS_LABELS[None], thread_url(context, thread_id), len(ordered),
                    current is None)]
    found += [Filter(s, STATUS_LABELS[s], thread_url(context, thread_id, s), counts[s],
                     current == s) for s in PUBLIC_STATUSES if counts[s]]
    return tuple(found)


def write_questions(writer: Any, env: Any, context: dict[str, Any], thread: Thread,
                    digest: Digest) -> int:
    """Write a page for every answered, declined and follow-up question of ``thread``."""
    template = env.get_template("qa/question.html")
    written = 0
    for question in thread.questions:
        if not question.has_page:
            continue
        url = question_url(context, question)
        merged = [digest.by_id[qid] for qid in question.merged_ids]
        writer.write_file(save_as(url), template, context,
                          relative_urls=context["RELATIVE_URLS"], url=url,
                          question=question, thread=thread, merged=merged)
        written += 1
    return written


def write_comments(writer: Any, env: Any, context: dict[str, Any], thread: Thread,
                   comments: ThreadComments, *, thread_post: Any) -> int:
    """Write the threaded, paginated comments pages of ``thread``; return how many."""
    template = env.get_template("qa/comments.html")
    count = comments.page_count
    for number, roots in enumerate(comments.pages, start=1):
        url = comments_url(context, thread.id, number)
        writer.write_file(
            save_as(url), template, context, relative_urls=context["RELATIVE_URLS"],
            url=url, thread=thread, comments=comments, conversations=roots,
            page_number=number, page_count=count, thread_post=thread_post,
            prev_url=comments_url(context, thread.id, number - 1) if number > 1 else None,
            next_url=comments_url(context, thread.id, number + 1) if number < count else None)
    return count
