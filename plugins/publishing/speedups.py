"""Faster equivalents of Pelican methods that every page calls many times.

Each replacement returns exactly what Pelican's own method returns
(``tests/unit/test_publishing_speedups.py`` compares them); only repeated work
is saved.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

from pelican.contents import Content
from pelican.utils import posixize_path

# Pelican's own, for comparison (tests).
PELICAN_GET_RELATIVE_SOURCE_PATH = Content.get_relative_source_path


def install() -> None:
    """Replace ``Content.get_relative_source_path`` with ``relative_source_path``."""
    Content.get_relative_source_path = relative_source_path  # type: ignore[method-assign]


def relative_source_path(self: Any, source_path: str | None = None) -> str | None:
    """Pelican's ``get_relative_source_path``, remembered per (content root, file).

    Pelican works the path out (``relpath`` of two ``abspath``) on every
    ``url`` and ``save_as`` of a post, several times per page that links it.
    A relative root or file depends on the working folder too, so that is part
    of the key then.
    """
    if not source_path:
        source_path = self.source_path
    if source_path is None:
        return None
    root = self.settings["PATH"]
    here = "" if os.path.isabs(root) and os.path.isabs(source_path) else os.getcwd()
    return _relative(root, source_path, here)


@lru_cache(maxsize=65536)
def _relative(root: str, source_path: str, _here: str) -> str:
    return posixize_path(os.path.relpath(os.path.abspath(os.path.join(root, source_path)),
                                         os.path.abspath(root)))
