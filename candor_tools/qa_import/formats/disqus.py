"""Disqus XML export: <thread> and <post> elements under <disqus>."""

from __future__ import annotations

from pathlib import Path

from candor_tools.qa_import.dates import parse_moment
from candor_tools.qa_import.formats import ParseOptions
from candor_tools.qa_import.progress import Meter
from candor_tools.qa_import.records import (
    DELETED,
    OK,
    SPAM,
    UNREADABLE,
    Comment,
    Export,
    SourceThread,
    make_qid,
)
from candor_tools.qa_import.text import display_name, from_html
from candor_tools.qa_import.xmlstream import Node, iter_records

NS = "{http://disqus.com}"
DSQ_ID = "{http://disqus.com/disqus-internals}id"


def parse(path: Path, display: str, options: ParseOptions, meter: Meter) -> Export:
    """Read a Disqus export. E-mails and IP addresses are never read."""
    export = Export("disqus", display)
    deleted_threads: set[str] = set()
    for node in iter_records(path, display, 1, meter, root="disqus"):
        if node.tag == f"{NS}thread":
            key = node.attrs.get(DSQ_ID, "")
            if key:
                export.threads[key] = SourceThread(
                    key, url=node.value(f"{NS}link"), title=node.value(f"{NS}title"),
                    identifier=node.value(f"{NS}id"))
                if _true(node.value(f"{NS}isDeleted")):
                    deleted_threads.add(key)
        elif node.tag == f"{NS}post":
            export.comments.append(_comment(node, options, deleted_threads))
    return export


def _true(value: str) -> bool:
    return value.strip().lower() == "true"


def _ref(node: Node, tag: str) -> str | None:
    child = node.find(f"{NS}{tag}")
    return child.attrs.get(DSQ_ID) or None if child is not None else None


def _comment(node: Node, options: ParseOptions, deleted_threads: set[str]) -> Comment:
    key = node.attrs.get(DSQ_ID, "")
    thread = _ref(node, "thread") or ""
    created = parse_moment(node.value(f"{NS}createdAt"))
    author = node.find(f"{NS}author")
    name = author.value(f"{NS}name") if author is not None else ""
    username = author.value(f"{NS}username") if author is not None else ""
    problem = ("the post has no dsq:id" if not key else
               "the post names no thread" if not thread else
               "createdAt is missing or not a date" if created is None else "")
    state = (UNREADABLE if problem else
             DELETED if _true(node.value(f"{NS}isDeleted")) or thread in deleted_threads
             else SPAM if _true(node.value(f"{NS}isSpam")) else OK)
    return Comment(
        qid=make_qid("disqus", key) if key else "", key=key, thread=thread, line=node.line,
        state=state, parent=_ref(node, "parent"), author=display_name(name, options.names),
        identities=(username,) if username else (), created=created,
        text=from_html(node.value(f"{NS}message")) if state == OK else "", problem=problem)
