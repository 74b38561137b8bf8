"""The CSV parser's kind column: the source's own flag, checked row by row."""

from __future__ import annotations

from pathlib import Path

import pytest

from candor_tools.qa_import.errors import ExportFileError
from candor_tools.qa_import.formats import ParseOptions
from candor_tools.qa_import.formats.csvfile import parse
from candor_tools.qa_import.progress import Meter

HEADER = "id,date,name,text,kind\n"


def read(tmp_path: Path, rows: str, header: str = HEADER, **options) -> list[bool | None]:
    """Parse a CSV file; return each row's flag (True: a question, None: not said)."""
    path = tmp_path / "form.csv"
    path.write_text(header + rows, encoding="utf-8")
    export = parse(path, "exports/form.csv", ParseOptions(**options), Meter())
    return [comment.asks for comment in export.comments]


@pytest.mark.parametrize(("cell", "flag"), [
    ("question", True), ("Question", True), ("  QUESTION ", True),
    ("comment", False), ("Comment", False), (" comment  ", False),
    ("", None), ("   ", None)])
def test_the_kind_column_is_case_insensitive_and_trimmed(tmp_path, cell, flag):
    assert read(tmp_path, f"1,2026-04-21 10:00,Zoë,Thanks for the update,{cell}\n") == [flag]


def test_without_a_kind_column_the_source_says_nothing(tmp_path):
    rows = "1,2026-04-21 10:00,Zoë,Why?\n"
    assert read(tmp_path, rows, header="id,date,name,text\n") == [None]


def test_a_bad_kind_names_file_row_line_column_value_and_fix(tmp_path):
    rows = ('1,2026-04-21 10:00,Zoë,"Two lines,\nthe second",question\n'
            '2,2026-04-21 11:00,Olu,"Fine,\nreally", maybe\n')
    with pytest.raises(ExportFileError) as caught:
        read(tmp_path, rows)
    # The header is line 1, the first row lines 2-3: the bad row is on lines 4-5.
    assert str(caught.value) == (
        "exports/form.csv:4: column 'kind': 'maybe' is neither question nor comment. "
        "Write question or comment (in any case), or leave the cell empty to let the "
        "importer decide; see docs/migration.md")


def test_a_mapped_kind_column_is_named_as_in_the_file(tmp_path):
    with pytest.raises(ExportFileError, match=r"^exports/form\.csv:2: column 'Type' \(kind\): "
                       r"'questions' is neither question nor comment\."):
        read(tmp_path, "1,2026-04-21 10:00,Zoë,Why?,questions\n",
             header="id,date,name,text,Type\n", columns={"kind": "Type"})


def test_a_bad_kind_never_prints_personal_data(tmp_path):
    with pytest.raises(ExportFileError) as caught:
        read(tmp_path, "1,2026-04-21 10:00,Zoë,Why?,zoe@fixture-mail.example\n")
    assert "fixture-mail.example" not in str(caught.value)
    assert "'[email removed]' is neither question nor comment" in str(caught.value)


def test_a_comment_with_an_answer_is_refused(tmp_path):
    header = "id,date,name,text,kind,answer,answered_by\n"
    assert read(tmp_path, "1,2026-04-21 10:00,Zoë,Why?,question,No.,anaruiz\n",
                header=header) == [True]
    with pytest.raises(ExportFileError, match=r"form\.csv:2: column 'kind': the row is a "
                       r"comment but has an answer.*Write question in this cell, or empty "
                       r"the answer"):
        read(tmp_path, "1,2026-04-21 10:00,Zoë,Why?,comment,No.,anaruiz\n", header=header)
