"""GitHub Discussions, as the GraphQL API returns them (discussion, comments, replies)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
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
    SPAM,
    UNAPPROVED,
    UNREADABLE,
    Comment,
    Export,
    SourceThread,
    as_count,
    make_qid,
)
from candor_tools.qa_import.text import display_name, from_html, from_markdown

MINIMIZED = {"spam": SPAM, "abuse": UNAPPROVED, "off-topic": UNAPPROVED,
             "off_topic": UNAPPROVED}


def discussions(data: Any) -> Iterator[dict[str, Any]]:
    """Yield every discussion object in a response, a list of responses or a bare list."""
    if isinstance(data, list):
        for item in data:
            yield from discussions(item)
        return
    if not isinstance(data, dict):
        return
    if "comments" in data and "id" in data:
        yield data
        return
    for key in ("data", "repository", "discussion", "discussions", "nodes", "node"):
        if key in data:
            yield from discussions(data[key])


def parse(path: Path, display: str, options: ParseOptions, meter: Meter) -> Export:
    """Read a saved GraphQL response (or several, in a JSON list)."""
    export = Export("github", display)
    found = list(discussions(load_json(path, display, meter)))
    if not found:
        raise ExportFileError(display, 1, "no discussion found (expected data.repository."
                              "discussion or data.repository.discussions.nodes)",
                              "Save the GraphQL response as it comes; see docs/migration.md")
    for discussion in found:
        key = str(discussion["id"])
        export.threads[key] = SourceThread(key, url=str(discussion.get("url") or ""),
                                           title=str(discussion.get("title") or ""),
                                           identifier=str(discussion.get("number") or ""))
        answer = (discussion.get("answer") or {}).get("id")
        opened = _comment(discussion, key, None, answer, options)
        export.comments.append(replace(opened, asks=_answerable(discussion, answer)))
        for comment in _nodes(discussion, "comments", export, display):
            export.comments.append(_comment(comment, key, key, answer, options))
            for reply in _nodes(comment, "replies", export, display):
                export.comments.append(_comment(reply, key, str(comment.get("id")), answer,
                                                options))
    return export


def _answerable(discussion: dict[str, Any], answer: Any) -> bool | None:
    """True when GitHub itself treats the discussion as a question (None: it does not say)."""
    category = discussion.get("category") or {}
    if discussion.get("isAnswered") or answer or category.get("isAnswerable"):
        return True
    return None


def _nodes(item: dict[str, Any], key: str, export: Export, display: str
           ) -> list[dict[str, Any]]:
    connection = item.get(key) or {}
    nodes = [n for n in connection.get("nodes") or [] if isinstance(n, dict)]
    total = connection.get("totalCount")
    more = (connection.get("pageInfo") or {}).get("hasNextPage")
    if more or (isinstance(total, int) and total > len(nodes)):
        export.warnings.append(
            f"{display}: {item.get('url') or item.get('id')}: {key} has more pages than the "
            "file holds; fetch every page (pageInfo.endCursor) so nothing is left out")
    return nodes


def _comment(item: dict[str, Any], thread: str, parent: str | None, answer: Any,
             options: ParseOptions) -> Comment:
    key = str(item.get("id") or "")
    number = item.get("databaseId")
    created = parse_moment(item.get("createdAt"))
    login = str((item.get("author") or {}).get("login") or "")
    reason = str(item.get("minimizedReason") or "").lower()
    problem = ("the item has no 'id'" if not key else
               "'createdAt' is missing or not a date" if created is None else "")
    state = (UNREADABLE if problem else DELETED if item.get("deletedAt") else
             MINIMIZED.get(reason, OK) if item.get("isMinimized") else OK)
    body = (from_html(str(item["bodyHTML"])) if item.get("bodyHTML")
            else from_markdown(str(item.get("body") or "")))
    return Comment(
        qid=make_qid("github", str(number) if number else key), key=key, thread=thread,
        line=0, state=state, parent=parent, author=display_name(login, options.names),
        identities=(login,) if login else (), created=created,
        text=body if state == OK else "", votes=as_count(item.get("upvoteCount")),
        problem=problem, chosen=bool(item.get("isAnswer")) or (answer is not None
                                                               and answer == key))
