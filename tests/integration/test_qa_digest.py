"""The Q&A digest built into a site: pages, numbers, feeds, data, and what never leaks."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup

from candor_common.errors import BuildAborted
from tests.helpers import QA_SITE_URL, build_fixture, build_site, soup_of

SITE = QA_SITE_URL
page = soup_of


@pytest.fixture(scope="module")
def site(qa_site) -> Path:
    return qa_site


def every_file_text(site: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8", errors="replace")
                     for p in site.rglob("*") if p.is_file())


def test_thread_pages_list_public_questions_in_the_promised_order(site):
    ids = []
    for number in (1, 2):
        path = "qa/spring" if number == 1 else "qa/spring/page/2"
        ids += [tag["id"] for tag in page(site, path).select("[id^=q-]")]
    assert ids == ["q-s-answered", "q-s-followup-late", "q-s-followup-ok", "q-s-declined",
                   "q-s-pending-a", "q-s-pending-b"]
    assert not (site / "qa" / "spring" / "page" / "3").exists()


@pytest.mark.parametrize(("status", "expected"), [
    ("answered", ["q-s-answered"]), ("declined", ["q-s-declined"]),
    ("follow-up", ["q-s-followup-late", "q-s-followup-ok"]),
    ("pending", ["q-s-pending-a", "q-s-pending-b"])])
def test_status_filter_works_without_javascript(site, status, expected):
    found = [tag["id"] for tag in page(site, f"qa/spring/{status}").select("[id^=q-]")]
    assert found == expected
    nav = page(site, "qa/spring").find("nav", attrs={"aria-label": True},
                                        string=None)
    assert nav is not None


def test_declines_show_their_reason_and_follow_ups_their_due_date(site):
    text = page(site, "qa/spring/declined").get_text(" ")
    assert "because the law protects them" in text
    late = page(site, "qa/spring/follow-up").find(id="q-s-followup-late").get_text(" ")
    assert "Overdue" in late
    ok = page(site, "qa/spring/follow-up").find(id="q-s-followup-ok").get_text(" ")
    assert "Overdue" not in ok


def test_question_pages_exist_for_responses_only_with_qapage_json_ld(site):
    for qid in ("s-answered", "s-declined", "s-followup-late", "s-followup-ok"):
        assert (site / "qa" / "spring" / qid / "index.html").is_file()
    for qid in ("s-pending-a", "s-dup", "s-removed"):
        assert not (site / "qa" / "spring" / qid).exists()
    data = json.loads(page(site, "qa/spring/s-answered").find(
        "script", type="application/ld+json").string)
    assert data["@type"] == "QAPage"
    assert data["mainEntity"]["acceptedAnswer"]["author"]["name"] == "Marcus Adeyemi"
    assert data["mainEntity"]["upvoteCount"] == 15  # 10 own + 5 from the merged duplicate


def test_merged_duplicate_counts_toward_the_canonical_question(site):
    card = page(site, "qa/spring").find(id="q-s-answered").get_text(" ")
    assert "15" in card


def test_post_embeds_its_digest_and_links_the_thread(site):
    post = page(site, "posts/2026/town-hall")
    links = {a["href"] for a in post.find_all("a", href=True)}
    assert f"{SITE}/qa/spring/" in links
    assert "Yes, by 3 percent in July." in post.get_text()
    counts = " ".join(post.get_text(" ").split())
    assert ("8 questions: 1 answered, 2 follow-ups, 1 declined, 2 open, 1 merged, 1 removed"
            in counts)
    results = page(site, "posts/2026/results")
    assert "Because of battery prices." in results.get_text()


def test_hub_numbers_match_the_data(site):
    data = json.loads((site / "qa" / "digest.json").read_text())
    spring = next(t for t in data["threads"] if t["id"] == "spring")["scorecard"]
    assert (spring["received"], spring["answered"], spring["declined"], spring["follow_up"],
            spring["pending"], spring["merged"], spring["removed"]) == (8, 1, 1, 2, 2, 1, 1)
    assert spring["removed_by_reason"]["spam"] == 1
    assert spring["answer_rate"] == 1 / 6
    assert data["scorecard"]["received"] == 9
    hub = page(site, "qa").get_text(" ")
    assert "Spring town hall" in hub and "Our first-quarter results" in hub


def test_nothing_removed_embargoed_or_personal_reaches_any_output(site):
    text = every_file_text(site)
    for secret in ("CANARY-REMOVED-TEXT", "CANARY-EMBARGO-QA", "marta@example.com",
                   "612 345 678", "x-secret"):
        assert secret not in text
    assert "[email removed]" in text and "[phone removed]" in text


def test_reader_markup_is_inert_everywhere(site):
    for html_file in site.rglob("*.html"):
        tree = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        for tag in tree.find_all(True):
            assert not any(name.startswith("on") for name in tag.attrs), (html_file, tag)
            href = str(tag.get("href", ""))
            assert not href.lower().startswith("javascript:"), (html_file, tag)
        for script in tree.find_all("script"):
            # Inline blocks are data only; code comes from the theme's own files.
            src = str(script.get("src", ""))
            assert script.get("type") == "application/ld+json" or "/theme/js/" in src, html_file


def test_answer_feeds_are_valid_and_hold_question_and_answer(site):
    feed = feedparser.parse((site / "feeds" / "qa" / "answers.atom.xml").read_bytes())
    assert feed.bozo == 0
    assert len(feed.entries) == 5  # 2 answers, 1 decline, 2 follow-ups
    answered = next(e for e in feed.entries if "prices" in e.title)
    assert "Yes, by 3 percent in July." in answered.content[0].value
    assert "Will prices rise?" in answered.content[0].value
    rss = feedparser.parse((site / "feeds" / "qa" / "answers.rss.xml").read_bytes())
    assert rss.bozo == 0 and len(rss.entries) == 5
    assert (site / "feeds" / "qa" / "executive" / "marcus-adeyemi.atom.xml").is_file()
    assert (site / "feeds" / "qa" / "topic" / "pricing.atom.xml").is_file()


def test_csv_export_has_one_row_per_entry_and_no_removed_text(site):
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO((site / "qa" / "digest.csv").read_text())))
    assert len(rows) == 9 + 5  # 9 questions, 5 comments
    assert sum(r["kind"] == "comment" for r in rows) == 5
    removed = next(r for r in rows if r["id"] == "s-removed")
    assert removed["question_html"] == "" and removed["removal_reason"] == "spam"
    hostile = next(r for r in rows if r["id"] == "s-pending-b")
    assert not hostile["asked_by"].startswith(("=", "+", "-", "@"))


def test_a_data_error_stops_the_build_with_file_line_and_fix(site_copy, tmp_path, caplog):
    site_dir = site_copy("qa")
    data = site_dir / "content" / "qa" / "results.yml"
    data.write_text(data.read_text().replace("by: marcus-adeyemi", "by: marcus"))
    with caplog.at_level(logging.ERROR), pytest.raises(BuildAborted):
        build_site(site_dir / "pelicanconf.py", tmp_path / "out")
    assert "results.yml:10: by: 'marcus' is not in the authors roster" in caplog.text


def test_a_thread_of_a_missing_post_is_an_error(site_copy, tmp_path, caplog):
    site_dir = site_copy("qa")
    data = site_dir / "content" / "qa" / "results.yml"
    data.write_text(data.read_text().replace("posts/results.md", "posts/nope.md"))
    with caplog.at_level(logging.ERROR), pytest.raises(BuildAborted):
        build_site(site_dir / "pelicanconf.py", tmp_path / "out")
    assert "results.yml:1: post: no post at content/posts/nope.md" in caplog.text


def test_large_sessions_paginate_under_200_kb(site_copy, tmp_path):
    site_dir = site_copy("qa")
    lines = ["session:", "  title: Big", "  hosts: [ana-ruiz]", "  opens: 2026-03-01 09:00",
             "  closes: 2026-03-15 18:00", "questions:"]
    for number in range(1200):
        lines += [f"  - id: big-{number}", "    asked_at: 2026-03-02 10:00",
                  f"    votes: {number % 97}", "    text: " + "How will you fund it? " * 30,
                  "    status: answered" if number % 3 == 0 else "    status: pending"]
        if number % 3 == 0:
            lines += ["    answer:", "      by: ana-ruiz", "      at: 2026-03-03 10:00",
                      "      text: " + "From cash flow and a green bond. " * 40]
    (site_dir / "content" / "qa" / "big.yml").write_text("\n".join(lines) + "\n")
    output = tmp_path / "out"
    build_site(site_dir / "pelicanconf.py", output, QA_DIGEST_PER_PAGE=50,
               PUBLISHING_PREVIEW=False)
    pages = list((output / "qa" / "big").rglob("index.html"))
    assert len(pages) > 24 + 400
    assert max(p.stat().st_size for p in pages) < 200_000


def test_every_post_offers_the_configured_intake(site):
    for post, title in (("posts/2026/results", "Our%20first-quarter%20results"),
                        ("posts/2026/plain", "A%20post%20nobody")):
        links = [a["href"] for a in page(site, post).find_all("a", href=True)
                 if a["href"].startswith("mailto:")]
        assert links and links[0].startswith(
            "mailto:questions@tidewater.example?subject=Question%3A%20" + title)


def test_held_back_thread_is_not_named_in_the_logs(tmp_path, caplog):
    with caplog.at_level(logging.DEBUG):
        build_fixture("qa", tmp_path / "out", PUBLISHING_PREVIEW=False)
    assert "held back" in caplog.text
    assert "secret" not in caplog.text.lower()
