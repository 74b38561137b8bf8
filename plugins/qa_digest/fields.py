"""Read typed values out of a YAML mapping, recording a Problem for each bad one."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from candor_common.errors import Problem
from candor_common.yamlfile import Located

SLUG_RE = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
DATE_HELP = "Write it as YYYY-MM-DD HH:MM, e.g. 2026-03-02 09:30"
PERSONAL_KEYS = {"email", "e-mail", "e_mail", "mail", "ip", "ip_address", "ipaddress",
                 "remote_addr", "phone", "telephone", "user_agent", "useragent"}


@dataclass
class Reader:
    """Typed access to one mapping of one file; problems accumulate in ``problems``."""

    path: str
    mapping: Located
    zone: ZoneInfo
    problems: list[Problem] = field(default_factory=list)

    def problem(self, key: str, what: str, fix: str) -> None:
        """Record a problem with ``key`` at its line."""
        self.problems.append(Problem(self.path, self.mapping.line_of(key), key, what, fix))

    def check_keys(self, allowed: tuple[str, ...]) -> None:
        """Flag personal-data keys and unknown keys (with the closest known one)."""
        for key in self.mapping.values:
            if key.lower() in PERSONAL_KEYS:
                self.problem(key, "personal data has no place in Q&A files",
                             "Remove the line; readers' e-mail addresses, IPs and phone "
                             "numbers are never stored or published")
            elif key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1)
                fix = (f"Did you mean '{close[0]}'?" if close
                       else f"Remove it (known fields: {', '.join(allowed)})")
                self.problem(key, "unknown field", fix)

    def text(self, key: str, *, required: bool = True, fix: str = "") -> str | None:
        """Return a non-empty string, or None (recording a problem if required)."""
        value = self.mapping.values.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.problem(key, "is missing or empty", fix or f"Add '{key}: ...'")
            return None
        if isinstance(value, bool | list | Located):
            self.problem(key, "must be text", fix or f"Write {key} as text")
            return None
        return str(value).strip()

    def moment(self, key: str, *, required: bool = True) -> datetime | None:
        """Return an aware datetime from a YAML date/time or ISO string."""
        value = self.mapping.values.get(key)
        if value is None:
            if required:
                self.problem(key, "is missing", DATE_HELP)
            return None
        if isinstance(value, datetime):
            moment = value
        elif isinstance(value, date):
            moment = datetime.combine(value, time())
        else:
            try:
                moment = datetime.fromisoformat(str(value))
            except ValueError:
                self.problem(key, f"'{value}' is not a date and time", DATE_HELP)
                return None
        return moment if moment.tzinfo else moment.replace(tzinfo=self.zone)

    def day(self, key: str) -> date | None:
        """Return a date (a due date)."""
        moment = self.moment(key)
        return moment.date() if moment else None

    def slug(self, key: str, *, required: bool = True) -> str | None:
        """Return a lowercase slug (ids, author slugs)."""
        value = self.text(key, required=required)
        if value is not None and not SLUG_RE.match(value):
            self.problem(key, f"'{value}' is not a valid id",
                         "Use lowercase letters, digits and hyphens, e.g. spring-0042")
            return None
        return value

    def count(self, key: str) -> int:
        """Return a whole number ≥ 0 (0 when absent)."""
        value = self.mapping.values.get(key, 0)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            self.problem(key, f"'{value}' is not a whole number of 0 or more",
                         "Write a number such as 12")
            return 0
        return value

    def words(self, key: str) -> tuple[str, ...]:
        """Return a list of short strings (topics, hosts); a single string is one item."""
        value = self.mapping.values.get(key, [])
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(i, str) and i.strip()
                                                  for i in items):
            self.problem(key, "must be a list of words", f"Write {key}: [pricing, jobs]")
            return ()
        return tuple(i.strip() for i in items)

    def choice(self, key: str, options: tuple[str, ...], *, default: str | None = None
               ) -> str | None:
        """Return one of ``options``."""
        value = self.mapping.values.get(key, default)
        if value in options:
            return str(value)
        close = difflib.get_close_matches(str(value), options, n=1)
        hint = f"Did you mean '{close[0]}'? " if close else ""
        what = "is missing" if value is None else f"'{value}' is not allowed"
        self.problem(key, what, f"{hint}Use one of: {', '.join(options)}")
        return None

    def child(self, key: str) -> Reader | None:
        """Return a Reader for a nested mapping, or None if absent or not a mapping."""
        value = self.mapping.values.get(key)
        if value is None:
            return None
        if not isinstance(value, Located):
            self.problem(key, "must be a block of fields", f"Indent the fields under {key}:")
            return None
        return Reader(self.path, value, self.zone, self.problems)
