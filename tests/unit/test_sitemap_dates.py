"""The sitemap's date for pages without one (publishing.sitemap_dates)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from pelican.plugins.sitemap import sitemap
from pelican.utils import SafeDatetime

from publishing.sitemap_dates import formatting_once, pin_sitemap_date, plain_datetime

MOMENTS = [
    SafeDatetime(2026, 3, 4, 5, 6, 7, 890, tzinfo=ZoneInfo("Europe/Madrid")),
    SafeDatetime(2026, 10, 25, 2, 30, tzinfo=ZoneInfo("Europe/Madrid"), fold=1),
    SafeDatetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone(timedelta(hours=-3, minutes=-30))),
    SafeDatetime(2026, 1, 2, 3, 4, 5),  # no zone: the sitemap writes -00:00
]


@pytest.mark.parametrize("moment", MOMENTS)
def test_a_plain_date_is_written_as_pelican_writes_its_own(moment):
    plain = plain_datetime(moment)
    assert type(plain) is datetime
    assert plain == moment and plain.utcoffset() == moment.utcoffset()
    assert sitemap.format_date(plain) == sitemap.format_date(moment)


def test_the_newest_content_date_is_pinned_as_a_plain_date(monkeypatch):
    monkeypatch.setattr(sitemap.generator, "now", datetime(2000, 1, 1))
    monkeypatch.setattr(sitemap, "format_date", sitemap.format_date)
    older, newest = MOMENTS[2], MOMENTS[0]
    posts = SimpleNamespace(articles=[SimpleNamespace(date=older, modified=None)],
                            pages=[SimpleNamespace(date=older, modified=newest)])
    pin_sitemap_date([posts])
    assert type(sitemap.generator.now) is datetime
    assert sitemap.generator.now == newest
    assert sitemap.format_date(sitemap.generator.now) == "2026-03-04T05:06:07+01:00"


def test_the_pinned_date_is_formatted_once_and_any_other_as_before():
    original = sitemap.format_date
    calls = []

    def counting(date):
        calls.append(date)
        return original(date)

    now = plain_datetime(MOMENTS[0])
    once = formatting_once(now, counting)
    assert [once(now) for _ in range(3)] == [original(now)] * 3
    assert calls == [now]
    # The same instant in another zone is another text: only ``now`` itself is taken.
    elsewhere = now.astimezone(UTC)
    assert elsewhere == now
    assert once(elsewhere) == original(elsewhere) != original(now)
    for moment in MOMENTS:
        assert once(moment) == original(moment)
    # Pinned again (the preview, each build): the original is wrapped, not the wrapper.
    again = formatting_once(plain_datetime(MOMENTS[2]), once)
    assert again.__wrapped__ is counting
    assert again(now) == original(now)
