"""Turn a Pelican article into the clean, absolute data of one feed entry."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from feeds.config import FeedsConfig
from feeds.links import absolutize_links
from feeds.plan import aware
from feeds.tagid import tag_uri
from feeds.xmltext import strip_illegal_xml


@dataclass(frozen=True)
class EntryData:
    """Everything a feed entry says, already XML-safe and with absolute links."""

    id: str
    title: str
    url: str
    published: dt.datetime
    updated: dt.datetime
    authors: tuple[str, ...]
    categories: tuple[str, ...]  # the category (kind) first, then the tags
    summary: str
    content: str
    lang: str


def absolute_url(site_url: str, path: str) -> str:
    """Return ``path`` (relative to the site root) as an absolute URL."""
    return f"{site_url}/{path.lstrip('/')}" if path else f"{site_url}/"


def entry_data(article: Any, config: FeedsConfig) -> EntryData:
    """Return the entry for ``article``: full content, summary, dates, authors, categories."""
    url = absolute_url(config.site_url, article.url)
    published = aware(article.date)
    modified = getattr(article, "modified", None)
    updated = max(published, aware(modified)) if modified else published
    content = article.get_content(config.site_url)
    summary = article.get_summary(config.site_url)
    return EntryData(
        id=tag_uri(config.host, published.date(), article.url),
        title=strip_illegal_xml(str(article.title)),
        url=url,
        published=published,
        updated=updated,
        authors=tuple(
            strip_illegal_xml(str(author.name))
            for author in getattr(article, "authors", None) or []
        ),
        categories=_categories(article),
        summary=absolutize_links(strip_illegal_xml(summary or ""), url),
        content=absolutize_links(strip_illegal_xml(content or ""), url),
        lang=str(getattr(article, "lang", config.default_lang)),
    )


def _categories(article: Any) -> tuple[str, ...]:
    wrappers = []
    category = getattr(article, "category", None)
    if category:
        wrappers.append(category)
    wrappers.extend(getattr(article, "tags", None) or [])
    return tuple(strip_illegal_xml(str(wrapper.name)) for wrapper in wrappers)
