"""Run Pelican builds in child processes and measure their time and peak memory.

Each build runs in a fresh ``python`` process, so its peak resident memory
(``ru_maxrss``, the process and any children it waited for) is its own.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITEURL = "https://bench.example"
# Embargoes and overdue follow-ups are judged against this moment, not the clock.
BENCH_NOW = "2026-06-01T09:00"

# Each measured step runs in a child process that reports, last on standard error, its
# peak resident memory (its own and its children's, KiB) and CPU seconds.
_REPORT = """
finally:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime
    print(own.ru_maxrss, children.ru_maxrss, cpu, file=sys.stderr)
"""

CHILD = """
import resource, sys
import pelican
try:
    pelican.main(sys.argv[1:])
""" + _REPORT

# make build: Pelican, then the search index in the same process (real Pagefind).
MAKE_BUILD_CHILD = """
import resource, sys
from candor_tools.run_pelican import leave, main
status = 1
try:
    status = main(sys.argv[1:], one_shot=True)  # as `make build` runs it
    if status:
        print("the build or the search index failed", file=sys.stderr)
""" + _REPORT + """
leave(status)
"""

FEEDS = {
    "FEED_ALL_ATOM": "feeds/all.atom.xml", "FEED_ALL_RSS": "feeds/all.rss.xml",
    "CATEGORY_FEED_ATOM": "feeds/category/{slug}.atom.xml",
    "CATEGORY_FEED_RSS": "feeds/category/{slug}.rss.xml",
    "AUTHOR_FEED_ATOM": "feeds/author/{slug}.atom.xml",
    "AUTHOR_FEED_RSS": "feeds/author/{slug}.rss.xml",
    "TAG_FEED_ATOM": "feeds/tag/{slug}.atom.xml", "TAG_FEED_RSS": "feeds/tag/{slug}.rss.xml",
    "TRANSLATION_FEED_ATOM": "feeds/lang/{lang}.atom.xml",
    "TRANSLATION_FEED_RSS": "feeds/lang/{lang}.rss.xml",
}


@dataclass
class Stats:
    """Repeated measurements of one case: seconds and peak MiB of each run."""

    seconds: list[float] = field(default_factory=list)
    peaks: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)  # user + system seconds, all processes

    def add(self, seconds: float, peak_mib: float, cpu: float | None = None) -> None:
        """Record one run."""
        self.seconds.append(seconds)
        self.peaks.append(peak_mib)
        if cpu is not None:
            self.cpu.append(cpu)

    @property
    def median(self) -> float:
        """Median seconds."""
        return statistics.median(self.seconds)

    @property
    def peak(self) -> float:
        """Highest peak MiB of any run."""
        return max(self.peaks)

    def as_dict(self) -> dict[str, object]:
        """Return the runs and their summary, for JSON."""
        return {"runs": len(self.seconds), "median_s": round(self.median, 3),
                "min_s": round(min(self.seconds), 3), "max_s": round(max(self.seconds), 3),
                "peak_mib": round(self.peak, 1),
                "cpu_median_s": round(statistics.median(self.cpu), 3) if self.cpu else None}


def plain_settings(folder: Path, content: Path, cache: bool) -> Path:
    """Write settings for plain Pelican: default theme, no plugins, the same feeds.

    With ``cache``, Pelican's own content cache is saved and loaded.
    """
    path = folder / "plain_settings.py"
    lines = [
        f"PATH = {str(content)!r}", "PLUGINS = []", 'TIMEZONE = "Europe/Madrid"',
        'DEFAULT_LANG = "en"', f"SITEURL = {SITEURL!r}", "RELATIVE_URLS = False",
        'SITENAME = "Bench"', 'ARTICLE_PATHS = ["posts"]', 'PAGE_PATHS = ["pages"]',
        "DEFAULT_PAGINATION = 10", "RSS_FEED_SUMMARY_ONLY = False", "FEED_MAX_ITEMS = 50",
        f"CACHE_CONTENT = {cache}", f"LOAD_CONTENT_CACHE = {cache}",
        f"CACHE_PATH = {str(folder / 'cache-plain')!r}",
        f"MARKDOWN = {_candor_markdown()!r}",
    ]
    lines += [f"{key} = {value!r}" for key, value in FEEDS.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _candor_markdown() -> dict[str, object]:
    """Return Candor's MARKDOWN setting without its own extensions (plain has no plugins)."""
    namespace: dict[str, object] = {"__file__": str(ROOT / "pelicanconf.py")}
    exec(compile((ROOT / "pelicanconf.py").read_text(encoding="utf-8"),  # noqa: S102
                 "pelicanconf.py", "exec"), namespace)
    markdown = dict(namespace["MARKDOWN"])  # type: ignore[call-overload]
    markdown["extension_configs"] = {name: config for name, config
                                     in markdown["extension_configs"].items()
                                     if name.startswith("markdown.")}
    return markdown


def candor_settings(folder: Path, content: Path, cache: Path, kinds: dict[str, str], *,
                    keep_output: bool = False, root: Path = ROOT,
                    base: str = "publishconf") -> Path:
    """Write settings for Candor: the production settings on the corpus.

    ``cache`` is its cache folder (a new empty one for a cold build);
    ``keep_output`` leaves the output folder in place between builds; ``root``
    is the checkout of Candor to build with (another one to compare versions);
    ``base`` is "pelicanconf" for the preview that ``make serve`` builds.
    """
    path = folder / ("candor_settings.py" if root == ROOT else "baseline_settings.py")
    lines = [
        "import sys", f"sys.path.insert(0, {str(root)!r})",
        f"from {base} import *  # noqa: F403",
        f"PATH = {str(content)!r}", f"SITEURL = {SITEURL!r}", f"FEEDS_DOMAIN = {SITEURL!r}",
        f"FRONTMATTER_KINDS = {kinds!r}", f"PUBLISHING_NOW = {BENCH_NOW!r}",
        f"CACHE_PATH = {str(cache)!r}", f"DELETE_OUTPUT_DIRECTORY = {not keep_output}",
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def timed_build(content: Path, settings: Path, output: Path) -> tuple[float, float, float]:
    """Build once in a child process; return (seconds, peak MiB, CPU seconds) of that build."""
    return _timed_child(CHILD, [str(content), "-s", str(settings), "-o", str(output),
                                "--log-handler", "plain", "-q"],
                        f"the build of {content} with {settings.name}")


def timed_make_build(content: Path, settings: Path, output: Path
                     ) -> tuple[float, float, float]:
    """Run what ``make build`` runs (``tasks.build``): Pelican, then the search index
    (Pagefind, left alone when no indexed page changed; its state in the settings'
    ``CACHE_PATH``), in one process; return (seconds, peak MiB, CPU seconds)."""
    return _timed_child(MAKE_BUILD_CHILD, [str(content), "-s", str(settings), "-o",
                                           str(output), "-q", "--search-index"],
                        f"make build of {content} with {settings.name}")


def _timed_child(code: str, args: list[str], what: str) -> tuple[float, float, float]:
    """Run ``code`` in a child Python; return (seconds, peak MiB, CPU seconds) of it."""
    start = time.perf_counter()
    child = subprocess.run([sys.executable, "-c", code, *args], check=False, cwd=ROOT,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - start
    if child.returncode:
        sys.exit(f"bench: {what} failed:\n{child.stderr}")
    own, children, cpu = child.stderr.strip().splitlines()[-1].split()
    return seconds, max(int(own), int(children)) / 1024, float(cpu)
