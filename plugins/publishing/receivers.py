"""Signal receivers of the publishing plugin."""

from __future__ import annotations

import logging
from typing import Any

from candor_common.errors import BuildAborted
from candor_common.report import stop_on_problems
from candor_common.settings import apply_defaults
from publishing.clock import build_now

logger = logging.getLogger(__name__)

DEFAULTS: dict[str, Any] = {
    # True only for the local preview: drafts and embargoed posts are written
    # under drafts/ with a banner. False (production) never writes them.
    "PUBLISHING_PREVIEW": False,
    # None: judge embargoes against the real clock. An ISO date-time: against that moment.
    "PUBLISHING_NOW": None,
}

# Pelican writes drafts to these; production empties them so nothing is written.
DRAFT_OUTPUTS = ("DRAFT_SAVE_AS", "DRAFT_LANG_SAVE_AS",
                 "DRAFT_PAGE_SAVE_AS", "DRAFT_PAGE_LANG_SAVE_AS")

def check_settings(pelican: Any) -> None:
    """Merge PUBLISHING_* defaults, fix "now", and close the draft outputs in production."""
    settings = pelican.settings
    with stop_on_problems(logger, "publishing"):
        apply_defaults(settings, "PUBLISHING_", DEFAULTS)
        settings["CANDOR_BUILD_TIME"] = build_now(settings["PUBLISHING_NOW"],
                                                      settings.get("TIMEZONE", "UTC"))
    # Candor judges embargoes itself, against PUBLISHING_NOW.
    settings["WITH_FUTURE_DATES"] = True
    if not settings["PUBLISHING_PREVIEW"]:
        for key in DRAFT_OUTPUTS:
            settings[key] = ""


def apply_embargo(content: Any) -> None:
    """Hold back a post dated after the build time: it becomes a draft, marked embargoed."""
    content.embargoed_until = None
    build_time = content.settings.get("CANDOR_BUILD_TIME")
    date = getattr(content, "date", None)
    if build_time is None or date is None or date <= build_time:
        return
    content.embargoed_until = date
    content.status = "draft"


def stop_on_failed_sources(generators: list[Any]) -> None:
    """Abort before anything is written if any content file could not be read.

    Pelican logs such files and carries on without them; Candor refuses to
    publish a site with a post silently missing.
    """
    if not generators:
        return
    generated = generators[0].context.get("generated_content", {})
    failed = sorted(path for path, content in generated.items() if content is None)
    if not failed:
        return
    for path in failed:
        logger.error("publishing: %s was not published because of the errors above", path)
    message = f"{len(failed)} content file(s) have errors; nothing was written."
    logger.error("publishing: %s", message)
    raise BuildAborted(message)
