"""Publishing rules: embargo, drafts never in production, and no silently dropped files."""

from __future__ import annotations

from pelican import signals

from publishing.build_report import write_build_report
from publishing.cards import add_post_card, drop_post_card
from publishing.collisions import stop_on_collisions
from publishing.incremental import open_rebuild_state, save_rebuild_state
from publishing.parallel import split_posts
from publishing.receivers import (
    apply_publishing_rules,
    check_settings,
    stop_on_failed_sources,
)
from publishing.samefiles import keep_sitemap_date, keep_static_dates
from publishing.sitemap_dates import pin_sitemap_date
from publishing.speedups import freeze_urls, thaw_urls
from publishing.speedups import install as install_speedups
from publishing.templates import use_template_cache
from publishing.writer import candor_writer


def register() -> None:
    """Connect the publishing receivers to Pelican's signals."""
    install_speedups()
    signals.initialized.connect(thaw_urls)
    signals.initialized.connect(check_settings)
    signals.initialized.connect(open_rebuild_state)
    signals.initialized.connect(use_template_cache)
    signals.content_object_init.connect(apply_publishing_rules)
    signals.generator_init.connect(add_post_card)
    signals.article_writer_finalized.connect(drop_post_card)
    signals.all_generators_finalized.connect(stop_on_failed_sources)
    signals.all_generators_finalized.connect(stop_on_collisions)
    signals.all_generators_finalized.connect(pin_sitemap_date)
    signals.all_generators_finalized.connect(keep_sitemap_date)
    signals.all_generators_finalized.connect(keep_static_dates)
    signals.all_generators_finalized.connect(write_build_report)
    signals.all_generators_finalized.connect(split_posts)
    signals.get_writer.connect(candor_writer)
    signals.get_writer.connect(freeze_urls)  # after every context is final
    signals.finalized.connect(save_rebuild_state)
    signals.finalized.connect(thaw_urls)
