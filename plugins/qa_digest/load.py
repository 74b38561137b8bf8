"""Load one Q&A data file (a session, or the questions under a post) into a Thread."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from markupsafe import Markup

from candor_common.errors import DataError, Problem
from candor_common.yamlfile import Located
from candor_common.yamlitems import ItemParser
from qa_digest.fields import Reader
from qa_digest.model import (
    COMMENT_STATUSES,
    DEFAULT_STATUS,
    KINDS,
    REMOVAL_REASONS,
    SOURCES,
    STATUSES,
    Question,
    Response,
    Thread,
)
from qa_digest.sanitize import plain_text, render_reader_markdown

QUESTION_KEYS = ("id", "kind", "reply_to", "by", "asked_by", "asked_at", "source", "votes",
                 "topics", "text", "status", "answer", "decline", "follow_up", "merged_into",
                 "removed")
SESSION_KEYS = ("title", "hosts", "opens", "closes", "post", "description")
# status → the block that must come with it, and the field holding its Markdown.
RESPONSES = {"answered": ("answer", "text"), "declined": ("decline", "reason"),
             "follow-up": ("follow_up", "text")}
# Reader or executive Markdown -> sanitized HTML (render_reader_markdown, or a memo of it).
Render = Callable[[str], Markup]
Parse = Callable[[Path, str], Any]
QUESTIONS = "questions"  # the list a file's questions are in, parsed one by one


def load_thread(path: Path, display: str, zone: ZoneInfo, authors: frozenset[str],
                render: Render = render_reader_markdown, *, parse: Parse | None = None
                ) -> tuple[Thread | None, list[Problem]]:
    """Read ``path``; return the thread (None if unusable) and every problem found.

    ``render`` turns each text's Markdown into sanitized HTML (the load cache gives
    one that remembers the texts of the file's last load). ``parse`` reads the
    YAML (``load_located``'s result): by default the questions one by one
    (``ItemParser``, faster on a long file); the load cache gives one that
    remembers the questions of the file's last load.
    """
    try:
        data = (parse or ItemParser(QUESTIONS))(path, display)
    except DataError as error:
        return None, list(error.problems)
    problems: list[Problem] = []
    if not isinstance(data, Located):
        return None, [Problem(display, 1, "file", "expected 'session:' or 'post:' and "
                              "'questions:'", "See docs/qa.md for the format")]
    top = Reader(display, data, zone, problems)
    top.check_keys(("session", "post", QUESTIONS))
    thread_id = path.stem
    session = top.child("session")
    post = top.text("post", required=False)
    if (session is None) == (post is None):
        top.problem("session", "a Q&A file needs exactly one of 'session:' or 'post:'",
                    "Use 'session:' for a town hall, 'post: posts/…md' for a post's questions")
        return None, problems
    raw_questions = data.values.get(QUESTIONS, [])
    if not isinstance(raw_questions, list):
        top.problem("questions", "must be a list", "Start each question with '- id: ...'")
        raw_questions = []
    questions = []
    seen: set[str] = set()  # ids of the entries read so far: a reply names one of them
    late: list[tuple[Reader, str]] = []  # replies naming an id not (yet) seen
    for item in raw_questions:
        question = _read_question(item, thread_id, top, authors, seen=seen, late=late,
                                  render=render)
        if question is not None:
            questions.append(question)
    _check_replies(late, seen)
    if session is not None:
        thread = _read_session(session, thread_id, display, tuple(questions), authors,
                               render=render)
    else:
        thread = Thread(id=thread_id, kind="post", title="", hosts=(), source=display,
                        questions=tuple(questions), post_path=post)
    return (thread if thread else None), problems


def _read_session(session: Reader, thread_id: str, display: str,
                  questions: tuple[Question, ...], authors: frozenset[str], *,
                  render: Render) -> Thread | None:
    session.check_keys(SESSION_KEYS)
    title = session.text("title", fix="Give the session a title, e.g. Spring town hall 2026")
    hosts = session.words("hosts")
    for host in hosts:
        if host not in authors:
            session.problem("hosts", f"'{host}' is not in the authors roster",
                            f"Known authors: {', '.join(sorted(authors))}")
    if not hosts:
        session.problem("hosts", "is missing", "Name the executive(s) hosting: [ana-ruiz]")
    opens, closes = session.moment("opens"), session.moment("closes")
    if opens and closes and closes < opens:
        session.problem("closes", "is before 'opens'", "The question window must close "
                        "after it opens")
    description = session.text("description", required=False)
    return Thread(
        id=thread_id, kind="session", title=title or thread_id, hosts=hosts, source=display,
        questions=questions, opens=opens, closes=closes,
        post_path=session.text("post", required=False),
        description_html=render(description) if description else Markup(""))


NOT_REMOVED: tuple[None, None] = (None, None)


def _read_question(item: Any, thread_id: str, top: Reader, authors: frozenset[str], *,
                   seen: set[str], late: list[tuple[Reader, str]],
                   render: Render) -> Question | None:
    if not isinstance(item, Located):
        top.problem("questions", "each question must be a block of fields",
                    "Start each question with '- id: ...'")
        return None
    start = len(top.problems)
    fields = Reader(top.path, item, top.zone, top.problems)
    fields.check_keys(QUESTION_KEYS)
    qid = fields.slug("id")
    kind = fields.choice("kind", KINDS, default="question")
    status = _status(fields, kind)
    reply_to = fields.slug("reply_to", required=False)
    if reply_to is not None and reply_to not in seen:
        late.append((fields, reply_to))
    if qid is not None:
        seen.add(qid)
    by = _executive(fields, kind, authors)
    asked_at = fields.moment("asked_at")
    source = fields.choice("source", SOURCES, default="form")
    text = fields.text("text", required=status != "removed",
                       fix=f"Write the {kind} as the reader wrote it")
    response, merged_into, (reason, removed_at) = _status_details(fields, status, authors,
                                                                  kind, render)
    if (len(top.problems) > start or qid is None or kind is None or status is None
            or asked_at is None):
        return None
    removed = status == "removed"
    asked_by = plain_text(fields.text("asked_by", required=False) or "Anonymous")
    votes = fields.count("votes")
    return Question(
        id=qid, thread_id=thread_id,
        # A removed entry keeps no text, no name and no topics: only that it was
        # written, when, and why it was removed.
        asked_by="" if removed or by else asked_by,
        asked_at=asked_at, source=source or "other", votes=votes,
        total_votes=votes,  # its own; build_digest adds the votes of those merged into it
        topics=() if removed else fields.words("topics"),
        # The text of a removed entry is never kept past this point.
        html=None if removed or text is None else render(text),
        status=status, response=response, merged_into=merged_into, removal_reason=reason,
        removed_at=removed_at, line=item.line, kind=kind, reply_to=reply_to, by_executive=by)


def _status(fields: Reader, kind: str | None) -> str | None:
    """Return the entry's status: one of its kind's statuses, its kind's default if absent."""
    if kind is None:  # the kind itself is wrong; that problem is already reported
        return None
    allowed = STATUSES if kind == "question" else COMMENT_STATUSES
    value = fields.mapping.values.get("status", DEFAULT_STATUS[kind])
    other = COMMENT_STATUSES if kind == "question" else STATUSES
    if value not in allowed and value in other:
        fields.problem("status", f"'{value}' is not a status of a {kind}",
                       f"A {kind} is one of: {', '.join(allowed)}. Change the status, or "
                       f"remove the status line (a {kind} is then {DEFAULT_STATUS[kind]})")
        return None
    return fields.choice("status", allowed, default=DEFAULT_STATUS[kind])


def _executive(fields: Reader, kind: str | None, authors: frozenset[str]) -> str | None:
    """Return the author slug of an executive's comment (``by:``), checked on the roster."""
    by = fields.slug("by", required=False)
    if by is None:
        return None
    if by not in authors:
        fields.problem("by", f"'{by}' is not in the authors roster; only an executive's own "
                       "reply is marked as theirs", f"Use one of: {', '.join(sorted(authors))}, "
                       "or write the name in asked_by")
        return None
    if kind == "question":
        fields.problem("by", "an executive's reply is a comment, not a question",
                       "Add 'kind: comment', or answer the question in an answer block")
    if "asked_by" in fields.mapping.values:
        fields.problem("asked_by", "is given with 'by'; an executive's reply is signed by "
                       "'by' alone", "Remove asked_by")
    return by


def _check_replies(late: list[tuple[Reader, str]], ids: set[str]) -> None:
    """Report each reply_to naming no entry above it in the file (so no cycle can form)."""
    for fields, target in late:
        own = fields.mapping.values.get("id")
        if target == own:
            what = "an entry cannot reply to itself"
        elif target in ids:
            what = f"'{target}' comes after this entry in the file"
        else:
            what = f"no entry in this file has the id '{target}'"
        fields.problem("reply_to", what, "Name the id of an entry above this one in the "
                       "same file (a reply comes after what it replies to)")


def _status_details(fields: Reader, status: str | None, authors: frozenset[str],
                    kind: str | None, render: Render
                    ) -> tuple[Response | None, str | None, tuple[str | None, datetime | None]]:
    """Check the block that goes with ``status``.

    Return (response, merged_into, (removal reason, removal date)).
    """
    if status is None:  # the status itself is wrong; that problem is already reported
        return None, None, NOT_REMOVED
    for other_status, (block, _text) in RESPONSES.items():
        if block in fields.mapping.values and status != other_status:
            fix = (f"Set 'kind: question' and 'status: {other_status}', or remove the "
                   f"{block} block (a comment expects no answer)" if kind == "comment"
                   else f"Set 'status: {other_status}' or remove the {block} block")
            fields.problem(block, f"is given but status is '{status}'", fix)
    if "merged_into" in fields.mapping.values and status != "merged":
        fields.problem("merged_into", f"is given but status is '{status}'",
                       "Set 'status: merged' or remove merged_into")
    if "removed" in fields.mapping.values and status != "removed":
        fields.problem("removed", f"is given but status is '{status}'",
                       "Set 'status: removed' or remove the removed block")
    if status in RESPONSES:
        return _response(fields, status, authors, render), None, NOT_REMOVED
    if status == "merged":
        return None, fields.slug("merged_into"), NOT_REMOVED
    if status == "removed":
        removed = fields.child("removed")
        if removed is None:
            fields.problem("removed", "is missing", "Add 'removed:' with 'reason: spam' "
                           f"(one of {', '.join(REMOVAL_REASONS)})")
            return None, None, NOT_REMOVED
        removed.check_keys(("reason", "at", "note"))
        at = removed.moment("at", required=False)
        return None, None, (removed.choice("reason", REMOVAL_REASONS), at)
    return None, None, NOT_REMOVED


def _response(fields: Reader, status: str, authors: frozenset[str],
              render: Render) -> Response | None:
    block, text_key = RESPONSES[status]
    reader = fields.child(block)
    if reader is None:
        what = "a public reason" if status == "declined" else "the executive's text"
        fields.problem(block, f"is missing; a {status} question needs {what}",
                       f"Add '{block}:' with by, at and {text_key}")
        return None
    allowed = ("by", "at", text_key) + (("due",) if status == "follow-up" else ())
    reader.check_keys(allowed)
    by = reader.slug("by")
    if by is not None and by not in authors:
        reader.problem("by", f"'{by}' is not in the authors roster; only executives answer",
                       f"Use one of: {', '.join(sorted(authors))}")
    at = reader.moment("at")
    what = "why not, in plain words" if status == "declined" else "the answer"
    text = reader.text(text_key, fix=f"Write {what}")
    due = reader.day("due") if status == "follow-up" else None
    if by is None or at is None or text is None or by not in authors:
        return None
    return Response(by=by, at=at, html=render(text), due=due)
