"""The search index is made again only when a page Pagefind reads has changed.

A stand-in writes Pagefind's bundle, so the decisions can be counted; real Pagefind
checks that the folders it is told to read give the whole site's index (and runs in
the browser tests, tests/browser/test_search.py).
"""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
from importlib.metadata import version
from pathlib import Path

import cbor2
import pytest

from candor_tools import search_index
from candor_tools.search_bundle import SIGNATURE
from candor_tools.search_index import Pages, index_site, pagefind_command, pages_glob


@pytest.fixture
def site(tmp_path: Path) -> Path:
    output = tmp_path / "output"
    (output / "posts" / "one").mkdir(parents=True)
    (output / "posts" / "one" / "index.html").write_text("<main data-pagefind-body>One</main>")
    (output / "index.html").write_text("<main>Home</main>")
    (output / "theme").mkdir()
    (output / "theme" / "base.css").write_text("body {}")
    return output


def meta_file(fragments: list[str]) -> bytes:
    """A language's metadata as Pagefind writes it: its pages' fragments, no words."""
    meta = [version("pagefind"), [[name, 1] for name in fragments], [], [], [], []]
    return gzip.compress(SIGNATURE + cbor2.dumps(meta))


class Pagefind:
    """Stands in for Pagefind: counts the runs and writes a bundle as it would."""

    def __init__(self) -> None:
        self.runs: list[list[str]] = []
        self.sites: list[list[str]] = []  # the pages each run could read

    def __call__(self, command: list[str]) -> None:
        self.runs.append(command)
        site = Path(command[command.index("--site") + 1])
        pages = sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))
        self.sites.append(pages)  # runs may come from several threads at once
        bundle = (Path(command[command.index("--output-path") + 1])
                  if "--output-path" in command else site / "pagefind")
        bundle.mkdir(parents=True, exist_ok=True)  # over the last bundle, as Pagefind
        (bundle / "fragment").mkdir(exist_ok=True)
        (bundle / "fragment" / "en_1.pf_fragment").write_text(" ".join(pages))
        (bundle / "pagefind.en_1.pf_meta").write_bytes(meta_file(["en_1"]))
        (bundle / "wasm.en.pagefind").write_text("wasm")
        (bundle / "pagefind.js").write_text(f"// run {len(self.runs)}")
        lang = command[command.index("--force-language") + 1]
        (bundle / "pagefind-entry.json").write_text(json.dumps(  # as Pagefind's manifest
            {"version": version("pagefind"),
             "languages": {lang: {"hash": "en_1", "page_count": 1}}}))
        (bundle / "pagefind-ui.js").write_text("// a ready-made UI")
        (bundle / "pagefind-highlight.js").write_text("// unused")


def test_an_index_is_made_again_only_when_a_page_changed(site, tmp_path):
    cache, pagefind = tmp_path / "cache", Pagefind()
    assert index_site(site, "en", cache, pagefind)
    assert pagefind.runs == [pagefind_command(site, "en", "{posts/**/*.html}")]
    # The metadata Pagefind wrote, settled (search_bundle.settle) under a name of its own.
    settled = json.loads((site / "pagefind" / "pagefind-entry.json").read_text())
    meta = f"pagefind.{settled['languages']['en']['hash']}.pf_meta"
    assert meta != "pagefind.en_1.pf_meta"
    assert sorted(p.name for p in (site / "pagefind").iterdir()) == sorted([
        "fragment", "pagefind-entry.json", meta, "pagefind.js", "parts.json",
        "wasm.en.pagefind"])
    assert json.loads((site / "pagefind" / "parts.json").read_text()) == {"parts": []}
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
        (site / "pagefind").mkdir(exist_ok=True)
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


def test_a_bundle_linked_to_the_served_one_is_never_written_over(site, tmp_path):
    pagefind = Pagefind()
    assert index_site(site, "en", None, pagefind)  # the folder served now
    fresh = tmp_path / "fresh"
    shutil.copytree(site, fresh, ignore=shutil.ignore_patterns("pagefind"))
    assert not index_site(fresh, "en", None, pagefind, reuse=site)  # linked in
    served = site / "pagefind" / "pagefind.js"
    assert (fresh / "pagefind" / "pagefind.js").stat().st_ino == served.stat().st_ino
    (fresh / "posts" / "one" / "index.html").write_text("<main data-pagefind-body>3</main>")
    assert index_site(fresh, "en", None, pagefind, reuse=site)
    assert served.read_text() == "// run 1"
    assert (fresh / "pagefind" / "pagefind.js").read_text() == "// run 2"
    assert (fresh / "pagefind" / "pagefind.js").stat().st_ino != served.stat().st_ino


