"""Run the live preview: python -m candor_tools.preview [--settings FILE] [--port N].

`invoke serve` runs the same server and also indexes each build for search.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from candor_tools.preview.app import run


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments and run the preview until Ctrl-C."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--settings", type=Path, default=Path("pelicanconf.py"))
    parser.add_argument("--output", type=Path, help="instead of the settings' OUTPUT_PATH")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    run(args.settings, output=args.output, host=args.host, port=args.port)
    return 0


if __name__ == "__main__":
    sys.exit(main())
