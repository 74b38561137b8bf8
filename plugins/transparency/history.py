"""A post's public edit history, read from the repository's git log."""

from __future__ import annotations

import logging
import subprocess
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

logger = logging.getLogger(__name__)
SEPARATOR = "\x1f"


@dataclass(frozen=True)
class Change:
    """One commit that touched a post's file."""

    commit: str
    short: str
    date: datetime
    message: str
    url: str | None


@dataclass(frozen=True)
class History:
    """Every change to one file, newest first; ``complete`` is False in a shallow clone."""

    changes: tuple[Change, ...]
    complete: bool


def _git(folder: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True,  # noqa: S603,S607
                                check=False, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout if result.returncode == 0 else None


def repository_state(folder: Path) -> tuple[Path | None, bool]:
    """Return (repository root or None, whether the clone is shallow)."""
    root = _git(folder, "rev-parse", "--show-toplevel")
    if root is None:
        return None, False
    shallow = (_git(folder, "rev-parse", "--is-shallow-repository") or "").strip() == "true"
    return Path(root.strip()), shallow


def file_history(root: Path, path: Path, repo_url: str | None, shallow: bool) -> History:
    """Return the committed history of ``path`` (uncommitted edits are not history)."""
    out = _git(root, "log", "--follow", f"--format=%H{SEPARATOR}%h{SEPARATOR}%cI{SEPARATOR}%s",
               "--", str(path)) or ""
    changes = []
    for line in out.splitlines():
        commit, short, date, message = line.split(SEPARATOR, 3)
        url = f"{repo_url.rstrip('/')}/commit/{commit}" if repo_url else None
        changes.append(Change(commit, short, datetime.fromisoformat(date), message, url))
    return History(tuple(changes), complete=not shallow)
