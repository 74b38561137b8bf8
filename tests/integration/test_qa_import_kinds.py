"""The CSV kind column: the source's own word on each row, an error when it is wrong."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from candor_tools.qa_import.cli import main
from candor_tools.qa_import.kinds import Classifier
from tests.integration.test_qa_import_cases import (
    IMPORTS,
    Case,
    copy_site,
    load_all,
    qa_bytes,
    run_case,
)

# kinds.csv: the Kind column is found by its name, so no --column maps it.
KINDS = Case("csv", "kinds.csv", "ana-ruiz=anaruiz", post="posts/plain.md",
             columns={"id": "Ref", "asked_at": "Submitted", "asked_by": "Name",
                      "text": "Question"}, zone="Europe/Madrid")
# id -> (the Kind cell, the kind imported)
ROWS = {
    "csv-k-1": ("Question", "question"),  # no mark, no question word: the column decides
    "csv-k-2": (" comment ", "comment"),  # a question mark, but the column says comment
    "csv-k-3": ("COMMENT", "comment"),  # opens with 'How', but the column says comment
    "csv-k-4": ("", "question"),  # empty: the heuristic (a question word)
    "csv-k-5": ("", "comment"),  # empty: the heuristic (nothing asked)
}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return copy_site(tmp_path / "site")


def variant(tmp_path: Path, *replacements: tuple[str, str]) -> Path:
    """Return a copy of kinds.csv with each (old, new) replaced once."""
    text = (IMPORTS / "kinds.csv").read_text(encoding="utf-8")
    for old, new in replacements:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = tmp_path / "kinds-variant.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_fixture_disagrees_with_the_heuristic_where_the_column_is_set(site, tmp_path):
    run_case(KINDS, site, tmp_path / "work")
    entries = load_all(site)
    for qid, (cell, _kind) in ROWS.items():
        guessed = Classifier().kind_of(str(entries[qid].html))
        assert (guessed != entries[qid].kind) is bool(cell.strip()), qid


@pytest.mark.parametrize("header", ["Kind", "Type"])
def test_the_kind_column_decides_and_an_empty_cell_leaves_it_to_the_heuristic(
        header, site, tmp_path):
    case, export = KINDS, IMPORTS / "kinds.csv"
    if header != "Kind":  # any header, mapped with --column kind=HEADER
        case = replace(KINDS, columns={**KINDS.columns, "kind": header})
        export = variant(tmp_path, (",Kind\n", f",{header}\n"))
    report = run_case(case, site, tmp_path / "work", file=export)
    assert report.balanced and report.outcomes["imported"] == len(ROWS)
    entries = load_all(site)
    assert {qid: entries[qid].kind for qid in ROWS} == {q: k for q, (_c, k) in ROWS.items()}
    assert dict(report.kinds) == {"question": 2, "comment": 3}


def test_classify_option_still_comes_first(site, tmp_path):
    report = run_case(KINDS, site, tmp_path / "work", classifier=Classifier("comment"))
    assert dict(report.kinds) == {"comment": 5}


def cli(site: Path, export: Path) -> list[str]:
    args = [str(export), "--format", "csv", "--settings", str(site / "pelicanconf.py"),
            "--post", "posts/plain.md", "--no-progress", "--source-timezone", "Europe/Madrid"]
    for field, header in KINDS.columns.items():
        args += ["--column", f"{field}={header}"]
    return args


def test_a_bad_kind_stops_the_import_with_file_line_column_value_and_fix(site_copy, tmp_path,
                                                                         capsys):
    site = site_copy("qa")
    before = qa_bytes(site)
    bad = variant(tmp_path, ("second line.\", comment \n", "second line.\", maybe \n"))
    assert main(cli(site, bad)) == 1
    err = capsys.readouterr().err
    # The header is line 1, K-1 line 2: the bad row, K-2, spans lines 3-4.
    assert re.search(r"^qa_import: \S*kinds-variant\.csv:3: column 'Kind': 'maybe' is "
                     r"neither question nor comment\. Write question or comment", err, re.M)
    assert qa_bytes(site) == before  # nothing written, not even the good rows
    assert main(cli(site, IMPORTS / "kinds.csv")) == 0  # the same file, fixed, imports


def test_reimport_keeps_an_editors_kind_even_when_the_source_changes(site, tmp_path):
    run_case(KINDS, site, tmp_path / "work")
    path = site / "content" / "qa" / "plain.yml"
    text = path.read_text(encoding="utf-8")
    edits = {"csv-k-1": ("question", "comment"), "csv-k-4": ("question", "comment"),
             "csv-k-5": ("comment", "question")}
    for qid, (old, new) in edits.items():
        marker = f"  - id: {qid}\n    kind: {old}\n"
        assert marker in text
        text = text.replace(marker, f"  - id: {qid}\n    kind: {new}\n")
    path.write_text(text, encoding="utf-8")  # one line each: the editor's correction
    edited = path.read_bytes()
    again = run_case(KINDS, site, tmp_path / "work")
    assert path.read_bytes() == edited
    assert dict(again.kinds) == {"question": 1, "comment": 4}  # as the file says
    assert (again.outcomes["unchanged"], again.outcomes["updated"]) == (5, 0)
    # The source changing its mind later does not undo Candor's decisions either.
    flipped = variant(tmp_path, ("second line.\", comment \n", "second line.\",question\n"),
                      ("Great post.,\n", "Great post.,comment\n"))
    later = run_case(KINDS, site, tmp_path / "work", file=flipped)
    assert path.read_bytes() == edited and later.balanced
    assert dict(later.kinds) == {"question": 1, "comment": 4}
    entries = load_all(site)
    assert {qid: entries[qid].kind for qid in ROWS} == {
        "csv-k-1": "comment", "csv-k-2": "comment", "csv-k-3": "comment",
        "csv-k-4": "comment", "csv-k-5": "question"}
