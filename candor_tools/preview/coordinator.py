"""What happens after a save: the post's page first, then a full build in the background.

Each batch of saves is one generation. A post or page saved is re-read by the
resident worker (the site in memory), its page laid over output/ and the tabs
showing it reloaded; then a full build of that generation starts in the
background, replacing any older one still running. Theme, plugin, settings and
roster changes make the site in memory stale: they go to the full build only,
and the fast path resumes once a worker built with them is resident.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from pathlib import Path
from typing import Any

from candor_tools.preview.builder import Builder
from candor_tools.preview.changes import url_of
from candor_tools.preview.events import Hub
from candor_tools.preview.overlay import Overlay
from candor_tools.preview.watch import Batch
from candor_tools.preview.workers import Worker, WorkerGone

logger = logging.getLogger(__name__)


class Coordinator:
    """Turn batches of saves into re-rendered pages, full builds and browser events."""

    def __init__(self, builder_args: dict[str, Any], overlay: Overlay, hub: Hub) -> None:
        self.overlay = overlay
        self.hub = hub
        self.builder = Builder(overlay=overlay, owner=self, **builder_args)
        self.generation = 0
        self.resident: Worker | None = None
        self.stale_since: int | None = None  # first generation the resident cannot render
        self.problems: dict[str, list[dict[str, Any]]] = {}  # source -> its problems
        self.build_errors: list[str] = []
        self.built = 0  # the generation output/ holds
        self.last_build: dict[str, Any] | None = None  # its seconds and what it rendered
        self._lock = threading.RLock()
        self._batches: queue.Queue[Batch | None] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="preview-saves", daemon=True)

    def start(self) -> None:
        """Build the site once, then handle saves as they come."""
        self.builder.start()
        with self._lock:
            self.generation = 1
        self.builder.request(1)
        self._thread.start()

    def stop(self) -> None:
        """Stop handling saves, the builds and every worker."""
        self._batches.put(None)
        self._thread.join(timeout=15)
        self.builder.stop()
        with self._lock:
            resident, self.resident = self.resident, None
        if resident is not None:
            resident.stop()

    def deliver(self, batch: Batch) -> None:
        """Queue a batch of saves (called by the watcher threads)."""
        self._batches.put(batch)

    def _run(self) -> None:
        while True:
            batch = self._batches.get()
            if batch is None:
                return
            while True:  # saves that queued up meanwhile join this batch: latest wins
                try:
                    more = self._batches.get_nowait()
                except queue.Empty:
                    break
                if more is None:
                    return
                batch.merge(more)
            self.handle(batch)

    def handle(self, batch: Batch) -> None:
        """Re-render saved posts and pages, then rebuild everything in the background."""
        logger.debug("preview: saved %s", batch)
        with self._lock:
            self.generation += 1
            generation = self.generation
            inputs = set(self.resident.model_inputs) if self.resident else set()
            if (batch.code or batch.content & inputs) and self.stale_since is None:
                self.stale_since = generation
        self.builder.cancel()  # what it is building is already out of date
        if batch.code:  # the worker started ahead may hold the old code
            self.builder.discard_spare()
        if batch.code or batch.content & inputs:
            names = sorted(batch.code | (batch.content & inputs))
            logger.info("preview: %s changed; rebuilding the whole site, pages update when "
                        "it is done", ", ".join(_short(n) for n in names))
        if batch.sources:
            self._render_first(sorted(batch.sources), generation)
        self.builder.request(generation)
        self.publish_status()

    def _render_first(self, sources: list[str], generation: int) -> None:
        with self._lock:
            resident = self.resident if self.stale_since is None else None
        if resident is None:
            return
        start = time.perf_counter()
        try:
            answer = resident.request("update", sources=sources)
        except WorkerGone:
            with self._lock:
                self.resident = None if self.resident is resident else self.resident
            return
        if not answer.get("ok"):
            return
        self.overlay.put(answer["pages"], answer["removed"], generation)
        with self._lock:
            for source in answer["clean"]:
                self.problems.pop(source, None)
            self.problems.update(answer["problems"])
        self.publish_problems()
        urls = [url_of(n) for n in [*answer["pages"], *answer["removed"]]]
        if urls:
            self.hub.publish("reload", {"paths": urls, "moved": answer["moved"],
                                        "generation": generation})
        _tell_render(answer, urls, time.perf_counter() - start)

    def build_started(self, generation: int) -> None:
        """Show the tabs that the site is being rebuilt."""
        del generation
        self.publish_status()

    def build_failed(self, generation: int, errors: list[str]) -> None:
        """Keep output/ as it is; show why the full build failed."""
        with self._lock:
            self.build_errors = errors
        logger.warning("preview: the full build of save %d failed (see above); the preview "
                       "keeps the last good pages", generation)
        self.publish_problems()
        self.publish_status()

    def build_done(self, generation: int, worker: Worker, changed: list[str],
                   seconds: float) -> None:
        """output/ holds the new build: forget the overlay it covers, reload changed tabs."""
        retired: Worker | None = worker
        with self._lock:
            self.overlay.settle(generation)
            self.built = generation
            self.build_errors = []
            self.last_build = {"generation": generation, "seconds": round(seconds, 3),
                               "rebuild": worker.rebuild, "worker": worker.pid,
                               "warm": worker.warm}
            if generation == self.generation:  # no save since: its site is the newest
                retired, self.resident = self.resident, worker
                if self.stale_since is not None and self.stale_since <= generation:
                    self.stale_since = None
        if retired is not None:
            retired.stop()
        rendered = ("" if worker.rebuild is None else
                    " ({rendered} rendered, {reused} as the last build made them)"
                    .format(**worker.rebuild))
        logger.info("preview: whole site rebuilt in %.1f s%s; %s", seconds, rendered,
                    f"{len(changed)} page(s) changed" if changed != ["*"] else "every page "
                    "changed")
        self.publish_problems()
        if changed:
            self.hub.publish("reload", {"paths": changed, "moved": {},
                                        "generation": generation})
        self.publish_status()

    def peak_mib(self) -> float:
        """Return the peak memory of the worker holding the site (0 without one)."""
        with self._lock:
            resident = self.resident
        return resident.peak_mib() if resident is not None else 0.0

    def builder_idle(self) -> None:
        """Tell the tabs the site has settled (or stopped on an error)."""
        self.publish_status()

    def status(self) -> dict[str, Any]:
        """Return where the preview stands (also served at /__candor_preview/status)."""
        with self._lock:
            busy = self.builder.busy
            return {"generation": self.generation, "built": self.built, "building": busy,
                    "settled": (not busy and self.built == self.generation
                                and not self.build_errors),
                    "fast": self.resident is not None and self.stale_since is None,
                    "problems": self._problem_list(), "build_errors": list(self.build_errors),
                    "last_build": self.last_build}

    def publish_status(self) -> None:
        """Tell the tabs whether a full build is running."""
        status = self.status()
        self.hub.publish("status", {k: status[k] for k in
                                    ("generation", "built", "building", "settled")})

    def publish_problems(self) -> None:
        """Tell the tabs the current problems (an empty list hides the overlay)."""
        with self._lock:
            self.hub.publish("problems", {"problems": self._problem_list(),
                                          "build_errors": list(self.build_errors)})

    def _problem_list(self) -> list[dict[str, Any]]:
        return [p for source in sorted(self.problems) for p in self.problems[source]]


def _short(path: str) -> str:
    try:
        return str(Path(path).relative_to(Path.cwd()))
    except ValueError:
        return path


def _tell_render(answer: dict[str, Any], urls: list[str], seconds: float) -> None:
    for source in answer["problems"]:
        logger.warning("preview: %s was not updated (problem above); the browser shows the "
                       "problem over the last good page. Fix it and save again.", source)
    if urls:
        logger.info("preview: %s re-rendered in %.0f ms; the rest of the site follows",
                    ", ".join(urls), seconds * 1000)
