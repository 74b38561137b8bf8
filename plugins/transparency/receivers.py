"""Signal receivers of the transparency plugin."""

from __future__ import annotations

import logging
from typing import Any

from candor_common.report import stop_on_problems
from candor_common.settings import apply_defaults, require_type
from transparency.generator import CorrectionsGenerator

logger = logging.getLogger(__name__)

DEFAULTS: dict[str, Any] = {
    # The page listing every correction on the site, newest first.
    "TRANSPARENCY_CORRECTIONS_URL": "corrections/",
    # The corrections feed, without ".atom.xml" / ".rss.xml", under FEEDS_PATH.
    "TRANSPARENCY_CORRECTIONS_FEED": "corrections",
}


def check_settings(pelican: Any) -> None:
    """Merge TRANSPARENCY_* defaults and check their types."""
    with stop_on_problems(logger, "transparency"):
        apply_defaults(pelican.settings, "TRANSPARENCY_", DEFAULTS)
        for key in DEFAULTS:
            require_type(pelican.settings, key, str, "text")


def add_generator(pelican: Any) -> type[CorrectionsGenerator]:
    """Add the corrections generator."""
    return CorrectionsGenerator
