"""Static search with Pagefind: found, filtered, followed; degraded without JavaScript; no leaks."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from invoke import Context

import tasks
from candor_tools.check_report import Review
from candor_tools.search_index import Pages
from tests.browser.sites import CANARIES, build_search_site, index_text, search_fixture
from tests.browser.support import FIGURES, Site, Tab, browse
from tests.browser.test_pages import axe_violations, keyboard_missed


def search(tab: Tab, query: str) -> list[str]:
    """Type ``query`` into the search box; return the result titles once they settle."""
    page = tab.page
    page.fill("#search-query", query)
    page.press("#search-query", "Enter")
    FIGURES.search_queries += 1
    return settle(tab)


def wait_until(tab: Tab, expression: str, arg: Any = None, timeout: float = 10.0) -> None:
    """Poll a function of the page until it is true (wait_for_function would need eval,
    which the page's CSP forbids, as it should)."""
    deadline = time.monotonic() + timeout
    while not tab.page.evaluate(expression, arg):
        assert time.monotonic() < deadline, f"timed out waiting for {expression}"
        tab.page.wait_for_timeout(25)


def settle(tab: Tab) -> list[str]:
    """Wait for the search to finish (aria-busy false); return the result titles."""
    wait_until(tab, "() => document.querySelector('.search-results')"
                    ".getAttribute('aria-busy') === 'false'")
    return [t.strip() for t in tab.page.locator(".search-result__title a").all_inner_texts()]


def choose(tab: Tab, key: str, value: str) -> list[str]:
    """Pick a filter value; return the result titles."""
    tab.page.select_option(f"#search-filter-{key}", value)
    FIGURES.search_queries += 1
    return settle(tab)


@contextmanager
def search_page(browser: Any, site: Site, **options: Any) -> Iterator[Tab]:
    """Open the search page and wait for the script to show the form."""
    with browse(browser, site, **options) as tab:
        tab.visit("search/")
        tab.page.wait_for_selector("form.search-form:not([hidden])")
        yield tab


def test_type_a_query_see_results_filter_and_follow_one(browser, search_site: Site):
    with search_page(browser, search_site) as tab:
        titles = search(tab, "margins")
        assert "Why did margins fall?" in titles
        assert "Our first-quarter results" in titles  # the post embeds its Q&A
        assert choose(tab, "kind", "Question and answer") == ["Why did margins fall?"]
        assert choose(tab, "status", "Answered") == ["Why did margins fall?"]
        assert choose(tab, "status", "Declined") == []
        assert "Nothing found" in tab.page.locator(".search-status").inner_text()
        choose(tab, "status", "")
        assert tab.page.url.endswith("?q=margins")
        with tab.page.expect_navigation():
            tab.page.locator(".search-result__title a", has_text="margins").click()
        assert tab.page.url.endswith("/qa/results/r-one/")
        assert tab.page.locator("h1").inner_text() == "Question from Lee K."
        assert tab.take_problems() == []


def test_filters_by_author_and_language(browser, search_site: Site):
    with search_page(browser, search_site) as tab:
        kinds = tab.page.locator("#search-filter-kind option").all_inner_texts()
        assert kinds == ["Any", "News", "Question and answer", "Reflection"]  # one "News"
        languages = tab.page.locator("#search-filter-language option").all_inner_texts()
        assert languages == ["Any", "English", "Español"]
        assert search(tab, "hogares") == ["Nuestras tarifas para hogares"]
        tab.page.fill("#search-query", "")
        assert choose(tab, "language", "Español") == ["Nuestras tarifas para hogares"]
        choose(tab, "language", "")
        titles = choose(tab, "author", "Marcus Adeyemi")
        assert "Our first-quarter results" in titles
        assert "Spring town hall" not in titles  # written by Ana Ruiz
        assert tab.take_problems() == []


def test_a_search_link_opens_with_its_results_and_the_page_stays_accessible(browser,
                                                                             search_site: Site):
    with browse(browser, search_site) as tab:
        tab.visit("search/?q=battery")
        FIGURES.search_queries += 1
        tab.page.wait_for_selector("form.search-form:not([hidden])")
        assert "Why did margins fall?" in settle(tab)
        assert tab.page.input_value("#search-query") == "battery"
        assert axe_violations(tab.page) == []
        total, missed = keyboard_missed(tab)
        assert total > 10 and missed == []
        assert tab.take_problems() == []


def found(tab: Tab) -> list[str]:
    """The addresses of the results shown, in order."""
    return tab.page.locator(".search-result__title a").evaluate_all(
        "links => links.map(link => new URL(link.href).pathname)")


def test_an_index_made_in_parts_finds_what_one_index_finds(browser, search_site: Site,
                                                           parted_search_site: Site):
    """A town hall's index comes in parts the search page merges: the same filters and
    the same results, from every part. A word that some parts lack also brings those
    parts' weaker matches, after the others (Pagefind matches the longest prefix of a
    word an index does have): the documented price of parts."""
    listed = json.loads((parted_search_site.output / "pagefind" / "parts.json").read_text())
    parts = Pages(parted_search_site.output, "en", part_pages=2).part_names
    assert len(listed["parts"]) == len(parts) - 1 >= 3
    part_of_page = {"/" + name.removesuffix("index.html"): number
                    for number, names in enumerate(parts) for name in names}
    seen: list[dict[str, Any]] = []
    for site in (search_site, parted_search_site):
        with search_page(browser, site) as tab:
            answers: dict[str, Any] = {
                key: tab.page.locator(f"#search-filter-{key} option").all_inner_texts()
                for key in ("kind", "author", "language", "status")}
            for query in ("margins", "tariffs", "battery"):
                search(tab, query)
                answers[query] = found(tab)
            tab.page.fill("#search-query", "")
            choose(tab, "kind", "Question and answer")
            answers["every question"] = sorted(found(tab))
            choose(tab, "kind", "")
            answers["in Spanish"] = choose(tab, "language", "Español")
            assert tab.take_problems() == []
        seen.append(answers)
    one, merged = seen
    for query in ("margins", "tariffs", "battery"):
        assert one[query], query
        # What one index finds comes first; anything more only after it.
        assert sorted(merged[query][:len(one[query])]) == sorted(one[query]), query
        assert len({part_of_page[url] for url in one[query]}) < len(parts)
    weaker = {query: merged[query][len(one[query]):] for query in ("margins", "tariffs")}
    assert any(weaker.values())  # the price, shown: the test sees the behaviour it documents
    for key in ("kind", "author", "language", "status", "every question", "in Spanish"):
        assert one[key] == merged[key], key
    assert len(merged["every question"]) > 3
    # The questions found came from more than one part: the parts were merged.
    assert len({part_of_page[url] for url in merged["every question"]}) > 1


def test_without_javascript_the_search_page_is_a_list_of_links(browser, search_site: Site):
    with browse(browser, search_site, javascript=False) as tab:
        tab.visit("search/")
        assert not tab.page.locator("form.search-form").is_visible()
        links = tab.page.locator(".search-browse a")
        hrefs = links.evaluate_all("links => links.map(link => link.getAttribute('href'))")
        for path in ("/archives/", "/tags/", "/kinds/", "/authors/", "/qa/"):
            assert any(h.endswith(path) for h in hrefs), (path, hrefs)
        with tab.page.expect_navigation():
            links.first.click()
        assert "page-archives" in tab.page.locator("body").get_attribute("class")
        assert tab.take_problems() == []


def test_the_index_holds_published_text_and_nothing_unpublished(search_site: Site):
    text = index_text(search_site.output)
    assert CANARIES["published"] in text  # the decoder sees what is there
    for kind in ("draft", "hidden", "embargo"):
        assert CANARIES[kind] not in text, kind
    assert "/drafts/" not in text


def test_the_local_preview_shows_drafts_but_never_indexes_them(tmp_path: Path):
    output = build_search_site(search_fixture(tmp_path / "site"), tmp_path / "out",
                               "http://127.0.0.1:9", preview=True)
    drafts = "".join(p.read_text() for p in (output / "drafts").rglob("*.html"))
    assert CANARIES["draft"] in drafts
    text = index_text(output)
    assert CANARIES["published"] in text
    assert CANARIES["draft"] not in text


@pytest.mark.parametrize("name", ["build", "preview", "check"])
def test_invoke_builds_the_index_after_pelican(monkeypatch, tmp_path: Path, name: str):
    """build and preview index in Pelican's process (run_pelican --search-index, run for
    real in tests/integration/test_tasks.py); check indexes the folder it checks."""
    calls: list[tuple[str, Path]] = []
    result = type("Result", (), {"failed": False})()
    monkeypatch.setattr(tasks, "_pelican", lambda c, s, out=tasks.OUTPUT, *a, search=False,
                        **k: (calls.append(("pelican, index" if search else "pelican",
                                            Path(out))), result)[1])
    monkeypatch.setattr(tasks, "index_for_search",
                        lambda c, out, lang, **options: calls.append(("index", Path(out))))
    monkeypatch.setattr(tasks, "_serve_static", lambda root, port: None)
    monkeypatch.setattr(tasks, "_setting", lambda name, settings="": "en")
    monkeypatch.setattr(tasks, "ROOT", tmp_path)
    monkeypatch.setattr(tasks, "_settings", lambda settings_file: {"DEFAULT_LANG": "en"})
    monkeypatch.setattr("candor_tools.check_report.review_build",
                        lambda *a, **k: Review())
    getattr(tasks, name)(Context())
    if name == "check":
        assert [kind for kind, _ in calls] == ["pelican", "index"]
        assert calls[0][1] == calls[1][1]
    else:
        assert calls == [("pelican, index", tasks.OUTPUT)]
