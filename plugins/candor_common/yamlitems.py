"""Parse a YAML file whose top-level list is long one item at a time, each item
remembered by its text.

A town hall's file holds thousands of questions under ``questions:``; after an
answer one of them changed, but parsing the file again took ~2 s at 10,000
questions (libyaml's part, through PyYAML, is most of it). ``ItemParser`` cuts
the file's text into its head and the list's items, parses only the items it
has not seen (``known``: each item's value by the hash of its text, with its
lines counted from the item's first line) and puts the values back in place,
their lines moved to where the item now is.

The result is always what ``load_located`` gives for the whole file, lines
included. The file is cut only where that holds: the list must be the value of a
plain top-level ``key:`` line, in block style, every item starting with ``-`` at
the list's own indentation, and the head and every item must parse alone. An
item parsed alone cannot mean something else than in place: what could carry
meaning across an item's first line (a quoted or flow scalar left open, an alias
to another item's anchor) makes the item before or after fail to parse alone;
block scalars and plain ones end at a less indented line. Directives (``%``),
several documents (``---`` past the first line, ``...``) and tabs before the
list's lines are not cut at all. Whatever is not cut, or fails, is parsed whole,
so a mistake is reported as ``load_located`` reports it.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

import yaml

from candor_common.yamlfile import BadValueError, Located, located, parse_located, read_text


class _Whole(Exception):
    """The file is parsed whole (it cannot be cut, or a part does not parse alone)."""


def split_items(text: str, key: str) -> tuple[str, list[tuple[int, str]]] | None:
    """Return the head of ``text`` (the list's lines blank, so every line keeps its
    number) and each item of the list under ``key``: its first line (from 0) and
    its text. None: the text is not cut (see the module's note)."""
    lines = text.splitlines(keepends=True)
    key_line = _key_line(lines, key)
    if key_line is None:
        return None
    indent, starts, end = None, [], len(lines)
    for number in range(key_line + 1, len(lines)):
        line = lines[number]
        body = line.lstrip(" ")
        if body.startswith("\t"):
            return None
        if not body.strip() or body.startswith("#"):
            continue  # blank or a comment: part of the item above
        depth = len(line) - len(body)
        is_item = body.startswith("-") and body[1:2] in ("", " ", "\r", "\n")
        if indent is None:
            if not is_item:
                return None
            indent = depth
        if depth > indent:
            continue
        if depth == indent and is_item:
            starts.append(number)
        elif depth == 0:
            end = number  # the next top-level key
            break
        else:
            return None
    if not starts:
        return None
    bounds = [*starts, end]
    items = [(bounds[n], "".join(lines[bounds[n]:bounds[n + 1]]))
             for n in range(len(starts))]
    head = "".join(lines[:starts[0]]) + "\n" * (end - starts[0]) + "".join(lines[end:])
    return head, items


def _key_line(lines: list[str], key: str) -> int | None:
    """The number of the one plain ``key:`` line at the top level (None: none, several,
    or a file the module's note says is parsed whole)."""
    plain = re.compile(rf"{re.escape(key)}:(?:[ \t]+#.*)?[ \t]*\r?\n?\Z")
    found = None
    for number, line in enumerate(lines):
        if line.startswith(("%", "...")) or (line.startswith("---") and number):
            return None
        if line.lstrip("\"'").startswith(key) and not line.startswith(" "):
            if found is not None or not plain.match(line):
                return None
            found = number
    return found


class ItemParser:
    """``load_located`` for files whose list under ``key`` is long: each item parsed once
    for each text it has (``known`` from an earlier parse; ``used``, this parse's)."""

    def __init__(self, key: str, known: dict[bytes, Any] | None = None) -> None:
        self.key = key
        self.known = known or {}
        self.used: dict[bytes, Any] = {}
        self.parsed = 0  # items this parser parsed (not known)

    def __call__(self, path: Path, display: str) -> Any:
        """Parse ``path`` (shown as ``display``), as ``load_located`` does."""
        text = read_text(path, display)
        cut = split_items(text, self.key)
        if cut is not None:
            try:
                return self._in_parts(*cut)
            except (_Whole, yaml.YAMLError, BadValueError):
                pass  # parsed whole: the error, if any, as load_located reports it
        self.used.clear()
        return located(text, display)  # whole, from the text already read

    def _in_parts(self, head: str, items: list[tuple[int, str]]) -> Located:
        top = parse_located(head)
        if not isinstance(top, Located) or top.values.get(self.key, "") is not None:
            raise _Whole
        values = []
        for first, text in items:
            name = hashlib.blake2b(text.encode("utf-8", "surrogatepass"),
                                   digest_size=16).digest()
            value = self.used.get(name, self.known.get(name))
            if value is None:
                alone = parse_located(text)
                if not isinstance(alone, list) or len(alone) != 1:
                    raise _Whole
                value = alone[0]
                self.parsed += 1
            self.used[name] = value
            values.append(moved(value, first))
        top.values[self.key] = values
        return top


def moved(value: Any, lines: int) -> Any:
    """``value`` with every line number ``lines`` further down."""
    if not lines:
        return value
    if isinstance(value, Located):
        return Located({k: moved(v, lines) for k, v in value.values.items()},
                       {k: line + lines for k, line in value.lines.items()},
                       value.line + lines)
    if isinstance(value, list):
        return [moved(item, lines) for item in value]
    return value
