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
PELICAN_GET_URL_SETTING = Content.get_url_setting

# While the pages are written: (id of a post, "url" or "save_as"...) -> post, value.
_URLS: dict[tuple[int, str], tuple[Any, str]] | None = None


def install() -> None:
    """Replace ``get_relative_source_path`` and ``get_url_setting`` of Pelican's ``Content``."""
    Content.get_relative_source_path = relative_source_path  # type: ignore[method-assign]
    Content.get_url_setting = url_setting  # type: ignore[method-assign]


def freeze_urls(*_: Any) -> None:
    """Remember each post's URLs from now on: every post is final once pages are written
    (Pelican's phases), and a page asks for the URL of the same post many times."""
    global _URLS  # noqa: PLW0603 - one build at a time
    _URLS = {}


def thaw_urls(*_: Any) -> None:
    """Work URLs out again each time (the build ended, or another starts)."""
    global _URLS  # noqa: PLW0603 - one build at a time
    _URLS = None


def url_setting(self: Any, key: str) -> str:
    """Pelican's ``get_url_setting``, remembered per post while the pages are written."""
    urls = _URLS
    if urls is None:
        return str(PELICAN_GET_URL_SETTING(self, key))
    known = urls.get((id(self), key))
    if known is not None and known[0] is self:
        return known[1]
    value = str(PELICAN_GET_URL_SETTING(self, key))
    urls[(id(self), key)] = (self, value)
    return value


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
