"""The invoke tasks executives and comms use, run for real in a copy of the project."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from candor_tools.html_check import CACHE_NAME, page_key
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
                  "# Tags:", "# Summary:", "# Modified:", "# Image:", "# Image_alt:",
                  "Written_by: ana-ruiz", "# Approved_by:", "# Correction:"):
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
                    "Written_by: ana-ruiz\nApproved_by: Jordan Blake\n"
                    "Summary: Hi.\n\nHello, readers.\n")
    target = tmp_path / "deploy"
    result = run(project, "publish", "--target", str(target))
    assert result.returncode == 0, result.stdout + result.stderr
    assert (target / "posts" / "2025" / "hello" / "index.html").is_file()
    assert not (target / "drafts").exists()


def test_publish_to_a_branch_commits_the_site(project):
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    post = project / "content" / "posts" / "hello.md"
    post.write_text("Title: Hello\nDate: 2025-01-01 10:00\nAuthor: ana-ruiz\nKind: news\n"
                    "Written_by: ana-ruiz\nApproved_by: Jordan Blake\n\nHi.\n")
    result = run(project, "publish", "--branch", "gh-pages")
    assert result.returncode == 0, result.stdout + result.stderr
    files = subprocess.run(["git", "ls-tree", "-r", "--name-only", "gh-pages"], cwd=project,
                           capture_output=True, text=True, check=True).stdout.split()
    assert "posts/2025/hello/index.html" in files and ".nojekyll" in files


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str:
    import urllib.request

    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(predicate, seconds: float = 30.0):
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            found = predicate()
        except OSError:
            found = None
        if found:
            return found
        time.sleep(0.3)
    return None


def test_serve_rebuilds_after_a_save_and_tells_the_page_to_reload(project):
    post = project / "content" / "posts" / "hello.md"
    post.write_text("Title: First title\nDate: 2025-01-01 10:00\nAuthor: ana-ruiz\n"
                    "Kind: news\n\nHello.\n")
    port = free_port()
    server = subprocess.Popen([*INVOKE, "serve", "--port", str(port)], cwd=project,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                              stdin=subprocess.DEVNULL, text=True)
    output = project / "output"
    try:
        url = f"http://127.0.0.1:{port}/posts/2025/hello/"
        first = wait_for(lambda: fetch(url))
        assert first and "First title" in first
        assert "livereload.js" in first  # the script that reloads the page on change
        post.write_text(post.read_text().replace("First title", "Second title"))
        assert wait_for(lambda: "Second title" in fetch(url))
        assert wait_for(lambda: "Second title" in (output / "posts" / "2025" / "hello" /
                                                   "index.html").read_text())
        searched = (output / "pagefind" / "pagefind.js").stat().st_ino
        # A draft indexes nothing: the next build takes the served folder's search index.
        (project / "content" / "posts" / "draft.md").write_text(
            "Title: Not yet\nDate: 2025-02-01 10:00\nAuthor: ana-ruiz\nKind: news\n"
            "Status: draft\n\nSoon.\n")
        assert wait_for(lambda: list(output.glob("drafts/**/index.html")))
        assert (output / "pagefind" / "pagefind.js").stat().st_ino == searched
    finally:
        server.terminate()
        said, _ = server.communicate(timeout=10)
    assert "search: no indexed page changed since the last index" in said
    assert "livereload" not in (output / "posts" / "2025" / "hello" /
                                "index.html").read_text()


def test_build_indexes_the_site_for_search_and_keeps_an_index_of_unchanged_pages(project):
    post = project / "content" / "posts" / "2025" / "hello.md"
    post.parent.mkdir(parents=True)
    post.write_text("Title: Hello\nDate: 2025-01-01 10:00\nAuthor: ana-ruiz\nKind: news\n\n"
                    "A searchable word: quokka.\n")
    first = run(project, "build")
    assert first.returncode == 0, first.stderr
    bundle = project / "output" / "pagefind"
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    assert entry["languages"]["en"]["page_count"] == 1  # the post: lists are not indexed
    assert "no indexed page changed" not in first.stdout
    again = run(project, "build")
    assert again.returncode == 0, again.stderr
    assert "search: no indexed page changed since the last index; it is kept." in again.stdout
    # Pagefind failing fails the build, saying so.
    post.write_text(post.read_text().replace("quokka", "numbat"))
    failed = subprocess.run([*INVOKE, "build"], cwd=project, capture_output=True, text=True,
                            check=False, stdin=subprocess.DEVNULL,
                            env={**os.environ, "PAGEFIND_BINARY_PATH": "/bin/false"})
    assert failed.returncode != 0
    assert "search: Pagefind stopped with exit status 1" in failed.stderr


def test_new_translation_pairs_with_the_original_file(project):
    original = project / "content" / "posts" / "2025" / "hello.md"
    original.parent.mkdir(parents=True)
    original.write_text("Title: Hello\nDate: 2025-01-01 10:00\nAuthor: ana-ruiz\nKind: news\n\n"
                        "Hi.\n")
    result = run(project, "new", "Hola", "--author", "ana-ruiz", "--kind", "news",
                 "--lang", "es", "--translates", "content/posts/2025/hello.md")
    assert result.returncode == 0, result.stderr
    assert (original.parent / "hello.es.md").is_file()


def test_new_refuses_a_language_the_site_does_not_have(project):
    result = run(project, "new", "Bonjour", "--author", "ana-ruiz", "--kind", "news",
                 "--lang", "fr")
    assert result.returncode != 0
    assert "'fr' is not a language of this site" in result.stderr


def test_check_keeps_the_last_good_build_when_a_new_one_fails(project):
    post = project / "content" / "posts" / "hello.md"
    post.write_text("Title: Hello\nDate: 2025-01-01 10:00\nAuthor: ana-ruiz\nKind: news\n"
                    "Written_by: ana-ruiz\nApproved_by: Jordan Blake\n\nHi.\n")
    future = project / "content" / "posts" / "later.md"
    future.write_text("Title: Later\nDate: 2099-01-01 09:00\nAuthor: ana-ruiz\nKind: news\n"
                      "Written_by: ana-ruiz\nApproved_by: Jordan Blake\n\nLater.\n")
    first = run(project, "check")
    assert first.returncode == 0, first.stdout + first.stderr
    assert "the next embargoed post, posts/later.md, is due 2099-01-01 09:00" in first.stdout
    built = project / "output-check"
    before = {p: p.read_bytes() for p in built.rglob("*") if p.is_file()}
    post.write_text(post.read_text().replace("Kind: news", "Kind: essay"))
    second = run(project, "check")
    assert second.returncode != 0
    assert "kind: 'essay' is not a kind of post" in second.stdout + second.stderr
    assert {p: p.read_bytes() for p in built.rglob("*") if p.is_file()} == before


PUBLISHED = ("Title: Hello\nDate: 2025-01-01 10:00\nAuthor: ana-ruiz\nKind: news\n"
             "Written_by: ana-ruiz\nApproved_by: Jordan Blake\n\nHi.\n")
OVERDUE = ("commitments:\n  - id: open-the-path\n    what: Open the path\n    who: ana-ruiz\n"
           "    due: 2025-03-01\n    source: posts/hello.md\n    history:\n"
           "      - date: 2025-01-01\n        status: open\n")


def test_check_finds_leaks_invalid_html_and_warns_about_overdue_commitments(project):
    content = project / "content"
    (content / "posts" / "hello.md").write_text(
        PUBLISHED.replace("Hi.", 'Hi.\n\n<p id="dup">One.</p>\n\n<p id="dup">Two.</p>'))
    (content / "posts" / "plans.md").write_text(
        "Title: Plans\nDate: 2025-01-02 10:00\nAuthor: ana-ruiz\nKind: news\nWritten_by: ana-ruiz\n"
        "Status: draft\n\n"
        "We will close the Requena plant in March and move the team to Valencia.\n")
    (content / "commitments.yml").write_text(OVERDUE)
    # A theme mistake that puts every draft on every page.
    base = project / "theme" / "templates" / "base.html"
    base.write_text(base.read_text().replace(
        "</body>", "{% for d in drafts %}{{ d.content }}{% endfor %}</body>"))
    failed = run(project, "check")
    report = failed.stdout + failed.stderr
    assert failed.returncode != 0, report
    assert "check: error: index.html: publishes text of posts/plans.md (draft)" in report
    assert "error: posts/2025/hello/index.html:" in report and "Duplicate ID “dup”" in report
    assert ("warning: commitment open-the-path (ana-ruiz): due 2025-03-01, still open" in report)
    assert "held back (not in the build): 1 draft" in report
    assert not (project / "output-check").exists()

    base.write_text(base.read_text().replace("{% for d in drafts %}{{ d.content }}{% endfor %}",
                                             ""))
    (content / "posts" / "hello.md").write_text(PUBLISHED)
    passed = run(project, "check")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "warning: commitment open-the-path" in passed.stdout
    assert "the production build is clean" in passed.stdout
    # The Nu checker's record: every page of the clean build, by kind and bytes.
    record = json.loads((project / "cache" / CACHE_NAME).read_text())
    pages = [path for path in (project / "output-check").rglob("*.html")
             if "pagefind" not in path.parts]
    assert sorted(record["passed"]) == sorted({page_key(path) for path in pages})


def test_freeze_digests_records_closed_periods_once_and_check_stops_warning(project):
    content = project / "content"
    (content / "posts" / "town-hall.md").write_text(
        "Title: Town hall\nDate: 2026-03-01 09:00\nAuthor: ana-ruiz\nKind: news\n"
        "Written_by: ana-ruiz\nApproved_by: Jordan Blake\n\nAsk us anything.\n")
    (content / "qa").mkdir()
    shutil.copy(REPO / "tests" / "fixtures" / "sites" / "periodic" / "content" / "qa" /
                "weekly.yml", content / "qa" / "weekly.yml")
    before = run(project, "check")
    assert before.returncode == 0, before.stdout + before.stderr
    assert ("warning: 4 published Q&A digest(s) not frozen yet (2026-w10, 2026-w11, "
            "2026-w12, 2026-w14)") in before.stdout
    frozen = run(project, "freeze-digests")
    assert frozen.returncode == 0, frozen.stdout + frozen.stderr
    assert ("freeze-digests: recorded 2026-w10, 2026-w11, 2026-w12, 2026-w14 in "
            "content/qa/digests.lock.json; commit it.") in frozen.stdout
    lock = (content / "qa" / "digests.lock.json").read_bytes()
    again = run(project, "freeze-digests")
    assert "every closed period is already in content/qa/digests.lock.json" in again.stdout
    assert (content / "qa" / "digests.lock.json").read_bytes() == lock
    after = run(project, "check")
    assert after.returncode == 0 and "not frozen yet" not in after.stdout
