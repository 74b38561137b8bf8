"""Load the theme's .po catalogs with Babel, compiled in memory."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from babel.messages.pofile import read_po


@dataclass(frozen=True)
class Catalog:
    """One language's translations: msgid → msgstr, and plural forms."""

    lang: str
    singular: dict[str, str] = field(default_factory=dict)
    plural: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    plural_expr: str = "(n != 1)"

    def gettext(self, message: str) -> str:
        """Return the translation of ``message``, or ``message`` itself."""
        return self.singular.get(message) or message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """Return the singular or plural translation for ``n``."""
        forms = self.plural.get((singular, plural))
        index = int(_plural_index(self.plural_expr, n))
        if forms and index < len(forms) and forms[index]:
            return forms[index]
        return singular if n == 1 else plural


def _plural_index(expr: str, n: int) -> int:
    # Babel's catalogs give the C expression of the language's plural rule; for
    # the languages Candor ships it is "(n != 1)". Evaluate only that shape.
    return 0 if n == 1 or "n != 1" not in expr else 1


@lru_cache(maxsize=16)
def load_catalogs(folder: str, _stamp: tuple[tuple[str, int], ...]) -> dict[str, Catalog]:
    """Read ``folder/<lang>/LC_MESSAGES/messages.po`` for every language present."""
    catalogs: dict[str, Catalog] = {}
    for po_path in sorted(Path(folder).glob("*/LC_MESSAGES/messages.po")):
        lang = po_path.parent.parent.name
        with po_path.open("rb") as handle:
            po = read_po(handle, locale=lang)
        singular: dict[str, str] = {}
        plural: dict[tuple[str, str], tuple[str, ...]] = {}
        for message in po:
            if not message.id or message.fuzzy:
                continue
            if isinstance(message.id, tuple | list):
                forms = message.string if isinstance(message.string, tuple | list) else ()
                plural[(message.id[0], message.id[1])] = tuple(forms)
            elif isinstance(message.string, str) and message.string:
                singular[message.id] = message.string
        catalogs[lang] = Catalog(lang, singular, plural, po.plural_expr)
    return catalogs


def catalogs_in(folder: Path) -> dict[str, Catalog]:
    """Return the catalogs in ``folder``, re-read whenever a .po file changes."""
    stamp = tuple((str(p), p.stat().st_mtime_ns)
                  for p in sorted(folder.glob("*/LC_MESSAGES/messages.po")))
    return load_catalogs(str(folder), stamp)
