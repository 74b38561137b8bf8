"""What a page reads of the posts, for the incremental rebuild (candor_common.rebuild).

Each test plays two builds: the first renders a page through ``tracking`` and
records it; the second, with a new ``RebuildState`` over the same state file,
asks whether the page may be left as it is, after changing a post or not.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
import pytest
from pelican.contents import Article, Content
from pelican.settings import DEFAULT_CONFIG

from candor_common import rebuild
from candor_common.rebuild import RebuildState, note_reads, part, tracking

SETTINGS = {**copy.deepcopy(DEFAULT_CONFIG), "PATH": "/site"}


def post(slug: str, title: str = "A title", **extra: Any) -> Article:
    metadata = {"title": title, "slug": slug, "date": dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
                **extra}
    context = {"generated_content": {}, "static_content": {}, "static_links": set(),
               "localsiteurl": ""}
    return Article("<p>Body</p>", metadata, settings=SETTINGS,
                   source_path=f"/site/posts/{slug}.md", context=context)


class Site:
    """A page written from ``posts`` by ``render``, over builds sharing one state file."""

    def __init__(self, tmp_path: Path) -> None:
        self.output = tmp_path / "output"
        self.output.mkdir()
        self.state_file = tmp_path / "state.json"

    def build(self, posts: list[Article], render: Callable[[list[Article]], str]) -> bool:
        """Run one build of the page; return True if it was rendered (not left as it is)."""
        state = RebuildState(str(self.output), self.state_file, "static")
        state.load()
        key = state.key(None, "page.html", posts)
        if state.reusable("page.html", key):
            state.save()
            return False
        with tracking() as reads:
            html = render(posts)
        target = self.output / "page.html"
        target.write_text(html, encoding="utf-8")
        state.remember("page.html", key, reads, [str(target)])
        state.save()
        return True


def titles(posts: list[Article]) -> str:
    return " ".join(p.title for p in posts)


def test_a_block_notes_what_python_code_reads_and_only_inside_it():
    item = post("a")
    assert item.title == "A title"  # outside: nothing is watching
    assert "__getattribute__" not in Content.__dict__
    with tracking() as reads:
        assert "__getattribute__" in Content.__dict__
        assert item.url == "a.html"
        assert not hasattr(item, "missing_field")
    assert "__getattribute__" not in Content.__dict__
    names = reads.attributes[id(item)][1]
    # The property, what Pelican's code read to make it, and the failed lookup.
    assert {"url", "slug", "metadata", "missing_field"} <= names
    assert not names & {"_context", "settings", "url_format"}


def test_a_block_inside_another_adds_to_it():
    first, second = post("a"), post("b")
    with tracking() as outer:
        _ = first.title
        with tracking() as inner:
            _ = second.lang
    assert set(inner.attributes) == {id(second)}
    assert set(outer.attributes) == {id(first), id(second)}


def test_a_page_is_rendered_again_when_what_it_read_changed(tmp_path):
    site = Site(tmp_path)
    posts = [post("a"), post("b")]
    assert site.build(posts, titles)
    assert not site.build([post("a"), post("b")], titles)  # nothing changed
    assert not site.build([post("a"), post("b", mood="calm")], titles)  # not read
    assert site.build([post("a"), post("b", title="Another")], titles)  # read: rendered
    assert not site.build([post("a"), post("b", title="Another")], titles)


def test_the_debug_log_says_why_a_page_is_made_again(tmp_path, caplog):
    caplog.set_level("DEBUG", logger="candor_common.rebuild")
    site = Site(tmp_path)
    site.build([post("a")], titles)
    assert "the last build did not make it" in caplog.text
    site.build([post("a", title="Another")], titles)
    assert "page.html is made again: what it read of /site/posts/a.md (title)" in caplog.text
    (site.output / "page.html").write_text("edited by hand", encoding="utf-8")
    site.build([post("a", title="Another")], titles)
    assert "page.html was changed since" in caplog.text
    caplog.clear()
    site.build([post("a", title="Another")], titles)
    assert "made again" not in caplog.text


def test_a_lookup_that_failed_is_a_read_too(tmp_path):
    site = Site(tmp_path)

    def badge(posts: list[Article]) -> str:
        return " ".join(getattr(p, "badge", "none") for p in posts)

    assert site.build([post("a")], badge)
    assert not site.build([post("a")], badge)
    assert site.build([post("a", badge="new")], badge)


def test_reading_vars_depends_on_every_attribute(tmp_path):
    site = Site(tmp_path)

    def everything(posts: list[Article]) -> str:
        return str(len(vars(posts[0])))

    assert site.build([post("a")], everything)
    assert not site.build([post("a")], everything)
    assert site.build([post("a", mood="calm")], everything)


def test_a_part_made_for_one_page_counts_for_the_next_that_uses_it(tmp_path):
    cards: dict[str, Any] = {}

    def card(item: Article) -> str:
        kept = cards.get(item.slug)
        if kept is not None:
            note_reads(kept[1])
            return kept[0]
        with part() as reads:
            html = f"<li>{item.title}</li>"
        cards[item.slug] = (html, reads)
        return html

    shared = post("shared")
    (tmp_path / "1").mkdir()
    (tmp_path / "2").mkdir()
    first, second = Site(tmp_path / "1"), Site(tmp_path / "2")
    assert first.build([shared], lambda posts: card(posts[0]))
    assert second.build([shared], lambda posts: card(posts[0]))  # the card is reused here
    cards.clear()
    renamed = post("shared", title="Renamed")
    assert second.build([renamed], lambda posts: card(posts[0]))


def test_a_part_whose_reads_are_unknown_leaves_no_record(tmp_path):
    with part() as reads:  # outside any block
        pass
    assert reads is None
    site = Site(tmp_path)

    def uses_unknown_part(posts: list[Article]) -> str:
        note_reads(None)
        return titles(posts)

    assert site.build([post("a")], uses_unknown_part)
    assert site.build([post("a")], uses_unknown_part)  # no record: rendered every time


@pytest.mark.parametrize("summary", [True, False])
def test_a_memoized_summary_still_counts_for_the_second_page(tmp_path, summary):
    rebuild.watch_bodies()
    extra = {"summary": "<p>Set by hand</p>"} if summary else {}
    shared = post("a", **extra)
    _ = shared.get_summary("")  # another page asked first: Pelican keeps the result
    with tracking() as reads:
        shared.get_summary("")
    if summary:
        assert "metadata" in reads.attributes[id(shared)][1]
        assert reads.bodies == []
    else:
        assert reads.bodies == [shared]


def test_the_state_file_keeps_the_reads(tmp_path):
    site = Site(tmp_path)
    site.build([post("a")], titles)
    state = RebuildState(str(site.output), site.state_file, "static")
    state.load()
    record = state.previous["page.html"]
    [(names, value)] = record.reads.values()
    assert "title" in names
    assert len(value) == 16
    assert rebuild.FORMAT == 5


# -- the names a page's templates look up in the shared context -----------------
TEMPLATES = {
    "page.html": "{% import 'macros.html' as m with context %}{{ SHOWN }} {{ m.footer() }}"
                 "{% include 'part.html' %} {{ lang() }}",
    "macros.html": "{% macro footer() %}{{ IN_MACRO }}{% endmacro %}",
    "part.html": "{% if IN_INCLUDE is defined %}{{ IN_INCLUDE }}{% endif %}",
}


def page_build(site: Site, context: dict[str, Any], settings: dict[str, Any]) -> bool:
    """One build of a page rendered from ``context`` by real Jinja templates; True if it
    was rendered."""
    state = RebuildState(str(site.output), site.state_file, "static", settings)
    state.load()
    key = state.key(context, "page.html")
    if state.reusable("page.html", key, context):
        state.save()
        return False
    env = jinja2.Environment(loader=jinja2.DictLoader(TEMPLATES), autoescape=True)
    env.globals["lang"] = jinja2.pass_context(lambda ctx: ctx.get("LANG", "en"))
    with tracking() as reads:
        html = env.get_template("page.html").render(context)
    target = site.output / "page.html"
    target.write_text(html, encoding="utf-8")
    state.remember("page.html", key, reads, [str(target)], context=context)
    state.save()
    return True


CONTEXT = {"SHOWN": "a", "IN_MACRO": "b", "IN_INCLUDE": "c", "LANG": "en",
           "UNREAD": ["a digest of thousands of questions"],
           "generated_content": {}, "static_content": {}, "static_links": set()}


@pytest.mark.parametrize("name", ["SHOWN", "IN_MACRO", "IN_INCLUDE", "LANG"])
def test_a_page_is_rendered_again_when_a_name_it_looked_up_changed(tmp_path, name):
    site = Site(tmp_path)
    assert page_build(site, dict(CONTEXT), {})
    assert not page_build(site, dict(CONTEXT), {})
    assert not page_build(site, {**CONTEXT, "UNREAD": ["one more answer"]}, {})
    assert page_build(site, {**CONTEXT, name: "changed"}, {})


def test_the_debug_log_names_what_changed_in_the_shared_context(tmp_path, caplog):
    caplog.set_level("DEBUG", logger="candor_common.rebuild")
    site = Site(tmp_path)
    assert page_build(site, dict(CONTEXT), {})
    assert page_build(site, {**CONTEXT, "IN_MACRO": "changed"}, {})
    assert "page.html is made again: what it looked up in the shared context (IN_MACRO)" \
        in caplog.text


def test_a_name_that_appears_is_a_change_too(tmp_path):
    site = Site(tmp_path)
    without = {k: v for k, v in CONTEXT.items() if k != "IN_INCLUDE"}
    assert page_build(site, without, {})
    assert not page_build(site, dict(without), {})
    assert page_build(site, dict(CONTEXT), {})


def test_settings_and_links_are_in_every_page_key(tmp_path):
    site = Site(tmp_path)
    assert page_build(site, dict(CONTEXT), {"SITENAME": "A"})
    assert not page_build(site, dict(CONTEXT), {"SITENAME": "A"})
    # Python code may read a setting without a template looking it up.
    assert page_build(site, dict(CONTEXT), {"SITENAME": "B"})
    # A post's {static} links are resolved from static_content in Python.
    assert page_build(site, {**CONTEXT, "static_content": {"images/new.png": "x"}},
                      {"SITENAME": "B"})
    # Its {filename} links are digested with its body (below): a new post alone does
    # not make a page that shows no body again.
    assert not page_build(site, {**CONTEXT, "static_content": {"images/new.png": "x"},
                                 "generated_content": {"posts/new.md": "x"}},
                          {"SITENAME": "B"})


def test_pelican_debug_flag_alone_makes_nothing_again(tmp_path):
    # `pelican --debug` sets DEBUG; a user asking the debug log why pages are made
    # again must not make every page again by asking.
    site = Site(tmp_path)
    assert page_build(site, dict(CONTEXT), {"SITENAME": "A", "DEBUG": False})
    assert not page_build(site, {**CONTEXT, "DEBUG": True}, {"SITENAME": "A", "DEBUG": True})


def linking(body: str, found: dict[str, Article]) -> Article:
    """A post whose body is ``body``, in a site where ``found`` are the other posts."""
    item = post("linking")
    item._content = body
    item._context["generated_content"] = {"posts/linking.md": item, **found}
    return item


def test_a_body_is_keyed_on_what_its_links_find(tmp_path):
    def shown(posts: list[Article]) -> str:
        return "".join(p.get_content("") for p in posts)
    site = Site(tmp_path)
    body = '<a href="{filename}other.md">other</a> <a href="{filename}/posts/b%20c.md">b</a>'
    other = post("other")
    assert site.build([linking(body, {})], shown)  # neither found
    assert not site.build([linking(body, {"posts/unlinked.md": post("unlinked")})], shown)
    # A post appears where a link points (relative to the post's folder).
    assert site.build([linking(body, {"posts/other.md": other})], shown)
    assert not site.build([linking(body, {"posts/other.md": other})], shown)
    # ... or where its unquoted path points.
    assert site.build([linking(body, {"posts/other.md": other,
                                      "posts/b c.md": post("b-c")})], shown)
    # The linked post's address changes.
    moved = post("elsewhere")
    moved.source_path = other.source_path
    assert site.build([linking(body, {"posts/other.md": moved,
                                      "posts/b c.md": post("b-c")})], shown)
    # A body without links does not look.
    assert site.build([linking("<p>No links</p>", {})], shown)
    assert not site.build([linking("<p>No links</p>", {"posts/other.md": other})], shown)


def test_a_file_a_worker_wrote_without_a_record_is_not_stale(tmp_path):
    """A page another process rendered but could not record (what it read was unknown)
    is still this build's: the parent must not remove it as the last build's leftover."""
    site = Site(tmp_path)
    site.build([post("a")], titles)  # the last build recorded page.html
    parent = RebuildState(str(site.output), site.state_file, "static")
    parent.load()
    worker = RebuildState(str(site.output), site.state_file, "static")
    worker.load()
    key = worker.key(None, "page.html", [post("a", title="New")])
    before = (site.output / "page.html").read_text(encoding="utf-8")
    # Made again with the same bytes: the writer leaves the file (and its date) alone.
    reads = rebuild.Reads()
    reads.unknown = True  # unrecordable: no record, but the file is written
    worker.remember("page.html", key, reads, [str(site.output / "page.html")])
    worker.save_part(4242, 1)
    parent.merge_part(4242, 1)
    assert parent.remove_stale() == []
    assert (site.output / "page.html").read_text(encoding="utf-8") == before
