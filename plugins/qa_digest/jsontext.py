"""Indented JSON text, byte for byte what ``json.dumps`` writes, about 1.5 times faster.

With ``indent`` set, Python 3.11's ``json`` encodes in pure Python with one
generator per list and mapping and one step per token: most of the time of
``digest.json``. Here each list and mapping is one ``join`` of its items, and
strings go through the C function ``json`` itself uses. Types are checked in
``json``'s order; whatever is not one of JSON's own types (or a key ``json``
would refuse) falls back to ``json.dumps`` itself, so the result, or the
error, is always the one ``json.dumps`` gives.

``chunks`` gives the same text in pieces, for a document too large to hold
whole (``digest.json`` of a town hall of 100,000 questions is 82 MB, and its
pieces several times that while they are joined).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from json.encoder import encode_basestring
from typing import Any


class Raw(str):
    """JSON text made for its place in a document (``text`` at the same level), written as
    it is: the part of ``digest.json`` a build kept (``exportcache``)."""


class _Unsupported(Exception):
    """A value or key that only ``json.dumps`` knows how to write (or refuse)."""


def chunks(data: Any, indent: int = 1, depth: int = 1) -> Iterator[str]:
    """Yield ``json.dumps(data, ensure_ascii=False, indent=indent)`` in pieces.

    Lists and mappings nested less than ``depth`` deep are written item by item;
    each item deeper down is one piece. At those levels a generator is written
    as a list (``json.dumps`` refuses one): a caller can make the items one at a
    time, so that neither they nor the text are ever held whole. What
    ``json.dumps`` refuses is refused with its error, once the pieces before it
    were given.
    """
    yield from _pieces(data, 0, " " * indent, depth, set())


def text(value: Any, level: int, indent: int = 1, depth: int = 1) -> str:
    """Return ``value`` as ``chunks`` writes it nested ``level`` deep in a document
    (every line after the first indented as there): for a ``Raw`` put in its place."""
    return "".join(_pieces(value, level, " " * indent, depth, set()))


def _pieces(value: Any, level: int, step: str, depth: int, open_ids: set[int]
            ) -> Iterator[str]:
    if type(value) is Raw:
        yield value
        return
    is_list = isinstance(value, list | tuple | Iterator)
    if level >= depth or not (is_list or isinstance(value, dict)):
        yield _whole(value, level, step)
        return
    if id(value) in open_ids:
        msg = "Circular reference detected"  # json's words
        raise ValueError(msg)
    open_ids.add(id(value))
    items = iter(value) if is_list else iter(value.items())
    first = next(items, _END)
    if first is _END:
        yield "[]" if is_list else "{}"
    else:
        inner = "\n" + step * (level + 1)
        yield ("[" if is_list else "{") + inner
        item: Any = first
        while item is not _END:
            if not is_list:
                key, item = item
                yield encode_basestring(key if type(key) is str else _checked_key(key)) + ": "
            yield from _pieces(item, level + 1, step, depth, open_ids)
            item = next(items, _END)
            if item is not _END:
                yield "," + inner
        yield "\n" + step * level + ("]" if is_list else "}")
    open_ids.discard(id(value))


_END = object()


def _whole(value: Any, level: int, step: str) -> str:
    """Encode ``value`` at nesting ``level`` in one piece, as ``json.dumps`` would there."""
    try:
        return _value(value, level, step)
    except (_Unsupported, RecursionError):  # RecursionError: a cycle, which json reports
        # json.dumps' own text (or error): nested, each line is indented by ``level`` more.
        text = json.dumps(value, ensure_ascii=False, indent=len(step))
        return text.replace("\n", "\n" + step * level)


def _checked_key(key: Any) -> str:
    try:
        return _key(key)
    except _Unsupported:
        json.dumps({key: None})  # raises json's own TypeError for this key
        raise


def _value(value: Any, level: int, step: str) -> str:
    """Encode one value at nesting ``level``, checking types in the order ``json`` does."""
    if isinstance(value, str):
        return value if type(value) is Raw else encode_basestring(value)
    scalar = _scalar(value)
    if scalar is not None:
        return scalar
    if isinstance(value, list | tuple):
        return _list(value, level, step)
    if isinstance(value, dict):
        return _dict(value, level, step)
    raise _Unsupported


def _scalar(value: Any) -> str | None:
    """Return None, a boolean or a number as ``json`` writes it (a key too); None otherwise.

    ``True`` and ``False`` are checked before ``int`` (they are ints), as in ``json``.
    """
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return _float(value)
    return None


def _list(items: list[Any] | tuple[Any, ...], level: int, step: str) -> str:
    if not items:
        return "[]"
    inner = "\n" + step * (level + 1)
    parts = [encode_basestring(item) if type(item) is str else _value(item, level + 1, step)
             for item in items]
    return "[" + inner + ("," + inner).join(parts) + "\n" + step * level + "]"


def _dict(mapping: dict[Any, Any], level: int, step: str) -> str:
    if not mapping:
        return "{}"
    inner = "\n" + step * (level + 1)
    parts = []
    for key, value in mapping.items():
        name = encode_basestring(key if type(key) is str else _key(key))
        kind = type(value)  # the commonest exact types first; the rest as json orders them
        if kind is str:
            parts.append(name + ": " + encode_basestring(value))
        elif value is None:
            parts.append(name + ": null")
        elif kind is int:
            parts.append(name + ": " + int.__repr__(value))
        else:
            parts.append(name + ": " + _value(value, level + 1, step))
    return "{" + inner + ("," + inner).join(parts) + "\n" + step * level + "}"


def _key(key: Any) -> str:
    """Return a mapping key as the string ``json`` makes of it."""
    if isinstance(key, str):
        return key
    text = _scalar(key)
    if text is None:
        raise _Unsupported
    return text


def _float(value: float) -> str:
    if value != value:  # noqa: PLR0124 - NaN
        return "NaN"
    if value == float("inf"):
        return "Infinity"
    if value == -float("inf"):
        return "-Infinity"
    return float.__repr__(value)
