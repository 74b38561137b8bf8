"""Signal receivers of the post_extras plugin."""

from __future__ import annotations

import logging
from typing import Any

from pelican.generators import ArticlesGenerator

from candor_common.report import stop_on_problems
from candor_common.settings import apply_defaults, require_type
from post_extras.compute import minutes_for, neighbours, related
from post_extras.wordcache import counts_for

logger = logging.getLogger(__name__)

DEFAULTS: dict[str, Any] = {
    # Reading speed used for "N min read".
    "POST_EXTRAS_WORDS_PER_MINUTE": 230,
    # How many related posts (by shared tags) an article page shows.
    "POST_EXTRAS_RELATED_MAX": 3,
    # Keep each post's word count in CACHE_PATH/candor-words.json across builds.
    "POST_EXTRAS_CACHE": False,
}


def check_settings(pelican: Any) -> None:
    """Merge POST_EXTRAS_* defaults and check their types."""
    settings = pelican.settings
    with stop_on_problems(logger, "post_extras"):
        apply_defaults(settings, "POST_EXTRAS_", DEFAULTS)
        require_type(settings, "POST_EXTRAS_WORDS_PER_MINUTE", int, "a whole number such as 230")
        require_type(settings, "POST_EXTRAS_RELATED_MAX", int, "a whole number such as 3")
        require_type(settings, "POST_EXTRAS_CACHE", bool, "True or False")


def add_post_extras(generators: list[Any]) -> None:
    """Attach reading_time, prev_post, next_post and related_posts to every post.

    It runs once every context is built: reading a post's content earlier would
    resolve its {filename} links before the pages they point to are known.
    """
    for generator in generators:
        if isinstance(generator, ArticlesGenerator):
            _add_to(generator)


def _add_to(generator: ArticlesGenerator) -> None:
    settings = generator.settings
    published = list(generator.articles) + list(generator.translations)
    unlisted = (list(generator.drafts) + list(generator.drafts_translations)
                + list(generator.hidden_articles) + list(generator.hidden_translations))
    around = neighbours(published)
    alike = related(published, settings["POST_EXTRAS_RELATED_MAX"])
    counts = counts_for(settings)
    for post in published + unlisted:
        # The body as read (``_content``), not ``content``, which Pelican makes by
        # resolving every {filename} link of it: links change attributes only, never
        # the words shown, and only the pages rendered again need them resolved.
        body = str(getattr(post, "_content", None) or "")
        post.reading_time = minutes_for(counts.count(body),
                                        settings["POST_EXTRAS_WORDS_PER_MINUTE"])
        post.prev_post, post.next_post = around.get(id(post), (None, None))
        post.related_posts = alike.get(id(post), [])
    counts.save()
