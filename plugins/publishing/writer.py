"""A Pelican writer that names both sides when two things would write one file.

Posts and pages are compared before anything is written (collisions.py); this
catches the rest: a page whose URL is also a generated page (``/corrections/``,
``/qa/``, a tag or an author page), or two generators choosing one path.
Pelican would stop with a bare ``FileOverwriteFailedError`` traceback.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from pelican.writers import Writer

from candor_common.errors import BuildAborted

logger = logging.getLogger(__name__)


def describe(template: Any, kwargs: dict[str, Any]) -> str:
    """Say what is being written: the template, and the source file when there is one."""
    name = getattr(template, "name", None) or str(template)
    for key in ("article", "page"):
        item = kwargs.get(key)
        if item is not None and hasattr(item, "get_relative_source_path"):
            return f"{name} for {item.get_relative_source_path()}"
    return name


class CandorWriter(Writer):
    """Pelican's writer, with a clear error instead of a silent or cryptic overwrite."""

    def __init__(self, output_path: str, settings: Any = None) -> None:
        super().__init__(output_path, settings=settings)
        self._writing = "a feed"
        self._written_by: dict[str, str] = {}

    def write_file(self, name: Any, template: Any, context: Any, *args: Any,
                   **kwargs: Any) -> None:
        """Remember what is being written, then write it as Pelican does."""
        self._writing = describe(template, kwargs)
        try:
            super().write_file(name, template, context, *args, **kwargs)
        finally:
            self._writing = "a feed"

    def _open_w(self, filename: str, encoding: str, override: bool = False) -> Any:
        if (filename in self._written_files and filename not in self._overridden_files
                and not override):
            where = os.path.relpath(filename, self.output_path)
            logger.error("publishing: %s: url: written by %s and again by %s. Give the page "
                         "or post another Slug (or change the setting that places the "
                         "generated page).", where, self._written_by.get(filename, "?"),
                         self._writing)
            msg = f"{where} would be written twice; the build stopped."
            raise BuildAborted(msg)
        self._written_by.setdefault(filename, self._writing)
        return super()._open_w(filename, encoding, override)


def candor_writer(pelican: Any) -> type[Writer]:
    """Offer CandorWriter to Pelican (the get_writer signal)."""
    return CandorWriter
