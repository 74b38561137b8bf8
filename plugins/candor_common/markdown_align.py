"""A Markdown extension: table column alignment as a class, not an obsolete attribute.

Python-Markdown's tables write ``style="text-align: …"`` (blocked by the
production Content-Security-Policy, which allows no inline styles) or
``align="…"`` (obsolete in HTML, so the Nu checker rejects the page). This turns
either into ``class="align-left|align-center|align-right"``, styled in base.css.
"""

from __future__ import annotations

import re
from typing import Any
from xml.etree.ElementTree import Element

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

STYLE_RE = re.compile(r"text-align:\s*(left|center|right)")


class AlignToClass(Treeprocessor):
    """Move each table cell's alignment into a class."""

    def run(self, root: Element) -> None:
        """Rewrite every th and td under ``root`` in place."""
        for cell in (*root.iter("th"), *root.iter("td")):
            align = cell.attrib.pop("align", None)
            style = STYLE_RE.search(cell.attrib.get("style", ""))
            if style:
                align = style.group(1)
                del cell.attrib["style"]
            if align:
                classes = cell.get("class", "").split()
                cell.set("class", " ".join([*classes, f"align-{align}"]))


class AlignExtension(Extension):
    """Register AlignToClass after the tables extension has built the table."""

    def extendMarkdown(self, md: Markdown) -> None:
        """Add the tree processor (low priority: runs late)."""
        md.treeprocessors.register(AlignToClass(md), "candor_align", 1)


def makeExtension(**kwargs: Any) -> AlignExtension:
    """Return the extension (Markdown loads it by module name)."""
    return AlignExtension(**kwargs)
