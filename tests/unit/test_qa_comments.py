"""Comments in Q&A files: loading, data errors, threading (O(n), removed entries), numbers."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from qa_digest.conversation import MAX_DEPTH, conversations, paginate, thread_comments
from qa_digest.digest import build_digest
from qa_digest.load import load_thread

ZONE = ZoneInfo("Europe/Madrid")
AUTHORS = frozenset({"ana-ruiz", "marcus-adeyemi"})
NOW = datetime(2026, 6, 1, tzinfo=ZONE)
HEADER = "post: posts/results.md\nquestions:\n"
THREAD = """\
  - id: q-1
    asked_by: Lee K.
    asked_at: 2026-03-02 10:00
    text: Why did margins fall?
  - id: c-1
    kind: comment
    reply_to: q-1
    asked_by: Jo
    asked_at: 2026-03-02 11:00
    votes: 4
    text: Good question.
  - id: c-2
    kind: comment
    asked_at: 2026-03-02 12:00
    status: removed
    removed:
      reason: abuse
    text: SECRET-ABUSE-TEXT
  - id: c-3
    kind: comment
    reply_to: c-2
    asked_by: Kim
    asked_at: 2026-03-02 13:00
    text: That was uncalled for.
  - id: c-4
    kind: comment
    reply_to: c-3
    by: ana-ruiz
    asked_at: 2026-03-02 14:00
    text: Thank you, Kim. We removed it.
  - id: q-2
    reply_to: c-3
    asked_by: Pau
    asked_at: 2026-03-02 15:00
    text: Will you publish the moderation rules?
