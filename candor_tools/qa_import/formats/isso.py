"""Isso: its SQLite database, or the generic JSON format its importer reads."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from candor_tools.qa_import.dates import parse_moment
from candor_tools.qa_import.errors import ExportFileError
from candor_tools.qa_import.formats import ParseOptions
from candor_tools.qa_import.jsonfile import load_json
from candor_tools.qa_import.progress import Meter
from candor_tools.qa_import.records import (
    DELETED,
    OK,
    UNAPPROVED,
    UNREADABLE,
    Comment,
    Export,
    SourceThread,
    as_count,
    make_qid,
)
from candor_tools.qa_import.text import display_name, from_markdown

SQLITE_MAGIC = b"SQLite format 3\x00"
MODES = {1: OK, 2: UNAPPROVED, 4: DELETED}
# Only these columns are read: never email, remote_addr, website or voters.
QUERY = ("SELECT c.id, c.tid, c.parent, c.created, c.mode, c.text, c.author, c.likes, "
         "t.uri, t.title FROM comments AS c LEFT JOIN threads AS t ON t.id = c.tid "
         "ORDER BY c.id")


def parse(path: Path, display: str, options: ParseOptions, meter: Meter) -> Export:
    """Read an Isso database (by its SQLite header) or a generic JSON export."""
    try:
        with path.open("rb") as raw:
            head = raw.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise ExportFileError(display, None, f"cannot be read ({exc.strerror})") from exc
    if head == SQLITE_MAGIC:
        return _database(path, display, options, meter)
    return _generic(load_json(path, display, meter), display, options)


def _database(path: Path, display: str, options: ParseOptions, meter: Meter) -> Export:
    export = Export("isso", display)
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            rows = connection.execute(QUERY).fetchall()
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise ExportFileError(display, None, f"not a readable Isso database ({exc})",
                              "Give the comments.db file Isso writes") from exc
    meter.advance(path.stat().st_size)
    for cid, tid, parent, created, mode, text, author, likes, uri, title in rows:
        thread = str(tid)
        if uri and thread not in export.threads:
            export.threads[thread] = SourceThread(thread, url=uri, title=title or "",
                                                  identifier=uri)
        moment = parse_moment(created)
        state = MODES.get(mode, UNAPPROVED)
        problem = "the comment has no creation time" if moment is None else ""
        export.comments.append(Comment(
            qid=make_qid("isso", str(cid)), key=str(cid), thread=thread, line=0,
            state=UNREADABLE if problem else state,
            parent=str(parent) if parent is not None else None,
            author=display_name(author, options.names),
            identities=(author.strip(),) if author else (), created=moment,
            text=from_markdown(text or "") if state == OK and not problem else "",
            votes=as_count(likes), problem=problem))
    return export


def _generic(data: Any, display: str, options: ParseOptions) -> Export:
    export = Export("isso", display)
    if not isinstance(data, list):
        raise ExportFileError(display, 1, "expected a list of threads, each with 'id', "
                              "'title' and 'comments'", "See Isso's generic import format")
    for number, thread in enumerate(data, start=1):
        if not isinstance(thread, dict) or not thread.get("id"):
            raise ExportFileError(display, None, f"thread {number} has no 'id'",
                                  "Every thread needs the page's id or URL")
        key = str(thread["id"])
        export.threads[key] = SourceThread(key, url=key, title=str(thread.get("title") or ""),
                                           identifier=key)
        for item in thread.get("comments") or []:
            export.comments.append(_generic_comment(item, key, options))
    return export


def _generic_comment(item: Any, thread: str, options: ParseOptions) -> Comment:
    item = item if isinstance(item, dict) else {}
    cid = str(item.get("id", "")).strip()
    created = parse_moment(item.get("created"), options.zone)
    problem = ("the comment has no 'id'" if not cid else
               "'created' is missing or not a date" if created is None else "")
    author = str(item.get("author") or "")
    parent = item.get("parent")
    return Comment(
        # Generic ids are unique only within their thread.
        qid=make_qid("isso", thread.strip("/").lower(), cid) if cid else "",
        key=f"{thread}#{cid}", thread=thread, line=0, state=UNREADABLE if problem else OK,
        parent=f"{thread}#{parent}" if parent not in (None, "") else None,
        author=display_name(author, options.names),
        identities=(author.strip(),) if author else (), created=created,
        text="" if problem else from_markdown(str(item.get("text") or "")),
        votes=as_count(item.get("likes")), problem=problem)

