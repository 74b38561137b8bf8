"""Checks of a built site that `invoke check` and CI run before anything is published."""

from __future__ import annotations

import gzip
import os
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree

from candor_tools.feed_rules import atom_problems, rss_problems

FEED_SUFFIXES = (".atom.xml", ".rss.xml")


EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
# find_emails finds what EMAIL_RE.findall finds, starting from each "@" (the regex
# engine would try every character as the start of an address): the characters
# of an address before its "@", and the part from the "@" on.
LOCAL_CHARACTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._%+-")
AT_DOMAIN_RE = re.compile(r"@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
# Four numbers joined by dots, not inside a longer run of digits and dots. Written
# to start with a digit, so the regex engine skips to the next digit instead of
# trying the lookbehind at every position (about 4 times faster): the first digit,
# then "the character before it is no digit or dot", is (?<![\d.])\d.
IPV4_RE = re.compile(r"\d(?<![\d.]\d)\d{0,2}\.(?:\d{1,3}\.){2}\d{1,3}(?!\d)(?!\.\d)")
# Every IPv4_RE match holds a dot followed by a digit: a text without one has no
# address, and this search, which starts with a plain character, is fast.
DOT_DIGIT_RE = re.compile(r"\.\d")
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
        emails = sorted({m for m in find_emails(text) if m.lower() not in allowed})
        ips = sorted(set(IPV4_RE.findall(text))) if DOT_DIGIT_RE.search(text) else []
        where = path.relative_to(output)
        problems += [f"{where}: an e-mail address is published ({e})" for e in emails]
        problems += [f"{where}: an IP address is published ({ip})" for ip in ips]
    return problems


def find_emails(text: str) -> list[str]:
    """What ``EMAIL_RE.findall(text)`` returns, found from each "@" of ``text``.

    An address ends its first part at an "@" (no "@" is among its characters), so the
    leftmost address is at the first "@" after the last address found that has at
    least one such character just before it and a domain just after it; it starts
    where those characters start, but not inside the last address.
    """
    found = []
    end = 0  # where the last address found ends: the next one starts here or later
    at = text.find("@")
    while at != -1:
        start = at
        while start > end and text[start - 1] in LOCAL_CHARACTERS:
            start -= 1
        domain = AT_DOMAIN_RE.match(text, at) if start < at else None
        if domain is None:
            at = text.find("@", at + 1)
            continue
        end = domain.end()
        found.append(text[start:end])
        at = text.find("@", end)
    return found


def check_no_drafts(output: Path) -> list[str]:
    """A production build has no drafts folder and no preview banner."""
    problems = []
    if (output / "drafts").exists():
        problems.append("drafts/: a production build must not contain drafts")
    for page in sorted(output.rglob("*.html")):
        if b'class="draft-banner' in page.read_bytes():
            problems.append(f"{page.relative_to(output)}: shows a preview banner")
    return problems


# The tags whose href (or else src) check_links follows.
LINK_TAGS = ("a", "link", "img", "script", "source")


def check_links(output: Path, site_url: str = "") -> list[str]:
    """Every internal link and anchor in every page points at something that exists.

    Each page is parsed once, by libxml2's HTML parser (lxml), and only its ids and
    links are kept, not its tree; whether a link's target exists is looked up in the
    output's files and folders, listed once (``Listing``).
    """
    listing = Listing(output)
    parser = etree.HTMLParser(encoding="utf-8", huge_tree=True)
    pages = sorted(output.rglob("*.html"))
    ids: dict[str, set[str]] = {}
    found: list[tuple[str, str, list[str]]] = []
    for page in pages:
        name = page.relative_to(output).as_posix()
        root = etree.fromstring(page.read_bytes(), parser)
        located = listing.resolve(page)
        ids[located] = set() if root is None else {str(value) for value in root.xpath("//@id")}
        links = [] if root is None else [
            str(url) for tag in root.iter(*LINK_TAGS)
            if (url := tag.get("href") or tag.get("src"))]
        found.append((name, located, links))
    problems = []
    for name, located, links in found:
        for url in links:
            target = listing.target(located, url, site_url)
            if target is None:
                continue
            if not listing.exists(target):
                problems.append(f"{name}: broken link {url}")
                continue
            fragment = urlsplit(url).fragment
            if (fragment and os.path.splitext(target)[1] == ".html"
                    and fragment not in ids.get(target, set())):
                problems.append(f"{name}: link {url} names a missing anchor #{fragment}")
    return problems


class Listing:
    """The files and folders of a built site, listed once, where links are looked up.

    A target is worked out as ``Path.resolve`` would (".." and "." taken out, made
    absolute), from the output folder resolved once: no folder or file inside a
    built site is a symbolic link. If one is, every target is resolved by the file
    system instead (``Path.resolve``), so links through it are followed as before
    (and end, resolved, in the listing or outside it). A target outside the output
    is asked of the file system. Names are compared exactly, case included, as the
    web server that will serve the site compares them (a case-insensitive disk
    would have found ``/Posts/`` for ``posts/``; the published link would be broken).
    """

    def __init__(self, output: Path) -> None:
        self.output = output
        self.root = str(output.resolve())
        self.files: set[str] = set()
        self.folders: set[str] = {self.root}
        self.symlinks = False
        self._scan(self.root)

    def _scan(self, folder: str) -> None:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_symlink():
                    self.symlinks = True
                elif entry.is_dir():
                    self.folders.add(entry.path)
                    self._scan(entry.path)
                else:
                    self.files.add(entry.path)

    def resolve(self, page: Path) -> str:
        """The absolute, resolved path of a page of the site."""
        if self.symlinks:
            return str(page.resolve())
        return os.path.join(self.root, page.relative_to(self.output).as_posix())

    def target(self, page: str, url: str, site_url: str) -> str | None:
        """What ``url`` on ``page`` (resolved) points at in the site (None: elsewhere)."""
        parts = urlsplit(url)
        if site_url and url.startswith(site_url):
            parts = urlsplit(url[len(site_url):] or "/")
        elif parts.scheme or parts.netloc or url.startswith(("mailto:", "#")):
            return None
        path = unquote(parts.path)
        if not path:
            return page
        base = self.root if path.startswith("/") else os.path.dirname(page)
        joined = os.path.join(base, path.lstrip("/"))
        target = str(Path(joined).resolve()) if self.symlinks else os.path.normpath(joined)
        return (os.path.join(target, "index.html")
                if self._is_dir(target) or path.endswith("/") else target)

    def exists(self, target: str) -> bool:
        """True if ``target`` (resolved) is a file or folder."""
        if not self._inside(target):
            return os.path.exists(target)
        return target in self.files or target in self.folders

    def _is_dir(self, target: str) -> bool:
        if not self._inside(target):
            return os.path.isdir(target)
        return target in self.folders

    def _inside(self, target: str) -> bool:
        return target == self.root or target.startswith(self.root + os.sep)


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
