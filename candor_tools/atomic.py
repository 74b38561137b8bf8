"""Replace a built site only once the new build has fully succeeded."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

OLD = "-old-"  # in the name of the folder an old site is moved to: .output-old-XXXX


def atomic_replace(target: Path, build: Callable[[Path], None], *,
                   discard: Callable[[Path], None] | None = None) -> None:
    """Run ``build(folder)`` into a fresh folder beside ``target``, then swap it in.

    If ``build`` raises anything (a bad post, a failed check, a crash, Ctrl-C),
    the new folder is deleted and ``target`` is left exactly as it was. The swap
    is two renames on the same file system; a reader sees either the old site
    or the new one, or for an instant no folder at all, never a half-written one.
    The old site, moved to a folder of its own beside ``target`` (``OLD``), is
    then deleted, or handed to ``discard`` (which deletes it later).
    """
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent))
    try:
        build(fresh)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    fresh.chmod(0o755)
    if not target.exists():
        os.replace(fresh, target)
        return
    # An empty folder of its own, which the rename replaces: never another swap's.
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}{OLD}", dir=target.parent))
    os.replace(target, old)
    os.replace(fresh, target)
    if discard is None:
        shutil.rmtree(old, ignore_errors=True)
    else:
        discard(old)


def left_behind(target: Path) -> list[Path]:
    """Return the old sites ``atomic_replace`` moved aside beside ``target`` and nothing
    deleted (their deletion was cut short)."""
    target = target.resolve()
    if not target.parent.is_dir():
        return []
    return sorted(path for path in target.parent.glob(f".{target.name}{OLD}*")
                  if path.is_dir())
