"""Load YAML data files safely, keeping the line of every mapping entry."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from candor_common.errors import DataError, Problem


@dataclass(frozen=True)
class Located:
    """A YAML mapping's plain values plus the 1-based line of each key."""

    values: dict[str, Any]
    lines: dict[str, int]
    line: int

    def line_of(self, key: str) -> int:
        """Return the line of ``key``, or of the mapping itself if it is absent."""
        return self.lines.get(key, self.line)


def _to_python(node: yaml.Node) -> Any:
    if isinstance(node, yaml.MappingNode):
        values: dict[str, Any] = {}
        lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            values[key] = _to_python(value_node)
            lines[key] = key_node.start_mark.line + 1
        return Located(values, lines, node.start_mark.line + 1)
    if isinstance(node, yaml.SequenceNode):
        return [_to_python(item) for item in node.value]
    try:
        return yaml.SafeLoader.construct_object(_LOADER, node, deep=True)  # type: ignore[arg-type]
    except (ValueError, yaml.YAMLError) as exc:  # a date like 2026-13-45, say
        raise BadValueError(node.start_mark.line + 1, str(node.value), str(exc)) from exc


class BadValueError(ValueError):
    """A value PyYAML's safe schema cannot build (a date that does not exist, say)."""

    def __init__(self, line: int, value: str, reason: str) -> None:
        super().__init__(f"line {line}: '{value}': {reason}")
        self.line, self.value, self.reason = line, value, reason


_LOADER = yaml.SafeLoader("")
# libyaml's parser when PyYAML was built with it (the wheels are): same safe
# schema, several times faster on large imports.
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_located(path: Path, display: str) -> Any:
    """Parse ``path`` with the safe loader; mappings become :class:`Located`.

    A syntax error becomes a :class:`DataError` naming ``display`` and the line.
    """
    return located(read_text(path, display), display)


def located(text: str, display: str) -> Any:
    """Parse ``text``, read from the file shown as ``display``, as ``load_located`` does."""
    try:
        return parse_located(text)
    except BadValueError as exc:
        raise DataError([Problem(display, exc.line, "YAML", f"'{exc.value}' cannot be read "
                                 f"({exc.reason})", "Write a date that exists, as YYYY-MM-DD "
                                 "or YYYY-MM-DD HH:MM, or quote a text that only looks like "
                                 "a date or a number")]) from exc
    except yaml.YAMLError as exc:  # the values' own errors are BadValueError: syntax
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        reason = getattr(exc, "problem", None) or str(exc)
        raise DataError([Problem(display, line, "YAML", f"invalid syntax: {reason}",
                                 "Fix the indentation or quoting on that line")]) from exc


def read_text(path: Path, display: str) -> str:
    """Return the text of ``path``; one that cannot be read is a :class:`DataError`."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError([Problem(display, None, "file", f"cannot be read ({exc})",
                                 "Save it as UTF-8 text")]) from exc


def parse_located(text: str) -> Any:
    """Parse YAML ``text`` as ``load_located`` does, but for errors: PyYAML's own, and
    :class:`BadValueError` for a value the safe schema cannot build."""
    try:
        node = yaml.compose(text, Loader=_FAST_LOADER)
        return None if node is None else _to_python(node)
    finally:
        # The shared loader remembers every object it built, keyed by node: forget
        # them, or every node of every file stays in memory for the whole build.
        _LOADER.constructed_objects.clear()
