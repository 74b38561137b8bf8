"""Front matter: a documented schema for posts and pages, checked at read time."""

from __future__ import annotations

from pelican import signals

from frontmatter.receivers import (
    check_settings,
    list_kinds,
    save_markdown_cache,
    use_candor_reader,
)


def register() -> None:
    """Connect the frontmatter receivers to Pelican's signals."""
    signals.initialized.connect(check_settings)
    signals.readers_init.connect(use_candor_reader)
    signals.article_generator_finalized.connect(list_kinds)
    signals.finalized.connect(save_markdown_cache)
