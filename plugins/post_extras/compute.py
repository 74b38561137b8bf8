"""Pure computations over posts: reading time, neighbours and related posts."""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from bs4 import BeautifulSoup

WORD_RE = re.compile(r"\w+(?:['’-]\w+)*")


def reading_minutes(html: str, words_per_minute: int) -> int:
    """Return the minutes an adult needs to read ``html`` (at least 1)."""
    text = BeautifulSoup(html, "html.parser").get_text(" ")
    words = len(WORD_RE.findall(text))
    return max(1, math.ceil(words / words_per_minute))


def neighbours(posts: Sequence[Any]) -> dict[int, tuple[Any | None, Any | None]]:
    """Map id(post) → (older, newer) among posts of the same language."""
    by_lang: dict[str, list[Any]] = defaultdict(list)
    for post in posts:
        by_lang[post.lang].append(post)
    result: dict[int, tuple[Any | None, Any | None]] = {}
    for same_lang in by_lang.values():
        ordered = sorted(same_lang, key=lambda p: (p.date, p.slug))
        for index, post in enumerate(ordered):
            older = ordered[index - 1] if index > 0 else None
            newer = ordered[index + 1] if index + 1 < len(ordered) else None
            result[id(post)] = (older, newer)
    return result


def related(posts: Sequence[Any], limit: int) -> dict[int, list[Any]]:
    """Map id(post) → up to ``limit`` posts of the same language sharing the most tags.

    Ties go to the newer post. Posts sharing no tag are never related.
    """
    by_tag: dict[tuple[str, str], list[Any]] = defaultdict(list)
    for post in posts:
        for tag in getattr(post, "tags", []) or []:
            by_tag[(post.lang, tag.slug)].append(post)
    result: dict[int, list[Any]] = {}
    for post in posts:
        shared: dict[int, int] = defaultdict(int)
        candidates: dict[int, Any] = {}
        for tag in getattr(post, "tags", []) or []:
            for other in by_tag[(post.lang, tag.slug)]:
                if other is not post:
                    shared[id(other)] += 1
                    candidates[id(other)] = other
        ranked = sorted(candidates.values(),
                        key=lambda o: (-shared[id(o)], -o.date.timestamp(), o.slug))
        result[id(post)] = ranked[:limit]
    return result
