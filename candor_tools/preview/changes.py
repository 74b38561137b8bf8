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


def files_of(root: Path) -> dict[str, str]:
    """Map every file under ``root`` (as ``os.walk`` lists files: symbolic links to
    folders are not followed nor listed) to its path, by its name relative to
    ``root`` with '/'; plain strings (57,000 files on a town-hall site)."""
    found: dict[str, str] = {}
    folders = [("", str(root))]
    while folders:
        prefix, folder = folders.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:  # gone, or not a folder: nothing in it
            continue
        for entry in entries:
            if entry.is_dir():
                if not entry.is_symlink():
                    folders.append((f"{prefix}{entry.name}/", entry.path))
            else:
                found[prefix + entry.name] = entry.path
    return found


def served_changes(current: Path, fresh: Path, overlay: Overlay,
                   copied: set[str] | None = None) -> list[str]:
    """Return the URL paths whose content changes when ``fresh`` replaces ``current``.

    What is served now is the overlay over ``current``; ``["*"]`` means every
    page (a stylesheet or image changed). ``copied``: the files of ``fresh`` that
    were copied into it (``kept.copy_site``); each other file ``current`` has too
    is a link to the same name there, so unchanged without reading either. None:
    unknown, each file's identity is compared.
    """
    now = files_of(current) if current.is_dir() else {}
    new = files_of(fresh)
    laid = overlay.snapshot()
    changed = []
    for name in sorted(now.keys() | new.keys() | laid.keys()):
        if name.startswith(IGNORED):
            continue
        entry = laid.get(name)
        if entry is None and name in now and name in new and (
                name not in copied if copied is not None
                else _same_file(now[name], new[name])):
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


def _same_file(one: str, other: str) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:
        return False


def _bytes(path: str | None) -> bytes | None:
    if path is None:
        return None
    try:
        with open(path, "rb") as file:
            return file.read()
    except OSError:
        return None
