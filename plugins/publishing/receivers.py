"""Signal receivers of the publishing plugin."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from candor_common.errors import BuildAborted, ConfigError
from candor_common.report import stop_on_problems
from candor_common.settings import apply_defaults, require_count, require_type
from publishing.clock import build_now

logger = logging.getLogger(__name__)

DEFAULTS: dict[str, Any] = {
    # True only for the local preview: drafts and embargoed posts are written
    # under drafts/ with a banner. False (production) never writes them.
    "PUBLISHING_PREVIEW": False,
    # None: judge embargoes against the real clock. An ISO date-time: against that moment.
    "PUBLISHING_NOW": None,
    # Who may approve publication: names matched, ignoring case, against `Approved_by:`.
    "PUBLISHING_APPROVERS": (),
    # True in production: a published or hidden post needs an approver from the list.
    "PUBLISHING_REQUIRE_APPROVAL": False,
    # True in production: every post must say who wrote it (`Written_by:`).
    "PUBLISHING_REQUIRE_DISCLOSURE": False,
    # A file path: write what the build held back and what is overdue there, as JSON,
    # for `invoke check`. Never inside the output folder. None: no report.
    "PUBLISHING_BUILD_REPORT": None,
    # True: leave alone every page and feed whose inputs are those the last build
    # made it from (make build). False: render everything (production, CI).
    "PUBLISHING_INCREMENTAL": False,
    # How many processes render the posts' pages. None: one per core from 200 posts
    # (publishing.parallel.SPLIT_FROM_POSTS), one below.
    "PUBLISHING_RENDER_WORKERS": None,
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
        require_type(settings, "PUBLISHING_APPROVERS", (list, tuple),
                     "a list of names, e.g. ['Jordan Blake']")
        for key in ("PUBLISHING_PREVIEW", "PUBLISHING_REQUIRE_APPROVAL",
                    "PUBLISHING_REQUIRE_DISCLOSURE", "PUBLISHING_INCREMENTAL"):
            require_type(settings, key, bool, "True or False")
        if settings["PUBLISHING_RENDER_WORKERS"] is not None:
            require_count(settings, "PUBLISHING_RENDER_WORKERS", 2)
        if settings["PUBLISHING_REQUIRE_APPROVAL"] and not settings["PUBLISHING_APPROVERS"]:
            msg = ("pelicanconf: PUBLISHING_APPROVERS: approval is required but nobody may "
                   "approve. List the approvers, e.g. PUBLISHING_APPROVERS = "
                   "['Jordan Blake'].")
            raise ConfigError(msg)
        _check_report_path(settings)
    # Candor judges embargoes itself, against PUBLISHING_NOW.
    settings["WITH_FUTURE_DATES"] = True
    if not settings["PUBLISHING_PREVIEW"]:
        for key in DRAFT_OUTPUTS:
            settings[key] = ""


def apply_publishing_rules(content: Any) -> None:
    """Decide whether a post may be published: review, approval, embargo, corrections.

    Anything held back becomes a Pelican draft (never written in production) and
    carries the reason (``in_review``, ``unapproved``, ``embargoed_until``) for the
    preview's banner.
    """
    settings = content.settings
    content.in_review = content.status == "review"
    if content.in_review:
        content.status = "draft"
    content.unapproved = (content.status in ("published", "hidden")
                          and not is_approved(content, settings))
    if content.unapproved and settings.get("PUBLISHING_REQUIRE_APPROVAL"):
        content.status = "draft"
    _apply_embargo(content)
    _count_corrections_as_updates(content)


def is_approved(content: Any, settings: Any) -> bool:
    """True when ``Approved_by`` names someone on PUBLISHING_APPROVERS."""
    approvers = {str(a).casefold() for a in settings.get("PUBLISHING_APPROVERS", ())}
    return any(str(name).casefold() in approvers
               for name in getattr(content, "approved_by", ()) or ())


def _apply_embargo(content: Any) -> None:
    content.embargoed_until = None
    build_time = content.settings.get("CANDOR_BUILD_TIME")
    date = getattr(content, "date", None)
    if build_time is None or date is None or date <= build_time:
        return
    content.embargoed_until = date
    content.status = "draft"


def _count_corrections_as_updates(content: Any) -> None:
    """A correction is a material update: the post's `modified` moves to its date."""
    corrections = getattr(content, "corrections", ()) or ()
    if not corrections:
        return
    latest = corrections[-1].date
    modified = getattr(content, "modified", None)
    if modified is None or latest > modified:
        content.modified = latest


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


def _check_report_path(settings: Any) -> None:
    """The build report lists held-back sources: it must never land in the output."""
    report = settings.get("PUBLISHING_BUILD_REPORT")
    if not report:
        return
    output = Path(settings.get("OUTPUT_PATH", "output")).resolve()
    if Path(report).resolve().is_relative_to(output):
        msg = (f"pelicanconf: PUBLISHING_BUILD_REPORT: {report} is inside the output folder, "
               "which is published. Put the report outside it, or set None.")
        raise ConfigError(msg)
