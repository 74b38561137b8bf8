"""The importer's common record model: every format is parsed into these."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime

# What happened to a record that did not become an entry or an answer. (An executive's
# comment that replies to no imported reader entry is an entry too, signed by them.)
DELETED, SPAM, UNAPPROVED, ORPHAN, UNREADABLE = (
    "deleted", "spam", "unapproved", "orphan", "unreadable")
PINGBACK = "pingback"
SKIP_REASONS = (DELETED, SPAM, UNAPPROVED, ORPHAN, UNREADABLE, PINGBACK)
OK = "ok"

_SAFE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def make_qid(prefix: str, *parts: str) -> str:
    """Return a Candor question id from the source's own stable id(s).

    Ids that are already lowercase letters, digits and hyphens are kept as they are
    (``disqus-4``); others (GitHub node ids are case-sensitive) become a short,
    stable hash, so two different source ids never share a Candor id.
    """
    raw = "-".join(parts)
    if _SAFE_ID.match(raw):
        return f"{prefix}-{raw}"
    digest = hashlib.sha256(raw.encode("utf-8")).hexdigest()[:12]
    return f"{prefix}-{digest}"


def as_count(value: object) -> int:
    """Return a vote count: a whole number of 0 or more (anything else counts 0)."""
    if isinstance(value, bool):
        return 0
    try:
        return max(int(str(value).strip() or 0), 0)
    except ValueError:
        return 0


@dataclass(frozen=True, slots=True)
class SourceThread:
    """One page, post or discussion of the source system that comments belong to."""

    key: str
    url: str = ""
    title: str = ""
    identifier: str = ""  # the source's own thread id or slug (Disqus <id>, wp:post_name)


@dataclass(frozen=True, slots=True)
class Comment:
    """One comment as the source exported it, with personal data already dropped."""

    qid: str  # the Candor id it becomes, e.g. disqus-4
    key: str  # the source's id, to resolve replies
    thread: str  # a SourceThread key
    line: int  # where the record starts in the export, for messages
    state: str = OK  # OK or a skip reason (deleted, spam, unapproved, pingback, unreadable)
    parent: str | None = None
    author: str = ""  # the public display name; "" for anonymous
    identities: tuple[str, ...] = ()  # account names an executive can be recognised by
    created: datetime | None = None  # aware
    text: str = ""  # sanitized HTML, ready for the Q&A file
    votes: int = 0
    problem: str = ""  # why an unreadable record could not be read
    origin: str = ""  # the file it came from, when the export is a folder of files
    chosen: bool = False  # marked as the accepted answer at the source (GitHub)
    # The source's own word on whether it is a question (GitHub: an answered discussion,
    # or one in an answerable category; CSV: the kind column); None when it does not say.
    asks: bool | None = None
    # CSV rows carry their answer along: (account or slug, when, sanitized HTML)
    answer: tuple[str, datetime, str] | None = None


@dataclass
class Export:
    """Everything read from one export file."""

    source: str  # the Q&A ``source:`` value: disqus, wordpress, isso, ...
    path: str  # the file as shown in messages
    threads: dict[str, SourceThread] = field(default_factory=dict)
    comments: list[Comment] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
