"""The invoke tasks executives and comms use, run for real in a copy of the project."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from tests.helpers import REPO, build_site

INVOKE = [sys.executable, "-m", "invoke"]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    root.mkdir()
    for name in ("tasks.py", "pelicanconf.py", "publishconf.py"):
        shutil.copy(REPO / name, root / name)
    for folder in ("plugins", "candor_tools", "theme"):
        shutil.copytree(REPO / folder, root / folder,
                        ignore=shutil.ignore_patterns("__pycache__"))
    (root / "content" / "posts").mkdir(parents=True)
    (root / "content" / "pages").mkdir()
    shutil.copy(REPO / "content" / "authors.yml", root / "content" / "authors.yml")
    shutil.copytree(REPO / "content" / "images", root / "content" / "images")
    shutil.copytree(REPO / "content" / "extra", root / "content" / "extra")
    return root


def run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*INVOKE, *args], cwd=project, capture_output=True, text=True,
                          check=False, stdin=subprocess.DEVNULL)


def test_invoke_lists_the_everyday_tasks(project):
    listed = run(project, "--list").stdout
    for name in ("build", "serve", "preview", "new", "check", "publish", "clean"):
        assert f"  {name}" in listed


def test_new_scaffolds_a_valid_draft_with_every_field_explained(project):
    result = run(project, "new", "Why we moved the launch", "--author", "ana-ruiz",
                 "--kind", "news")
    assert result.returncode == 0, result.stderr
    year = datetime.now().year  # noqa: DTZ005 - the task dates posts in the site's zone
    path = next((project / "content" / "posts").rglob("why-we-moved-the-launch.md"))
    assert path.parent.name in (str(year), str(year + 1), str(year - 1))
    text = path.read_text()
    for field in ("Title:", "Date:", "Author: ana-ruiz", "Kind: news", "Status: draft",
                  "# Tags:", "# Summary:", "# Modified:", "# Image:", "# Image_alt:"):
        assert field in text
    output = project / "out"
    build_site(project / "pelicanconf.py", output)
    draft = output / "drafts" / "why-we-moved-the-launch" / "index.html"
    assert "DRAFT" in draft.read_text()


def test_new_spanish_post_gets_lang_and_suffix(project):
    result = run(project, "new", "Por qué", "--author", "ana-ruiz", "--kind", "reflection",
                 "--lang", "es")
    assert result.returncode == 0, result.stderr
    path = next((project / "content" / "posts").rglob("*.es.md"))
    assert "Lang: es" in path.read_text()


@pytest.mark.parametrize(("args", "message"), [
    (["--author", "nobody", "--kind", "news"], "Known authors: ana-ruiz"),
    (["--author", "ana-ruiz", "--kind", "essay"], "Use one of: news, reflection"),
])
def test_new_refuses_unknown_author_or_kind(project, args, message):
    result = run(project, "new", "Title", *args)
    assert result.returncode != 0
    assert message in result.stderr
    assert not list((project / "content" / "posts").rglob("*.md"))


def test_publish_to_a_directory_copies_the_checked_production_build(project, tmp_path):
    post = project / "content" / "posts" / "hello.md"
    post.write_text("Title: Hello\nDate: 2025-01-01 10:00\nAuthor: ana-ruiz\nKind: news\n"
                    "Summary: Hi.\n\nHello, readers.\n")
    target = tmp_path / "deploy"
    result = run(project, "publish", "--target", str(target))
    assert result.returncode == 0, result.stdout + result.stderr
    assert (target / "posts" / "2025" / "hello" / "index.html").is_file()
    assert not (target / "drafts").exists()


def test_publish_to_a_branch_commits_the_site(project):
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    post = project / "content" / "posts" / "hello.md"
    post.write_text("Title: Hello\nDate: 2025-01-01 10:00\nAuthor: ana-ruiz\nKind: news\n\nHi.\n")
    result = run(project, "publish", "--branch", "gh-pages")
    assert result.returncode == 0, result.stdout + result.stderr
    files = subprocess.run(["git", "ls-tree", "-r", "--name-only", "gh-pages"], cwd=project,
                           capture_output=True, text=True, check=True).stdout.split()
    assert "posts/2025/hello/index.html" in files and ".nojekyll" in files
