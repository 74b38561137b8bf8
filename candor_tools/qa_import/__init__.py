"""Import questions and comments from other systems into Candor's Q&A files.

Formats: Disqus XML, WordPress WXR, Isso (SQLite or generic JSON), Remark42 backups,
Staticman files, GitHub Discussions (GraphQL JSON), Mastodon contexts and CSV. Each
parser (``formats/``) turns its export into common records (``records.py``); the records
are sorted into questions, answers and skipped ones (``classify.py``), merged into the
Q&A files without touching what people decided in Candor (``plan.py``, ``merge.py``),
written all or nothing (``write.py``) and counted (``report.py``).

Entry points: ``run_import(ImportConfig(...))``, ``python -m candor_tools.qa_import`` and
``invoke qa-import``.
"""

from __future__ import annotations

import sys
from pathlib import Path

# The importer shares the plugins' code (candor_common, qa_digest, roster), as
# pelicanconf.py does: their folder must be importable.
_PLUGINS = str(Path(__file__).resolve().parents[2] / "plugins")
if _PLUGINS not in sys.path:
    sys.path.insert(0, _PLUGINS)

from candor_tools.qa_import.importer import ImportConfig, run_import  # noqa: E402

__all__ = ["ImportConfig", "run_import"]
