"""Periods: ISO weeks and months in the site's time zone, closed only once ended."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from qa_periodic.periods import next_period, period_of, previous_period

MADRID = ZoneInfo("Europe/Madrid")


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=MADRID)


@pytest.mark.parametrize(("moment", "key"), [
    ("2026-03-08 23:59", "2026-w10"),  # Sunday, one minute before the week ends
    ("2026-03-09 00:00", "2026-w11"),  # Monday midnight: the next week
    ("2026-03-09 00:01", "2026-w11"),
    ("2026-01-01 12:00", "2026-w01"),  # Thursday: ISO week 1 of 2026
    ("2027-01-01 12:00", "2026-w53"),  # Friday: still the last ISO week of 2026
])
def test_weeks_start_at_monday_midnight_local(moment, key):
    assert period_of(at(moment), "week", MADRID).key == key


def test_the_boundary_is_read_in_the_site_timezone_not_utc():
    # 23:30 UTC on Sunday is 00:30 on Monday in Madrid (winter, UTC+1).
    utc = datetime(2026, 3, 8, 23, 30, tzinfo=ZoneInfo("UTC"))
    assert period_of(utc, "week", MADRID).key == "2026-w11"
    assert period_of(utc, "week", ZoneInfo("UTC")).key == "2026-w10"


@pytest.mark.parametrize(("moment", "key"), [
    ("2026-03-31 23:59", "2026-03"), ("2026-04-01 00:00", "2026-04"),
    ("2026-12-31 23:59", "2026-12")])
def test_months(moment, key):
    assert period_of(at(moment), "month", MADRID).key == key


def test_a_period_is_closed_only_once_it_has_ended():
    week = period_of(at("2026-03-04 12:00"), "week", MADRID)
    assert not week.is_closed(week.end - timedelta(minutes=1))
    assert week.is_closed(week.end)
    assert week.is_closed(week.end + timedelta(minutes=1))
    assert week.contains(week.end - timedelta(minutes=1))
    assert not week.contains(week.end)


def test_the_week_of_the_clock_change_is_seven_local_days():
    week = period_of(at("2026-03-29 12:00"), "week", MADRID)  # summer time starts
    assert (week.start.hour, week.end.hour) == (0, 0)
    assert week.end.utcoffset() != week.start.utcoffset()
    assert next_period(week, MADRID).key == "2026-w14"
    assert previous_period(week, MADRID).key == "2026-w12"
    assert previous_period(period_of(at("2026-01-15 09:00"), "month", MADRID), MADRID).key \
        == "2025-12"
