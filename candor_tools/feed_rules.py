"""The rules of RFC 4287 (Atom) and RSS 2.0 that a reader's feed client relies on."""

from __future__ import annotations

from datetime import datetime
from email.utils import parsedate_to_datetime

from lxml import etree

ATOM = "{http://www.w3.org/2005/Atom}"


def _rfc3339(value: str | None) -> bool:
    try:
        return value is not None and datetime.fromisoformat(value).tzinfo is not None
    except ValueError:
        return False


def _rfc822(value: str | None) -> bool:
    try:
        return value is not None and parsedate_to_datetime(value) is not None
    except (TypeError, ValueError):
        return False


def atom_problems(root: etree._Element) -> list[str]:
    """Break RFC 4287: missing id/title/updated, no author, duplicate ids, bad dates."""
    problems = [f"the feed has no atom:{name}" for name in ("id", "title", "updated")
                if root.find(ATOM + name) is None]
    if not _rfc3339(root.findtext(ATOM + "updated")) and root.find(ATOM + "updated") is not None:
        problems.append("the feed's atom:updated is not an RFC 3339 date-time")
    feed_author = root.find(ATOM + "author") is not None
    seen: set[str] = set()
    for number, entry in enumerate(root.iter(ATOM + "entry"), start=1):
        entry_id = entry.findtext(ATOM + "id")
        label = f"entry {number} ({entry_id or 'no id'})"
        problems += [f"{label} has no atom:{name}" for name in ("id", "title", "updated")
                     if entry.find(ATOM + name) is None]
        if entry.find(ATOM + "updated") is not None and not _rfc3339(
                entry.findtext(ATOM + "updated")):
            problems.append(f"{label}: atom:updated is not an RFC 3339 date-time")
        if not feed_author and entry.find(ATOM + "author") is None:
            problems.append(f"{label} has no atom:author and the feed has none either")
        if entry_id in seen:
            problems.append(f"{label}: the id is used by another entry")
        seen.add(entry_id or "")
    return problems


def rss_problems(root: etree._Element) -> list[str]:
    """Break RSS 2.0: missing channel elements, items without title or description."""
    channel = root.find("channel")
    if root.tag != "rss" or channel is None:
        return ["not an RSS 2.0 document (rss/channel)"]
    problems = [f"the channel has no {name}" for name in ("title", "link", "description")
                if channel.find(name) is None]
    seen: set[str] = set()
    for number, item in enumerate(channel.iter("item"), start=1):
        guid = item.findtext("guid")
        label = f"item {number} ({guid or 'no guid'})"
        if item.find("title") is None and item.find("description") is None:
            problems.append(f"{label} has neither title nor description")
        if item.find("pubDate") is not None and not _rfc822(item.findtext("pubDate")):
            problems.append(f"{label}: pubDate is not an RFC 822 date")
        if guid is not None and guid in seen:
            problems.append(f"{label}: the guid is used by another item")
        seen.add(guid or "")
    return problems