"""


def load(tmp_path: Path, entries: str):
    path = tmp_path / "results.yml"
    path.write_text(HEADER + entries)
    return load_thread(path, "content/qa/results.yml", ZONE, AUTHORS)


def test_entries_load_with_kind_reply_to_and_the_executive(tmp_path):
    thread, problems = load(tmp_path, THREAD)
    assert problems == []
    by_id = {q.id: q for q in thread.questions}
    assert by_id["q-1"].kind == "question" and by_id["q-1"].status == "pending"  # defaults
    assert by_id["c-1"].kind == "comment" and by_id["c-1"].status == "published"
    assert by_id["c-1"].reply_to == "q-1" and by_id["c-1"].votes == 4
    assert by_id["c-4"].by_executive == "ana-ruiz" and by_id["c-4"].asked_by == ""
    assert by_id["c-2"].html is None and "SECRET-ABUSE-TEXT" not in repr(thread)
    assert [c.id for c in thread.comments] == ["c-1", "c-2", "c-3", "c-4"]


@pytest.mark.parametrize(("edit", "expected"), [
    (("reply_to: q-1", "reply_to: q-9"),
     ("results.yml:9: reply_to: no entry in this file has the id 'q-9'. Name the id of an "
      "entry above this one")),
    (("reply_to: q-1", "reply_to: c-3"),
     "results.yml:9: reply_to: 'c-3' comes after this entry in the file"),
    (("reply_to: q-1", "reply_to: c-1"), "reply_to: an entry cannot reply to itself"),
    (("by: ana-ruiz", "by: ceo"), "results.yml:30: by: 'ceo' is not in the authors roster"),
    (("    reply_to: c-3\n    by: ana-ruiz\n    asked_at: 2026-03-02 14:00",
      "    reply_to: c-3\n    by: ana-ruiz\n    asked_by: Ana\n    asked_at: 2026-03-02 14:00"),
     "asked_by: is given with 'by'"),
    (("  - id: c-1\n    kind: comment\n", "  - id: c-1\n    kind: comment\n    status: pending\n"),
     "status: 'pending' is not a status of a comment. A comment is one of: published, removed"),
    (("    asked_by: Lee K.\n", "    asked_by: Lee K.\n    status: published\n"),
     "status: 'published' is not a status of a question"),
    (("  - id: c-1\n    kind: comment\n", "  - id: c-1\n    kind: coment\n"),
     "kind: 'coment' is not allowed. Did you mean 'comment'?"),
    (("    kind: comment\n    reply_to: c-3\n    by:", "    reply_to: c-3\n    by:"),
     "by: an executive's reply is a comment, not a question"),
    (("    votes: 4\n", "    votes: 4\n    answer:\n      by: ana-ruiz\n"),
     "answer: is given but status is 'published'. Set 'kind: question'"),
])
def test_data_errors_name_file_line_field_and_fix(tmp_path, edit, expected):
    assert edit[0] in THREAD
    _thread, problems = load(tmp_path, THREAD.replace(*edit))
    assert any(expected in str(p) for p in problems), [str(p) for p in problems]


def test_a_comment_cannot_be_a_merge_target(tmp_path):
    thread, problems = load(tmp_path, THREAD + "  - id: q-3\n    asked_at: 2026-03-03 10:00\n"
                            "    text: Same.\n    status: merged\n    merged_into: c-1\n")
    assert problems == []
    _digest, cross = build_digest([thread], NOW)
    assert any("merged_into: 'c-1' is a comment" in str(p) for p in cross)


def test_threads_keep_removed_entries_in_place_without_their_text(tmp_path):
    thread, _problems = load(tmp_path, THREAD)
    digest, problems = build_digest([thread], NOW)
    assert problems == []
    assert digest.replies == {"q-1": ("c-1",), "c-2": ("c-3",), "c-3": ("c-4", "q-2")}
    roots = conversations(digest.threads[0])
    assert [r.entry.id for r in roots] == ["q-1", "c-2"]
    removed = roots[1]
    assert removed.entry.status == "removed" and removed.entry.html is None
    assert [n.entry.id for n in removed.replies] == ["c-3"]
    assert [n.entry.id for n in removed.replies[0].replies] == ["c-4", "q-2"]


def test_questions_are_counted_apart_from_comments(tmp_path):
    thread, _problems = load(tmp_path, THREAD)
    digest, _cross = build_digest([thread], NOW)
    assert digest.site.received == 2 and digest.site.pending == 2  # q-1, q-2 only
    card = digest.comments
    assert (card.comments, card.published, card.removed, card.executive_replies) == (4, 3, 1, 1)
    assert dict(card.removed_by_reason)["abuse"] == 1
    comments = thread_comments(digest.threads[0], digest, per_page=50, top=3)
    assert [c.id for c in comments.top] == ["c-1", "c-3"]  # most voted readers' comments
    assert [c.id for c in comments.executive] == ["c-4"]
    assert comments.parent_of["c-4"].id == "c-3"


def chain(length: int) -> str:
    lines = []
    for number in range(length):
        lines += [f"  - id: c-{number}", "    kind: comment", f"    asked_by: R{number}",
                  f"    asked_at: 2026-03-02 10:{number % 60:02d}", "    text: Yes."]
        if number:
            lines.append(f"    reply_to: c-{number - 1}")
    return "\n".join(lines) + "\n"


def test_deep_threads_are_capped_and_say_what_they_reply_to(tmp_path):
    thread, problems = load(tmp_path, chain(MAX_DEPTH + 4))
    assert problems == []
    [root] = conversations(thread)
    node = root
    for _level in range(MAX_DEPTH - 1):
        [node] = node.replies
    # Below the cap, replies to replies are shown side by side, each naming its parent.
    deepest = node.replies
    assert [n.entry.id for n in deepest] == [f"c-{n}" for n in range(MAX_DEPTH, MAX_DEPTH + 4)]
    assert all(n.depth == MAX_DEPTH and not n.replies for n in deepest)
    assert deepest[0].in_reply_to is None
    assert [n.in_reply_to.id for n in deepest[1:]] == [
        f"c-{n}" for n in range(MAX_DEPTH, MAX_DEPTH + 3)]
    assert root.size == MAX_DEPTH + 4


def test_threading_is_linear_on_a_long_thread(tmp_path):
    import time

    entries = [f"  - id: c-{n}\n    kind: comment\n    asked_at: 2026-03-02 10:00\n"
               f"    text: Hi.\n" + (f"    reply_to: c-{n // 2}\n" if n else "")
               for n in range(6_000)]
    thread, problems = load(tmp_path, "".join(entries))
    assert problems == []
    digest, _cross = build_digest([thread], NOW)
    start = time.perf_counter()
    roots = conversations(digest.threads[0])
    pages, page_of = paginate(roots, 50)
    assert time.perf_counter() - start < 1.5  # quadratic threading takes far longer
    assert roots[0].size == 6_000 and len(page_of) == 6_000 and len(pages) == 1


def test_pages_hold_whole_conversations(tmp_path):
    thread, _problems = load(tmp_path, THREAD)
    digest, _cross = build_digest([thread], NOW)
    pages, page_of = paginate(conversations(digest.threads[0]), 2)
    assert [[n.entry.id for n in page] for page in pages] == [["q-1"], ["c-2"]]
    assert page_of == {"q-1": 1, "c-1": 1, "c-2": 2, "c-3": 2, "c-4": 2, "q-2": 2}


def test_only_conversations_with_a_comment_are_built(tmp_path, monkeypatch):
    """A town hall of many questions and one comment builds the comment's conversation
    alone, not a node for every question."""
    from qa_digest import conversation

    questions = "".join(f"  - id: q-{n}\n    asked_at: 2026-03-02 10:00\n    text: Q{n}?\n"
                        for n in range(40))
    comment = ("  - id: c-1\n    kind: comment\n    reply_to: q-7\n"
               "    asked_at: 2026-03-03 10:00\n    text: Me too.\n")
    thread, problems = load(tmp_path, questions + comment)
    assert problems == []
    built = []
    real = conversation.ReplyNode

    def counted(entry, *rest):
        built.append(entry.id)
        return real(entry, *rest)

    monkeypatch.setattr(conversation, "ReplyNode", counted)
    (root,) = conversations(thread)
    assert root.entry.id == "q-7" and [r.entry.id for r in root.replies] == ["c-1"]
    assert sorted(built) == ["c-1", "q-7"]
