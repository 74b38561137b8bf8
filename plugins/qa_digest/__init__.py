"""Q&A digest: reader questions and executives' answers, from content/qa/ to the site."""

from __future__ import annotations

from pelican import signals

from qa_digest.receivers import add_generator, add_template_globals, check_settings


def register() -> None:
    """Connect the qa_digest receivers to Pelican's signals."""
    signals.initialized.connect(check_settings)
    signals.get_generators.connect(add_generator)
    signals.generator_init.connect(add_template_globals)
