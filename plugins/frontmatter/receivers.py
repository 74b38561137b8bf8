"""Signal receivers of the frontmatter plugin."""

from __future__ import annotations

import logging
from typing import Any

from candor_common.report import stop_on_problems
from candor_common.settings import apply_defaults, require_type
from frontmatter.mdcache import save_open_caches, start_build
from frontmatter.reader import CandorMarkdownReader, MarkdownOnlyReader

logger = logging.getLogger(__name__)

DEFAULTS: dict[str, Any] = {
    # Kinds of post: the value of `Kind:` → the category's display name.
    "FRONTMATTER_KINDS": {"news": "News", "reflection": "Reflections"},
    # Languages a post may declare with `Lang:` (the first is usually DEFAULT_LANG).
    "FRONTMATTER_LANGUAGES": ("en", "es"),
    # Extra front-matter keys other plugins or the site accept (lowercase).
    "FRONTMATTER_EXTRA_FIELDS": (),
    # Reuse the HTML of posts whose text did not change since the last build
    # (CACHE_PATH/candor-markdown.json). The front matter is checked every time.
    "FRONTMATTER_MARKDOWN_CACHE": False,
    # Processes converting Markdown at the start of a build; None: one per core, 1: no fork.
    "FRONTMATTER_MARKDOWN_WORKERS": None,
}

MARKDOWN_EXTENSIONS = ("md", "markdown", "mkd", "mdown")
REFUSED_EXTENSIONS = ("rst", "html", "htm")


def check_settings(pelican: Any) -> None:
    """Merge FRONTMATTER_* defaults and check their types."""
    settings = pelican.settings
    with stop_on_problems(logger, "frontmatter"):
        apply_defaults(settings, "FRONTMATTER_", DEFAULTS)
        require_type(settings, "FRONTMATTER_KINDS", dict, "a dict such as {'news': 'News'}")
        require_type(settings, "FRONTMATTER_LANGUAGES", (list, tuple),
                     "a list of language codes such as ['en', 'es']")
        require_type(settings, "FRONTMATTER_EXTRA_FIELDS", (list, tuple),
                     "a list of lowercase field names")
        require_type(settings, "FRONTMATTER_MARKDOWN_CACHE", bool, "True or False")
        require_type(settings, "FRONTMATTER_MARKDOWN_WORKERS", (int, type(None)),
                     "a whole number such as 2, or None for one per core")
    start_build()


def save_markdown_cache(pelican: Any) -> None:
    """Write the Markdown cache once the build has finished without errors."""
    del pelican
    save_open_caches()


def list_kinds(generator: Any) -> None:
    """Put the kinds that have a post in the shared context, as the navigation shows them.

    ``FRONTMATTER_KINDS_LISTED``: (slug, name, URL) of each, in Pelican's order of
    ``categories``. Every page's navigation reads this rather than ``categories``,
    which holds the posts of each kind and so changes with every post added: the
    incremental rebuild then re-renders only the pages that show the new post.
    """
    generator.context["FRONTMATTER_KINDS_LISTED"] = tuple(
        (kind.slug, kind.name, kind.url) for kind, _posts in generator.context["categories"])


def use_candor_reader(readers: Any) -> None:
    """Read Markdown with the validating reader; refuse other source formats."""
    for extension in MARKDOWN_EXTENSIONS:
        readers.reader_classes[extension] = CandorMarkdownReader
    for extension in REFUSED_EXTENSIONS:
        readers.reader_classes[extension] = MarkdownOnlyReader
