"""The Q&A digest's data: frozen records, built once at load and read by templates."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime
from operator import attrgetter
from typing import Any

from markupsafe import Markup

KINDS = ("question", "comment")
STATUSES = ("answered", "follow-up", "declined", "pending", "merged", "removed")
# A comment expects no answer: it is published, or removed with a reason code.
COMMENT_STATUSES = ("published", "removed")
# The status an entry has when its file leaves ``status`` out, by kind.
DEFAULT_STATUS = {"question": "pending", "comment": "published"}
# Public order on a session page: answered first, then follow-ups, declined, pending.
PUBLIC_STATUSES = ("answered", "follow-up", "declined", "pending")
REMOVAL_REASONS = ("spam", "abuse", "personal-data", "off-topic")
SOURCES = ("form", "email", "town-hall", "disqus", "wordpress", "isso", "remark42",
           "staticman", "github", "mastodon", "csv", "other")


def _quick_unpickling(cls: type) -> type:
    """Give a frozen, slotted dataclass a ``__getstate__`` and a ``__setstate__`` with its
    field names worked out once (those ``dataclass`` adds ask ``fields()`` for every
    object: a third of reading 100,000 questions back from the load cache). The state
    pickled is the same."""
    names = tuple(f.name for f in fields(cls))
    set_field = object.__setattr__

    def __getstate__(self: Any) -> list[Any]:
        return [getattr(self, name) for name in names]

    def __setstate__(self: Any, state: tuple[Any, ...]) -> None:
        for name, value in zip(names, state, strict=True):
            set_field(self, name, value)

    cls.__getstate__ = __getstate__  # type: ignore[method-assign,assignment]
    cls.__setstate__ = __setstate__  # type: ignore[attr-defined]
    return cls


@_quick_unpickling
@dataclass(frozen=True, slots=True)
class Response:
    """An executive's answer, decline reason or interim follow-up answer."""

    by: str
    at: datetime
    html: Markup
    due: date | None = None


@_quick_unpickling
@dataclass(frozen=True, slots=True)
class Question:
    """One reader entry as published: a question or a comment (``kind``).

    Removed entries carry no text at all. A comment written by an executive has
    ``by_executive`` (an author slug from the roster) and no ``asked_by``.
    """

    id: str
    thread_id: str
    asked_by: str
    asked_at: datetime
    source: str
    votes: int
    topics: tuple[str, ...]
    html: Markup | None
    status: str
    response: Response | None = None
    merged_into: str | None = None
    removal_reason: str | None = None
    removed_at: datetime | None = None  # when it was removed, if the file says
    # Where the question starts in its data file, for messages and the order of
    # comments only: no page shows it, so the incremental rebuild leaves it out of
    # its digests (an answer added above moves it).
    line: int = field(default=0, metadata={"fingerprint": False})
    # Filled in by build_digest():
    total_votes: int = 0
    askers: int = 1
    merged_ids: tuple[str, ...] = ()
    overdue: bool = False
    kind: str = "question"  # "question" or "comment"
    reply_to: str | None = None  # the id of the entry it replies to (earlier, same file)
    by_executive: str | None = None  # author slug of the executive who wrote this comment

    @property
    def is_question(self) -> bool:
        """True for a question (an answer is expected), False for a comment."""
        return self.kind == "question"

    @property
    def is_public(self) -> bool:
        """True when the question's text appears on the site."""
        return self.status in PUBLIC_STATUSES

    @property
    def has_page(self) -> bool:
        """True when the question gets a page of its own (answered, declined, follow-up)."""
        return self.status in ("answered", "declined", "follow-up")


# Every field of a question but its line in its file, as one tuple (C's attrgetter).
_BUT_LINE = attrgetter(*(f.name for f in fields(Question) if f.name != "line"))


def page_fields(question: Question) -> tuple[Any, ...]:
    """What ``question``'s page is made from: every field but its line in its file (an
    answer added above moves the line of each question below). Two questions whose
    page fields are equal differ at most by their line: the preview compares a saved
    town hall's 9,000 questions this way, without a copy of each (``replace``)."""
    return _BUT_LINE(question)  # type: ignore[no-any-return]


