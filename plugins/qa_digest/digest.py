"""Link the loaded threads into one digest: merges, votes, overdue flags, scorecards."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from candor_common.errors import Problem
from qa_digest.model import STATUSES, Digest, Question, Thread
from qa_digest.stats import Tally, combined, comment_card, scorecard_of, tally

# Page addresses inside a thread: status filters, pages, the comments page.
RESERVED_IDS = frozenset({*STATUSES, "page", "comments"})


def build_digest(threads: list[Thread], now: datetime, loads: Sequence[str] | None = None
                 ) -> tuple[Digest, list[Problem]]:
    """Return the digest of ``threads`` as of ``now`` and every cross-file problem.

    ``loads``: the name of each thread's load (``LoadCache.key``); the digest then
    records its inputs (``Digest.inputs``): those, the threads' fields but their
    questions, and the day of ``now`` (all this function reads of it).
    """
    problems: list[Problem] = []
    sources = {thread.id: thread.source for thread in threads}
    by_id: dict[str, Question] = {}
    for thread in threads:
        for question in thread.questions:
            problems += _check_question(question, sources[thread.id], by_id)
            by_id.setdefault(question.id, question)
    children: dict[str, list[Question]] = defaultdict(list)
    for question in by_id.values():
        if question.status != "merged":
            continue
        target = by_id.get(question.merged_into or "")
        where = (sources[question.thread_id], question.line)
        if target is None:
            problems.append(Problem(*where, "merged_into", f"no question has the id "
                                    f"'{question.merged_into}'", "Name an existing question"))
        elif target.kind != "question":
            problems.append(Problem(*where, "merged_into", f"'{target.id}' is a comment",
                                    "Merge a question into a question only"))
        elif target.status in ("merged", "removed"):
            problems.append(Problem(*where, "merged_into", f"'{target.id}' is {target.status} "
                                    "itself", "Merge into the canonical question instead"))
        else:
            children[target.id].append(question)
    today = now.date()
    linked = {}
    for qid, question in by_id.items():
        merged = sorted(children.get(qid, []), key=lambda q: q.id)
        due = question.response.due if question.response else None
        ids, votes, askers, overdue = (
            tuple(q.id for q in merged), question.votes + sum(q.votes for q in merged),
            1 + len(merged), question.status == "follow-up" and due is not None and due < today)
        if (ids, votes, askers, overdue) == (question.merged_ids, question.total_votes,
                                             question.askers, question.overdue):
            linked[qid] = question  # most questions: as loaded, no copy
        else:
            linked[qid] = replace(question, merged_ids=ids, total_votes=votes, askers=askers,
                                  overdue=overdue)
    final_threads = tuple(replace(t, questions=tuple(linked[q.id] for q in t.questions
                                                     if linked.get(q.id) is not None
                                                     and linked[q.id].thread_id == t.id))
                          for t in threads)
    digest = _with_scorecards(final_threads, linked)
    if loads is not None:
        digest = replace(digest, inputs=(today, tuple(
            (load, thread.heading())
            for load, thread in zip(loads, threads, strict=True))))
    return digest, problems


def _check_question(question: Question, source: str,
                    seen: dict[str, Question]) -> list[Problem]:
    found = []
    if question.id in seen:
        first = seen[question.id]
        found.append(Problem(source, question.line, "id", f"'{question.id}' is already used "
                             f"(line {first.line} of the file of thread '{first.thread_id}')",
                             "Give every question a unique id"))
    if question.id in RESERVED_IDS:
        found.append(Problem(source, question.line, "id", f"'{question.id}' is reserved for "
                             "page addresses", "Choose another id"))
    if question.response is not None and question.response.at < question.asked_at:
        found.append(Problem(source, question.line, "at", "the response is dated before the "
                             "question was asked", "Check both dates"))
    return found


def reply_index(threads: tuple[Thread, ...]) -> dict[str, tuple[str, ...]]:
    """Return entry id → the ids of its direct replies, in file order (one pass, O(n)).

    Every ``reply_to`` names an entry above it in the same file (checked at load), so
    the replies form a forest: no cycle can exist.
    """
    children: dict[str, list[str]] = defaultdict(list)
    for thread in threads:
        for entry in thread.questions:
            if entry.reply_to is not None:
                children[entry.reply_to].append(entry.id)
    return {parent: tuple(ids) for parent, ids in children.items()}


def _with_scorecards(threads: tuple[Thread, ...], by_id: dict[str, Question]) -> Digest:
    # Each thread's questions are counted once; the site's and each host's numbers
    # are the sums of their threads' (each question read once, not three times).
    tallies = [(thread.id, tally(thread.questions)) for thread in threads]
    hosted: dict[str, list[Tally]] = defaultdict(list)
    responses: dict[str, int] = defaultdict(int)
    for thread, (_id, counted) in zip(threads, tallies, strict=True):
        for host in thread.hosts:
            hosted[host].append(counted)
        for question in thread.questions:
            if question.response is not None:
                responses[question.response.by] += 1
    return Digest(
        threads=threads, by_id=by_id,
        site=scorecard_of(combined(counted for _id, counted in tallies)),
        per_thread={thread_id: scorecard_of(counted) for thread_id, counted in tallies},
        per_executive={slug: scorecard_of(combined(hosted.get(slug, [])))
                       for slug in sorted(set(hosted) | set(responses))},
        responses_by=dict(sorted(responses.items())),
        replies=reply_index(threads),
        comments=comment_card(q for t in threads for q in t.questions),
        comments_per_thread={t.id: comment_card(t.questions) for t in threads})
