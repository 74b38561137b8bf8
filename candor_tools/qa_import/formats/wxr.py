"""WordPress WXR export: <item>s (posts) with their <wp:comment>s, in RSS 2.0."""

from __future__ import annotations

import re
from pathlib import Path

from candor_tools.qa_import.dates import parse_moment
from candor_tools.qa_import.formats import ParseOptions
from candor_tools.qa_import.progress import Meter
from candor_tools.qa_import.records import (
    DELETED,
    OK,
    PINGBACK,
    SPAM,
    UNAPPROVED,
    UNREADABLE,
    Comment,
    Export,
    SourceThread,
    make_qid,
)
from candor_tools.qa_import.text import display_name, from_autop_html
from candor_tools.qa_import.xmlstream import Node, iter_records

APPROVAL = {"1": OK, "approve": OK, "0": UNAPPROVED, "hold": UNAPPROVED, "spam": SPAM,
            "trash": DELETED, "post-trashed": DELETED}
NO_DATE = "0000-00-00 00:00:00"


def _wp(node: Node, local: str) -> str:
    """Return the text of the wp: child ``local`` (any WXR version's namespace)."""
    for child in node.children:
        space, _, name = child.tag.rpartition("}")
        if name == local and "wordpress.org/export" in space:
            return child.text.strip()
    return ""


def _wp_all(node: Node, local: str) -> list[Node]:
    return [c for c in node.children
            if c.tag.endswith(f"}}{local}") and "wordpress.org/export" in c.tag]


def parse(path: Path, display: str, options: ParseOptions, meter: Meter) -> Export:
    """Read a WXR file. E-mails and IP addresses are never read."""
    export = Export("wordpress", display)
    logins: dict[str, str] = {}  # user id -> login, from <wp:author>
    for node in iter_records(path, display, 2, meter, root="rss"):
        local = node.tag.rpartition("}")[2]
        if local == "author" and "wordpress.org/export" in node.tag:
            logins[_wp(node, "author_id")] = _wp(node, "author_login")
        elif node.tag == "item":
            key = _wp(node, "post_id") or _post_id_from_link(node.value("link")) \
                or node.value("link")
            export.threads[key] = SourceThread(key, url=node.value("link"),
                                               title=node.value("title"),
                                               identifier=_wp(node, "post_name"))
            for comment in _wp_all(node, "comment"):
                export.comments.append(_comment(comment, key, logins, options))
    return export


def _post_id_from_link(link: str) -> str:
    match = re.search(r"[?&]p=(\d+)", link)
    return match.group(1) if match else ""


def _comment(node: Node, thread: str, logins: dict[str, str], options: ParseOptions
             ) -> Comment:
    key = _wp(node, "comment_id")
    gmt = _wp(node, "comment_date_gmt")
    local = _wp(node, "comment_date")
    created = (parse_moment(gmt) if gmt and gmt != NO_DATE
               else parse_moment(local, options.zone) if local and local != NO_DATE else None)
    approved = _wp(node, "comment_approved") or "1"
    kind = _wp(node, "comment_type")
    problem = ("wp:comment_id is missing" if not key.isdigit() else
               "wp:comment_date is missing or not a date" if created is None else
               f"wp:comment_approved '{approved[:20]}' is not a WordPress status"
               if approved not in APPROVAL else "")
    state = (UNREADABLE if problem else
             PINGBACK if kind in ("pingback", "trackback") else APPROVAL[approved])
    user = _wp(node, "comment_user_id")
    identities = tuple(i for i in (logins.get(user, ""), user) if i and i != "0")
    parent = _wp(node, "comment_parent")
    return Comment(
        qid=make_qid("wordpress", key) if key.isdigit() else "", key=key, thread=thread,
        line=node.line, state=state, parent=parent if parent not in ("", "0") else None,
        author=display_name(_wp(node, "comment_author"), options.names),
        identities=identities, created=created,
        text=from_autop_html(_wp(node, "comment_content")) if state == OK else "",
        problem=problem)
