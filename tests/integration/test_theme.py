"""The theme: our templates for every page type, translations, bylines and metadata."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.helpers import REPO, build_fixture

TEMPLATES = ["index", "article", "page", "archives", "period_archives", "categories",
             "category", "tags", "tag", "authors", "author", "404", "subscribe", "robots"]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    output = tmp_path_factory.mktemp("basic") / "out"
    build_fixture("basic", output, PUBLISHING_PREVIEW=False,
                  SITEURL="https://fixture.example", RELATIVE_URLS=False,
                  FEEDS_DOMAIN="https://fixture.example")
    return output


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("name", TEMPLATES)
def test_theme_provides_every_template_pelican_renders(name):
    assert (REPO / "theme" / "templates" / f"{name}.html").is_file()


def test_every_page_was_rendered_by_candor_templates(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        meta = soup(site, str(page.relative_to(site))).find("meta", attrs={"name": "generator"})
        assert meta is not None and meta["content"] == "Candor", page


@pytest.mark.parametrize("path", [
    "index.html", "posts/2026/results/index.html", "about/index.html", "archives/index.html",
    "archives/2026/index.html", "kinds/index.html", "news/index.html", "tags/index.html",
    "tags/storage/index.html", "authors/index.html", "authors/ana-ruiz/index.html",
    "subscribe/index.html", "404.html"])
def test_every_page_type_has_landmarks_skip_link_and_language(site, path):
    page = soup(site, path)
    assert page.html["lang"]
    assert page.find("main", id="main")
    first_link = page.find("a")
    assert first_link["href"] == "#main"
    for nav in page.find_all("nav"):
        assert nav.get("aria-label") or nav.get("aria-labelledby"), path
    assert page.find("header") and page.find("footer")


def test_article_byline_dates_reading_time_and_tags(site):
    page = soup(site, "posts/2026/results/index.html")
    article = page.find("article")
    assert "Marcus Adeyemi" in article.get_text()
    assert "Chief Financial Officer" in article.get_text()
    times = {t["datetime"] for t in article.find_all("time")}
    assert "2026-04-10T09:00:00+02:00" in times
    assert "2026-04-12T10:00:00+02:00" in times  # the updated date
    assert "min read" in article.get_text()
    assert page.find("a", href="https://fixture.example/tags/storage/")


def test_related_posts_share_tags_and_prev_next_link_neighbours(site):
    page = soup(site, "posts/2026/results/index.html")
    links = {a["href"] for a in page.find_all("a", href=True)}
    assert "https://fixture.example/posts/2026/saying-no/" in links


def test_article_has_canonical_open_graph_and_blogposting_json_ld(site):
    page = soup(site, "posts/2026/results/index.html")
    canonical = page.find("link", rel="canonical")
    assert canonical["href"] == "https://fixture.example/posts/2026/results/"
    assert page.find("meta", property="og:title")["content"] == "Our first-quarter results"
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["@type"] == "BlogPosting"
    assert data["headline"] == "Our first-quarter results"
    assert data["datePublished"] == "2026-04-10T09:00:00+02:00"
    assert data["dateModified"] == "2026-04-12T10:00:00+02:00"
    authors = data["author"] if isinstance(data["author"], list) else [data["author"]]
    assert authors[0]["name"] == "Marcus Adeyemi"


def test_translations_are_linked_both_ways_with_hreflang(site):
    english = soup(site, "posts/2026/saying-no/index.html")
    spanish = soup(site, "es/posts/2026/saying-no/index.html")
    assert spanish.html["lang"] == "es" and english.html["lang"] == "en"
    en_alt = {row["hreflang"]: row["href"] for row in english.find_all("link", hreflang=True)}
    es_alt = {row["hreflang"]: row["href"] for row in spanish.find_all("link", hreflang=True)}
    assert en_alt["es"] == "https://fixture.example/es/posts/2026/saying-no/"
    assert es_alt["en"] == "https://fixture.example/posts/2026/saying-no/"


def test_theme_strings_follow_the_page_language(site):
    english = soup(site, "posts/2026/saying-no/index.html").get_text()
    spanish = soup(site, "es/posts/2026/saying-no/index.html").get_text()
    assert "Subscribe" in english and "Suscribirse" not in english
    assert "Suscribirse" in spanish
    assert "2 de marzo de 2026" in spanish
    assert "2 March 2026" in english


def test_author_page_shows_the_roster_entry(site):
    page = soup(site, "authors/ana-ruiz/index.html")
    text = page.get_text()
    assert "Chief Executive Officer" in text and "Ana co-founded the company." in text
    me = page.find("a", rel="me")
    assert me["href"] == "https://social.example/@ana"
    img = page.find("img", src="https://fixture.example/images/ana.svg")
    assert img["alt"] == "Portrait of Ana Ruiz"


def test_no_page_requests_a_third_party_host(site):
    for page in site.rglob("*.html"):
        parsed = soup(site, str(page.relative_to(site)))
        for tag in parsed.find_all(["script", "link", "img", "iframe", "source"]):
            url = tag.get("src") or (tag.get("href") if tag.name == "link" else None)
            if url and tag.name == "link" and tag.get("rel") in (["canonical"], ["alternate"]):
                continue
            assert not url or not url.startswith(("http:", "https:", "//")) or url.startswith(
                "https://fixture.example/"), (page, url)


def test_templates_escape_metadata(site_copy, tmp_path):
    site_dir = site_copy("basic")
    post = site_dir / "content" / "posts" / "results.md"
    post.write_text(post.read_text().replace(
        "Title: Our first-quarter results", 'Title: <script>alert("t")</script> & co'))
    build_fixture_dir = site_dir / "pelicanconf.py"
    from tests.helpers import build_site
    build_site(build_fixture_dir, tmp_path / "out", PUBLISHING_PREVIEW=False)
    html = (tmp_path / "out" / "posts" / "2026" / "results" / "index.html").read_text()
    assert '<script>alert("t")</script>' not in html
    assert "&lt;script&gt;" in html


def test_sitemap_and_robots_use_absolute_urls(site):
    sitemap = (site / "sitemap.xml").read_text()
    assert "<loc>https://fixture.example/posts/2026/results/</loc>" in sitemap
    robots = (site / "robots.txt").read_text()
    assert "Sitemap: https://fixture.example/sitemap.xml" in robots
