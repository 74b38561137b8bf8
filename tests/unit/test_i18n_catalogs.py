from pathlib import Path

from jinja2 import Environment

from theme_i18n.catalogs import catalogs_in
from theme_i18n.receivers import install_i18n

PO = '''\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

msgid "Subscribe"
msgstr "Suscribirse"

msgid "%(num)d minute read"
msgid_plural "%(num)d minutes read"
msgstr[0] "%(num)d minuto de lectura"
msgstr[1] "%(num)d minutos de lectura"
'''


def write_catalog(folder: Path) -> None:
    target = folder / "es" / "LC_MESSAGES"
    target.mkdir(parents=True)
    (target / "messages.po").write_text(PO, encoding="utf-8")


def test_catalog_translates_and_pluralises(tmp_path):
    write_catalog(tmp_path)
    es = catalogs_in(tmp_path)["es"]
    assert es.gettext("Subscribe") == "Suscribirse"
    assert es.gettext("Unknown") == "Unknown"
    plural = es.ngettext("%(num)d minute read", "%(num)d minutes read", 3)
    assert plural == "%(num)d minutos de lectura"


def test_templates_speak_the_language_of_the_page(tmp_path):
    write_catalog(tmp_path)
    env = Environment(extensions=["jinja2.ext.i18n"], autoescape=True)
    generator = type("G", (), {"env": env, "settings": {
        "THEME": str(tmp_path), "THEME_I18N_PATH": str(tmp_path),
        "THEME_I18N_DATE_FORMAT": "long", "THEME_I18N_LOCALES": {"en": "en_GB"}}})()
    install_i18n(generator)
    template = env.from_string(
        "{{ current_lang() }}|{{ _('Subscribe') }}|{{ ngettext('%(num)d minute read', "
        "'%(num)d minutes read', 2) }}|{{ when|format_date(current_lang()) }}")
    from datetime import date
    article = type("A", (), {"lang": "es"})()
    assert template.render(article=article, when=date(2025, 3, 14), DEFAULT_LANG="en") == (
        "es|Suscribirse|2 minutos de lectura|14 de marzo de 2025")
    assert template.render(when=date(2025, 3, 14), DEFAULT_LANG="en") == (
        "en|Subscribe|2 minutes read|14 March 2025")
