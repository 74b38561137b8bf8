"""Browser fixtures: Debian's Chromium via Playwright, and built sites served on 127.0.0.1.

Without Chromium the browser tests skip with the reason; under CI=true they fail
instead, and so does any other skip in this folder.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.sites import build_sample, build_search_site
from tests.browser.support import (
    ARTIFACTS,
    CHROMIUM_ARGS,
    FIGURES,
    LocalServer,
    Site,
    require_chromium,
)

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark everything in this folder as a browser test (`-m "not browser"` leaves it out)."""
    for item in items:
        if HERE in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: Any) -> Iterator[None]:
    """Under CI=true a skipped browser test is a failed one."""
    outcome = yield
    report = outcome.get_result()
    in_browser = HERE in Path(str(item.fspath)).parents
    if in_browser and report.skipped and os.environ.get("CI", "").lower() == "true":
        report.outcome = "failed"
        report.longrepr = f"skipped under CI=true, which counts as a failure: {report.longrepr}"


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Print what the browser run measured."""
    line = FIGURES.summary()
    if line:
        terminalreporter.write_sep("-", "browser figures")
        terminalreporter.write_line(f"browser: {line}")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium, headless, driven by Playwright (no downloaded browser)."""
    executable = require_chromium()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require_chromium(Path("/nonexistent/playwright"))
        raise
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(executable),
                                              args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def served() -> Iterator[Any]:
    """Start local servers on demand; stop them all at the end of the session."""
    servers: list[LocalServer] = []

    def start() -> LocalServer:
        server = LocalServer().start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture(scope="session")
def sample(served: Any, tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The sample site, built as production for its local address, with its search index."""
    server = served()
    output = tmp_path_factory.mktemp("browser-sample") / "output"
    logging.getLogger().setLevel(logging.WARNING)
    server.root = build_sample(output, server.url)
    return Site(output, server)


@pytest.fixture(scope="session")
def search_site(served: Any, tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The Q&A fixture plus a translation, a draft and a hidden post, built as production."""
    server = served()
    root = tmp_path_factory.mktemp("browser-search")
    server.root = build_search_site(root / "site", root / "output", server.url)
    return Site(root / "output", server)


@pytest.fixture(scope="session")
def parted_search_site(served: Any, tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The search fixture again, its index made in parts of two pages (a town hall's
    index is made in parts: candor_tools.search_parts)."""
    server = served()
    root = tmp_path_factory.mktemp("browser-search-parts")
    server.root = build_search_site(root / "site", root / "output", server.url, part_pages=2)
    return Site(root / "output", server)
