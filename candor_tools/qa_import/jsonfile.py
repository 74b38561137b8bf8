"""Read a whole JSON export, turning syntax errors into file:line messages."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from candor_tools.qa_import.errors import ExportFileError
from candor_tools.qa_import.progress import Meter


def read_bytes(path: Path, display: str, meter: Meter) -> bytes:
    """Return the file's bytes, counted on ``meter``."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ExportFileError(display, None, f"cannot be read ({exc.strerror})") from exc
    meter.advance(len(data))
    return data


def decode(data: bytes, display: str) -> str:
    """Return ``data`` as UTF-8 text, or say on which line it is not UTF-8."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise ExportFileError(display, line, "the file is not UTF-8 text",
                              "Export it again, or save it as UTF-8") from exc


def loads(text: str, display: str, first_line: int = 1) -> Any:
    """Parse JSON ``text`` that starts on ``first_line`` of the file."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ExportFileError(display, first_line + exc.lineno - 1,
                              f"malformed JSON: {exc.msg}",
                              "The export is damaged or truncated; download it again") from exc


def load_json(path: Path, display: str, meter: Meter) -> Any:
    """Read and parse a whole JSON file."""
    return loads(decode(read_bytes(path, display, meter), display), display)
