"""Write one feed as Atom or RSS 2.0 bytes with feedgen, plus its XSLT stylesheet link."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Any

from feedgen.entry import FeedEntry
from feedgen.feed import FeedGenerator
from lxml import etree

from feeds.catalog import MIME_TYPES
from feeds.config import FeedsConfig
from feeds.entries import EntryData, absolute_url
from feeds.errors import FeedError
from feeds.plan import FeedPlan
from feeds.tagid import tag_uri
from feeds.xmltext import strip_illegal_xml


class KeptEntries:
    """Feed entries made once and shown in every feed that carries them, for one build.

    A post is in the site's feed, its kind's, its author's, its language's and
    each of its tags' feeds, in both formats: each of its entries is made once
    per format (``KeptEntry``), by value of its ``EntryData``.
    """

    def __init__(self) -> None:
        self._made: dict[tuple[EntryData, str], KeptEntry] = {}

    def add(self, generator: FeedGenerator, entry: EntryData, fmt: str) -> None:
        """Add ``entry`` to ``generator``'s feed in ``fmt``, made the first time only."""
        kept = self._made.get((entry, fmt))
        if kept is not None:
            generator.add_entry(feedEntry=kept, order="append")
            return
        kept = self._made[(entry, fmt)] = KeptEntry()
        _fill_entry(generator.add_entry(feedEntry=kept, order="append"), entry, fmt)


class KeptEntry(FeedEntry):
    """A feedgen entry whose XML element is built once; each feed gets its own copy."""

    def __init__(self) -> None:
        super().__init__()
        self._elements: dict[tuple[str, bool], Any] = {}

    def atom_entry(self, extensions: bool = True) -> Any:
        """Return a copy of the entry's Atom element (built the first time)."""
        return self._element("atom", extensions, super().atom_entry)

    def rss_entry(self, extensions: bool = True) -> Any:
        """Return a copy of the entry's RSS element (built the first time)."""
        return self._element("rss", extensions, super().rss_entry)

    def _element(self, fmt: str, extensions: bool, build: Any) -> Any:
        element = self._elements.get((fmt, extensions))
        if element is None:
            element = self._elements[(fmt, extensions)] = build(extensions)
        return copy.deepcopy(element)


def render_feed(
    plan: FeedPlan, fmt: str, entries: Sequence[EntryData], config: FeedsConfig,
    kept: KeptEntries | None = None,
) -> bytes:
    """Return the bytes of ``plan``'s feed in ``fmt`` ("atom" or "rss").

    The output depends only on the posts and settings (no clock), so two
    builds of the same site give byte-identical feeds. ``kept``: the entries
    already made for other feeds of this build.
    """
    generator = FeedGenerator()
    if fmt == "rss":
        generator.load_extension("dc", atom=False, rss=True)
    _describe_feed(generator, plan, fmt, entries, config)
    for entry in entries:
        if kept is None:
            _fill_entry(generator.add_entry(order="append"), entry, fmt)
        else:
            kept.add(generator, entry, fmt)
    try:
        # What atom_str()/rss_str() serialize: feedgen's own lxml tree.
        root, _document = (generator._create_atom() if fmt == "atom"  # noqa: SLF001
                           else generator._create_rss())  # noqa: SLF001
    except ValueError as exc:
        msg = (f"{plan.path(fmt)}: feed: feedgen rejected it ({exc}). "
               "Check the titles and dates of the posts in this feed")
        raise FeedError(msg) from exc
    return with_stylesheet(root, config.stylesheet_href)


def with_stylesheet(root: Any, href: str | None) -> bytes:
    """Return the feed ``root`` as indented XML, led by an ``xml-stylesheet`` instruction
    if ``href``."""
    if href:
        root.addprevious(etree.PI("xml-stylesheet", f'type="text/xsl" href="{href}"'))
    return etree.tostring(
        root.getroottree(), xml_declaration=True, encoding="UTF-8", pretty_print=True
    )


def _describe_feed(
    generator: FeedGenerator, plan: FeedPlan, fmt: str, entries: Sequence[EntryData],
    config: FeedsConfig,
) -> None:
    path = plan.path(fmt)
    updated = max(entry.updated for entry in entries)
    description = config.subtitle if plan.scope == "all" and config.subtitle else plan.title
    generator.id(tag_uri(config.host, plan.first_date, path))
    generator.title(strip_illegal_xml(plan.title))
    generator.subtitle(strip_illegal_xml(description))
    # RSS takes its channel <link> from the last link added: the HTML page.
    generator.link(href=absolute_url(config.site_url, path), rel="self", type=MIME_TYPES[fmt])
    generator.link(href=absolute_url(config.site_url, plan.alternate), rel="alternate",
                   type="text/html", hreflang=plan.lang)
    generator.language(plan.lang)
    generator.updated(updated)
    generator.lastBuildDate(updated)
    generator.generator("Candor")
    if config.fallback_author and any(not entry.authors for entry in entries):
        generator.author(name=strip_illegal_xml(config.fallback_author))


def _fill_entry(item: FeedEntry, entry: EntryData, fmt: str) -> None:
    item.id(entry.id)
    item.title(entry.title)
    item.link(href=entry.url, rel="alternate", type="text/html")
    item.published(entry.published)
    item.updated(entry.updated)
    for name in entry.authors:
        if fmt == "rss":
            item.dc.dc_creator(name)
        else:
            item.author(name=name)
    for label in entry.categories:
        item.category(term=label)
    item.content(entry.content, type="html")
    if entry.summary:
        item.summary(entry.summary, type="html")
