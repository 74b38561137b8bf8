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


IMPORT_CHILD = """
import resource, sys
from candor_tools.qa_import.cli import main
try:
    code = main(sys.argv[1:])
finally:
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
sys.exit(code)
"""


def disqus_export(comments: int, path: Path) -> None:
    """Write a deterministic Disqus export of ``comments`` posts over the sample's posts.

    About 1 in 5 posts is a reply, 1 in 100 an executive's reply, 3 in 100 deleted, 2 in
    100 spam and 1 in 50 in a thread with no matching post.
    """
    slugs = sorted(p.stem for p in (ROOT / "content" / "posts").rglob("*.md")
                   if p.stem.count(".") == 0)
    threads = len(slugs) * 8
    with path.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="utf-8"?>\n<disqus xmlns="http://disqus.com" '
                  'xmlns:dsq="http://disqus.com/disqus-internals">\n')
        for t in range(threads):
            link = (f"https://old.example/{t // len(slugs)}/{slugs[t % len(slugs)]}/"
                    if t % 50 else f"https://old.example/gone-{t}/")
            out.write(f'<thread dsq:id="{t}"><id>t{t}</id><link>{link}</link>'
                      f"<title>Thread {t}</title></thread>\n")
        for n in range(comments):
            thread = n % threads
            executive = n % 100 == 7
            parent = (f'<parent dsq:id="{100000000 + n - threads}" />'
                      if n >= threads and (executive or n % 5 == 0) else "")
            user = ("<username>anaruiz</username>" if executive
                    else f"<username>reader{n % 5000}</username>" if n % 3 else "")
            out.write(
                f'<post dsq:id="{100000000 + n}"><id /><message><![CDATA[<p>Comment {n}: '
                f"what happens to team {n % 50} and the budget next year?</p>]]></message>"
                f"<createdAt>2025-{n % 12 + 1:02d}-{n % 28 + 1:02d}T{n % 24:02d}:"
                f"{n % 60:02d}:00Z</createdAt><isDeleted>{str(n % 100 in (3, 4, 5)).lower()}"
                f"</isDeleted><isSpam>{str(n % 100 in (8, 9)).lower()}</isSpam><author>"
                f"<email>reader{n}@example.com</email><name>Reader {n % 997}</name>"
                f"<isAnonymous>{str(not n % 3).lower()}</isAnonymous>{user}</author>"
                f'<ipAddress>10.0.{n % 256}.{n % 250}</ipAddress><thread dsq:id="{thread}" />'
                f"{parent}</post>\n")
        out.write("</disqus>\n")


def timed_import(export: Path, settings: Path) -> tuple[float, float]:
    """Run the importer once in a child process; return (seconds, peak MiB)."""
    start = time.perf_counter()
    child = subprocess.run([sys.executable, "-c", IMPORT_CHILD, str(export), "--format",
                            "disqus", "--settings", str(settings), "--no-progress",
                            "--identity", "ana-ruiz=anaruiz"], check=False, cwd=ROOT,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if child.returncode:
        sys.exit(f"bench: the import of {export} failed:\n{child.stderr}")
    return time.perf_counter() - start, int(child.stderr.strip().splitlines()[-1]) / 1024


def import_case(comments: int) -> list[dict[str, object]]:
    """Import a generated Disqus export into a copy of the sample site, then again."""
    results = []
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder) / "content"
        shutil.copytree(ROOT / "content", content)
        settings = Path(folder) / "pelicanconf.py"
        settings.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n"
                            f"from pelicanconf import *  # noqa: F403\nPATH = {str(content)!r}\n",
                            encoding="utf-8")
        export = Path(folder) / "disqus.xml"
        disqus_export(comments, export)
        size = export.stat().st_size / 2**20
        for label in ("first import", "re-import, nothing changes"):
            seconds, peak = timed_import(export, settings)
            result = {"case": f"Disqus import, {comments} comments ({size:.0f} MiB), {label}",
                      "runs": 1, "median_s": round(seconds, 3), "min_s": round(seconds, 3),
                      "peak_mib": round(peak, 1)}
            print(f"{result['case']:<40} {seconds:>7.3f} s  peak {peak:>7.1f} MiB")
            results.append(result)
    return results


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
    parser.add_argument("--import-comments", type=int, default=100_000,
                        help="size of the generated Disqus export to import (0 to skip)")
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
    if args.import_comments:
        results += import_case(args.import_comments)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