def test_pagefind_reads_only_the_folders_that_hold_indexed_pages():
    assert pages_glob(["posts/2026/a/index.html", "qa/town-hall/q/1/index.html",
                       "posts/2025/b/index.html", "about.html"]) == \
        "{about.html,posts/**/*.html,qa/**/*.html}"
    assert pages_glob([]) is None  # no page marked: Pagefind reads (and indexes) every page
    assert pages_glob(["a{b}/index.html"]) is None  # a name a glob would misread


def test_pages_seen_unchanged_are_not_read_again(site, tmp_path, monkeypatch):
    reads = []
    monkeypatch.setattr(search_index, "read_page",
                        lambda path: reads.append(path.name) or path.read_bytes())
    cache, pagefind = tmp_path / "cache", Pagefind()
    assert index_site(site, "en", cache, pagefind)
    assert len(reads) == 2  # both pages (the stylesheet is no page)
    # Written just now: a page may change again within the clock's resolution and keep
    # its size and times, so it is read again, and found unchanged.
    reads.clear()
    assert not index_site(site, "en", cache, pagefind)
    assert len(reads) == 2
    # Old enough to be trusted: only the pages written since are read.
    monkeypatch.setattr(search_index, "RACY_NS", 0)
    assert not index_site(site, "en", cache, pagefind)
    reads.clear()
    assert not index_site(site, "en", cache, pagefind)
    assert reads == []
    (site / "posts" / "one" / "index.html").write_text("<main data-pagefind-body>Uno!</main>")
    assert index_site(site, "en", cache, pagefind)
    assert reads == ["index.html"]
    assert len(pagefind.runs) == 2
    # A cache file from another version of this code is not trusted.
    state = next(cache.glob("candor-search-*.json"))
    state.write_text(json.dumps({"format": 0, "stamp": "x", "pages": {}}))
    reads.clear()
    assert index_site(site, "en", cache, pagefind)
    assert len(reads) == 2
    # Nor are damaged entries: those pages are read again.
    saved = json.loads(state.read_text())
    saved["pages"]["index.html"] = saved["pages"]["index.html"][:4]
    saved["pages"]["posts/one/index.html"] = "damaged"
    state.write_text(json.dumps(saved))
    reads.clear()
    assert not index_site(site, "en", cache, pagefind)
    assert sorted(reads) == ["index.html", "index.html"]


def test_the_index_of_the_folders_pagefind_is_told_to_read_is_the_whole_site_s(tmp_path):
    """Real Pagefind, with and without the glob: the same pages, words and fragments."""
    indexes = []
    for glob in (True, False):
        site = tmp_path / f"site-{glob}"
        pages = {"posts/2026/one/index.html": "<main data-pagefind-body><h1>One</h1>"
                 "<p>Pricing and the spring plan.</p></main>",
                 "posts/two.html": "<main data-pagefind-body><h1>Two</h1><p>Hiring.</p></main>",
                 "qa/q/1/index.html": "<main data-pagefind-body><p>Why remote?</p></main>",
                 "tags/pricing/index.html": "<main><p>Pricing: a list</p></main>",
                 "index.html": "<main><p>Home</p></main>"}
        for name, body in pages.items():
            (site / name).parent.mkdir(parents=True, exist_ok=True)
            (site / name).write_text(f"<!doctype html><html lang=en><body>{body}</body></html>")
        command = pagefind_command(site, "en", pages_glob(Pages(site, "en").marked)
                                   if glob else None)
        assert ("--glob" in command) == glob
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        bundle = site / "pagefind"
        indexes.append({path.relative_to(bundle).as_posix(): path.read_bytes()
                        for path in bundle.rglob("*") if path.is_file()
                        and path.parent.name in ("fragment", "index")})
        entry = json.loads((bundle / "pagefind-entry.json").read_text())
        assert entry["languages"]["en"]["page_count"] == 3
    assert indexes[0] == indexes[1]
    assert len([name for name in indexes[0] if name.startswith("fragment/")]) == 3


def test_the_pages_listed_are_those_rglob_finds_without_the_bundle(tmp_path):
    output = tmp_path / "output"
    for name in ("index.html", "a/b/c/index.html", "a/page.htm", "a/notes.txt",
                 "pagefind/fragment/x.html", "posts/pagefind/index.html", "Z.html",
                 "q/é/index.html", "dir.html/index.html"):
        (output / name).parent.mkdir(parents=True, exist_ok=True)
        (output / name).write_text(name)
    (output / "linked").symlink_to(output / "a", target_is_directory=True)  # not followed
    (output / "alias.html").symlink_to(output / "index.html")  # a page: followed
    (output / "broken.html").symlink_to(output / "gone.html")  # no page
    expected = sorted(path.relative_to(output).as_posix() for path in output.rglob("*.html")
                      if path.is_file() and not path.relative_to(output).as_posix()
                      .startswith("pagefind/"))
    found = search_index.html_files(output)
    assert [name for name, _status in found] == expected
    assert "posts/pagefind/index.html" in expected and "alias.html" in expected
    assert all(status.st_size == (output / name).stat().st_size for name, status in found)
