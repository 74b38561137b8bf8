"""review_build: every check of `invoke check` on one built site, the Nu checker in the
background while the others run, and the problems in a fixed order."""

from __future__ import annotations

import json
import shutil
import threading
from pathlib import Path

import pytest

from candor_tools import check_report

pytestmark = pytest.mark.skipif(shutil.which("java") is None, reason="needs a Java runtime")

HEAD = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head>'
SECRET = "We will close the Requena plant in March and move the team to Valencia."  # noqa: S105 - held-back text


def test_the_nu_checker_runs_while_the_other_checks_do(tmp_path, monkeypatch):
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text(
        f"{HEAD}<body><main>\n<p id=x>{SECRET}</p><p id=x>Write to jo@mail.example.</p>"
        "</main></body></html>")
    report = tmp_path / "report.json"
    report.write_text(json.dumps({"held_back": [{
        "source": "posts/plant.md", "reasons": ["draft"],
        "fingerprints": [SECRET.lower()]}]}))
    settings = {"PATH": str(tmp_path / "content"), "CACHE_PATH": str(tmp_path / "cache"),
                "SITEURL": "https://example.com"}
    checker_started = threading.Event()
    waited: list[bool] = []
    check_html, run_checks = check_report.check_html, check_report.run_checks

    def noting_check_html(*args, **kwargs):
        checker_started.set()
        return check_html(*args, **kwargs)

    def waiting_run_checks(*args, **kwargs):
        # Were the checks one after the other, the checker would start only later.
        waited.append(checker_started.wait(timeout=60))
        return run_checks(*args, **kwargs)

    monkeypatch.setattr(check_report, "check_html", noting_check_html)
    monkeypatch.setattr(check_report, "run_checks", waiting_run_checks)
    review = check_report.review_build(output, report, settings)
    assert waited == [True]
    assert review.problems == [
        "index.html: an e-mail address is published (jo@mail.example)",
        "index.html:2: html: Duplicate ID “x”.",
        "index.html: publishes text of posts/plant.md (draft)",
    ]
    assert Path(settings["CACHE_PATH"], "candor-html-valid.json").is_file()
