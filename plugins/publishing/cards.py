"""Render each post's card once for every list that shows it.

A post is shown as a card (``partials/article_card.html``) on the home page,
its kind's, author's and tags' pages, and among the related posts of other
posts: 1,000 posts make about 9,000 cards. The template global ``post_card``
renders a card as ``{% include %}`` would, once per distinct input (the card's
post, its heading and class, and every other context value the card reads:
``candor_common.sharing``), and gives the same HTML to every page that shows
it. The theme calls it where it would include the card, and includes the card
when the global is absent. The cards are kept while the posts' pages are
written (``add_post_card`` at ``generator_init``, ``drop_post_card`` at
``article_writer_finalized``).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup
from pelican.generators import ArticlesGenerator

from candor_common import rebuild, sharing

CARD = "partials/article_card.html"


def add_post_card(generator: Any) -> None:
    """Give the posts' generator's Jinja environment ``post_card`` (the generator_init
    signal): its templates are the ones that list posts."""
    if isinstance(generator, ArticlesGenerator):
        generator.env.globals["post_card"] = post_card(generator.env)


def drop_post_card(generator: Any, writer: Any = None) -> None:
    """Forget the build's cards once its post pages are written (the article_writer_finalized
    signal): a process that keeps the generators (the preview's) renders later pages
    with ``{% include %}``, from the posts as they are then."""
    del writer
    generator.env.globals.pop("post_card", None)


def post_card(env: Any) -> Callable[..., Markup]:
    """Return ``post_card(article, **card_vars)``: the card of ``article`` with the
    including block's ``card_vars`` (``card_heading``, ``card_class``), rendered once
    per distinct input for one build."""

    @cache
    def names() -> tuple[str, ...] | None:
        """The context names the card reads, looked up on first use (None: unknown)."""
        found = sharing.names_read(env, CARD)
        return None if found is None else tuple(sorted(found))

    # key -> the card's HTML, what rendering it read, and the values the key is made of
    # (kept alive, so that the ids in the key stay theirs)
    rendered: dict[tuple[Any, ...], tuple[Markup, Any, tuple[Any, ...]]] = {}

    @pass_context
    def card(context: Context, article: Any, **card_vars: Any) -> Markup:
        template = env.get_template(CARD)
        local_vars = {**card_vars, "article": article}
        read = names()
        if read is None:
            return sharing.render_include(template, context, local_vars)
        values = tuple(local_vars[name] if name in local_vars
                       else sharing.unseen(context, name) for name in read)
        key = tuple(sharing.identity(value) for value in values)
        found = rendered.get(key)
        if found is not None:
            rebuild.note_reads(found[1])  # what rendering it read counts for this page too
            return found[0]
        with rebuild.part() as reads:
            html = sharing.render_include(template, context, local_vars)
        rendered[key] = (html, reads, values)
        return html

    return card
