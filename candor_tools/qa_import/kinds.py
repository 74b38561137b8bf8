"""Tell questions from comments: the source's own flag, else a documented heuristic.

A reader entry is a **question** when the source says so (a GitHub discussion that is
answered or in an answerable category, a CSV row's ``kind`` column), or when its text
has a question mark (``?`` or ``¿``, outside links), or when one of its sentences
starts with a question word (English or Spanish, ``QA_IMPORT_QUESTION_WORDS``) and does
not end with ``!``.
Everything else is a **comment**. ``QA_IMPORT_CLASSIFY`` (or ``--classify``) can
also make every entry a question or a comment. Editors correct any entry by changing
its ``kind:`` line; a re-import keeps their choice.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

MODES = ("auto", "question", "comment")

# Sentence starts that make a question, lowercase. Spanish words count only with their
# accent: without it, "que", "como", "cuando" and "donde" are ordinary words.
ENGLISH_WORDS = (
    "what", "why", "how", "when", "where", "who", "whom", "whose", "which",
    "is", "are", "was", "were", "am", "do", "does", "did", "will", "would", "can",
    "could", "should", "shall", "may", "might", "must", "has", "have", "had",
    "isn't", "aren't", "don't", "doesn't", "didn't", "won't", "wouldn't", "can't",
    "couldn't", "shouldn't", "any idea", "anyone know", "does anyone", "i wonder",
    "i was wondering", "wondering", "curious whether", "curious if", "please explain")
SPANISH_WORDS = (
    "qué", "por qué", "para qué", "cómo", "cuándo", "dónde", "adónde", "quién",
    "quiénes", "cuál", "cuáles", "cuánto", "cuánta", "cuántos", "cuántas",
    "me pregunto", "alguien sabe", "sabéis si", "saben si")
DEFAULT_QUESTION_WORDS = ENGLISH_WORDS + SPANISH_WORDS

_TAG = re.compile(r"<[^>]+>")
_LINK = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_SENTENCE = re.compile(r"[^.!?;:\n]+[.!?;:]*")
_LEAD = re.compile(r"^[\s\"'«“‘(\[¡-]+")


def plain(text_html: str) -> str:
    """Return the visible text of sanitized HTML, links' addresses left out."""
    text = html.unescape(_TAG.sub(" ", text_html.replace("</p>", "\n")))
    return _LINK.sub(" ", text)


def _starts_with(sentence: str, words: tuple[str, ...]) -> bool:
    lowered = _LEAD.sub("", sentence).lower()
    return any(lowered == w or (lowered.startswith(w) and not lowered[len(w)].isalnum())
               for w in words if len(lowered) >= len(w))


def looks_like_question(text_html: str, words: tuple[str, ...] = DEFAULT_QUESTION_WORDS
                        ) -> bool:
    """Return True if the text asks something: a question mark, or a question word."""
    text = plain(text_html)
    words = tuple(w.lower() for w in words)
    if "?" in text or "¿" in text:
        return True
    for sentence in _SENTENCE.findall(text):
        stripped = sentence.strip()
        if stripped and not stripped.endswith("!") and _starts_with(stripped, words):
            return True
    return False


@dataclass(frozen=True)
class Classifier:
    """How an import decides each new entry's kind (``auto`` by default)."""

    mode: str = "auto"
    words: tuple[str, ...] = DEFAULT_QUESTION_WORDS

    def kind_of(self, text_html: str, source_flag: bool | None = None) -> str:
        """Return "question" or "comment" for a reader's entry."""
        if self.mode != "auto":
            return self.mode
        if source_flag is not None:
            return "question" if source_flag else "comment"
        return "question" if looks_like_question(text_html, self.words) else "comment"
