"""The live preview in Chromium: a saved post's open page reloads by itself."""

from __future__ import annotations

from typing import Any

from tests.integration.test_preview import RESULTS, edit
from tests.integration.test_preview import preview as preview  # noqa: PLC0414 - fixtures
from tests.integration.test_preview import site as site  # noqa: PLC0414


def test_the_open_page_reloads_after_a_save_and_shows_a_problem(browser: Any, preview, site):
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    # The fixture's own missing images are not the preview's business; its files are.
    page.on("response", lambda r: "__candor_preview" in r.url and r.status >= 400
            and errors.append(f"{r.status} {r.url}"))
    page.goto(preview.url + RESULTS)
    page.wait_for_function("() => !!document.querySelector('script[src$=\"livereload.js\"]')")
    page.evaluate("() => { window.notReloaded = true; }")
    post = site / "content" / "posts" / "results.md"
    edit(post, "Title: ", "Title: Reloaded by itself ")
    page.wait_for_function("() => document.title.includes('Reloaded by itself')",
                           timeout=120_000)
    assert page.evaluate("() => window.notReloaded === undefined")  # a new document

    edit(post, "Kind: news", "Kind: essay")
    panel = page.locator(".candor-preview-overlay")
    panel.wait_for(timeout=120_000)
    assert "results.md, line 5" in panel.inner_text()
    assert "kind" in panel.inner_text() and "Fix:" in panel.inner_text()
    assert "Reloaded by itself" in page.title()  # the last good page stays underneath
    assert errors == []
    context.close()
