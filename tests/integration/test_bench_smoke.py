"""A tiny run of the benchmark harness, so `make bench` cannot rot (no timing assertions)."""

from __future__ import annotations

import json

import pytest

from benchmarks import run
from benchmarks.corpus import KINDS, add_post, retitle_post, write_posts
from benchmarks.qa_corpus import answer_question, write_questions
from benchmarks.runner import ROOT


def test_smoke_run_reports_every_case(tmp_path, capsys):
    report, data = tmp_path / "bench.md", tmp_path / "bench.json"
    assert run.main(["--size", "smoke", "--repeat", "1", "--markdown", str(report),
                     "--json", str(data)]) == 0
    result = json.loads(data.read_text(encoding="utf-8"))
    cases = [row["case"] for row in result["rows"]]
    assert cases == ["5 posts, cold build", "5 posts, rebuild after editing one post",
                     "5 posts, make build after editing one post",
                     "5 posts, make build after a new title on one post",
                     "5 posts, make build after editing one post, search index included",
                     "5 posts, make build with nothing changed, search index included",
                     "5 posts + 40 questions, make build with nothing changed",
                     "5 posts + 40 questions, make build after editing one post",
                     "5 posts + 40 questions, make build after answering one question",
                     "5 posts + 40 questions, make build after adding a post",
                     "5 posts, make serve: save → preview rebuilt",
                     "5 posts + 40 questions, make serve: answer saved → its page served",
                     "5 posts + 20 questions, cold build", "5 posts + 40 questions, cold build",
                     "5 posts + 20 questions, cold build",
                     "5 posts + 20 questions, make build, cold, search index included",
                     "Disqus import, 20 comments",
                     "Disqus re-import, 20 comments, nothing new"]
    for row in result["rows"]:
        for side in ("plain", "candor"):
            if row[side]:
                assert row[side]["runs"] == 1
                assert row[side]["median_s"] > 0
                assert row[side]["peak_mib"] > 10
        assert (row["ratio"] is None) == (row["plain"] is None)
    assert result["machine"]["cores"] and result["machine"]["pelican"]
    text = report.read_text(encoding="utf-8")
    assert text.startswith("Machine: ") and "| 5 posts, cold build |" in text
    assert "| Case | Plain Pelican | Candor |" in capsys.readouterr().out


def test_corpus_is_deterministic_and_in_every_kind(tmp_path):
    first = write_posts(tmp_path / "a", 8)
    write_posts(tmp_path / "b", 8)
    texts = [(tmp_path / "a" / p).read_text(encoding="utf-8") for p in first]
    assert texts == [(tmp_path / "b" / p).read_text(encoding="utf-8") for p in first]
    assert {p.split("/")[1] for p in first} == set(KINDS)
    words = len(texts[0].split("\n\n", 1)[1].split())
    # A new title changes the Title line alone.
    retitled = retitle_post(tmp_path / "b", 0, 1).read_text(encoding="utf-8").splitlines()
    original = texts[0].splitlines()
    assert [n for n, (a, b) in enumerate(zip(original, retitled, strict=True)) if a != b] == [0]
    assert retitled[0] == "Title: Retitled post 0, take 1"
    # A new post: one more file, the others untouched; never over an existing one.
    added = add_post(tmp_path / "b", 8)
    assert added.read_text(encoding="utf-8").startswith("Title: ")
    assert sorted(p.name for p in (tmp_path / "b").rglob("post-*.md")) == \
        [f"post-{n:05d}.md" for n in range(9)]
    with pytest.raises(FileExistsError):
        add_post(tmp_path / "b", 3)
    assert 650 < words < 900
    # 450 questions: a tenth in threads of 20 under posts (2 threads), the rest in a session.
    assert write_questions(tmp_path / "a", 450, first) == 3
    statuses = (tmp_path / "a" / "qa" / "town-hall-001.yml").read_text(encoding="utf-8")
    for status in ("answered", "pending", "declined", "follow-up", "merged", "removed"):
        assert f"status: {status}\n" in statuses
    # An answer: the first question still pending becomes answered, nothing else changes.
    answer_question(tmp_path / "a", 1)
    answered = (tmp_path / "a" / "qa" / "town-hall-001.yml").read_text(encoding="utf-8")
    assert answered.count("status: pending\n") == statuses.count("status: pending\n") - 1
    assert answered.count("status: answered\n") == statuses.count("status: answered\n") + 1
    assert "Answered in the benchmark's edit 1." in answered
    assert answered.replace("status: answered\n    answer:\n      by: ana-ruiz\n"
                            "      at: 2026-04-03 09:00\n      text: |\n"
                            "        Answered in the benchmark's edit 1.\n",
                            "status: pending\n", 1) == statuses


def test_baseline_comparison_of_qa_builds(tmp_path):
    report = tmp_path / "baseline.md"
    # This checkout against itself: the harness is what is tested, not a speed-up.
    assert run.main(["--size", "smoke", "--repeat", "1", "--baseline", str(ROOT),
                     "--questions", "20", "--markdown", str(report)]) == 0
    lines = report.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("| Case | Before | After | After ÷ before |")
    assert "Peak MiB after" in lines[0]
    assert lines[2].startswith("| 5 posts + 20 questions, cold build | ")
    assert lines[3].startswith("| 5 posts + 20 questions, make build after editing one post | ")
    assert len(lines) == 4
