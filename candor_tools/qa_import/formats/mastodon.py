"""A Mastodon status context: GET /api/v1/statuses/:id/context (ancestors, descendants)."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from candor_tools.qa_import.dates import parse_moment
from candor_tools.qa_import.errors import ExportFileError
from candor_tools.qa_import.formats import ParseOptions
from candor_tools.qa_import.jsonfile import load_json
from candor_tools.qa_import.progress import Meter
from candor_tools.qa_import.records import (
    OK,
    UNAPPROVED,
    UNREADABLE,
    Comment,
    Export,
    SourceThread,
    as_count,
    make_qid,
)
from candor_tools.qa_import.text import display_name, from_html

PUBLIC = ("public", "unlisted")
THREAD = "context"


def parse(path: Path, display: str, options: ParseOptions, meter: Meter) -> Export:
    """Read a context; a ``status`` key beside ancestors/descendants names the root toot."""
    data = load_json(path, display, meter)
    if not isinstance(data, dict) or not isinstance(data.get("descendants"), list):
        raise ExportFileError(display, 1, "expected an object with 'ancestors' and "
                              "'descendants' lists (a status context)",
                              "Save the response of /api/v1/statuses/ID/context")
    root = data.get("status") if isinstance(data.get("status"), dict) else None
    url = str((root or {}).get("url") or "")
    export = Export("mastodon", display, {THREAD: SourceThread(THREAD, url=url,
                                                               identifier=url)})
    statuses = [*(data.get("ancestors") or []), *([root] if root else []),
                *data["descendants"]]
    for status in statuses:
        export.comments.append(_comment(status if isinstance(status, dict) else {}, options))
    return export


def _identities(account: dict[str, Any]) -> tuple[str, ...]:
    acct = str(account.get("acct") or "")
    url = str(account.get("url") or "")
    host = urlsplit(url).hostname or ""
    full = f"{acct}@{host}" if acct and "@" not in acct and host else acct
    return tuple(dict.fromkeys(i for i in (acct, full, url) if i))


def _comment(status: dict[str, Any], options: ParseOptions) -> Comment:
    sid = str(status.get("id") or "")
    found = status.get("account")
    account: dict[str, Any] = found if isinstance(found, dict) else {}
    created = parse_moment(status.get("created_at"))
    problem = ("the status has no 'id'" if not sid else
               "'created_at' is missing or not a date" if created is None else "")
    public = status.get("visibility", "public") in PUBLIC
    state = UNREADABLE if problem else OK if public else UNAPPROVED
    name = str(account.get("display_name") or account.get("username") or "")
    parent = status.get("in_reply_to_id")
    return Comment(
        qid=make_qid("mastodon", sid) if sid else "", key=sid, thread=THREAD, line=0,
        state=state, parent=str(parent) if parent else None,
        author=display_name(name, options.names), identities=_identities(account),
        created=created, text=from_html(str(status.get("content") or "")) if state == OK
        else "", votes=as_count(status.get("favourites_count")), problem=problem)
