"""Run Pelican with labelled log lines, and optionally fail on any warning.

    python -m candor_tools.run_pelican [--strict] [--search-index] <pelican arguments>

Pelican's own ``--fatal warnings`` stops at the first message with a traceback,
hiding the rest. ``--strict`` lets the build report every problem, then exits
with status 1 if any warning or error was logged. ``--search-index`` indexes the
built site for search after a build that succeeded (``search_index.index_site``,
with the build's own output folder, language and cache folder), in this process:
`make build` does not start Python and load the settings a second time for it.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pelican
from pelican import signals

from candor_tools.search_index import index_site
from candor_tools.search_parts import SearchSettingError, part_pages


class Counter(logging.Handler):
    """Count the records at WARNING or above."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        """Count one record."""
        self.count += 1


def main(argv: list[str], *, one_shot: bool = False) -> int:
    """Run Pelican with ``argv``; return the exit status.

    ``one_shot``: the process ends with this build (the command line, which exits
    through ``leave``): what the build sets aside from the garbage collector's
    passes stays aside until then (``candor_common.collector.until_exit``).
    """
    strict = "--strict" in argv
    search = "--search-index" in argv
    args = [a for a in argv if a not in ("--strict", "--search-index")]
    console = logging.StreamHandler(sys.stderr)
    console.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    counter = Counter()
    # Pelican's logging.basicConfig() keeps handlers that are already there.
    logging.basicConfig(level=logging.WARNING, handlers=[console, counter], force=True)
    # What an incremental build rendered, and why: one or two lines after each build.
    logging.getLogger("publishing.incremental").setLevel(logging.INFO)
    built: dict[str, Any] = {}
    signals.finalized.connect(lambda site: built.update(site.settings), weak=False)
    if one_shot:
        signals.initialized.connect(_until_exit)
    try:
        pelican.main(args)
    except SystemExit as stop:
        if stop.code:
            return int(stop.code) if isinstance(stop.code, int) else 1
    if strict and counter.count:
        print(f"strict: {counter.count} warning(s) or error(s) above; a production build "
              "must be clean.", file=sys.stderr)
        return 1
    if search and built:
        return index_for_search(built, settings_name(args))
    return 0


def _until_exit(_pelican: Any) -> None:
    # Pelican has put the plugins on the path by now (and sends this once per build).
    from candor_common import collector  # noqa: PLC0415

    collector.until_exit()


def settings_name(args: list[str]) -> str:
    """The settings file Pelican was given (``-s``), to name it in messages."""
    for option in ("-s", "--settings"):
        if option in args[:-1]:
            return args[args.index(option) + 1]
    return "the settings"


def index_for_search(settings: dict[str, Any], source: str = "the settings") -> int:
    """Index the site the build wrote (``settings``: the build's, from ``source``);
    return the exit status."""
    try:
        indexed = index_site(Path(settings["OUTPUT_PATH"]), settings["DEFAULT_LANG"],
                             Path(settings["CACHE_PATH"]),
                             lambda command: subprocess.run(command, check=True),  # noqa: S603 - Pagefind, no shell
                             part_pages=part_pages(settings, source))
    except SearchSettingError as error:
        print(error, file=sys.stderr)
        return 1
    except subprocess.CalledProcessError as failed:
        print(f"search: Pagefind stopped with exit status {failed.returncode}; the site has "
              "no search index. Run the build again; if it fails again, report the lines "
              "above.", file=sys.stderr)
        return 1
    if indexed.message():
        print(indexed.message())
    return 0


def leave(status: int) -> None:
    """Exit with ``status`` once the output is flushed, without freeing the build's objects.

    Everything is on disk by now (Pelican's ``finalized`` receivers saved the caches
    and the rebuild records; the search index's runs are over): the interpreter's
    teardown would only free, one by one, the objects the build made (0.2 s at
    1,000 posts, ~1.4 s at 100,000 questions). ``os._exit`` skips it, and with it
    the ``atexit`` handlers, so the log and both streams are flushed first. Under
    a profiler or a tracer (``python -m cProfile``, coverage), which write what they
    gathered as the interpreter ends, it exits the usual way.
    """
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            status = status or 1  # a stream that cannot be written: the run did not end well
    if sys.getprofile() is not None or sys.gettrace() is not None:
        sys.exit(status)
    os._exit(status)


if __name__ == "__main__":
    leave(main(sys.argv[1:], one_shot=True))
