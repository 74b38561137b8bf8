"""Stream records out of a large XML export, safely, with the line each one starts on.

The parser is defusedxml's SAX reader: entity declarations and external references are
refused as soon as they appear (billion laughs, XXE), the file is read in chunks, and only
one record is kept in memory at a time.
"""

from __future__ import annotations

import xml.sax
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.expatreader import ExpatLocator
from xml.sax.handler import ContentHandler, feature_external_ges, feature_namespaces

from defusedxml import sax as defused_sax
from defusedxml.common import DefusedXmlException

from candor_tools.qa_import.errors import ExportFileError, HostileFileError
from candor_tools.qa_import.progress import Meter

CHUNK = 1 << 16


@dataclass
class Node:
    """An XML element: ``{namespace}name``, attributes, text and children."""

    tag: str
    attrs: dict[str, str]
    line: int
    text: str = ""
    children: list[Node] = field(default_factory=list)

    def find(self, tag: str) -> Node | None:
        """Return the first child named ``tag``."""
        return next((c for c in self.children if c.tag == tag), None)

    def findall(self, tag: str) -> list[Node]:
        """Return the children named ``tag``."""
        return [c for c in self.children if c.tag == tag]

    def value(self, tag: str) -> str:
        """Return the stripped text of the first child named ``tag`` ("" if absent)."""
        child = self.find(tag)
        return child.text.strip() if child is not None else ""


class _Collector(ContentHandler):
    """Builds one Node per element at ``depth`` and hands complete ones to ``done``."""

    def __init__(self, depth: int, done: Callable[[Node], None]) -> None:
        super().__init__()
        self.depth, self.done = depth, done
        self.level = 0
        self.stack: list[Node] = []
        self.texts: list[list[str]] = []
        self.outer: list[Node] = []  # ancestors above the record depth (channel, ...)
        self.root: Node | None = None

    def startElementNS(self, name, qname, attrs):
        tag = f"{{{name[0]}}}{name[1]}" if name[0] else name[1]
        values = {(f"{{{k[0]}}}{k[1]}" if k[0] else k[1]): v for k, v in attrs.items()}
        node = Node(tag, values, self.line() or 0)
        if self.level >= self.depth:
            if self.stack:
                self.stack[-1].children.append(node)
            self.stack.append(node)
            self.texts.append([])
        else:
            self.outer.append(node)
            self.root = self.root or node
        self.level += 1

    def endElementNS(self, name, qname):
        self.level -= 1
        if self.level < self.depth:
            self.outer.pop()
            return
        node = self.stack.pop()
        node.text = "".join(self.texts.pop())
        if not self.stack:
            self.done(node)

    def line(self) -> int | None:
        """Return the line the parser has reached."""
        locator = getattr(self, "_locator", None)
        return locator.getLineNumber() if locator else None

    def characters(self, content):
        if self.texts:
            self.texts[-1].append(content)


def iter_records(path: Path, display: str, depth: int, meter: Meter,
                 root: str | None = None) -> Iterator[Node]:
    """Yield every element at ``depth`` (1: children of the root element), in order.

    ``root`` is the expected root element's local name; another root is an error.
    Raises ExportFileError (file:line) for malformed XML and HostileFileError for
    entity declarations.
    """
    ready: list[Node] = []
    collector = _Collector(depth, ready.append)
    parser = defused_sax.make_parser()
    parser.setFeature(feature_namespaces, True)
    parser.setFeature(feature_external_ges, False)
    parser.setContentHandler(collector)
    # parse() would set the locator, feed() does not.
    collector.setDocumentLocator(ExpatLocator(parser))
    checked_root = root is None
    try:
        with path.open("rb") as raw:
            while chunk := raw.read(CHUNK):
                meter.advance(len(chunk))
                parser.feed(chunk)
                if not checked_root and collector.root is not None:
                    _check_root(collector.root, root or "", display)
                    checked_root = True
                yield from ready
                ready.clear()
            parser.close()
            if not checked_root and collector.root is not None:
                _check_root(collector.root, root or "", display)
                checked_root = True
    except DefusedXmlException as exc:
        line = collector.line()
        msg = ("the file declares XML entities or external references, which exports "
               "never do: it was refused unread, as an attack (XXE, billion laughs) would be")
        raise HostileFileError(display, line, msg,
                               "Export the comments again from the source system") from exc
    except xml.sax.SAXParseException as exc:
        raise ExportFileError(display, exc.getLineNumber(), f"malformed XML: {exc.getMessage()}",
                              "The export is damaged or truncated; download it again") from exc
    except OSError as exc:
        raise ExportFileError(display, None, f"cannot be read ({exc.strerror})") from exc
    if not checked_root:
        raise ExportFileError(display, 1, "the file holds no XML element")
    yield from ready


def _check_root(node: Node, expected: str, display: str) -> None:
    local = node.tag.rsplit("}", 1)[-1]
    if local != expected:
        raise ExportFileError(display, node.line, f"the root element is <{local}>, "
                              f"not <{expected}>", "Check the --format option")
