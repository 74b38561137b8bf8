"""Time the live preview of `invoke serve` on a generated site.

    python -m benchmarks.preview --posts 1000 --saves 7

For each save of one post: from writing the file to the reload event for its
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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: python benchmarks/preview.py
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.corpus import KINDS, edit_post, write_posts
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
    times = PreviewTimes(pause=pause)
    with tempfile.TemporaryDirectory(prefix="candor-bench-") as folder:
        work = Path(folder)
        content = work / "content"
        write_posts(content, posts)
        settings = candor_settings(work, content, work / "cache", KINDS, keep_output=True,
                                   base="pelicanconf")
        start = time.perf_counter()
        preview = Preview(settings, output=work / "output", port=0).start()
        try:
            _wait(lambda: preview.status()["settled"])
            times.first_build = time.perf_counter() - start
            stream = EventStream(preview.url, PATIENCE)
            for run in range(saves):
                time.sleep(pause)
                _save(preview, stream, content, (posts // 2, run + 1), times)
            stream.close()
        finally:
            preview.stop()
    return times


def _save(preview: Preview, stream: EventStream, content: Path, which: tuple[int, int],
          times: PreviewTimes) -> None:
    number, edit = which
    generation = preview.status()["generation"]
    start = time.perf_counter()
    edit_post(content, number, edit)
    reload = _first_reload_after(stream, generation)
    page = _fetch(preview.url + reload["paths"][0])
    shown = time.perf_counter() - start
    if f"Edited {edit}:" not in page:
        sys.exit(f"bench: {reload['paths'][0]} does not show edit {edit}")
    times.preview.add(shown, preview.coordinator.peak_mib())
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
    args = parser.parse_args(argv)
    times = measure(args.posts, args.saves, args.pause)
    each = ", ".join(f"{s * 1000:.0f}" for s in times.preview.seconds)
    print(f"{args.posts:,} posts: edit to preview median "
          f"{times.preview.median * 1000:.0f} ms ({each} ms); settled median "
          f"{statistics.median(times.settle):.2f} s; first build {times.first_build:.1f} s; "
          f"worker peak {times.preview.peak:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
