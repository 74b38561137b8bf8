"""Render a partial template once per distinct input, for every page that shows it.

A partial's output is a function of the context values it reads: the names it
and every template it includes or imports use (``jinja2.meta``), and
``ALWAYS_READ`` (what the i18n functions read without a template naming it).
Pages (or cards) that agree on all of them, strings and numbers by value and
anything else by identity, can be given the first rendering. The Q&A pages
share their layout partials and macro modules this way (``qa_digest.pages``);
the post lists share their cards (``publishing.cards``).

With the incremental rebuild, what a shared rendering read of the posts and of
the context is credited to every page that uses it (``rebuild.part``,
``rebuild.note_reads``).
"""

from __future__ import annotations

from typing import Any

from jinja2 import meta
from jinja2.runtime import Context
from jinja2.utils import concat
from markupsafe import Markup

# Read by the i18n functions (_, ngettext, current_lang) without appearing in a template.
ALWAYS_READ = frozenset({"article", "page", "DEFAULT_LANG"})
MISSING = object()


def unseen(context: Context, name: str) -> Any:
    """Look ``name`` up as ``context.get`` does, without the incremental rebuild noting it.

    The sharing keys hold every name a template could read, in any branch; a page
    that uses a shared rendering is credited with the names it did read when it was
    rendered (``rebuild.part``), so a name only another branch reads (the list of
    every post, say) does not make every page render again when it changes.
    """
    if name in context.vars:
        return context.vars[name]
    return context.parent.get(name, MISSING)


def render_include(template: Any, context: Context,
                   local_vars: dict[str, Any] | None = None) -> Markup:
    """Render ``template`` as ``{% include %}`` does from ``context`` (with the including
    block's ``local_vars``); autoescaped HTML."""
    html = concat(template.root_render_func(
        template.new_context(context.get_all(), True, local_vars or {})))
    return Markup(html)  # noqa: S704 - a template's own autoescaped output


def names_read(env: Any, name: str, seen: set[str] | None = None) -> frozenset[str] | None:
    """Return the context names ``name`` and the templates it uses read, or None if unknown
    (a template named by an expression)."""
    seen = seen if seen is not None else {name}
    ast = env.parse(env.loader.get_source(env, name)[0])
    names = set(meta.find_undeclared_variables(ast)) | ALWAYS_READ
    for other in meta.find_referenced_templates(ast):
        if other is None:
            return None
        if other not in seen:
            seen.add(other)
            found = names_read(env, other, seen)
            if found is None:
                return None
            names |= found
    return frozenset(names)


def identity(value: Any) -> tuple[Any, ...]:
    """A value's part of a sharing key: strings, numbers and None by value, the rest by
    identity (the caller keeps those objects alive while the key is in use)."""
    if value is None or type(value) in (str, int, float, bool):
        return (type(value), value)
    return (id(value),)
