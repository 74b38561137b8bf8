"""A progress bar over the bytes of the export, shown only on a terminal."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any

from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn


class Meter:
    """Counts the bytes read so far; a Progress task shows them when there is one."""

    def __init__(self, progress: Progress | None = None, task: Any = None) -> None:
        self._progress, self._task = progress, task

    def advance(self, size: int) -> None:
        """Record ``size`` more bytes read."""
        if self._progress is not None:
            self._progress.advance(self._task, size)


class MeteredFile:
    """A binary file object that reports every read to a Meter."""

    def __init__(self, raw: IO[bytes], meter: Meter) -> None:
        self._raw, self._meter = raw, meter

    def read(self, size: int = -1) -> bytes:
        """Read and count."""
        data = self._raw.read(size)
        self._meter.advance(len(data))
        return data

    def readline(self, size: int = -1) -> bytes:
        """Read a line and count it."""
        data = self._raw.readline(size)
        self._meter.advance(len(data))
        return data

    def __iter__(self) -> Iterator[bytes]:
        return iter(self.readline, b"")

    def readable(self) -> bool:
        """True: it is a readable stream (for io.TextIOWrapper)."""
        return True

    @property
    def closed(self) -> bool:
        """Whether the underlying file is closed."""
        return self._raw.closed

    def close(self) -> None:
        """Close the underlying file."""
        self._raw.close()

    def flush(self) -> None:
        """Nothing to flush on a reader."""

    def writable(self) -> bool:
        """False: read only."""
        return False

    def seekable(self) -> bool:
        """False: read front to back."""
        return False


@contextmanager
def byte_progress(label: str, total: int, *, enabled: bool | None = None) -> Iterator[Meter]:
    """Show a bar for ``total`` bytes on stderr when it is a terminal; yield its Meter."""
    console = Console(file=sys.stderr)
    show = console.is_terminal if enabled is None else enabled
    if not show:
        yield Meter()
        return
    columns = (TextColumn("{task.description}"), BarColumn(), DownloadColumn(),
               TimeRemainingColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        yield Meter(progress, progress.add_task(label, total=total or None))
