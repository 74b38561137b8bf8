"""Start preview workers and talk to them (the server's side of worker.py)."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parent.parent.parent  # holds candor_tools/


class WorkerGone(RuntimeError):
    """The worker process ended (stopped by the server, or crashed) before answering."""


class Worker:
    """One worker process: a site in memory that builds and re-renders on request."""

    def __init__(self, settings_file: Path, *, warm: bool = True) -> None:
        """Start a worker for ``settings_file``; ``warm``: it imports Pelican and the
        plugins before reading requests (``worker.warm_up``)."""
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (str(PROJECT), env.get("PYTHONPATH", "")) if p)
        # Its own session: Ctrl-C in the terminal reaches the server, which stops it.
        self.process = subprocess.Popen(  # noqa: S603 - our own module, no shell
            [sys.executable, "-m", "candor_tools.preview.worker", str(settings_file),
             *(() if warm else ("--no-warm-up",))],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8",
            bufsize=1, env=env, start_new_session=True)
        self._lock = threading.Lock()
        self.model_inputs: list[str] = []
        # What its full build rendered and left as the last one made it (None: all).
        self.rebuild: dict[str, int] | None = None
        # The plugins it had imported when its full build was asked for (worker.warm_up).
        self.warm: list[str] = []
        self.stopped = False  # stop() was called (else it ended by itself, if it did)

    @property
    def pid(self) -> int:
        """The worker's process id."""
        return self.process.pid

    def request(self, op: str, **fields: Any) -> dict[str, Any]:
        """Send one request and wait for its answer; raise WorkerGone if the worker ends."""
        stdin, stdout = self.process.stdin, self.process.stdout
        if stdin is None or stdout is None:
            raise WorkerGone(op)
        with self._lock:
            try:
                stdin.write(json.dumps({"op": op, **fields}) + "\n")
                stdin.flush()
            except (BrokenPipeError, ValueError, OSError) as error:
                raise WorkerGone(op) from error
            line = stdout.readline()
        if not line:
            raise WorkerGone(op)
        answer: dict[str, Any] = json.loads(line)
        return answer

    def stop(self) -> None:
        """End the worker and anything it started (its Markdown processes), then reap it."""
        self.stopped = True
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        if self._lock.acquire(blocking=False):  # else a request is still reading: GC closes
            try:
                for stream in (self.process.stdin, self.process.stdout):
                    if stream is not None:
                        stream.close()
            finally:
                self._lock.release()

    def peak_mib(self) -> float:
        """Return the worker's peak resident memory in MiB (Linux; 0 elsewhere)."""
        try:
            status = Path(f"/proc/{self.pid}/status").read_text(encoding="utf-8")
        except OSError:
            return 0.0
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return 0.0
