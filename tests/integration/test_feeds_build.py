"""Build the feeds fixture site once and check every feed it writes."""

from __future__ import annotations

import re
from email.utils import parsedate_to_datetime
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup
from lxml import etree

from tests.helpers import build_fixture

ATOM = "http://www.w3.org/2005/Atom"
NS = {"a": ATOM, "content": "http://purl.org/rss/1.0/modules/content/"}
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
SITE = "https://news.example.org"
CANARIES = ("CANARY-DRAFT-7f3a", "CANARY-HIDDEN-9c1e", "Unfinished thoughts", "Internal note")

# scope feed -> titles of the published posts it must carry, newest first
EXPECTED = {
    "all": ["Q&A <ready> for storm \"season\" & more", "Town hall recap",
            "¿Por qué cambiaron las tarifas?", "Why did rates change?"],
    "category/answers": ["Q&A <ready> for storm \"season\" & more", "Why did rates change?"],
    "category/letters": ["Town hall recap"],
    "author/ana-ruiz": ["Q&A <ready> for storm \"season\" & more", "Town hall recap"],
    "author/ben-okafor": ["Q&A <ready> for storm \"season\" & more", "Why did rates change?"],
    "tag/grid": ["Town hall recap", "Why did rates change?"],
    "tag/rates": ["Why did rates change?"],
    "tag/safety": ["Q&A <ready> for storm \"season\" & more", "Town hall recap"],
    "lang/en": ["Q&A <ready> for storm \"season\" & more", "Town hall recap",
                "Why did rates change?"],
    "lang/es": ["¿Por qué cambiaron las tarifas?"],
}
FEEDS = [f"{stem}.{fmt}.xml" for stem in EXPECTED for fmt in ("atom", "rss")]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("feeds-site")
    build_fixture("feeds", output)
    return output


def feed_bytes(site: Path, name: str) -> bytes:
    return (site / "feeds" / name).read_bytes()


def test_exactly_the_expected_feeds_are_written(site: Path) -> None:
    written = sorted(str(p.relative_to(site / "feeds")) for p in (site / "feeds").rglob("*.xml"))
    assert written == sorted(FEEDS)


@pytest.mark.parametrize("stem", list(EXPECTED))
def test_atom_feed_is_valid_and_complete(site: Path, stem: str) -> None:
    root = etree.fromstring(feed_bytes(site, f"{stem}.atom.xml"))
    assert root.tag == f"{{{ATOM}}}feed"
    for child in ("id", "title", "updated"):
        assert len(root.findall(f"a:{child}", NS)) == 1, child
    assert RFC3339.match(root.findtext("a:updated", namespaces=NS))
    self_links = root.findall("a:link[@rel='self']", NS)
    assert [ln.get("href") for ln in self_links] == [f"{SITE}/feeds/{stem}.atom.xml"]
    assert len(root.findall("a:link[@rel='alternate']", NS)) == 1
    entries = root.findall("a:entry", NS)
    ids = []
    for entry in entries:
        for child in ("id", "title", "updated"):
            assert len(entry.findall(f"a:{child}", NS)) == 1, child
        assert RFC3339.match(entry.findtext("a:updated", namespaces=NS))
        assert RFC3339.match(entry.findtext("a:published", namespaces=NS))
        assert entry.findtext("a:id", namespaces=NS).startswith("tag:news.example.org,2024-")
        assert entry.findall("a:author/a:name", NS)
        ids.append(entry.findtext("a:id", namespaces=NS))
    assert len(set(ids)) == len(ids)
    assert [e.findtext("a:title", namespaces=NS) for e in entries] == EXPECTED[stem]
    newest = max(e.findtext("a:updated", namespaces=NS) for e in entries)
    assert root.findtext("a:updated", namespaces=NS) == newest


