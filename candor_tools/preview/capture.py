"""Render pages with Pelican's own writer, into memory instead of files."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from pelican import signals
from pelican.writers import Writer


class CaptureWriter(Writer):
    """Pelican's writer, keeping each rendered page as text keyed by its output path.

    ``write_file`` runs unchanged (local context, relative SITEURL, template
    rendering), so a captured page has the bytes a full build writes.
    """

    def __init__(self, output_path: str, settings: Any = None) -> None:
        super().__init__(output_path, settings=settings)
        self.pages: dict[str, str] = {}

    @contextmanager
    def _open_w(self, filename: str, encoding: str, override: bool = False) -> Iterator[Any]:
        del encoding, override
        buffer = io.StringIO()
        yield buffer
        name = os.path.relpath(filename, self.output_path).replace(os.sep, "/")
        self.pages[name] = buffer.getvalue()


@contextmanager
def quiet_writes() -> Iterator[None]:
    """Mute ``content_written`` while capturing: no file was written (the sitemap listens)."""
    with signals.content_written.muted():
        yield
