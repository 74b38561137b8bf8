"""Show file paths the way users type them; the paths between a page and the site."""

from __future__ import annotations

import os
from pathlib import Path

from pelican.utils import get_relative_path, path_to_url


def display_path(path: Path) -> str:
    """Return ``path`` relative to the working directory when inside it, else as is.

    What ``str(path.relative_to(Path.cwd()))`` gives (``str(path)`` when it is not
    inside), by slicing the strings: a build names every post and Q&A file so, and
    pathlib's way cost ~10 µs a call (``tests/unit/test_paths.py`` compares).
    """
    shown = str(path)
    cwd = os.getcwd()
    if shown == cwd:
        return "."
    folder = cwd if cwd.endswith(os.sep) else cwd + os.sep
    return shown[len(folder):] if shown.startswith(folder) else shown


def root_url(name: str) -> str:
    """Return Pelican's ``path_to_url(get_relative_path(name))``: the way from the page
    written to ``name`` back to the site's root ("." or "../.."), as its writer gives
    pages with relative URLs.

    Pelican splits the name one component at a time with ``os.path.split``; with
    50,000 question pages that showed in every rebuild. The components it finds are
    the non-empty parts between slashes (``tests/unit/test_paths.py`` compares).
    """
    if os.sep != "/":
        return str(path_to_url(get_relative_path(name)))
    depth = sum(1 for part in name.split("/") if part) - 1
    return "/".join([os.pardir] * depth) if depth > 0 else os.curdir


def inside(path: str, folder: str) -> str:
    """Return ``os.path.relpath(os.path.abspath(path), folder)`` for ``folder`` an
    absolute, normalized path: the slice after it when ``path`` is below it (a build
    notes each of its 55,000 files so), else ``relpath`` itself."""
    full = os.path.abspath(path)
    if full.startswith(folder) and full[len(folder):len(folder) + 1] == os.sep:
        return full[len(folder) + 1:]
    return os.path.relpath(full, folder)