@pytest.mark.parametrize("stem", list(EXPECTED))
def test_rss_feed_is_valid_and_complete(site: Path, stem: str) -> None:
    root = etree.fromstring(feed_bytes(site, f"{stem}.rss.xml"))
    assert root.tag == "rss"
    assert root.get("version") == "2.0"
    channel = root.find("channel")
    for child in ("title", "link", "description", "language", "lastBuildDate"):
        assert channel.findtext(child), child
    assert channel.find("a:link[@rel='self']", NS).get("href") == f"{SITE}/feeds/{stem}.rss.xml"
    items = channel.findall("item")
    guids = [item.findtext("guid") for item in items]
    assert len(set(guids)) == len(guids) == len(EXPECTED[stem])
    dates = [parsedate_to_datetime(item.findtext("pubDate")) for item in items]
    assert all(d.tzinfo is not None for d in dates)
    assert dates == sorted(dates, reverse=True)
    assert parsedate_to_datetime(channel.findtext("lastBuildDate")) >= dates[0]
    assert [item.findtext("title") for item in items] == EXPECTED[stem]


@pytest.mark.parametrize("name", FEEDS)
def test_feedparser_reads_every_feed_cleanly(site: Path, name: str) -> None:
    parsed = feedparser.parse(feed_bytes(site, name))
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    stem = name.rsplit(".", 2)[0]
    assert len(parsed.entries) == len(EXPECTED[stem])


@pytest.mark.parametrize("name", FEEDS)
def test_drafts_and_hidden_posts_reach_no_feed(site: Path, name: str) -> None:
    text = feed_bytes(site, name).decode("utf-8")
    for canary in CANARIES:
        assert canary not in text


def test_feed_titles_and_languages(site: Path) -> None:
    titles = {}
    for stem in EXPECTED:
        root = etree.fromstring(feed_bytes(site, f"{stem}.atom.xml"))
        titles[stem] = root.findtext("a:title", namespaces=NS)
    assert titles["all"] == "Feeds Fixture"
    assert titles["category/letters"] == "Feeds Fixture — Letters"
    assert titles["author/ben-okafor"] == "Feeds Fixture — Ben Okafor"
    assert titles["tag/grid"] == "Feeds Fixture — #grid"
    assert titles["lang/es"] == "Feeds Fixture — Spanish"
    spanish = etree.fromstring(feed_bytes(site, "lang/es.rss.xml"))
    assert spanish.findtext("channel/language") == "es"
    atom = etree.fromstring(feed_bytes(site, "lang/es.atom.xml"))
    assert atom.get("{http://www.w3.org/XML/1998/namespace}lang") == "es"


def test_alternate_links_point_at_the_scope_pages(site: Path) -> None:
    alternates = {}
    for stem in ("all", "category/letters", "author/ana-ruiz", "tag/grid"):
        root = etree.fromstring(feed_bytes(site, f"{stem}.atom.xml"))
        alternates[stem] = root.find("a:link[@rel='alternate']", NS).get("href")
        rss = etree.fromstring(feed_bytes(site, f"{stem}.rss.xml"))
        assert rss.findtext("channel/link") == alternates[stem]
    assert alternates == {
        "all": f"{SITE}/",
        "category/letters": f"{SITE}/letters/",
        "author/ana-ruiz": f"{SITE}/authors/ana-ruiz/",
        "tag/grid": f"{SITE}/tags/grid/",
    }
    for href in alternates.values():
        page = site / href.removeprefix(f"{SITE}/") / "index.html"
        assert page.is_file(), page


def town_hall(site: Path, fmt: str) -> tuple[str, str]:
    """Return (full content, summary) of the town hall post in the all feed."""
    root = etree.fromstring(feed_bytes(site, f"all.{fmt}.xml"))
    if fmt == "atom":
        entry = next(e for e in root.findall("a:entry", NS)
                     if e.findtext("a:title", namespaces=NS) == "Town hall recap")
        return (entry.findtext("a:content", namespaces=NS),
                entry.findtext("a:summary", namespaces=NS))
    item = next(i for i in root.iter("item") if i.findtext("title") == "Town hall recap")
    return item.findtext("content:encoded", namespaces=NS), item.findtext("description")


