import os
from pathlib import Path

import pytest
from pelican.utils import get_relative_path, path_to_url

from candor_common.paths import display_path, inside, root_url

NAMES = ["index.html", "/index.html", "news/index.html", "qa/town-hall/q-12/index.html",
         "a//b/c.html", "a/b/", "./a/b.html", "a/./b.html", "../a.html", "/", "", "a",
         "posts/2026/11/post.html"]


@pytest.mark.parametrize("name", NAMES)
def test_root_url_is_pelicans(name):
    assert root_url(name) == path_to_url(get_relative_path(name))


def test_root_url_counts_folders():
    assert root_url("qa/town-hall/q-12/index.html") == "../../.."
    assert root_url("index.html") == "."


@pytest.mark.parametrize("folder", ["/site/output", "/site/output/", "/", "/site/out"])
@pytest.mark.parametrize("path", ["/site/output/a/b.html", "/site/output", "/site/output2/x",
                                  "/site/output/../output/c.html", "/site/outside.html",
                                  "/site/output/a//b/./c.html", "relative/d.html"])
def test_inside_is_relpath(folder, path, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = os.path.abspath(folder)
    assert inside(path, folder) == os.path.relpath(os.path.abspath(path), folder)


def test_inside_slices_a_path_below_the_folder():
    assert inside("/site/output/qa/x/index.html", "/site/output") == "qa/x/index.html"


@pytest.mark.parametrize("cwd", ["/site", "/site/content", "/", "/sit"])
@pytest.mark.parametrize("path", ["/site/content/posts/a.md", "/site", "/site/", "/site2/a.md",
                                  "/site/content/../b.md", "/site//content/./c.md",
                                  "relative/d.md", "/", "/elsewhere/e.md", "."])
def test_display_path_is_pathlibs(cwd, path, monkeypatch):
    monkeypatch.setattr(os, "getcwd", lambda: cwd)
    monkeypatch.setattr(Path, "cwd", classmethod(lambda cls: cls(cwd)))
    try:
        expected = str(Path(path).relative_to(Path.cwd()))
    except ValueError:
        expected = str(Path(path))
    assert display_path(Path(path)) == expected
