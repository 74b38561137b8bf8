"""Signal receivers of the qa_periodic plugin."""

from __future__ import annotations

import logging
from typing import Any

from candor_common.errors import ConfigError
from candor_common.report import stop_on_problems
from candor_common.settings import apply_defaults, require_count, require_type
from qa_periodic.generator import QAPeriodicGenerator
from qa_periodic.periods import UNITS

logger = logging.getLogger(__name__)

DEFAULTS: dict[str, Any] = {
    # How long one digest covers: "week" (ISO weeks, Monday to Sunday) or "month",
    # in the site's TIMEZONE.
    "QA_PERIODIC_PERIOD": "week",
    # Where the archive lives; each digest is below it (qa/digests/2026-w10/).
    "QA_PERIODIC_URL": "qa/digests/",
    # The digest feed, without ".atom.xml" / ".rss.xml", under FEEDS_PATH.
    "QA_PERIODIC_FEED": "qa/digests",
    # Entries listed per section of a digest; the rest are counted ("and 12 more").
    "QA_PERIODIC_LIMIT": 25,
    # How many of the period's most voted comments a digest shows.
    "QA_PERIODIC_TOP_COMMENTS": 5,
    # Write the e-mail-ready HTML of each digest (<digest>/email.htm).
    "QA_PERIODIC_EMAIL": True,
    # The digest lock, relative to PATH: the record of every published period
    # (`invoke freeze-digests` writes it; commit it).
    "QA_PERIODIC_LOCK": "qa/digests.lock.json",
    # Add the closed periods not yet in the lock to it during this build. Only
    # `invoke freeze-digests` sets it (a build never writes to content/ otherwise).
    "QA_PERIODIC_FREEZE": False,
}


def check_settings(pelican: Any) -> None:
    """Merge QA_PERIODIC_* defaults and check their values."""
    settings = pelican.settings
    with stop_on_problems(logger, "qa_periodic"):
        apply_defaults(settings, "QA_PERIODIC_", DEFAULTS)
        for key in ("QA_PERIODIC_PERIOD", "QA_PERIODIC_URL", "QA_PERIODIC_FEED",
                    "QA_PERIODIC_LOCK"):
            require_type(settings, key, str, "text")
        if settings["QA_PERIODIC_PERIOD"] not in UNITS:
            msg = (f"pelicanconf: QA_PERIODIC_PERIOD: expected 'week' or 'month', got "
                   f"{settings['QA_PERIODIC_PERIOD']!r}. Set QA_PERIODIC_PERIOD = 'week'.")
            raise ConfigError(msg)
        for key in ("QA_PERIODIC_LIMIT", "QA_PERIODIC_TOP_COMMENTS"):
            require_count(settings, key, DEFAULTS[key])
        for key in ("QA_PERIODIC_EMAIL", "QA_PERIODIC_FREEZE"):
            require_type(settings, key, bool, "True or False")
        if not settings["QA_PERIODIC_URL"].strip("/"):
            msg = ("pelicanconf: QA_PERIODIC_URL: must name a folder, got "
                   f"{settings['QA_PERIODIC_URL']!r}. Set it to e.g. 'qa/digests/'.")
            raise ConfigError(msg)


def add_generator(pelican: Any) -> type[QAPeriodicGenerator]:
    """Add the periodic digests' generator to Pelican's list."""
    del pelican
    return QAPeriodicGenerator


def prepare_digests(generators: list[Any]) -> None:
    """Compute the digests once every context (the Q&A digest included) is built."""
    for generator in generators:
        if isinstance(generator, QAPeriodicGenerator):
            generator.prepare()
