"""Remember each Q&A file's loaded thread by content hash, across builds.

Loading a Q&A file (YAML, then Markdown and nh3 for every text) is a pure
function of the file's bytes, its displayed name, the site's time zone, the
roster's slugs and the code that loads it (``load.load_thread``). With
``QA_DIGEST_CACHE`` on, its result is kept in ``CACHE_PATH/candor-qa/``, one
pickle per file, named by the hash of all of those, and the next build reads
the pickle instead of loading the file again: a changed byte, a new roster
member, another time zone, a changed line of this package or of
``candor_common``, or another version of Python-Markdown, nh3, PyYAML or
MarkupSafe gives another name, so a stale result is never read. The problems
a file has are part of its result: a file with a mistake reports it again,
from the cache, on every build.

A changed file is loaded again, but its texts need not all be rendered again:
the HTML of each text of a file's last load is kept too (``RenderedTexts``, one
``.texts`` pickle per file, named by its displayed name and the code's hash),
keyed by the hash of the text. Answering one question of a town hall of
thousands renders one text, not thousands (Markdown and nh3 are most of a
load's time). Texts no longer in the file are dropped at its next load.

The folder is local build state, like Pelican's own content cache (also
pickles): whoever can write to it can run code in the build, so it is never
shared with anything less trusted than the checkout itself.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import platform
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml
from markupsafe import Markup

from candor_common.fingerprint import Fingerprinter
from candor_common.statefile import write_atomic
from candor_common.yamlitems import ItemParser
from qa_digest.load import QUESTIONS
from qa_digest.sanitize import render_reader_markdown

# Bump when what is stored, or how a name is made, changes.
FORMAT = 1
FOLDER = "candor-qa"
SUFFIX = ".pickle"
TEXTS = ".texts"
# Each question's encoding for the incremental rebuild's keys, beside its file's result.
ENCODINGS = ".encodings"
# Each question of a file's last load, parsed (``ItemParser``), beside its texts.
ITEMS = ".items"
# The packages whose code decides a loaded thread (every module of each is hashed).
PACKAGES = ("qa_digest", "candor_common")
LIBRARIES = ("markdown", "nh3", "PyYAML", "MarkupSafe")
PLUGINS = Path(__file__).resolve().parent.parent


class LoadCache:
    """Loaded Q&A files in ``folder``, named by the hash of what decides them."""

    def __init__(self, folder: Path, zone: ZoneInfo, authors: frozenset[str]) -> None:
        self.folder = folder
        self.salt = "\0".join((code_fingerprint(), zone.key, *sorted(authors))).encode()
        # A text's HTML depends on the code alone: not on the zone or the roster.
        self.texts_salt = f"{code_fingerprint()}\0texts\0".encode()

    def texts_name(self, display: str) -> str:
        """Return the name of the rendered texts of the file shown as ``display``."""
        digest = hashlib.sha256(self.texts_salt)
        digest.update(display.encode("utf-8", "surrogateescape"))
        return digest.hexdigest()

    def texts(self, display: str) -> RenderedTexts:
        """Return a renderer that knows the texts of ``display``'s last load."""
        return RenderedTexts(self._last_load(display, TEXTS))

    def put_texts(self, display: str, texts: RenderedTexts) -> None:
        """Keep the texts of this load of ``display`` (only those it used)."""
        self._keep_load(display, TEXTS, texts.used)

    def items(self, display: str) -> ItemParser:
        """Return a parser that knows the questions of ``display``'s last load, parsed."""
        return ItemParser(QUESTIONS, self._last_load(display, ITEMS))

    def put_items(self, display: str, items: ItemParser) -> None:
        """Keep the questions of this load of ``display``, parsed (only those it used)."""
        self._keep_load(display, ITEMS, items.used)

    def _last_load(self, display: str, suffix: str) -> dict[bytes, Any]:
        """What the last load of ``display`` kept under ``suffix`` (none yet, or damaged:
        nothing, and all of it is made again)."""
        try:
            # Local build state, as trusted as plugins/ beside it (see the module's note).
            known = pickle.loads((self.folder / f"{self.texts_name(display)}{suffix}")  # noqa: S301
                                 .read_bytes())
        except Exception:  # noqa: BLE001
            return {}
        return known if isinstance(known, dict) else {}

    def _keep_load(self, display: str, suffix: str, used: dict[bytes, Any]) -> None:
        data = pickle.dumps(used, protocol=pickle.HIGHEST_PROTOCOL)
        with contextlib.suppress(OSError):
            write_atomic(self.folder / f"{self.texts_name(display)}{suffix}", data)

    def key(self, path: Path, display: str) -> str:
        """Return the name of ``path``'s loaded result (shown as ``display`` in problems)."""
        digest = hashlib.sha256(self.salt)
        digest.update(b"\0" + display.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(path.read_bytes())
        return digest.hexdigest()

    def _file(self, key: str) -> Path:
        return self.folder / f"{key}{SUFFIX}"

    def get(self, key: str) -> Any:
        """Return the stored result of ``key``, or None if there is none (or it is unreadable)."""
        try:
            data = self._file(key).read_bytes()
        except OSError:  # not stored, or no folder to read
            return None
        try:
            # Local build state, as trusted as plugins/ beside it (see the module's note).
            return pickle.loads(data)  # noqa: S301
        except Exception:  # noqa: BLE001 - a damaged or foreign file is a miss, loaded again
            with contextlib.suppress(OSError):
                self._file(key).unlink()
            return None

    def has(self, key: str) -> bool:
        """Return whether ``key`` is stored."""
        return self._file(key).is_file()

    def put(self, key: str, result: Any) -> None:
        """Store ``result`` under ``key`` in one step; a folder that cannot be written is
        left alone (the caller sees it with ``has``)."""
        data = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        with contextlib.suppress(OSError):
            write_atomic(self._file(key), data)

    def encodings(self, key: str, questions: tuple[Any, ...]) -> list[bytes | None]:
        """Return how each of ``questions`` (the loaded result of ``key``) is encoded in
        the rebuild's digests (``Fingerprinter.encode``): kept beside the result since
        the build that loaded it, or worked out now and kept.

        They are a pure function of the questions, so of ``key``, which holds the
        code of ``candor_common`` (where the encoding is made) too.
        """
        path = self.folder / f"{key}{ENCODINGS}"
        try:
            # Local build state, as trusted as plugins/ beside it (see the module's note).
            known = pickle.loads(path.read_bytes())  # noqa: S301
        except Exception:  # noqa: BLE001 - none yet, or damaged: worked out again
            known = None
        if isinstance(known, list) and len(known) == len(questions):
            return known
        fingerprints = Fingerprinter()
        made = [fingerprints.encode(question) for question in questions]
        with contextlib.suppress(OSError):
            write_atomic(path, pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL))
        return made

    def keep_only(self, keys: set[str], texts: set[str]) -> int:
        """Remove every stored result but ``keys`` (the files this build loaded), and every
        file's texts but ``texts`` (their ``texts_name``); return how many were removed.
        The folder so never grows beyond the site's Q&A files."""
        removed = 0
        try:
            names = os.listdir(self.folder)
        except OSError:
            return 0
        for name in names:
            stale = ((name.endswith(SUFFIX) and name[: -len(SUFFIX)] not in keys)
                     or (name.endswith(ENCODINGS) and name[: -len(ENCODINGS)] not in keys)
                     or (name.endswith(TEXTS) and name[: -len(TEXTS)] not in texts)
                     or (name.endswith(ITEMS) and name[: -len(ITEMS)] not in texts))
            if stale or name.startswith("."):  # or a write that was cut short
                try:
                    (self.folder / name).unlink()
                except OSError:
                    continue
                removed += 1
        return removed


