"""Which URLs a finished full build changes, compared with what the preview serves now."""

from __future__ import annotations

import os
from pathlib import Path

from candor_tools.preview.overlay import Overlay

# A change to one of these can alter how any page looks: reload every tab.
EVERY_PAGE = (".css", ".js", ".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif",
              ".ico", ".woff", ".woff2", ".xsl")
# Rebuilt by every build and read by the search page only when searching.
IGNORED = ("pagefind/",)


def files_of(root: Path) -> dict[str, Path]:
    """Map every file under ``root`` to its path relative to ``root`` (with '/')."""
    found = {}
    for folder, _dirs, names in os.walk(root):
        for name in names:
            path = Path(folder) / name
            found[path.relative_to(root).as_posix()] = path
    return found


def served_changes(current: Path, fresh: Path, overlay: Overlay) -> list[str]:
    """Return the URL paths whose content changes when ``fresh`` replaces ``current``.

    What is served now is the overlay over ``current``; ``["*"]`` means every
    page (a stylesheet or image changed).
    """
    now = files_of(current) if current.is_dir() else {}
    new = files_of(fresh)
    laid = overlay.snapshot()
    changed = []
    for name in sorted(set(now) | set(new) | set(laid)):
        if name.startswith(IGNORED):
            continue
        entry = laid.get(name)
        if entry is None and _same_file(now.get(name), new.get(name)):
            continue  # linked from what is served (kept.copy_site): unchanged
        served = entry.body if entry is not None else _bytes(now.get(name))
        if served != _bytes(new.get(name)):
            if name.endswith(EVERY_PAGE):
                return ["*"]
            changed.append(url_of(name))
    return changed


def url_of(name: str) -> str:
    """Return the URL path that serves output path ``name`` ("a/index.html" → "/a/")."""
    if name == "index.html" or name.endswith("/index.html"):
        return "/" + name.removesuffix("index.html")
    return "/" + name


def _same_file(one: Path | None, other: Path | None) -> bool:
    if one is None or other is None:
        return False
    try:
        return os.path.samefile(one, other)
    except OSError:
        return False


def _bytes(path: Path | None) -> bytes | None:
    if path is None:
        return None
    try:
        return path.read_bytes()
    except OSError:
        return None
