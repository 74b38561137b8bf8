"""Signal receivers of the feeds plugin."""

from __future__ import annotations

import logging
import os
from typing import Any

from pelican.generators import ArticlesGenerator

from candor_common.report import stop_on_problems
from candor_common.settings import apply_defaults
from feeds.catalog import feeds_of_scope
from feeds.config import DEFAULTS, pelican_feeds_left_on, read_config
from feeds.generator import FeedsGenerator

logger = logging.getLogger(__name__)


def check_settings(pelican: Any) -> None:
    """Merge the FEEDS_* defaults, stop on a bad one, and warn if Pelican's own feeds are on."""
    with stop_on_problems(logger, "feeds"):
        apply_defaults(pelican.settings, "FEEDS_", DEFAULTS)
        read_config(pelican.settings)
    for key in pelican_feeds_left_on(pelican.settings):
        logger.warning(
            "feeds: Pelican's own feed %s is on; Candor writes feeds itself; set it to None",
            key,
        )


def add_generator(pelican: Any) -> type[FeedsGenerator]:
    """Hand Pelican the generator that writes the feeds."""
    del pelican
    return FeedsGenerator


def publish_catalog(generators: list[Any]) -> None:
    """Plan the feeds from the final posts and publish ``FEEDS_CATALOG`` for templates."""
    articles = [g for g in generators if isinstance(g, ArticlesGenerator)]
    for feeds in (g for g in generators if isinstance(g, FeedsGenerator)):
        originals = [a for g in articles for a in g.articles]
        translations = [a for g in articles for a in g.translations]
        feeds.plan(originals, translations)


def add_template_globals(generator: Any) -> None:
    """Give every template ``feeds_of_scope`` (the feeds of one tag, kind, author...)."""
    env = getattr(generator, "env", None)
    if env is not None:
        env.globals["feeds_of_scope"] = feeds_of_scope


def warn_missing_stylesheet(pelican: Any) -> None:
    """Warn if the feeds link an XSLT stylesheet that the build did not write."""
    stylesheet = pelican.settings.get("FEEDS_STYLESHEET")
    if not stylesheet:
        return
    if not os.path.isfile(os.path.join(pelican.output_path, stylesheet.lstrip("/"))):
        logger.warning(
            "feeds: FEEDS_STYLESHEET %s was not written to the output, so feeds link a "
            "missing file; add it to the theme's static files or set FEEDS_STYLESHEET = None",
            stylesheet,
        )