@pytest.mark.parametrize("fmt", ["atom", "rss"])
def test_full_content_with_absolute_links(site: Path, fmt: str) -> None:
    content, summary = town_hall(site, fmt)
    assert "FULLBODY-town-hall" in content
    assert summary == "<p>What we heard at the March town hall.</p>"
    soup = BeautifulSoup(content, "html.parser")
    urls = [a["href"] for a in soup.find_all("a")] + [img["src"] for img in soup.find_all("img")]
    assert urls == [
        f"{SITE}/posts/2024/rate-question/",
        f"{SITE}/posts/2024/town-hall-recap/chart.png",
        f"{SITE}/posts/2024/rate-question/",
        f"{SITE}/images/outage-map.png",
    ]


def test_atom_content_is_marked_html(site: Path) -> None:
    root = etree.fromstring(feed_bytes(site, "all.atom.xml"))
    assert {c.get("type") for c in root.iter(f"{{{ATOM}}}content")} == {"html"}


@pytest.mark.parametrize("name", FEEDS)
def test_every_feed_links_the_stylesheet(site: Path, name: str) -> None:
    root = etree.fromstring(feed_bytes(site, name))
    pi = root.getprevious()
    assert pi is not None
    assert pi.target == "xml-stylesheet"
    assert pi.text == f'type="text/xsl" href="{SITE}/theme/feed.xsl"'
    assert (site / "theme" / "feed.xsl").is_file()


def test_entry_and_feed_dates_follow_the_posts(site: Path) -> None:
    root = etree.fromstring(feed_bytes(site, "category/letters.atom.xml"))
    entry = root.find("a:entry", NS)
    assert entry.findtext("a:published", namespaces=NS) == "2024-03-04T10:00:00+01:00"
    assert entry.findtext("a:updated", namespaces=NS) == "2024-03-10T09:30:00+01:00"
    assert root.findtext("a:updated", namespaces=NS) == "2024-03-10T09:30:00+01:00"
    rss = etree.fromstring(feed_bytes(site, "category/letters.rss.xml"))
    assert rss.findtext("channel/lastBuildDate") == "Sun, 10 Mar 2024 09:30:00 +0100"
    assert rss.findtext("channel/item/pubDate") == "Mon, 04 Mar 2024 10:00:00 +0100"


def test_subscribe_template_got_the_catalog(site: Path) -> None:
    soup = BeautifulSoup((site / "subscribe" / "index.html").read_text("utf-8"), "html.parser")
    assert [h.get_text() for h in soup.find_all("h2")] == [
        "Everything", "By kind", "By author", "By language", "By tag",
    ]
    links = soup.select("section a")
    assert sorted(a["href"].lstrip("/") for a in links) == sorted(f"feeds/{n}" for n in FEEDS)
    for link in links:
        assert (site / link["href"].lstrip("/")).is_file()
    assert [a["href"] for a in soup.select("a.site-feed")] == [
        "/feeds/all.atom.xml", "/feeds/all.rss.xml",
        "/feeds/lang/en.atom.xml", "/feeds/lang/en.rss.xml",
        "/feeds/lang/es.atom.xml", "/feeds/lang/es.rss.xml",
    ]


@pytest.mark.parametrize("fmt", ["atom", "rss"])
def test_generated_summary_links_are_absolute_from_the_site_root(site: Path, fmt: str) -> None:
    root = etree.fromstring(feed_bytes(site, f"tag/rates.{fmt}.xml"))
    if fmt == "atom":
        summary = root.findtext("a:entry/a:summary", namespaces=NS)
        content = root.findtext("a:entry/a:content", namespaces=NS)
    else:
        summary = root.findtext("channel/item/description")
        content = root.findtext("channel/item/content:encoded", namespaces=NS)
    assert "FULLBODY-rates" not in summary
    assert "FULLBODY-rates" in content
    for fragment in (summary, content):
        hrefs = [a["href"] for a in BeautifulSoup(fragment, "html.parser").find_all("a")]
        assert hrefs[0] == f"{SITE}/posts/2024/town-hall-recap/"
