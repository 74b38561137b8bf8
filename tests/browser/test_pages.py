"""Every page type of the sample site, in Chromium: accessible, keyboard-usable, self-contained.

A page type is a distinct <body class> (plus the page's language), so a new
template is audited as soon as it exists. Each is loaded in light mode (full
axe-core audit, keyboard walk), dark mode (contrast) and at 320 px (no sideways
scrolling), with no console error, failed request, request to another host or
CSP violation anywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.base import AXE_SCRIPT

from tests.browser.support import ARTIFACTS, FIGURES, Site, Tab, browse, script

BODY_RE = re.compile(r'<body class="([^"]*)"')
LANG_RE = re.compile(r'<html lang="([^"]*)"')
SCREENSHOTS = ("page-index", "page-article", "page-qa page-qa-thread", "page-qa page-qa-question",
               "page-search", "page-subscribe")
CONTRAST_ONLY = {"runOnly": {"type": "rule", "values": ["color-contrast"]},
                 "resultTypes": ["violations"]}


@dataclass
class Audit:
    """What went wrong on the sample's page types, by kind of check."""

    axe: list[str] = field(default_factory=list)
    dark: list[str] = field(default_factory=list)
    keyboard: list[str] = field(default_factory=list)
    network: list[str] = field(default_factory=list)
    controls: dict[str, int] = field(default_factory=dict)


def page_types(output: Path) -> dict[str, str]:
    """Return one path per page type (body classes without kind-*, plus language)."""
    found: dict[str, str] = {}
    for path in sorted(output.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        body, lang = BODY_RE.search(text), LANG_RE.search(text)
        if not body or not lang:
            continue
        classes = " ".join(c for c in body.group(1).split() if not c.startswith("kind-"))
        key = classes if lang.group(1) == "en" else f"{classes} [{lang.group(1)}]"
        relative = path.relative_to(output).as_posix()
        found.setdefault(key, relative.removesuffix("index.html"))
    return found


def axe_violations(page: Any, options: dict[str, Any] | None = None) -> list[str]:
    """Run axe-core (from axe-playwright-python, offline) in the page; one line per element."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(AXE_SCRIPT)
    result = page.evaluate("(options) => axe.run(document, options)",
                           options or {"resultTypes": ["violations"]})
    return [f"{v['id']} ({v['impact']}): {', '.join(map(str, node['target']))}: {v['help']}"
            for v in result["violations"] for node in v["nodes"]]


def keyboard_missed(tab: Tab) -> tuple[int, list[str]]:
    """Tab through the page from the top; return (controls, the ones focus never reached)."""
    page = tab.page
    page.evaluate(script("keyboard.js"))
    pressed = 0
    report = page.evaluate(script("controls.js"))
    # Scripts may add controls while we walk (the search form): walk on until the
    # count is stable, at most three rounds.
    for _ in range(3):
        for _ in range(report["total"] + 2 - pressed):
            page.keyboard.press("Tab")
            pressed += 1
        report = page.evaluate(script("controls.js"))
        if not report["missed"] or pressed >= report["total"] + 2:
            break
    return report["total"], report["missed"]


def shot(page: Any, name: str) -> None:
    """Save a full-page screenshot under test-artifacts/browser/."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    page.screenshot(path=str(ARTIFACTS / f"{slug}.png"), full_page=True)


def test_the_sample_has_every_page_type(sample: Site):
    types = page_types(sample.output)
    for expected in ("page-index", "page-article", "page-author", "page-authors", "page-tag",
                     "page-tags", "page-category", "page-categories", "page-archives",
                     "page-subscribe", "page-search", "page-404", "page-qa page-qa-hub",
                     "page-qa page-qa-thread", "page-qa page-qa-question", "page-article [es]",
                     "page-qa page-qa-digests", "page-qa page-qa-digest",
                     "page-qa page-qa-comments"):
        assert expected in types, sorted(types)


@pytest.fixture(scope="module")
def audit(browser, sample: Site) -> Audit:
    """Load each page type once: axe in light mode, a keyboard walk, axe contrast in dark mode."""
    found = Audit()
    with browse(browser, sample) as tab:
        for kind, path in page_types(sample.output).items():
            where = f"{kind} ({path})"
            tab.visit(path)
            found.axe += [f"{where}: {line}" for line in axe_violations(tab.page)]
            total, missed = keyboard_missed(tab)
            found.controls[kind] = total
            found.keyboard += [f"{where}: never reached {control}" for control in missed]
            # Reload rather than restyle in place: a live switch leaves some
            # elements mid-transition when axe measures them.
            tab.page.emulate_media(color_scheme="dark")
            tab.visit(path)
            assert tab.page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
            found.dark += [f"{where} dark: {line}"
                           for line in axe_violations(tab.page, CONTRAST_ONLY)]
            if kind in SCREENSHOTS:
                shot(tab.page, f"dark {kind}")
            tab.page.emulate_media(color_scheme="light")
            found.network += tab.take_problems()
            FIGURES.pages_audited.add(path)
    return found


def test_axe_finds_no_violation_on_any_page_type(audit: Audit):
    assert audit.axe == []


def test_keyboard_alone_reaches_every_control_on_every_page_type(audit: Audit):
    assert all(total > 0 for total in audit.controls.values()), audit.controls
    assert audit.keyboard == []


def test_no_console_error_failed_request_foreign_host_or_csp_violation(audit: Audit):
    assert audit.network == []


def test_dark_mode_keeps_contrast_on_every_page_type(audit: Audit):
    assert audit.dark == []
    assert (ARTIFACTS / "dark-page-article.png").stat().st_size > 0


def test_every_page_type_fits_a_320px_screen(browser, sample: Site):
    problems: list[str] = []
    with browse(browser, sample, width=320, height=640) as tab:
        for kind, path in page_types(sample.output).items():
            tab.visit(path)
            overflow = tab.page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth")
            if overflow > 0:
                problems.append(f"{kind} ({path}): {overflow}px wider than a 320px screen")
            if kind in SCREENSHOTS:
                shot(tab.page, f"320px {kind}")
            problems += tab.take_problems()
    assert problems == []
    assert (ARTIFACTS / "320px-page-index.png").stat().st_size > 0
