"""Checks of a built site that `invoke check` and CI run before anything is published."""

from __future__ import annotations

import gzip
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup
from lxml import etree

from candor_tools.feed_rules import atom_problems, rss_problems

FEED_SUFFIXES = (".atom.xml", ".rss.xml")


EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
IPV4_RE = re.compile(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?!\d)(?!\.\d)")
TEXT_SUFFIXES = (".html", ".htm", ".xml", ".json", ".csv", ".txt", ".xsl", ".js")


def run_checks(output: Path, site_url: str = "",
               allowed_emails: tuple[str, ...] = ()) -> list[str]:
    """Return every problem found in the built site at ``output`` (empty when clean)."""
    return (check_no_drafts(output) + check_links(output, site_url) + check_feeds(output)
            + check_personal_data(output, allowed_emails))


def check_personal_data(output: Path, allowed_emails: tuple[str, ...] = ()) -> list[str]:
    """No e-mail address (but the site's own intake) and no IP address in any output file."""
    allowed = {a.lower() for a in allowed_emails}
    problems = []
    for path in sorted(output.rglob("*")):
        if path.is_file() and path.suffix == ".pf_fragment":  # the search index, gzipped
            text = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        elif path.is_file() and path.suffix in TEXT_SUFFIXES:
            text = path.read_text(encoding="utf-8", errors="replace")
        else:
            continue
        emails = sorted({m for m in EMAIL_RE.findall(text) if m.lower() not in allowed})
        ips = sorted(set(IPV4_RE.findall(text)))
        where = path.relative_to(output)
        problems += [f"{where}: an e-mail address is published ({e})" for e in emails]
        problems += [f"{where}: an IP address is published ({ip})" for ip in ips]
    return problems


def check_no_drafts(output: Path) -> list[str]:
    """A production build has no drafts folder and no preview banner."""
    problems = []
    if (output / "drafts").exists():
        problems.append("drafts/: a production build must not contain drafts")
    for page in sorted(output.rglob("*.html")):
        if 'class="draft-banner' in page.read_text(encoding="utf-8"):
            problems.append(f"{page.relative_to(output)}: shows a preview banner")
    return problems


def _target(output: Path, page: Path, url: str, site_url: str) -> Path | None:
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


def check_links(output: Path, site_url: str = "") -> list[str]:
    """Every internal link and anchor in every page points at something that exists."""
    problems = []
    ids: dict[Path, set[str]] = {}
    pages = sorted(output.rglob("*.html"))
    soups = {page: BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
             for page in pages}
    for page, soup in soups.items():
        ids[page.resolve()] = {str(tag["id"]) for tag in soup.find_all(id=True)}
    for page, soup in soups.items():
        for tag in soup.find_all(["a", "link", "img", "script", "source"]):
            url = tag.get("href") or tag.get("src")
            if not url:
                continue
            target = _target(output, page, str(url), site_url)
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


def check_feeds(output: Path) -> list[str]:
    """Every feed is well-formed XML and keeps the rules of Atom (RFC 4287) or RSS 2.0."""
    problems = []
    for feed in sorted(output.rglob("*.xml")):
        if not feed.name.endswith(FEED_SUFFIXES):
            continue
        where = feed.relative_to(output)
        try:
            root = etree.parse(str(feed), etree.XMLParser(resolve_entities=False,
                                                          no_network=True)).getroot()
        except etree.XMLSyntaxError as exc:
            problems.append(f"{where}: not well-formed XML ({exc})")
            continue
        rules = atom_problems if feed.name.endswith(".atom.xml") else rss_problems
        problems += [f"{where}: feed: {problem}" for problem in rules(root)]
    return problems
