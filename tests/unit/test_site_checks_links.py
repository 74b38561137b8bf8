"""check_links: every internal link and anchor of a built site points at something.

The checker parses each page once with lxml and looks targets up in a listing of
the output. The checker it replaced parsed every page with BeautifulSoup, kept every
tree, and asked the file system about each link; it is kept here as the reference
(``reference_links``), and both must say the same of every site below.
"""

from __future__ import annotations

import random
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from candor_tools.site_checks import check_links

SITE = "https://site.example"


def reference_links(output: Path, site_url: str = "") -> list[str]:
    """The link check as it was written with BeautifulSoup (the reference)."""
    def target_of(page: Path, url: str) -> Path | None:
        parts = urlsplit(url)
        if site_url and url.startswith(site_url):
            parts = urlsplit(url[len(site_url):] or "/")
        elif parts.scheme or parts.netloc or url.startswith(("mailto:", "#")):
            return None
        path = unquote(parts.path)
        if not path:
            return page
        base = output if path.startswith("/") else page.parent
        target = (base / path.lstrip("/")).resolve()
        return target / "index.html" if target.is_dir() or path.endswith("/") else target

    problems = []
    soups = {page: BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
             for page in sorted(output.rglob("*.html"))}
    ids = {page.resolve(): {str(tag["id"]) for tag in soup.find_all(id=True)}
           for page, soup in soups.items()}
    for page, soup in soups.items():
        for tag in soup.find_all(["a", "link", "img", "script", "source"]):
            url = tag.get("href") or tag.get("src")
            if not url:
                continue
            target = target_of(page, str(url))
            if target is None:
                continue
            where = page.relative_to(output)
            if not target.exists():
                problems.append(f"{where}: broken link {url}")
                continue
            fragment = urlsplit(str(url)).fragment
            if fragment and target.suffix == ".html" and fragment not in ids.get(target, set()):
                problems.append(f"{where}: link {url} names a missing anchor #{fragment}")
    return problems


def page(body: str) -> str:
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>'
            f'</head><body id="top">{body}</body></html>')


@pytest.fixture
def site(tmp_path: Path) -> Path:
    output = tmp_path / "output"
    files = {
        "index.html": page('<a href="/posts/a/">A</a> <a href="/posts/a/#intro">intro</a>'
                           '<a href="/posts/a/#nope">nope</a> <a href="/missing/">gone</a>'
                           f'<a href="{SITE}/posts/a/">abs</a> <a href="{SITE}/gone.html">x</a>'
                           '<a href="https://other.example/x">elsewhere</a>'
                           '<a href="mailto:questions@site.example">ask</a>'
                           '<a href="#top">top</a> <a href="?page=2#top">self</a>'
                           '<a href="?page=2#nowhere">self, missing</a> <a href="">empty</a>'
                           '<img src="/images/x.png" alt=""><img src="/images/y.png" alt="">'
                           '<a href="/images/x.png#frag">image</a> <a href="/posts/a">dir</a>'
                           '<a href="/posts%20space/">spaced</a> <a href="/posts/b.html#b1">b</a>'
                           '<script src="/theme/app.js"></script><script src="/theme/no.js">'
                           '</script><link rel="stylesheet" href="/theme/s.css">'
                           '<video><source src="/media/clip.mp4"></video>'
                           '<a href="/posts/./a/../b.html">dots</a>'),
        "posts/a/index.html": page('<h2 id="intro">Intro</h2><p id="notes">n</p>'
                                   '<a href="../b.html">b</a> <a href="../b.html#x">bx</a>'
                                   '<a href="../../../outside.html">out</a>'
                                   '<a href="../../../nothing.html">nothing</a>'
                                   '<a href="index.html#notes">own</a>'
                                   '<a href="../../../output-old/index.html">old</a>'
                                   '<a href="/posts/a#nope">dir, missing anchor</a>'),
        "posts/b.html": page('<p id="b1">b</p><a href="a/">a</a><a href="a/#intro">ai</a>'),
        "posts space/index.html": page("<p>spaced</p>"),
        "images/x.png": "png",
        "theme/app.js": "js",
        "feeds/all.atom.xml": "<feed/>",
    }
    for name, text in files.items():
        (output / name).parent.mkdir(parents=True, exist_ok=True)
        (output / name).write_text(text, encoding="utf-8")
    (tmp_path / "outside.html").write_text(page("<p>next to the site</p>"))
    (tmp_path / "output-old").mkdir()  # a folder whose name starts with the output's
    (tmp_path / "output-old" / "index.html").write_text(page("<p>the last build</p>"))
    return output


