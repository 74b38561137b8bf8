"""Indexing over the last bundle gives the index made afresh, and nothing more; the
same pages give the same bundle, byte for byte.

Real Pagefind: it writes each filter's values in an order that differs from run to
run, so every page here has two filters with several values each: without
``settle`` the filter files, metadata and entry of two runs differ.
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

from candor_tools.search_bundle import (
    SIGNATURE,
    UnknownBundleError,
    in_use,
    prune,
    updatable,
)
from candor_tools.search_index import index_site

KINDS = ("news", "results", "update")
AUTHORS = ("ana", "bo", "cy", "dee", "eve", "fay", "gus")


def write_page(site: Path, number: int, text: str) -> None:
    page = site / "posts" / f"p{number}" / "index.html"
    page.parent.mkdir(parents=True, exist_ok=True)
    kind = KINDS[number % len(KINDS)]
    page.write_text("<!doctype html><html lang=en><body><main data-pagefind-body>"
                    f"<h1>Post {number}</h1><p data-pagefind-filter=kind>{kind}</p>"
                    f"<p data-pagefind-filter=author>{AUTHORS[number % len(AUTHORS)]}</p>"
                    f"<p>{text}</p></main></body></html>")


def run(command: list[str]) -> None:
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)


def files(bundle: Path) -> dict[str, bytes]:
    return {path.relative_to(bundle).as_posix(): path.read_bytes()
            for path in sorted(bundle.rglob("*")) if path.is_file()}


def words(bundle: Path) -> bytes:
    return b"".join(gzip.decompress(path.read_bytes())
                    for path in (bundle / "fragment").iterdir())


def test_an_index_made_over_the_last_one_is_the_one_made_afresh(tmp_path, capsys):
    site, cache = tmp_path / "site", tmp_path / "cache"
    for number in range(40):
        write_page(site, number, f"Plain words about topic {number} and the spring plan.")
    write_page(site, 7, "The ornithopterzed memo.")
    (site / "index.html").write_text("<main><p>Home</p></main>")
    assert index_site(site, "en", cache, run)
    bundle = site / "pagefind"
    assert b"ornithopterzed" in words(bundle)
    before = {name: (bundle / name).stat().st_ino for name in files(bundle)}

    write_page(site, 3, "Rewritten: the zanzibarquux plan was dropped.")
    shutil.rmtree(site / "posts" / "p7")  # an unpublished post's page goes
    write_page(site, 7000, "A new post on hiring.")
    write_page(site, 5, "Before the edit this said xylophonequark.")
    assert index_site(site, "en", cache, run)
    write_page(site, 5, "Corrected.")  # and its old text must leave the index too
    assert index_site(site, "en", cache, run)
    assert "made again from scratch" not in capsys.readouterr().err

    fresh = tmp_path / "fresh"
    shutil.copytree(site, fresh, ignore=shutil.ignore_patterns("pagefind"))
    assert index_site(fresh, "en", None, run)
    kept, made = files(bundle), files(fresh / "pagefind")
    assert kept == made  # every file, filters, metadata and entry included
    named = in_use(bundle)
    assert [name for name in kept if ("/" in name or name.endswith(".pf_meta"))
            and name not in named] == []
    assert b"zanzibarquux" in words(bundle)
    assert b"xylophonequark" not in words(bundle)
    assert b"ornithopterzed" not in words(bundle)
    # Written in place: the fragments of unchanged pages are the same files as before.
    unchanged = [name for name in kept if name.startswith("fragment/") and name in before]
    assert len(unchanged) >= 36
    assert all((bundle / name).stat().st_ino == before[name] for name in unchanged)


def test_an_index_in_parts_is_made_over_its_last_parts_too(tmp_path, capsys):
    site, cache = tmp_path / "site", tmp_path / "cache"
    for number in range(40):
        write_page(site, number, f"Plain words about topic {number}.")
    write_page(site, 11, "The ornithopterzed memo.")
    assert index_site(site, "en", cache, run, part_pages=10).made == 4
    bundle = site / "pagefind"
    before = {name: (bundle / name).stat().st_ino for name in files(bundle)}
    write_page(site, 11, "Corrected.")
    assert index_site(site, "en", cache, run, part_pages=10).made == 1
    assert "made again from scratch" not in capsys.readouterr().err

    fresh = tmp_path / "fresh"
    shutil.copytree(site, fresh, ignore=shutil.ignore_patterns("pagefind"))
    assert index_site(fresh, "en", None, run, part_pages=10).made == 4
    kept, made = files(bundle), files(fresh / "pagefind")
    assert kept == made
    for folder in [bundle, *sorted((bundle / "parts").iterdir())]:
        named = in_use(folder)
        own = [name for name in files(folder) if not name.startswith("parts/")
               and ("/" in name or name.endswith(".pf_meta"))]
        assert own
        assert [name for name in own if name not in named] == []
    fragments = b"".join(gzip.decompress(data) for name, data in kept.items()
                         if name.endswith(".pf_fragment"))
    assert b"ornithopterzed" not in fragments
    unchanged = [name for name in kept if name.endswith(".pf_fragment") and name in before]
    assert len(unchanged) == 39
    assert all((bundle / name).stat().st_ino == before[name] for name in unchanged)


def test_prune_removes_what_the_index_does_not_name_and_refuses_what_it_cannot_read(
        tmp_path):
    bundle = tmp_path / "pagefind"
    (bundle / "fragment").mkdir(parents=True)
    (bundle / "index").mkdir()
    for name in ("fragment/en_a.pf_fragment", "fragment/en_old.pf_fragment",
                 "index/en_i.pf_index", "index/en_j.pf_index", "pagefind.en_old.pf_meta",
                 "pagefind.js", "wasm.en.pagefind"):
        (bundle / name).write_text(name)
    meta = ["1", [["en_a", 3]], [["a", "z", "en_i"]], [], [], []]
    (bundle / "pagefind.en_m.pf_meta").write_bytes(gzip.compress(SIGNATURE + cbor2.dumps(meta)))
    (bundle / "pagefind-entry.json").write_text(
        '{"version": "1", "languages": {"en": {"hash": "en_m", "wasm": "en"}}}')
    assert prune(bundle) == 3
    assert sorted(files(bundle)) == [
        "fragment/en_a.pf_fragment", "index/en_i.pf_index", "pagefind-entry.json",
        "pagefind.en_m.pf_meta", "pagefind.js", "wasm.en.pagefind"]

    (bundle / "index" / "en_i.pf_index").unlink()  # named but missing
    with pytest.raises(UnknownBundleError, match=r"en_i\.pf_index"):
        prune(bundle)
    for damaged in (b"not gzip", gzip.compress(b"other" + cbor2.dumps(meta)),
                    gzip.compress(SIGNATURE + cbor2.dumps(["1", [["../x", 1]], [], []])),
                    gzip.compress(SIGNATURE + b"\xff\xff")):
        (bundle / "pagefind.en_m.pf_meta").write_bytes(damaged)
        with pytest.raises(UnknownBundleError):
            prune(bundle)
    assert (bundle / "fragment" / "en_a.pf_fragment").is_file()  # nothing removed


def test_only_a_bundle_of_this_pagefind_and_language_alone_is_written_over(tmp_path):
    bundle = tmp_path / "pagefind"
    bundle.mkdir()
    assert not updatable(bundle, version("pagefind"), "en")  # no bundle
    entry = bundle / "pagefind-entry.json"
    entry.write_text(json.dumps({"version": version("pagefind"), "languages": {"en": {}}}))
    assert updatable(bundle, version("pagefind"), "en")
    assert not updatable(bundle, "0.1.0", "en")
    assert not updatable(bundle, version("pagefind"), "es")
    (bundle / "parts").mkdir()  # the index was in parts
    assert not updatable(bundle, version("pagefind"), "en")
    (bundle / "parts").rmdir()
    (tmp_path / "served.js").write_text("// the other folder's")
    (bundle / "pagefind.js").hardlink_to(tmp_path / "served.js")
    assert not updatable(bundle, version("pagefind"), "en")
    (bundle / "pagefind.js").unlink()
    assert updatable(bundle, version("pagefind"), "en")
    linked = tmp_path / "linked"
    linked.symlink_to(bundle, target_is_directory=True)
    assert not updatable(linked, version("pagefind"), "en")
    (bundle / "fragment").symlink_to(tmp_path, target_is_directory=True)
    assert not updatable(bundle, version("pagefind"), "en")
    (bundle / "fragment").unlink()
    (bundle / "pagefind.js").symlink_to(tmp_path / "served.js")
    assert not updatable(bundle, version("pagefind"), "en")


def test_an_unreadable_bundle_left_by_pagefind_is_made_again_from_scratch(tmp_path, capsys):
    site = tmp_path / "site"
    for number in range(3):
        write_page(site, number, "Words.")
    assert index_site(site, "en", None, run)
    runs: list[list[str]] = []

    def damaging(command: list[str]) -> None:
        run(command)
        runs.append(command)
        if len(runs) == 1:  # as if another Pagefind had written a metadata file we cannot read
            for meta in (site / "pagefind").glob("*.pf_meta"):
                meta.write_bytes(b"damaged")
    write_page(site, 1, "Other words.")
    assert index_site(site, "en", None, damaging)
    assert len(runs) == 2
    assert "the index is made again from scratch" in capsys.readouterr().err
    assert in_use(site / "pagefind")
