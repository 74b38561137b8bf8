"""Turn what went wrong into problems the terminal and the browser overlay can show."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from candor_common.errors import DataError
from candor_common.paths import display_path


def problems_of(error: BaseException | None, path: str) -> list[dict[str, Any]]:
    """Return the problems of one source file as dicts (path, line, field, problem, fix, text).

    A Candor ``DataError`` carries them already; any other error becomes one
    problem naming the file.
    """
    if isinstance(error, DataError) and error.problems:
        return [{"path": p.path, "line": p.line, "field": p.field, "problem": p.problem,
                 "fix": p.fix, "text": str(p)} for p in error.problems]
    shown = display_path(Path(path))
    if error is None:
        problem = "Pelican could not use this file"
        fix = "Check that it has a Title and a Date (see docs/front-matter.md)"
    else:
        problem = str(error).strip() or type(error).__name__
        fix = "Fix the file and save it again; the terminal shows the details"
    return [{"path": shown, "line": None, "field": "file", "problem": problem, "fix": fix,
             "text": f"{shown}: file: {problem.rstrip('.')}. {fix}."}]


def describe_error(error: BaseException) -> str:
    """Say what went wrong, with the file and line when the error knows them (templates)."""
    filename, line = getattr(error, "filename", None), getattr(error, "lineno", None)
    message = str(error).strip() or type(error).__name__
    if filename and line:
        return f"{display_path(Path(filename))}:{line}: {message}"
    return message


class ErrorLines(logging.Handler):
    """Keep the messages logged at ERROR or above, to show them in the browser too."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        """Keep one message (its lines, without a traceback)."""
        try:
            self.lines.extend(record.getMessage().splitlines())
        except Exception:  # noqa: BLE001 - a bad log call must not break the build
            self.lines.append(str(record.msg))


@contextmanager
def error_lines() -> Iterator[ErrorLines]:
    """Collect the error messages logged anywhere while the block runs."""
    handler = ErrorLines()
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield handler
    finally:
        root.removeHandler(handler)
