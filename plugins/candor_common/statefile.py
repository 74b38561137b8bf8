"""State files kept between builds (caches, rebuild records), replaced in one step."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO

from candor_common import collector


def read_state(path: Path) -> dict[str, Any] | None:
    """Return the JSON object in ``path``; None when it is missing, unreadable or not an object."""
    try:
        with collector.paused():  # many objects, no cycle
            data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def write_state(path: Path, data: dict[str, Any]) -> None:
    """Write ``data`` to ``path`` as compact JSON, replacing the file in one step."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    write_atomic(path, text.encode("utf-8", "surrogatepass"))


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in its folder (``replacing``)."""
    with replacing(path) as out:
        out.write(data)


@contextmanager
def replacing(path: Path) -> Iterator[BinaryIO]:
    """Open a temporary file in ``path``'s folder; once the block ends, it replaces ``path``.

    A reader sees the old file or the new one, never half of one; the
    temporary file (``.NAME-...``) is removed when anything fails. What is
    written into it (``pickle.dump``, say) need not be held whole in memory.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-")
    try:
        with os.fdopen(handle, "wb") as out:
            yield out
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
