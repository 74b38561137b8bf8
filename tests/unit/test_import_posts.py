"""Source threads find their posts by mapping, path or slug; translations are left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from candor_tools.qa_import.posts import PostMatcher, find_posts
from candor_tools.qa_import.records import SourceThread


@pytest.fixture
def matcher(tmp_path: Path) -> PostMatcher:
    posts = tmp_path / "posts" / "2025"
    posts.mkdir(parents=True)
    (posts / "hiring-freeze.md").write_text("Title: Freeze\nDate: 2025-06-16\n\nText\n")
    (posts / "hiring-freeze.es.md").write_text("Title: Congelación\nLang: es\n\nTexto\n")
    (posts / "renamed.md").write_text("Title: R\nSlug: new-name\n\nText\n")
    return PostMatcher(find_posts(tmp_path), {"https://old.example/?p=4": "renamed"})


@pytest.mark.parametrize(("thread", "expected"), [
    (SourceThread("1", url="https://blog.example/posts/2025/hiring-freeze/"),
     "posts/2025/hiring-freeze.md"),
    (SourceThread("2", url="http://localhost/2025/06/hiring-freeze/index.html"),
     "posts/2025/hiring-freeze.md"),
    (SourceThread("3", identifier="hiring-freeze"), "posts/2025/hiring-freeze.md"),
    (SourceThread("4", url="https://old.example/?p=4"), "posts/2025/renamed.md"),
    (SourceThread("5", url="https://blog.example/new-name"), "posts/2025/renamed.md"),
    (SourceThread("6", url="https://blog.example/gone/"), None),
    (SourceThread("7", url="https://blog.example/"), None),
])
def test_threads_match_posts(matcher, thread, expected):
    found = matcher.match(thread)
    assert (found.path if found else None) == expected


def test_translations_are_not_candidates(matcher):
    assert [p.path for p in matcher.posts] == ["posts/2025/hiring-freeze.md",
                                               "posts/2025/renamed.md"]
    assert matcher.resolve("hiring-freeze").path == "posts/2025/hiring-freeze.md"
    assert matcher.resolve("posts/2025/renamed.md").slug == "new-name"
