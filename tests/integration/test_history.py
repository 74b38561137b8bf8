"""Each post's public edit history, read from a real git repository."""

from __future__ import annotations

import logging
import subprocess
from pathlib import Path

from bs4 import BeautifulSoup

from tests.helpers import build_site

GIT = ["git", "-c", "user.name=Comms", "-c", "user.email=comms@candor.invalid",
       "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"]


def git(folder: Path, *args: str) -> str:
    return subprocess.run([*GIT, *args], cwd=folder, check=True, capture_output=True,
                          text=True).stdout


def repo_with_two_changes(site: Path) -> Path:
    git(site, "init", "-q")
    git(site, "add", "-A")
    git(site, "commit", "-q", "-m", "Publish the first-quarter results")
    post = site / "content" / "posts" / "results.md"
    post.write_text(post.read_text().replace("14 percent", "15 percent"))
    git(site, "commit", "-q", "-am", "Fix the growth figure after the audit")
    return site


def history_items(output: Path) -> list[str]:
    page = BeautifulSoup((output / "posts" / "2026" / "results" / "history" / "index.html")
                         .read_text(), "html.parser")
    return [" ".join(li.get_text(" ").split()) for li in page.select(".history__item")]


def test_history_lists_each_commit_newest_first_with_diff_links(site_copy, tmp_path):
    site = repo_with_two_changes(site_copy("basic"))
    output = tmp_path / "out"
    build_site(site / "pelicanconf.py", output, PUBLISHING_PREVIEW=False,
               TRANSPARENCY_REPO_URL="https://git.example/org/site")
    items = history_items(output)
    assert len(items) == 2
    assert "Fix the growth figure after the audit" in items[0]
    assert "Publish the first-quarter results" in items[1]
    head = git(site, "rev-parse", "HEAD").strip()
    page = (output / "posts" / "2026" / "results" / "history" / "index.html").read_text()
    assert f'href="https://git.example/org/site/commit/{head}"' in page
    post = (output / "posts" / "2026" / "results" / "index.html").read_text()
    assert 'href="../../../posts/2026/results/history/"' in post or "history/" in post


def test_a_shallow_clone_warns_and_marks_the_history_incomplete(site_copy, tmp_path, caplog):
    site = repo_with_two_changes(site_copy("basic"))
    clone = tmp_path / "clone"
    subprocess.run([*GIT, "clone", "-q", "--depth", "1", f"file://{site}", str(clone)],
                   check=True, capture_output=True)
    (clone / "pelicanconf.py").write_text((site / "pelicanconf.py").read_text())
    output = tmp_path / "out"
    with caplog.at_level(logging.WARNING):
        build_site(clone / "pelicanconf.py", output, PUBLISHING_PREVIEW=False)
    assert "shallow clone, so post histories are incomplete" in caplog.text
    page = (output / "posts" / "2026" / "results" / "history" / "index.html").read_text()
    assert "This history is incomplete" in page
    assert len(history_items(output)) == 1


def test_outside_a_repository_there_is_no_history_and_no_crash(site_copy, tmp_path):
    site = site_copy("basic")
    output = tmp_path / "out"
    build_site(site / "pelicanconf.py", output, PUBLISHING_PREVIEW=False)
    assert not (output / "posts" / "2026" / "results" / "history").exists()
