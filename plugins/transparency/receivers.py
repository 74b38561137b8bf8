"""Signal receivers of the transparency plugin."""

from __future__ import annotations

import logging
from typing import Any

from candor_common.report import stop_on_problems
from candor_common.settings import apply_defaults, require_type
from transparency.generator import (
    CommitmentsGenerator,
    CorrectionsGenerator,
    HistoryGenerator,
)

logger = logging.getLogger(__name__)

DEFAULTS: dict[str, Any] = {
    # The page listing every correction on the site, newest first.
    "TRANSPARENCY_CORRECTIONS_URL": "corrections/",
    # The corrections feed, without ".atom.xml" / ".rss.xml", under FEEDS_PATH.
    "TRANSPARENCY_CORRECTIONS_FEED": "corrections",
    # Public edit history of each post, from git log: on/off, and where it is written.
    "TRANSPARENCY_HISTORY": True,
    "TRANSPARENCY_HISTORY_URL": "{url}history/",
    # The repository's web address, for links to each change's diff (None: no links).
    "TRANSPARENCY_REPO_URL": None,
    # Commitments: the data file (under content/) and the page listing them.
    "TRANSPARENCY_COMMITMENTS_PATH": "commitments.yml",
    "TRANSPARENCY_COMMITMENTS_URL": "commitments/",
}


def check_settings(pelican: Any) -> None:
    """Merge TRANSPARENCY_* defaults and check their types."""
    with stop_on_problems(logger, "transparency"):
        apply_defaults(pelican.settings, "TRANSPARENCY_", DEFAULTS)
        for key in ("TRANSPARENCY_CORRECTIONS_URL", "TRANSPARENCY_CORRECTIONS_FEED",
                    "TRANSPARENCY_HISTORY_URL", "TRANSPARENCY_COMMITMENTS_PATH",
                    "TRANSPARENCY_COMMITMENTS_URL"):
            require_type(pelican.settings, key, str, "text")
        require_type(pelican.settings, "TRANSPARENCY_HISTORY", bool, "True or False")
        require_type(pelican.settings, "TRANSPARENCY_REPO_URL", (str, type(None)),
                     "the repository's address, e.g. 'https://github.com/org/site', or None")


def add_generator(pelican: Any) -> list[type[Any]]:
    """Add the corrections and history generators."""
    return [CorrectionsGenerator, HistoryGenerator, CommitmentsGenerator]
