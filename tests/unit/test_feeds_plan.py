"""Which feeds exist and which posts each carries: a pure function of the posts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import pytest

from feeds.config import DEFAULTS, FeedsConfig, read_config
from feeds.plan import language_name, plan_feeds, published_posts

UTC = dt.UTC


@dataclass
class Wrapper:
    name: str
    slug: str
    url: str


@dataclass
class Post:
    url: str
    date: dt.datetime
    status: str = "published"
    lang: str = "en"
    category: Wrapper | None = None
    tags: list[Wrapper] = field(default_factory=list)
    authors: list[Wrapper] = field(default_factory=list)


def config(**settings: Any) -> FeedsConfig:
    return read_config({**DEFAULTS, "SITEURL": "", "FEEDS_DOMAIN": "https://example.org",
                        "SITENAME": "Site", "DEFAULT_LANG": "en", **settings})


LETTERS = Wrapper("Letters", "letters", "letters/")
ANSWERS = Wrapper("Answers", "answers", "answers/")
ANA = Wrapper("Ana Ruiz", "ana-ruiz", "authors/ana-ruiz/")
GRID = Wrapper("grid", "grid", "tags/grid/")


def post(day: int, **kw: Any) -> Post:
    kw.setdefault("category", LETTERS)
    kw.setdefault("authors", [ANA])
    return Post(url=f"posts/{day}/", date=dt.datetime(2024, 1, day, 9, tzinfo=UTC), **kw)


def by_key(plans: list[Any]) -> dict[tuple[str, str], Any]:
    return {(p.scope, p.key): p for p in plans}


def test_published_posts_drops_drafts_and_hidden_and_sorts_newest_first() -> None:
    old, new = post(1), post(9)
    draft, hidden = post(5, status="draft"), post(6, status="hidden")
    assert published_posts([old, draft], [new, hidden, new]) == [new, old]


def test_posts_of_the_same_moment_are_ordered_by_url_and_only_they_ask_for_it() -> None:
    tokyo = dt.timezone(dt.timedelta(hours=9))
    noon = dt.datetime(2024, 1, 5, 12, tzinfo=UTC)
    posts = [Post(url=f"posts/{name}/", date=date) for name, date in [
        ("a", noon), ("c", noon.astimezone(tokyo)), ("b", noon.replace(tzinfo=None)),
        ("z", noon - dt.timedelta(days=1)), ("y", noon + dt.timedelta(days=1)),
        ("x", noon - dt.timedelta(days=1))]]
    expected = sorted(posts, key=lambda p: (p.date.replace(tzinfo=p.date.tzinfo or UTC),
                                            p.url), reverse=True)
    assert [p.url for p in published_posts(posts)] == [p.url for p in expected] == [
        "posts/y/", "posts/c/", "posts/b/", "posts/a/", "posts/z/", "posts/x/"]

    class Counted(Post):
        asked = 0

        def __getattribute__(self, name: str) -> Any:
            if name == "url":
                type(self).asked += 1
            return super().__getattribute__(name)

    alone = [Counted(url=f"posts/{day}/", date=dt.datetime(2024, 1, day, tzinfo=UTC))
             for day in range(1, 6)]
    assert published_posts(alone) == alone[::-1]
    assert Counted.asked == 0


def test_every_scope_gets_a_feed_with_its_posts() -> None:
    first = post(1, tags=[GRID])
    second = post(2, category=ANSWERS)
    spanish = post(3, lang="es", category=ANSWERS)
    plans = by_key(plan_feeds([first, second], [spanish], config()))
    assert list(plans) == [
        ("all", ""), ("category", "answers"), ("category", "letters"),
        ("author", "ana-ruiz"), ("tag", "grid"), ("lang", "en"), ("lang", "es"),
    ]
    assert plans["all", ""].articles == (spanish, second, first)
    # Category, author and tag feeds mirror Pelican's pages: no translations.
    assert plans["category", "answers"].articles == (second,)
    assert plans["author", "ana-ruiz"].articles == (second, first)
    assert plans["lang", "es"].articles == (spanish,)


def test_titles_paths_and_alternate_pages() -> None:
    plans = by_key(plan_feeds([post(1, tags=[GRID])], [post(2, lang="es")], config()))
    assert plans["all", ""].title == "Site"
    assert plans["category", "letters"].title == "Site — Letters"
    assert plans["author", "ana-ruiz"].title == "Site — Ana Ruiz"
    assert plans["tag", "grid"].title == "Site — #grid"
    assert plans["lang", "es"].title == "Site — Spanish"
    assert plans["all", ""].path("atom") == "feeds/all.atom.xml"
    assert plans["tag", "grid"].path("rss") == "feeds/tag/grid.rss.xml"
    assert plans["category", "letters"].alternate == "letters/"
    assert plans["lang", "es"].lang == "es"


def test_feeds_are_capped_at_max_items_but_dated_from_the_oldest_post() -> None:
    posts = [post(day) for day in range(1, 8)]
    plans = by_key(plan_feeds(posts, [], config(FEEDS_MAX_ITEMS=3)))
    assert [p.url for p in plans["all", ""].articles] == ["posts/7/", "posts/6/", "posts/5/"]
    assert plans["all", ""].first_date == dt.date(2024, 1, 1)


def test_scopes_and_path_follow_settings() -> None:
    plans = plan_feeds([post(1)], [], config(FEEDS_SCOPES=("all", "lang"), FEEDS_PATH="/x/"))
    assert [(p.scope, p.stem) for p in plans] == [("all", "x/all"), ("lang", "x/lang/en")]


def test_no_published_posts_means_no_feeds() -> None:
    assert plan_feeds([post(1, status="draft")], [], config()) == []


@pytest.mark.parametrize(
    ("code", "name"), [("en", "English"), ("es", "Spanish"), ("pt-BR", "Portuguese (Brazil)"),
                       ("zz-nope", "zz-nope")],
)
def test_language_name(code: str, name: str) -> None:
    assert language_name(code) == name
