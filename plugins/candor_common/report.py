"""Turn a CandorError into logged lines and a clean, non-zero exit."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NoReturn

from candor_common.errors import BuildAborted, CandorError


def fail_build(logger: logging.Logger, plugin: str, exc: CandorError) -> NoReturn:
    """Log every line of ``exc`` as an error, then stop the build with status 1."""
    for line in str(exc).splitlines():
        logger.error("%s: %s", plugin, line)
    raise BuildAborted(str(exc)) from exc


@contextmanager
def stop_on_problems(logger: logging.Logger, plugin: str) -> Iterator[None]:
    """Run the block; a CandorError inside it ends the build without a traceback."""
    try:
        yield
    except CandorError as exc:
        fail_build(logger, plugin, exc)
