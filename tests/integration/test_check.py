"""What `invoke check` relies on: the build report, clear collisions, the Nu checker."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from candor_common.errors import BuildAborted
from candor_tools.html_check import check_html
from tests.helpers import build_site

PRODUCTION = {"PUBLISHING_PREVIEW": False, "PUBLISHING_REQUIRE_APPROVAL": True,
              "PUBLISHING_APPROVERS": ["Jordan Blake"]}
SENTENCE = "The plant in Requena will close for good at the end of the next quarter."


def add_post(site: Path, slug: str, header: str, body: str) -> None:
    (site / "content" / "posts" / f"{slug}.md").write_text(
        f"Title: {slug}\nAuthor: ana-ruiz\nKind: news\nWritten_by: ana-ruiz\n{header}\n{body}\n")


@pytest.fixture
def report_site(site_copy) -> Path:
    site = site_copy("basic")
    for post in (site / "content" / "posts").glob("*.md"):  # keep only what this test adds
        post.unlink()
    add_post(site, "public", "Date: 2026-05-01 09:00\nApproved_by: Jordan Blake",
             "Everybody may read this sentence about our public plans for the summer.")
    add_post(site, "review", "Date: 2026-05-01 09:00\nStatus: review\nApproved_by: Jordan Blake",
             SENTENCE)
    add_post(site, "unapproved", "Date: 2026-05-01 09:00",
             "Nobody has approved this sentence about the secret merger talks yet. "
             "Everybody may read this sentence about our public plans for the summer.")
    add_post(site, "later", "Date: 2026-06-01 12:01\nApproved_by: Jordan Blake",
             "The results of the second quarter are better than anyone expected today.")
    add_post(site, "later-unapproved", "Date: 2026-07-01 09:00", "Short.")
    about = site / "content" / "pages" / "about.md"
    about.write_text(about.read_text().replace("Summary:", "Approved_by: Jordan Blake\nSummary:"))
    return site


def test_the_build_report_lists_what_was_held_back_and_why(report_site, tmp_path):
    report = tmp_path / "report.json"
    build_site(report_site / "pelicanconf.py", tmp_path / "out", **PRODUCTION,
               PUBLISHING_BUILD_REPORT=str(report))
    held = {item["source"]: item for item in json.loads(report.read_text())["held_back"]}
    assert {source: item["reasons"] for source, item in held.items()} == {
        "posts/review.md": ["in review"],
        "posts/unapproved.md": ["not approved"],
        "posts/later.md": ["embargoed"],
        "posts/later-unapproved.md": ["not approved", "embargoed"],
    }
    assert held["posts/later.md"]["embargoed_until"] == "2026-06-01T12:01:00+02:00"
    assert held["posts/review.md"]["fingerprints"] == [SENTENCE.lower()]
    # A sentence the public post also says is not a secret.
    assert held["posts/unapproved.md"]["fingerprints"] == [
        "nobody has approved this sentence about the secret merger talks yet."]
    assert not list((tmp_path / "out").rglob("report.json"))


def test_the_build_report_may_not_be_written_into_the_output(report_site, tmp_path):
    with pytest.raises(BuildAborted) as stop:
        build_site(report_site / "pelicanconf.py", tmp_path / "out", **PRODUCTION,
                   PUBLISHING_BUILD_REPORT=str(tmp_path / "out" / "report.json"))
    assert "PUBLISHING_BUILD_REPORT: " in stop.value.message
    assert "is inside the output folder, which is published" in stop.value.message


def test_a_page_on_a_generated_url_is_a_clear_error(site_copy, tmp_path, caplog):
    site = site_copy("basic")
    # Kinds (categories) live at /<slug>/ like pages: a page called "News" takes /news/.
    (site / "content" / "pages" / "news.md").write_text("Title: News\n\nOur news page.\n")
    with caplog.at_level(logging.ERROR), pytest.raises(BuildAborted) as stop:
        build_site(site / "pelicanconf.py", tmp_path / "out")
    assert stop.value.message == "news/index.html would be written twice; the build stopped."
    message = "\n".join(r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR)
    assert "news/index.html: url: written by category.html" in message
    assert "again by page.html for pages/news.md" in message
    assert "Give the page or post another Slug" in message


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("html")
    head = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>'
    (root / "good.html").write_text(
        f"{head}<meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'self' "
        "'wasm-unsafe-eval'\"></head><body><main><p>Fine.</p></main></body></html>")
    (root / "posts").mkdir()
    (root / "posts" / "bad.html").write_text(
        f"{head}</head><body><main>\n<p>Broken <div>block</p>\n<p id=x>one</p><p id=x>two</p>"
        "</main></body></html>")
    (root / "pagefind").mkdir()
    (root / "pagefind" / "ignored.html").write_text("<p>not ours")
    return root


def test_the_nu_checker_reports_each_error_with_file_and_line(pages):
    problems = check_html(pages)
    assert problems
    assert all(p.startswith("posts/bad.html:") for p in problems), problems
    assert any(p.startswith("posts/bad.html:2: html: ") and "end tag" in p for p in problems)
    assert "posts/bad.html:3: html: Duplicate ID “x”." in problems


def test_the_nu_checker_without_java_says_how_to_install_it(pages, tmp_path):
    problems = check_html(pages, java=str(tmp_path / "no-java"))
    assert problems == [("html: the Nu HTML checker needs Java, and `java` is not on PATH. "
                         "Install a Java runtime (Debian: apt install default-jre-headless).")]
