"""The fast paths (Markdown cache, parallel conversion, Q&A cards rendered once, pages
rendered by two processes, one-step gettext) write the same bytes as a clean build.

Each site comparison (marked ``sample``) builds the sample site with the production
settings twice, once clean (no cache, one process) and once through a fast path,
and compares every output file byte for byte. The related-posts search is
compared with the original quadratic count on random sites.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import random
import re
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from jinja2 import Environment, pass_context
from markdown import Markdown
from pelican import signals
from pelican.readers import MarkdownReader
from pelican.settings import read_settings

from candor_common import sharing
from candor_common.errors import BuildAborted
from frontmatter import mdcache, prefill
from frontmatter.header import strip_header_comments
from post_extras.compute import related
from publishing import cards, writer
from qa_digest import collect as qa_collect
from qa_digest import generator as qa_generator
from qa_digest import pages as qa_pages
from tests.helpers import REPO, build_site
from theme_i18n.catalogs import catalogs_in
from theme_i18n.receivers import install_i18n, page_lang

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
    old = 1_000_000_000  # 2001: every file of the first build is dated then
    for path in output.rglob("*"):
        if path.is_file():
            os.utime(path, (old, old))
    post = content / "posts" / "2025" / "hiring-freeze.md"
    post.write_text(post.read_text(encoding="utf-8").replace(
        "\n\n", "\n\nAn added sentence, *edited* after the first build.\n\n", 1), encoding="utf-8")
    summary = content / "posts" / "2026" / "on-saying-no.md"
    summary.write_text(summary.read_text(encoding="utf-8").replace(
        "Summary: ", "Summary: Edited. ", 1), encoding="utf-8")
    build(content, output, cache, workers=1)
    build(content, tmp_path / "clean", None, workers=1)
    assert_same_site(output, tmp_path / "clean")
    edited = output / "posts" / "2025" / "hiring-freeze" / "index.html"
    assert b"An added sentence" in edited.read_bytes()
    # The writer leaves a page alone when its bytes did not change (publishing.writer).
    assert edited.stat().st_mtime != old
    kept = [p for p in output.rglob("*.html") if p.stat().st_mtime == old]
    assert output / "how-we-answer" / "index.html" in kept
    assert len(kept) > 100


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


# The Q&A fast paths: Q&A files loaded by two processes, question cards rendered once
# and reused, pages rendered by two processes (publishing's CandorWriter.split_rendering),
# one-step gettext.

def _forks(monkeypatch) -> list[int]:
    """Record every fork (the parent's view: the children's pids)."""
    forks: list[int] = []
    real = os.fork

    def fork() -> int:
        pid = real()
        if pid:
            forks.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", fork)
    return forks


def _splits(monkeypatch) -> list[int]:
    """Record the number of processes of every split_rendering block (in the parent)."""
    splits: list[int] = []

    class Share(writer._Share):
        def __init__(self, rank: int, processes: int) -> None:
            super().__init__(rank, processes)
            if rank == 0:
                splits.append(processes)

    monkeypatch.setattr(writer, "_Share", Share)
    return splits


@pytest.mark.sample
@pytest.mark.parametrize("settings", ["publishconf.py", "pelicanconf.py"])
def test_reused_cards_and_two_processes_give_the_plain_rendering(tmp_path, content,
                                                                  monkeypatch, settings):
    overrides = {"PATH": str(content), "PUBLISHING_NOW": NOW, "DELETE_OUTPUT_DIRECTORY": False,
                 "FRONTMATTER_MARKDOWN_CACHE": False, "FRONTMATTER_MARKDOWN_WORKERS": 1}
    forks, splits = _forks(monkeypatch), _splits(monkeypatch)
    with monkeypatch.context() as plain:
        plain.setattr(qa_collect, "PARALLEL_FROM_BYTES", 10**12)  # loaded in this process
        plain.setattr(qa_pages.CardRenderer, "render", lambda *args: None)  # the macro per card
        plain.setattr(qa_generator, "shared_include", lambda env: None)  # {% include %} per page
        plain.setattr(qa_generator, "SPLIT_FROM_ENTRIES", 10**9)  # one process
        build_site(REPO / settings, tmp_path / "plain", **overrides)
    assert forks == []
    monkeypatch.setattr(qa_generator, "SPLIT_FROM_ENTRIES", 1)
    monkeypatch.setattr(qa_collect, "PARALLEL_FROM_BYTES", 0)  # Q&A files loaded by 2 processes
    monkeypatch.setattr(qa_collect, "cores", lambda: 2)  # as on a machine with two cores
    monkeypatch.setattr(qa_generator, "cores", lambda: 2)
    rendered, shown = [], []
    real_card = qa_pages.CardRenderer.card

    def card(self, name, question, page):
        shown.append(question.id)
        if (qa_pages.page_siteurl(self.context, name), question.id) not in self.cards:
            rendered.append(question.id)
        return real_card(self, name, question, page)

    monkeypatch.setattr(qa_pages.CardRenderer, "card", card)
    includes = []
    real_include = sharing.render_include
    monkeypatch.setattr(sharing, "render_include",
                        lambda template, context, *rest: includes.append(template.name)
                        or real_include(template, context, *rest))
    build_site(REPO / settings, tmp_path / "fast", **overrides)
    assert splits == [2]  # the pages were split between two processes
    assert len(forks) > 1  # and the Q&A files loaded by other processes
    # The parent's question and thread pages share their nav, footer and feed links.
    assert 0 < includes.count("partials/nav.html") < 12
    assert_same_site(tmp_path / "fast", tmp_path / "plain")
    if settings == "publishconf.py":  # absolute URLs: each card is rendered once, shown twice
        # (the parent's pages only: the worker's are not seen here)
        assert len(rendered) == len(set(rendered)) < len(shown)


@pytest.mark.sample
@pytest.mark.parametrize("settings", ["publishconf.py", "pelicanconf.py"])
def test_post_cards_rendered_once_give_the_included_cards(tmp_path, content, monkeypatch,
                                                           settings):
    overrides = {"PATH": str(content), "PUBLISHING_NOW": NOW, "DELETE_OUTPUT_DIRECTORY": False,
                 "FRONTMATTER_MARKDOWN_CACHE": False, "PUBLISHING_RENDER_WORKERS": 1}
    with monkeypatch.context() as plain:
        plain.setattr(cards, "post_card", lambda env: None)  # {% include %} for every card
        build_site(REPO / settings, tmp_path / "plain", **overrides)
    shown, rendered = [], []
    real_include = sharing.render_include

    def include(template, context, *rest):
        if template.name == cards.CARD:
            rendered.append(rest[0]["article"].source_path)
        return real_include(template, context, *rest)

    monkeypatch.setattr(sharing, "render_include", include)
    real_card = cards.post_card

    def post_card(env):
        card = real_card(env)
        return pass_context(lambda context, article, **card_vars: (
            shown.append(article.source_path), card(context, article, **card_vars))[1])

    monkeypatch.setattr(cards, "post_card", post_card)
    build_site(REPO / settings, tmp_path / "fast", **overrides)
    assert_same_site(tmp_path / "fast", tmp_path / "plain")
    # Cards for the home page, lists and related posts; each rendered once per distinct
    # input (with relative URLs, once per folder depth too).
    assert len(shown) > 50
    assert len(rendered) < len(shown)
    if settings == "publishconf.py":  # absolute URLs: one card per post, heading and class
        assert len(rendered) < len(shown) // 2
        assert len(rendered) <= 3 * len(set(shown))


@pytest.mark.sample
@pytest.mark.parametrize("settings", ["publishconf.py", "pelicanconf.py"])
def test_posts_rendered_by_two_processes_give_the_one_process_site(tmp_path, content,
                                                                  monkeypatch, caplog, settings):
    overrides = {"PATH": str(content), "PUBLISHING_NOW": NOW, "DELETE_OUTPUT_DIRECTORY": False,
                 "FRONTMATTER_MARKDOWN_CACHE": False, "FRONTMATTER_MARKDOWN_WORKERS": 1}
    monkeypatch.setattr(qa_generator, "SPLIT_FROM_ENTRIES", 10**9)  # only the posts split
    splits = _splits(monkeypatch)
    build_site(REPO / settings, tmp_path / "one", PUBLISHING_RENDER_WORKERS=1, **overrides)
    assert splits == []
    build_site(REPO / settings, tmp_path / "two", PUBLISHING_RENDER_WORKERS=2, **overrides)
    assert splits == [2]
    assert_same_site(tmp_path / "two", tmp_path / "one")
    if settings == "pelicanconf.py":
        # Both processes' records were kept: a rebuild with no change renders nothing,
        # and, its shared context being the last build's, in this process alone.
        caplog.set_level(logging.INFO, logger="publishing.incremental")
        caplog.clear()
        build_site(REPO / settings, tmp_path / "two", PUBLISHING_RENDER_WORKERS=2, **overrides)
        assert splits == [2]
        rebuilt, left = map(int, re.search(r"rebuilt (\d+) outputs, left (\d+) unchanged",
                                           caplog.text).groups())
        assert rebuilt == 0 and left > 100
        post = sorted((content / "posts" / "2026").glob("*.md"))[0]
        post.write_text(post.read_text(encoding="utf-8") + "\nOne more sentence.\n",
                        encoding="utf-8")
        build_site(REPO / settings, tmp_path / "two", PUBLISHING_RENDER_WORKERS=2, **overrides)
        build_site(REPO / settings, tmp_path / "clean", PUBLISHING_RENDER_WORKERS=2,
                   **overrides)
        assert splits == [2, 2]  # the clean build had no last build to compare
        assert_same_site(tmp_path / "two", tmp_path / "clean")
        # Other settings: every page's key changes, so both processes render again.
        build_site(REPO / settings, tmp_path / "two", PUBLISHING_RENDER_WORKERS=2,
                   **{**overrides, "SITESUBTITLE": "Another subtitle"})
        assert splits == [2, 2, 2]


def test_posts_split_from_two_hundred_unless_the_setting_says(monkeypatch):
    from publishing.parallel import SPLIT_FROM_POSTS, render_workers

    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2}, raising=False)
    assert render_workers({"PUBLISHING_RENDER_WORKERS": None}, SPLIT_FROM_POSTS - 1) == 1
    assert render_workers({"PUBLISHING_RENDER_WORKERS": None}, SPLIT_FROM_POSTS) == 3
    assert render_workers({"PUBLISHING_RENDER_WORKERS": 2}, 3) == 2
    assert render_workers({"PUBLISHING_RENDER_WORKERS": 1}, 10**6) == 1


class _Page:
    def __init__(self, name: str, fail: bool = False) -> None:
        self.name = name
        self.fail = fail

    def render(self, context: dict) -> str:
        if self.fail:
            raise RuntimeError("broken template")
        return f"{self.name} {context['n']}"


def _writer(tmp_path: Path) -> writer.CandorWriter:
    settings = read_settings(str(REPO / "publishconf.py"))
    return writer.CandorWriter(str(tmp_path), settings=settings)


def test_split_rendering_writes_and_records_every_page(tmp_path, monkeypatch):
    forks = _forks(monkeypatch)
    written: list[str] = []

    def record(path, context):
        written.append(path)

    signals.content_written.connect(record)
    try:
        out = _writer(tmp_path)
        with out.split_rendering(2):
            for n in range(7):
                out.write_file(f"p{n}/index.html", _Page(f"page{n}"), {"n": n})
    finally:
        signals.content_written.disconnect(record)
    assert len(forks) == 1
    for n in range(7):
        assert (tmp_path / f"p{n}" / "index.html").read_text() == f"page{n} {n}"
    assert sorted(written) == sorted(str(tmp_path / f"p{n}" / "index.html") for n in range(7))
    assert len(out._written_files) == 7
    # A page written twice is still caught, in the parent.
    with pytest.raises(BuildAborted), out.split_rendering(2):
        out.write_file("p1/index.html", _Page("again"), {"n": 0})


class _Listing(_Page):
    def render(self, context: dict) -> str:
        return f"{self.name} {context['articles_page'].number}"


def _written_with(out: writer.CandorWriter, split: int) -> list[tuple]:
    """Make the same write_file calls (one page, relative URLs; one paginated list)
    through ``out`` (in ``split`` processes); return what content_written was told."""
    told: list[tuple] = []

    def record(path, context):
        told.append((os.path.relpath(path, out.output_path), context.get("SITEURL"),
                     context["localsiteurl"], context["output_file"],
                     context.get("articles_page") and context["articles_page"].number))

    signals.content_written.connect(record)
    try:
        with out.split_rendering(split):
            for n in range(3):
                out.write_file(f"deep/p{n}/index.html", _Page(f"page{n}"),
                               {"n": n, "SITEURL": "https://x.example"}, True)
            out.write_file("index.html", _Page("home"), {"n": 9, "SITEURL": "https://x.example"},
                           False, None, None, False, None)
            for name in ("list", "more"):  # one list per process
                out.write_file(f"{name}/index.html", _Listing(name), {"n": 0},
                               template_name="index", url=f"{name}/",
                               articles=list(range(25)), dates=list(range(25)))
    finally:
        signals.content_written.disconnect(record)
    return told


def test_pages_rendered_elsewhere_are_recorded_as_pelican_records_them(tmp_path, monkeypatch):
    # A page another process renders is only accounted for in the parent, without
    # Pelican's write_file: the same files, page contexts (relative SITEURL) and
    # signal as one process writing them all; a paginated list still has every page.
    _forks(monkeypatch)
    one = _written_with(_writer(tmp_path / "one"), 1)
    two = _written_with(_writer(tmp_path / "two"), 2)
    assert two == one
    assert [entry[0] for entry in one[-3:]] == ["more/index.html", "more/page/2/index.html",
                                                "more/page/3/index.html"]
    assert one[0][1:3] == ("../..", "../..")
    for name in ("list", "more"):
        assert (tmp_path / "two" / name / "page" / "3" / "index.html").read_text() == \
            f"{name} 3"


def test_a_page_failing_in_the_worker_stops_the_build(tmp_path):
    out = _writer(tmp_path)
    with pytest.raises(BuildAborted), out.split_rendering(2):
        out.write_file("a/index.html", _Page("a"), {"n": 0})  # the parent's
        out.write_file("b/index.html", _Page("b", fail=True), {"n": 1})  # the worker's
    assert (tmp_path / "a" / "index.html").is_file()


@pytest.mark.parametrize("autoescape", [True, False])
def test_one_step_gettext_matches_jinja_newstyle_gettext(autoescape):
    theme = {"THEME": str(REPO / "theme")}
    env = Environment(extensions=["jinja2.ext.i18n"], autoescape=autoescape)  # noqa: S701
    fast = SimpleNamespace(env=env, settings=theme)
    install_i18n(fast)
    catalogs = catalogs_in(REPO / "theme" / "translations")
    reference = Environment(extensions=["jinja2.ext.i18n"], autoescape=autoescape)  # noqa: S701

    @pass_context
    def gettext(context, message):
        found = catalogs.get(page_lang(context))
        return found.gettext(message) if found else message

    @pass_context
    def ngettext(context, singular, plural, n):
        found = catalogs.get(page_lang(context))
        return found.ngettext(singular, plural, n) if found else (
            singular if n == 1 else plural)

    reference.install_gettext_callables(gettext, ngettext, newstyle=True)
    source = ('{{ _("Answered") }}|{{ _("Question from %(name)s", name=who) }}|'
              '{{ gettext("Open") }}|{{ _("100%% sure") }}|{{ _("Answered") }}|'
              '{{ ngettext("%(num)d vote", "%(num)d votes", n) }}|'
              '{{ ngettext("%(num)s day", "%(num)s days", n, num="2.5") }}|'
              '{% macro m() %}{{ _("Open") }}{% endmacro %}{{ m() }}')
    assert catalogs["es"].gettext("Answered") != "Answered"  # a translated string is tested
    for lang in ("en", "es", "fr"):
        for n in (1, 2):
            values = {"article": SimpleNamespace(lang=lang), "who": "<b>Ana</b>", "n": n,
                      "DEFAULT_LANG": "en"}
            expected = reference.from_string(source).render(values)
            assert fast.env.from_string(source).render(values) == expected
            assert fast.env.from_string(source).render(values) == expected  # cached strings
