"""The Pelican generator that plans the feeds and writes them."""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, nullcontext
from typing import Any

from pelican.generators import Generator

from candor_common import rebuild
from candor_common.output import write_output
from candor_common.report import stop_on_problems
from feeds.catalog import build_catalog, scope_names
from feeds.config import read_config
from feeds.entries import EntryData, entry_data
from feeds.plan import FeedPlan, plan_feeds
from feeds.render import KeptEntries, render_feed

logger = logging.getLogger(__name__)


class FeedsGenerator(Generator):
    """Publish ``FEEDS_CATALOG`` once the posts are known, then write every feed.

    Pelican builds contexts in generator order; :meth:`plan` runs at
    ``all_generators_finalized`` (see :mod:`feeds.receivers`), when every post
    is final and before any template is rendered.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.config = read_config(self.settings)
        self.plans: list[FeedPlan] = []

    def plan(self, originals: Sequence[Any], translations: Sequence[Any]) -> None:
        """Decide the feeds from the posts and put their catalog in the shared context."""
        self.plans = plan_feeds(originals, translations, self.config)
        self.context["FEEDS_CATALOG"] = build_catalog(self.plans, self.config.formats)
        # What every page's <head> links: the catalog changes with every new tag or
        # author, these only with a new language (the incremental rebuild re-renders
        # the pages that read what changed).
        self.context["FEEDS_SITE"] = tuple(self.context["FEEDS_CATALOG"].site)
        # And a tag, kind or author page reads its own scope's (feeds_of_scope).
        self.context.update(scope_names(self.context["FEEDS_CATALOG"]))
        logger.debug("feeds: planned %s feeds", len(self.plans))

    def generate_output(self, writer: Any) -> None:
        """Write every planned feed in every format (``writer`` is not needed).

        With a rebuild state, a feed whose plan, entries and settings are those
        the last build wrote it from is left as it is.
        """
        del writer
        state = rebuild.state_for(self.output_path)
        with stop_on_problems(logger, "feeds"), \
                _site_relative_links(self.context, self.config.site_url):
            entries: dict[int, tuple[EntryData, Any]] = {}
            kept = KeptEntries()  # each entry's XML made once, for every feed that shows it
            for plan in self.plans:
                for fmt in self.config.formats:
                    name, key = f"feed:{plan.path(fmt)}", None
                    if state is not None:
                        # An entry is made from its post (what it reads of it, and its
                        # body), the shared context and the settings.
                        key = state.key(self.context, plan, fmt, self.config,
                                        [state.body_digest(a) for a in plan.articles])
                        if state.reusable(name, key):
                            continue
                    with (rebuild.tracking() if state is not None
                          else nullcontext()) as reads:
                        shown = [self._entry(entries, article) for article in plan.articles]
                        target = self._write(plan.path(fmt),
                                             render_feed(plan, fmt, shown, self.config, kept))
                    if state is not None:
                        state.remember(name, key, reads, [str(target)])

    def _entry(self, entries: dict[int, tuple[EntryData, Any]], article: Any) -> EntryData:
        """Return the entry of ``article``, computed once per build (what computing it read
        counts for every feed that carries it)."""
        kept = entries.get(id(article))
        if kept is not None:
            rebuild.note_reads(kept[1])
            return kept[0]
        with rebuild.part() as reads:
            entry = entry_data(article, self.config)
        entries[id(article)] = (entry, reads)
        return entry

    def _write(self, relative_path: str, data: bytes) -> Any:
        target = write_output(self.output_path, relative_path, data)
        logger.info("feeds: wrote %s", target)
        return target


@contextmanager
def _site_relative_links(context: dict[str, Any], site_url: str) -> Iterator[None]:
    """Make posts render their internal links against the absolute site URL.

    Pelican points ``localsiteurl`` at the last page written (with
    RELATIVE_URLS); feeds need links that work from anywhere.
    """
    saved = context.get("localsiteurl")
    context["localsiteurl"] = site_url
    try:
        yield
    finally:
        context["localsiteurl"] = saved
