"""Pause Python's automatic garbage collector while a build makes many lasting objects.

Reading a state file or loading the Q&A makes hundreds of thousands of
objects, all kept, and few or no cycles. Meanwhile each of the collector's
older passes walks what was made so far, and its full passes everything the
build holds: at 100,000 questions, 0.76-0.86 s to read the 14 MB of rebuild
records, 0.36 s with the collector paused; and a full pass of ~0.4 s each when
the loaded questions' encodings are listed and remembered. Code that leaves
cycles inside a pause collects the young generation itself (``gc.collect(0)``,
as each Q&A file's loader does).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """Pause the automatic collector inside the block; one already paused is left so."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
