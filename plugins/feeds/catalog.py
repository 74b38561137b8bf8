"""The feeds catalog templates read from ``FEEDS_CATALOG``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from jinja2 import pass_context

from feeds.plan import FeedPlan

MIME_TYPES = {"atom": "application/atom+xml", "rss": "application/rss+xml"}

# Subscribe-page headings, in page order.
GROUP_HEADINGS = (
    ("all", "Everything"),
    ("category", "By kind"),
    ("author", "By author"),
    ("lang", "By language"),
    ("tag", "By tag"),
)


@dataclass(frozen=True)
class Feed:
    """One feed file as a template links to it."""

    scope: str  # "all", "category", "author", "tag" or "lang"
    key: str  # category/author/tag slug, language code, "" for all
    title: str
    url: str  # path from the site root, e.g. "feeds/all.atom.xml"
    format: str  # "atom" or "rss"
    mime: str


@dataclass(frozen=True)
class FeedsCatalog:
    """Every feed of the site, in a fixed order, with lookups for templates."""

    feeds: tuple[Feed, ...]

    @property
    def site(self) -> list[Feed]:
        """Return the site-wide feeds: everything, then one per language."""
        return [feed for feed in self.feeds if feed.scope in ("all", "lang")]

    @property
    def groups(self) -> list[tuple[str, list[Feed]]]:
        """Return (heading, feeds) pairs for a Subscribe page, skipping empty groups."""
        pairs = []
        for scope, heading in GROUP_HEADINGS:
            members = [feed for feed in self.feeds if feed.scope == scope]
            if members:
                pairs.append((heading, members))
        return pairs

    def for_scope(self, scope: str, key: Any = "") -> list[Feed]:
        """Return the feeds (every format) of one scope and key, or [] if there are none.

        ``key`` is a slug or language code, or a Pelican Category/Author/Tag
        (its ``slug`` is used), so templates can pass ``category`` directly.
        """
        wanted = str(getattr(key, "slug", key) or "")
        return [feed for feed in self.feeds if feed.scope == scope and feed.key == wanted]


def scope_name(scope: str, key: Any = "") -> str:
    """The shared-context name of one scope's feeds, e.g. "FEEDS_SCOPE tag pricing".

    Not a Jinja name: templates reach it through ``feeds_of_scope``, so that a
    page depends on its own scope's feeds only (the incremental rebuild checks
    the names a page looked up), not on the whole catalog, which changes with
    every new tag or author.
    """
    return f"FEEDS_SCOPE {scope} {getattr(key, 'slug', key) or ''}"


def scope_names(catalog: FeedsCatalog) -> dict[str, tuple[Feed, ...]]:
    """Return every scope's feeds by ``scope_name``."""
    found: dict[str, list[Feed]] = {}
    for feed in catalog.feeds:
        found.setdefault(scope_name(feed.scope, feed.key), []).append(feed)
    return {name: tuple(feeds) for name, feeds in found.items()}


@pass_context
def feeds_of_scope(context: Any, scope: Any) -> tuple[Feed, ...]:
    """Template global: the feeds of ``scope``, a (scope, key) pair (() without any).

    ``key`` is a slug or language code, or a Pelican Category/Author/Tag.
    """
    if not scope:
        return ()
    found = context.get(scope_name(scope[0], scope[1]))
    return found if isinstance(found, tuple) else ()


def build_catalog(plans: Sequence[FeedPlan], formats: Sequence[str]) -> FeedsCatalog:
    """Return the catalog of ``plans``, each in every one of ``formats``."""
    return FeedsCatalog(tuple(
        Feed(plan.scope, plan.key, plan.title, plan.path(fmt), fmt, MIME_TYPES[fmt])
        for plan in plans
        for fmt in formats
    ))
