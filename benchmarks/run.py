"""Measure Candor against plain Pelican on the same posts; print a table, assert nothing.

    make bench                                  # quick sizes (100 and 1,000 posts, 10k questions)
    make bench BENCH_ARGS="--size full"         # the sizes of issue #7 (about an hour)
    python -m benchmarks.run --size smoke       # a few seconds: proves the harness works

Every build runs in a fresh process (see benchmarks/runner.py). Plain Pelican is
Pelican's default theme with no plugins and the same feeds (all, category,
author, tag, language; full content). Candor is the production settings.
Medians over ``--repeat`` runs; the big sizes (5,000 posts, 100,000 questions)
run once.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, replace
from pathlib import Path

if __package__ in (None, ""):  # run as a script: python benchmarks/run.py
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import cases, disqus, report
from benchmarks.cases import Row
from benchmarks.machine import describe, load_average

BIG_POSTS = 5_000
BIG_QUESTIONS = 100_000


@dataclass(frozen=True)
class Sizes:
    """What one ``--size`` measures."""

    posts: tuple[int, ...]  # cold builds, plain vs Candor
    warm_posts: int  # rebuild after editing one post
    qa_posts: int  # the posts under the Q&A builds
    questions: tuple[int, ...]
    comments: int  # Disqus import
    memory: tuple[int, int] | None  # (posts, questions) built once for peak memory


SIZES = {
    "smoke": Sizes((5,), 5, 5, (20, 40), 20, (5, 20)),
    "quick": Sizes((100, 1_000), 1_000, 1_000, (1_000, 10_000), 10_000, None),
    "full": Sizes((100, 1_000, 5_000), 1_000, 1_000, (10_000, 100_000), 100_000,
                  (5_000, 100_000)),
}


def _repeat_for(posts: int, questions: int, repeat: int) -> int:
    return 1 if posts >= BIG_POSTS or questions >= BIG_QUESTIONS else repeat


CASES = ("posts", "warm", "warm-qa", "serve", "serve-qa", "qa", "memory", "import")


def measure(sizes: Sizes, repeat: int, only: tuple[str, ...] = CASES,
            say: object = print) -> tuple[list[Row], Row | None]:
    """Run the cases ``only`` of ``sizes``; return the rows and the posts-only row under the Q&A."""
    rows: list[Row] = []
    base: Row | None = None

    def add(row: Row) -> Row:
        rows.append(row)
        say(report.table([row])[-1])  # type: ignore[operator]
        return row

    if "posts" in only:
        for posts in sizes.posts:
            row = add(cases.cold_posts(posts, _repeat_for(posts, 0, repeat)))
            base = row if posts == sizes.qa_posts else base
    plain_rebuild = None
    if "warm" in only:
        for row in cases.warm_rebuild(sizes.warm_posts, repeat):
            add(row)
            plain_rebuild = row.plain
    if "warm-qa" in only:
        questions = sizes.questions[-1]
        for row in cases.warm_qa_rebuild(sizes.warm_posts, questions, plain_rebuild,
                                         _repeat_for(sizes.warm_posts, questions, repeat)):
            add(row)
    if "serve" in only:
        add(cases.serve_rebuild(sizes.warm_posts, repeat))
    if "serve-qa" in only:
        questions = sizes.questions[-1]
        add(cases.serve_answer(sizes.warm_posts, questions,
                               _repeat_for(sizes.warm_posts, questions, repeat)))
    if "qa" in only:
        if base is None:
            base = add(cases.cold_posts(sizes.qa_posts, repeat))
        for questions in sizes.questions:
            assert base.plain is not None
            add(cases.qa_build(sizes.qa_posts, questions, base.plain,
                               _repeat_for(sizes.qa_posts, questions, repeat)))
    if "memory" in only and sizes.memory:
        posts, questions = sizes.memory
        plain = cases.cold_posts(posts, 1).plain
        assert plain is not None
        add(cases.qa_build(posts, questions, plain, 1))
        add(cases.make_build_cold(posts, questions))
    if "import" in only and sizes.comments:
        first, again = disqus.import_cases(sizes.comments)
        add(Row(f"Disqus import, {sizes.comments:,} comments", None, first))
        add(Row(f"Disqus re-import, {sizes.comments:,} comments, nothing new", None, again))
    return rows, base


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print (and optionally save) the report."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", choices=sorted(SIZES), default="quick")
    parser.add_argument("--repeat", type=int, default=3, help="runs per small case (median)")
    parser.add_argument("--cases", default=",".join(CASES),
                        help=f"comma-separated subset of {','.join(CASES)}")
    parser.add_argument("--posts", type=int, nargs="+",
                        help="instead of the size's post counts for the cold builds "
                             "(with --baseline --questions: the posts under the questions)")
    parser.add_argument("--baseline", type=Path,
                        help="instead: compare with this other checkout of Candor "
                             "(cold build and one-edit rebuild at the size's post count)")
    parser.add_argument("--questions", type=int, nargs="+",
                        help="with --baseline: compare cold builds and make build's rebuild "
                             "after one edit of the size's posts plus this many questions "
                             "instead")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--markdown", type=Path, help="also write the report here")
    args = parser.parse_args(argv)
    machine = describe()
    print(report.machine_line(machine))
    if args.baseline:
        from benchmarks import baseline  # noqa: PLC0415
        before = args.baseline.resolve()
        if args.questions:
            posts = args.posts[0] if args.posts else SIZES[args.size].qa_posts
            results = baseline.compare_qa(before, posts, tuple(args.questions), args.repeat)
        else:
            results = baseline.compare(before, SIZES[args.size].warm_posts, args.repeat)
        lines = baseline.table(results)
        print("\n".join(lines))
        if args.markdown:
            args.markdown.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return 0
    print(report.table([])[0])
    only = tuple(c.strip() for c in args.cases.split(",") if c.strip())
    unknown = sorted(set(only) - set(CASES))
    if unknown:
        parser.error(f"unknown case(s) {', '.join(unknown)}; choose from {', '.join(CASES)}")
    sizes = SIZES[args.size]
    if args.posts:
        sizes = replace(sizes, posts=tuple(args.posts))
    rows, base = measure(sizes, args.repeat, only)
    machine["load_after"] = load_average()
    lines = [report.machine_line(machine), "", *report.table(rows), "",
             *report.growth_lines(rows, base)]
    print("\n".join(["", *lines]))
    if args.markdown:
        args.markdown.write_text("\n".join(lines) + "\n", encoding="utf-8")
    if args.json:
        data = {"machine": machine, "size": args.size, "repeat": args.repeat,
                "rows": [r.as_dict() for r in rows]}
        args.json.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
