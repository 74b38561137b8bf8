"""The search index is made again only when a page Pagefind reads has changed.

Pagefind itself runs in the browser tests (tests/browser/test_search.py); here a
stand-in writes its bundle, so the decisions can be counted.
"""

from __future__ import annotations

import json
import shutil
from importlib.metadata import version
from pathlib import Path

import pytest

from candor_tools.search_index import index_site, pagefind_command


@pytest.fixture
def site(tmp_path: Path) -> Path:
    output = tmp_path / "output"
    (output / "posts" / "one").mkdir(parents=True)
    (output / "posts" / "one" / "index.html").write_text("<main data-pagefind-body>One</main>")
    (output / "index.html").write_text("<main>Home</main>")
    (output / "theme").mkdir()
    (output / "theme" / "base.css").write_text("body {}")
    return output


class Pagefind:
    """Stands in for Pagefind: counts the runs and writes a bundle as it would."""

    def __init__(self) -> None:
        self.runs: list[list[str]] = []

    def __call__(self, command: list[str]) -> None:
        self.runs.append(command)
        bundle = Path(command[command.index("--site") + 1]) / "pagefind"
        bundle.mkdir()
        (bundle / "pagefind.js").write_text(f"// run {len(self.runs)}")
        lang = command[command.index("--force-language") + 1]
        (bundle / "pagefind-entry.json").write_text(json.dumps(  # as Pagefind's manifest
            {"version": version("pagefind"), "languages": {lang: {"page_count": 1}}}))
        (bundle / "pagefind-ui.js").write_text("// a ready-made UI")
        (bundle / "pagefind-highlight.js").write_text("// unused")


def test_an_index_is_made_again_only_when_a_page_changed(site, tmp_path):
    cache, pagefind = tmp_path / "cache", Pagefind()
    assert index_site(site, "en", cache, pagefind)
    assert pagefind.runs == [pagefind_command(site, "en")]
    assert sorted(p.name for p in (site / "pagefind").iterdir()) == ["pagefind-entry.json",
                                                                     "pagefind.js"]
    bundle_time = (site / "pagefind" / "pagefind.js").stat().st_mtime_ns
    # Nothing changed, only a stylesheet, or only pages Pagefind leaves out (once a page
    # marks what to index, it indexes marked pages only: a list, a draft): left as it is.
    assert not index_site(site, "en", cache, pagefind)
    (site / "theme" / "base.css").write_text("body { color: red }")
    (site / "index.html").write_text("<main>Home, with a new list</main>")
    (site / "drafts" / "soon").mkdir(parents=True)
    (site / "drafts" / "soon" / "index.html").write_text("<main>A draft</main>")
    assert not index_site(site, "en", cache, pagefind)
    assert len(pagefind.runs) == 1
    assert (site / "pagefind" / "pagefind.js").stat().st_mtime_ns == bundle_time
    # An indexed page's bytes changed: indexed again.
    (site / "posts" / "one" / "index.html").write_text("<main data-pagefind-body>Two</main>")
    assert index_site(site, "en", cache, pagefind)
    assert len(pagefind.runs) == 2
    # A page to index added, another language, or the bundle gone: indexed again.
    (site / "posts" / "two").mkdir()
    (site / "posts" / "two" / "index.html").write_text("<main DATA-PAGEFIND-BODY>New</main>")
    assert index_site(site, "en", cache, pagefind)
    assert index_site(site, "es", cache, pagefind)
    (site / "pagefind" / "pagefind.js").unlink()
    assert index_site(site, "es", cache, pagefind)
    assert len(pagefind.runs) == 5


def test_a_site_that_marks_no_page_has_every_page_indexed(site, tmp_path):
    (site / "posts" / "one" / "index.html").write_text("<main>One</main>")
    cache, pagefind = tmp_path / "cache", Pagefind()
    assert index_site(site, "en", cache, pagefind)
    (site / "index.html").write_text("<main>Home, changed</main>")
    assert index_site(site, "en", cache, pagefind)
    assert len(pagefind.runs) == 2


def test_without_a_cache_or_after_a_failed_run_it_always_indexes(site, tmp_path):
    pagefind = Pagefind()
    assert index_site(site, "en", None, pagefind)
    assert index_site(site, "en", None, pagefind)
    assert len(pagefind.runs) == 2

    def failing(command: list[str]) -> None:  # half a bundle written, then it stops
        (site / "pagefind").mkdir()
        (site / "pagefind" / "pagefind.js").write_text("// half")
        msg = "pagefind failed"
        raise RuntimeError(msg)

    cache = tmp_path / "cache"
    assert index_site(site, "en", cache, pagefind)
    page = site / "posts" / "one" / "index.html"
    page.write_text("<main data-pagefind-body>Changed</main>")
    with pytest.raises(RuntimeError):
        index_site(site, "en", cache, failing)
    page.write_text("<main data-pagefind-body>One</main>")  # back as it was indexed
    # The half bundle is not taken for the index of these pages.
    assert index_site(site, "en", cache, pagefind)
    assert len(pagefind.runs) == 4


def test_a_new_folder_takes_the_served_folder_s_index_of_the_same_pages(site, tmp_path):
    pagefind = Pagefind()
    assert index_site(site, "en", None, pagefind)  # the folder served now
    fresh = tmp_path / "fresh"  # the preview's next build, a draft saved
    shutil.copytree(site, fresh, ignore=shutil.ignore_patterns("pagefind"))
    (fresh / "drafts" / "soon").mkdir(parents=True)
    (fresh / "drafts" / "soon" / "index.html").write_text("<main>A draft, saved</main>")
    assert not index_site(fresh, "en", None, pagefind, reuse=site)
    assert len(pagefind.runs) == 1
    served = site / "pagefind" / "pagefind.js"
    assert (fresh / "pagefind" / "pagefind.js").read_text() == served.read_text()
    assert (fresh / "pagefind" / "pagefind.js").stat().st_ino == served.stat().st_ino
    # A published post changed, another language, or a bundle another Pagefind made:
    # indexed anew, the served bundle left as it was.
    newer = tmp_path / "newer"
    shutil.copytree(fresh, newer, ignore=shutil.ignore_patterns("pagefind"))
    (newer / "posts" / "one" / "index.html").write_text("<main data-pagefind-body>Two</main>")
    assert index_site(newer, "en", None, pagefind, reuse=site)
    assert index_site(fresh, "es", None, pagefind, reuse=site)
    manifest = site / "pagefind" / "pagefind-entry.json"
    manifest.unlink()  # a link to the fresh folder's copy: no longer the same file
    manifest.write_text(json.dumps({"version": "0.1.0", "languages": {"en": {}}}))
    assert index_site(fresh, "en", None, pagefind, reuse=site)
    assert len(pagefind.runs) == 4
    assert served.read_text() == "// run 1"
    # Nothing to take from a folder without a bundle.
    shutil.rmtree(site / "pagefind")
    assert index_site(fresh, "en", None, pagefind, reuse=site)
