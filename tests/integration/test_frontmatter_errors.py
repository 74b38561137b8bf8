"""Bad front matter fails the build with file:line: field: problem. fix. and writes nothing."""

from __future__ import annotations

import logging

import pytest

from candor_common.errors import BuildAborted
from tests.helpers import build_site

CASES = [
    ("Stauts: draft\n", "posts/bad.md:6: stauts: unknown field. Did you mean 'Status'?"),
    ("Date: 2026-02-30\n", "posts/bad.md:2: date: '2026-02-30' is not a date."),
    ("Author: ana-ruis\n", "posts/bad.md:3: author: 'ana-ruis' is not in the authors roster"),
    ("Kind: essay\n", "posts/bad.md:4: kind: 'essay' is not a kind of post."),
    ("Status: pubished\n", "posts/bad.md:6: status: 'pubished' is not a status."),
]
BASE = ["Title: A post\n", "Date: 2026-02-02 10:00\n", "Author: ana-ruiz\n",
        "Kind: news\n", "Tags: x\n"]


def write_post(site, lines):
    (site / "content" / "posts" / "bad.md").write_text("".join(lines) + "\nBody.\n")


@pytest.mark.parametrize(("line", "expected"), CASES)
def test_bad_field_stops_the_build_and_names_file_line_field_and_fix(
        site_copy, tmp_path, caplog, line, expected):
    site = site_copy("basic")
    key = line.split(":")[0]
    lines = [line if row.startswith(key + ":") else row for row in BASE]
    if line not in lines:
        lines.append(line)
    write_post(site, lines)
    output = tmp_path / "out"
    with caplog.at_level(logging.ERROR), pytest.raises(BuildAborted) as stopped:
        build_site(site / "pelicanconf.py", output)
    assert stopped.value.code == 1
    messages = "\n".join(r.getMessage() for r in caplog.records)
    assert expected in messages
    assert "Traceback" not in messages
    assert not output.exists() or not any(output.rglob("*.html"))


def test_missing_title_and_date_are_both_reported(site_copy, tmp_path, caplog):
    site = site_copy("basic")
    write_post(site, ["Author: ana-ruiz\n", "Kind: news\n"])
    with caplog.at_level(logging.ERROR), pytest.raises(BuildAborted):
        build_site(site / "pelicanconf.py", tmp_path / "out")
    messages = "\n".join(r.getMessage() for r in caplog.records)
    assert "bad.md:1: title: is missing" in messages
    assert "bad.md:1: date: is missing" in messages
    assert "posts/bad.md was not published" in messages


def test_unknown_author_lists_the_known_ones(site_copy, tmp_path, caplog):
    site = site_copy("basic")
    write_post(site, [row.replace("ana-ruiz", "jane-doe") for row in BASE])
    with caplog.at_level(logging.ERROR), pytest.raises(BuildAborted):
        build_site(site / "pelicanconf.py", tmp_path / "out")
    assert "Known authors: ana-ruiz, marcus-adeyemi" in caplog.text


def test_misspelled_plugin_setting_stops_the_build(site_copy, tmp_path, caplog):
    site = site_copy("basic")
    with caplog.at_level(logging.ERROR), pytest.raises(BuildAborted):
        build_site(site / "pelicanconf.py", tmp_path / "out", PUBLISHING_PREVEW=True)
    assert "PUBLISHING_PREVEW: unknown setting. did you mean PUBLISHING_PREVIEW?" in caplog.text


def test_bad_roster_stops_the_build(site_copy, tmp_path, caplog):
    site = site_copy("basic")
    roster = site / "content" / "authors.yml"
    roster.write_text(roster.read_text().replace("role: Chief Financial Officer", "rol: CFO"))
    with caplog.at_level(logging.ERROR), pytest.raises(BuildAborted):
        build_site(site / "pelicanconf.py", tmp_path / "out")
    assert "authors.yml:13: rol: unknown field. Did you mean 'role'?" in caplog.text


def test_the_cli_exits_non_zero_without_a_traceback(site_copy, tmp_path):
    import subprocess
    import sys

    site = site_copy("basic")
    write_post(site, [row.replace("Kind: news", "Kind: essay") for row in BASE])
    result = subprocess.run(
        [sys.executable, "-m", "pelican", "-s", str(site / "pelicanconf.py"),
         "-o", str(tmp_path / "out"), "--log-handler", "plain"],
        capture_output=True, text=True, check=False, cwd=site)
    assert result.returncode == 1
    assert "kind: 'essay' is not a kind of post" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.parametrize("name", ["legacy.rst", "legacy.html"])
def test_non_markdown_sources_are_refused_not_published_unchecked(
        site_copy, tmp_path, caplog, name):
    site = site_copy("basic")
    (site / "content" / "posts" / name).write_text(
        ":title: Legacy\n:date: 2026-01-01\n:author: nobody\n\nText.\n")
    with caplog.at_level(logging.ERROR), pytest.raises(BuildAborted):
        build_site(site / "pelicanconf.py", tmp_path / "out")
    assert f"{name}: file: '.{name.split('.')[1]}' files are not read by Candor" in caplog.text
