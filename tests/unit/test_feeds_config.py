"""FEEDS_* settings: defaults, validation with fixes, site URL, Pelican's own feeds."""

from __future__ import annotations

import logging
from types import SimpleNamespace
from typing import Any

import pytest
from pelican.settings import DEFAULT_CONFIG

from candor_common.errors import BuildAborted, ConfigError
from feeds.config import DEFAULTS, pelican_feeds_left_on, read_config, resolve_site_url
from feeds.receivers import check_settings

BASE = {"SITEURL": "", "FEEDS_DOMAIN": "https://example.org", "SITENAME": "Site"}


def check(**settings: Any) -> dict[str, Any]:
    pelican = SimpleNamespace(settings={**BASE, **settings})
    check_settings(pelican)
    return pelican.settings


def config_error(**settings: Any) -> str:
    with pytest.raises(BuildAborted) as caught:
        check(**settings)
    assert isinstance(caught.value.__cause__, ConfigError)
    return str(caught.value.__cause__)


def test_defaults_are_merged_and_user_values_kept() -> None:
    formats = ["rss"]
    settings = check(FEEDS_FORMATS=formats, FEEDS_MAX_ITEMS=5)
    assert settings["FEEDS_FORMATS"] is formats
    assert formats == ["rss"]
    assert settings["FEEDS_MAX_ITEMS"] == 5
    assert settings["FEEDS_PATH"] == DEFAULTS["FEEDS_PATH"] == "feeds"
    assert settings["FEEDS_SCOPES"] == ("all", "category", "author", "tag", "lang")
    assert settings["FEEDS_STYLESHEET"] == "theme/feed.xsl"


def test_unknown_key_suggests_the_closest_name() -> None:
    message = config_error(FEEDS_MAX_ITEM=10)
    assert "FEEDS_MAX_ITEM: unknown setting. did you mean FEEDS_MAX_ITEMS?" in message


@pytest.mark.parametrize(
    ("value", "says"),
    [
        (("atom", "json"), "FEEDS_FORMATS: 'json' is not one of \"atom\", \"rss\""),
        ("atom", "FEEDS_FORMATS: expected a tuple of names, got 'atom'"),
        ((), "FEEDS_FORMATS: expected a tuple of names, got ()"),
        (("atom", "atom"), "names an entry twice"),
    ],
)
def test_wrong_formats_name_the_setting_and_the_fix(value: Any, says: str) -> None:
    message = config_error(FEEDS_FORMATS=value)
    assert says in message
    assert 'Set FEEDS_FORMATS to a tuple of some of "atom", "rss"' in message


@pytest.mark.parametrize(
    ("settings", "says"),
    [
        ({"FEEDS_SCOPES": ("all", "month")}, "FEEDS_SCOPES: 'month' is not one of"),
        ({"FEEDS_MAX_ITEMS": 0}, "FEEDS_MAX_ITEMS: expected a positive whole number or None"),
        ({"FEEDS_MAX_ITEMS": "50"}, "FEEDS_MAX_ITEMS: expected a positive whole number"),
        ({"FEEDS_PATH": "../elsewhere"}, "FEEDS_PATH: expected a folder inside the output"),
        ({"FEEDS_PATH": "/"}, "FEEDS_PATH: expected a folder inside the output"),
        ({"FEEDS_STYLESHEET": 3}, "FEEDS_STYLESHEET: expected a string or None"),
        ({"FEEDS_DOMAIN": None}, "FEEDS_DOMAIN: feeds need an absolute site URL"),
    ],
)
def test_other_bad_values_are_config_errors(settings: dict[str, Any], says: str) -> None:
    assert says in config_error(**settings)


def test_all_problems_are_reported_together() -> None:
    message = config_error(FEEDS_FORMATS=("xml",), FEEDS_MAX_ITEMS=-1)
    assert "FEEDS_FORMATS" in message
    assert "FEEDS_MAX_ITEMS" in message


@pytest.mark.parametrize(
    ("siteurl", "domain", "expected"),
    [
        ("https://www.example.com/", "http://127.0.0.1:8000", "https://www.example.com"),
        ("", "http://127.0.0.1:8000", "http://127.0.0.1:8000"),
        ("/blog", "example.org/", "https://example.org"),
        ("https://example.com/blog/", None, "https://example.com/blog"),
        ("", None, None),
        ("", "ftp://example.org", None),
    ],
)
def test_siteurl_wins_when_absolute_else_feeds_domain(
    siteurl: str, domain: str | None, expected: str | None
) -> None:
    assert resolve_site_url(siteurl, domain) == expected


def test_config_resolves_host_and_stylesheet_href() -> None:
    config = read_config({**DEFAULTS, **BASE, "FEEDS_DOMAIN": "http://127.0.0.1:8000"})
    assert config.host == "127.0.0.1"
    assert config.stylesheet_href == "http://127.0.0.1:8000/theme/feed.xsl"
    config = read_config({**DEFAULTS, **BASE, "FEEDS_STYLESHEET": None})
    assert config.stylesheet_href is None


def test_pelicans_own_feeds_left_on_are_a_warning_not_an_error(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING, logger="feeds"):
        check(FEED_ALL_ATOM="feeds/all.atom.xml", TAG_FEED_RSS="x", CATEGORY_FEED_ATOM=None,
              FEED_ATOM_URL="not/a/switch")
    assert [r.getMessage() for r in caplog.records] == [
        ("feeds: Pelican's own feed FEED_ALL_ATOM is on; Candor writes feeds itself; "
         "set it to None"),
        ("feeds: Pelican's own feed TAG_FEED_RSS is on; Candor writes feeds itself; "
         "set it to None"),
    ]


def test_pelican_defaults_count_as_on() -> None:
    assert "FEED_ALL_ATOM" in pelican_feeds_left_on(DEFAULT_CONFIG)
    assert "TRANSLATION_FEED_ATOM" in pelican_feeds_left_on(DEFAULT_CONFIG)
