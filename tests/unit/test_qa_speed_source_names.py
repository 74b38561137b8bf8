"""qs.source_name (partials/qa_scorecard.html) is one branch per source now; it
writes what the dictionary of every label, each translated on every call, wrote."""

from __future__ import annotations

import pytest
from jinja2 import Environment, FileSystemLoader

from qa_digest.model import SOURCES
from tests.helpers import REPO

# The macro as it was: a dictionary of every label, looked up by source.
BEFORE = """{% macro source_name(source) -%}
{{ {
  "form": _("Web form"),
  "email": _("E-mail"),
  "town-hall": _("Town hall"),
  "disqus": "Disqus",
  "wordpress": "WordPress",
  "isso": "Isso",
  "remark42": "Remark42",
  "staticman": "Staticman",
  "github": "GitHub",
  "mastodon": "Mastodon",
  "csv": _("Imported list"),
  "other": _("Other"),
}.get(source, source) }}
{%- endmacro %}"""


@pytest.mark.parametrize("autoescape", [True, False])
@pytest.mark.parametrize("source", [*SOURCES, "unknown <source> & co", ""])
def test_source_name_writes_what_the_dictionary_wrote(source, autoescape):
    env = Environment(loader=FileSystemLoader(REPO / "theme" / "templates"),
                      autoescape=autoescape)  # noqa: S701 - both modes compared
    env.globals["_"] = lambda message: f"«{message}»"  # shows which label was translated
    new = env.get_template("partials/qa_scorecard.html").make_module({"h": object()})
    old = env.from_string(BEFORE).module
    assert str(new.source_name(source)) == str(old.source_name(source))
