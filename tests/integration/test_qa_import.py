"""The importer on every format's fixture: counts, idempotence, deltas, people's work, PII."""

from __future__ import annotations

import difflib
import logging
import re
import time
from pathlib import Path

import pytest

from candor_tools.qa_import.cli import main
from candor_tools.qa_import.errors import ExportFileError, HostileFileError, ImportOptionError
from tests.integration.test_qa_import_cases import (
    CASES,
    IMPORTS,
    PII,
    Case,
    copy_site,
    export_path,
    load_all,
    qa_bytes,
    run_case,
)

# format case -> (read, imported, updated, unchanged, {reason: skipped}); the executive's
# own top-level comments (test_qa_import_executives.py) are among the imported.
EXPECTED = {
    "disqus": (10, 7, 0, 0, {"deleted": 1, "spam": 1, "orphan": 1}),
    "wxr": (11, 6, 0, 0, {"deleted": 1, "spam": 1, "unapproved": 1, "pingback": 1,
                          "orphan": 1}),
    "isso-db": (9, 6, 0, 0, {"deleted": 1, "unapproved": 1, "orphan": 1}),
    "isso-json": (8, 6, 0, 0, {"unreadable": 1, "orphan": 1}),
    "remark42": (9, 6, 0, 0, {"deleted": 1, "unapproved": 1, "orphan": 1}),
    "remark42-gz": (9, 6, 0, 0, {"deleted": 1, "unapproved": 1, "orphan": 1}),
    "staticman": (8, 6, 0, 0, {"unreadable": 1, "orphan": 1}),
    "github": (9, 6, 0, 0, {"deleted": 1, "spam": 1, "unapproved": 1}),
    "mastodon": (6, 5, 0, 0, {"unapproved": 1}),
    "csv": (7, 3, 0, 0, {"deleted": 1, "spam": 1, "unapproved": 1, "unreadable": 1}),
}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return copy_site(tmp_path / "site")


@pytest.mark.parametrize("name", list(CASES))
def test_every_record_is_accounted_for_and_files_load(name, site, tmp_path):
    report = run_case(CASES[name], site, tmp_path / "work")
    read, imported, updated, unchanged, skipped = EXPECTED[name]
    assert report.balanced
    assert (report.read, report.outcomes["imported"], report.outcomes["updated"],
            report.outcomes["unchanged"]) == (read, imported, updated, unchanged)
    assert dict(+report.skipped) == skipped
    questions = load_all(site)
    answered = [q for q in questions.values() if q.source != "form" and q.status == "answered"]
    assert [q.response.by for q in answered] == ["ana-ruiz"]
    assert "2027" in answered[0].response.html
    imported_text = " ".join(str(q.html) for q in questions.values() if q.source != "form")
    assert "¿Qué pasará con los precios en 2027?" in imported_text
    assert "<script" not in imported_text  # plain-text sources keep it as visible text
    assert "Cheap watches" not in imported_text


@pytest.mark.parametrize("name", list(CASES))
def test_importing_the_same_export_again_changes_no_byte(name, site, tmp_path):
    run_case(CASES[name], site, tmp_path / "work")
    before = qa_bytes(site)
    again = run_case(CASES[name], site, tmp_path / "work")
    assert qa_bytes(site) == before
    assert again.balanced
    assert again.outcomes["imported"] == again.outcomes["updated"] == 0
    assert again.created == again.changed == []


def cli_args(case: Case, site: Path, export: Path) -> list[str]:
    args = [str(export), "--format", case.format, "--settings", str(site / "pelicanconf.py"),
            "--identity", case.identity, "--no-progress"]
    if case.post:
        args += ["--post", case.post]
    for old, new in case.mapping.items():
        args += ["--map", f"{old}={new}"]
    for field, header in case.columns.items():
        args += ["--column", f"{field}={header}"]
    if case.date_format:
        args += ["--date-format", case.date_format]
    if case.format == "csv":
        args += ["--source-timezone", case.zone]
    return args


@pytest.mark.parametrize("name", list(CASES))
def test_personal_data_never_reaches_files_logs_or_output(name, site_copy, tmp_path, capsys,
                                                          caplog):
    site = site_copy("qa")
    case = CASES[name]
    (tmp_path / "work").mkdir()
    export = export_path(case, tmp_path / "work")
    caplog.set_level(logging.DEBUG)
    assert main(cli_args(case, site, export)) == 0
    assert main([*cli_args(case, site, export), "--dry-run"]) == 0
    captured = capsys.readouterr()
    written = "\n".join(p.read_text(encoding="utf-8") for p in (site / "content" / "qa").iterdir())
    assert "read" in captured.out
    for secret in PII:
        for where, text in (("files", written), ("stdout", captured.out),
                            ("stderr", captured.err), ("logs", caplog.text)):
            assert secret not in text, f"{secret} leaked into {where}"


