"""Shared fixtures: isolated Pelican builds and the built sample site."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from tests.helpers import QA_SITE_URL, REPO, build_fixture, build_site, reset_pelican_state


@pytest.fixture(autouse=True)
def _clean_pelican_state():
    """Each test starts with no receivers and no log-limit memory from the last build."""
    reset_pelican_state()
    yield
    reset_pelican_state()


@pytest.fixture
def site_copy(tmp_path: Path):
    """Return a function copying a fixture site into tmp_path, to edit before building."""

    def copy(name: str) -> Path:
        target = tmp_path / "site"
        shutil.copytree(REPO / "tests" / "fixtures" / "sites" / name, target)
        settings = target / "pelicanconf.py"
        fixtures = REPO / "tests" / "fixtures" / "sites"
        settings.write_text(settings.read_text().replace(
            "str(HERE.parent)", repr(str(fixtures))))
        return target

    return copy


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Path:
    """Build the real sample site with the production settings, once per session."""
    output = tmp_path_factory.mktemp("sample") / "output"
    logging.getLogger().setLevel(logging.WARNING)
    build_site(REPO / "publishconf.py", output)
    reset_pelican_state()
    return output


@pytest.fixture(scope="session")
def qa_site(tmp_path_factory) -> Path:
    """The qa fixture site built for production once per session (read it, never edit it)."""
    output = tmp_path_factory.mktemp("qa") / "out"
    build_fixture("qa", output, PUBLISHING_PREVIEW=False, SITEURL=QA_SITE_URL,
                  RELATIVE_URLS=False, FEEDS_DOMAIN=QA_SITE_URL)
    reset_pelican_state()
    return output
