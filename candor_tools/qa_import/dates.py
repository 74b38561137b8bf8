"""Read the many ways exports write a moment; write the one way Q&A files do."""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo


def parse_moment(value: object, zone: tzinfo = UTC, fmt: str | None = None) -> datetime | None:
    """Return an aware datetime from ISO 8601 text, a Unix timestamp or ``fmt``; else None.

    Moments without a zone are read in ``zone`` (UTC unless the format says otherwise).
    """
    if isinstance(value, bool) or value is None or value == "":
        return None
    if isinstance(value, int | float):
        seconds = float(value) / (1000 if abs(value) > 1e11 else 1)  # milliseconds
        try:
            return datetime.fromtimestamp(seconds, UTC)
        except (OverflowError, OSError, ValueError):
            return None
    if isinstance(value, datetime):
        moment = value
    else:
        text = str(value).strip()
        try:
            if fmt:
                moment = datetime.strptime(text, fmt)  # noqa: DTZ007 - zone added below
            elif text.replace(".", "", 1).isdigit():
                return parse_moment(float(text), zone)
            else:
                moment = datetime.fromisoformat(text.replace(" +", "+"))
        except ValueError:
            return None
    return moment if moment.tzinfo else moment.replace(tzinfo=zone)


def stamp(moment: datetime, zone: tzinfo) -> str:
    """Return ``moment`` as Q&A files write it: YYYY-MM-DD HH:MM in the site's zone."""
    return f"{moment.astimezone(zone):%Y-%m-%d %H:%M}"
