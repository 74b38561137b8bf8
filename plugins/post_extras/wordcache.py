"""Remember how many words each post's HTML has, across builds.

Counting the words of a post (``compute.word_count``) is a pure function of
its HTML and of ``compute.py``. With ``POST_EXTRAS_CACHE`` on, the counts are
kept in ``CACHE_PATH/candor-words.json``, keyed by the BLAKE2 hash of the HTML,
and the file is headed by the hash of ``compute.py``: a changed post has
another key, changed counting code drops every entry. Only the counts this
build used are written, so the file never grows beyond the site.
"""

from __future__ import annotations

import hashlib
import logging
from functools import cache
from pathlib import Path
from typing import Any

from candor_common.statefile import read_state, write_state
from post_extras import compute

logger = logging.getLogger(__name__)

# Bump when what is stored, or how a key is made, changes.
FORMAT = 1
FILE_NAME = "candor-words.json"


class WordCounts:
    """Word counts by hash of the HTML; ``path`` None keeps them for one build only."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.code = code_fingerprint()
        self.entries: dict[str, int] = {}
        self.used: dict[str, int] = {}
        if path is not None:
            data = read_state(path)
            if (data is not None and data.get("format") == FORMAT
                    and data.get("code") == self.code and isinstance(data.get("counts"), dict)):
                self.entries = {key: value for key, value in data["counts"].items()
                                if type(value) is int}

    def count(self, html: str) -> int:
        """Return the number of words ``html`` shows (``compute.word_count``)."""
        key = hashlib.blake2b(html.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
        words = self.entries.get(key)
        if words is None:
            words = compute.word_count(html)
        self.used[key] = words
        return words

    def save(self) -> None:
        """Write the counts this build used, in one step, if they differ from the file's."""
        if self.path is None or self.used == self.entries:
            return
        try:
            write_state(self.path, {"format": FORMAT, "code": self.code,
                                    "counts": dict(sorted(self.used.items()))})
        except OSError as error:
            logger.warning("post_extras: could not save the word counts to %s (%s); the "
                           "next build counts them again. Make CACHE_PATH writable or set "
                           "POST_EXTRAS_CACHE = False.", self.path, error.strerror or error)


def counts_for(settings: Any) -> WordCounts:
    """Return this build's word counts: kept in CACHE_PATH with POST_EXTRAS_CACHE on."""
    if settings.get("POST_EXTRAS_CACHE"):
        return WordCounts(Path(settings["CACHE_PATH"]) / FILE_NAME)
    return WordCounts(None)


@cache
def code_fingerprint() -> str:
    """Hash the code that counts words (``compute.py``)."""
    return hashlib.sha256(Path(compute.__file__).read_bytes()).hexdigest()
