"""Sites the browser tests build: the sample, a small search fixture, a hostile one."""

from __future__ import annotations

import gzip
import html
import re
import shutil
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import yaml
from invoke import Context

from candor_tools.qa_import import ImportConfig, run_import
from tasks import index_for_search
from tests.browser.vectors import Vector
from tests.helpers import FIXTURES, REPO, build_site, reset_pelican_state

FAVICON = {"STATIC_PATHS": ["extra"],
           "EXTRA_PATH_METADATA": {"extra/favicon.svg": {"path": "favicon.svg"}}}
CANARIES = {
    "draft": "CANARYSEARCHDRAFT",
    "hidden": "CANARYSEARCHHIDDEN",
    "embargo": "CANARY-EMBARGO-QA",
    "published": "CANARYSEARCHPUBLISHED",
}


def production(url: str) -> dict[str, Any]:
    """Overrides that make a fixture build look like production, served at ``url``."""
    return {"SITEURL": url, "FEEDS_DOMAIN": url, "RELATIVE_URLS": False,
            "PUBLISHING_PREVIEW": False, "DELETE_OUTPUT_DIRECTORY": True}


def index(output: Path, part_pages: int | None = None) -> None:
    """Build the Pagefind index the way `invoke build` does (``part_pages``: in parts of
    that many pages, SEARCH_INDEX_PART_PAGES)."""
    settings = {} if part_pages is None else {"SEARCH_INDEX_PART_PAGES": part_pages}
    index_for_search(Context(), output, "en", settings=settings)


def build_sample(output: Path, url: str) -> Path:
    """Build the real sample site with the production settings, indexed, for ``url``."""
    build_site(REPO / "publishconf.py", output, SITEURL=url, FEEDS_DOMAIN=url)
    reset_pelican_state()
    index(output)
    return output


def _copy_fixture(name: str, target: Path) -> Path:
    shutil.copytree(FIXTURES / name, target)
    settings = target / "pelicanconf.py"
    settings.write_text(settings.read_text().replace("str(HERE.parent)", repr(str(FIXTURES))))
    (target / "content" / "extra").mkdir()
    shutil.copy(REPO / "content" / "extra" / "favicon.svg", target / "content" / "extra")
    return target


def write_post(folder: Path, name: str, header: dict[str, str], body: str) -> None:
    """Write a Markdown post with ``header`` as its front matter."""
    lines = [f"{key}: {value}" for key, value in header.items()]
    (folder / name).write_text("\n".join(lines) + "\n\n" + body + "\n", encoding="utf-8")


def search_fixture(root: Path) -> Path:
    """Copy the Q&A fixture and add a translation, a draft, a hidden post and canaries."""
    site = _copy_fixture("qa", root)
    posts = site / "content" / "posts"
    base = {"Date": "2026-04-15 09:00", "Author": "ana-ruiz", "Kind": "news"}
    write_post(posts, "tariffs.md", {"Title": "Our tariffs for households", **base},
               f"Household tariffs stay flat until December. {CANARIES['published']}")
    write_post(posts, "tariffs.es.md",
               {"Title": "Nuestras tarifas para hogares", **base, "Lang": "es"},
               "Las tarifas domésticas no cambian hasta diciembre.")
    write_post(posts, "unfinished.md",
               {"Title": "Unfinished tariff thoughts", **base, "Status": "draft"},
               f"Tariffs may change. {CANARIES['draft']}")
    write_post(posts, "unlisted.md",
               {"Title": "Unlisted tariff note", **base, "Status": "hidden"},
               f"Tariffs, quietly. {CANARIES['hidden']}")
    return site


def build_search_site(root: Path, output: Path, url: str, *, preview: bool = False,
                      part_pages: int | None = None) -> Path:
    """Build the search fixture (production, or the local preview with drafts), indexed
    (in parts of ``part_pages`` pages, if given)."""
    site = root if (root / "pelicanconf.py").exists() else search_fixture(root)
    overrides = {**production(url), **FAVICON}
    if preview:
        overrides["PUBLISHING_PREVIEW"] = True
    build_site(site / "pelicanconf.py", output, **overrides)
    reset_pelican_state()
    index(output, part_pages)
    return output


def index_text(output: Path) -> str:
    """Return everything in the Pagefind index, decompressed, as text."""
    chunks = []
    for path in sorted((output / "pagefind").rglob("*")):
        if path.suffix in (".pf_fragment", ".pf_index", ".pf_meta", ".pf_filter"):
            chunks.append(gzip.decompress(path.read_bytes()).decode("utf-8", "replace"))
    return "\n".join(chunks)


# Hostile site ---------------------------------------------------------------

