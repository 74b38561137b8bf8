"""Files a plugin writes itself (feeds, exports, e-mails), left alone when unchanged.

Pages go through Pelican's writer, which the incremental rebuild
(``PUBLISHING_INCREMENTAL``) already checks. A plugin that writes its own files
with ``write_output`` calls ``unless_unchanged`` instead: the output is made
only if its key (the settings, the link tables, the given ``call`` values, the
code) or what making it read (of the posts, and the names its templates looked
up in ``context``) changed since the last successful build into the same folder.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import nullcontext
from pathlib import Path
from typing import Any

from candor_common import rebuild
from candor_common.output import write_output

Write = Callable[[str, bytes | Iterable[bytes]], Path]


def unless_unchanged(output_path: str, context: dict[str, Any], name: str,
                     call: tuple[Any, ...], make: Callable[[Write], Any], *,
                     track: bool = True, own: tuple[str, ...] = ()) -> None:
    """Run ``make(write)`` unless the last build made ``name`` from the same inputs.

    ``make`` writes its files with the ``write`` it is given (``write_output``).
    ``track``: record what ``make`` reads of the posts and of ``context`` (by
    the names its templates look up; ``own`` are the names it passes them
    itself, which ``call`` holds). Without it, ``call`` must hold all it is made
    from.
    """
    state = rebuild.state_for(output_path)
    if state is None:
        make(lambda relative, data: write_output(output_path, relative, data))
        return
    key = state.key(context, name, *call)
    if state.reusable(name, key, context if track else None):
        return
    files: list[str] = []

    def write(relative: str, data: bytes | Iterable[bytes]) -> Path:
        target = write_output(output_path, relative, data)
        files.append(str(target))
        return target

    with rebuild.tracking() if track else nullcontext() as reads:
        make(write)
    state.remember(name, key, reads, files, context=context if track else None, own=own)
