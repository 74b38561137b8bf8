"""Show file paths the way users type them."""

from __future__ import annotations

from pathlib import Path


def display_path(path: Path) -> str:
    """Return ``path`` relative to the working directory when inside it, else as is."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)
