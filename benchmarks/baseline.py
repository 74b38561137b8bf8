"""Compare this checkout of Candor with another one (e.g. ``git archive HEAD``) on the same posts.

    git archive HEAD | tar -x -C /tmp/candor-before
    python -m benchmarks.run --baseline /tmp/candor-before
    python -m benchmarks.run --baseline /tmp/candor-before --questions 10000 100000

Builds alternate between the two checkouts (before, after, before, ...), so
load from other work on the machine falls on both alike. CPU seconds (user +
system, every process of the build) are shown too: they vary less than wall
time on a shared machine.
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
from pathlib import Path

from benchmarks.corpus import KINDS, edit_post, write_posts
from benchmarks.qa_corpus import write_questions
from benchmarks.runner import ROOT, Stats, candor_settings, timed_build

BIG_QUESTIONS = 100_000  # and more: one run of each side


def compare(baseline: Path, posts: int, repeat: int) -> list[tuple[str, Stats, Stats]]:
    """Return (case, before, after) for a cold build and rebuilds after one edit (production
    settings, and make build's incremental settings)."""
    results = []
    with tempfile.TemporaryDirectory(prefix="candor-bench-") as folder:
        work = Path(folder)
        content = work / "content"
        write_posts(content, posts)
        before, after = _cold_builds(baseline, work, content, repeat)
        results.append((f"{posts:,} posts, cold build", before, after))
        # The production rebuild (every page rendered) and make build's (incremental).
        for round_, (base, label) in enumerate((
                ("publishconf", "rebuild after editing one post"),
                ("pelicanconf", "make build after editing one post"))):
            before, after = _rebuilds(baseline, work, content, posts, base=base, runs=repeat,
                                      first_edit=round_ * repeat + 1)
            results.append((f"{posts:,} posts, {label}", before, after))
    return results


def compare_qa(baseline: Path, posts: int, questions: tuple[int, ...], repeat: int
               ) -> list[tuple[str, Stats, Stats]]:
    """Return (case, before, after) for cold builds of ``posts`` posts plus each number of
    questions, and for make build's rebuild after editing one post, alternating between
    the checkouts (one run each from 100,000 questions)."""
    results = []
    with tempfile.TemporaryDirectory(prefix="candor-bench-") as folder:
        for count in questions:
            work = Path(folder) / f"qa-{count}"
            content = work / "content"
            write_questions(content, count, write_posts(content, posts))
            runs = 1 if count >= BIG_QUESTIONS else repeat
            before, after = _cold_builds(baseline, work, content, runs)
            results.append((f"{posts:,} posts + {count:,} questions, cold build", before, after))
            before, after = _rebuilds(baseline, work, content, posts, base="pelicanconf",
                                      runs=runs, first_edit=1)
            case = f"{posts:,} posts + {count:,} questions, make build after editing one post"
            results.append((case, before, after))
            shutil.rmtree(work, ignore_errors=True)
    return results


def table(results: list[tuple[str, Stats, Stats]]) -> list[str]:
    """Return the comparison as Markdown table lines (medians; peak memory of any run)."""
    lines = [("| Case | Before | After | After ÷ before | CPU before | CPU after "
              "| Peak MiB before | Peak MiB after | Runs |"),
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for case, before, after in results:
        cpu_before, cpu_after = statistics.median(before.cpu), statistics.median(after.cpu)
        lines.append(f"| {case} | {before.median:.2f} s | {after.median:.2f} s | "
                     f"{after.median / before.median:.2f} | {cpu_before:.1f} s | "
                     f"{cpu_after:.1f} s | {before.peak:.0f} | {after.peak:.0f} | "
                     f"{len(before.seconds)} |")
    return lines


def _rebuilds(baseline: Path, work: Path, content: Path, posts: int, *, base: str, runs: int,
              first_edit: int) -> tuple[Stats, Stats]:
    """Build ``content`` once with each checkout's ``base`` settings into its own output
    and cache, then time ``runs`` rebuilds after editing one post, alternating."""
    before, after = Stats(), Stats()
    sides = {}
    for root in (baseline, ROOT):
        side = work / f"{'before' if root == baseline else 'after'}-{base}"
        settings = candor_settings(side.parent, content, side / "cache", KINDS,
                                   keep_output=True, root=root, base=base)
        sides[root] = (settings.rename(side.with_suffix(".py")), side / "out")
        timed_build(content, sides[root][0], sides[root][1])
    for run in range(runs):
        edit_post(content, posts // 2, first_edit + run)  # a new text each time
        for root, stats in ((baseline, before), (ROOT, after)):
            stats.add(*timed_build(content, *sides[root]))
    return before, after


def _cold_builds(baseline: Path, work: Path, content: Path, runs: int) -> tuple[Stats, Stats]:
    """Build ``content`` cold ``runs`` times with each checkout, alternating; (before, after)."""
    before, after = Stats(), Stats()
    for _ in range(runs):
        for root, stats in ((baseline, before), (ROOT, after)):
            cache, output = work / "cold-cache", work / "cold-out"
            shutil.rmtree(cache, ignore_errors=True)
            shutil.rmtree(output, ignore_errors=True)
            settings = candor_settings(work, content, cache, KINDS, root=root)
            stats.add(*timed_build(content, settings, output))
    return before, after
