"""Theme strings in the page's language (Babel catalogs) and locale-aware dates."""

from __future__ import annotations

from pelican import signals

from theme_i18n.receivers import check_settings, install_i18n


def register() -> None:
    """Connect the theme_i18n receivers to Pelican's signals."""
    signals.initialized.connect(check_settings)
    signals.generator_init.connect(install_i18n)
