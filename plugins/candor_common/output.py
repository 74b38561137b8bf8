"""Write a generated file (a feed, an export) inside the output folder."""

from __future__ import annotations

import os
from pathlib import Path

from pelican.utils import sanitised_join

from candor_common import rebuild
from candor_common.errors import CandorError


class OutputError(CandorError):
    """A generated file could not be written to the output folder."""


def write_output(output_path: str, relative: str, data: bytes) -> Path:
    """Write ``data`` to ``relative`` under ``output_path``; return the file's path.

    ``relative`` may not escape the output folder (Pelican's sanitised_join). An
    incremental build lists the file in its journal first (``RebuildState.writing``).
    A file that holds ``data`` already is left alone (``write_if_changed``).
    """
    target = Path(sanitised_join(output_path, relative))
    state = rebuild.state_for(output_path)
    if state is not None:
        state.writing(str(target))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_if_changed(str(target), data)
    except OSError as exc:
        msg = (f"{target}: output: cannot be written ({exc}). "
               "Check that the output folder is writable and has space")
        raise OutputError(msg) from exc
    return target


def write_if_changed(path: str, data: bytes) -> bool:
    """Write ``data`` to ``path`` unless the file holds exactly that; True if written.

    A rebuild into the same folder then keeps the date of every unchanged file,
    so a file watcher, rsync, a browser's cache or the preview's copy (which
    links what it finds unchanged) sees only what changed.
    """
    try:
        if os.path.getsize(path) == len(data):
            with open(path, "rb") as existing:
                if existing.read() == data:
                    return False
    except OSError:
        pass  # no such file yet: write it
    with open(path, "wb") as handle:
        handle.write(data)
    return True
