"""Full-content Atom and RSS feeds for every scope, written with feedgen."""

from __future__ import annotations

from pelican import signals

from feeds.receivers import (
    add_generator,
    add_template_globals,
    check_settings,
    publish_catalog,
    warn_missing_stylesheet,
)


def register() -> None:
    """Connect the feeds receivers to Pelican's signals."""
    signals.initialized.connect(check_settings)
    signals.get_generators.connect(add_generator)
    signals.generator_init.connect(add_template_globals)
    signals.all_generators_finalized.connect(publish_catalog)
    signals.finalized.connect(warn_missing_stylesheet)