NEWER = [  # (old, new) replacements that turn the Disqus fixture into a later export
    ("<p>Same question from me: what about 2028?</p>",
     "<p>Same question from me: what about 2028 and 2029?</p>"),
    ("</disqus>", """  <post dsq:id="1009">
    <message><![CDATA[<p>And the Maasvlakte site?</p>]]></message>
    <createdAt>2026-04-23T08:00:00Z</createdAt>
    <isDeleted>false</isDeleted><isSpam>false</isSpam>
    <author><name>Ines</name><isAnonymous>false</isAnonymous><username>ines</username></author>
    <thread dsq:id="100"/>
  </post>
  <post dsq:id="1010">
    <message><![CDATA[<p>It will, in 2027.</p>]]></message>
    <createdAt>2026-04-23T09:00:00Z</createdAt>
    <isDeleted>false</isDeleted><isSpam>false</isSpam>
    <author><name>Ana Ruiz</name><isAnonymous>false</isAnonymous><username>anaruiz</username></author>
    <thread dsq:id="100"/>
    <parent dsq:id="1002"/>
  </post>
</disqus>"""),
]


def newer_disqus(tmp_path: Path, replacements=NEWER) -> Path:
    text = (IMPORTS / "disqus.xml").read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text
        text = text.replace(old, new)
    path = tmp_path / "newer.xml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_newer_export_applies_exactly_the_difference(site, tmp_path):
    case = CASES["disqus"]
    run_case(case, site, tmp_path / "work")
    before = (site / "content" / "qa" / "plain.yml").read_text(encoding="utf-8").splitlines()
    report = run_case(case, site, tmp_path / "work", file=newer_disqus(tmp_path))
    assert report.balanced
    # 1009 is new, 1010 answers 1002; 1004's text changed; the rest is as it was.
    assert (report.read, report.outcomes["imported"], report.outcomes["updated"],
            report.outcomes["unchanged"]) == (12, 2, 1, 6)
    after = (site / "content" / "qa" / "plain.yml").read_text(encoding="utf-8").splitlines()
    changes = [line for line in difflib.unified_diff(before, after, n=0, lineterm="")
               if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    # A pending question has no status line (pending is the default): its answer is added.
    assert [line for line in changes if line.startswith("-")] == [
        "-      <p>Same question from me: what about 2028?</p>"]
    added = [line for line in changes if line.startswith("+")]
    assert added[:6] == ["+    status: answered", "+    answer:", "+      by: ana-ruiz",
                         "+      at: 2026-04-23 11:00", "+      text: |",
                         "+        <p>It will, in 2027.</p>"]
    assert "+      <p>Same question from me: what about 2028 and 2029?</p>" in added
    assert "+  - id: disqus-1009" in added
    questions = load_all(site)
    assert questions["disqus-1002"].status == "answered"
    assert "2029" in questions["disqus-1004"].html
    assert questions["disqus-1009"].status == "pending"
    assert report.changed == ["content/qa/plain.yml"]


def test_answers_declines_merges_and_removals_made_in_candor_survive(site, tmp_path):
    case = CASES["disqus"]
    run_case(case, site, tmp_path / "work")
    plain = site / "content" / "qa" / "plain.yml"
    text = plain.read_text(encoding="utf-8")
    text = text.replace(  # a decline, a merge and a personal-data removal, by hand
        "      <p>Second paragraph.</p>\n",
        "      <p>Second paragraph.</p>\n    # declined after the board meeting\n"
        "    status: declined\n    decline:\n      by: ana-ruiz\n      at: 2026-04-25 09:00\n"
        "      reason: |\n        We do not discuss sites before planning permission.")
    text = text.replace(
        "      <p>Same question from me: what about 2028?</p>\n",
        "      <p>Same question from me: what about 2028?</p>\n    topics: [pricing]\n"
        "    status: merged\n    merged_into: disqus-1001")
    text = text.replace("  - id: disqus-1001\n    asked_by: Zoë Müller\n",
                        "  - id: disqus-1001\n    asked_by: Zoë M.\n")
    plain.write_text(text, encoding="utf-8")
    results = site / "content" / "qa" / "results.yml"
    results.write_text(re.sub(
        r"(  - id: disqus-1007\n    kind: question\n)(?:.*\n?)*",
        "\\1    asked_at: 2026-04-12 09:45\n    status: removed\n    removed:\n"
        "      reason: personal-data\n", results.read_text(encoding="utf-8")),
        encoding="utf-8")
    newer = newer_disqus(tmp_path, [*NEWER, ("Second paragraph.", "Second paragraph, edited."),
                                    ("Rotterdam?", "Rotterdam, Jan?")])
    report = run_case(case, site, tmp_path / "work", file=newer)
    assert report.balanced
    questions = load_all(site)
    declined = questions["disqus-1002"]
    assert declined.status == "declined" and "edited" in declined.html
    assert "planning permission" in declined.response.html  # the reply in the export is not
    assert any("disqus-1002" in line for line in report.review)
    assert questions["disqus-1004"].status == "merged"
    assert questions["disqus-1004"].merged_into == "disqus-1001"
    assert questions["disqus-1004"].topics == ("pricing",)
    assert questions["disqus-1001"].status == "answered"
    assert questions["disqus-1001"].asked_by == "Zoë Müller"  # the source owns the name
    removed = questions["disqus-1007"]
    assert removed.status == "removed" and removed.removal_reason == "personal-data"
    assert "Jan" not in results.read_text(encoding="utf-8")
    assert "Lee K." not in results.read_text(encoding="utf-8").split("disqus-1007")[1]
    assert "# declined after the board meeting" in plain.read_text(encoding="utf-8")


@pytest.mark.parametrize(("fixture", "fmt", "error"), [
    ("billion-laughs.xml", "disqus", HostileFileError),
    ("xxe.xml", "wxr", HostileFileError)])
def test_hostile_xml_is_refused_quickly_and_nothing_is_written(fixture, fmt, error, site,
                                                               tmp_path):
    before = qa_bytes(site)
    case = Case(fmt, f"hostile/{fixture}", "ana-ruiz=anaruiz")
    start = time.perf_counter()
    with pytest.raises(error) as caught:
        run_case(case, site, tmp_path / "work")
    assert time.perf_counter() - start < 2
    assert re.match(rf".*{fixture}:\d+: the file declares XML entities", str(caught.value))
    assert qa_bytes(site) == before


def test_a_truncated_export_names_file_and_line_and_exits_non_zero(site_copy, capsys):
    site = site_copy("qa")
    before = qa_bytes(site)
    code = main([str(IMPORTS / "hostile" / "truncated.xml"), "--format", "disqus",
                 "--settings", str(site / "pelicanconf.py"), "--no-progress"])
    assert code == 1
    err = capsys.readouterr().err
    assert re.search(r"truncated\.xml:1[0-2]: malformed XML", err)
    assert qa_bytes(site) == before


def test_malformed_json_names_its_line(site, tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('{"ancestors": [],\n "descendants": [\n  {"id": "1",}\n]}\n')
    with pytest.raises(ExportFileError, match=r"broken\.json:3: malformed JSON"):
        run_case(Case("mastodon", "", "ana-ruiz=ana", post="plain"), site, tmp_path / "w",
                 file=broken)


def test_unmatched_threads_are_reported_and_a_mapping_places_them(site, tmp_path):
    report = run_case(CASES["disqus"], site, tmp_path / "work")
    assert dict(report.unmatched) == {"https://blog.example/old/gone/": 1}
    assert any("old/gone" in line for line in report.lines())
    mapped = run_case(CASES["disqus"], site, tmp_path / "work",
                      mapping={"https://blog.example/old/gone/": "posts/town-hall.md"})
    assert mapped.skipped["orphan"] == 0 and mapped.outcomes["imported"] == 1
    assert "disqus-1008" in (site / "content" / "qa" / "spring.yml").read_text()


def test_a_session_collects_every_thread_and_must_exist(site, tmp_path):
    report = run_case(CASES["disqus"], site, tmp_path / "work", session="spring")
    assert report.skipped["orphan"] == 0 and report.changed == ["content/qa/spring.yml"]
    assert "disqus-1008" in load_all(site)
    with pytest.raises(ImportOptionError, match="--session autumn"):
        run_case(CASES["disqus"], site, tmp_path / "work", session="autumn")


def test_identities_come_from_the_identities_file(site, tmp_path):
    (site / "content" / "qa-identities.yml").write_text(
        "ana-ruiz:\n  disqus: [AnaRuiz]\n  github: ana-ruiz-tg\n", encoding="utf-8")
    report = run_case(CASES["disqus"], site, tmp_path / "work", identities=())
    assert report.answers == ["disqus-1001: answered by ana-ruiz"]
    (site / "content" / "qa-identities.yml").write_text("ana:\n  disqus: anaruiz\n")
    with pytest.raises(ImportOptionError, match="'ana' is not in the authors roster"):
        run_case(CASES["disqus"], site, tmp_path / "work", identities=())


def test_without_identities_an_executive_reply_stays_a_question(site, tmp_path):
    report = run_case(CASES["disqus"], site, tmp_path / "work", identities=())
    assert report.answers == [] and report.balanced
    assert load_all(site)["disqus-1003"].asked_by == "Ana Ruiz"
