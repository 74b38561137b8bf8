"""Hostile input, executed for real: every vector in every field, built, loaded and poked.

Each vector goes into every reader-controlled Q&A field (question text, asker
name, topic, and a Disqus comment's HTML and author imported with qa_import)
and into post metadata (title, summary, tags) of one site, built like
production. Chromium loads the pages with alert/confirm/prompt/print
hooked, dispatches events on every element, focuses everything and clicks every
link and button. The page's CSP is bypassed here on purpose: this test proves
the escaping and sanitizing, and the CSP is a second, separately tested wall.

The positive control runs the same harness over the raw vectors pasted into
pages unescaped. It must execute some: a detector that detects nothing proves
nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Error as PlaywrightError

from tests.browser.sites import FIELDS, build_hostile_site, positive_control
from tests.browser.support import FIGURES, Site, script
from tests.browser.vectors import Vector, corpus

# Listing pages show every vector at once: cards (title, summary), archives
# (titles), the tag cloud, the Q&A thread (text, asker, topics) and search results.
LISTINGS = ("", "archives/", "tags/", "qa/", "qa/hostile/", "qa/imported/",
            "search/?q=alert", "search/?q=script")
HOOKED = re.compile(r"alert|confirm|prompt|print", re.IGNORECASE)


@dataclass
class Hostile:
    """The hostile site, its vectors and the pages to exercise."""

    site: Site
    vectors: list[Vector]
    pages: list[str] = field(default_factory=list)
    control: list[str] = field(default_factory=list)


def item_pages(output: Any, vector: Vector) -> list[str]:
    """The post, tag and question pages of one vector."""
    post = f"posts/2026/{vector.id}/"
    soup = BeautifulSoup((output / post / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    tags = [str(a["href"]).split("/", 3)[-1] for a in soup.select("a.tag")]
    assert tags, f"{vector.id}: its post shows no tag"
    question = f"qa/hostile/q-{vector.id}/"
    assert (output / question / "index.html").is_file(), question
    return [post, *tags, question]


@pytest.fixture(scope="module")
def hostile(served: Any, tmp_path_factory: pytest.TempPathFactory) -> Hostile:
    """Build the hostile site and the positive-control pages, served on 127.0.0.1."""
    vectors = corpus()
    xss = [v for v in vectors if v.id.startswith("xss-")]
    server = served()
    root = tmp_path_factory.mktemp("browser-hostile")
    output = build_hostile_site(root / "site", root / "output", server.url, vectors,
                                {v.id for v in xss})
    server.root = output
    found = Hostile(Site(output, server), vectors, list(LISTINGS))
    # Imported entries without a question become comments, shown on the comments pages.
    found.pages += sorted(str(p.parent.relative_to(output)) + "/"
                          for p in (output / "qa" / "imported" / "comments").rglob("index.html"))
    for vector in xss:
        found.pages += item_pages(output, vector)
    # Only a vector that calls a hooked function can be seen to run.
    found.control = positive_control(output, [v for v in vectors if HOOKED.search(v.text)])
    return found


@dataclass
class Hits:
    """Calls to the hooked functions, and dialogs that opened anyway."""

    calls: list[tuple[str, str, str, str]] = field(default_factory=list)

    def frames(self) -> set[str]:
        """Names of the frames (vector ids in the positive control) that executed."""
        return {frame for _page, frame, _kind, _message in self.calls}


@pytest.fixture
def harness(browser: Any) -> Iterator[Any]:
    """Return a function that exercises pages in a hooked context; the hits it found."""
    context = browser.new_context(bypass_csp=True, service_workers="block")
    hits = Hits()

    def on_call(source: dict[str, Any], kind: str, message: str) -> None:
        hits.calls.append((source["page"].url, source["frame"].name, kind, message))

    context.expose_binding("__candorXss", on_call)
    context.add_init_script(script("xss_hooks.js"))
    page = context.new_page()

    def on_dialog(dialog: Any) -> None:
        hits.calls.append((page.url, "(dialog)", dialog.type, dialog.message))
        dialog.dismiss()

    page.on("dialog", on_dialog)
    harness_js = script("harness.js")

    def exercise(url: str) -> Hits:
        page.goto(url, wait_until="load")
        if "/search/" in url:  # results arrive after load
            page.wait_for_selector(".search-results[aria-busy='false']", state="attached")
        deferred = 0
        for frame in page.frames:
            try:
                deferred += frame.evaluate(harness_js)
            except PlaywrightError:  # the frame navigated or vanished mid-run
                deferred += 1
        if deferred or len(page.frames) > 1:
            page.wait_for_timeout(30)  # let javascript: navigations and submissions run
        return hits

    yield exercise
    context.close()


def test_the_positive_control_executes_raw_vectors(hostile: Hostile, harness: Any):
    for path in hostile.control:
        hits = harness(f"{hostile.site.url}/{path}")
    callers = [v for v in hostile.vectors if HOOKED.search(v.text)]
    executed = hits.frames() & {v.id for v in callers}
    FIGURES.positive_control = len(executed)
    print(f"positive control: {len(executed)} of the {len(callers)} raw vectors that call "
          "alert, confirm, prompt or print executed")
    assert len(executed) > 0, "the harness detected nothing on raw vectors"
    # The hand-written corpus is built to run when pasted raw; most of it must.
    xss = {v.id for v in hostile.vectors if v.id.startswith("xss-")}
    assert len(executed & xss) > len(xss) // 2, sorted(xss - executed)


def test_no_vector_executes_in_any_field_of_the_built_site(hostile: Hostile, harness: Any):
    for path in hostile.pages:
        hits = harness(f"{hostile.site.url}/{path}")
    FIGURES.vectors = len(hostile.vectors)
    FIGURES.fields = len(FIELDS)
    FIGURES.hostile_pages = len(hostile.pages)
    FIGURES.executed = len(hits.calls)
    print(f"{len(hostile.vectors)} vectors × {len(FIELDS)} fields: {len(hits.calls)} executed "
          f"({', '.join(FIELDS)}; {len(hostile.pages)} pages)")
    assert hits.calls == []


def test_every_vector_reached_the_pages_it_was_meant_for(hostile: Hostile):
    thread = (hostile.site.output / "qa" / "hostile" / "index.html").read_text(encoding="utf-8")
    index = (hostile.site.output / "index.html").read_text(encoding="utf-8")
    tags = (hostile.site.output / "tags" / "index.html").read_text(encoding="utf-8")
    assert thread.count('class="qa-q ') == len(hostile.vectors)
    imported = (hostile.site.output / "qa" / "imported" / "index.html").read_text(encoding="utf-8")
    # The importer skips comments left empty once sanitized; every other one is shown.
    data = (hostile.site.output.parent / "site" / "content" / "qa" / "imported.yml").read_text(
        encoding="utf-8")
    comments = sum(page.read_text(encoding="utf-8").count('class="qa-c qa-c--comment')
                   for page in (hostile.site.output / "qa" / "imported" / "comments").rglob(
                       "index.html"))
    assert comments > 0, "the importer classified no hostile comment as a comment"
    assert any("qa/imported/comments/" in page for page in hostile.pages)
    shown = imported.count('class="qa-q ') + comments
    assert shown == data.count("\n  - id: ") > len(hostile.vectors) // 2
    assert index.count('class="card ') == len(hostile.vectors)
    assert tags.count("xss-") >= len([v for v in hostile.vectors if v.id.startswith("xss-")])
