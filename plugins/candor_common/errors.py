"""Exception classes shared by every Candor plugin.

Every problem a user can cause is a :class:`CandorError` whose message names the
file, the line where it can, the field, the problem and the fix, in the form
``path:line: field: problem. fix.``
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one input file, as the user will read it."""

    path: str
    line: int | None
    field: str
    problem: str
    fix: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        problem = self.problem.rstrip(".")
        fix = self.fix if self.fix.endswith(("?", "!", ".")) else f"{self.fix}."
        return f"{where}: {self.field}: {problem}. {fix}"


class CandorError(Exception):
    """Base class of every error raised by Candor's plugins."""


class ConfigError(CandorError):
    """A setting in pelicanconf.py or publishconf.py is unknown or has a wrong value."""


class DataError(CandorError):
    """An input file (front matter, a data file) has one or more problems.

    ``problems`` holds each :class:`Problem`; ``str()`` lists them one per line.
    """

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.path, p.line or 0))
        super().__init__("\n".join(str(p) for p in self.problems))


class FrontMatterError(DataError):
    """A post's or page's front matter breaks the documented schema."""


class RosterError(DataError):
    """The authors roster file is missing, unreadable or has a bad entry."""


class BuildAborted(SystemExit):
    """The build found problems and stops with exit status 1.

    It is a ``SystemExit`` on purpose: the problems were already logged with
    file, line and fix, so no Python traceback is printed on top of them.
    """

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(1)
