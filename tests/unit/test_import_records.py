"""Stable ids from source ids, counts and moments."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from candor_tools.qa_import.dates import parse_moment, stamp
from candor_tools.qa_import.records import as_count, make_qid
from qa_digest.fields import SLUG_RE


def test_simple_source_ids_are_kept_and_others_hashed_stably():
    assert make_qid("disqus", "1001") == "disqus-1001"
    assert make_qid("isso", "posts-0001", "0") == "isso-posts-0001-0"
    node = make_qid("github", "DC_kwDOAbc")
    assert node == make_qid("github", "DC_kwDOAbc") != make_qid("github", "DC_kwDOabc")
    for qid in (node, make_qid("isso", "/posts/0001/", "1")):
        assert SLUG_RE.match(qid)


@pytest.mark.parametrize(("value", "expected"), [(3, 3), ("12", 12), (-2, 0), ("x", 0),
                                                 (None, 0), (True, 0)])
def test_counts(value, expected):
    assert as_count(value) == expected


MADRID = ZoneInfo("Europe/Madrid")


@pytest.mark.parametrize(("value", "zone", "fmt", "expected"), [
    ("2013-10-10T19:20:29Z", UTC, None, datetime(2013, 10, 10, 19, 20, 29, tzinfo=UTC)),
    ("2014-01-14 17:31:03", UTC, None, datetime(2014, 1, 14, 17, 31, 3, tzinfo=UTC)),
    (1776759300, UTC, None, datetime(2026, 4, 21, 8, 15, tzinfo=UTC)),
    (1776759300000, UTC, None, datetime(2026, 4, 21, 8, 15, tzinfo=UTC)),
    ("1776759300", UTC, None, datetime(2026, 4, 21, 8, 15, tzinfo=UTC)),
    ("21/04/2026 10:15", MADRID, "%d/%m/%Y %H:%M", datetime(2026, 4, 21, 10, 15,
                                                              tzinfo=MADRID)),
    ("yesterday", UTC, None, None), ("", UTC, None, None), (None, UTC, None, None),
])
def test_moments(value, zone, fmt, expected):
    assert parse_moment(value, zone, fmt) == expected


def test_stamp_writes_site_time():
    assert stamp(datetime(2026, 4, 21, 8, 15, tzinfo=UTC), MADRID) == "2026-04-21 10:15"
