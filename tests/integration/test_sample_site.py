"""The sample site, built as CI publishes it: complete, linked, valid and clean."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup

from candor_tools.site_checks import run_checks
from tests.helpers import REPO

pytestmark = pytest.mark.sample
SITEURL = "https://leadership.tidewater.example"


def posts_in(content: Path) -> list[Path]:
    return sorted((content / "posts").rglob("*.md"))


def test_sample_has_the_promised_shape():
    posts = posts_in(REPO / "content")
    assert len(posts) >= 12
    spanish = [p for p in posts if p.name.endswith(".es.md")]
    assert len(spanish) >= 2
    for translation in spanish:
        assert translation.with_name(translation.name.replace(".es.md", ".md")).is_file()


def test_every_page_type_is_built(sample_site):
    for path in ["index.html", "404.html", "robots.txt", "sitemap.xml", "archives/index.html",
                 "kinds/index.html", "news/index.html", "reflections/index.html",
                 "tags/index.html", "authors/index.html", "authors/ana-ruiz/index.html",
                 "subscribe/index.html", "about/index.html", "theme/feed.xsl",
                 "feeds/all.atom.xml", "feeds/all.rss.xml"]:
        assert (sample_site / path).is_file(), path
    assert list((sample_site / "archives").glob("20*/index.html"))
    assert list((sample_site / "es" / "posts").rglob("index.html"))


def test_production_sample_has_no_drafts_and_passes_the_site_checks(sample_site):
    assert not (sample_site / "drafts").exists()
    assert run_checks(sample_site, SITEURL, ("questions@tidewater.example",)) == []


def test_every_page_of_the_production_sample_is_valid_html(sample_site):
    # The Nu HTML checker, as `invoke check` runs it: any template or content that
    # writes invalid HTML (a misplaced tag, a duplicate id, a meta without name) fails.
    from candor_tools.html_check import check_html

    assert check_html(sample_site) == []


def test_site_feed_lists_every_published_post_in_full(sample_site):
    feed = feedparser.parse((sample_site / "feeds" / "all.atom.xml").read_bytes())
    assert feed.bozo == 0
    urls = {e.link for e in feed.entries}
    pages = {p.parent.relative_to(sample_site).as_posix()
             for p in sample_site.glob("**/posts/*/*/index.html")}
    assert urls == {f"{SITEURL}/{p}/" for p in pages}
    assert all(len(e.content[0].value) > len(e.summary) for e in feed.entries)


def test_subscribe_page_lists_every_feed_that_exists(sample_site):
    page = BeautifulSoup((sample_site / "subscribe" / "index.html").read_text(), "html.parser")
    hrefs = {a["href"] for a in page.find_all("a", href=True) if a["href"].endswith(".xml")}
    feeds = {f"{SITEURL}/{p.relative_to(sample_site).as_posix()}"
             for p in (sample_site / "feeds").rglob("*.xml")}
    assert feeds and hrefs == feeds


@pytest.mark.parametrize("settings", ["pelicanconf.py", "publishconf.py"])
def test_pelican_cli_builds_the_sample_clean_with_fatal_warnings(tmp_path, settings):
    result = subprocess.run(
        [sys.executable, "-m", "pelican", "content", "-s", settings, "-o", str(tmp_path),
         "--fatal", "warnings", "--log-handler", "plain"],
        cwd=REPO, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stdout + result.stderr


REVERSED_LISTINGS = """
import os, sys
import pelican

# Every directory listing comes back in reverse order: os.scandir (behind os.walk,
# which Pelican's readers use, and behind pathlib and glob, which plugins use) and
# os.listdir.
_scandir, _listdir = os.scandir, os.listdir


class Listing:
    def __init__(self, entries):
        self._entries = iter(entries)

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._entries)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def close(self):
        pass


def scandir(path="."):
    with _scandir(path) as entries:
        return Listing(reversed(list(entries)))


os.scandir = scandir
os.listdir = lambda path=".": list(reversed(_listdir(path)))
pelican.main(sys.argv[1:])
"""


def test_the_same_input_gives_byte_identical_output(tmp_path):
    # Two separate processes, as two CI runs would be, with different hash seeds, system
    # timezones and locales, and the second one reading every folder in reverse order:
    # nothing may depend on the clock, on process state or on file order. The search
    # index included: Pagefind writes its filters in an order of its own each run.
    import os

    from invoke import Context

    from tasks import index_for_search

    outputs = []
    environments = [{"PYTHONHASHSEED": "1", "TZ": "America/New_York", "LC_ALL": "C.UTF-8"},
                    {"PYTHONHASHSEED": "4242", "TZ": "Asia/Tokyo", "LC_ALL": "C"}]
    runners = [["-m", "pelican"], ["-c", REVERSED_LISTINGS]]
    for name, extra, runner in zip(("first", "second"), environments, runners, strict=True):
        output = tmp_path / name
        subprocess.run([sys.executable, *runner, "content", "-s", "publishconf.py",
                        "-o", str(output), "--log-handler", "plain", "-q"],
                       cwd=REPO, check=True, capture_output=True, env={**os.environ, **extra})
        index_for_search(Context(), output, "en")
        assert (output / "pagefind" / "pagefind-entry.json").is_file()
        outputs.append({p.relative_to(output): p.read_bytes()
                        for p in output.rglob("*") if p.is_file()})
    first, second = outputs
    assert first.keys() == second.keys()
    assert [k for k in first if first[k] != second[k]] == []


def test_reversed_listings_really_reverse_the_reading_order(tmp_path):
    # The positive control for the test above: the patched process does see files in
    # another order (otherwise the comparison would prove nothing).
    script = REVERSED_LISTINGS.replace("pelican.main(sys.argv[1:])", (
        "from pathlib import Path\n"
        "print([p.name for p in Path(sys.argv[1]).iterdir()])\n"
        "print([f for _, _, fs in os.walk(sys.argv[1]) for f in fs])"))
    for name in ("a.md", "b.md", "c.md"):
        (tmp_path / name).write_text("x")
    result = subprocess.run([sys.executable, "-c", script, str(tmp_path)], capture_output=True,
                            text=True, check=True)
    listed, walked = result.stdout.splitlines()
    assert listed == str(list(reversed([p.name for p in tmp_path.iterdir()])))
    assert walked == str(list(reversed(next(os.walk(tmp_path))[2])))


def test_sample_town_hall_is_generated_deterministically_and_up_to_date():
    result = subprocess.run([sys.executable, "-m", "candor_tools.sample_qa", "--check"],
                            cwd=REPO, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_sample_q_and_a_has_every_status_and_embeds_on_posts(sample_site):
    import json

    data = json.loads((sample_site / "qa" / "digest.json").read_text())
    statuses = {q["status"] for t in data["threads"] for q in t["questions"]
                if q["kind"] == "question"}
    assert statuses == {"answered", "follow-up", "declined", "pending", "merged", "removed"}
    comments = {q["status"] for t in data["threads"] for q in t["questions"]
                if q["kind"] == "comment"}
    assert comments == {"published", "removed"}
    assert data["scorecard"]["received"] >= 300
    embedded = [p for p in sample_site.glob("posts/*/*/index.html")
                if 'class="qa-digest' in p.read_text()]
    assert len(embedded) >= 3
