"""Keep Python's garbage collector off what a build makes in bulk and keeps.

``paused``: the automatic collector paused while many lasting objects are made.
``set_aside``: what a build loaded once (the last build's records, the Q&A
digest) left out of the collector's passes until the build ends (``release``).
``loading``: both, for a block that loads what the build keeps (set aside before
the collector resumes, so that no young pass walks the load first).
``freeze``/``thaw``/``frozen``: the same for a block (before a fork).

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

from pelican import signals


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


class _Aside:
    """Whether the build's lasting objects are set aside, and till when."""

    now = False  # set_aside was called and nothing gave them back since
    until_exit = False  # a one-shot build process: never give them back (until_exit)


def set_aside() -> None:
    """Leave every object the build holds now out of the collector's passes.

    For what a build loads once and keeps until it ends (the last build's
    records, the Q&A digest): without it, the first full pass after the load
    walks all of it (~0.5 s at 100,000 questions, in the middle of the posts'
    checks), and each young pass the part not yet promoted. It is
    ``gc.freeze``: the objects are still freed when no longer referenced; only
    cycles among them wait until ``release``, which the end of the build sends
    (Pelican's ``finalized``; blinker connects it once however often this runs).
    """
    gc.freeze()
    _Aside.now = True
    signals.finalized.connect(release)


@contextmanager
def loading() -> Iterator[None]:
    """Pause the collector while the block loads what the build keeps, and set it all
    aside (``set_aside``) if the block succeeds, before the collector resumes.

    Set aside after the pause instead, the collector's first young pass as it
    resumes walks everything the load made (0.06 s for the rebuild records,
    0.04 s for the Q&A digest, at 100,000 questions).
    """
    with paused():
        yield
        set_aside()


def freeze() -> None:
    """Leave what the build holds now out of the collector's passes until ``thaw``
    (before a fork, say: fewer pages copied on write)."""
    gc.freeze()


def thaw() -> None:
    """Give back what ``freeze`` left out, unless it is set aside for the whole build
    (``set_aside``: then ``release`` does, once the build is over)."""
    if not _Aside.now:
        gc.unfreeze()


@contextmanager
def frozen() -> Iterator[None]:
    """``freeze`` for the block, then ``thaw``."""
    freeze()
    try:
        yield
    finally:
        thaw()


def release(_sender: object = None) -> None:
    """Give what ``set_aside`` set aside back to the collector (the build is over: a
    process that builds again, as the tests and the preview do, must not keep every
    build's cycles). A process that ends with the build (``until_exit``) keeps them
    aside: giving them back would only let a full pass walk them before it exits
    (~0.7 s at 100,000 questions)."""
    if _Aside.now and not _Aside.until_exit:
        gc.unfreeze()
        _Aside.now = False


def until_exit() -> None:
    """Say that this process ends with its build (``candor_tools.run_pelican``'s
    command line): ``release`` then leaves everything aside."""
    _Aside.until_exit = True
