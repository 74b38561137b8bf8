"""Who is who: the accounts by which each executive is known in each comment system.

Kept in ``content/qa-identities.yml`` (beside the roster, not inside content/qa/, where
every .yml file is a Q&A thread) or given with ``--identity SLUG=ACCOUNT``::

    ana-ruiz:
      disqus: anaruiz
      github: [ana-ruiz-tg, aruiz]
      mastodon: ana@social.tidewater.example
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from candor_tools.qa_import.errors import ImportOptionError
from candor_tools.qa_import.formats import FORMATS

SOURCES = tuple(sorted(set(FORMATS.values())))


@dataclass
class Identities:
    """Account (lowercased) -> executive slug, for one source."""

    source: str
    accounts: dict[str, str] = field(default_factory=dict)

    def executive(self, names: Iterable[str]) -> str | None:
        """Return the executive's slug if any of ``names`` is one of their accounts."""
        for name in names:
            slug = self.accounts.get(name.strip().lower())
            if slug:
                return slug
        return None


def load_identities(path: Path | None, display: str, source: str, roster: frozenset[str],
                    extra: Iterable[str] = ()) -> Identities:
    """Read the identities file (if it exists) and ``--identity SLUG=ACCOUNT`` options."""
    found = Identities(source)
    if path is not None and path.is_file():
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            mark = getattr(exc, "problem_mark", None)
            line = f":{mark.line + 1}" if mark else ""
            msg = f"{display}{line}: cannot be read as YAML. Fix the indentation or quoting."
            raise ImportOptionError(msg) from exc
        if not isinstance(data, dict):
            msg = f"{display}: expected one block per executive slug. See docs/migration.md."
            raise ImportOptionError(msg)
        for slug, systems in data.items():
            _check_slug(str(slug), roster, display)
            if not isinstance(systems, dict):
                msg = f"{display}: {slug}: expected 'system: account' lines, e.g. disqus: ana"
                raise ImportOptionError(msg)
            for system, accounts in systems.items():
                if system not in SOURCES:
                    msg = (f"{display}: {slug}: '{system}' is not a comment system. "
                           f"Use one of: {', '.join(SOURCES)}.")
                    raise ImportOptionError(msg)
                if system == source:
                    for account in [accounts] if isinstance(accounts, str) else accounts or []:
                        found.accounts[str(account).strip().lower()] = str(slug)
    for option in extra:
        slug, sep, account = option.partition("=")
        if not sep or not account.strip():
            msg = f"--identity {option}: write it as SLUG=ACCOUNT, e.g. ana-ruiz=anaruiz."
            raise ImportOptionError(msg)
        _check_slug(slug.strip(), roster, "--identity")
        found.accounts[account.strip().lower()] = slug.strip()
    return found


def _check_slug(slug: str, roster: frozenset[str], where: str) -> None:
    if slug not in roster:
        msg = (f"{where}: '{slug}' is not in the authors roster; only executives answer. "
               f"Use one of: {', '.join(sorted(roster))}.")
        raise ImportOptionError(msg)
