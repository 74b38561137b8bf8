"""Fingerprints of text that must never be published, and the plain text they are found in.

The build lists what it held back (drafts, posts in review, unapproved or embargoed
posts); ``invoke check`` then searches every output file, whatever its format
(HTML, feeds, JSON, CSV, the search index), for sentences of that text.
Both sides go through :func:`plain` so markup, entities, JSON escapes and
typography (curly quotes, dashes) cannot hide a match.
"""

from __future__ import annotations

import html
import re

TAG_RE = re.compile(r"<[^>]*>")
JSON_ESCAPE_RE = re.compile(r"\\u([0-9a-fA-F]{4})")
SENTENCE_END_RE = re.compile(r"(?<=[.!?;:])\s+")
# A block ends a sentence even without punctuation (a heading, a list item, a cell).
BLOCK_END_RE = re.compile(r"</(?:p|h[1-6]|li|dt|dd|td|th|blockquote|div|pre|figcaption)>|<br\s*/?>",
                          re.IGNORECASE)
TYPOGRAPHY = {"‘": "'", "’": "'", "“": '"', "”": '"', "«": '"', "»": '"',
              "–": "-", "—": "-", "…": "...", "\u00a0": " "}
# A phrase this long is specific enough that finding it elsewhere is a leak, not chance.
MIN_WORDS = 6


def plain(text: str) -> str:
    """Reduce HTML, XML, JSON or Markdown-rendered text to lower-case words and punctuation."""
    text = JSON_ESCAPE_RE.sub(lambda m: chr(int(m.group(1), 16)), text)
    text = text.replace('\\"', '"').replace("\\/", "/").replace("\\n", " ")
    for _ in range(2):  # feeds escape HTML that itself holds entities
        text = TAG_RE.sub(" ", html.unescape(text))
    # Runs of white space as one space, none at the ends: what re.sub(r"\s+", " ", text)
    # .strip() makes (str.split and the pattern's \s agree on every character), and
    # about three times faster.
    return " ".join(straighten(text).split()).casefold()


def straighten(text: str) -> str:
    """Curly quotes, dashes, ellipses and no-break spaces as their plain forms.

    What ``str.translate`` with the table would make, one ``str.replace`` per
    character (no replacement holds another's character), which is several times
    faster on long texts: ``translate`` with a table of strings goes through Python
    objects for every character.
    """
    for fancy, simple in TYPOGRAPHY.items():
        if fancy in text:
            text = text.replace(fancy, simple)
    return text


def fingerprints(text: str, min_words: int = MIN_WORDS) -> set[str]:
    """Return the sentences of ``text`` (HTML or plain) long enough to identify it."""
    found = set()
    for block in BLOCK_END_RE.split(text):
        for sentence in SENTENCE_END_RE.split(plain(block)):
            words = sentence.split()
            if len(words) >= min_words:
                found.add(" ".join(words))
    return found
