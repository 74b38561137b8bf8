"""Find the front matter of a Markdown file, keeping each key's line number.

The rules are those of Python-Markdown's ``meta`` extension, which Pelican
uses to read the same header: ``Key: value`` lines at the top of the file,
indented continuation lines, ended by a blank line (optionally fenced by
``---`` lines). Candor adds one thing: lines starting with ``# `` inside the
header are comments (``invoke new`` writes optional fields that way), and
:func:`strip_header_comments` removes them before Markdown sees the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

META_RE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
MORE_RE = re.compile(r"^[ ]{4,}(?P<value>.*)")
FENCE_BEGIN = re.compile(r"^-{3}(\s.*)?$")
COMMENT_RE = re.compile(r"^#(\s|$)")
FENCE_END = re.compile(r"^(-{3}|\.{3})(\s.*)?$")


@dataclass(frozen=True)
class Entry:
    """One front-matter key as written: its lowercased name, raw value and line."""

    key: str
    value: str
    line: int


def read_header(text: str) -> list[Entry]:
    """Return the front-matter entries of ``text`` in file order (keys lowercased)."""
    lines = text.lstrip("\ufeff").split("\n")
    entries: list[Entry] = []
    start = 0
    if lines and FENCE_BEGIN.match(lines[0]):
        start = 1
    for number, raw in enumerate(lines[start:], start=start + 1):
        line = raw.rstrip("\r")
        if not line.strip() or (start and FENCE_END.match(line)):
            break
        if COMMENT_RE.match(line):
            continue
        match = META_RE.match(line)
        if match:
            entries.append(Entry(match["key"].lower(), match["value"].strip(), number))
            continue
        more = MORE_RE.match(line)
        if more and entries:
            last = entries[-1]
            joined = f"{last.value} {more['value'].strip()}".strip()
            entries[-1] = Entry(last.key, joined, last.line)
            continue
        break
    return entries


def strip_header_comments(text: str) -> str:
    """Return ``text`` without the comment lines of its front matter."""
    lines = text.split("\n")
    kept: list[str] = []
    in_header = True
    for index, line in enumerate(lines):
        if in_header and not line.strip():
            in_header = False
        if in_header and index > 0 and COMMENT_RE.match(line):
            continue
        if in_header and index == 0 and COMMENT_RE.match(line.lstrip("\ufeff")):
            continue
        kept.append(line)
    return "\n".join(kept)