@_quick_unpickling
@dataclass(frozen=True, slots=True)
class Thread:
    """A town-hall session, or the questions asked under one post."""

    id: str
    kind: str  # "session" or "post"
    title: str
    hosts: tuple[str, ...]
    source: str  # the data file, as shown in messages
    questions: tuple[Question, ...]
    description_html: Markup = field(default_factory=Markup)
    opens: datetime | None = None
    closes: datetime | None = None
    post_path: str | None = None  # the linked post's source path, relative to content/

    @property
    def comments(self) -> tuple[Question, ...]:
        """The thread's comments (``questions`` holds every entry, in file order)."""
        return tuple(q for q in self.questions if q.kind == "comment")

    def heading(self) -> Thread:
        """The thread without its questions: what a page that names or heads it shows.
        Given to a page in place of the thread, it keeps the page's rebuild key from
        walking (and changing with) every question of a town hall."""
        return replace(self, questions=())


@dataclass(frozen=True, slots=True)
class Scorecard:
    """Numbers about a set of questions, all computed from the data."""

    received: int
    answered: int
    follow_up: int
    declined: int
    pending: int
    merged: int
    removed: int
    removed_by_reason: tuple[tuple[str, int], ...]
    answer_rate: float | None
    response_rate: float | None
    median_days_to_answer: float | None
    overdue_follow_ups: int


@dataclass(frozen=True, slots=True)
class CommentCard:
    """Numbers about a set of comments (questions are never counted here)."""

    comments: int  # every comment, readers' and executives', removed ones included
    published: int
    removed: int
    removed_by_reason: tuple[tuple[str, int], ...]
    executive_replies: int  # published comments written by an executive


@dataclass(frozen=True, slots=True)
class Digest:
    """Everything the Q&A pages, feeds and exports need."""

    threads: tuple[Thread, ...]
    by_id: dict[str, Question] = field(default_factory=dict)
    site: Scorecard | None = None
    per_thread: dict[str, Scorecard] = field(default_factory=dict)
    per_executive: dict[str, Scorecard] = field(default_factory=dict)
    # executive slug → how many answers, declines and follow-ups they wrote themselves
    responses_by: dict[str, int] = field(default_factory=dict)
    # entry id → ids of the entries replying to it, in file order (questions and comments)
    replies: dict[str, tuple[str, ...]] = field(default_factory=dict)
    comments: CommentCard | None = None  # the whole site's comments
    comments_per_thread: dict[str, CommentCard] = field(default_factory=dict)
    # What the digest is made of (``build_digest``'s ``loads``): the day it was made on,
    # and for each thread the name of its file's load (``LoadCache.key``: its bytes and
    # all else the loaded thread is a pure function of) with the thread's fields but its
    # questions (what tying it to its post changed). None: made without them.
    inputs: tuple[Any, ...] | None = field(default=None, compare=False, repr=False)
    # (question, its encoding in the rebuild's digests) for each question as loaded,
    # kept with its file's load (``LoadCache.encodings``): the rebuild takes them as
    # known (``Fingerprinter.remember``) instead of digesting every question again.
    encodings: tuple[tuple[Question, bytes], ...] = field(default=(), compare=False,
                                                          repr=False)

    def __candor_fingerprint__(self) -> Any:
        """What the incremental rebuild digests for the digest (``candor_common.fingerprint``):
        its inputs, when known, which stand for every question (digesting 100,000
        questions one by one takes seconds); else everything it holds."""
        if self.inputs is not None:
            return self.inputs
        return tuple(getattr(self, name) for name in self.__dataclass_fields__
                     if name not in ("inputs", "encodings"))

    def thread(self, thread_id: str) -> Thread | None:
        """Return the thread ``thread_id`` (None: the digest has none of that id)."""
        return next((thread for thread in self.threads if thread.id == thread_id), None)
