"""Calendar periods (ISO weeks or months) in the site's time zone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

UNITS = ("week", "month")


@dataclass(frozen=True, order=True)
class Period:
    """One period: from ``start`` (included) to ``end`` (excluded), local midnights."""

    start: datetime
    end: datetime
    unit: str
    key: str  # "2026-w10" or "2026-03": the page's address
    year: int  # the ISO year of a week, the calendar year of a month
    number: int  # the ISO week number, or the month (1-12)

    @property
    def last_day(self) -> date:
        """Return the period's last day (the day before ``end``)."""
        return self.end.date() - timedelta(days=1)

    def contains(self, moment: datetime) -> bool:
        """Return True when ``moment`` falls in the period."""
        return self.start <= moment < self.end

    def is_closed(self, now: datetime) -> bool:
        """Return True when the period ended at or before ``now``."""
        return self.end <= now


def _midnight(day: date, zone: tzinfo) -> datetime:
    return datetime.combine(day, time(), tzinfo=zone)


def period_of(moment: datetime, unit: str, zone: tzinfo) -> Period:
    """Return the period of ``unit`` that holds ``moment``, read in ``zone``."""
    day = moment.astimezone(zone).date()
    if unit == "week":
        monday = day - timedelta(days=day.weekday())
        iso = monday.isocalendar()
        return Period(_midnight(monday, zone), _midnight(monday + timedelta(days=7), zone),
                      unit, f"{iso.year}-w{iso.week:02d}", iso.year, iso.week)
    first = day.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return Period(_midnight(first, zone), _midnight(following, zone), unit,
                  f"{first.year}-{first.month:02d}", first.year, first.month)


def period_from_key(key: str, unit: str, zone: tzinfo) -> Period:
    """Return the period whose page address is ``key`` ("2026-w10", "2026-03").

    Raises ValueError when ``key`` is not a period of ``unit``.
    """
    if unit == "week":
        year, _, week = key.partition("-w")
        day = date.fromisocalendar(int(year), int(week), 1)
    else:
        year, _, month = key.partition("-")
        day = date(int(year), int(month), 1)
    period = period_of(_midnight(day, zone), unit, zone)
    if period.key != key:
        msg = f"{key!r} is not a {unit} (expected e.g. {period.key!r})"
        raise ValueError(msg)
    return period


def next_period(period: Period, zone: tzinfo) -> Period:
    """Return the period right after ``period``."""
    return period_of(period.end, period.unit, zone)


def previous_period(period: Period, zone: tzinfo) -> Period:
    """Return the period right before ``period``."""
    return period_of(period.start - timedelta(hours=12), period.unit, zone)


def day_start(day: date, zone: tzinfo) -> datetime:
    """Return the first moment of ``day`` in ``zone`` (when a due date comes due)."""
    return _midnight(day, zone)
