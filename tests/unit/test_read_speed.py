"""The reader's fast paths give what the slow paths give (frontmatter.reader)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pelican.settings import DEFAULT_CONFIG
from pelican.utils import get_date

from frontmatter.reader import CandorMarkdownReader, fast_date

PLAIN = st.builds(
    lambda when, form: when.strftime(form),
    st.datetimes(min_value=dt.datetime(1000, 1, 1), max_value=dt.datetime(9999, 12, 31)),
    st.sampled_from(["%Y-%m-%d", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S",
                     "%Y-%m-%dT%H:%M:%S"]))


@given(PLAIN)
def test_a_plain_date_is_what_pelican_makes_of_it(text):
    fast, slow = fast_date(text), get_date(text)
    assert fast == slow
    assert type(fast) is type(slow)
    assert fast.tzinfo is None


@pytest.mark.parametrize("text", [
    "2026-03-14 09:00+02:00", "2026-03-14T09:00Z", "2026-03-14 09:00:00.5", "14/03/2026",
    "2026-3-14", "2026-02-30", "2026-03-14  09:00", "2026-03-14_09:00", "2026-03-14 24:00",
    " 2026-03-14",
])
def test_anything_else_is_left_to_pelican(text):
    assert fast_date(text) is None


def test_the_reader_uses_it_for_date_and_modified_only():
    reader = CandorMarkdownReader(dict(DEFAULT_CONFIG))
    assert reader.process_metadata("date", "2026-03-14 09:00") == dt.datetime(2026, 3, 14, 9)
    assert reader.process_metadata("modified", "2026-03-15") == dt.datetime(2026, 3, 15)
    zoned = reader.process_metadata("date", "2026-03-14 09:00+02:00")
    assert zoned.utcoffset() == dt.timedelta(hours=2)  # dateutil, as before
    assert reader.process_metadata("title", "2026-03-14") == "2026-03-14"


ROSTER = "authors:\n"


def _person(slug: str, name: str) -> str:
    return (f"  - slug: {slug}\n    name: {name}\n    role: Chief Executive Officer\n"
            f"    bio: {name} runs the company.\n")


def _site(tmp_path: Path) -> dict[str, object]:
    content, theme = tmp_path / "content", tmp_path / "theme"
    (content / "posts").mkdir(parents=True)
    (theme / "templates").mkdir(parents=True)
    (theme / "templates" / "page.html").write_text("x", encoding="utf-8")
    (content / "authors.yml").write_text(ROSTER + _person("ana-ruiz", "Ana Ruiz"),
                                         encoding="utf-8")
    return {**DEFAULT_CONFIG, "PATH": str(content), "THEME": str(theme),
            "FRONTMATTER_KINDS": {"news": "News"}, "FRONTMATTER_LANGUAGES": ["en"],
            "FRONTMATTER_EXTRA_FIELDS": [], "ROSTER_PATH": "authors.yml"}


def test_the_site_rules_follow_the_roster_and_the_templates(tmp_path):
    settings = _site(tmp_path)
    reader = CandorMarkdownReader(settings)
    post = tmp_path / "content" / "posts" / "a.md"
    _, site = reader._site()
    assert (site.authors, site.templates) == (("ana-ruiz",), ("page",))
    assert reader._site()[1] is site  # worked out once
    first = reader._rules(post, site)
    assert (first.authors, first.is_post) == (("ana-ruiz",), True)
    assert first.path.endswith("posts/a.md")
    assert reader._rules(tmp_path / "content" / "pages" / "b.md", site).is_post is False

    # The live preview keeps its reader: an edited roster or a new template shows.
    roster = tmp_path / "content" / "authors.yml"
    roster.write_text(roster.read_text(encoding="utf-8")
                      + _person("marcus-adeyemi", "Marcus Adeyemi"), encoding="utf-8")
    assert reader._site()[1].authors == ("ana-ruiz", "marcus-adeyemi")
    templates = tmp_path / "theme" / "templates"
    before = templates.stat().st_mtime_ns
    (templates / "town-hall.html").write_text("y", encoding="utf-8")
    if templates.stat().st_mtime_ns == before:  # a coarse file-system clock
        os.utime(templates, ns=(before + 10**9, before + 10**9))
    assert reader._site()[1].templates == ("page", "town-hall")
