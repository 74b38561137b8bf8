"""Commitments: the page, the feed of status changes, and where each promise was made."""

from __future__ import annotations

import logging

import feedparser
import pytest
from bs4 import BeautifulSoup

from candor_common.errors import BuildAborted
from tests.helpers import REPO, build_site

pytestmark = pytest.mark.sample


def soup(path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_commitments_page_lists_open_ones_first_with_their_history(sample_site):
    page = soup(sample_site / "commitments" / "index.html")
    items = page.select("li.commitment")
    assert items[0]["id"] == "first-net-profit"  # the only open one
    noise = page.find(id="requena-night-noise").get_text(" ")
    assert "Kept" in noise and "41 dB" in noise and "34 dB" in noise
    assert "Missed" in page.find(id="hiring-freeze-review").get_text(" ")


def test_feed_announces_every_status_change(sample_site):
    feed = feedparser.parse((sample_site / "feeds" / "commitments.atom.xml").read_bytes())
    assert feed.bozo == 0
    assert len(feed.entries) == 14
    assert feed.entries[0].title.startswith("Kept: Connect the Maasvlakte site")  # newest
    assert len({e.id for e in feed.entries}) == 14


def test_the_post_and_the_answer_that_made_a_commitment_show_its_status(sample_site):
    post = soup(sample_site / "posts" / "2024" / "requena-is-live" / "index.html")
    made = post.find(class_="commitments-made").get_text(" ")
    assert "Bring night-time noise" in made and "Kept" in made
    answer = soup(sample_site / "qa" / "spring-town-hall-2026" / "spring-0076" / "index.html")
    assert "Publish salary bands" in answer.find(class_="commitments-made").get_text(" ")


def test_open_commitments_past_their_due_date_are_flagged(tmp_path):
    output = tmp_path / "out"
    build_site(REPO / "publishconf.py", output, PUBLISHING_NOW="2028-01-05T10:00")
    page = soup(output / "commitments" / "index.html")
    assert "Overdue" in page.find(id="first-net-profit").get_text(" ")
    assert "Overdue" not in page.find(id="requena-night-noise").get_text(" ")


@pytest.mark.parametrize(("edit", "message"), [
    (("status: missed", "status: failed"), "status: 'failed' is not allowed"),
    (("who: ana-ruiz", "who: ceo"), "who: 'ceo' is not in the authors roster"),
    (("source: posts/2025/hiring-freeze.md", "source: posts/2025/nope.md"),
     "hiring-freeze-review: no post at content/posts/2025/nope.md"),
    (("source: qa:spring-0076", "source: qa:nope"), "salary-bands-published: no question 'nope'"),
])
def test_bad_commitments_stop_the_build(tmp_path, caplog, edit, message):
    import shutil

    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content)
    data = content / "commitments.yml"
    data.write_text(data.read_text().replace(*edit, 1))
    with caplog.at_level(logging.ERROR), pytest.raises(BuildAborted):
        build_site(REPO / "publishconf.py", tmp_path / "out", PATH=str(content))
    assert message in caplog.text
