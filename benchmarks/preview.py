"""Time the live preview of `invoke serve` on a generated site.

    python -m benchmarks.preview --posts 1000 --saves 7
    python -m benchmarks.preview --posts 1000 --questions 100000 --saves 3

For each save of one post (or, with ``--questions``, of one answer in the
biggest town hall): from writing the file to the reload event for its
page arriving over the event stream and the page, fetched over HTTP, having the
new text ("edit to preview"); and from writing the file to the background full
build being in output/ ("settled"). The browser's own page load comes on top of
the first figure. The preview runs as `invoke serve` does (pelicanconf settings,
Markdown cache), without the search index.

Each save comes ``PAUSE`` seconds after the site settled from the last one, as an
author's saves do: the preview starts the next full build's worker as soon as a
build is done, and a save that comes before it has imported Pelican and the
plugins (~0.9 s) waits for that (``--pause 0`` measures that case).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: python benchmarks/preview.py
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.corpus import KINDS, edit_post, write_posts
from benchmarks.qa_corpus import answer_question, write_questions
from benchmarks.runner import Stats, candor_settings
from candor_tools.preview.app import Preview
from candor_tools.preview.client import EventStream, wait_for

PATIENCE = 600.0  # seconds to wait for anything before giving up
PAUSE = 2.0  # seconds between the site settling and the next save


@dataclass
class PreviewTimes:
    """Seconds per save: to the page re-rendered and reloaded, and to the site settled."""

    preview: Stats = field(default_factory=Stats)
    settle: list[float] = field(default_factory=list)
    first_build: float = 0.0
    pause: float = PAUSE  # seconds between the site settling and each save

    def note(self) -> str:
        """One line for the report."""
        return (f"save → reload event and page served with the edit (median of "
                f"{len(self.settle)}, saves {self.pause:g} s after the last settled); full "
                "build settled after "
                f"{statistics.median(self.settle):.2f} s (median); first build "
                f"{self.first_build:.1f} s; search index not included")


def _wait(found: Any) -> Any:
    try:
        return wait_for(found, PATIENCE, poll=0.002)
    except TimeoutError as error:
        sys.exit(f"bench: {error}")


def _first_reload_after(stream: EventStream, generation: int) -> dict[str, Any]:
    return _wait(lambda: next((d for _t, e, d in list(stream.received)
                               if e == "reload" and d["generation"] > generation), None))


def _fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310
        return response.read().decode("utf-8")


def measure(posts: int, saves: int, pause: float = PAUSE) -> PreviewTimes:
    """Start the preview on ``posts`` generated posts and time ``saves`` saves of one post,
    each ``pause`` seconds after the site settled."""
    def write(content: Path) -> Callable[[int], tuple[Callable[[], Any], str]]:
        write_posts(content, posts)
        return lambda run: (partial(edit_post, content, posts // 2, run), f"Edited {run}:")

    return _measure(write, saves, pause)


def measure_answers(posts: int, questions: int, saves: int, pause: float = PAUSE
                    ) -> PreviewTimes:
    """Start the preview on ``posts`` posts and ``questions`` questions and time ``saves``
    answers, each to one more question of the biggest town hall, saved ``pause``
    seconds after the site settled: to the answer's page served with it, and to the
    site settled (lists, feeds, exports)."""
    def write(content: Path) -> Callable[[int], tuple[Callable[[], Any], str]]:
        write_questions(content, questions, write_posts(content, posts))
        return lambda run: (partial(answer_question, content, run),
                            f"Answered in the benchmark's edit {run}.")

    return _measure(write, saves, pause)


def _measure(write: Callable[[Path], Callable[[int], tuple[Callable[[], Any], str]]],
             saves: int, pause: float) -> PreviewTimes:
    """Write a site (``write`` gives each run's save and what its page then shows), start
    the preview on it and time ``saves`` saves, each ``pause`` s after it settled."""
    times = PreviewTimes(pause=pause)
    with tempfile.TemporaryDirectory(prefix="candor-bench-") as folder:
        work = Path(folder)
        content = work / "content"
        save_for = write(content)
        settings = candor_settings(work, content, work / "cache", KINDS, keep_output=True,
                                   base="pelicanconf")
        start = time.perf_counter()
        preview = Preview(settings, output=work / "output", port=0).start()
        try:
            _wait(lambda: preview.status()["settled"])
            times.first_build = time.perf_counter() - start
            stream = EventStream(preview.url, PATIENCE)
            for run in range(1, saves + 1):
                time.sleep(pause)
                _save(preview, stream, *save_for(run), times)
            stream.close()
        finally:
            preview.stop()
    return times


def _save(preview: Preview, stream: EventStream, save: Callable[[], Any], shows: str,
          times: PreviewTimes) -> None:
    """Time one ``save``: to a page it reloads served with ``shows``, and to settled."""
    generation = preview.status()["generation"]
    start = time.perf_counter()
    save()
    reload = _first_reload_after(stream, generation)
    if not any(shows in _fetch(preview.url + path) for path in reload["paths"]):
        sys.exit(f"bench: none of {', '.join(reload['paths'])} shows {shows!r}")
    times.preview.add(time.perf_counter() - start, preview.coordinator.peak_mib())
    _wait(lambda: (s := preview.status())["settled"] and s["generation"] > generation)
    times.settle.append(time.perf_counter() - start)


def main(argv: list[str] | None = None) -> int:
    """Print the preview's times for one site size."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--posts", type=int, default=1_000)
    parser.add_argument("--saves", type=int, default=7)
    parser.add_argument("--pause", type=float, default=PAUSE,
                        help="seconds between the site settling and the next save")
    parser.add_argument("--questions", type=int, default=0,
                        help="with this many questions, save answers instead of posts")
    args = parser.parse_args(argv)
    if args.questions:
        times = measure_answers(args.posts, args.questions, args.saves, args.pause)
    else:
        times = measure(args.posts, args.saves, args.pause)
    each = ", ".join(f"{s * 1000:.0f}" for s in times.preview.seconds)
    what = f" + {args.questions:,} questions, answers" if args.questions else ""
    print(f"{args.posts:,} posts{what}: edit to preview median "
          f"{times.preview.median * 1000:.0f} ms ({each} ms); settled median "
          f"{statistics.median(times.settle):.2f} s; first build {times.first_build:.1f} s; "
          f"worker peak {times.preview.peak:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
