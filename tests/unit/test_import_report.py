"""The report balances, explains what was skipped, and never shows personal data."""

from __future__ import annotations

from pathlib import Path

import pytest

from candor_common.errors import Problem
from candor_tools.qa_import.errors import TargetFileError
from candor_tools.qa_import.report import Report
from candor_tools.qa_import.write import write_all


def test_balance_and_lines():
    report = Report("disqus", "export.xml", read=6)
    report.outcomes.update(imported=2, updated=1, unchanged=1)
    report.skipped.update(spam=1)
    assert not report.balanced
    report.skipped.update(orphan=1)
    report.unmatched["https://x.example/?mail=a@fixture-mail.example"] = 1
    report.review.append("from 203.0.113.4")
    lines = "\n".join(report.lines())
    assert report.balanced
    assert "read 6 = imported 2 + updated 1 + unchanged 1 + skipped 2" in lines
    assert "skipped: spam 1, orphan 1" in lines
    assert "fixture-mail" not in lines and "203.0.113.4" not in lines
    assert "DOES NOT BALANCE" not in lines


def test_long_lists_are_cut():
    report = Report("csv", "f.csv", read=0, review=[f"q-{n}" for n in range(25)])
    assert "… and 5 more" in "\n".join(report.lines())


def test_writing_is_all_or_nothing(tmp_path: Path):
    good, bad = tmp_path / "a.yml", tmp_path / "b.yml"
    good.write_text("old\n")

    def check(path: Path, display: str) -> list[Problem]:
        broken = "broken" in path.read_text()
        return [Problem(display, 3, "status", "is wrong", "Fix it")] if broken else []

    with pytest.raises(TargetFileError, match=r"b\.yml:3: status: is wrong"):
        write_all({good: "new\n", bad: "broken\n"}, {good: "a.yml", bad: "b.yml"}, check)
    assert good.read_text() == "old\n" and not bad.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yml"]
    write_all({good: "new\n", bad: "fine\n"}, {good: "a.yml", bad: "b.yml"}, check)
    assert (good.read_text(), bad.read_text()) == ("new\n", "fine\n")


def test_executives_comments_are_counted_and_listed_not_skipped():
    report = Report("disqus", "export.xml", read=3)
    report.outcomes.update(imported=3)
    report.kinds.update(question=1, comment=2)
    report.executive_replies, report.executive_top_level = 0, 2
    report.executive_comments += ["disqus-7: by ana-ruiz, top-level",
                                  "disqus-8: by ana-ruiz, top-level"]
    lines = report.lines()
    assert "  kinds: questions 1, comments 2 (executive top-level comments 2)" in lines
    assert lines[lines.index("  comments by executives:") + 1] == (
        "    disqus-7: by ana-ruiz, top-level")
    assert not any(line.startswith("  skipped") for line in lines)
    report.executive_replies = 1
    assert ("  kinds: questions 1, comments 2 (executive replies 1, executive top-level "
            "comments 2)") in report.lines()
