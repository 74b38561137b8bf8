"""One feed rendered with feedgen: ids, dates, content, safety and byte-stable output."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from feedgen.entry import FeedEntry
from lxml import etree

from feeds.config import DEFAULTS, FeedsConfig, read_config
from feeds.entries import EntryData, entry_data
from feeds.plan import plan_feeds
from feeds.render import KeptEntries, render_feed, with_stylesheet

NS = {"a": "http://www.w3.org/2005/Atom", "content": "http://purl.org/rss/1.0/modules/content/",
      "dc": "http://purl.org/dc/elements/1.1/"}
CET = dt.timezone(dt.timedelta(hours=1))


@dataclass
class Named:
    name: str
    slug: str = "x"
    url: str = "x/"


@dataclass
class Post:
    title: str
    url: str
    date: dt.datetime
    body: str = "<p>Full body</p>"
    summary: str = "<p>Short</p>"
    modified: dt.datetime | None = None
    status: str = "published"
    lang: str = "en"
    category: Named | None = field(default_factory=lambda: Named("Letters", "letters", "letters/"))
    tags: list[Named] = field(default_factory=lambda: [Named("grid", "grid", "tags/grid/")])
    authors: list[Named] = field(default_factory=lambda: [Named("Ana Ruiz", "ana-ruiz")])

    def get_content(self, siteurl: str) -> str:
        return self.body.replace("{site}", siteurl)

    def get_summary(self, siteurl: str) -> str:
        return self.summary.replace("{site}", siteurl)


def config(**settings: Any) -> FeedsConfig:
    return read_config({**DEFAULTS, "SITEURL": "", "FEEDS_DOMAIN": "https://example.org",
                        "SITENAME": "Site", "DEFAULT_LANG": "en", **settings})


OLD = Post("Old", "posts/old/", dt.datetime(2024, 1, 2, 9, 0, tzinfo=CET),
           modified=dt.datetime(2024, 6, 1, 12, 0, tzinfo=CET))
NEW = Post("New", "posts/new/", dt.datetime(2024, 3, 4, 10, 0, tzinfo=CET),
           body='<p>See <a href="../old/">old</a> and <img src="pic.png" alt=""></p>')


def render(posts: list[Post], fmt: str, **settings: Any) -> bytes:
    cfg = config(**settings)
    plan = plan_feeds(posts, [], cfg)[0]
    return render_feed(plan, fmt, [entry_data(a, cfg) for a in plan.articles], cfg)


def test_entry_id_is_a_tag_uri_that_ignores_title_and_content() -> None:
    cfg = config()
    before = entry_data(NEW, cfg)
    after = entry_data(replace(NEW, title="Retitled", body="<p>Rewritten</p>"), cfg)
    assert before.id == after.id == "tag:example.org,2024-03-04:posts/new/"


def test_entry_updated_is_modified_or_date() -> None:
    cfg = config()
    assert entry_data(OLD, cfg).updated == OLD.modified
    assert entry_data(NEW, cfg).updated == NEW.date
    assert entry_data(NEW, cfg).published == NEW.date


def test_entry_content_is_full_with_absolute_links() -> None:
    entry = entry_data(NEW, config())
    assert entry.content == (
        '<p>See <a href="https://example.org/posts/old/">old</a> and '
        '<img src="https://example.org/posts/new/pic.png" alt=""></p>'
    )
    assert entry.summary == "<p>Short</p>"


def test_illegal_characters_are_stripped_from_every_string() -> None:
    nasty = replace(NEW, title="Bad\x0b title ]]>", body="<p>x\x01y ]]></p>",
                    summary="<p>s\x0c</p>", authors=[Named("An\x1ba")],
                    tags=[Named("t\x00ag", "tag", "tags/tag/")])
    entry: EntryData = entry_data(nasty, config())
    assert entry.title == "Bad title ]]>"
    assert entry.content == "<p>xy ]]&gt;</p>"
    assert entry.summary == "<p>s</p>"
    assert entry.authors == ("Ana",)
    assert entry.categories == ("Letters", "tag")
    for fmt in ("atom", "rss"):
        tree = etree.fromstring(render([nasty], fmt))
        assert tree.findtext(".//a:entry/a:title" if fmt == "atom" else ".//item/title",
                             namespaces=NS) == "Bad title ]]>"


def test_atom_feed_facts() -> None:
    root = etree.fromstring(render([OLD, NEW], "atom"))
    assert root.findtext("a:id", namespaces=NS) == "tag:example.org,2024-01-02:feeds/all.atom.xml"
    # updated is the newest entry update (OLD was modified in June), never the clock.
    assert root.findtext("a:updated", namespaces=NS) == "2024-06-01T12:00:00+01:00"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    generator = root.find("a:generator", namespaces=NS)
    assert generator.text == "Candor"
    assert dict(generator.attrib) == {}
    links = {ln.get("rel"): ln.get("href") for ln in root.findall("a:link", namespaces=NS)}
    assert links == {"self": "https://example.org/feeds/all.atom.xml",
                     "alternate": "https://example.org/"}
    entries = root.findall("a:entry", namespaces=NS)
    assert [e.findtext("a:title", namespaces=NS) for e in entries] == ["New", "Old"]
    new = entries[0]
    assert new.find("a:content", namespaces=NS).get("type") == "html"
    assert "pic.png" in new.findtext("a:content", namespaces=NS)
    assert new.findtext("a:published", namespaces=NS) == "2024-03-04T10:00:00+01:00"
    assert new.findtext("a:author/a:name", namespaces=NS) == "Ana Ruiz"
    assert [c.get("term") for c in new.findall("a:category", namespaces=NS)] == ["Letters", "grid"]


def test_rss_feed_facts() -> None:
    root = etree.fromstring(render([OLD, NEW], "rss"))
    channel = root.find("channel")
    assert channel.findtext("link") == "https://example.org/"
    assert channel.findtext("language") == "en"
    assert channel.findtext("generator") == "Candor"
    assert channel.findtext("lastBuildDate") == "Sat, 01 Jun 2024 12:00:00 +0100"
    assert channel.find("a:link", namespaces=NS).attrib == {
        "href": "https://example.org/feeds/all.rss.xml", "rel": "self",
        "type": "application/rss+xml"}
    item = channel.find("item")
    assert item.findtext("description") == "<p>Short</p>"
    assert "https://example.org/posts/new/pic.png" in item.findtext("content:encoded",
                                                                    namespaces=NS)
    assert item.findtext("dc:creator", namespaces=NS) == "Ana Ruiz"
    assert item.find("guid").get("isPermaLink") == "false"
    assert item.findtext("pubDate") == "Mon, 04 Mar 2024 10:00:00 +0100"


def test_feed_without_authors_gets_the_site_as_author() -> None:
    root = etree.fromstring(render([replace(NEW, authors=[])], "atom", AUTHOR="The Board"))
    assert root.findtext("a:author/a:name", namespaces=NS) == "The Board"


def test_output_is_byte_identical_and_led_by_the_stylesheet() -> None:
    first = render([OLD, NEW], "atom")
    assert first == render([OLD, NEW], "atom")
    assert first.startswith(
        b"<?xml version='1.0' encoding='UTF-8'?>\n"
        b'<?xml-stylesheet type="text/xsl" href="https://example.org/theme/feed.xsl"?>\n<feed'
    )
    assert b"xml-stylesheet" not in render([OLD, NEW], "rss", FEEDS_STYLESHEET=None)


def test_stylesheet_href_cannot_break_out_of_the_instruction() -> None:
    xml = render([NEW], "atom", FEEDS_STYLESHEET='x"?><evil/>.xsl')
    pi = etree.fromstring(xml).getroottree().getroot().getprevious()
    assert pi.target == "xml-stylesheet"
    assert pi.text == 'type="text/xsl" href="https://example.org/x%22?%3E%3Cevil/%3E.xsl"'


def test_with_stylesheet_keeps_the_document() -> None:
    out = with_stylesheet(etree.fromstring(b"<feed><title>t</title></feed>"),
                          "https://e.org/s.xsl")
    assert etree.fromstring(out).findtext("title") == "t"


def test_entries_kept_for_other_feeds_give_the_same_bytes_and_are_built_once(monkeypatch
                                                                            ) -> None:
    cfg = config()
    plans = plan_feeds([OLD, NEW], [], cfg)
    assert len(plans) > 2  # the site's, the kind's, the tag's, the author's...
    built: list[str] = []
    real_atom, real_rss = FeedEntry.atom_entry, FeedEntry.rss_entry
    monkeypatch.setattr(FeedEntry, "atom_entry",
                        lambda self, *a: built.append("atom") or real_atom(self, *a))
    monkeypatch.setattr(FeedEntry, "rss_entry",
                        lambda self, *a: built.append("rss") or real_rss(self, *a))
    kept = KeptEntries()
    for fmt in ("atom", "rss"):
        for plan in plans:
            entries = [entry_data(a, cfg) for a in plan.articles]
            built_before = len(built)
            alone = render_feed(plan, fmt, entries, cfg)
            assert len(built) - built_before == len(entries)  # one element per entry
            assert render_feed(plan, fmt, entries, cfg, kept) == alone
    # With the kept entries, each post's element was built once per format.
    shown = sum(len(plan.articles) for plan in plans)
    assert len(built) == 2 * shown + 2 * 2
