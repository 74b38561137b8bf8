"""Transparency records: the site-wide corrections page and feed."""

from __future__ import annotations

from pelican import signals

from transparency.receivers import add_generator, check_settings


def register() -> None:
    """Connect the transparency receivers to Pelican's signals."""
    signals.initialized.connect(check_settings)
    signals.get_generators.connect(add_generator)
