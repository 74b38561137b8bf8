"""Periodic Q&A digests: each closed week (or month) as a page, a feed entry and an e-mail."""

from __future__ import annotations

from pelican import signals

from qa_periodic.receivers import add_generator, check_settings, prepare_digests


def register() -> None:
    """Connect the qa_periodic receivers to Pelican's signals."""
    signals.initialized.connect(check_settings)
    signals.get_generators.connect(add_generator)
    signals.all_generators_finalized.connect(prepare_digests)
