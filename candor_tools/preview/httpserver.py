"""The preview's HTTP server: output/ with the overlay on top, the reload script, events."""

from __future__ import annotations

import http.server
import json
import mimetypes
import posixpath
import queue
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from candor_tools.preview.events import Hub
from candor_tools.preview.inject import PREFIX, with_reload_script
from candor_tools.preview.overlay import Overlay
from candor_tools.preview.pages import fallback_page

STATIC = Path(__file__).resolve().parent / "static"
ASSETS = {"livereload.js": "text/javascript; charset=utf-8",
          "preview.css": "text/css; charset=utf-8"}
KEEPALIVE_SECONDS = 15


class PreviewHTTPServer(http.server.ThreadingHTTPServer):
    """Serve ``output`` with ``overlay`` laid over it, on 127.0.0.1."""

    daemon_threads = True
    stopping = False

    def __init__(self, address: tuple[str, int], output: Path, overlay: Overlay, hub: Hub,
                 status: Callable[[], dict[str, Any]]) -> None:
        super().__init__(address, PreviewHandler)
        self.output = output
        self.overlay = overlay
        self.hub = hub
        self.status = status


class PreviewHandler(http.server.BaseHTTPRequestHandler):
    """GET and HEAD only: pages, the preview's own files, the event stream, the status."""

    server: PreviewHTTPServer
    protocol_version = "HTTP/1.1"

    def do_HEAD(self) -> None:
        """Answer like GET, without the body."""
        self._answer(head=True)

    def do_GET(self) -> None:
        """Serve a page, a file, the reload script, the event stream or the status."""
        self._answer(head=False)

    def log_message(self, format: str, *args: Any) -> None:
        """Stay quiet: the terminal is for the build's messages."""

    def _answer(self, head: bool) -> None:
        path = unquote(urlsplit(self.path).path)
        if path == f"{PREFIX}events":
            self._stream_events()
        elif path == f"{PREFIX}status":
            self._send(200, "application/json", json.dumps(self.server.status()).encode(), head)
        elif path.startswith(PREFIX) and path.removeprefix(PREFIX) in ASSETS:
            name = path.removeprefix(PREFIX)
            self._send(200, ASSETS[name], (STATIC / name).read_bytes(), head)
        else:
            self._serve_site(path, head)

    def _serve_site(self, path: str, head: bool) -> None:
        name = _output_name(path)
        if name is None:
            self._not_found(head)
            return
        if not path.endswith("/") and self._is_folder(name):
            self.send_response(301)
            self.send_header("Location", urlsplit(self.path).path + "/")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        name = f"{name}/index.html" if path.endswith("/") and name else name or "index.html"
        body = self._lookup(name)
        if body is None:
            self._not_found(head)
            return
        self._send(200, _content_type(name), body, head)

    def _lookup(self, name: str) -> bytes | None:
        entry = self.server.overlay.get(name)
        if entry is not None:
            return entry.body
        try:
            return (self.server.output / name).read_bytes()
        except OSError:  # missing, a folder, or output/ being swapped this instant
            return None

    def _is_folder(self, name: str) -> bool:
        entry = self.server.overlay.get(f"{name}/index.html")
        return (entry is not None and entry.body is not None) or (
            self.server.output / name).is_dir()

    def _not_found(self, head: bool) -> None:
        body = self._lookup("404.html") or fallback_page(self.server.status())
        self._send(404, "text/html; charset=utf-8", body, head)

    def _send(self, code: int, content_type: str, body: bytes, head: bool) -> None:
        if content_type.startswith("text/html"):
            body = with_reload_script(body)
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _stream_events(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        client = self.server.hub.subscribe()
        try:
            self.wfile.write(b"retry: 1000\n\n")
            self.wfile.flush()
            while not self.server.stopping:
                try:
                    message = client.get(timeout=KEEPALIVE_SECONDS)
                except queue.Empty:
                    message = ": keep-alive\n\n"
                if message is None:
                    break
                self.wfile.write(message.encode("utf-8"))
                self.wfile.flush()
        except OSError:
            pass  # the tab went away
        finally:
            self.server.hub.unsubscribe(client)


def _output_name(path: str) -> str | None:
    """Return the output path a URL path names ('' for the root), or None if it escapes."""
    normal = posixpath.normpath("/" + path.lstrip("/"))
    if ".." in normal.split("/"):
        return None
    return normal.strip("/")


def _content_type(name: str) -> str:
    guessed = mimetypes.guess_type(name)[0] or "application/octet-stream"
    if guessed.startswith("text/") or guessed in ("application/javascript",
                                                   "application/json", "application/xml"):
        return f"{guessed}; charset=utf-8"
    return guessed
