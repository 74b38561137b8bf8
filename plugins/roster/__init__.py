"""Authors roster: load content/authors.yml and expose it to templates as ``roster``."""

from __future__ import annotations

from pelican import signals

from roster.receivers import add_roster_to_context, check_settings


def register() -> None:
    """Connect the roster's receivers to Pelican's signals."""
    signals.initialized.connect(check_settings)
    signals.generator_init.connect(add_roster_to_context)
