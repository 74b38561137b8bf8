"""Leave a file in the output folder alone when its new bytes are the ones it holds.

A rebuild into the same folder then keeps the date of every unchanged file
(``candor_common.output.write_if_changed``). The writer does this for pages
(``WriteIfChanged``), ``write_output`` for feeds and exports; here for the two
kinds of file Pelican writes by other means:

- static files and the theme's files, which Pelican copies with
  ``pelican.utils.copy_file`` on every build (``keep_static_dates``: while a
  static generator writes, that function leaves an identical copy alone);
- ``sitemap.xml``, which pelican-sitemap writes with ``open(path, "w")`` on every
  build (``keep_sitemap_date``: that module's ``open`` hands it a file that is
  written only if its text changed).
"""

from __future__ import annotations

import builtins
import filecmp
import io
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pelican.utils
from pelican.generators import StaticGenerator

from candor_common.output import write_if_changed


class WriteIfChanged(io.StringIO):
    """A text file opened for writing that leaves the file alone when its bytes are the same."""

    def __init__(self, path: str, encoding: str) -> None:
        super().__init__()
        self.path = path
        self._target_encoding = encoding

    def close(self) -> None:
        """Write the text, as ``open(path, "w")`` would have, unless the file has it already."""
        if not self.closed:
            text = self.getvalue()
            if os.linesep != "\n":  # text mode's newline translation
                text = text.replace("\n", os.linesep)
            write_if_changed(self.path, text.encode(self._target_encoding))
        super().close()


# -- static files ------------------------------------------------------------------

_PELICAN_COPY_FILE = pelican.utils.copy_file


def copy_file_if_changed(source: str, destination: str) -> None:
    """Copy as Pelican's ``copy_file`` does, unless ``destination`` has the same bytes."""
    try:
        if filecmp.cmp(source, destination, shallow=False):
            return
    except OSError:
        pass  # no copy yet, or unreadable: Pelican's copy says what went wrong
    _PELICAN_COPY_FILE(source, destination)


@contextmanager
def copies_if_changed() -> Iterator[None]:
    """Within the block, Pelican's file copies leave identical files alone."""
    pelican.utils.copy_file = copy_file_if_changed
    try:
        yield
    finally:
        pelican.utils.copy_file = _PELICAN_COPY_FILE


def keep_static_dates(generators: list[Any]) -> None:
    """Make each static generator copy only the files whose bytes changed."""
    for generator in generators:
        if isinstance(generator, StaticGenerator):
            generator.generate_output = _copying_if_changed(generator.generate_output)


def _copying_if_changed(generate_output: Any) -> Any:
    def generate_output_keeping_dates(writer: Any) -> None:
        with copies_if_changed():
            generate_output(writer)
    return generate_output_keeping_dates


# -- the sitemap -------------------------------------------------------------------

def sitemap_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
    """``open`` for pelican-sitemap: its sitemap, opened to be written, is a WriteIfChanged."""
    if mode == "w" and not args and set(kwargs) == {"encoding"}:
        return WriteIfChanged(os.fspath(file), kwargs["encoding"])
    return builtins.open(file, mode, *args, **kwargs)


def keep_sitemap_date(_generators: list[Any]) -> None:
    """Make pelican-sitemap, if it is loaded, leave an unchanged sitemap alone."""
    try:
        from pelican.plugins.sitemap import sitemap  # noqa: PLC0415 - optional plugin
    except ImportError:
        return
    sitemap.open = sitemap_open  # type: ignore[attr-defined]
