"""The site-wide corrections page and feed."""

from __future__ import annotations

import feedparser
from bs4 import BeautifulSoup

SITEURL = "https://leadership.tidewater.example"


def test_corrections_page_lists_every_correction_newest_first(sample_site):
    page = BeautifulSoup((sample_site / "corrections" / "index.html").read_text(),
                         "html.parser")
    items = page.select(".corrections-index__item")
    assert len(items) == 2
    dates = [item.find("time")["datetime"] for item in items]
    assert dates == sorted(dates, reverse=True)
    links = [item.find("a")["href"] for item in items]
    assert links[0].endswith("partnering-with-polderstroom/#correction-1")


def test_corrections_feed_is_valid_with_one_entry_per_correction(sample_site):
    feed = feedparser.parse((sample_site / "feeds" / "corrections.atom.xml").read_bytes())
    assert feed.bozo == 0 and len(feed.entries) == 2
    assert feed.entries[0].title.startswith("Correction to “")
    assert "€6.4 million" in feed.entries[1].content[0].value
    rss = feedparser.parse((sample_site / "feeds" / "corrections.rss.xml").read_bytes())
    assert rss.bozo == 0 and len(rss.entries) == 2


def test_corrected_post_shows_the_correction_above_its_text(sample_site):
    page = BeautifulSoup((sample_site / "posts" / "2025" / "results-2024" / "index.html")
                         .read_text(), "html.parser")
    assert page.find(id="correction-1") is not None
    assert "Updated" in page.find(class_="byline").get_text()