POST_FIELDS = ("post title", "post summary", "post tag")
QA_FIELDS = ("question text", "asker name", "question topic", "imported comment HTML")
FIELDS = QA_FIELDS + POST_FIELDS
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def hostile_import(content: Path, vectors: list[Vector]) -> None:
    """Import one Disqus comment per vector (its HTML message and author name) into a session."""
    session = {"title": "Imported comments", "hosts": ["ana-ruiz"],
               "opens": "2026-01-01 09:00", "closes": "2026-12-31 18:00"}
    (content / "qa" / "imported.yml").write_text(
        yaml.safe_dump({"session": session, "questions": []}, sort_keys=False), encoding="utf-8")
    posts = []
    for number, vector in enumerate(vectors):
        message = escape(XML_ILLEGAL.sub("", vector.text))
        name = escape(vector.one_line or "Anonymous")
        posts.append(f'<post dsq:id="p{number}"><message>{message}</message>'
                     f"<createdAt>2026-02-01T10:{number % 60:02d}:00Z</createdAt>"
                     "<isDeleted>false</isDeleted><isSpam>false</isSpam>"
                     f"<author><name>{name}</name><username>reader{number}</username></author>"
                     '<thread dsq:id="t1"/></post>')
    export = content.parent / "disqus.xml"
    export.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<disqus xmlns="http://disqus.com" '
        'xmlns:dsq="http://disqus.com/disqus-internals"><thread dsq:id="t1">'
        "<link>https://blog.example/hostile/</link><title>Hostile</title><id>t1</id></thread>"
        + "".join(posts) + "</disqus>", encoding="utf-8")
    run_import(ImportConfig(format="disqus", file=export, content=content, session="imported",
                            progress=False))


def _tag(vector: Vector) -> str:
    # Commas (or semicolons, for Pelican) separate tags, and a list may not end
    # with "]" (the front-matter rules); the id keeps every tag's URL distinct.
    tag = f"{vector.id} {vector.one_line.replace(',', ' ').replace(';', ' ')}".strip()
    return f"{tag} {vector.id}" if tag.endswith("]") else tag


def hostile_content(content: Path, vectors: list[Vector], answered: set[str]) -> None:
    """Write one post and one question per vector; ``answered`` questions get a page."""
    posts = content / "posts"
    posts.mkdir(parents=True)
    shutil.copy(FIXTURES / "qa" / "content" / "authors.yml", content / "authors.yml")
    start = datetime(2026, 1, 1, 9, 0)
    questions = []
    for number, vector in enumerate(vectors):
        when = start + timedelta(minutes=number)
        text = vector.one_line or "(blank)"
        write_post(posts, f"{vector.id}.md", {
            "Title": text, "Date": f"{when:%Y-%m-%d %H:%M}", "Author": "ana-ruiz",
            "Kind": "news", "Tags": _tag(vector), "Summary": text,
        }, f"Post for vector {vector.id}.")
        question: dict[str, Any] = {
            "id": f"q-{vector.id}", "asked_at": f"{when:%Y-%m-%d %H:%M}", "votes": 1,
            "text": vector.text if vector.text.strip() else "(blank)",
        }
        if vector.one_line:
            question["asked_by"] = vector.one_line
            question["topics"] = [vector.one_line]
        if vector.id in answered:
            question["status"] = "answered"
            question["answer"] = {"by": "ana-ruiz", "at": f"{when + timedelta(days=1):%Y-%m-%d %H:%M}",
                                  "text": "Noted."}
        else:
            question["status"] = "pending"
        questions.append(question)
    session = {"title": "Hostile town hall", "hosts": ["ana-ruiz"],
               "opens": "2026-01-01 09:00", "closes": "2026-12-31 18:00"}
    (content / "qa").mkdir()
    (content / "qa" / "hostile.yml").write_text(
        yaml.safe_dump({"session": session, "questions": questions}, allow_unicode=True,
                       sort_keys=False, width=1_000_000), encoding="utf-8")


def build_hostile_site(root: Path, output: Path, url: str, vectors: list[Vector],
                       answered: set[str]) -> Path:
    """Build a production site whose every reader field and post field holds a vector."""
    site = _copy_fixture("qa", root)
    content = site / "content"
    for folder in ("posts", "qa"):
        shutil.rmtree(content / folder)
    hostile_content(content, vectors, answered)
    hostile_import(content, vectors)
    everything_on_one_page = {"index": None, "category": None, "tag": None, "author": None}
    # Atom feeds only: RSS shares their code, and a feed per tag is over a thousand files.
    build_site(site / "pelicanconf.py", output, **production(url), **FAVICON,
               DEFAULT_PAGINATION=False, PAGINATED_TEMPLATES=everything_on_one_page,
               QA_DIGEST_PER_PAGE=len(vectors) + 1, FEEDS_FORMATS=("atom",))
    reset_pelican_state()
    index(output)
    return output


def positive_control(output: Path, vectors: list[Vector], per_page: int = 100) -> list[str]:
    """Write pages embedding each raw vector, unescaped, in its own frame; return their paths.

    Each frame (named after the vector) holds the vector verbatim in the contexts
    a template would use: text, quoted and unquoted attributes, a link, JSON-LD.
    """
    folder = output / "positive-control"
    folder.mkdir()
    paths = []
    for page, first in enumerate(range(0, len(vectors), per_page), start=1):
        frames = []
        for vector in vectors[first:first + per_page]:
            v = vector.text
            document = (f'<!doctype html><meta charset="utf-8"><title>{v}</title>'
                        f'<script type="application/ld+json">{{"name": "{v}"}}</script>'
                        f'<p>{v}</p><p title="{v}">a</p><p title=\'{v}\'>b</p>'
                        f'<p title={v}>c</p><a href="{v}">link</a>')
            frames.append(f'<iframe name="{vector.id}" srcdoc="{html.escape(document)}">'
                          "</iframe>")
        name = f"page-{page}.html"
        (folder / name).write_text('<!doctype html><meta charset="utf-8">'
                                   "<title>Positive control</title>" + "".join(frames),
                                   encoding="utf-8")
        paths.append(f"positive-control/{name}")
    return paths
