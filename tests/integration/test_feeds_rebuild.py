"""Feeds across builds and settings: byte-stable, stable ids, hostile titles, options."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import feedparser
import pytest
from lxml import etree

from candor_common.errors import BuildAborted, ConfigError
from tests.helpers import FIXTURES, build_fixture

ATOM = {"a": "http://www.w3.org/2005/Atom"}
CONTENT = FIXTURES / "feeds" / "content"


def feed_files(output: Path) -> dict[str, bytes]:
    return {str(p.relative_to(output)): p.read_bytes() for p in sorted(output.rglob("*.xml"))}


def copy_content(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    return content


def atom_ids(output: Path) -> dict[str, str]:
    """Map each entry's link to its id in the all-posts Atom feed."""
    root = etree.fromstring((output / "feeds" / "all.atom.xml").read_bytes())
    return {e.find("a:link", ATOM).get("href"): e.findtext("a:id", namespaces=ATOM)
            for e in root.findall("a:entry", ATOM)}


def test_two_builds_write_byte_identical_feeds(tmp_path: Path) -> None:
    build_fixture("feeds", tmp_path / "one")
    build_fixture("feeds", tmp_path / "two")
    first, second = feed_files(tmp_path / "one"), feed_files(tmp_path / "two")
    assert len([name for name in first if name.startswith("feeds/")]) == 20
    assert first == second


def test_editing_a_title_or_text_keeps_every_id(tmp_path: Path) -> None:
    content = copy_content(tmp_path)
    build_fixture("feeds", tmp_path / "before", PATH=str(content))
    post = content / "posts" / "town-hall-recap.md"
    text = post.read_text("utf-8")
    post.write_text(text.replace("Title: Town hall recap", "Title: March town hall, revisited")
                    .replace("two hundred", "three hundred"), "utf-8")
    build_fixture("feeds", tmp_path / "after", PATH=str(content))
    before, after = atom_ids(tmp_path / "before"), atom_ids(tmp_path / "after")
    assert before == after
    feed = (tmp_path / "after" / "feeds" / "all.atom.xml").read_text("utf-8")
    assert "March town hall, revisited" in feed
    assert "three hundred" in feed
    link = "https://news.example.org/posts/2024/town-hall-recap/"
    assert after[link] == "tag:news.example.org,2024-03-04:posts/2024/town-hall-recap/"


def test_control_characters_and_cdata_end_in_a_title_never_break_a_feed(tmp_path: Path) -> None:
    content = copy_content(tmp_path)
    (content / "posts" / "hostile.md").write_text(
        "Title: Vertical\x0btab ]]> and \x01 bell\n"
        "Date: 2024-07-01 10:00\n"
        "Category: Letters\n"
        "Tags: grid\n"
        "Author: Ana Ruiz\n\n"
        "Body with a \x0b tab and ]]> inside.\n",
        encoding="utf-8",
    )
    output = tmp_path / "out"
    build_fixture("feeds", output, PATH=str(content))
    feeds = sorted((output / "feeds").rglob("*.xml"))
    assert len(feeds) == 20
    for path in feeds:
        data = path.read_bytes()
        etree.fromstring(data)
        assert feedparser.parse(data).bozo == 0, path
    root = etree.fromstring((output / "feeds" / "all.atom.xml").read_bytes())
    titles = [e.findtext("a:title", namespaces=ATOM) for e in root.findall("a:entry", ATOM)]
    assert titles[0] == "Verticaltab ]]> and  bell"
    rss = etree.fromstring((output / "feeds" / "category" / "letters.rss.xml").read_bytes())
    assert rss.findtext("channel/item/title") == "Verticaltab ]]> and  bell"
    assert "a  tab and ]]&gt; inside." in rss.findtext(
        "channel/item/{http://purl.org/rss/1.0/modules/content/}encoded")


def test_formats_scopes_and_cap_follow_settings(tmp_path: Path) -> None:
    build_fixture("feeds", tmp_path, FEEDS_FORMATS=("atom",), FEEDS_SCOPES=("all", "tag"),
                  FEEDS_MAX_ITEMS=2, FEEDS_PATH="subscribe/feeds")
    written = sorted(str(p.relative_to(tmp_path / "subscribe" / "feeds"))
                     for p in (tmp_path / "subscribe" / "feeds").rglob("*.xml"))
    assert written == ["all.atom.xml", "tag/grid.atom.xml", "tag/rates.atom.xml",
                       "tag/safety.atom.xml"]
    assert not (tmp_path / "feeds").exists()
    root = etree.fromstring((tmp_path / "subscribe" / "feeds" / "all.atom.xml").read_bytes())
    assert len(root.findall("a:entry", ATOM)) == 2


def test_siteurl_wins_over_feeds_domain_and_stylesheet_can_be_off(tmp_path: Path) -> None:
    build_fixture("feeds", tmp_path, SITEURL="https://www.example.com/blog",
                  FEEDS_STYLESHEET=None, RELATIVE_URLS=False)
    data = (tmp_path / "feeds" / "all.atom.xml").read_bytes()
    assert b"xml-stylesheet" not in data
    root = etree.fromstring(data)
    assert root.find("a:link[@rel='self']", ATOM).get("href") == (
        "https://www.example.com/blog/feeds/all.atom.xml")
    assert root.findtext("a:id", namespaces=ATOM).startswith("tag:www.example.com,")


def test_unknown_setting_stops_the_build_with_a_suggestion(tmp_path: Path) -> None:
    with pytest.raises(BuildAborted) as caught:
        build_fixture("feeds", tmp_path, FEEDS_FORMAT=("atom",))
    assert isinstance(caught.value.__cause__, ConfigError)
    assert "FEEDS_FORMAT: unknown setting. did you mean FEEDS_FORMATS?" in caught.value.message
    assert not (tmp_path / "feeds").exists()


def test_wrong_format_stops_the_build_naming_setting_and_fix(tmp_path: Path) -> None:
    with pytest.raises(BuildAborted) as caught:
        build_fixture("feeds", tmp_path, FEEDS_FORMATS=("atom", "json"))
    assert "FEEDS_FORMATS: 'json' is not one of" in caught.value.message
    assert "Set FEEDS_FORMATS to a tuple of" in caught.value.message


def test_pelicans_own_feeds_and_a_missing_stylesheet_are_warned_about(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="feeds"):
        build_fixture("feeds", tmp_path, FEED_ALL_RSS="feeds/pelican.rss.xml",
                      FEEDS_STYLESHEET="missing/feed.xsl")
    messages = [r.getMessage() for r in caplog.records if r.name.startswith("feeds")]
    assert messages == [
        ("feeds: Pelican's own feed FEED_ALL_RSS is on; Candor writes feeds itself; "
         "set it to None"),
        ("feeds: FEEDS_STYLESHEET missing/feed.xsl was not written to the output, so feeds "
         "link a missing file; add it to the theme's static files or set FEEDS_STYLESHEET = None"),
    ]
    assert (tmp_path / "feeds" / "all.atom.xml").is_file()
