"""The rules of the browser suite itself: when it skips, when it must fail, what it reports."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.browser.conftest import pytest_runtest_makereport
from tests.browser.support import Figures, require_chromium


def test_without_chromium_the_suite_skips_and_says_why(tmp_path: Path):
    with pytest.raises(pytest.skip.Exception, match="apt-get install chromium"):
        require_chromium(tmp_path / "chromium", env={})


def test_under_ci_a_missing_chromium_is_a_failure(tmp_path: Path):
    with pytest.raises(pytest.fail.Exception, match="CI=true"):
        require_chromium(tmp_path / "chromium", env={"CI": "true"})


def test_an_executable_chromium_is_used_as_it_is(tmp_path: Path):
    fake = tmp_path / "chromium"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    assert require_chromium(fake, env={"CI": "true"}) == fake


@pytest.mark.parametrize(("ci", "outcome"), [("true", "failed"), ("", "skipped")])
def test_under_ci_a_skipped_browser_test_is_reported_as_failed(monkeypatch, ci: str,
                                                                outcome: str):
    monkeypatch.setenv("CI", ci)
    item = SimpleNamespace(fspath=Path(__file__).with_name("test_pages.py"))
    report = SimpleNamespace(skipped=True, outcome="skipped", longrepr="no browser")
    hook = pytest_runtest_makereport(item, None)
    next(hook)
    with pytest.raises(StopIteration):
        hook.send(SimpleNamespace(get_result=lambda: report))
    assert report.outcome == outcome


def test_the_summary_line_has_every_figure():
    figures = Figures(pages_audited={"a/", "b/"}, vectors=10, fields=6, hostile_pages=4,
                      executed=0, positive_control=3, search_queries=5)
    assert figures.summary() == (
        "2 pages audited (axe, keyboard, console, requests, CSP); 10 vectors × 6 fields: "
        "0 executed; positive control executed 3 (4 hostile pages); 5 search queries")
    assert Figures().summary() == ""
