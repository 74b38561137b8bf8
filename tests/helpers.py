"""Build Pelican sites inside the test process, one clean build at a time."""

from __future__ import annotations

import logging
from collections import defaultdict
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup
from pelican import Pelican, signals
from pelican.log import LimitFilter
from pelican.settings import read_settings

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures" / "sites"
# The address the qa fixture is built for (the qa_site fixture in conftest.py).
QA_SITE_URL = "https://fixture.example"


def reset_pelican_state() -> None:
    """Forget receivers and log-limit state a previous build left behind.

    Plugins connect receivers when a Pelican instance is created; blinker keeps
    them for the whole process, so a second build would run them twice.
    """
    for name in dir(signals):
        signal = getattr(signals, name)
        if hasattr(signal, "receivers") and hasattr(signal, "send"):
            signal.receivers.clear()
    _reset_sitemap()
    # What a build that failed set aside from the garbage collector (a build that
    # succeeds gives it back itself).
    from candor_common import collector  # plugins are on the path by now

    collector.release()
    LimitFilter._ignore = set()
    LimitFilter._raised_messages = set()
    LimitFilter._threshold = 5
    LimitFilter._group_count = defaultdict(int)


def _reset_sitemap() -> None:
    # pelican-sitemap keeps the first Pelican instance it saw until that one
    # finishes; a build that aborted would leave it waiting forever.
    from pelican.plugins.sitemap import sitemap

    sitemap.generator._main_pelican = None
    sitemap.generator.page_queue = []


def build_site(
    settings_file: Path, output: Path, **overrides: Any
) -> Pelican:
    """Build the site described by ``settings_file`` into ``output``.

    ``overrides`` replace settings (PLUGINS, PUBLISHING_NOW, ...). The caches
    go beside ``output`` (``<output>-cache``) unless CACHE_PATH is given, never
    into the checkout's own ``cache/``. Raises whatever the build raises,
    including ``BuildAborted`` (a SystemExit).
    """
    reset_pelican_state()
    override = {"OUTPUT_PATH": str(output), "CACHE_CONTENT": False,
                "LOAD_CONTENT_CACHE": False, "CACHE_PATH": f"{output}-cache", **overrides}
    settings = read_settings(str(settings_file), override=override)
    pelican = Pelican(settings)
    logging.getLogger("pelican").setLevel(logging.WARNING)
    pelican.run()
    return pelican


def build_fixture(name: str, output: Path, **overrides: Any) -> Pelican:
    """Build ``tests/fixtures/sites/<name>/pelicanconf.py`` into ``output``."""
    return build_site(FIXTURES / name / "pelicanconf.py", output, **overrides)


def soup_of(site: Path, path: str) -> BeautifulSoup:
    """Parse ``<site>/<path>/index.html``."""
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
