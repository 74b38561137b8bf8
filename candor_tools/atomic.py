"""Replace a built site only once the new build has fully succeeded."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path


def atomic_replace(target: Path, build: Callable[[Path], None]) -> None:
    """Run ``build(folder)`` into a fresh folder beside ``target``, then swap it in.

    If ``build`` raises anything (a bad post, a failed check, a crash, Ctrl-C),
    the new folder is deleted and ``target`` is left exactly as it was. The swap
    is two renames on the same file system; a reader sees either the old site
    or the new one, or for an instant no folder at all, never a half-written one.
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
    old = target.parent / f".{target.name}-old-{os.getpid()}"
    if target.exists():
        os.replace(target, old)
    os.replace(fresh, target)
    shutil.rmtree(old, ignore_errors=True)