def test_broken_links_and_missing_anchors_are_found_and_nothing_else(site):
    assert check_links(site, SITE) == [
        "index.html: link /posts/a/#nope names a missing anchor #nope",
        "index.html: broken link /missing/",
        f"index.html: broken link {SITE}/gone.html",
        "index.html: link ?page=2#nowhere names a missing anchor #nowhere",
        "index.html: broken link /images/y.png",
        "index.html: broken link /theme/no.js",
        "index.html: broken link /theme/s.css",
        "index.html: broken link /media/clip.mp4",
        "posts/a/index.html: link ../b.html#x names a missing anchor #x",
        "posts/a/index.html: broken link ../../../nothing.html",
        "posts/a/index.html: link /posts/a#nope names a missing anchor #nope",
    ]
    assert check_links(site, SITE) == reference_links(site, SITE)
    # Without the site's address, its absolute links are links elsewhere.
    assert f"index.html: broken link {SITE}/gone.html" not in check_links(site)
    assert check_links(site) == reference_links(site)


def test_links_through_a_symbolic_link_are_followed_as_the_file_system_does(site):
    (site / "alias").symlink_to(site / "posts", target_is_directory=True)
    (site / "about.html").write_text(page('<a href="/alias/b.html#b1">via</a>'
                                          '<a href="/alias/a/#intro">via a</a>'
                                          '<a href="/alias/c.html">gone</a>'))
    found = check_links(site, SITE)
    assert found == reference_links(site, SITE)
    assert "about.html: broken link /alias/c.html" in found
    assert not any(line.startswith("about.html: link") for line in found)


def test_the_same_verdicts_as_the_reference_on_generated_sites(tmp_path):
    rng = random.Random(7)  # noqa: S311 (test data)
    folders = ["", "posts/", "posts/2026/", "qa/town-hall/", "qa/town-hall/q/1/", "tags/x y/"]
    names = ["index.html", "a.html", "b.html", "feed.xml", "pic.png"]
    ids = ["top", "intro", "q-1", "notes", "é"]
    for run in range(12):
        output = tmp_path / f"site-{run}"
        made = []
        for folder in folders:
            for name in rng.sample(names, 3):
                made.append(folder + name)
        for name in made:
            links = []
            for _ in range(rng.randint(0, 12)):
                path = (rng.choice(["/", "", "../", "./", "../../"])
                        + rng.choice([*folders, "nowhere/", "posts/2027/"])
                        + rng.choice([*names, "", "gone.html"]))
                path = path.replace(" ", rng.choice([" ", "%20"]))
                if path.endswith("/") and len(path) > 1 and rng.random() < 0.3:
                    path = path[:-1]  # a folder named without its slash
                fragment = rng.choice(["", "", f"#{rng.choice([*ids, 'none'])}"])
                query = rng.choice(["", "", "?p=2"])
                prefix = rng.choice(["", "", SITE, "https://other.example"])
                links.append(prefix + (path if prefix in ("", SITE) else "/" + path)
                             + query + fragment)
            tags = "".join(rng.choice(['<a href="{}">l</a>', '<img src="{}" alt="">',
                                       '<link rel="x" href="{}">', '<script src="{}"></script>'])
                           .format(link.replace('"', "&quot;")) for link in links)
            anchors = "".join(f'<p id="{i}">x</p>' for i in rng.sample(ids, 2))
            (output / name).parent.mkdir(parents=True, exist_ok=True)
            text = page(anchors + tags) if name.endswith(".html") else "data"
            (output / name).write_text(text, encoding="utf-8")
        for site_url in ("", SITE):
            assert check_links(output, site_url) == reference_links(output, site_url)


def test_a_link_that_only_a_case_insensitive_disk_would_find_is_broken(site):
    (site / "about.html").write_text(page('<a href="/Posts/A/">shouting</a>'))
    assert "about.html: broken link /Posts/A/" in check_links(site, SITE)
