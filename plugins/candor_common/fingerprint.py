"""Digest what a page is rendered from, so a rebuild can tell what did not change.

``Fingerprinter.digest(value)`` turns settings, a Pelican context or a
template's arguments into 16 bytes. Equal digests mean equal inputs, as far as
the encoding can see: strings, numbers, dates, containers, dataclasses,
objects' attributes (slots and ``__dict__``), functions by their code and
closure. A post or page (Pelican ``Content``) is encoded by its identity
(type, source file, output file, language) where it is referenced; what a page
reads of its attributes is digested apart (``post_digest`` digests them all,
once per build). Its body (``_content``) is left out: a page that shows a body
says so by reading it (see ``candor_common.rebuild``).

A dataclass field with ``metadata={"fingerprint": False}`` is left out (a line
number kept for messages, which no page shows: a question's line moves each
time an answer is added above it).

An object can say what it is made from with a ``__candor_fingerprint__()``
method (a render helper holding a template, say). An object the encoding
cannot see into (a generator, a file handle, anything
whose ``repr`` shows a memory address) makes the digest ``None``: such a page
is always rendered.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import hashlib
import marshal
import re
import types
from collections.abc import Iterable
from functools import partial
from pathlib import PurePath
from typing import Any

from pelican.contents import Content
from pelican.urlwrappers import URLWrapper

# Attributes of a post that are not what it shows: the whole context, the
# settings (digested with the context), and the body (tracked per page).
CONTENT_SKIP = frozenset({"_context", "settings", "_content"})
# Lists longer than this are digested once per build: Pelican writes pages only
# after every list is final (its phases), so a list does not change meanwhile.
LONG = 16
# Strings, numbers and dates up to this many bytes are encoded as themselves,
# not hashed: most of what a page is made from is short.
SHORT = 64
_SIZES = [bytes([size]) for size in range(256)]
_ADDRESS = re.compile(r" at 0x[0-9a-f]+", re.IGNORECASE)


class Opaque(Exception):
    """A value the encoding cannot see into."""


def content_identity(item: Any) -> str:
    """Name a post, page or static file the same way in every build."""
    try:
        save_as = getattr(item, "save_as", "")
    except NotImplementedError:  # Pelican's SkipStub has no output
        save_as = ""
    return "\x1f".join((type(item).__name__, str(getattr(item, "source_path", "")),
                        str(save_as), str(getattr(item, "lang", ""))))


class Fingerprinter:
    """Digest values; remembers objects it has seen, and every post it was shown."""

    def __init__(self) -> None:
        self._memo: dict[int, tuple[Any, bytes]] = {}  # id -> (object kept alive, digest)
        self._active: set[int] = set()
        self.contents: dict[str, Any] = {}  # identity -> the Content object
        self._identities: dict[int, tuple[str, bytes]] = {}  # id of a post -> identity, digest
        self._tables: dict[str, bytes] = {}  # identity -> digest of its attributes

    def digest(self, value: Any) -> bytes | None:
        """Return the 16-byte digest of ``value``, or None if part of it is opaque."""
        encoding = self.encode(value)
        return None if encoding is None else _final(encoding)

    def encode(self, value: Any) -> bytes | None:
        """Return how ``value`` is encoded inside the digests of what holds it (None: part
        of it is opaque); ``remember`` takes it back, in another build."""
        try:
            return self._digest(value)
        except Opaque:
            return None

    def remember(self, pairs: Iterable[tuple[Any, bytes]]) -> None:
        """Take each ``(value, encoding)`` as known: ``encoding`` is what ``encode`` gave for
        an object equal to ``value`` (a question loaded from the same file bytes, say), so
        ``value`` is not digested again."""
        for value, encoding in pairs:
            self._memo.setdefault(id(value), (value, encoding))

    def identity(self, item: Any) -> str:
        """Return the identity of a post (``content_identity``), worked out once per build."""
        return self._identify(item)[0]

    def _identify(self, item: Any) -> tuple[str, bytes]:
        known = self._identities.get(id(item))
        if known is None:
            identity = content_identity(item)
            self.contents.setdefault(identity, item)
            known = (identity, self._hash(b"c", [identity.encode()]))
            # The post is kept alive by self.contents (or by the memo, for a second
            # post with the same identity), so its id is not reused during the build.
            self._identities[id(item)] = known
            self._memo[id(item)] = (item, known[1])
        return known

    def post_digest(self, item: Any) -> bytes | None:
        """Digest every attribute of one post but its body (a page that read them all)."""
        identity = self.identity(item)
        known = self._tables.get(identity)
        if known is None:
            try:
                known = self._tables[identity] = self._post_table(identity, item)
            except Opaque:
                return None
        return _final(known)

    def _post_table(self, identity: str, item: Any) -> bytes:
        attributes = {name: value for name, value in vars(item).items()
                      if name not in CONTENT_SKIP}
        return self._hash(b"C", [identity.encode(), self._digest(attributes)])

    def _digest(self, value: Any) -> bytes:
        """Encode ``value`` (see ``_leaf``): short leaves as themselves, the rest hashed.

        How a value is encoded depends on its type alone (``_category``), worked out
        once per type.
        """
        kind = type(value)
        if kind is str:  # most values: _leaf, inline
            payload = value.encode("utf-8", "surrogatepass")
            if len(payload) <= SHORT:
                return b"s" + payload
            return b"#" + hashlib.blake2b(b"s" + payload, digest_size=16).digest()
        category = _CATEGORIES.get(kind)
        if category is None:
            category = _CATEGORIES[kind] = _category(kind)
        if category is _OBJECT:
            return self._object(value)
        if category is _SEQUENCE:
            if len(value) > LONG:  # the same list of posts is handed to many pages
                known = self._memo.get(id(value))
                if known is not None and known[0] is value:
                    return known[1]
            digest = self._hash(b"l", [self._digest(item) for item in value])
            if len(value) > LONG:
                self._memo[id(value)] = (value, digest)
            return digest
        if category is _TEXT:  # Markup too: the same text renders the same
            return _leaf(b"s", value.encode("utf-8", "surrogatepass"))
        if category is _NONE:
            return _leaf(b"n", repr(value).encode())
        if category is _NUMBER:
            return _leaf(b"i", repr(value).encode())
        if category is _MAPPING:
            return self._hash(b"m", self._pairs(value.items()))
        if category is _DATE:
            return _leaf(b"d", repr(value).encode())
        if category is _CONTENT:
            return self._identify(value)[1]
        if category is _BYTES:
            return _leaf(b"b", bytes(value))
        if category is _PATH:
            return _leaf(b"p", str(value).encode())
        if category is _SET:
            return self._hash(b"e", sorted(self._digest(item) for item in value))
        if category is _PATTERN:
            return self._hash(b"r", [repr(value.pattern).encode(), repr(value.flags).encode()])
        return self._hash(b"t", [_qualified(value).encode()])  # _NAMED

    def _object(self, value: Any) -> bytes:
        declared = getattr(type(value), "__candor_fingerprint__", None)
        if declared is not None:
            # A helper made for one page (a page's cards, which hold their renderer):
            # digested from what it declares, and not kept, so that it and what it
            # holds are let go once its page is written. What it declares is memoized.
            label = _qualified(type(value)).encode()
            return self._hash(b"X", [label, self._digest(declared(value))])
        key = id(value)
        known = self._memo.get(key)
        if known is not None:
            return known[1]
        if key in self._active:  # a cycle: name the type, the rest is being digested
            return self._hash(b"y", [type(value).__qualname__.encode()])
        self._active.add(key)
        try:
            result = self._object_parts(value)
        finally:
            self._active.discard(key)
        self._memo[key] = (value, result)
        return result

    def _object_parts(self, value: Any) -> bytes:
        label = _qualified(type(value)).encode()
        if isinstance(value, types.FunctionType):
            return self._function(value)
        if isinstance(value, types.MethodType):
            return self._hash(b"M", [self._digest(value.__self__), self._digest(value.__func__)])
        if isinstance(value, partial):
            return self._hash(b"P", [self._digest(value.func), self._digest(value.args),
                                     self._digest(value.keywords)])
        if isinstance(value, URLWrapper):
            # Its name and slug: what a tag, category or author shows, and its URLs are
            # made of (with the settings). Not its attributes: Pelican fills some lazily.
            return self._hash(b"u", [label, self._digest(value.name), self._digest(value.slug)])
        names = _dataclass_fields(type(value))
        if names is not None:  # as _pairs would encode (name, value) for each field
            parts = [label]
            for name, encoded in names:
                parts.append(encoded)
                parts.append(self._digest(getattr(value, name)))
            return self._hash(b"D", parts)
        slots = _slot_values(value)
        state = getattr(value, "__dict__", None)
        if state is None and slots is None:
            text = repr(value)
            if _ADDRESS.search(text):
                raise Opaque(label.decode())
            return self._hash(b"R", [label, text.encode()])
        return self._hash(b"O", [label, self._digest(slots or {}),
                                 self._digest(_public_vars(value) if state else {})])

    def _function(self, function: types.FunctionType) -> bytes:
        closure = [cell.cell_contents for cell in function.__closure__ or ()]
        return self._hash(b"F", [_qualified(function).encode(), marshal.dumps(function.__code__),
                                 self._digest(function.__defaults__),
                                 self._digest(function.__kwdefaults__),
                                 self._digest(closure)])

    def _pairs(self, items: Iterable[tuple[Any, Any]]) -> list[bytes]:
        # In order: a template that loops over a dict shows it in this order. Keys
        # and values alternate; every part is length-prefixed, so this is unambiguous.
        parts = []
        for key, value in items:
            parts.append(self._digest(key))
            parts.append(self._digest(value))
        return parts

    @staticmethod
    def _hash(tag: bytes, parts: list[bytes]) -> bytes:
        """Hash a tag and its parts: ``#`` and 16 bytes.

        Each part is prefixed by its length. Parts are encodings (at most
        ``SHORT`` + 1 bytes, so one byte of length) or other short byte strings;
        a longer part is hashed first, under its own tag.
        """
        data = [tag]
        add = data.extend
        for part in parts:
            size = len(part)
            if size > 255:
                add((_SIZES[17], b"#" + hashlib.blake2b(b"L" + part, digest_size=16).digest()))
            else:
                add((_SIZES[size], part))
        return b"#" + hashlib.blake2b(b"".join(data), digest_size=16).digest()


def _final(encoding: bytes) -> bytes:
    """Return 16 bytes for an encoding: a hashed value's own, or a leaf's hashed."""
    if encoding[:1] == b"#":
        return encoding[1:]
    return hashlib.blake2b(encoding, digest_size=16).digest()


def _leaf(tag: bytes, payload: bytes) -> bytes:
    """Encode a string, number or date: its tag and bytes, or hashed when long.

    Tags of leaves (``s n i b d p``) and of hashed values (``#``) differ, and the
    bytes hashed for a long leaf start with its tag, unlike any composite's.
    """
    if len(payload) <= SHORT:
        return tag + payload
    return b"#" + hashlib.blake2b(tag + payload, digest_size=16).digest()


# How ``Fingerprinter._digest`` encodes a value, by its type (``_category``).
_NONE, _TEXT, _NUMBER, _BYTES, _DATE, _PATH, _SEQUENCE, _MAPPING, _SET, _CONTENT, \
    _PATTERN, _NAMED, _OBJECT = (f"category {n}" for n in range(13))
_CATEGORIES: dict[type, str] = {}


def _category(kind: type) -> str:
    """Say how a value of type ``kind`` is encoded: the first that fits, in this order."""
    if kind is type(None) or kind is bool:
        return _NONE
    if issubclass(kind, str):  # Markup too: the same text renders the same
        return _TEXT
    if kind in (int, float, complex) or issubclass(kind, enum.Enum):
        return _NUMBER  # exactly a number (a subclass is an object), or an enum
    for category, bases in (
        (_BYTES, (bytes, bytearray)),
        (_DATE, (dt.date, dt.time, dt.timedelta)),
        (_PATH, (PurePath,)),
        (_SEQUENCE, (list, tuple)),
        (_MAPPING, (dict,)),
        (_SET, (set, frozenset)),
        (_CONTENT, (Content,)),
        (_PATTERN, (re.Pattern,)),
        (_NAMED, (type, types.ModuleType, types.BuiltinFunctionType)),
    ):
        if issubclass(kind, bases):
            return category
    return _OBJECT


_FIELDS: dict[type, tuple[tuple[str, bytes], ...] | None] = {}


def _dataclass_fields(kind: type) -> tuple[tuple[str, bytes], ...] | None:
    """Name the fields of dataclass ``kind`` that are digested, each with its name's
    encoding (None: not a dataclass); worked out once per type.

    A field marked metadata={"fingerprint": False} is for messages only, never
    shown (where a question starts in its file): not part of what a page shows.
    """
    if kind in _FIELDS:
        return _FIELDS[kind]
    names = None
    if dataclasses.is_dataclass(kind):
        names = tuple((field.name, _leaf(b"s", field.name.encode("utf-8", "surrogatepass")))
                      for field in dataclasses.fields(kind)
                      if field.metadata.get("fingerprint", True))
    _FIELDS[kind] = names
    return names


def _public_vars(value: Any) -> dict[str, Any]:
    return {name: item for name, item in vars(value).items() if name != "settings"}


def _slot_values(value: Any) -> dict[str, Any] | None:
    names = [name for klass in type(value).__mro__
             for name in getattr(klass, "__slots__", ()) if name not in ("__dict__",
                                                                          "__weakref__")]
    if not names:
        return None
    return {name: getattr(value, name) for name in names if hasattr(value, name)}


def _qualified(value: Any) -> str:
    return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', repr(value))}"
