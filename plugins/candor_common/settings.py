"""Merge a plugin's defaults into Pelican's settings and reject unknown keys."""

from __future__ import annotations

import difflib
from collections.abc import Mapping, MutableMapping
from typing import Any

from candor_common.errors import ConfigError


def apply_defaults(
    settings: MutableMapping[str, Any], prefix: str, defaults: Mapping[str, Any]
) -> None:
    """Fill in missing ``prefix*`` settings and fail on misspelled ones.

    Values the user set are never mutated: defaults are copied in only where
    the key is absent. Any other key that starts with ``prefix`` is an error
    that suggests the closest valid name.
    """
    unknown = sorted(k for k in settings if k.startswith(prefix) and k not in defaults)
    if unknown:
        lines = []
        for key in unknown:
            close = difflib.get_close_matches(key, defaults, n=1)
            hint = f"did you mean {close[0]}?" if close else "see docs/settings.md"
            lines.append(f"pelicanconf: {key}: unknown setting. {hint}")
        raise ConfigError("\n".join(lines))
    for key, value in defaults.items():
        if key not in settings:
            settings[key] = value


def require_type(
    settings: Mapping[str, Any], key: str, expected: type | tuple[type, ...], what: str
) -> None:
    """Raise ConfigError if ``settings[key]`` is not of the expected type."""
    value = settings.get(key)
    if not isinstance(value, expected):
        msg = f"pelicanconf: {key}: expected {what}, got {value!r}. Set {key} to {what}."
        raise ConfigError(msg)


def require_count(settings: Mapping[str, Any], key: str, example: int) -> None:
    """Raise ConfigError unless ``settings[key]`` is a whole number of 1 or more."""
    value = settings.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        msg = (f"pelicanconf: {key}: expected a whole number of 1 or more, got {value!r}. "
               f"Set it to e.g. {example}.")
        raise ConfigError(msg)
