"""Run Pelican with labelled log lines, and optionally fail on any warning.

    python -m candor_tools.run_pelican [--strict] <pelican arguments>

Pelican's own ``--fatal warnings`` stops at the first message with a traceback,
hiding the rest. ``--strict`` lets the build report every problem, then exits
with status 1 if any warning or error was logged.
"""

from __future__ import annotations

import logging
import sys

import pelican


class Counter(logging.Handler):
    """Count the records at WARNING or above."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        """Count one record."""
        self.count += 1


def main(argv: list[str]) -> int:
    """Run Pelican with ``argv``; return the exit status."""
    strict = "--strict" in argv
    args = [a for a in argv if a != "--strict"]
    console = logging.StreamHandler(sys.stderr)
    console.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    counter = Counter()
    # Pelican's logging.basicConfig() keeps handlers that are already there.
    logging.basicConfig(level=logging.WARNING, handlers=[console, counter], force=True)
    # What an incremental build rendered, and why: one or two lines after each build.
    logging.getLogger("publishing.incremental").setLevel(logging.INFO)
    try:
        pelican.main(args)
    except SystemExit as stop:
        if stop.code:
            return int(stop.code) if isinstance(stop.code, int) else 1
    if strict and counter.count:
        print(f"strict: {counter.count} warning(s) or error(s) above; a production build "
              "must be clean.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
