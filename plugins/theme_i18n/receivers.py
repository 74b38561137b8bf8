"""Signal receivers of the theme_i18n plugin."""

from __future__ import annotations

import logging
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from babel.dates import format_date as babel_format_date
from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from candor_common.report import stop_on_problems
from candor_common.settings import apply_defaults
from theme_i18n.catalogs import Catalog, catalogs_in

logger = logging.getLogger(__name__)

DEFAULTS: dict[str, Any] = {
    # Folder of the theme's Babel catalogs; None means <THEME>/translations.
    "THEME_I18N_PATH": None,
    # Babel date format used by the `format_date` filter: short, medium, long or full.
    "THEME_I18N_DATE_FORMAT": "long",
    # Babel locale used for dates per page language (e.g. British English dates).
    "THEME_I18N_LOCALES": {"en": "en_GB", "es": "es_ES"},
}


def check_settings(pelican: Any) -> None:
    """Merge THEME_I18N_* defaults."""
    with stop_on_problems(logger, "theme_i18n"):
        apply_defaults(pelican.settings, "THEME_I18N_", DEFAULTS)


def page_lang(context: Context | dict[str, Any]) -> str:
    """Return the language of the page being rendered."""
    for name in ("article", "page"):
        item = context.get(name)
        if item is not None and getattr(item, "lang", None):
            return str(item.lang)
    return str(context.get("DEFAULT_LANG", "en"))


def _format(catalog: Catalog | None, message: str, autoescape: bool,
            variables: dict[str, Any]) -> str:
    """Translate ``message`` and format it as Jinja's newstyle gettext does."""
    text = catalog.gettext(message) if catalog else message
    rv = Markup(text) if autoescape else text  # noqa: S704 - theme strings, as Jinja does
    return rv % variables


def install_i18n(generator: Any) -> None:
    """Give the generator's Jinja environment gettext, current_lang() and date filters."""
    env = getattr(generator, "env", None)
    if env is None:
        return
    settings = generator.settings
    folder = settings.get("THEME_I18N_PATH") or str(Path(settings["THEME"]) / "translations")
    catalogs = catalogs_in(Path(folder))
    default_format = settings.get("THEME_I18N_DATE_FORMAT", "long")
    locales = settings.get("THEME_I18N_LOCALES", DEFAULTS["THEME_I18N_LOCALES"])

    # One call per string: Jinja's newstyle gettext would call _() → gettext() →
    # this plugin's lookup, each through Context.call (a quarter of a Q&A page's
    # rendering). These do the same in one step: translate in the page's
    # language, mark safe when autoescaping, then %-format with the variables.
    # A string without variables is formatted once per language.
    plain: dict[tuple[str, str, bool], str] = {}

    @pass_context
    def gettext(context: Context, message: str, **variables: Any) -> str:
        lang = page_lang(context)
        autoescape = context.eval_ctx.autoescape
        if not variables:
            key = (lang, message, autoescape)
            found = plain.get(key)
            if found is None:
                found = plain[key] = _format(catalogs.get(lang), message, autoescape, {})
            return found
        return _format(catalogs.get(lang), message, autoescape, variables)

    @pass_context
    def ngettext(context: Context, singular: str, plural: str, n: int,
                 **variables: Any) -> str:
        variables.setdefault("num", n)
        found = catalogs.get(page_lang(context))
        text = found.ngettext(singular, plural, n) if found else (
            singular if n == 1 else plural)
        rv = Markup(text) if context.eval_ctx.autoescape else text  # noqa: S704 - as above
        return rv % variables

    @pass_context
    def current_lang(context: Context) -> str:
        return page_lang(context)

    # A post's date appears on a dozen pages, and Babel is slow: format each day once.
    # Babel formats a datetime by its own calendar date, so the day is the whole key
    # (two equal datetimes in different zones can fall on different days).
    @lru_cache(maxsize=65536)
    def format_day(day: date, lang: str, fmt: str | None) -> str:
        return babel_format_date(day, format=fmt or default_format,
                                 locale=locales.get(lang, lang))

    def format_date(value: date | datetime, lang: str = "en",
                    fmt: str | None = None) -> str:
        day = value.date() if isinstance(value, datetime) else value
        return format_day(day, lang, fmt)

    def isodate(value: datetime) -> str:
        return value.isoformat(timespec="seconds")

    env.install_gettext_callables(gettext, ngettext, newstyle=True)  # type: ignore[attr-defined]
    # Jinja wraps the callables above in its own newstyle ones; use them directly.
    env.globals.update(_=gettext, gettext=gettext, ngettext=ngettext)
    env.globals["current_lang"] = current_lang
    env.filters["format_date"] = format_date
    env.filters["isodate"] = isodate
