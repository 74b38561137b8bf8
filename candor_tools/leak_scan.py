"""Search the built site for text that must not be public (`invoke check`).

What is searched for: sentences of every source the build held back (from the
build report: drafts, posts in review, unapproved and embargoed posts), of the
Q&A threads of those posts, and of removed Q&A entries (read here from the
data files, independently of the plugin that drops them). Where: every text
file of the output and the compressed Pagefind index.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import ahocorasick
import markdown
import yaml

from candor_common.textprint import fingerprints, plain

TEXT_SUFFIXES = (".html", ".htm", ".xml", ".json", ".csv", ".txt", ".xsl", ".js", ".css")
TEXT_KEYS = ("text", "reason", "title")


def output_texts(output: Path) -> Iterator[tuple[str, str]]:
    """Yield (relative path, text) of every file a reader or a crawler can fetch."""
    for path in sorted(output.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if path.suffix.startswith(".pf_") or data[:2] == b"\x1f\x8b":
            try:
                data = gzip.decompress(data)
            except (OSError, EOFError):
                continue
        elif path.suffix not in TEXT_SUFFIXES:
            continue
        yield str(path.relative_to(output)), data.decode("utf-8", errors="replace")


def _strings(node: Any) -> Iterator[str]:
    """Every reader- or executive-written string under ``node``."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in TEXT_KEYS and isinstance(value, str):
                yield value
            elif isinstance(value, dict | list):
                yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def _entries(node: Any) -> Iterator[dict[str, Any]]:
    """Every mapping that carries a status (questions, comments, replies)."""
    if isinstance(node, dict):
        if "status" in node:
            yield node
        for value in node.values():
            yield from _entries(value)
    elif isinstance(node, list):
        for value in node:
            yield from _entries(value)


def _prints(texts: Iterator[str], converter: markdown.Markdown) -> set[str]:
    """The fingerprints of ``texts``, each converted as ``markdown.markdown(text)`` would
    (``converter`` is reset before each: no reference or stash carried over)."""
    found: set[str] = set()
    for text in texts:
        found |= fingerprints(converter.reset().convert(text))
    return found


def qa_fingerprints(qa_folder: Path, held_sources: set[str]) -> dict[str, str]:
    """Fingerprints of removed Q&A entries and of the threads of held-back posts."""
    secret: dict[str, str] = {}
    public: set[str] = set()
    converter = markdown.Markdown()  # one for all texts: making one costs as much as a text
    for path in sorted(qa_folder.rglob("*.yml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        where = f"{qa_folder.name}/{path.relative_to(qa_folder)}"
        post = str(data.get("post", "")).strip("/") if isinstance(data, dict) else ""
        if post and post in held_sources:
            label = f"{where} (its post is held back)"
            secret.update(dict.fromkeys(_prints(_strings(data), converter), label))
            continue
        for entry in _entries(data):
            if entry.get("status") == "removed":
                label = f"{where} (removed entry {entry.get('id', '?')})"
                secret.update(dict.fromkeys(_prints(_strings(entry), converter), label))
            else:
                public |= _prints((s for k, s in entry.items() if k == "text"
                                   and isinstance(s, str)), converter)
    return {phrase: label for phrase, label in secret.items() if phrase not in public}


def held_fingerprints(report: dict[str, Any]) -> dict[str, str]:
    """Fingerprints of every held-back source in the build report."""
    found = {}
    for item in report.get("held_back", ()):
        label = f"{item['source']} ({', '.join(item['reasons'])})"
        found.update(dict.fromkeys(item.get("fingerprints", ()), label))
    return found


def scan_for_leaks(output: Path, secret: dict[str, str]) -> list[str]:
    """Return one problem per output file and held-back source whose text it contains.

    One Aho-Corasick pass per file finds every fingerprint at once, so the scan
    grows with the size of the output, not with files × fingerprints (a town
    hall with thousands of removed entries and as many pages).
    """
    problems: list[str] = []
    if not secret:
        return problems
    automaton = ahocorasick.Automaton()
    for phrase, label in secret.items():
        automaton.add_word(phrase, label)
    automaton.make_automaton()
    for where, text in output_texts(output):
        hits = sorted({label for _end, label in automaton.iter(plain(text))})
        problems += [f"{where}: publishes text of {label}" for label in hits]
    return problems
