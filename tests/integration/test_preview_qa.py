"""A saved Q&A file in the live preview (candor_tools/preview/qa.py): the site in memory
renders the pages of the questions that changed and the thread's first pages at
once, byte for byte what a full build makes of the saved file."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from candor_tools.preview.app import Preview
from candor_tools.preview.site import PreviewSite
from candor_tools.preview.watch import Watched
from tests.helpers import build_site
from tests.integration.test_preview import (
    Events,
    assert_like_a_clean_build,
    get,
    preview_site,
    settled,
)

SPRING = "qa/spring.yml"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def resident(site_copy, tmp_path: Path) -> tuple[Path, PreviewSite]:
    """The Q&A fixture, built once by a preview worker's site in memory."""
    site = site_copy("qa")
    preview = PreviewSite(site / "pelicanconf.py")
    preview.build(tmp_path / "first")
    return site, preview


def same_as_a_full_build(site: Path, pages: dict[str, str], output: Path) -> None:
    build_site(site / "pelicanconf.py", output)
    for name, html in pages.items():
        assert (output / name).read_text(encoding="utf-8") == html, name


def test_a_saved_answer_renders_its_page_and_its_thread_first(resident, tmp_path):
    site, preview = resident
    edit(site / "content" / SPRING, "Yes, by 3 percent in July.",
         "Yes, by 4 percent in **August**.")
    update = preview.update([SPRING])
    assert update.problems == {} and update.clean == [SPRING] and update.unhandled == []
    pages = update.pages
    # The answered question's page, the thread's first pages, the session's post.
    assert "by 4 percent in <strong>August</strong>" in pages["qa/spring/s-answered/index.html"]
    assert "by 4 percent" in pages["qa/spring/index.html"]
    assert any(name.startswith("posts/") for name in pages)
    # Not the pages of the questions that did not change.
    assert "qa/spring/s-declined/index.html" not in pages
    assert not [name for name in pages if name.startswith("qa/results/")]
    same_as_a_full_build(site, pages, tmp_path / "clean")


def test_a_question_removed_from_view_leaves_with_its_page(resident, tmp_path):
    site, preview = resident
    edit(site / "content" / SPRING, """    status: declined
    decline:
      by: ana-ruiz
      at: 2026-03-05 09:00
      reason: |
        We publish pay bands, not individual salaries, because the law protects them.
""", """    status: removed
    removed:
      reason: personal-data
""")
    update = preview.update([SPRING])
    assert update.problems == {}
    assert update.removed == ["qa/spring/s-declined/index.html"]
    # The questions below it moved up two lines in the file; their pages did not change.
    assert "qa/spring/s-followup-ok/index.html" not in update.pages
    assert "What is each executive paid?" not in update.pages["qa/spring/index.html"]
    same_as_a_full_build(site, update.pages, tmp_path / "clean")
    assert not (tmp_path / "clean" / "qa" / "spring" / "s-declined").exists()


def test_a_mistake_is_shown_and_the_last_good_pages_stay(resident):
    site, preview = resident
    edit(site / "content" / SPRING, "      by: marcus-adeyemi\n      at: 2026-03-04 10:00",
         "      by: marcus\n      at: 2026-03-04 10:00")
    update = preview.update([SPRING])
    assert update.pages == {} and update.clean == []
    found = update.problems[SPRING]
    assert all(p["path"].endswith("spring.yml") for p in found)
    problem = found[0]  # then the question merged into the one the mistake dropped
    assert problem["field"] == "by" and "'marcus' is not in the authors roster" in problem["problem"]
    lines = (site / "content" / SPRING).read_text(encoding="utf-8").splitlines()
    assert problem["line"] == lines.index("      by: marcus") + 1
    assert "marcus-adeyemi" in problem["fix"]
    # The digest in memory is the last good one: fixing the file renders again.
    edit(site / "content" / SPRING, "      by: marcus\n", "      by: marcus-adeyemi\n")
    assert preview.update([SPRING]).pages


def test_a_saved_data_file_is_rendered_first_and_is_content_too(tmp_path):
    content = tmp_path / "content"
    watched = Watched(content=content, code=(tmp_path / "theme",),
                      settings_file=tmp_path / "pelicanconf.py")
    batch = watched.sort({str(content / "qa" / "spring.yml"), str(content / "authors.yml"),
                          str(content / "posts" / "a.md"), str(content / "images" / "a.png")})
    assert batch.sources == {"qa/spring.yml", "authors.yml", "posts/a.md"}
    assert batch.content == {"qa/spring.yml", "authors.yml", "images/a.png"}


@pytest.fixture
def qa_site(site_copy, tmp_path: Path) -> Path:
    """The Q&A fixture, set up for the preview (``preview_site``)."""
    return preview_site(site_copy("qa"), tmp_path)


def test_the_preview_server_reloads_the_answer_first_then_settles(qa_site, tmp_path, caplog):
    caplog.set_level(logging.INFO, logger="candor_tools.preview.coordinator")
    server = Preview(qa_site / "preview.py", output=tmp_path / "output", port=0).start()
    try:
        settled(server)
        events = Events(server.url)
        events.find("status", lambda d: True)
        page = "/qa/spring/s-answered/"
        assert "by 4 percent" not in get(server.url + page)[1]
        edit(qa_site / "content" / SPRING, "Yes, by 3 percent in July.",
             "Yes, by 4 percent in August.")
        reload = events.find("reload", lambda d: page in d["paths"])
        assert "by 4 percent in August" in get(server.url + page)[1]
        # Rendered by the site in memory, before the full build that follows.
        first = [r.getMessage() for r in caplog.records if "re-rendered" in r.getMessage()]
        assert first and page in first[0] and "the rest of the site follows" in first[0]
        settled(server, reload["generation"])
        events.close()
        assert_like_a_clean_build(qa_site, tmp_path / "output", tmp_path)
    finally:
        server.stop()
