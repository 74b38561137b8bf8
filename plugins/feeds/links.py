"""Make the links in an HTML fragment absolute."""

from __future__ import annotations

from html import escape
from urllib.parse import urljoin

import lxml.html
from lxml import etree

from feeds.xmltext import strip_illegal_xml


def absolutize_links(fragment: str, base_url: str) -> str:
    """Return ``fragment`` with every relative ``href``/``src``/``srcset`` resolved.

    Links are resolved against ``base_url`` (the post's absolute URL), so the
    fragment reads the same in a feed reader as on the site.
    """
    if not fragment.strip():
        return fragment
    wrapper = lxml.html.fragment_fromstring(fragment, create_parent="div")
    # Entities such as &#14; decode to characters XML cannot carry: drop them
    # from the resolved URL, as strip_illegal_xml does for the text.
    wrapper.rewrite_links(lambda link: strip_illegal_xml(urljoin(base_url, link)),
                          resolve_base_href=False)
    for element in wrapper.iter():
        srcset = element.get("srcset") if isinstance(element.tag, str) else None
        if srcset:
            element.set("srcset", _absolute_srcset(srcset, base_url))
    parts = [escape(wrapper.text, quote=False)] if wrapper.text else []
    parts.extend(
        etree.tostring(child, encoding="unicode", method="html") for child in wrapper
    )
    return "".join(parts)


def _absolute_srcset(srcset: str, base_url: str) -> str:
    """Resolve each candidate URL of a ``srcset`` attribute (data: URIs are left alone)."""
    if "data:" in srcset:
        return srcset
    candidates = []
    for candidate in srcset.split(","):
        url, _, descriptor = candidate.strip().partition(" ")
        if url:
            resolved = urljoin(base_url, url)
            candidates.append(f"{resolved} {descriptor.strip()}".strip())
    return ", ".join(candidates)
