"""The build's notion of "now", in the site's timezone."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from candor_common.errors import ConfigError


def build_now(value: str | None, timezone: str) -> datetime:
    """Return the moment embargoes are judged against.

    ``value`` is PUBLISHING_NOW: None for the real clock, or an ISO 8601
    date-time (naive ones are read in the site's TIMEZONE) to make a build
    reproducible, e.g. in tests or when rebuilding an old release.
    """
    zone = ZoneInfo(timezone)
    if value is None:
        return datetime.now(zone)
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError as exc:
        msg = (f"pelicanconf: PUBLISHING_NOW: {value!r} is not an ISO date-time. "
               "Use e.g. '2026-05-01T09:00' or None for the real clock.")
        raise ConfigError(msg) from exc
    return moment if moment.tzinfo else moment.replace(tzinfo=zone)
