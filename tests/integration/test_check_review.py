"""review_build: every check of `invoke check` on one built site, three at once (the
site checks in a process of their own, the Nu checker from a thread, the leak scan),
and the problems in a fixed order."""

from __future__ import annotations

import json
import os
import shutil
import threading
import time
from pathlib import Path

import pytest

from candor_tools import check_report
from candor_tools.site_checks import run_checks

pytestmark = pytest.mark.skipif(shutil.which("java") is None, reason="needs a Java runtime")

HEAD = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head>'
SECRET = "We will close the Requena plant in March and move the team to Valencia."  # noqa: S105 - held-back text


NOTES: dict[str, Path] = {}  # files the forked process and this one note their progress in


def waiting_run_checks(*args, **kwargs):
    """The site checks, run (in the forked process) once the leak scan has started here:
    were the checks one after the other, it would start only later."""
    started = NOTES["leak_scan_started"]
    for _ in range(600):
        if started.exists():
            break
        time.sleep(0.1)
    NOTES["site_checks"].write_text(json.dumps({"pid": os.getpid(),
                                                "waited": started.exists()}))
    return run_checks(*args, **kwargs)


def test_the_checks_run_at_once_and_report_in_a_fixed_order(tmp_path, monkeypatch):
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
    leak_scan_started = NOTES["leak_scan_started"] = tmp_path / "leak-scan-started"
    site_checks = NOTES["site_checks"] = tmp_path / "site-checks.json"
    waited: list[bool] = []
    validate_html, scan_for_leaks = check_report.validate_html, check_report.scan_for_leaks

    def noting_validate_html(*args, **kwargs):
        checker_started.set()
        return validate_html(*args, **kwargs)

    def waiting_scan_for_leaks(*args, **kwargs):
        leak_scan_started.touch()
        waited.append(checker_started.wait(timeout=60))
        return scan_for_leaks(*args, **kwargs)

    monkeypatch.setattr(check_report, "validate_html", noting_validate_html)
    monkeypatch.setattr(check_report, "run_checks", waiting_run_checks)
    monkeypatch.setattr(check_report, "scan_for_leaks", waiting_scan_for_leaks)
    review = check_report.review_build(output, report, settings)
    assert waited == [True]
    ran = json.loads(site_checks.read_text())
    assert ran["pid"] != os.getpid()  # in a process of its own
    assert ran["waited"]
    assert review.problems == [
        "index.html: an e-mail address is published (jo@mail.example)",
        "index.html:2: html: Duplicate ID “x”.",
        "index.html: publishes text of posts/plant.md (draft)",
    ]
    assert not any(note.startswith("html:") for note in review.notes)


def test_the_report_says_how_many_pages_the_nu_checker_read(tmp_path):
    output = tmp_path / "output"
    (output / "posts").mkdir(parents=True)
    for name in ("index.html", "posts/a.html", "posts/b.html"):
        (output / name).write_text(f"{HEAD}<body><main><p>{name}</p></main></body></html>")
    report = tmp_path / "report.json"
    report.write_text(json.dumps({"held_back": []}))
    settings = {"PATH": str(tmp_path / "content"), "CACHE_PATH": str(tmp_path / "cache")}
    first = check_report.review_build(output, report, settings)
    assert not any(note.startswith("html:") for note in first.notes)  # every page read
    (output / "posts" / "b.html").write_text(f"{HEAD}<body><main><p>New.</p></main></body></html>")
    second = check_report.review_build(output, report, settings)
    record = tmp_path / "cache" / "candor-html-valid.json"
    assert second.problems == []
    assert (f"html: the Nu checker read 1 of 3 pages; the other 2 passed it before with the "
            f"same bytes ({record}; delete it to have every page read)") in second.notes
