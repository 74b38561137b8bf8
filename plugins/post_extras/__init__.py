"""Per-post extras for the theme: reading time, related posts, previous and next."""

from __future__ import annotations

from pelican import signals

from post_extras.receivers import add_post_extras, check_settings


def register() -> None:
    """Connect the post_extras receivers to Pelican's signals."""
    signals.initialized.connect(check_settings)
    signals.all_generators_finalized.connect(add_post_extras)
