"""The Nu checker's record of valid pages: a page is checked again only when its bytes
(or its kind) changed, a page with an error is checked and reported every time, and
another checker or a damaged record checks everything. The real checker runs; the
``run`` given to ``check_html`` only notes which pages it was handed."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from candor_tools.html_check import CACHE_NAME, check_html, html_pages, page_key

pytestmark = pytest.mark.skipif(shutil.which("java") is None, reason="needs a Java runtime")

HEAD = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head>'
GOOD = f"{HEAD}<body><main><p>Fine.</p></main></body></html>"
BAD = f"{HEAD}<body><main>\n<p id=x>one</p><p id=x>two</p></main></body></html>"
DUPLICATE = "html: Duplicate ID “x”."


class Checker:
    """Runs the real checker and notes the pages of each run."""

    def __init__(self) -> None:
        self.runs: list[list[str]] = []
        self.extra_messages: list[dict[str, Any]] = []

    def __call__(self, command: list[str], *, check: bool,
                 **kwargs: Any) -> subprocess.CompletedProcess[str]:
        self.runs.append(html_pages(Path(command[-1])))
        done = subprocess.run(command, check=check, **kwargs)
        if self.extra_messages:
            report = json.loads(done.stderr or done.stdout)
            report["messages"] += [{key: str(value).replace("{root}", command[-1])
                                    if key == "url" else value
                                    for key, value in message.items()}
                                   for message in self.extra_messages]
            done.stderr = json.dumps(report)
        return done


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    (root / "posts").mkdir(parents=True)
    (root / "pagefind").mkdir()
    (root / "index.html").write_text(GOOD)
    (root / "posts" / "bad.html").write_text(BAD)
    (root / "posts" / "old.htm").write_text(GOOD.replace("Fine", "Old"))
    (root / "pagefind" / "ignored.html").write_text("<p>not ours")
    (root / "style.css").write_text("p { color: red }")
    return root


def test_unchanged_valid_pages_are_not_checked_again_and_errors_always_are(site, tmp_path):
    cache, checker = tmp_path / "cache", Checker()
    first = check_html(site, cache=cache, run=checker)
    assert checker.runs == [["index.html", "posts/bad.html", "posts/old.htm"]]
    assert first == check_html(site)  # the same report as without a record
    assert "posts/bad.html:2: " + DUPLICATE in first
    record = json.loads((cache / CACHE_NAME).read_text())
    assert sorted(record["passed"]) == sorted(
        [page_key(site / "index.html"), page_key(site / "posts" / "old.htm")])

    second = check_html(site, cache=cache, run=checker)
    assert checker.runs[1] == ["posts/bad.html"]
    assert second == first

    (site / "posts" / "bad.html").write_text(GOOD.replace("Fine", "Mended"))
    assert check_html(site, cache=cache, run=checker) == []
    assert checker.runs[2] == ["posts/bad.html"]
    assert check_html(site, cache=cache, run=checker) == []
    assert len(checker.runs) == 3  # every page known valid: the checker is not started


def test_an_edited_page_is_checked_again_and_a_broken_one_reported(site, tmp_path):
    cache, checker = tmp_path / "cache", Checker()
    check_html(site, cache=cache, run=checker)
    (site / "index.html").write_text(BAD.replace("one", "uno"))
    problems = check_html(site, cache=cache, run=checker)
    assert checker.runs[1] == ["index.html", "posts/bad.html"]
    assert "index.html:2: " + DUPLICATE in problems
    assert "posts/bad.html:2: " + DUPLICATE in problems


def test_the_same_bytes_as_another_kind_of_page_are_checked(site, tmp_path):
    cache, checker = tmp_path / "cache", Checker()
    check_html(site, cache=cache, run=checker)
    # The checker reads .xhtml as XML: the same bytes as a valid .html page are not
    # well-formed XML (the unclosed <meta>).
    shutil.copy(site / "index.html", site / "again.xhtml")
    problems = check_html(site, cache=cache, run=checker)
    assert checker.runs[1] == ["again.xhtml", "posts/bad.html"]
    assert any(p.startswith("again.xhtml:") for p in problems), problems


def test_a_damaged_record_or_another_checker_checks_everything(site, tmp_path):
    cache, checker = tmp_path / "cache", Checker()
    everything = ["index.html", "posts/bad.html", "posts/old.htm"]
    record = cache / CACHE_NAME
    check_html(site, cache=cache, run=checker)
    for damaged in ("{not json", '{"format": 1}', "[]", '{"format": 1, "checker": 3}'):
        record.write_text(damaged)
        check_html(site, cache=cache, run=checker)
        assert checker.runs[-1] == everything, damaged
    kept = json.loads(record.read_text())
    record.write_text(json.dumps({**kept, "checker": "vnu 0.1 --errors-only"}))
    check_html(site, cache=cache, run=checker)
    assert checker.runs[-1] == everything
    record.write_text(json.dumps({**kept, "format": 0}))
    check_html(site, cache=cache, run=checker)
    assert checker.runs[-1] == everything


@pytest.mark.parametrize(("message", "shown"), [
    ({"type": "non-document-error", "message": "Something failed."},
     "(no page):0: html: Something failed."),
    ({"type": "error", "url": "file:/elsewhere/x.html", "lastLine": 1, "message": "Odd."},
     "file:/elsewhere/x.html:1: html: Odd."),
    ({"type": "error", "url": "file:{root}/ghost.html", "lastLine": 2, "message": "Odd."},
     "ghost.html:2: html: Odd."),
])
def test_a_message_about_no_page_handed_over_leaves_the_record_as_it_was(site, tmp_path,
                                                                          message, shown):
    cache, checker = tmp_path / "cache", Checker()
    checker.extra_messages = [message]
    problems = check_html(site, cache=cache, run=checker)
    assert shown in problems
    assert not (cache / CACHE_NAME).exists()


def test_pages_are_named_as_in_the_output_whatever_their_characters(tmp_path):
    site = tmp_path / "site"
    (site / "a b").mkdir(parents=True)
    for name in ("a b/index.html", "c%20d.html", "é.html"):
        (site / name).write_text(BAD)
    problems = check_html(site, cache=tmp_path / "cache")
    assert sorted(p.partition(":")[0] for p in problems) == ["a b/index.html", "c%20d.html",
                                                              "é.html"]
