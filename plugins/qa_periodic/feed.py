"""The digest feed (Atom and RSS): one entry per published digest, newest first."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

from feeds.catalog import MIME_TYPES, Feed
from feeds.config import FeedsConfig
from feeds.entries import EntryData, absolute_url
from feeds.plan import FeedPlan
from feeds.render import render_feed
from feeds.tagid import tag_uri
from feeds.xmltext import strip_illegal_xml
from qa_periodic.model import Archive, PeriodDigest
from qa_periodic.periods import day_start


def feed_title(settings: Mapping[str, Any]) -> str:
    """Return the feed's title, e.g. "Tidewater Grid — Q&A digests"."""
    return f"{settings.get('SITENAME', '')} — Q&A digests"


def feed_stem(settings: Mapping[str, Any]) -> str:
    """Return the feed's path from the site root without ".atom.xml"/".rss.xml"."""
    folder = str(settings["FEEDS_PATH"]).strip("/")
    return f"{folder}/{str(settings['QA_PERIODIC_FEED']).strip('/')}"


def feed_records(archive: Archive, settings: Mapping[str, Any]) -> list[Feed]:
    """Return the digest feed in every format, for the Subscribe page (none without digests)."""
    if not archive.digests:
        return []
    return [Feed(scope="qa-digests", key="", title=feed_title(settings),
                 url=f"{feed_stem(settings)}.{fmt}.xml", format=fmt, mime=MIME_TYPES[fmt])
            for fmt in settings["FEEDS_FORMATS"]]


def updated_at(made: PeriodDigest) -> datetime:
    """Return when a digest last changed: its end, or its latest dated correction."""
    dated = [note.date for note in made.corrections if note.date is not None]
    end = made.period.end
    if not dated:
        return end
    return max(end, day_start(max(dated), end.tzinfo or UTC))


def digest_entry(made: PeriodDigest, config: FeedsConfig, title: str, content: str
                 ) -> EntryData:
    """Return the feed entry of one digest; its id depends only on the host and period."""
    return EntryData(
        id=tag_uri(config.host, made.period.start.date(), made.url),
        title=strip_illegal_xml(title), url=absolute_url(config.site_url, made.url),
        published=made.period.end, updated=updated_at(made), authors=(), categories=(),
        summary="", content=strip_illegal_xml(content), lang=config.default_lang)


def write_digest_feed(archive: Archive, settings: Mapping[str, Any], config: FeedsConfig,
                      entry_for: Callable[[PeriodDigest], EntryData],
                      write: Callable[[str, bytes], Any]) -> None:
    """Write the digest feed in every format, capped at FEEDS_MAX_ITEMS."""
    if not archive.digests:
        return
    limit = config.max_items
    shown = archive.digests[:limit] if limit else archive.digests
    plan = FeedPlan(scope="qa-digests", key="", title=feed_title(settings),
                    stem=feed_stem(settings), alternate=archive.url,
                    lang=config.default_lang,
                    first_date=archive.digests[-1].period.start.date(), articles=())
    entries = [entry_for(made) for made in shown]
    for fmt in config.formats:
        write(plan.path(fmt), render_feed(plan, fmt, entries, config))
