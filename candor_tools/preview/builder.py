"""Full builds in the background: a fresh worker builds into a new folder, then swaps it in.

Each full build runs in a worker process of its own, which then holds the site
in memory for the next saves. The worker for the next build is started as soon
as a build is done (the "spare"): it imports Pelican and the plugins while the
preview waits for a save, so the build a save asks for starts with that done.
A spare started before a change to the code, theme or settings is not used
(``discard_spare``): it could hold the old code. The site a build replaces is
deleted by a thread of its own (``Remover``) once the new one is in place, so the
tabs reload without waiting for it (thousands of files on a town-hall site).
"""

from __future__ import annotations

import logging
import queue
import shutil
import threading
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, Protocol

from candor_tools.atomic import atomic_replace, left_behind
from candor_tools.preview.changes import served_changes
from candor_tools.preview.overlay import Overlay
from candor_tools.preview.workers import Worker, WorkerGone

logger = logging.getLogger(__name__)


class BuildFailed(Exception):
    """The full build stopped on problems (logged by the worker) or crashed."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = errors


class Superseded(Exception):
    """A newer save arrived while this build ran: its result is already out of date."""


class Owner(Protocol):
    """What the builder reports to (the coordinator)."""

    def build_started(self, generation: int) -> None:
        """A full build of ``generation`` started."""

    def build_failed(self, generation: int, errors: list[str]) -> None:
        """The full build of ``generation`` failed; output/ is unchanged."""

    def build_done(self, generation: int, worker: Worker, changed: list[str],
                   seconds: float) -> None:
        """output/ now holds the full build of ``generation``, built by ``worker``."""

    def builder_idle(self) -> None:
        """No build runs and none is waiting."""


class Remover:
    """Delete folders in a thread of its own, one after another."""

    def __init__(self) -> None:
        self._folders: queue.Queue[Path | None] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="preview-remove", daemon=True)
        self._thread.start()

    def put(self, folder: Path) -> None:
        """Delete ``folder`` (and all it holds) soon."""
        self._folders.put(folder)

    def stop(self, timeout: float) -> None:
        """Delete what is queued, then end (waiting at most ``timeout`` seconds)."""
        self._folders.put(None)
        self._thread.join(timeout)

    def _run(self) -> None:
        while (folder := self._folders.get()) is not None:
            shutil.rmtree(folder, ignore_errors=True)


class Builder:
    """Run one full build at a time, always of the latest save ("latest wins")."""

    def __init__(self, settings_file: Path, output: Path, overlay: Overlay, owner: Owner,
                 index: Callable[[Path], None] | None = None) -> None:
        self.settings_file = settings_file
        self.output = output
        self.overlay = overlay
        self.owner = owner
        self.index = index
        self._wanted = 0
        self._done = 0
        self._candidate: Worker | None = None
        self._spare: Worker | None = None  # the next build's worker, started ahead
        self._condition = threading.Condition()
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="preview-builder", daemon=True)
        self._remover: Remover | None = None

    def start(self) -> None:
        """Start the background thread (and delete old sites an earlier preview left)."""
        self._remover = Remover()
        for folder in left_behind(self.output):
            self._remover.put(folder)
        self._thread.start()

    @property
    def busy(self) -> bool:
        """True while a build runs or one is waiting to start."""
        with self._condition:
            return self._candidate is not None or self._wanted > self._done

    def request(self, generation: int) -> None:
        """Ask for a full build of the sources as of ``generation``."""
        with self._condition:
            self._wanted = max(self._wanted, generation)
            self._condition.notify_all()

    def cancel(self) -> None:
        """Stop the running build: a newer save makes it out of date.

        The build's worker is taken under the lock, and a finished build takes it out
        of reach before handing it to the owner (``_hand_over``): a save never
        stops the worker just made resident. That left the preview without its
        fast path, and the save's problem unshown, until the next full build.
        """
        with self._condition:
            candidate, self._candidate = self._candidate, None
        if candidate is not None:
            candidate.stop()

    def discard_spare(self) -> None:
        """Stop the worker started for the next build: the code, theme or settings changed
        since it started, so it may have imported the old code."""
        with self._condition:
            spare, self._spare = self._spare, None
        if spare is not None:
            spare.stop()

    @property
    def spare(self) -> Worker | None:
        """The worker started for the next build, if there is one."""
        with self._condition:
            return self._spare

    def stop(self) -> None:
        """Stop building for good (the server is stopping)."""
        with self._condition:
            self._stopping = True
            self._condition.notify_all()
        self.cancel()
        self._thread.join(timeout=15)
        self.discard_spare()
        if self._remover is not None:
            self._remover.stop(timeout=60)

    def _run(self) -> None:
        while True:
            with self._condition:
                while self._wanted <= self._done and not self._stopping:
                    self._condition.wait()
                if self._stopping:
                    return
                generation = self._wanted
                self._candidate = self._next_worker()
            lives = False
            try:
                lives = self._build(generation, self._candidate)
            finally:
                with self._condition:
                    self._candidate = None
                    self._done = max(self._done, generation)
                    idle = self._wanted <= self._done
                if lives:
                    self._start_spare()
            if idle:
                self.owner.builder_idle()

    def _next_worker(self) -> Worker:
        """Return the spare, if it is still running, or a new worker (under the lock)."""
        spare, self._spare = self._spare, None
        if spare is not None and spare.process.poll() is None:
            return spare
        if spare is not None:
            spare.stop()
        return Worker(self.settings_file)

    def _start_spare(self) -> None:
        """Start the next build's worker, unless one runs or the builder is stopping."""
        with self._condition:
            if self._spare is not None or self._stopping:
                return
            self._spare = Worker(self.settings_file)

    def _build(self, generation: int, candidate: Worker) -> bool:
        """Build ``generation`` with ``candidate``; return False if the worker ended by
        itself (settings it could not read, a crash): another one started now would
        only end the same way."""
        self.owner.build_started(generation)
        start = time.perf_counter()
        changed: list[str] = []
        try:
            atomic_replace(self.output, partial(self._build_into, candidate, generation,
                                                changed),
                           discard=self._remover.put if self._remover else None)
        except Superseded:  # a newer save: the worker did its part, the next build follows
            candidate.stop()
            return True
        except WorkerGone:  # stopped for a newer save (cancel), or ended by itself
            ended = not candidate.stopped
            candidate.stop()
            return not ended
        except BuildFailed as failed:
            candidate.stop()
            self.owner.build_failed(generation, failed.errors)
            return True
        except Exception as error:  # report it, keep serving the last good site
            candidate.stop()
            logger.exception("preview: the full build could not be put in place")
            self.owner.build_failed(generation, [f"preview: {error}"])
            return True
        self._hand_over(candidate)
        self.owner.build_done(generation, candidate, changed, time.perf_counter() - start)
        return True

    def _hand_over(self, candidate: Worker) -> None:
        """Take ``candidate`` out of ``cancel``'s reach before the owner may make it the
        resident worker. One a save cancelled first is stopped already, and a save
        moves the generation on before it cancels (``Coordinator.handle``): the owner
        then retires it, and still takes the folder the build put in place."""
        with self._condition:
            if self._candidate is candidate:
                self._candidate = None

    def _build_into(self, candidate: Worker, generation: int, changed: list[str],
                    folder: Path) -> None:
        answer: dict[str, Any] = candidate.request("build", output=str(folder),
                                                   served=str(self.output))
        if not answer.get("ok"):
            raise BuildFailed(answer.get("errors") or
                              ["The full build failed; the terminal says why."])
        candidate.model_inputs = list(answer.get("model_inputs", []))
        candidate.rebuild = answer.get("rebuild")
        candidate.warm = list(answer.get("warm", []))
        self._check(generation)
        if self.index is not None:
            self.index(folder)
            self._check(generation)
        copied = answer.get("copied")
        changed += served_changes(self.output, folder, self.overlay,
                                  None if copied is None else set(copied))
        self._check(generation)

    def _check(self, generation: int) -> None:
        with self._condition:
            if self._wanted > generation or self._stopping:
                raise Superseded
