"""One parser per export format, all returning the common records of ``records.py``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, tzinfo
from pathlib import Path

from candor_tools.qa_import.progress import Meter
from candor_tools.qa_import.records import Export


@dataclass(frozen=True)
class ParseOptions:
    """What a parser needs besides the file."""

    names: str = "full"  # full | initial | none: how askers' names are kept
    zone: tzinfo = UTC  # for moments the export writes without a zone
    columns: dict[str, str] = field(default_factory=dict)  # csv: field -> column header
    date_format: str | None = None  # csv: strptime format of the date columns
    delimiter: str = ","  # csv


Parser = Callable[[Path, str, ParseOptions, Meter], Export]


def parser_for(name: str) -> Parser:
    """Return the parse function of format ``name`` (one of FORMATS)."""
    from candor_tools.qa_import.formats import (  # noqa: PLC0415 - load only the one used
        csvfile,
        disqus,
        github,
        isso,
        mastodon,
        remark42,
        staticman,
        wxr,
    )

    parsers: dict[str, Parser] = {
        "disqus": disqus.parse, "wxr": wxr.parse, "isso": isso.parse,
        "remark42": remark42.parse, "staticman": staticman.parse, "github": github.parse,
        "mastodon": mastodon.parse, "csv": csvfile.parse}
    return parsers[name]


# format name -> the Q&A file's ``source:`` value
FORMATS = {"disqus": "disqus", "wxr": "wordpress", "isso": "isso", "remark42": "remark42",
           "staticman": "staticman", "github": "github", "mastodon": "mastodon", "csv": "csv"}
