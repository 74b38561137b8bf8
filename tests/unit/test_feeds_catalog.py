"""The FEEDS_CATALOG templates read: lookups, site feeds and Subscribe-page groups."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from jinja2 import Environment

from feeds.catalog import Feed, build_catalog, feeds_of_scope, scope_names
from feeds.plan import FeedPlan


def plan(scope: str, key: str, title: str) -> FeedPlan:
    stem = "feeds/all" if scope == "all" else f"feeds/{scope}/{key}"
    return FeedPlan(scope, key, title, stem, "", "en", dt.date(2024, 1, 1), ())


PLANS = [
    plan("all", "", "Site"),
    plan("category", "letters", "Site — Letters"),
    plan("author", "ana", "Site — Ana"),
    plan("tag", "grid", "Site — #grid"),
    plan("lang", "en", "Site — English"),
    plan("lang", "es", "Site — Spanish"),
]


class Category:
    slug = "letters"


def test_for_scope_returns_both_formats_of_one_feed() -> None:
    catalog = build_catalog(PLANS, ("atom", "rss"))
    assert catalog.for_scope("category", "letters") == [
        Feed("category", "letters", "Site — Letters", "feeds/category/letters.atom.xml",
             "atom", "application/atom+xml"),
        Feed("category", "letters", "Site — Letters", "feeds/category/letters.rss.xml",
             "rss", "application/rss+xml"),
    ]
    assert catalog.for_scope("category", Category()) == catalog.for_scope("category", "letters")
    assert [f.url for f in catalog.for_scope("all")] == ["feeds/all.atom.xml", "feeds/all.rss.xml"]
    assert catalog.for_scope("category", "missing") == []
    assert catalog.for_scope("nonsense", "x") == []


def test_site_feeds_are_everything_then_languages() -> None:
    catalog = build_catalog(PLANS, ("atom",))
    assert [f.url for f in catalog.site] == [
        "feeds/all.atom.xml", "feeds/lang/en.atom.xml", "feeds/lang/es.atom.xml",
    ]


def test_groups_have_plain_english_headings_in_page_order() -> None:
    catalog = build_catalog(PLANS, ("atom", "rss"))
    assert [(heading, len(feeds)) for heading, feeds in catalog.groups] == [
        ("Everything", 2), ("By kind", 2), ("By author", 2), ("By language", 4), ("By tag", 2),
    ]


def test_empty_groups_are_left_out() -> None:
    catalog = build_catalog(PLANS[:1], ("rss",))
    assert catalog.groups == [("Everything", [catalog.feeds[0]])]


def test_catalog_and_feeds_are_frozen() -> None:
    catalog = build_catalog(PLANS, ("atom",))
    with pytest.raises(dataclasses.FrozenInstanceError):
        catalog.feeds[0].url = "elsewhere"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        catalog.feeds = ()  # type: ignore[misc]


def test_a_template_reads_one_scope_through_its_own_context_name() -> None:
    catalog = build_catalog(PLANS, ("atom", "rss"))
    names = scope_names(catalog)
    assert set(names) == {"FEEDS_SCOPE all ", "FEEDS_SCOPE category letters",
                          "FEEDS_SCOPE author ana", "FEEDS_SCOPE tag grid",
                          "FEEDS_SCOPE lang en", "FEEDS_SCOPE lang es"}
    env = Environment(autoescape=True)
    env.globals["feeds_of_scope"] = feeds_of_scope
    template = env.from_string("{% for f in feeds_of_scope(scope) %}{{ f.url }} {% endfor %}")
    shown = template.render(names, scope=("category", Category()))
    assert shown == "feeds/category/letters.atom.xml feeds/category/letters.rss.xml "
    assert template.render(names, scope=("tag", "unknown")) == ""
    assert template.render(names, scope=None) == ""
    assert tuple(catalog.for_scope("tag", "grid")) == names["FEEDS_SCOPE tag grid"]
