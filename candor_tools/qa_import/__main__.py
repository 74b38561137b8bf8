"""``python -m candor_tools.qa_import``: see cli.py."""

from __future__ import annotations

import sys

from candor_tools.qa_import.cli import main

sys.exit(main())
