"""The feed rules `invoke check` applies: RFC 4287 for Atom, RSS 2.0 for RSS."""

from __future__ import annotations

from datetime import UTC, datetime

from feedgen.feed import FeedGenerator
from lxml import etree

from candor_tools.feed_rules import atom_problems, rss_problems


def feed(entries: int = 2) -> FeedGenerator:
    generator = FeedGenerator()
    generator.id("https://x.example/")
    generator.title("Site")
    generator.link(href="https://x.example/", rel="alternate")
    generator.description("All posts")
    for number in range(entries):
        entry = generator.add_entry(order="append")
        entry.id(f"https://x.example/{number}")
        entry.title(f"Post {number}")
        entry.link(href=f"https://x.example/{number}")
        entry.author(name="Ana Ruiz")
        entry.updated(datetime(2026, 1, number + 1, tzinfo=UTC))
        entry.published(datetime(2026, 1, number + 1, tzinfo=UTC))
    return generator


def test_feedgen_feeds_keep_the_rules():
    assert atom_problems(etree.fromstring(feed().atom_str())) == []
    assert rss_problems(etree.fromstring(feed().rss_str())) == []


def test_atom_without_required_elements_or_with_duplicate_ids_is_reported():
    root = etree.fromstring(feed().atom_str())
    atom = "{http://www.w3.org/2005/Atom}"
    entries = list(root.iter(atom + "entry"))
    entries[1].find(atom + "id").text = entries[0].find(atom + "id").text
    entries[0].remove(entries[0].find(atom + "author"))
    entries[0].find(atom + "updated").text = "yesterday"
    root.remove(root.find(atom + "title"))
    assert atom_problems(root) == [
        "the feed has no atom:title",
        "entry 1 (https://x.example/0): atom:updated is not an RFC 3339 date-time",
        "entry 1 (https://x.example/0) has no atom:author and the feed has none either",
        "entry 2 (https://x.example/0): the id is used by another entry",
    ]


def test_rss_without_description_or_with_bad_dates_is_reported():
    root = etree.fromstring(feed().rss_str())
    channel = root.find("channel")
    channel.remove(channel.find("description"))
    channel.find("item").find("pubDate").text = "the first of January"
    problems = rss_problems(root)
    assert problems[0] == "the channel has no description"
    assert problems[1].endswith(": pubDate is not an RFC 822 date")
    assert rss_problems(etree.fromstring(b"<feed/>")) == ["not an RSS 2.0 document (rss/channel)"]
