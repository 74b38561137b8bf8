"""The FEEDS_* settings: defaults, validation and the resolved configuration."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlsplit

from candor_common.errors import ConfigError
from feeds.tagid import host_of

FORMATS = ("atom", "rss")
SCOPES = ("all", "category", "author", "tag", "lang")

DEFAULTS: dict[str, Any] = {
    # Folder of every feed, relative to the site root.
    "FEEDS_PATH": "feeds",
    # Which formats to write for every scope: "atom" and/or "rss".
    "FEEDS_FORMATS": ("atom", "rss"),
    # Newest posts kept in each feed; None keeps them all.
    "FEEDS_MAX_ITEMS": 50,
    # Which feeds to write: everything, per category (kind), author, tag, language.
    "FEEDS_SCOPES": SCOPES,
    # Absolute base URL used in feeds when SITEURL is empty or relative.
    "FEEDS_DOMAIN": None,
    # XSLT stylesheet (path from the site root) linked from every feed; None for none.
    "FEEDS_STYLESHEET": "theme/feed.xsl",
}

# Pelican's own feed switches; Candor writes its feeds itself.
PELICAN_FEED_SETTING = re.compile(
    r"^(FEED|FEED_ALL|CATEGORY_FEED|AUTHOR_FEED|TAG_FEED|TRANSLATION_FEED)_(ATOM|RSS)$"
)

_URL_SAFE = ":/?#[]@!$&'()*+,;=%~-._"


@dataclass(frozen=True)
class FeedsConfig:
    """The feeds settings, validated and resolved to what the writer needs."""

    path: str
    formats: tuple[str, ...]
    scopes: tuple[str, ...]
    max_items: int | None
    site_url: str
    host: str
    stylesheet_href: str | None
    sitename: str
    subtitle: str
    default_lang: str
    fallback_author: str


def read_config(settings: Mapping[str, Any]) -> FeedsConfig:
    """Validate the FEEDS_* settings (defaults already merged) and resolve them.

    Every problem found is reported at once in one :class:`ConfigError`.
    """
    problems = [
        *_choice_problems(settings, "FEEDS_FORMATS", FORMATS, allow_empty=False),
        *_choice_problems(settings, "FEEDS_SCOPES", SCOPES, allow_empty=True),
        *_scalar_problems(settings),
    ]
    site_url = resolve_site_url(settings.get("SITEURL", ""), settings.get("FEEDS_DOMAIN"))
    if site_url is None:
        problems.append(
            "pelicanconf: FEEDS_DOMAIN: feeds need an absolute site URL and SITEURL "
            f"{settings.get('SITEURL', '')!r} is not one. Set FEEDS_DOMAIN to the site's "
            "address, e.g. FEEDS_DOMAIN = \"https://example.com\"."
        )
    if problems or site_url is None:
        raise ConfigError("\n".join(problems))
    stylesheet = settings["FEEDS_STYLESHEET"]
    return FeedsConfig(
        path=settings["FEEDS_PATH"].strip("/"),
        formats=tuple(settings["FEEDS_FORMATS"]),
        scopes=tuple(settings["FEEDS_SCOPES"]),
        max_items=settings["FEEDS_MAX_ITEMS"],
        site_url=site_url,
        host=host_of(site_url),
        stylesheet_href=(
            None if stylesheet is None
            else quote(f"{site_url}/{stylesheet.lstrip('/')}", safe=_URL_SAFE)
        ),
        sitename=str(settings.get("SITENAME", "")),
        subtitle=str(settings.get("SITESUBTITLE") or ""),
        default_lang=str(settings.get("DEFAULT_LANG", "en")),
        fallback_author=str(settings.get("AUTHOR") or settings.get("SITENAME", "")),
    )


def resolve_site_url(siteurl: str | None, domain: str | None) -> str | None:
    """Return the absolute base URL of the site, without a trailing slash.

    SITEURL wins when it is absolute; otherwise FEEDS_DOMAIN is used, with
    ``https://`` assumed when it is a bare host name. None if neither works.
    """
    for value, bare_host_ok in ((siteurl, False), (domain, True)):
        if not isinstance(value, str) or not value.strip():
            continue
        candidate = value.strip().rstrip("/")
        if bare_host_ok and "://" not in candidate:
            candidate = f"https://{candidate}"
        parts = urlsplit(candidate)
        if parts.scheme in ("http", "https") and parts.hostname:
            return candidate
    return None


def pelican_feeds_left_on(settings: Mapping[str, Any]) -> list[str]:
    """Return the names of Pelican's own feed settings that are not None, sorted."""
    return sorted(
        key for key, value in settings.items()
        if PELICAN_FEED_SETTING.match(key) and value is not None
    )


def _choice_problems(
    settings: Mapping[str, Any], key: str, allowed: tuple[str, ...], *, allow_empty: bool
) -> list[str]:
    value = settings[key]
    example = ", ".join(f'"{item}"' for item in allowed)
    fix = f"Set {key} to a tuple of some of {example}, e.g. {key} = ({example})"
    if not isinstance(value, (tuple, list)) or (not value and not allow_empty):
        return [f"pelicanconf: {key}: expected a tuple of names, got {value!r}. {fix}."]
    problems = [
        f"pelicanconf: {key}: {item!r} is not one of {example}. {fix}."
        for item in value if item not in allowed
    ]
    if len({repr(item) for item in value}) != len(value):
        problems.append(f"pelicanconf: {key}: {value!r} names an entry twice. {fix}.")
    return problems


def _scalar_problems(settings: Mapping[str, Any]) -> list[str]:
    problems = []
    path = settings["FEEDS_PATH"]
    if not isinstance(path, str) or not path.strip("/") or ".." in path.split("/"):
        problems.append(
            f"pelicanconf: FEEDS_PATH: expected a folder inside the output, got {path!r}. "
            'Set FEEDS_PATH to a relative folder name such as "feeds".'
        )
    max_items = settings["FEEDS_MAX_ITEMS"]
    if max_items is not None and (
        not isinstance(max_items, int) or isinstance(max_items, bool) or max_items < 1
    ):
        problems.append(
            f"pelicanconf: FEEDS_MAX_ITEMS: expected a positive whole number or None, "
            f"got {max_items!r}. Set FEEDS_MAX_ITEMS to e.g. 50, or None to keep every post."
        )
    for key in ("FEEDS_STYLESHEET", "FEEDS_DOMAIN"):
        if settings[key] is not None and not isinstance(settings[key], str):
            problems.append(
                f"pelicanconf: {key}: expected a string or None, got {settings[key]!r}. "
                f"Set {key} to a string, or to None."
            )
    return problems
