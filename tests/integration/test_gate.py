"""The publishing gate: review, approval, disclosure and corrections, in preview and production."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup

from candor_common.errors import BuildAborted
from tests.helpers import build_site

PRODUCTION = {"PUBLISHING_PREVIEW": False, "PUBLISHING_REQUIRE_APPROVAL": True,
              "PUBLISHING_APPROVERS": ["Jordan Blake"], "SITEURL": "https://gate.example",
              "RELATIVE_URLS": False, "FEEDS_DOMAIN": "https://gate.example"}
POSTS = {
    "approved": "Status: published\nApproved_by: jordan blake\n",
    "unapproved": "Status: published\n",
    "wrong-approver": "Status: published\nApproved_by: Sam Intern\n",
    "in-review": "Status: review\nApproved_by: Jordan Blake\n",
    "hidden-unapproved": "Status: hidden\n",
}


def write_post(site: Path, slug: str, extra: str, body: str = "") -> None:
    (site / "content" / "posts" / f"{slug}.md").write_text(
        f"Title: Post {slug} CANARY-{slug.upper()}\nDate: 2026-05-01 09:00\n"
        f"Author: ana-ruiz\nKind: news\nWritten_by: ana-ruiz\n{extra}\n"
        f"{body or f'Body CANARY-{slug.upper()}-BODY.'}\n")


@pytest.fixture
def gate_site(site_copy) -> Path:
    site = site_copy("basic")
    for slug, extra in POSTS.items():
        write_post(site, slug, extra)
    return site


def all_text(output: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8", errors="replace")
                     for p in output.rglob("*") if p.is_file())


def test_production_publishes_only_approved_posts(gate_site, tmp_path):
    output = tmp_path / "out"
    build_site(gate_site / "pelicanconf.py", output, **PRODUCTION)
    assert (output / "posts" / "2026" / "approved" / "index.html").is_file()
    text = all_text(output)
    assert "CANARY-APPROVED" in text
    for held in ("UNAPPROVED", "WRONG-APPROVER", "IN-REVIEW", "HIDDEN-UNAPPROVED"):
        assert f"CANARY-{held}" not in text, held


def test_preview_shows_every_state_with_its_banner(gate_site, tmp_path):
    build_site(gate_site / "pelicanconf.py", tmp_path, PUBLISHING_APPROVERS=["Jordan Blake"])
    review = (tmp_path / "drafts" / "in-review" / "index.html").read_text()
    assert "IN REVIEW" in review
    unapproved = (tmp_path / "posts" / "2026" / "unapproved" / "index.html").read_text()
    assert "NOT APPROVED" in unapproved
    approved = (tmp_path / "posts" / "2026" / "approved" / "index.html").read_text()
    assert "draft-banner" not in approved


def test_required_approval_needs_approvers(gate_site, tmp_path, caplog):
    settings = {**PRODUCTION, "PUBLISHING_APPROVERS": []}
    with caplog.at_level(logging.ERROR), pytest.raises(BuildAborted):
        build_site(gate_site / "pelicanconf.py", tmp_path, **settings)
    assert "PUBLISHING_APPROVERS: approval is required but nobody may approve" in caplog.text


def test_production_requires_an_authorship_disclosure(gate_site, tmp_path, caplog):
    post = gate_site / "content" / "posts" / "approved.md"
    post.write_text(post.read_text().replace("Written_by: ana-ruiz\n", ""))
    with caplog.at_level(logging.ERROR), pytest.raises(BuildAborted):
        build_site(gate_site / "pelicanconf.py", tmp_path, PUBLISHING_REQUIRE_DISCLOSURE=True,
                   **PRODUCTION)
    assert "approved.md:1: written_by: is missing; production builds require an authorship" \
        in caplog.text


def test_byline_and_json_ld_disclose_who_wrote_and_who_helped(gate_site, tmp_path):
    write_post(gate_site, "helped", "Approved_by: Jordan Blake\nDrafted_with: the comms team\n"
               "Reviewed_by: Legal\n")
    build_site(gate_site / "pelicanconf.py", tmp_path, **PRODUCTION)
    page = BeautifulSoup((tmp_path / "posts" / "2026" / "helped" / "index.html").read_text(),
                         "html.parser")
    byline = " ".join(page.find(class_="byline__disclosure").get_text().split())
    assert byline == "Written by Ana Ruiz. Drafted with the comms team; reviewed by Legal."
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["contributor"] == [{"@type": "Organization", "name": "the comms team"}]


def test_a_correction_is_shown_first_and_is_a_material_update(gate_site, tmp_path):
    build_site(gate_site / "pelicanconf.py", tmp_path / "before", **PRODUCTION)
    write_post(gate_site, "approved", "Approved_by: Jordan Blake\n"
               "Correction: 2026-05-03 10:00: We said 96 containers; it was 94.\n")
    build_site(gate_site / "pelicanconf.py", tmp_path / "after", **PRODUCTION)
    page = BeautifulSoup((tmp_path / "after" / "posts" / "2026" / "approved" /
                          "index.html").read_text(), "html.parser")
    aside = page.find("aside", class_="corrections")
    assert "We said 96 containers; it was 94." in aside.get_text()
    body = page.find(class_="post__body")
    assert aside.sourceline < body.sourceline

    def updated(folder: str) -> str:
        feed = feedparser.parse((tmp_path / folder / "feeds" / "all.atom.xml").read_bytes())
        return next(e.updated for e in feed.entries if "approved" in e.link)

    assert updated("before") == "2026-05-01T09:00:00+02:00"
    assert updated("after") == "2026-05-03T10:00:00+02:00"


def test_a_typo_fix_is_not_an_update(gate_site, tmp_path):
    build_site(gate_site / "pelicanconf.py", tmp_path / "before", **PRODUCTION)
    write_post(gate_site, "approved", "Approved_by: Jordan Blake\n", body="Body, with a typo fixed.")
    build_site(gate_site / "pelicanconf.py", tmp_path / "after", **PRODUCTION)
    feeds = [feedparser.parse((tmp_path / f / "feeds" / "all.atom.xml").read_bytes())
             for f in ("before", "after")]
    assert [e.updated for e in feeds[0].entries] == [e.updated for e in feeds[1].entries]


@pytest.mark.parametrize(("line", "message"), [
    ("Correction: yesterday: oops\n", "correction: is not 'DATE: what was wrong and what is right'"),
    ("Correction: 2026-04-01: before the post\n", "correction: is dated before the post"),
    ("Written_by: ana-ruiz, marcus-adeyemi\n", "written_by: names one executive"),
])
def test_bad_transparency_fields_are_errors(gate_site, tmp_path, caplog, line, message):
    write_post(gate_site, "bad", "Approved_by: Jordan Blake\n" + line)
    post = gate_site / "content" / "posts" / "bad.md"
    if line.startswith("Written_by"):
        post.write_text(post.read_text().replace("Written_by: ana-ruiz\n", "", 1))
    with caplog.at_level(logging.ERROR), pytest.raises(BuildAborted):
        build_site(gate_site / "pelicanconf.py", tmp_path, **PRODUCTION)
    assert message in caplog.text
