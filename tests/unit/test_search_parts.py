"""A big site's search index is made in parts, and only the parts whose pages changed
are made again.

The stand-in Pagefind of test_search_index notes the pages each run could read; real
Pagefind checks that the parts hold the pages, words and fragments of the whole index
(and the browser merges them: tests/browser/test_search.py).
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import threading
from pathlib import Path

import pytest

from candor_tools.run_pelican import index_for_search
from candor_tools.search_index import index_site, pagefind_command
from candor_tools.search_parts import (
    MERGED_NEEDS,
    SearchSettingError,
    part_count,
    part_of,
    part_pages,
)
from tests.unit.test_search_index import Pagefind


def write_site(output: Path, posts: int, questions: int) -> list[str]:
    """Write marked post and question pages and some unmarked lists; return the marked."""
    marked = [f"posts/p{n}/index.html" for n in range(posts)]
    marked += [f"qa/town-hall/q/{n}/index.html" for n in range(questions)]
    for name in marked:
        (output / name).parent.mkdir(parents=True, exist_ok=True)
        (output / name).write_text(f"<main data-pagefind-body>{name}</main>")
    for name in ("index.html", "tags/t/index.html", "qa/town-hall/index.html"):
        (output / name).parent.mkdir(parents=True, exist_ok=True)
        (output / name).write_text(f"<main>{name}</main>")
    return marked


def part_files(bundle: Path) -> dict[str, tuple[int, int]]:
    """Each file of the bundle with its inode and modification time."""
    return {path.relative_to(bundle).as_posix(): (path.stat().st_ino, path.stat().st_mtime_ns)
            for path in bundle.rglob("*") if path.is_file()}


def test_the_number_of_parts_doubles_and_each_page_has_one_part():
    assert [part_count(pages, 4000) for pages in (0, 1, 4000, 4001, 8000, 8001, 51000)] == \
        [1, 1, 1, 2, 2, 4, 16]
    assert part_count(10, 1) == 16
    names = [f"qa/town-hall/q/{n}/index.html" for n in range(16000)]
    sizes = [0] * 16
    for name in names:
        sizes[part_of(name, 16)] += 1
    assert all(800 < size < 1200 for size in sizes)  # alike shares: about 1,000 each
    assert {part_of(name, 1) for name in names} == {0}
    # A page's part depends on its path only: the same in every build.
    assert [part_of(name, 16) for name in names[:50]] == [part_of(name, 16) for name in names[:50]]


def test_a_big_index_is_made_in_parts_each_from_its_own_pages(tmp_path):
    output = tmp_path / "output"
    marked = write_site(output, 8, 32)
    pagefind = Pagefind()
    indexed = index_site(output, "en", tmp_path / "cache", pagefind, part_pages=10)
    assert indexed.parts == indexed.made == len(pagefind.runs) == 4
    assert indexed.message() is None
    # Every marked page was read by exactly one run; no list page by any.
    assert sorted(name for site in pagefind.sites for name in site) == sorted(marked)
    assert all(pagefind.sites)
    bundle = output / "pagefind"
    assert json.loads((bundle / "parts.json").read_text()) == {
        "parts": ["parts/1/", "parts/2/", "parts/3/"]}
    assert (bundle / "pagefind.js").is_file()  # the first part: what the search page loads
    for part in (1, 2, 3):
        # The others keep only what a merged index needs.
        kept = sorted(entry.name for entry in (bundle / "parts" / str(part)).iterdir())
        entry = json.loads((bundle / "parts" / str(part) / "pagefind-entry.json").read_text())
        meta = f"pagefind.{entry['languages']['en']['hash']}.pf_meta"  # settled
        assert kept == ["fragment", "pagefind-entry.json", meta]
        assert set(kept) - {meta} <= set(MERGED_NEEDS)
    # Each part's bundle is its own pages' (the stand-in writes what it read).
    read = [(bundle / "fragment" / "en_1.pf_fragment").read_text()]
    read += [(bundle / "parts" / str(part) / "fragment" / "en_1.pf_fragment").read_text()
             for part in (1, 2, 3)]
    assert sorted(read) == sorted(" ".join(site) for site in pagefind.sites)
    # The scratch folders the runs read are gone.
    assert not list((tmp_path / "cache").glob("candor-index-part-*"))


def test_after_an_edit_only_the_part_of_the_changed_page_is_made_again(tmp_path):
    output, cache = tmp_path / "output", tmp_path / "cache"
    write_site(output, 8, 32)
    pagefind = Pagefind()
    index_site(output, "en", cache, pagefind, part_pages=10)
    bundle = output / "pagefind"
    assert not index_site(output, "en", cache, pagefind, part_pages=10)  # nothing changed
    assert len(pagefind.runs) == 4
    for edited in ("qa/town-hall/q/17/index.html", "posts/p1/index.html"):
        before = part_files(bundle)
        site_of_edited = next(site for site in pagefind.sites if edited in site)
        (output / edited).write_text(f"<main data-pagefind-body>{edited}, answered</main>")
        indexed = index_site(output, "en", cache, pagefind, part_pages=10)
        assert indexed.made == 1
        assert indexed.message() == ("search: 1 of the index's 4 parts made again; the "
                                     "others' pages did not change.")
        assert pagefind.sites[-1] == site_of_edited  # its part, all of it, nothing else
        after = part_files(bundle)
        changed = {name for name in before.keys() | after.keys()
                   if before.get(name) != after.get(name)}
        assert changed  # the part made again
        assert len(after) == len(before)
        assert all(not name.startswith("parts/") or name.startswith(
            f"parts/{part_of_folder(changed)}/") for name in changed)
    assert len(pagefind.runs) == 6


def part_of_folder(changed: set[str]) -> str:
    """The part folder the changed files are in ("0" for the first part's own files)."""
    folders = {name.split("/")[1] if name.startswith("parts/") else "0" for name in changed}
    assert len(folders) == 1, changed
    return folders.pop()


def test_when_the_number_of_parts_changes_every_part_is_made_again(tmp_path):
    output, cache = tmp_path / "output", tmp_path / "cache"
    write_site(output, 8, 32)
    pagefind = Pagefind()
    index_site(output, "en", cache, pagefind, part_pages=10)
    write_site(output, 8, 80)  # 88 pages: 16 parts at most
    grown = index_site(output, "en", cache, pagefind, part_pages=10)
    assert grown.made == grown.parts == 16
    listed = json.loads((output / "pagefind" / "parts.json").read_text())["parts"]
    assert sorted(path.name for path in (output / "pagefind" / "parts").iterdir()) == \
        sorted(part.split("/")[1] for part in listed)
    # Shrunk to one part: the parts folder goes, the list is empty.
    for extra in range(4, 80):
        shutil.rmtree(output / "qa" / "town-hall" / "q" / str(extra))
    shrunk = index_site(output, "en", cache, pagefind, part_pages=20)
    assert (shrunk.parts, shrunk.made) == (1, 1)
    assert not (output / "pagefind" / "parts").exists()
    assert json.loads((output / "pagefind" / "parts.json").read_text()) == {"parts": []}


def test_no_part_is_empty(tmp_path):
    output = tmp_path / "output"
    marked = write_site(output, 1, 2)  # 3 pages, 1 a part: 4 parts would leave one empty
    pagefind = Pagefind()
    indexed = index_site(output, "en", None, pagefind, part_pages=1)
    assert 1 <= indexed.parts < 4
    assert all(pagefind.sites)
    assert sorted(name for site in pagefind.sites for name in site) == sorted(marked)


def test_a_part_that_failed_is_made_again_and_so_are_the_others(tmp_path):
    output, cache = tmp_path / "output", tmp_path / "cache"
    write_site(output, 8, 32)
    pagefind = Pagefind()
    index_site(output, "en", cache, pagefind, part_pages=10)

    def failing(command: list[str]) -> None:
        msg = "pagefind failed"
        raise RuntimeError(msg)

    (output / "posts" / "p1" / "index.html").write_text("<main data-pagefind-body>New</main>")
    with pytest.raises(RuntimeError):
        index_site(output, "en", cache, failing, part_pages=10)
    assert not list(cache.glob("candor-index-part-*"))  # its scratch folder removed
    # No record of what is in place: every part is made again.
    assert index_site(output, "en", cache, pagefind, part_pages=10).made == 4


@pytest.mark.parametrize("value", [0, -3, "4000", 2.5, True, None])
def test_a_part_size_that_is_not_a_count_of_pages_is_refused(value):
    with pytest.raises(SearchSettingError) as error:
        part_pages({"SEARCH_INDEX_PART_PAGES": value}, "publishconf.py")
    assert str(error.value).startswith(
        f"search: SEARCH_INDEX_PART_PAGES in publishconf.py is {value!r}; it must be a "
        "whole number of pages, 1 or more")
    assert part_pages({}) == 4000
    assert part_pages({"SEARCH_INDEX_PART_PAGES": 250}) == 250


def test_the_build_stops_on_a_bad_part_size(tmp_path, capsys):
    output = tmp_path / "output"
    write_site(output, 1, 1)
    settings = {"OUTPUT_PATH": str(output), "DEFAULT_LANG": "en",
                "CACHE_PATH": str(tmp_path / "cache"), "SEARCH_INDEX_PART_PAGES": "many"}
    assert index_for_search(settings, "pelicanconf.py") == 1
    assert "SEARCH_INDEX_PART_PAGES in pelicanconf.py is 'many'" in capsys.readouterr().err
    assert not (output / "pagefind").exists()


def test_the_parts_hold_the_pages_and_words_of_the_whole_index(tmp_path):
    """Real Pagefind: the fragments of the parts are those of one index of every page."""
    bodies = {f"posts/2026/p{n}/index.html": f"<h1>Post {n}</h1><p>Pricing plan {n}.</p>"
              for n in range(6)}
    bodies |= {f"qa/town-hall/q/{n}/index.html": f"<p>Why remote, question {n}?</p>"
               for n in range(10)}
    fragments, pages = [], []
    for per_part in (1000, 3):
        output = tmp_path / f"site-{per_part}"
        for name, body in bodies.items():
            (output / name).parent.mkdir(parents=True, exist_ok=True)
            (output / name).write_text("<!doctype html><html lang=en><body>"
                                       f"<main data-pagefind-body>{body}</main></body></html>")
        indexed = index_site(output, "en", None, lambda command: subprocess.run(
            command, check=True, stdout=subprocess.DEVNULL), part_pages=per_part)
        bundle = output / "pagefind"
        fragments.append(sorted(gzip.decompress(path.read_bytes())
                                for path in bundle.rglob("*.pf_fragment")))
        entries = [json.loads(path.read_text()) for path in bundle.rglob("pagefind-entry.json")]
        assert len(entries) == indexed.parts
        pages.append(sum(entry["languages"]["en"]["page_count"] for entry in entries))
    assert indexed.parts > 1
    assert fragments[0] == fragments[1]
    assert pages == [16, 16]
    assert "--output-path" in pagefind_command(tmp_path, "en", bundle=tmp_path / "b")


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: one run at a time")
def test_two_parts_are_made_at_once(tmp_path):
    output = tmp_path / "output"
    write_site(output, 8, 32)
    together = threading.Barrier(2, timeout=20)  # broken if the second run never starts
    pagefind = Pagefind()

    def waiting(command: list[str]) -> None:
        together.wait()
        pagefind(command)

    assert index_site(output, "en", None, waiting, part_pages=10).made == 4
    assert not together.broken


def test_the_folders_of_links_go_where_they_are_told_and_are_removed(tmp_path):
    output = tmp_path / "output"
    write_site(output, 8, 32)
    for scratch, where in ((tmp_path / "scratch", tmp_path / "scratch"),
                           (None, tmp_path / "cache"), (None, tmp_path)):
        pagefind = Pagefind()
        cache = tmp_path / "cache" if where == tmp_path / "cache" else None
        index_site(output, "en", cache, pagefind, part_pages=10, scratch=scratch)
        sites = {Path(run[run.index("--site") + 1]).parent for run in pagefind.runs}
        assert sites == {where}
        assert not list(where.glob("candor-index-part-*"))


def test_the_index_check_runs_with_the_collector_paused(tmp_path, monkeypatch):
    """Reading the last digest, listing the pages and writing the digest make objects
    by the page and no cycle: the automatic collector is paused for them."""
    import gc

    from candor_tools import search_index

    output = tmp_path / "output"
    write_site(output, 4, 12)
    enabled: list[bool] = []
    real_listing, real_write = search_index.html_files, search_index._write_state

    def html_files(folder):
        enabled.append(gc.isenabled())
        return real_listing(folder)

    def write_state(*args):
        enabled.append(gc.isenabled())
        return real_write(*args)

    monkeypatch.setattr(search_index, "html_files", html_files)
    monkeypatch.setattr(search_index, "_write_state", write_state)
    assert gc.isenabled()
    index_site(output, "en", tmp_path / "cache", Pagefind(), part_pages=10)
    assert index_site(output, "en", tmp_path / "cache", Pagefind(), part_pages=10).made == 0
    assert enabled and not any(enabled)
    assert gc.isenabled()  # and resumed after
