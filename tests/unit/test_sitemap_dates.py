"""The sitemap's date for pages without one (publishing.sitemap_dates)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from pelican.plugins.sitemap import sitemap
from pelican.utils import SafeDatetime

from publishing.sitemap_dates import pin_sitemap_date, plain_datetime

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
    older, newest = MOMENTS[2], MOMENTS[0]
    posts = SimpleNamespace(articles=[SimpleNamespace(date=older, modified=None)],
                            pages=[SimpleNamespace(date=older, modified=newest)])
    pin_sitemap_date([posts])
    assert type(sitemap.generator.now) is datetime
    assert sitemap.generator.now == newest
    assert sitemap.format_date(sitemap.generator.now) == "2026-03-04T05:06:07+01:00"
