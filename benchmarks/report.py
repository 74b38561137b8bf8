"""Format the benchmark's rows as a Markdown table with the machine's label."""

from __future__ import annotations

import statistics
from collections.abc import Sequence

from benchmarks.cases import Row
from benchmarks.runner import Stats


def _seconds(stats: Stats | None) -> str:
    return f"{stats.median:.2f} s" if stats else "—"


def _peak(stats: Stats | None) -> str:
    return f"{stats.peak:.0f}" if stats else "—"


def _cpu(stats: Stats | None) -> str:
    return f"{statistics.median(stats.cpu):.1f} s" if stats and stats.cpu else "—"


def _runs(row: Row) -> str:
    counts = {len(s.seconds) for s in (row.plain, row.candor) if s}
    return "/".join(str(c) for c in sorted(counts))


def table(rows: Sequence[Row]) -> list[str]:
    """Return the rows as Markdown table lines: medians, ratio Candor ÷ plain, CPU, peaks.

    CPU is user + system seconds of the build and its children (median): on a
    shared machine it varies less than wall time.
    """
    lines = [("| Case | Plain Pelican | Candor | Candor ÷ plain | CPU plain | CPU Candor "
              "| Peak MiB plain | Peak MiB Candor | Runs |"),
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for row in rows:
        ratio = f"{row.ratio:.2f}" if row.ratio is not None else "—"
        lines.append(f"| {row.case} | {_seconds(row.plain)} | {_seconds(row.candor)} | "
                     f"{ratio} | {_cpu(row.plain)} | {_cpu(row.candor)} | "
                     f"{_peak(row.plain)} | {_peak(row.candor)} | {_runs(row)} |")
    return lines


def machine_line(machine: dict[str, str]) -> str:
    """Return one line naming the machine and the software versions."""
    return (f"Machine: {machine['cpu']}, {machine['cores']} cores, {machine['os']}; "
            f"Python {machine['python']}, Pelican {machine['pelican']}, "
            f"Markdown {machine['markdown']}, Jinja2 {machine['jinja2']}; "
            f"load average {machine['load_before']} before, "
            f"{machine.get('load_after', 'n/a')} after.")


def growth_lines(rows: Sequence[Row], base: Row | None) -> list[str]:
    """Return how Candor's time grows with questions (10k → 100k) and posts."""
    lines = []
    prefix = base.case.removesuffix(", cold build") + " +" if base else ""
    qa = [r for r in rows if r.case.startswith(prefix) and "questions" in r.case and r.candor]
    if base and base.candor and len(qa) >= 2:
        small, large = qa[0], qa[-1]
        assert small.candor and large.candor
        extra_small = small.candor.median - base.candor.median
        extra_large = large.candor.median - base.candor.median
        if extra_small > 0:
            lines.append(f"- Q&A growth: {small.case} → {large.case}: total ×"
                         f"{large.candor.median / small.candor.median:.1f}; time of the Q&A "
                         f"alone (minus the posts-only build) ×{extra_large / extra_small:.1f} "
                         "(linear would be the ratio of the question counts).")
    posts = [r for r in rows if r.case.endswith("posts, cold build") and r.candor]
    if len(posts) >= 2:
        first, last = posts[0], posts[-1]
        assert first.candor and last.candor
        lines.append(f"- Post growth: {first.case} → {last.case}: Candor ×"
                     f"{last.candor.median / first.candor.median:.1f}")
    return lines
