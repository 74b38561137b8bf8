"""A client of the preview's event stream, as a browser tab reads it (tests and benchmarks)."""

from __future__ import annotations

import json
import threading
import time
import urllib.request
from collections.abc import Callable
from typing import Any

EVENTS_PATH = "/__candor_preview/events"


class EventStream:
    """Read the preview's Server-Sent Events in a background thread.

    ``received`` holds (arrival time from ``time.perf_counter``, event name, data)
    in the order the events came.
    """

    def __init__(self, url: str, timeout: float) -> None:
        self.received: list[tuple[float, str, dict[str, Any]]] = []
        self._response = urllib.request.urlopen(f"{url}{EVENTS_PATH}",  # noqa: S310 - http://127.0.0.1
                                                timeout=timeout)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        event = None
        try:
            for raw in self._response:
                line = raw.decode("utf-8").rstrip("\n")
                if line.startswith("event: "):
                    event = line.removeprefix("event: ")
                elif line.startswith("data: ") and event:
                    self.received.append((time.perf_counter(), event,
                                          json.loads(line.removeprefix("data: "))))
        except (OSError, ValueError):
            return

    def close(self) -> None:
        """Stop reading."""
        self._response.close()


def wait_for(found: Callable[[], Any], patience: float, poll: float = 0.01) -> Any:
    """Return the first truthy value of ``found()``; TimeoutError after ``patience`` seconds."""
    deadline = time.monotonic() + patience
    while time.monotonic() < deadline:
        value = found()
        if value:
            return value
        time.sleep(poll)
    msg = f"the preview did not answer within {patience:.0f} s"
    raise TimeoutError(msg)
