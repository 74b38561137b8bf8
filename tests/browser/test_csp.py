"""A strict Content-Security-Policy on every production page, and nothing that breaks it."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

from bs4 import BeautifulSoup

from tests.browser.support import Site, browse
from tests.helpers import build_fixture

DATA_SCRIPTS = ("application/ld+json", "application/json")


def policy_of(soup: BeautifulSoup) -> dict[str, list[str]]:
    """Return the page's meta CSP as {directive: [sources]} (empty when there is none)."""
    meta = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    if meta is None:
        return {}
    directives = [d.split() for d in str(meta["content"]).split(";") if d.strip()]
    return {d[0]: d[1:] for d in directives}


def test_every_production_page_has_a_strict_policy_and_obeys_it(sample: Site):
    pages = sorted(sample.output.rglob("*.html"))
    assert len(pages) > 50
    problems = []
    for path in pages:
        where = path.relative_to(sample.output)
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        policy = policy_of(soup)
        if not policy:
            problems.append(f"{where}: no Content-Security-Policy")
            continue
        head = soup.head.find_all(True) if soup.head else []
        position = next(i for i, tag in enumerate(head) if tag.get("http-equiv"))
        if any(tag.name in ("script", "link", "style") for tag in head[:position]):
            problems.append(f"{where}: the policy comes after something it should cover")
        assert policy["default-src"] == ["'none'"], where
        assert policy["style-src"] == ["'self'"], where
        assert policy["base-uri"] == ["'none'"], where
        script_src = policy["script-src"]
        assert script_src[0] == "'self'", where
        assert not {"'unsafe-inline'", "'unsafe-eval'", "*", "data:"} & set(script_src), where
        for script in soup.find_all("script"):
            if script.get("src") or script.get("type") in DATA_SCRIPTS:
                continue
            digest = base64.b64encode(hashlib.sha256(script.string.encode()).digest()).decode()
            if f"'sha256-{digest}'" not in script_src:
                problems.append(f"{where}: inline script without its hash in the policy")
        if soup.find("style") or soup.find(style=True):
            problems.append(f"{where}: inline style, which style-src 'self' blocks")
        for tag in soup.find_all(True):
            handlers = [a for a in tag.attrs if a.lower().startswith("on")]
            if handlers:
                problems.append(f"{where}: event handler attribute {handlers} on <{tag.name}>")
    assert problems == []


def test_only_the_search_page_may_compile_webassembly(sample: Site):
    for path in ("index.html", "search/index.html"):
        soup = BeautifulSoup((sample.output / path).read_text(encoding="utf-8"), "html.parser")
        allowed = "'wasm-unsafe-eval'" in policy_of(soup)["script-src"]
        assert allowed is (path == "search/index.html")


def test_the_local_preview_has_no_policy_so_live_reload_works(tmp_path: Path):
    build_fixture("basic", tmp_path)
    soup = BeautifulSoup((tmp_path / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert policy_of(soup) == {}


def test_the_browser_enforces_the_policy_and_the_test_sees_violations(browser, sample: Site):
    with browse(browser, sample) as tab:
        tab.visit("/")
        assert tab.take_problems() == []
        ran = tab.page.evaluate("""() => {
            window.ranInline = false;
            const script = document.createElement("script");
            script.textContent = "window.ranInline = true";
            document.body.append(script);
            const styled = document.createElement("p");
            styled.setAttribute("style", "color: red");
            document.body.append(styled);
            return window.ranInline;
        }""")
        tab.page.wait_for_timeout(100)
        assert ran is False
        reported = " ".join(tab.take_problems())
        assert "CSP violation" in reported
        assert "script-src-elem" in reported
