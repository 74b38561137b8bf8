"""Signal receivers of the roster plugin."""

from __future__ import annotations

import logging
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from candor_common.paths import display_path
from candor_common.report import stop_on_problems
from candor_common.settings import apply_defaults
from roster.load import load_roster
from roster.model import Roster

logger = logging.getLogger(__name__)

DEFAULTS: dict[str, Any] = {
    # Path of the roster, relative to PATH (the content folder).
    "ROSTER_PATH": "authors.yml",
}


def check_settings(pelican: Any) -> None:
    """Merge ROSTER_* defaults and load the roster once, failing early on problems."""
    with stop_on_problems(logger, "roster"):
        apply_defaults(pelican.settings, "ROSTER_", DEFAULTS)
        roster_for(pelican.settings)


def roster_for(settings: Any) -> Roster:
    """Return the roster named by ``settings`` (cached while the file is unchanged)."""
    content = Path(settings["PATH"])
    path = content / settings.get("ROSTER_PATH", DEFAULTS["ROSTER_PATH"])
    try:
        stat = os.stat(path)
    except OSError:  # no roster: load_roster says so
        key = None
    else:
        key = (stat.st_mtime_ns, stat.st_size)
    return _cached(str(path), str(content), display_path(path), key)


@lru_cache(maxsize=8)
def _cached(path: str, content: str, display: str, _key: object) -> Roster:
    return load_roster(Path(path), Path(content), display)



def add_roster_to_context(generator: Any) -> None:
    """Give every template the roster as ``roster`` (slug → executive)."""
    generator.context["roster"] = roster_for(generator.settings).people
