"""Write a generated file (a feed, an export) inside the output folder."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from pelican.utils import sanitised_join

from candor_common import rebuild
from candor_common.errors import CandorError


class OutputError(CandorError):
    """A generated file could not be written to the output folder."""


def write_output(output_path: str, relative: str, data: bytes | Iterable[bytes]) -> Path:
    """Write ``data`` (bytes, or blocks of them) to ``relative`` under ``output_path``;
    return the file's path.

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


def write_if_changed(path: str, data: bytes | Iterable[bytes]) -> bool:
    """Write ``data`` to ``path`` unless the file holds exactly that; True if written.

    A rebuild into the same folder then keeps the date of every unchanged file,
    so a file watcher, rsync, a browser's cache or the preview's copy (which
    links what it finds unchanged) sees only what changed. ``data`` may come in
    blocks (``_write_blocks``), for a file too large to hold whole.
    """
    if not isinstance(data, bytes | bytearray):
        return _write_blocks(path, data)
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


def _write_blocks(path: str, blocks: Iterable[bytes]) -> bool:
    """Write ``blocks`` to ``path`` unless the file holds exactly their bytes; True if written.

    Each block is compared with the file as it comes; from the first that differs
    on, they are written over it (in place, as ``open(path, "wb")`` would write),
    and the file is cut where they end.
    """
    try:
        handle = open(path, "r+b")  # noqa: SIM115 - closed below, on every path
    except FileNotFoundError:
        with open(path, "wb") as out:
            for block in blocks:
                out.write(block)
        return True
    with handle:
        size = 0
        same = True
        for block in blocks:
            if same:
                if handle.read(len(block)) == block:
                    size += len(block)
                    continue
                same = False
                handle.seek(size)
            handle.write(block)
            size += len(block)
        if same and handle.read(1) == b"":
            return False
        handle.truncate(size)
    return True
