"""Write the planned files all or nothing: each to a temporary file, checked, then renamed."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path

from candor_common.errors import Problem
from candor_tools.qa_import.errors import TargetFileError

Checker = Callable[[Path, str], list[Problem]]


def _signature(problems: list[Problem]) -> set[tuple[str, str]]:
    return {(p.field, p.problem) for p in problems}


def write_all(texts: dict[Path, str], displays: dict[Path, str], check: Checker) -> None:
    """Write every text; if any file would not load cleanly, write none of them.

    ``check(path, display)`` loads a file as the site would and returns its problems. A
    problem the file did not have before the import stops everything.
    """
    temporary: dict[Path, Path] = {}
    try:
        for path, text in texts.items():
            temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            temporary[path] = temp
            temp.write_text(text, encoding="utf-8", newline="\n")
            before = _signature(check(path, displays[path])) if path.exists() else set()
            new = [p for p in check(temp, displays[path]) if (p.field, p.problem) not in before]
            if new:
                lines = "\n".join(str(p) for p in new)
                msg = f"the imported file would not load; nothing was written:\n{lines}"
                raise TargetFileError(msg)
        for path, temp in temporary.items():
            os.replace(temp, path)
    finally:
        for temp in temporary.values():
            with contextlib.suppress(FileNotFoundError):
                temp.unlink()
