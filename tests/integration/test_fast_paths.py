"""The fast paths (Markdown cache, parallel conversion) write the same bytes as a clean build.

Each site comparison (marked ``sample``) builds the sample site with the production
settings twice, once clean (no cache, one process) and once through a fast path,
and compares every output file byte for byte. The related-posts search is
compared with the original quadratic count on random sites.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from markdown import Markdown
from pelican.readers import MarkdownReader
from pelican.settings import read_settings

from frontmatter import mdcache, prefill
from frontmatter.header import strip_header_comments
from post_extras.compute import related
from tests.helpers import REPO, build_site

NOW = "2026-06-01T09:00"


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def assert_same_site(fast: Path, clean: Path) -> None:
    fast_files, clean_files = tree(fast), tree(clean)
    assert sorted(fast_files) == sorted(clean_files)
    different = [name for name in clean_files if fast_files[name] != clean_files[name]]
    assert different == []
    assert len(clean_files) > 50


def build(content: Path, output: Path, cache: Path | None, workers: int) -> None:
    overrides = {"PATH": str(content), "PUBLISHING_NOW": NOW, "DELETE_OUTPUT_DIRECTORY": False,
                 "FRONTMATTER_MARKDOWN_WORKERS": workers}
    if cache is None:
        mdcache._OPEN.clear()
        overrides["FRONTMATTER_MARKDOWN_CACHE"] = False
    else:
        overrides |= {"FRONTMATTER_MARKDOWN_CACHE": True, "CACHE_PATH": str(cache)}
    build_site(REPO / "publishconf.py", output, **overrides)


@pytest.fixture
def content(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(REPO / "content", target)
    return target


@pytest.mark.sample
def test_parallel_conversion_and_cache_give_the_clean_build(tmp_path, content, monkeypatch):
    monkeypatch.setattr(prefill, "MIN_FILES", 1)
    cache = tmp_path / "cache"
    build(content, tmp_path / "clean", None, workers=1)
    build(content, tmp_path / "cold", cache, workers=2)
    assert (cache / mdcache.FILE_NAME).is_file()
    assert_same_site(tmp_path / "cold", tmp_path / "clean")
    mdcache._OPEN.clear()  # the next build reads the cache from disk, as a new process would
    build(content, tmp_path / "warm", cache, workers=2)
    assert_same_site(tmp_path / "warm", tmp_path / "clean")


@pytest.mark.sample
def test_rebuild_after_editing_a_post_equals_a_clean_build(tmp_path, content):
    cache, output = tmp_path / "cache", tmp_path / "output"
    build(content, output, cache, workers=1)
    post = content / "posts" / "2025" / "hiring-freeze.md"
    post.write_text(post.read_text(encoding="utf-8").replace(
        "\n\n", "\n\nAn added sentence, *edited* after the first build.\n\n", 1), encoding="utf-8")
    summary = content / "posts" / "2026" / "on-saying-no.md"
    summary.write_text(summary.read_text(encoding="utf-8").replace(
        "Summary: ", "Summary: Edited. ", 1), encoding="utf-8")
    build(content, output, cache, workers=1)
    build(content, tmp_path / "clean", None, workers=1)
    assert_same_site(output, tmp_path / "clean")
    assert b"An added sentence" in (output / "posts" / "2025" / "hiring-freeze" /
                                    "index.html").read_bytes()


def test_cache_is_ignored_when_the_markdown_settings_change(tmp_path):
    settings = {"MARKDOWN": {"extension_configs": {"markdown.extensions.toc": {}}},
                "FRONTMATTER_MARKDOWN_CACHE": True, "CACHE_PATH": str(tmp_path)}
    first = mdcache.cache_for(settings)
    first.put(first.key("doc", "# Hi"), ["<h1>stale</h1>", {}])
    first.save()
    changed = {**settings, "MARKDOWN": {"extension_configs": {}}}
    mdcache._OPEN.clear()
    assert mdcache.cache_for(changed).get(mdcache.cache_for(changed).key("doc", "# Hi")) is None
    mdcache._OPEN.clear()
    again = mdcache.cache_for(settings)
    assert again.get(again.key("doc", "# Hi")) == ["<h1>stale</h1>", {}]


def test_reused_converters_match_a_fresh_converter_per_file():
    settings = read_settings(str(REPO / "pelicanconf.py"))
    MarkdownReader(settings)  # completes MARKDOWN as the reader does
    texts = [strip_header_comments(p.read_text(encoding="utf-8"))
             for p in sorted((REPO / "content").rglob("*.md"))]
    results = prefill.convert_many(settings["MARKDOWN"], settings["FORMATTED_FIELDS"], texts)
    for text, (html, meta, formatted) in zip(texts, results, strict=True):
        fresh = Markdown(**settings["MARKDOWN"])
        assert html == fresh.convert(text)
        assert meta == fresh.Meta
        for joined, field_html in formatted:
            fresh.reset()
            fresh.preprocessors.deregister("meta")
            assert field_html == fresh.convert(joined)


def _related_reference(posts, limit):
    """The original related(): count shared tags with every other post, sort them all."""
    by_tag = {}
    for post in posts:
        for tag in post.tags:
            by_tag.setdefault((post.lang, tag.slug), []).append(post)
    result = {}
    for post in posts:
        shared, candidates = {}, {}
        for tag in post.tags:
            for other in by_tag[(post.lang, tag.slug)]:
                if other is not post:
                    shared[id(other)] = shared.get(id(other), 0) + 1
                    candidates[id(other)] = other
        ranked = sorted(candidates.values(),
                        key=lambda o: (-shared[id(o)], -o.date.timestamp(), o.slug))
        result[id(post)] = [id(o) for o in ranked[:limit]]
    return result


@pytest.mark.parametrize("seed", range(40))
def test_related_posts_match_the_counting_reference(seed):
    rng = random.Random(seed)  # noqa: S311 (test data)
    tags = [f"t{n}" for n in range(rng.choice([2, 4, 12, 60]))]
    weights = [1 / (n + 1) for n in range(len(tags))]
    posts = []
    for n in range(rng.randint(0, 90)):
        # Every fourth case has posts with many tags (more than MAX_FAST_TAGS, counted).
        chosen = rng.choices(tags, weights=weights, k=rng.randint(0, 30 if seed % 4 == 0 else 5))
        if seed % 5:  # every fifth case keeps repeated tags (the exact slow path)
            chosen = list(dict.fromkeys(chosen))
        day = rng.randint(1, 3) if seed % 3 == 0 else n % 28 + 1  # same-day ties
        slug = f"p{n % 7}" if seed % 7 == 0 else f"p{n}"  # same date and slug
        posts.append(SimpleNamespace(
            lang=rng.choice(["en", "en", "es"]), slug=slug,
            date=dt.datetime(2020, 1 + n % 12, day, tzinfo=dt.UTC),
            tags=[SimpleNamespace(slug=t) for t in chosen]))
    limit = rng.choice([1, 3, 5])
    got = {key: [id(o) for o in value] for key, value in related(posts, limit).items()}
    assert got == _related_reference(posts, limit)
