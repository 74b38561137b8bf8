"""Errors of the Q&A importer, each saying which file, which line and what to do."""

from __future__ import annotations

from candor_common.errors import CandorError


class QAImportError(CandorError):
    """Base class of every error the importer raises; nothing has been written."""


class ExportFileError(QAImportError):
    """The export file cannot be read as its format: missing, malformed or truncated.

    The message reads ``file:line: problem. fix`` (the line when it is known).
    """

    def __init__(self, path: str, line: int | None, problem: str, fix: str = "") -> None:
        self.path, self.line, self.problem = path, line, problem
        where = f"{path}:{line}" if line else path
        message = f"{where}: {problem.rstrip('.')}."
        super().__init__(f"{message} {fix}".rstrip())


class HostileFileError(ExportFileError):
    """The XML declares entities or external references, as attacks (XXE, billion laughs) do.

    Real exports never declare entities, so the file is refused before anything is read.
    """


class ImportOptionError(QAImportError):
    """An option, the identities file or a thread mapping is wrong."""


class TargetFileError(QAImportError):
    """A Q&A file in content/qa cannot be read or edited safely."""
