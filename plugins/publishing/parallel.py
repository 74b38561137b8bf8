"""Render the posts' pages on every core.

Pelican's ``ArticlesGenerator.generate_output`` renders each post page, the
indexes, archives and the tag, category and author pages one after another.
From ``SPLIT_FROM_POSTS`` posts (or whenever ``PUBLISHING_RENDER_WORKERS`` is
set to 2 or more), ``split_posts`` runs it inside the writer's
``split_rendering`` block: every process makes the same ``write_file`` calls
in the same order, and each renders its share (``CandorWriter``). The pages
are the same bytes either way (``tests/integration/test_fast_paths.py``).
An incremental rebuild whose posts, lists and settings are the last build's
(``POSTS_CONTEXT``: no post added, removed or moved) renders in one process: few
pages change, and every process would check every page.
"""

from __future__ import annotations

import logging
import multiprocessing
from typing import Any

from pelican.generators import ArticlesGenerator

from candor_common import rebuild
from candor_common.processes import cores

logger = logging.getLogger(__name__)

# Below this many posts (with drafts, hidden posts and translations), forking costs
# more than it saves.
SPLIT_FROM_POSTS = 200
# What decides how many of the posts' pages a rebuild renders again: the posts and the
# lists Pelican makes of them, the pages, the roster (and the settings). Only these are
# compared with the last build's: the Q&A digest changes with every answer and shows
# on few post pages, and digesting it costs seconds at 100,000 questions.
POSTS_CONTEXT = ("articles", "drafts", "hidden_articles", "dates", "tags", "categories",
                 "authors", "related_posts", "period_archives", "pages", "roster")


def split_posts(generators: list[Any]) -> None:
    """Make each ArticlesGenerator render its pages in ``render_workers`` processes."""
    for generator in generators:
        if isinstance(generator, ArticlesGenerator):
            workers = render_workers(generator.settings, _posts(generator))
            if workers > 1:
                generator.generate_output = _split(generator, workers)


def render_workers(settings: Any, posts: int) -> int:
    """Return how many processes render the posts' pages (1: this one alone).

    ``PUBLISHING_RENDER_WORKERS`` None: one per core from SPLIT_FROM_POSTS posts.
    """
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    wanted = settings.get("PUBLISHING_RENDER_WORKERS")
    if wanted is not None:
        return int(wanted)
    return 1 if posts < SPLIT_FROM_POSTS else cores()


def _posts(generator: ArticlesGenerator) -> int:
    return sum(len(group) for group in (
        generator.articles, generator.translations, generator.drafts,
        generator.drafts_translations, generator.hidden_articles,
        generator.hidden_translations))


def _split(generator: ArticlesGenerator, workers: int) -> Any:
    generate_output = generator.generate_output

    def generate_output_split(writer: Any) -> None:
        split = getattr(writer, "split_rendering", None)
        state = rebuild.state_for(writer.output_path)
        if split is None or (state is not None
                             and state.known_values(generator.context, POSTS_CONTEXT)):
            # Another plugin's writer; or a rebuild of the last build's posts and lists:
            # few pages to render, and each process would check them all.
            generate_output(writer)
            return
        with split(workers):
            generate_output(writer)
    return generate_output_split
