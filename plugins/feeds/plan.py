"""Decide which feeds exist and which posts each one carries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from babel import Locale, UnknownLocaleError

from feeds.config import FeedsConfig

TAXONOMY_SCOPES = ("category", "author", "tag")


@dataclass(frozen=True)
class FeedPlan:
    """One feed (in every format): its scope, title, location and posts."""

    scope: str
    key: str
    title: str
    stem: str  # path from the site root without ".{format}.xml"
    alternate: str  # URL path of the HTML page the feed mirrors ("" is the home page)
    lang: str
    first_date: dt.date  # date of the scope's oldest post, for the feed's tag: id
    articles: tuple[Any, ...]  # newest first, capped at FEEDS_MAX_ITEMS

    def path(self, fmt: str) -> str:
        """Return the feed's path from the site root for format ``fmt``."""
        return f"{self.stem}.{fmt}.xml"


def aware(moment: dt.datetime) -> dt.datetime:
    """Return ``moment`` with a time zone (UTC if it had none)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=dt.UTC)
    return moment


def published_posts(*groups: Iterable[Any]) -> list[Any]:
    """Return the published posts of ``groups``, once each, newest first.

    Drafts and hidden posts are dropped here, whatever list they arrive in.
    """
    seen: set[int] = set()
    posts = []
    for article in (a for group in groups for a in group):
        if getattr(article, "status", None) == "published" and id(article) not in seen:
            seen.add(id(article))
            posts.append(article)
    # Newest first, and by URL, last first, among posts of the same moment: the order
    # of sorting by (date, url), with the URL (Pelican formats it on each call, ~0.1
    # ms) worked out only for those ties.
    posts.sort(key=lambda a: aware(a.date), reverse=True)
    ordered = []
    for _moment, same in groupby(posts, key=lambda a: aware(a.date)):
        tied = list(same)
        ordered += sorted(tied, key=lambda a: a.url, reverse=True) if len(tied) > 1 else tied
    return ordered


def language_name(lang: str) -> str:
    """Return the English name of ``lang`` ("es" → "Spanish"), or the code if unknown."""
    try:
        return Locale.parse(lang.replace("-", "_")).get_display_name("en") or lang
    except (ValueError, TypeError, UnknownLocaleError):
        return lang


def plan_feeds(
    originals: Sequence[Any], translations: Sequence[Any], config: FeedsConfig
) -> list[FeedPlan]:
    """Return every feed to write, in catalog order: all, categories, authors, tags, languages.

    The all and language feeds carry translations too; the category, author and
    tag feeds carry the posts Pelican lists on the matching HTML page (no
    translations), so they mirror that page.
    """
    everything = published_posts(originals, translations)
    main_posts = published_posts(originals)
    plans = []
    if "all" in config.scopes and everything:
        plans.append(_plan(config, everything, scope="all", key="", title=config.sitename,
                           alternate="", lang=config.default_lang,
                           stem=f"{config.path}/all"))
    for scope in TAXONOMY_SCOPES:
        if scope in config.scopes:
            plans.extend(_taxonomy_plans(scope, main_posts, config))
    if "lang" in config.scopes:
        plans.extend(_language_plans(everything, config))
    return plans


def _plan(
    config: FeedsConfig, posts: Sequence[Any], *, scope: str, key: str, title: str,
    alternate: str, lang: str, stem: str | None = None,
) -> FeedPlan:
    cap = config.max_items
    return FeedPlan(
        scope=scope,
        key=key,
        title=title,
        stem=stem or f"{config.path}/{scope}/{key}",
        alternate=alternate,
        lang=lang,
        first_date=min(aware(a.date) for a in posts).date(),
        articles=tuple(posts[:cap] if cap else posts),
    )


def _members(article: Any, scope: str) -> list[Any]:
    if scope == "category":
        category = getattr(article, "category", None)
        return [category] if category else []
    if scope == "author":
        return list(getattr(article, "authors", None) or [])
    return list(getattr(article, "tags", None) or [])


def _taxonomy_plans(scope: str, posts: Sequence[Any], config: FeedsConfig) -> list[FeedPlan]:
    groups: dict[str, tuple[Any, list[Any]]] = {}
    for article in posts:
        for wrapper in _members(article, scope):
            groups.setdefault(wrapper.slug, (wrapper, []))[1].append(article)
    ordered = sorted(groups.items(), key=lambda item: (str(item[1][0].name).casefold(), item[0]))
    label = "#{}" if scope == "tag" else "{}"
    return [
        _plan(config, members, scope=scope, key=slug,
              title=f"{config.sitename} — {label.format(wrapper.name)}",
              alternate=wrapper.url, lang=config.default_lang)
        for slug, (wrapper, members) in ordered
    ]


def _language_plans(posts: Sequence[Any], config: FeedsConfig) -> list[FeedPlan]:
    by_lang: dict[str, list[Any]] = {}
    for article in posts:
        by_lang.setdefault(article.lang, []).append(article)
    return [
        _plan(config, members, scope="lang", key=lang,
              title=f"{config.sitename} — {language_name(lang)}", alternate="", lang=lang)
        for lang, members in sorted(by_lang.items())
    ]
