"""Drafts, embargo and hidden posts: what reaches a production build and what does not."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import build_fixture

PRODUCTION = {"PUBLISHING_PREVIEW": False}


def all_text(output: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8", errors="replace")
                     for p in sorted(output.rglob("*")) if p.is_file())


def test_preview_writes_drafts_and_embargoed_posts_with_a_banner(tmp_path):
    build_fixture("basic", tmp_path)
    draft = (tmp_path / "drafts" / "draft" / "index.html").read_text()
    embargoed = (tmp_path / "drafts" / "embargoed" / "index.html").read_text()
    assert "DRAFT" in draft
    assert "EMBARGOED" in embargoed


def test_production_writes_no_draft_and_no_embargoed_text_anywhere(tmp_path):
    build_fixture("basic", tmp_path, **PRODUCTION)
    assert not (tmp_path / "drafts").exists()
    assert (tmp_path / "posts" / "2026" / "results" / "index.html").is_file()
    text = all_text(tmp_path)
    for canary in ("CANARY-DRAFT-TITLE", "CANARY-DRAFT-BODY",
                   "CANARY-EMBARGO-TITLE", "CANARY-EMBARGO-BODY"):
        assert canary not in text


def test_drafts_stay_out_even_if_the_site_sets_draft_paths(tmp_path):
    build_fixture("basic", tmp_path, DRAFT_SAVE_AS="drafts/{slug}.html", **PRODUCTION)
    assert "CANARY-DRAFT" not in all_text(tmp_path)


@pytest.mark.parametrize(("now", "published"), [
    ("2026-06-01T12:00", False),          # one minute early, site time (Europe/Madrid)
    ("2026-06-01T12:01", True),           # the minute it is due
    ("2026-06-01T10:00+00:00", False),    # 12:00 in Madrid (CEST, UTC+2)
    ("2026-06-01T10:01+00:00", True),
])
def test_embargo_lifts_at_the_minute_in_the_site_timezone(tmp_path, now, published):
    build_fixture("basic", tmp_path, PUBLISHING_NOW=now, **PRODUCTION)
    page = tmp_path / "posts" / "2026" / "embargoed" / "index.html"
    assert page.is_file() is published
    assert ("CANARY-EMBARGO-TITLE" in all_text(tmp_path)) is published


def test_hidden_posts_are_written_but_not_listed(tmp_path):
    build_fixture("basic", tmp_path, **PRODUCTION)
    assert (tmp_path / "posts" / "2026" / "unlisted" / "index.html").is_file()
    index = (tmp_path / "index.html").read_text()
    assert "Unlisted note" not in index
    assert "unlisted" not in (tmp_path / "sitemap.xml").read_text()


def test_hidden_posts_ask_search_engines_not_to_index_them(tmp_path):
    build_fixture("basic", tmp_path, **PRODUCTION)
    hidden = (tmp_path / "posts" / "2026" / "unlisted" / "index.html").read_text()
    listed = (tmp_path / "posts" / "2026" / "results" / "index.html").read_text()
    assert '<meta name="robots" content="noindex' in hidden
    assert 'name="robots"' not in listed


def test_two_posts_writing_the_same_url_stop_the_build(site_copy, tmp_path, caplog):
    import logging

    from candor_common.errors import BuildAborted
    from tests.helpers import build_site

    site = site_copy("basic")
    (site / "content" / "posts" / "other.md").write_text(
        "Title: Another\nDate: 2026-04-01 09:00\nAuthor: ana-ruiz\nKind: news\n"
        "Slug: results\n\nSame URL as results.md.\n")
    with caplog.at_level(logging.ERROR), pytest.raises(BuildAborted):
        build_site(site / "pelicanconf.py", tmp_path / "out", **PRODUCTION)
    assert ("posts/2026/results/index.html: url: posts/other.md, posts/results.md would all "
            "be written to this one file") in caplog.text
    assert not (tmp_path / "out" / "index.html").exists()
