"""Write a generated file (a feed, an export) inside the output folder."""

from __future__ import annotations

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
    """
    target = Path(sanitised_join(output_path, relative))
    state = rebuild.state_for(output_path)
    if state is not None:
        state.writing(str(target))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    except OSError as exc:
        msg = (f"{target}: output: cannot be written ({exc}). "
               "Check that the output folder is writable and has space")
        raise OutputError(msg) from exc
    return target
