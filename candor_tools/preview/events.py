"""Server-Sent Events to every open preview tab: reload, problems, build status."""

from __future__ import annotations

import json
import queue
import threading
from typing import Any

# Sent again to every tab that connects, so a reloaded page shows the current state.
STICKY = ("problems", "status")


class Hub:
    """Broadcast events to the connected browser tabs (one queue per tab)."""

    def __init__(self) -> None:
        self._clients: set[queue.Queue[str | None]] = set()
        self._last: dict[str, str] = {}
        self._lock = threading.Lock()

    def publish(self, event: str, data: Any) -> None:
        """Send ``event`` with JSON ``data`` to every tab."""
        message = f"event: {event}\ndata: {json.dumps(data, sort_keys=True)}\n\n"
        with self._lock:
            if event in STICKY:
                self._last[event] = message
            clients = list(self._clients)
        for client in clients:
            client.put(message)

    def subscribe(self) -> queue.Queue[str | None]:
        """Return a new tab's queue, already holding the sticky events."""
        client: queue.Queue[str | None] = queue.Queue()
        with self._lock:
            for event in STICKY:
                if event in self._last:
                    client.put(self._last[event])
            self._clients.add(client)
        return client

    def unsubscribe(self, client: queue.Queue[str | None]) -> None:
        """Forget a tab that went away."""
        with self._lock:
            self._clients.discard(client)

    def close(self) -> None:
        """Tell every tab's stream to end (the server is stopping)."""
        with self._lock:
            clients = list(self._clients)
            self._clients.clear()
        for client in clients:
            client.put(None)
