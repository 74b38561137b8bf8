"""Comment threads: replies nested under what they reply to, paginated, for pages and posts.

Everything here is linear in the number of entries: one pass forward (depths), one pass
backward (frozen nodes, children first), no search through the whole thread per entry.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from qa_digest.model import CommentCard, Digest, Question, Thread

# Replies deeper than this are shown at this depth, each saying what it replies to,
# so pages stay readable on a phone and templates never recurse deeply.
MAX_DEPTH = 5


@dataclass(frozen=True, slots=True)
class ReplyNode:
    """One entry of a conversation and the replies shown under it."""

    entry: Question
    replies: tuple[ReplyNode, ...] = ()
    depth: int = 0
    # Set when the entry is shown under an ancestor rather than its own parent (too deep).
    in_reply_to: Question | None = None

    @property
    def size(self) -> int:
        """How many entries this node shows, itself included."""
        return 1 + sum(reply.size for reply in self.replies)


@dataclass(frozen=True)
class ThreadComments:
    """A thread's comment conversations, cut into pages, and where each entry is."""

    thread_id: str
    card: CommentCard
    pages: tuple[tuple[ReplyNode, ...], ...]
    page_of: dict[str, int] = field(default_factory=dict)  # entry id → page number
    top: tuple[Question, ...] = ()  # the most voted published readers' comments
    executive: tuple[Question, ...] = ()  # the executives' published replies, newest first
    parent_of: dict[str, Question] = field(default_factory=dict)  # for those replies

    @property
    def page_count(self) -> int:
        """How many comment pages the thread has (0 when it has no comment)."""
        return len(self.pages)


def _order(entry: Question) -> tuple[object, ...]:
    return (entry.asked_at, entry.line, entry.id)


def conversations(thread: Thread) -> tuple[ReplyNode, ...]:
    """Return the conversations of ``thread`` that hold at least one comment, oldest first.

    A conversation is a top-level entry (no ``reply_to``) and every reply below it.
    Questions take part too: a comment may reply to a question, and a question to a
    comment. Conversations made only of questions are on the Q&A pages alone.
    """
    entries = thread.questions
    by_id = {entry.id: entry for entry in entries}
    depth: dict[str, int] = {}
    shown_under: dict[str, str | None] = {}
    for entry in entries:  # forward: a parent always comes before its replies
        parent = entry.reply_to if entry.reply_to in by_id else None
        if parent is None:
            depth[entry.id], shown_under[entry.id] = 0, None
        elif depth[parent] < MAX_DEPTH:
            depth[entry.id], shown_under[entry.id] = depth[parent] + 1, parent
        else:
            depth[entry.id], shown_under[entry.id] = depth[parent], shown_under[parent]
    children: dict[str, list[str]] = {}
    root_of: dict[str, str] = {}  # the top-level entry of each entry's conversation
    for entry in entries:
        under = shown_under[entry.id]
        if under is not None:
            children.setdefault(under, []).append(entry.id)
        root_of[entry.id] = entry.id if under is None else root_of[under]
    # Only conversations with a comment are shown here: only theirs are built (a town
    # hall of thousands of questions and a few comments builds a few nodes).
    talking = {root_of[entry.id] for entry in entries if entry.kind == "comment"}
    nodes: dict[str, ReplyNode] = {}
    for entry in reversed(entries):  # backward: replies are built before their parent
        if root_of[entry.id] not in talking:
            continue
        kids = sorted((nodes[c] for c in children.get(entry.id, ())),
                      key=lambda n: _order(n.entry))
        flattened = entry.reply_to is not None and shown_under[entry.id] != entry.reply_to
        nodes[entry.id] = ReplyNode(entry, tuple(kids), depth[entry.id],
                                    by_id[entry.reply_to] if flattened and entry.reply_to
                                    else None)
    roots = [nodes[e.id] for e in entries if e.id in talking]
    return tuple(sorted(roots, key=lambda n: _order(n.entry)))


def paginate(roots: tuple[ReplyNode, ...], per_page: int
             ) -> tuple[tuple[tuple[ReplyNode, ...], ...], dict[str, int]]:
    """Cut conversations into pages of about ``per_page`` entries, never splitting one.

    Returns the pages and the page number of every entry shown.
    """
    pages: list[list[ReplyNode]] = []
    size = 0
    for root in roots:
        if not pages or (size and size + root.size > per_page):
            pages.append([])
            size = 0
        pages[-1].append(root)
        size += root.size
    page_of: dict[str, int] = {}
    for number, page in enumerate(pages, start=1):
        stack = list(page)
        while stack:
            node = stack.pop()
            page_of[node.entry.id] = number
            stack.extend(node.replies)
    return tuple(tuple(page) for page in pages), page_of


def thread_comments(thread: Thread, digest: Digest, *, per_page: int, top: int
                    ) -> ThreadComments:
    """Return everything the comments page and the post's comment digest show."""
    roots = conversations(thread)
    pages, page_of = paginate(roots, per_page)
    published = [c for c in thread.comments if c.status == "published"]
    readers = sorted((c for c in published if not c.by_executive),
                     key=lambda c: (-c.votes, c.asked_at, c.id))
    executive = sorted((c for c in published if c.by_executive),
                       key=lambda c: (c.asked_at, c.id), reverse=True)
    shown = executive[:top]
    parents = {c.id: digest.by_id[c.reply_to] for c in shown
               if c.reply_to is not None and c.reply_to in digest.by_id}
    return ThreadComments(thread.id, digest.comments_per_thread[thread.id], pages, page_of,
                          tuple(readers[:top]), tuple(shown), parents)
