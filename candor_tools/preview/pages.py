"""The preview server's own page, for when the site has no page to show yet."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, Template, select_autoescape

TEMPLATES = Path(__file__).resolve().parent / "templates"


@cache
def _template() -> Template:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(),
                      trim_blocks=True, lstrip_blocks=True)
    return env.get_template("fallback.html")


def fallback_page(status: dict[str, Any]) -> bytes:
    """Render the page shown when output/ has neither the page nor a 404.html."""
    return _template().render(status=status).encode("utf-8")
