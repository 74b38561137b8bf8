"""A client of the preview's event stream, as a browser tab reads it (tests and benchmarks)."""

from __future__ import annotations

import contextlib
import http.client
import json
import socket
import threading
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

EVENTS_PATH = "/__candor_preview/events"


class EventStream:
    """Read the preview's Server-Sent Events in a background thread.

    ``received`` holds (arrival time from ``time.perf_counter``, event name, data)
    in the order the events came.
    """

    def __init__(self, url: str, timeout: float) -> None:
        self.received: list[tuple[float, str, dict[str, Any]]] = []
        self._reader: threading.Thread | None = None
        where = urlsplit(url)
        connection = http.client.HTTPConnection(where.hostname or "127.0.0.1", where.port,
                                                timeout=timeout)
        connection.request("GET", EVENTS_PATH, headers={"Accept": "text/event-stream"})
        # Kept before getresponse, which hands the connection's socket to the response.
        self._socket = connection.sock
        self._response = connection.getresponse()
        if self._response.status != 200:
            self.close()
            msg = f"{url}{EVENTS_PATH}: HTTP {self._response.status}, not an event stream"
            raise OSError(msg)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

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
        """Stop reading, at once.

        The socket is shut down first: the reader thread holds the response's
        buffer while it waits for a line, and closing the response alone would
        wait with it for the server's next keep-alive (15 s).
        """
        if self._socket is not None:
            with contextlib.suppress(OSError):
                self._socket.shutdown(socket.SHUT_RDWR)
        if self._reader is not None:
            self._reader.join()
        self._response.close()
        if self._socket is not None:
            self._socket.close()


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
