"""The reader's rules for one file: a post or a page, and its name in messages."""

from __future__ import annotations

from pathlib import Path

import pytest
from pelican.settings import DEFAULT_CONFIG

from frontmatter.reader import CandorMarkdownReader
from frontmatter.schema import Rules

ROOT = Path("/site/content")
PATHS = ["/site/content/pages/about.md", "/site/content/pages", "/site/content/posts/a.md",
         "/site/content/pagesx/b.md", "/site/content/about.md", "/site/other/pages/c.md",
         "/pages/d.md", "relative/pages/e.md", "pages/f.md", "/site/content/sub/pages/g.md",
         "/site/content//pages/./h.md"]
PAGE_PATHS = [["pages"], ["pages/sub"], ["pages", "legal"], [], [""], ["/pages"],
              ["./pages"], ["relative"]]


def pathlib_is_post(path: Path, root: Path, page_paths: list[str]) -> bool:
    """What the reader decided before it sliced strings (pathlib's parts)."""
    relative = path.relative_to(root) if path.is_relative_to(root) else path
    return not any(relative.parts[:1] == Path(p).parts[:1] for p in page_paths)


@pytest.mark.parametrize("page_paths", PAGE_PATHS)
@pytest.mark.parametrize("root", [ROOT, Path("/")])
def test_a_file_is_a_page_as_pathlib_decides(page_paths, root):
    reader = CandorMarkdownReader({**DEFAULT_CONFIG, "PAGE_PATHS": page_paths})
    site = Rules(path="", content_root=root, kinds={}, languages=(), authors=(),
                 roster_path="", is_post=True)
    for path in map(Path, PATHS):
        rules = reader._rules(path, site)
        assert rules.is_post == pathlib_is_post(path, root, page_paths), path
        assert rules.content_root == root


def test_a_changed_page_paths_setting_is_followed():
    settings = {**DEFAULT_CONFIG, "PAGE_PATHS": ["pages"]}
    reader = CandorMarkdownReader(settings)
    site = Rules(path="", content_root=ROOT, kinds={}, languages=(), authors=(),
                 roster_path="", is_post=True)
    path = ROOT / "legal" / "terms.md"
    assert reader._rules(path, site).is_post
    settings["PAGE_PATHS"] = ["legal"]
    assert not reader._rules(path, site).is_post
