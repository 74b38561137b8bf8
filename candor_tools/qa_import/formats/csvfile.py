"""A spreadsheet export (CSV) from a form or a live Q&A tool, with columns mapped by option."""

from __future__ import annotations

import csv
import hashlib
import io
from pathlib import Path
from typing import Any

from candor_tools.qa_import.dates import parse_moment
from candor_tools.qa_import.errors import ExportFileError
from candor_tools.qa_import.formats import ParseOptions
from candor_tools.qa_import.progress import Meter, MeteredFile
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
from candor_tools.qa_import.text import display_name, from_plain, mask_private

# field -> the column names used when no --column option maps it (case-insensitive)
FIELDS = {
    "id": ("id", "question id"), "text": ("text", "question", "comment", "message"),
    "asked_at": ("asked_at", "date", "created", "created_at", "timestamp", "time"),
    "asked_by": ("asked_by", "name", "author"), "votes": ("votes", "likes", "upvotes"),
    "thread": ("thread", "url", "page", "post"), "status": ("status", "state"),
    "answer": ("answer",), "answered_by": ("answered_by",), "answered_at": ("answered_at",),
    "kind": ("kind",),
}
REQUIRED = ("text", "asked_at")
STATES = {"deleted": DELETED, "trash": DELETED, "removed": DELETED, "spam": SPAM,
          "hidden": UNAPPROVED, "unapproved": UNAPPROVED, "rejected": UNAPPROVED,
          "pending": UNAPPROVED, "archived": OK, "approved": OK, "published": OK}
KINDS = ("question", "comment")  # the kind column's values, in any case
THREAD = "csv"


def parse(path: Path, display: str, options: ParseOptions, meter: Meter) -> Export:
    """Read the rows of a CSV file; columns outside the mapping (e-mails...) are never read."""
    export = Export("csv", display)
    try:
        with path.open("rb") as raw:
            metered: Any = MeteredFile(raw, meter)
            stream = io.TextIOWrapper(metered, encoding="utf-8-sig", newline="")
            reader = csv.reader(stream, delimiter=options.delimiter)
            try:
                header = next(reader, [])
                columns = _columns(header, options, display)
                start = reader.line_num + 1  # a quoted cell can span lines: report the first
                for row in reader:
                    if any(cell.strip() for cell in row):
                        export.comments.append(_comment(row, columns, start, export,
                                                        options, header=header))
                    start = reader.line_num + 1
            except UnicodeDecodeError as exc:
                raise ExportFileError(display, reader.line_num + 1,
                                      "the file is not UTF-8 text",
                                      "Save the spreadsheet as CSV UTF-8") from exc
            except csv.Error as exc:
                raise ExportFileError(display, reader.line_num, f"malformed CSV: {exc}") from exc
    except OSError as exc:
        raise ExportFileError(display, None, f"cannot be read ({exc.strerror})") from exc
    return export


def _columns(header: list[str], options: ParseOptions, display: str) -> dict[str, int]:
    """Return field -> column index, from --column options or the usual names."""
    index = {name.strip().lower(): number for number, name in enumerate(header)}
    columns: dict[str, int] = {}
    for field, names in FIELDS.items():
        wanted = options.columns.get(field)
        if wanted is not None:
            if wanted.strip().lower() not in index:
                raise ExportFileError(display, 1, f"--column {field}={wanted}: no such column",
                                      f"The columns are: {', '.join(header)}")
            columns[field] = index[wanted.strip().lower()]
            continue
        found = next((index[n] for n in names if n in index), None)
        if found is not None:
            columns[field] = found
    missing = [f for f in REQUIRED if f not in columns]
    if missing:
        raise ExportFileError(display, 1, f"no column for {', '.join(missing)}",
                              f"Map it with --column {missing[0]}=HEADER (the columns are: "
                              f"{', '.join(header)})")
    return columns


def _kind(value: str, has_answer: bool, where: tuple[str, int, str]) -> bool | None:
    """Return the kind column as the source's flag: True for a question, None if empty."""
    kind = value.strip().lower()
    if not kind:
        return None
    display, line, column = where
    label = f"column '{column}'" + ("" if column.lower() == "kind" else " (kind)")
    if kind not in KINDS:
        shown = mask_private(value if len(value) <= 40 else f"{value[:40]}…")
        raise ExportFileError(display, line, f"{label}: '{shown}' is neither question nor "
                              "comment", "Write question or comment (in any case), or leave "
                              "the cell empty to let the importer decide; see "
                              "docs/migration.md")
    if kind == "comment" and has_answer:
        raise ExportFileError(display, line, f"{label}: the row is a comment but has an "
                              "answer; a comment expects none",
                              "Write question in this cell, or empty the answer")
    return kind == "question"


def _comment(row: list[str], columns: dict[str, int], line: int, export: Export,
             options: ParseOptions, *, header: list[str]) -> Comment:
    def cell(field: str) -> str:
        number = columns.get(field)
        return row[number].strip() if number is not None and number < len(row) else ""

    asks = (_kind(cell("kind"), bool(cell("answer")),
                  (export.path, line, header[columns["kind"]].strip()))
            if "kind" in columns else None)

    created = parse_moment(cell("asked_at"), options.zone, options.date_format)
    text = cell("text")
    thread = cell("thread") or THREAD
    if thread not in export.threads:
        export.threads[thread] = SourceThread(thread, url=thread if "/" in thread else "",
                                              identifier=thread)
    raw_id = cell("id") or hashlib.sha256(
        "\x1f".join((cell("asked_at"), cell("asked_by"), text)).encode()).hexdigest()[:12]
    problem = ("the question's text is empty" if not text else
               "the asked_at column is not a date (see --date-format)" if created is None
               else "")
    state = UNREADABLE if problem else STATES.get(cell("status").lower(), OK)
    answer = None
    answered_at = parse_moment(cell("answered_at"), options.zone, options.date_format)
    if cell("answer") and cell("answered_by") and created is not None:
        answer = (cell("answered_by"), max(answered_at or created, created),
                  from_plain(cell("answer")))
    return Comment(
        qid=make_qid("csv", raw_id.lower()), key=raw_id, thread=thread, line=line,
        state=state, author=display_name(cell("asked_by"), options.names), created=created,
        text=from_plain(text) if state == OK else "", votes=as_count(cell("votes")),
        problem=problem, answer=answer, asks=asks)
