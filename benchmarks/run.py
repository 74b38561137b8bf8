"""Measure build time and peak memory; print a report, assert nothing.

    make bench            # the sample site, 3 runs, preview and production settings
    python benchmarks/run.py --posts 2000   # also a generated site of 2,000 posts

Each build runs in a fresh process so peak memory (ru_maxrss) is the build's own.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


CHILD = """
import resource, sys
import pelican
try:
    pelican.main(sys.argv[1:])
finally:
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""


def timed_build(content: Path, settings: Path, output: Path) -> tuple[float, float]:
    """Build once in a child process; return (seconds, peak MiB of that child)."""
    start = time.perf_counter()
    child = subprocess.run([sys.executable, "-c", CHILD, str(content), "-s", str(settings),
                            "-o", str(output), "--log-handler", "plain", "-q"],
                           check=False, cwd=ROOT, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, text=True)
    if child.returncode:
        sys.exit(f"bench: the build of {content} failed:\n{child.stderr}")
    seconds = time.perf_counter() - start
    peak_kib = int(child.stderr.strip().splitlines()[-1])
    return seconds, peak_kib / 1024


def generated_site(posts: int, folder: Path) -> Path:
    """Write a content folder with ``posts`` deterministic posts and the sample roster."""
    content = folder / "content"
    shutil.copytree(ROOT / "content", content,
                    ignore=shutil.ignore_patterns("posts", "pages", "qa"))
    authors = ("ana-ruiz", "marcus-adeyemi", "lucia-ortega")
    kinds = ("news", "reflection")
    tags = ("storage", "safety", "results", "people", "pricing", "software")
    for number in range(posts):
        year = 2020 + number % 6
        path = content / "posts" / str(year) / f"post-{number:05d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        body = "\n\n".join(f"Paragraph {p} of post {number}. " * 12 for p in range(6))
        path.write_text(
            f"Title: Generated post {number}\nDate: {year}-{number % 12 + 1:02d}-"
            f"{number % 28 + 1:02d} 09:{number % 60:02d}\nAuthor: {authors[number % 3]}\n"
            f"Kind: {kinds[number % 2]}\nTags: {tags[number % 6]}, {tags[(number + 1) % 6]}\n"
            f"Summary: Post {number}.\n\n## Heading\n\n{body}\n", encoding="utf-8")
    return content


STATUS_CYCLE = ("answered", "pending", "declined", "pending", "follow-up", "answered",
                "merged", "pending", "removed", "answered")


def qa_site(questions: int, folder: Path) -> Path:
    """Write the sample site plus one session of ``questions`` deterministic questions."""
    content = folder / "content"
    shutil.copytree(ROOT / "content", content, ignore=shutil.ignore_patterns("qa"))
    lines = ["session:", f"  title: Benchmark town hall of {questions} questions",
             "  hosts: [ana-ruiz, marcus-adeyemi]", "  opens: 2026-03-01 09:00",
             "  closes: 2026-03-31 18:00", "questions:"]
    for n in range(questions):
        status = STATUS_CYCLE[n % len(STATUS_CYCLE)]
        lines += [f"  - id: b-{n}", f"    asked_by: Reader {n % 997}",
                  f"    asked_at: 2026-03-{n % 28 + 1:02d} {n % 24:02d}:{n % 60:02d}",
                  f"    votes: {(n * 7919) % 500}", f"    topics: [topic-{n % 40}]",
                  "    text: |", (f"      Question {n}: how will the plan affect team {n % 50}"
                                  " and what happens to the budget next year?"),
                  f"    status: {status}"]
        by = "ana-ruiz" if n % 2 else "marcus-adeyemi"
        block = {"answered": ("answer", "text"), "declined": ("decline", "reason"),
                 "follow-up": ("follow_up", "text")}.get(status)
        if block:
            lines += [f"    {block[0]}:", f"      by: {by}", "      at: 2026-04-02 10:00",
                      f"      {block[1]}: |",
                      (f"        A considered response to question {n}, in two sentences. "
                       "It names the reason and the next step.")]
            if status == "follow-up":
                lines.append("      due: 2026-12-01")
        elif status == "merged":
            lines.append(f"    merged_into: b-{n - 6 - (n - 6) % 10}")
        elif status == "removed":
            lines += ["    removed:", "      reason: spam"]
    (content / "qa").mkdir()
    (content / "qa" / "benchmark.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return content


def run(label: str, content: Path, settings: Path, repeat: int) -> dict[str, object]:
    times, peaks = [], []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as out:
            seconds, peak = timed_build(content, settings, Path(out))
        times.append(seconds)
        peaks.append(peak)
    result = {"case": label, "runs": repeat, "median_s": round(statistics.median(times), 3),
              "min_s": round(min(times), 3), "peak_mib": round(max(peaks), 1)}
    print(f"{label:<40} median {result['median_s']:>7.3f} s  min {result['min_s']:>7.3f} s"
          f"  peak {result['peak_mib']:>7.1f} MiB")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--posts", type=int, default=500,
                        help="size of the generated site (0 to skip)")
    parser.add_argument("--questions", type=int, nargs="*", default=[10_000, 100_000],
                        help="Q&A session sizes to build (none to skip)")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    results = [
        run("sample site, preview (pelicanconf)", ROOT / "content",
            ROOT / "pelicanconf.py", args.repeat),
        run("sample site, production (publishconf)", ROOT / "content",
            ROOT / "publishconf.py", args.repeat),
    ]
    if args.posts:
        with tempfile.TemporaryDirectory() as folder:
            content = generated_site(args.posts, Path(folder))
            results.append(run(f"generated site, {args.posts} posts", content,
                               ROOT / "publishconf.py", args.repeat))
    for size in args.questions:
        with tempfile.TemporaryDirectory() as folder:
            content = qa_site(size, Path(folder))
            result = run(f"Q&A session, {size} questions", content,
                         ROOT / "publishconf.py", 1)
            result["seconds_per_1000_questions"] = round(result["median_s"] / size * 1000, 3)
            print(f"{'':<40} {result['seconds_per_1000_questions']} s per 1,000 questions")
            results.append(result)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
