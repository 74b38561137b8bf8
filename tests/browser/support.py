"""What the browser tests share: Chromium, a local server, page watching and figures."""

from __future__ import annotations

import http.server
import os
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.helpers import REPO

CHROMIUM = Path(os.environ.get("CANDOR_CHROMIUM", "/usr/bin/chromium"))
# The flags Debian's Chromium needs here (Playwright adds --headless): no sandbox as
# root, and no background traffic to Google, which a closed network would refuse.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
ARTIFACTS = REPO / "test-artifacts" / "browser"
JS = Path(__file__).resolve().parent / "js"


def require_chromium(path: Path = CHROMIUM, env: Mapping[str, str] = os.environ) -> Path:
    """Return Chromium's path; skip without it, but fail under CI=true."""
    if path.is_file() and os.access(path, os.X_OK):
        return path
    message = (f"browser tests need Debian's Chromium at {path} "
               "(apt-get install chromium; .ci/run installs it)")
    if env.get("CI", "").lower() == "true":
        pytest.fail(f"{message}. Under CI=true a missing browser is a failure, not a skip.",
                    pytrace=False)
    pytest.skip(message)
    raise AssertionError  # unreachable: skip raises


def script(name: str) -> str:
    """Return the text of tests/browser/js/<name>."""
    return (JS / name).read_text(encoding="utf-8")


@dataclass
class Figures:
    """What the browser run measured, printed at the end of the session."""

    pages_audited: set[str] = field(default_factory=set)
    vectors: int = 0
    fields: int = 0
    hostile_pages: int = 0
    executed: int = 0
    positive_control: int = 0
    search_queries: int = 0

    def summary(self) -> str:
        """One line of figures; empty when no browser test ran."""
        parts = []
        if self.pages_audited:
            parts.append(f"{len(self.pages_audited)} pages audited (axe, keyboard, console, "
                         "requests, CSP)")
        if self.vectors:
            parts.append(f"{self.vectors} vectors × {self.fields} fields: {self.executed} "
                         f"executed; positive control executed {self.positive_control} "
                         f"({self.hostile_pages} hostile pages)")
        if self.search_queries:
            parts.append(f"{self.search_queries} search queries")
        return "; ".join(parts)


FIGURES = Figures()


class _Handler(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: one connection per page, not per file

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        server = args[2]
        super().__init__(*args, directory=str(server.root), **kwargs)

    def log_message(self, format: str, *args: Any) -> None:
        """Stay quiet: pytest shows failures, not access logs."""


class LocalServer(http.server.ThreadingHTTPServer):
    """A static file server on 127.0.0.1 and a free port; set ``root`` before use."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.root: Path = REPO
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        """The server's origin, without a trailing slash."""
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> LocalServer:
        """Serve in a background thread."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and close the socket."""
        self.shutdown()
        self.server_close()


@dataclass
class Site:
    """A built site and the server that serves it."""

    output: Path
    server: LocalServer

    @property
    def url(self) -> str:
        """The site's origin (its SITEURL)."""
        return self.server.url


@dataclass
class Tab:
    """A page plus everything that went wrong on it since the last check."""

    page: Any
    origin: str
    javascript: bool = True
    problems: list[str] = field(default_factory=list)

    def visit(self, path: str) -> Any:
        """Open ``path`` on the site, require a 200 response, and wait for its scripts."""
        url = path if path.startswith("http") else f"{self.origin}/{path.lstrip('/')}"
        response = self.page.goto(url)
        assert response is not None and response.status == 200, f"{url}: {response}"
        if self.javascript and self.page.locator("form.search-form[data-pagefind]").count():
            self.page.wait_for_selector("form.search-form:not([hidden])")
        return response

    def take_problems(self) -> list[str]:
        """Return and forget the problems seen so far."""
        found, self.problems = self.problems, []
        return found


def _watch(tab: Tab) -> None:
    page, origin = tab.page, urlsplit(tab.origin).netloc

    def on_console(message: Any) -> None:
        if message.type in ("error", "assert"):
            tab.problems.append(f"console {message.type} on {page.url}: {message.text}")

    def on_request(request: Any) -> None:
        parts = urlsplit(request.url)
        if parts.scheme not in ("data", "blob", "about") and parts.netloc != origin:
            tab.problems.append(f"request to another host from {page.url}: {request.url}")

    def on_response(response: Any) -> None:
        if response.status >= 400:
            tab.problems.append(f"HTTP {response.status} for {response.url} on {page.url}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: tab.problems.append(f"script error on {page.url}: {error}"))
    page.on("request", on_request)
    def on_failed(request: Any) -> None:
        # ERR_ABORTED is the browser cancelling a request itself, e.g. a lazy image
        # when the test moves on; a missing file shows up as an HTTP status instead.
        if request.failure != "net::ERR_ABORTED":
            tab.problems.append(f"failed request {request.url} on {page.url}: {request.failure}")

    page.on("requestfailed", on_failed)
    page.on("response", on_response)


@contextmanager
def browse(browser: Any, site: Site, *, javascript: bool = True, color_scheme: str = "light",
           width: int = 1280, height: int = 900) -> Iterator[Tab]:
    """Open a fresh browser context on ``site``, watching for errors and CSP violations."""
    context = browser.new_context(java_script_enabled=javascript, color_scheme=color_scheme,
                                  viewport={"width": width, "height": height},
                                  service_workers="block", reduced_motion="reduce")
    tab = Tab(context.new_page(), site.url, javascript)

    def on_violation(source: Any, detail: str) -> None:
        tab.problems.append(f"CSP violation on {source['page'].url}: {detail}")

    context.expose_binding("__candorCspViolation", on_violation)
    context.add_init_script(script("csp_listener.js"))
    _watch(tab)
    try:
        yield tab
    finally:
        context.close()
