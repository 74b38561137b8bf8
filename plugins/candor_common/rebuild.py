"""What the last build wrote and from what, so a rebuild renders only what changed.

A ``RebuildState`` belongs to one build. For each output it is asked about
(a page's ``write_file`` call, a feed), it computes a key: the digest of
everything that output is made from (``candor_common.fingerprint``) plus the
digest of the code and templates that make it (``static_digest``). Posts are
in the key by identity only; what the output read of them is checked apart.
An output records, while it is made, every attribute it reads of every post
(``tracking``: each attribute lookup on a post is seen, in templates, filters
and Pelican's own methods alike), and the digest of their values; a new title
re-renders the pages that read that title, not every page. It records the
names of the shared context its templates looked up too (each lookup a Jinja
context makes is seen), and the digest of their values: its key holds the
settings and ``KEYED`` only, so an answered question re-renders the pages that
show the Q&A digest, not every page that links to it.

An output may be left as it is only when

- the last successful build made it with the same key,
- the bodies of the posts it showed (``_content``, which the key leaves out
  so that one edited post does not change every page) are unchanged,
- the attributes and context names it read have the values they had, and
- every file it wrote is still there, with the size and modification time
  recorded then.

Otherwise it is rendered, and what it read is recorded. The records are saved
in ``CACHE_PATH`` at the end of a successful build only.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import sys
import tempfile
import types
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html import unescape
from importlib.metadata import version
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from jinja2.runtime import Context as TemplateContext
from pelican.contents import Content

from candor_common import collector
from candor_common.fingerprint import Fingerprinter
from candor_common.journal import Journal
from candor_common.paths import display_path, inside
from candor_common.statefile import read_state, write_state

logger = logging.getLogger(__name__)

FORMAT = 5
FILE_PREFIX = "candor-rebuild-"
# The records of a build that changed few of them are saved as those changes only, in a
# second file beside the last whole one (``RebuildState.save``), until they are more
# than this share of all the records.
CHANGES_SHARE = 0.25
# Keys of the shared context that change while pages are written, or say only
# when the build ran: Candor's templates never read the build time (a test
# checks); what it decides (embargoes, overdue follow-ups) is in the context.
# DEBUG (`pelican --debug`) only shows tracebacks: asking the debug log why pages
# are made again must not make every page again.
VOLATILE = frozenset({"localsiteurl", "output_file", "CANDOR_BUILD_TIME", "DEBUG"})
# Pelican fills these in the order it finds files, which varies from run to run;
# nothing shows them in that order.
UNORDERED = frozenset({"generated_content", "static_content"})
# Names of the shared context that Python code reads without a template looking
# them up: Pelican resolves a post's {static} and {attach} links from these. They
# are in every output's key. Its {filename} links are resolved from
# ``generated_content``, which changes with every post added: what each link found
# is digested with the body instead (``body_digest``), so a new post renders the
# pages that show it, and those whose links find it, not every page.
KEYED = ("static_content", "static_links")
LIBRARIES = ("pelican", "jinja2", "markdown", "feedgen", "lxml", "nh3", "babel",
             "markupsafe", "pyyaml")
_SKIP_DIRS = {"__pycache__", ".mypy_cache", ".pytest_cache"}

# Attributes of a post a record does not list: the context and settings
# (digested with the key); the body and what is made from it (``Reads.bodies``);
# ``url_format``, which holds the time for an undated page, and whose parts
# (metadata, slug, lang, date, author, category) are read, and noted, to make it.
NOT_READ = frozenset({"_context", "settings", "_content", "content", "summary", "url_format"})
ALL = "*"  # the output read vars(post): it depends on every attribute
MISSING = b"\0missing"
_ABSENT = object()
METHOD = b"\0method"

_OPEN: dict[str, RebuildState] = {}


@dataclass
class Record:
    """One output as the build that made it saw it."""

    key: str
    deps: dict[str, str] = field(default_factory=dict)  # post identity -> body digest
    files: dict[str, list[int]] = field(default_factory=dict)  # relative path -> [size, mtime]
    # post identity -> [the attributes read, sorted; the digest of their values]
    reads: dict[str, list[Any]] = field(default_factory=dict)
    # [the shared context's names looked up, sorted; the digest of their values]
    names: list[Any] = field(default_factory=list)

    def as_json(self, tables: Tables) -> dict[str, Any]:
        """Return the record for the state file, posts and name lists as numbers in ``tables``."""
        return {"key": self.key, "files": self.files,
                "deps": [[tables.post(i), digest] for i, digest in self.deps.items()],
                "reads": [[tables.post(i), tables.names(names), digest]
                          for i, (names, digest) in self.reads.items()],
                "names": [tables.names(self.names[0]), self.names[1]] if self.names else []}

    @classmethod
    def from_json(cls, raw: Any, posts: list[str], names: list[list[str]]) -> Record:
        """Read a record of the state file (KeyError, TypeError, ValueError or IndexError
        if it is damaged)."""
        deps = {posts[int(i)]: str(digest) for i, digest in raw["deps"]}
        reads = {posts[int(i)]: [names[int(n)], str(digest)] for i, n, digest in raw["reads"]}
        files = {str(p): [int(n) for n in v] for p, v in raw["files"].items()}
        looked_up = [names[int(raw["names"][0])], str(raw["names"][1])] if raw["names"] else []
        return cls(str(raw["key"]), deps, files, reads, looked_up)


class Tables:
    """The posts and attribute-name lists of a state file, each written once, by number."""

    def __init__(self) -> None:
        self._posts: dict[str, int] = {}
        self._names: dict[tuple[str, ...], int] = {}

    def post(self, identity: str) -> int:
        """Return the number of ``identity``."""
        return self._posts.setdefault(identity, len(self._posts))

    def names(self, names: list[str]) -> int:
        """Return the number of a list of attribute names."""
        return self._names.setdefault(tuple(names), len(self._names))

    def as_json(self) -> dict[str, Any]:
        """Return the tables for the state file."""
        return {"posts": list(self._posts), "names": [list(n) for n in self._names]}


def _changes_file(state_file: Path) -> Path:
    """Where the changes since the whole state file ``state_file`` are kept."""
    return state_file.with_name(f"{state_file.stem}.changes.json")


def _records(data: dict[str, Any], field: str) -> dict[str, Record]:
    """Read the records in ``data[field]``, numbered against ``data``'s tables; skip
    damaged ones."""
    posts = [str(p) for p in data.get("posts", [])]
    names = [[str(n) for n in group] for group in data.get("names", [])]
    records = {}
    for name, raw in data.get(field, {}).items():
        try:
            records[name] = Record.from_json(raw, posts, names)
        except (KeyError, TypeError, ValueError, IndexError, AttributeError):
            continue
    return records


class Reads:
    """What an output read while it was made: post bodies and attributes."""

    def __init__(self) -> None:
        self.unknown = False  # a part whose reads were not seen was used
        self.bodies: list[Any] = []
        self.attributes: dict[int, tuple[Any, set[str]]] = {}  # id(post) -> post, names
        self.names: set[str] = set()  # the names templates looked up in their context

    def note(self, item: Any, name: str) -> None:
        """Note that attribute ``name`` of the post ``item`` was read."""
        entry = self.attributes.get(id(item))
        if entry is None:
            self.attributes[id(item)] = entry = (item, set())
        entry[1].add(name)

    def update(self, other: Reads) -> None:
        """Add what ``other`` read (a part made once and used again, say)."""
        self.unknown = self.unknown or other.unknown
        self.bodies.extend(other.bodies)
        self.names |= other.names
        for item, names in other.attributes.values():
            for name in names:
                self.note(item, name)


class RebuildState:
    """The records of the last build, and those of this one."""

    def __init__(self, output_path: str, cache_file: Path | None, static: str,
                 settings: dict[str, Any] | None = None) -> None:
        self.output_path = os.path.abspath(output_path)
        self.cache_file = cache_file
        self.static = static
        self.settings = settings or {}
        self._settings: object = _ABSENT  # their digest, made once (_settings_digest)
        self.previous: dict[str, Record] = {}
        self.current: dict[str, Record] = {}
        # The last whole state file's records and generation (None: none was read); the
        # records of the changes file, if one was read on top of it, are in previous.
        self._base: dict[str, Record] = {}
        self._generation: str | None = None
        self.previous_contexts: frozenset[str] = frozenset()  # known_values' markers
        self.fingerprints = Fingerprinter()
        self._values: dict[tuple[str, int], tuple[Any, bytes | None]] = {}
        # (names, their values' identities) -> names_digest's answer
        self._names: dict[tuple[tuple[str, ...], tuple[int, ...]], str | None] = {}
        self._markers: set[bytes] = set()  # the values known_values was asked about
        self._bodies: dict[str, str] = {}
        self._read_values: dict[tuple[str, str], bytes | None] = {}
        self._reads: dict[tuple[str, tuple[str, ...]], str | None] = {}
        # the last build's name -> digest of its value ("": several), for the debug log
        self.previous_values: dict[str, str] = {}
        self.written: set[str] = set()  # every file this build wrote or kept (relative)
        # Files this build writes, listed before each is written; and those listed by
        # builds that did not finish (journal.py).
        self.journal: Journal | None = None
        self.unfinished: set[str] = set()
        self.reused = 0
        self.rendered = 0
        self.why: Counter[str] = Counter()  # why outputs were made again -> how many
        # A worker process's records and files as it inherited them (begin_part).
        self._inherited: tuple[dict[str, Record], set[str]] = ({}, set())

    # -- keys ---------------------------------------------------------------
    def key(self, context: dict[str, Any] | None, *call: Any) -> str | None:
        """Return the key of an output made from ``context`` and ``call``; None: always make it.

        The posts' attributes, and the shared context but the settings and
        ``KEYED``, are left out: what the output reads of them is recorded instead
        (``tracking``, ``remember``).
        """
        parts = [self.static.encode()]
        if context is not None:
            shared = self._settings_digest()
            keyed = self.names_digest(context, KEYED, shared=True)
            if shared is None or keyed is None:
                return None
            parts += [shared, keyed.encode()]
        own = self.fingerprints.digest(call)
        if own is None:
            return None
        parts.append(own)
        return hashlib.blake2b(b"".join(parts), digest_size=16).hexdigest()

    def _settings_digest(self) -> bytes | None:
        """Digest the settings once per build, when the first page is written (they are
        not changed while pages are written; every page's key holds them)."""
        if self._settings is _ABSENT:
            parts = []
            for name, value in self.settings.items():
                if name in VOLATILE:
                    continue
                known = self._value_of(name, value)
                if known is None:
                    logger.debug("rebuild: %s cannot be digested; every page is made", name)
                    self._settings = None
                    return None
                parts.append(known)
            self._settings = hashlib.blake2b(b"".join(parts), digest_size=16).digest()
        return self._settings  # type: ignore[return-value]

    def _value_of(self, name: str, value: Any) -> bytes | None:
        """Digest one value of a context, once per build (by name and identity)."""
        known = self._values.get((name, id(value)))
        if known is None:
            shown = sorted(value.items()) if name in UNORDERED else value
            known = (value, self.fingerprints.digest({name: shown}))
            self._values[(name, id(value))] = known
        return known[1]

    def names_digest(self, context: dict[str, Any], names: Any, *,
                     shared: bool = False) -> str | None:
        """Digest the values ``names`` have in ``context`` (None: one is opaque).

        ``shared``: ``context`` is the one shared context of the pages, where every
        page of a kind looks up the same names and finds the same values; the
        answer is then remembered by the names and the identity of each value
        (each value digested is kept by ``_value_of``, so no identity is reused
        while the build lasts; the values after an opaque one are not digested,
        but that answer is None, and a page found so is made again). At 100,000
        questions that is 50,000 question pages checked in a build with two
        look-ups each.
        """
        if not shared:
            return self._digest_names(context, names)
        names = tuple(names)
        memo_key = (names, tuple([id(context.get(name, _ABSENT)) for name in names]))
        known = self._names.get(memo_key, _ABSENT)
        if known is _ABSENT:
            known = self._names[memo_key] = self._digest_names(context, names)
        return known  # type: ignore[return-value]

    def _digest_names(self, context: dict[str, Any], names: Any) -> str | None:
        parts = []
        for name in names:
            known = self._name_digest(context, name)
            if known is None:
                return None
            parts += [name.encode(), known]
        return hashlib.blake2b(b"\0".join(parts), digest_size=8).hexdigest()

    def _name_digest(self, context: dict[str, Any], name: str) -> bytes | None:
        value = context.get(name, _ABSENT)
        return MISSING if value is _ABSENT else self._value_of(name, value)

    def _names_changed(self, context: dict[str, Any], names: list[str]) -> list[str]:
        """The names among ``names`` whose value is not the last build's (of the names
        the last build saw with one value only)."""
        changed = []
        for name in names:
            before, now = self.previous_values.get(name), self._name_digest(context, name)
            if before and now is not None and now.hex() != before:
                changed.append(name)
        return changed

    def _name_values(self) -> dict[str, str]:
        """Each name this build digested a value of -> that digest ("": several values)."""
        found: dict[str, str] = {}
        for (name, _identity), (_value, digest) in self._values.items():
            if digest is not None:
                found[name] = "" if found.get(name, digest.hex()) != digest.hex() \
                    else digest.hex()
        return dict(sorted(found.items()))

    def known_values(self, context: dict[str, Any], names: Any) -> bool:
        """True if the settings, and the value of each of ``names`` in ``context``, are
        those of a context the last build asked about (the pages made from it are then
        likely to be left as they are). Only those names are digested: not the rest of
        the context. What this build was asked about is saved for the next one."""
        settings = self._settings_digest()
        parts = [b"" if settings is None else settings]
        for name in names:
            if name in context:
                now = self._name_digest(context, name)
                if now is None:
                    return False
                parts += [name.encode(), now]
        marker = hashlib.blake2b(b"\0".join(parts), digest_size=16).digest()
        self._markers.add(marker)
        return settings is not None and marker.hex() in self.previous_contexts

    def body_digest(self, item: Any) -> str:
        """Digest the body of a post (what ``key`` leaves out), with what its
        ``{filename}`` links find."""
        identity = self.fingerprints.identity(item)
        known = self._bodies.get(identity)
        if known is None:
            body = str(getattr(item, "_content", None) or "")
            digest = hashlib.blake2b(body.encode("utf-8", "surrogatepass"), digest_size=16)
            digest.update(self._links_found(item, body))
            known = self._bodies[identity] = digest.hexdigest()
        return known

    def _links_found(self, item: Any, body: str) -> bytes:
        """Name what each ``{filename}`` link of ``body`` finds in ``generated_content``.

        Pelican resolves such a link when a page shows the body
        (``Content._link_replacer``): it looks the path up as written, unquoted and
        unescaped, relative to the post's folder unless it starts with "/". Every
        one of those paths is named here with the post found there (its identity
        and URL) or none, so a post added, removed or moved at a linked path gives
        another digest. A link that finds nothing falls back to ``static_content``,
        which is in every key (``KEYED``).
        """
        if "filename" not in body:
            return b""
        # Pelican's own lookup table and link pattern, as _link_replacer uses them (a
        # post without a context cannot show a {filename} link: Pelican fails first).
        contents = (item._context or {}).get("generated_content", {})  # noqa: SLF001
        found = set()
        for match in item._get_intrasite_link_regex().finditer(body):  # noqa: SLF001
            if match.group("what") != "filename":
                continue
            value = urlparse(match.group("value"))
            for written in {value.path, unquote(value.path),
                            urlparse(unescape(value.geturl())).path}:
                path = written[1:] if written.startswith("/") else \
                    item.get_relative_source_path(os.path.join(item.relative_dir, written))
                target = contents.get(path)
                found.add("\0".join((path, "", "") if target is None else
                                     (path, self.fingerprints.identity(target), target.url)))
        return "\n".join(sorted(found)).encode("utf-8", "surrogatepass")

    def reads_digest(self, item: Any, names: list[str]) -> str | None:
        """Digest the values of the attributes ``names`` of ``item`` (None: one is opaque)."""
        identity = self.fingerprints.identity(item)
        memo_key = (identity, tuple(names))
        if memo_key in self._reads:
            return self._reads[memo_key]
        parts = []
        for name in names:
            known = self._read_values.get((identity, name), b"")
            if known == b"":
                known = self._read_values[(identity, name)] = self._value_digest(item, name)
            if known is None:
                return None
            parts.append(name.encode())
            parts.append(known)
        digest = hashlib.blake2b(b"\0".join(parts), digest_size=8).hexdigest()
        self._reads[memo_key] = digest
        return digest

    def _value_digest(self, item: Any, name: str) -> bytes | None:
        if name == ALL:
            return self.fingerprints.post_digest(item)
        try:
            value = getattr(item, name)
        except AttributeError:
            return MISSING
        except Exception:  # noqa: BLE001 - a property that fails: make the page every time
            return None
        if isinstance(value, types.MethodType) and value.__self__ is item:
            # Its code is in the static digest; what it reads of the post is noted when
            # it runs (and the bodies, for Pelican's memoized get_content/get_summary).
            return METHOD
        return self.fingerprints.digest(value)

    # -- decisions -----------------------------------------------------------
    def reusable(self, name: str, key: str | None,
                 context: dict[str, Any] | None = None) -> bool:
        """True if ``name`` may be left as the last build wrote it (and keep its record).

        ``context``: the shared context of the output, whose looked-up names
        are checked.
        """
        why = self._changed(name, key, context)
        if why:
            logger.debug("rebuild: %s is made again: %s", name, why)
            self.why[why] += 1
            return False
        self.current[name] = self.previous[name]
        self.reused += 1
        return True

    def _changed(self, name: str, key: str | None, context: dict[str, Any] | None) -> str:
        """Say what changed since the last build made ``name`` ("": nothing did)."""
        record = self.previous.get(name)
        if key is None:
            return "what it is made from cannot be digested"
        if record is None:
            return "the last build did not make it"
        if record.key != key:
            return "its template, code, settings or own arguments"
        if record.names and (context is None
                             or self.names_digest(context, record.names[0],
                                                   shared=True) != record.names[1]):
            changed = [] if context is None else self._names_changed(context, record.names[0])
            named = ", ".join(changed[:4]) + (", ..." if len(changed) > 4 else "")
            count = f"one of {len(record.names[0])} names"
            return f"what it looked up in the shared context ({named or count})"
        for identity, body in record.deps.items():
            item = self.fingerprints.contents.get(identity)
            if item is None or self.body_digest(item) != body:
                return f"the body of {_shown(identity)}, or what its links find"
        for identity, (names, value) in record.reads.items():
            item = self.fingerprints.contents.get(identity)
            if item is None or self.reads_digest(item, names) != value:
                shown = ", ".join(names[:4]) + (", ..." if len(names) > 4 else "")
                return f"what it read of {_shown(identity)} ({shown})"
        for relative, (size, mtime) in record.files.items():
            try:
                stat = os.stat(os.path.join(self.output_path, relative))
            except OSError:
                return f"{relative} is gone"
            if stat.st_size != size or stat.st_mtime_ns != mtime:
                return f"{relative} was changed since"
        return ""

    def remember(self, name: str, key: str | None, reads: Reads | None,
                 files: list[str], *, context: dict[str, Any] | None = None,
                 own: Any = ()) -> None:
        """Record an output just made: its key, what it read of the posts, its files.

        ``context``: the shared context of the output; the names its templates
        looked up in it (but ``own``, the names the call gave, which are in its
        key) are recorded with their values' digest.
        """
        self.rendered += 1
        for path in files:
            self.wrote(path)
        if key is None:
            self.current.pop(name, None)
            return
        deps, read = {}, {}
        if reads is not None and reads.unknown:
            self.current.pop(name, None)
            return
        if reads is not None:
            deps = {self.fingerprints.identity(item): self.body_digest(item)
                    for item in reads.bodies}
            for item, names in reads.attributes.values():
                sorted_names = sorted(names)
                value = self.reads_digest(item, sorted_names)
                if value is None:  # no record: made again next time
                    self.current.pop(name, None)
                    return
                read[self.fingerprints.identity(item)] = [sorted_names, value]
        looked_up: list[Any] = []
        if reads is not None and context is not None:
            context_names = sorted(reads.names.difference(VOLATILE, own))
            digest = self.names_digest(context, context_names)
            if digest is None:
                self.current.pop(name, None)
                return
            looked_up = [context_names, digest]
        stats: dict[str, list[int]] = {}
        for path in files:
            try:
                stat = os.stat(path)
            except OSError:
                return  # not written after all: no record, made again next time
            stats[inside(path, self.output_path)] = [stat.st_size, stat.st_mtime_ns]
        self.current[name] = Record(key, deps, stats, read, looked_up)

    def writing(self, path: str) -> None:
        """Note in the journal that ``path`` is about to be written."""
        if self.journal is not None:
            self.journal.note(inside(path, self.output_path))

    def wrote(self, path: str) -> None:
        """Note a file this build wrote (or left as the last build wrote it)."""
        self.written.add(inside(path, self.output_path))

    def remove_stale(self) -> list[str]:
        """Remove the files the last build wrote that this build did not; return them.

        A page or feed whose post was deleted, renamed or held back is no longer
        made; its old file would stay in the output folder (and in the search
        index made from it). Only files recorded by the last successful build,
        still with the size and modification time it recorded (nobody changed
        them since), are removed, then their folders if that leaves them empty.
        """
        kept = set(self.written)
        for record in self.current.values():
            kept.update(record.files)
        removed: list[str] = []
        for record in self.previous.values():
            for relative, (size, mtime) in record.files.items():
                if relative in kept or relative.startswith(".."):
                    continue
                path = os.path.join(self.output_path, relative)
                try:
                    stat = os.stat(path)
                except OSError:
                    continue
                if stat.st_size != size or stat.st_mtime_ns != mtime:
                    continue
                self._remove(path, relative, removed)
        # What a build that did not finish wrote, and this one did not make.
        for relative in sorted(self.unfinished - kept):
            path = os.path.join(self.output_path, relative)
            if not relative.startswith("..") and os.path.isfile(path):
                self._remove(path, relative, removed)
        if self.journal is not None:
            self.journal.finish()
        return sorted(removed)

    def reasons(self, shown: int = 5) -> str:
        """Say why outputs were made again, the commonest first ("" if none was)."""
        common = self.why.most_common()
        said = "; ".join(f"{count} × {why}" for why, count in common[:shown])
        rest = sum(count for _, count in common[shown:])
        return said + (f"; {rest} for other reasons" if rest else "")

    def _remove(self, path: str, relative: str, removed: list[str]) -> None:
        os.remove(path)
        removed.append(relative)
        _remove_empty_folders(os.path.dirname(path), self.output_path)

    # -- the state file ------------------------------------------------------
    def load(self) -> None:
        """Read the last build's records, if they were made by this code for this folder:
        the last whole state file, and the changes file saved since on top of it."""
        if self.cache_file is None:
            return
        with collector.paused():  # tens of thousands of records, no cycle
            self._load(self.cache_file)

    def _load(self, cache_file: Path) -> None:
        data = read_state(cache_file)
        if data is None or not self._usable(data):
            return
        self._base = self.previous = _records(data, "outputs")
        self._use_names(data)
        generation = data.get("generation")
        if not isinstance(generation, str):
            return
        self._generation = generation
        changes = read_state(_changes_file(cache_file))
        if changes is not None and self._usable(changes) and changes.get("base") == generation:
            self.previous = {**self._base, **_records(changes, "outputs")}
            for name in changes.get("dropped", []):
                self.previous.pop(str(name), None)
            self._use_names(changes)

    def _usable(self, data: dict[str, Any]) -> bool:
        """True if ``data`` is records this code wrote for this folder."""
        return (data.get("format") == FORMAT
                and data.get("static") == self.static
                and data.get("output") == self.output_path)

    def _use_names(self, data: dict[str, Any]) -> None:
        """Take the shared contexts' digests and the names' values the records say."""
        contexts = data.get("contexts", [])
        self.previous_contexts = frozenset(str(c) for c in contexts if isinstance(c, str))
        values = data.get("values", {})
        if isinstance(values, dict):
            self.previous_values = {str(k): str(v) for k, v in values.items()}

    @collector.paused()  # every record turned into JSON
    def save(self) -> None:
        """Write this build's records atomically.

        When the last whole state file was read and this build's records differ from
        it in few outputs (``CHANGES_SHARE``), only those are written, to the changes
        file named after it, in place of the last one: after one edit at 100,000
        questions that is a few hundred records, not 56,000 (14 MB). Otherwise the
        whole state is written under a new generation, and the changes file, which
        names the one before, is removed (were the build stopped in between, the next
        one would see it name another generation and leave it unread).
        """
        if self.cache_file is None:
            return
        contexts = sorted(marker.hex() for marker in self._markers)
        header = {"format": FORMAT, "static": self.static, "output": self.output_path,
                  "contexts": contexts, "values": self._name_values()}
        if self._generation is not None:
            base = self._base
            changed = [name for name, record in self.current.items()
                       if base.get(name) != record]
            dropped = [name for name in base if name not in self.current]
            if len(changed) + len(dropped) <= CHANGES_SHARE * max(len(base), 1):
                tables = Tables()
                outputs = {name: self.current[name].as_json(tables) for name in sorted(changed)}
                write_state(_changes_file(self.cache_file), {
                    **header, "base": self._generation, **tables.as_json(),
                    "outputs": outputs, "dropped": sorted(dropped)})
                return
        tables = Tables()
        outputs = {name: self.current[name].as_json(tables) for name in sorted(self.current)}
        generation = uuid.uuid4().hex
        write_state(self.cache_file, {**header, "generation": generation,
                                      **tables.as_json(), "outputs": outputs})
        _changes_file(self.cache_file).unlink(missing_ok=True)
        self._base, self._generation = dict(self.current), generation

    def begin_part(self) -> None:
        """Start counting and recording a worker process's own share (``save_part``):
        what the fork inherited is the parent's already."""
        self.rendered = self.reused = 0
        self.why.clear()
        self._inherited = (dict(self.current), set(self.written))

    def save_part(self, parent: int, rank: int) -> None:
        """Write what this worker process did since ``begin_part``, for the parent (pid)
        to merge: its counts, the files it wrote, and its records. An output it left as
        the last build made it goes by name only (the parent holds that record too);
        a record it made goes whole; an inherited record it dropped, by name.

        Pickled: the parent is this process's own fork, running the same code, and
        reads the file once, at once (JSON took ~0.6 s longer each way for the
        25,000 records of half the question pages at 100,000 questions; the records
        of the pages left alone, sent whole, took ~0.3 s to write and ~0.75 s to read
        there).
        """
        records, written = self._inherited
        reused, made = [], {}
        for name, record in self.current.items():
            if records.get(name) is record:
                continue
            if self.previous.get(name) is record:
                reused.append(name)
            else:
                made[name] = record
        dropped = [name for name in records if name not in self.current]
        part = self._part_file(parent, rank)
        part.parent.mkdir(parents=True, exist_ok=True)
        with part.open("wb") as out:
            pickle.dump({"rendered": self.rendered, "reused": self.reused,
                         "written": self.written - written, "why": self.why,
                         "kept": reused, "records": made, "dropped": dropped},
                        out, protocol=pickle.HIGHEST_PROTOCOL)

    @collector.paused()  # a worker's records
    def merge_part(self, parent: int, rank: int) -> None:
        """Take in a worker's records, the files it wrote, and its counts of pages rendered
        and left alone (a file it wrote without a record, an output that could not be
        recorded, is this build's too: ``remove_stale`` must not take it for stale)."""
        part = self._part_file(parent, rank)
        try:
            with part.open("rb") as source:
                data = pickle.load(source)  # noqa: S301 - written by this build's own fork
        finally:
            part.unlink(missing_ok=True)
        self.rendered += data["rendered"]
        self.reused += data["reused"]
        self.written.update(data["written"])
        self.why.update(data["why"])
        previous, current = self.previous, self.current
        for name in data["kept"]:
            current[name] = previous[name]
        current.update(data["records"])
        for name in data["dropped"]:
            current.pop(name, None)

    def _part_file(self, parent: int, rank: int) -> Path:
        folder = self.cache_file.parent if self.cache_file else Path(tempfile.gettempdir())
        return folder / f".rebuild-part-{parent}-{rank}"


# -- what an output reads of the posts ------------------------------------------
_TRACKING: list[Reads] = []  # innermost last; one output is made at a time
_object_getattribute = object.__getattribute__
_resolve_or_missing = TemplateContext.resolve_or_missing


@contextmanager
def tracking() -> Iterator[Reads]:
    """Collect what is read of the posts inside the block: every attribute, and the
    bodies (a page that shows a body or a summary made from it).

    A block inside another adds what it read to the outer one too. While a
    block is open, every attribute lookup on a post (Pelican's ``Content``) is
    noted, whoever makes it: a template, a filter, a method; and every name a
    Jinja context looks up (a template's variables, ``context.get`` in a
    filter), in the page's context or any made from it (includes, imports,
    macros, blocks).
    """
    reads = Reads()
    _TRACKING.append(reads)
    if "__getattribute__" not in Content.__dict__:
        Content.__getattribute__ = _reading  # type: ignore[method-assign,assignment]
        TemplateContext.resolve_or_missing = _looking_up  # type: ignore[method-assign]
    try:
        yield reads
    finally:
        _TRACKING.pop()
        if _TRACKING:
            _TRACKING[-1].update(reads)
        elif "__getattribute__" in Content.__dict__:
            del Content.__getattribute__
            TemplateContext.resolve_or_missing = _resolve_or_missing  # type: ignore[method-assign]


@contextmanager
def part() -> Iterator[Reads | None]:
    """Make a part that later outputs use again (a card, a partial, a feed entry).

    Inside an output's block it collects what the part reads (and adds it to
    that output's); keep it with the part and give it to ``note_reads`` at
    each use. Outside any block it yields None.
    """
    if not _TRACKING:
        yield None
        return
    with tracking() as reads:
        yield reads


def note_reads(reads: Reads | None) -> None:
    """Add what a part read (``part``) to the open block, if any.

    None (the part was made outside any block: what it read is unknown) makes
    the output unrecordable: it is rendered again by the next build.
    """
    if _TRACKING:
        if reads is None:
            _TRACKING[-1].unknown = True
        else:
            _TRACKING[-1].update(reads)


def _reading(self: Any, name: str) -> Any:
    if _TRACKING:
        if name[:2] == "__":
            if name == "__dict__":
                _TRACKING[-1].note(self, ALL)
        elif name not in NOT_READ:
            _TRACKING[-1].note(self, name)
    return _object_getattribute(self, name)


def _looking_up(self: TemplateContext, key: str) -> Any:
    if _TRACKING:
        _TRACKING[-1].names.add(key)
    return _resolve_or_missing(self, key)


def _watch(method: Any, *, summary: bool) -> Any:
    # ``method`` is the class's own attribute (Pelican's ``memoized`` descriptor): a
    # second page gets the first one's result without reading anything, so the body
    # is noted here. A summary from the ``Summary`` field reads ``metadata`` (noted
    # by the lookup itself).
    def watched(self: Any, siteurl: str) -> Any:
        if _TRACKING and not (summary and "summary" in self.metadata):
            _TRACKING[-1].bodies.append(self)
        return method.__get__(self, type(self))(siteurl)
    watched.__wrapped__ = method  # type: ignore[attr-defined]
    return watched


def watch_bodies() -> None:
    """Make Pelican's ``get_content`` and ``get_summary`` say when a page reads a body."""
    if not hasattr(Content.__dict__["get_content"], "__wrapped__"):
        Content.get_content = _watch(Content.__dict__["get_content"], summary=False)  # type: ignore[method-assign]
        Content.get_summary = _watch(Content.__dict__["get_summary"], summary=True)  # type: ignore[method-assign]


# -- the open state of a build -------------------------------------------------
def open_state(settings: dict[str, Any], output_path: str) -> RebuildState:
    """Start this build's state for ``output_path`` and load the last build's records."""
    cache = settings.get("CACHE_PATH")
    state = RebuildState(output_path, state_file(cache, output_path) if cache else None,
                         static_digest(settings, output_path), settings)
    with collector.loading():  # the records are kept until the build ends
        state.load()
    if state.cache_file is not None:
        state.journal = Journal(state.cache_file.with_suffix(".journal"))
        state.unfinished = state.journal.unfinished()
    _OPEN[state.output_path] = state
    watch_bodies()
    return state


def state_file(cache: str | Path, output_path: str) -> Path:
    """Where the records of the builds into ``output_path`` are kept.

    One file per output folder, so that two folders built from the same
    content (``make build`` into output/, ``make serve`` into its own) do not
    undo each other's records.
    """
    folder = hashlib.sha256(os.path.abspath(output_path).encode()).hexdigest()[:12]
    return Path(cache) / f"{FILE_PREFIX}{folder}.json"


def state_for(output_path: str) -> RebuildState | None:
    """Return the open state for ``output_path`` (None: this build renders everything)."""
    return _OPEN.get(os.path.abspath(output_path))


def close_state(output_path: str, *, save: bool) -> RebuildState | None:
    """End the build's state, saving it if the build succeeded; return it."""
    state = _OPEN.pop(os.path.abspath(output_path), None)
    if state is not None and save:
        state.save()
    if state is not None and state.journal is not None and not save:
        state.journal.close()  # its list stays: the next build removes what is left
    return state


def _shown(identity: str) -> str:
    """The source file of a post's identity, as users type it."""
    return display_path(Path(identity.split(chr(31))[1]))


def _remove_empty_folders(folder: str, root: str) -> None:
    """Remove ``folder`` and its parents while they are empty, up to ``root`` (kept)."""
    root = os.path.abspath(root)
    folder = os.path.abspath(folder)
    while folder != root and folder.startswith(root + os.sep):
        try:
            os.rmdir(folder)  # only an empty folder
        except OSError:
            return
        folder = os.path.dirname(folder)


def static_digest(settings: dict[str, Any], output_path: str) -> str:
    """Digest the code and templates every output is made with, and where it goes.

    The theme's static folders (``THEME_STATIC_PATHS``: its CSS, scripts and
    images) are left out: pages link to those files by name, no template or
    plugin reads them, and Pelican copies them apart; a stylesheet edited is
    then the one file a rebuild writes.
    """
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{FORMAT}\0{sys.version}\0{os.path.abspath(output_path)}\0".encode())
    for name in LIBRARIES:
        try:
            digest.update(f"{name}={version(name)}\0".encode())
        except Exception:  # noqa: BLE001 - a missing library simply has no version
            digest.update(f"{name}=-\0".encode())
    theme = settings.get("THEME")
    if theme:
        _digest_tree(digest, Path(theme), skip=theme_static_folders(settings))
    for folder in [*settings.get("PLUGIN_PATHS", ()),
                   *settings.get("THEME_TEMPLATES_OVERRIDES", ())]:
        if folder:
            _digest_tree(digest, Path(folder))
    return digest.hexdigest()


def theme_static_folders(settings: dict[str, Any]) -> set[Path]:
    """The theme's static folders that hold no templates or translations (resolved)."""
    theme = Path(settings["THEME"]).resolve()
    rendered = [theme / "templates", theme / "translations"]
    folders = set()
    for name in settings.get("THEME_STATIC_PATHS", ()):
        folder = (theme / name).resolve()
        if (folder != theme and folder.is_relative_to(theme)
                and not any(used.is_relative_to(folder) for used in rendered)):
            folders.add(folder)
    return folders


def _digest_tree(digest: Any, folder: Path, skip: frozenset[Path] | set[Path] = frozenset()
                 ) -> None:
    digest.update(f"tree\0{folder.resolve()}\0".encode())
    files = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS
                         and (Path(root) / d).resolve() not in skip)
        files += [Path(root) / name for name in names if not name.endswith(".pyc")]
    for path in sorted(files):
        digest.update(f"{path.relative_to(folder)}\0".encode())
        digest.update(hashlib.blake2b(path.read_bytes(), digest_size=16).digest())
