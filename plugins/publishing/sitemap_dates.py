"""Give pelican-sitemap a reproducible date for pages that have none.

pelican-sitemap stamps index pages (home, tags, archives…) with the time the
process started, so two builds of the same content differ. Candor uses the
newest date of any published post or page instead: the moment those lists last
changed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any


def newest_content_date(generators: list[Any]) -> Any | None:
    """Return the latest ``modified`` or ``date`` of any published post or page."""
    dates = []
    for generator in generators:
        for name in ("articles", "translations", "pages"):
            for item in getattr(generator, name, []) or []:
                stamp = getattr(item, "modified", None) or getattr(item, "date", None)
                if stamp is not None:
                    dates.append(stamp)
    return max(dates, default=None)


def pin_sitemap_date(generators: list[Any]) -> None:
    """Set pelican-sitemap's fallback date to the newest content date, if it is loaded."""
    try:
        from pelican.plugins.sitemap import sitemap  # noqa: PLC0415 - optional plugin
    except ImportError:  # the sitemap plugin is optional
        return
    newest = newest_content_date(generators)
    if newest is not None:
        sitemap.generator.now = plain_datetime(newest)
        sitemap.format_date = formatting_once(sitemap.generator.now,  # type: ignore[attr-defined]
                                              sitemap.format_date)


def plain_datetime(moment: Any) -> datetime:
    """Return ``moment`` as a plain ``datetime`` (the same instant, zone and fold).

    pelican-sitemap formats the date of every page without one (index pages, and
    every Q&A page) with ``strftime``; Pelican's ``SafeDatetime`` formats in Python,
    one directive at a time (~40 µs), a plain datetime in C: the same text for the
    numeric directives the sitemap uses (``%Y-%m-%dT%H:%M:%S``, ``%z``), about two
    seconds less for 55,000 pages.
    """
    return datetime(moment.year, moment.month, moment.day, moment.hour, moment.minute,
                    moment.second, moment.microsecond, tzinfo=moment.tzinfo, fold=moment.fold)


def formatting_once(now: datetime, format_date: Callable[[Any], str]) -> Callable[[Any], str]:
    """Return pelican-sitemap's ``format_date``, with the text of ``now`` made once.

    Every page without a date of its own (index pages, and each Q&A page: 55,000 at
    100,000 questions) is stamped with that same object; any other date is formatted
    as before (an equal date in another zone is written otherwise: only ``now``
    itself is taken for ``now``). ``format_date`` may be an earlier such function
    (the live preview pins a date each build): the original is wrapped, once.
    """
    original = getattr(format_date, "__wrapped__", format_date)
    text = original(now)

    def format_date_once(date: Any) -> str:
        return text if date is now else original(date)

    format_date_once.__wrapped__ = original  # type: ignore[attr-defined]
    return format_date_once
