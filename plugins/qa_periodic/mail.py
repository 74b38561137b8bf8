"""E-mail-ready HTML: reader and executive text made self-contained, and a final check."""

from __future__ import annotations

from html import escape
from urllib.parse import urljoin

import lxml.html
from lxml import etree
from markupsafe import Markup

from candor_common.errors import CandorError

# Inline styles for the few tags sanitized text may hold (see qa_digest.sanitize).
TAG_STYLES = {
    "a": "color:#1a4f8b;text-decoration:underline;",
    "blockquote": "margin:0 0 12px 0;padding:0 0 0 12px;border-left:3px solid #d9d4c9;",
    "pre": "white-space:pre-wrap;font-family:Menlo,Consolas,monospace;font-size:14px;",
    "code": "font-family:Menlo,Consolas,monospace;font-size:14px;",
    "p": "margin:0 0 12px 0;",
    "ul": "margin:0 0 12px 0;padding-left:24px;",
    "ol": "margin:0 0 12px 0;padding-left:24px;",
}
FORBIDDEN_TAGS = frozenset({"script", "link", "style", "img", "iframe", "object", "embed",
                            "form", "input", "video", "audio", "source", "picture", "svg",
                            "base", "frame", "frameset", "applet", "meta"})


class EmailError(CandorError):
    """A digest's e-mail HTML would load something, run something or leave the site.

    It should never happen (the templates and :func:`email_fragment` prevent
    it); the check is a last line of defence before the file is written.
    """


def on_site(url: str, site_url: str) -> bool:
    """Return True when ``url`` is the site itself or a page under it."""
    return url == site_url or url.startswith(f"{site_url}/")


def email_fragment(html: str, site_url: str) -> Markup:
    """Return sanitized HTML ready for an e-mail: absolute site links, styles inline.

    Links to other hosts (and mailto: links) become plain text: an e-mail
    digest links only to the site. Anything with a ``src`` is dropped.
    """
    if not str(html).strip():
        return Markup("")
    wrapper = lxml.html.fragment_fromstring(str(html), create_parent="div")
    for element in list(wrapper.iter()):
        if not isinstance(element.tag, str) or element is wrapper:
            continue
        if element.tag in FORBIDDEN_TAGS or element.get("src") is not None:
            element.drop_tree()
            continue
        if element.tag == "a":
            href = urljoin(f"{site_url}/", element.get("href") or "")
            if not on_site(href, site_url):
                element.drop_tag()
                continue
            element.attrib.clear()
            element.set("href", href)
        if element.tag in TAG_STYLES:
            element.set("style", TAG_STYLES[element.tag])
    parts = [escape(wrapper.text, quote=False)] if wrapper.text else []
    parts.extend(etree.tostring(child, encoding="unicode", method="html") for child in wrapper)
    return Markup("".join(parts))  # noqa: S704 - sanitized at load, only narrowed here


def email_problems(document: str, site_url: str) -> list[str]:
    """Return what makes ``document`` unfit to paste into a newsletter tool, if anything."""
    root = lxml.html.document_fromstring(document)
    problems = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag in FORBIDDEN_TAGS and not (
                element.tag == "meta" and set(element.attrib) <= {"charset", "name",
                                                                  "content"}):
            problems.append(f"<{element.tag}> element")
        for name, value in element.attrib.items():
            if name == "src" or name.startswith("on"):
                problems.append(f"{name}= on <{element.tag}>")
            if name == "href" and not on_site(value, site_url):
                problems.append(f"link to {value!r}, outside {site_url}")
    return problems


def check_email(document: str, site_url: str, where: str) -> None:
    """Raise EmailError naming ``where`` if the document is not self-contained."""
    problems = email_problems(document, site_url)
    if problems:
        msg = (f"{where}: e-mail: {'; '.join(sorted(set(problems)))}. "
               "Keep the digests' e-mail template to inline styles and links to the site")
        raise EmailError(msg)
