"""Remark42 backup: one JSON object per line (meta first, then comments), gzipped or not."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from candor_tools.qa_import.dates import parse_moment
from candor_tools.qa_import.errors import ExportFileError
from candor_tools.qa_import.formats import ParseOptions
from candor_tools.qa_import.jsonfile import loads
from candor_tools.qa_import.progress import Meter, MeteredFile
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
from candor_tools.qa_import.text import display_name, from_html

GZIP_MAGIC = b"\x1f\x8b"


def _lines(path: Path, display: str, meter: Meter) -> Iterator[tuple[int, str]]:
    """Yield (line number, text) of every non-empty line, gunzipping when needed."""
    try:
        with path.open("rb") as raw:
            metered = MeteredFile(raw, meter)
            zipped = raw.peek(2)[:2] == GZIP_MAGIC
            source: Any = metered
            stream: Any = gzip.GzipFile(fileobj=source) if zipped else metered
            for number, line in enumerate(stream, start=1):
                try:
                    text = line.decode("utf-8-sig").strip()
                except UnicodeDecodeError as exc:
                    raise ExportFileError(display, number, "the line is not UTF-8 text",
                                          "Export the backup again") from exc
                if text:
                    yield number, text
    except (OSError, EOFError, zlib.error) as exc:
        raise ExportFileError(display, None, f"cannot be read ({exc})",
                              "The backup is damaged or truncated; make it again") from exc


def parse(path: Path, display: str, options: ParseOptions, meter: Meter) -> Export:
    """Read a Remark42 backup. User IPs (hashed or not) and e-mails are never read."""
    export = Export("remark42", display)
    blocked: set[str] = set()
    for number, text in _lines(path, display, meter):
        record = loads(text, display, number)
        if not isinstance(record, dict):
            raise ExportFileError(display, number, "expected a JSON object on this line")
        if "version" in record and "locator" not in record:
            blocked |= {str(u.get("id")) for u in record.get("users") or []
                        if isinstance(u, dict) and (u.get("blocked") or {}).get("status")}
            continue
        export.comments.append(_comment(record, number, blocked, export, options))
    return export


def _object(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _comment(record: dict[str, Any], line: int, blocked: set[str], export: Export,
             options: ParseOptions) -> Comment:
    cid = str(record.get("id") or "")
    locator = _object(record.get("locator"))
    url = str(locator.get("url") or "")
    if url and url not in export.threads:
        export.threads[url] = SourceThread(url, url=url, title=str(record.get("title") or ""))
    user = _object(record.get("user"))
    user_id = str(user.get("id") or "")
    created = parse_moment(record.get("time"))
    problem = ("the comment has no 'id'" if not cid else
               "the comment has no locator url" if not url else
               "'time' is missing or not a date" if created is None else "")
    state = (UNREADABLE if problem else DELETED if record.get("delete") else
             UNAPPROVED if user_id in blocked else OK)
    return Comment(
        qid=make_qid("remark42", cid) if cid else "", key=cid, thread=url, line=line,
        state=state, parent=str(record.get("pid") or "") or None,
        author=display_name(str(user.get("name") or ""), options.names),
        identities=(user_id,) if user_id else (), created=created,
        text=from_html(str(record.get("text") or "")) if state == OK else "",
        votes=as_count(record.get("score")), problem=problem)