class RenderedTexts:
    """``render_reader_markdown``, remembering each text's HTML by the text's hash.

    ``known``: the texts of the file's last load; ``used``: those of this one.
    """

    def __init__(self, known: dict[bytes, Markup]) -> None:
        self.known = known
        self.used: dict[bytes, Markup] = {}
        self.rendered = 0

    def __call__(self, text: str) -> Markup:
        """Return the sanitized HTML of ``text``; render it only if it is new."""
        key = hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()
        html = self.known.get(key)
        if html is None:
            html = render_reader_markdown(text)
            self.rendered += 1
        self.used[key] = html
        return html


def cache_for(settings: Any, zone: ZoneInfo, authors: frozenset[str]) -> LoadCache | None:
    """Return the build's load cache, or None when QA_DIGEST_CACHE is off."""
    if not settings.get("QA_DIGEST_CACHE"):
        return None
    return LoadCache(Path(settings["CACHE_PATH"]) / FOLDER, zone, authors)


@cache
def code_fingerprint(plugins: Path = PLUGINS) -> str:
    """Hash the code (PACKAGES under ``plugins``) and library versions that decide a
    loaded thread."""
    digest = hashlib.sha256(f"{FORMAT} {platform.python_version()} "
                            f"libyaml {yaml.__with_libyaml__}".encode())
    for library in LIBRARIES:
        digest.update(f"\0{library} {version(library)}".encode())
    for package in PACKAGES:
        for source in sorted((plugins / package).glob("*.py")):
            digest.update(f"\0{package}/{source.name}\0".encode())
            digest.update(source.read_bytes())
    return digest.hexdigest()
