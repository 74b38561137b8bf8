"""The event-stream client the preview's tests and benchmarks read events with."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest

from candor_tools.preview.client import EventStream, wait_for

# Only a guard against hanging: a close that waits on the server never returns here.
PATIENCE = 30.0


class Silent:
    """A server that answers the stream's headers, one event, then nothing, ever."""

    def __init__(self, status: str = "200 OK") -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.status = status
        self.connections: list[socket.socket] = []
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        connection, _ = self.listener.accept()
        self.connections.append(connection)
        connection.recv(65536)
        connection.sendall(f"HTTP/1.1 {self.status}\r\nContent-Type: text/event-stream\r\n"
                           "Connection: close\r\n\r\n"
                           'event: status\ndata: {"generation": 1}\n\n'.encode())

    def close(self) -> None:
        for connection in self.connections:
            connection.close()
        self.listener.close()


@pytest.fixture
def silent() -> Iterator[Silent]:
    server = Silent()
    yield server
    server.close()


def _returns(call) -> bool:
    """Run ``call`` in a thread; True if it returned within PATIENCE."""
    done = threading.Event()
    threading.Thread(target=lambda: (call(), done.set()), daemon=True).start()
    return done.wait(PATIENCE)


def test_events_are_read_and_close_does_not_wait_for_the_server(silent):
    stream = EventStream(f"http://127.0.0.1:{silent.port}", PATIENCE)
    wait_for(lambda: stream.received, PATIENCE)
    assert [(e, d) for _t, e, d in stream.received] == [("status", {"generation": 1})]
    # The reader is blocked on a line the server never sends: close must end it anyway.
    # (Closing the response alone waited for the server's next keep-alive.)
    assert _returns(stream.close)
    assert stream._reader is not None and not stream._reader.is_alive()


def test_a_response_that_is_not_an_event_stream_is_refused():
    server = Silent("404 Not Found")
    try:
        with pytest.raises(OSError, match="HTTP 404"):
            EventStream(f"http://127.0.0.1:{server.port}", PATIENCE)
    finally:
        server.close()
