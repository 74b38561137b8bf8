"""The Q&A speed-ups of the question pages and of digest.json write the bytes of the
plain way: macro modules imported by every page, digest.json by json.dumps at once."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from jinja2 import DictLoader, Environment, Template

from qa_digest import exports as qa_exports
from qa_digest import generator as qa_generator
from qa_digest import jsontext
from qa_digest import pages as qa_pages
from tests.helpers import REPO, build_site

NOW = "2026-06-01T09:00"
MODULES = ("partials/helpers.html", "partials/qa_scorecard.html", "partials/qa_question.html")


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _listed(data: object) -> object:
    """``data`` with its generators made into lists (what json.dumps can write)."""
    if isinstance(data, dict):
        return {key: _listed(value) for key, value in data.items()}
    if isinstance(data, list | tuple | Iterator):
        return [_listed(item) for item in data]
    return data


def _made_modules(monkeypatch) -> list[str]:
    """Record every macro module made by a Jinja template (imports and shared ones)."""
    made: list[str] = []
    real = Template.make_module

    def make_module(self, *args, **kwargs):
        made.append(self.name)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Template, "make_module", make_module)
    return made


@pytest.mark.sample
@pytest.mark.parametrize("settings", ["publishconf.py", "pelicanconf.py"])
def test_shared_macro_modules_give_the_pages_of_plain_imports(tmp_path, monkeypatch,
                                                              settings):
    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content)
    overrides = {"PATH": str(content), "PUBLISHING_NOW": NOW, "DELETE_OUTPUT_DIRECTORY": False,
                 "FRONTMATTER_MARKDOWN_CACHE": False, "FRONTMATTER_MARKDOWN_WORKERS": 1}
    monkeypatch.setattr(qa_generator, "SPLIT_FROM_ENTRIES", 10**9)  # one process: counted here
    made = _made_modules(monkeypatch)
    with monkeypatch.context() as plain:
        plain.setattr(qa_generator, "shared_imports", lambda env: None)  # {% import %} per page
        plain.setattr(qa_generator, "parts_for", lambda *args: None)  # no thread's part kept
        plain.setattr(qa_exports.jsontext, "chunks", lambda data, indent, depth: iter(
            [json.dumps(_listed(data), ensure_ascii=False, indent=indent)]))
        build_site(REPO / settings, tmp_path / "plain", **overrides)
    plain_imports = made.count("partials/qa_question.html")
    made.clear()
    build_site(REPO / settings, tmp_path / "fast", **overrides)
    fast, slow = tree(tmp_path / "fast"), tree(tmp_path / "plain")
    assert sorted(fast) == sorted(slow)
    assert [name for name in slow if fast[name] != slow[name]] == []
    question_pages = [name for name in slow if name.count("/") == 3
                      and name.startswith("qa/") and name.endswith("/index.html")
                      and b"qa-question-page" in slow[name]]
    assert len(question_pages) > 10
    # Each question page imported its three modules; now they are made once per depth.
    assert plain_imports >= len(question_pages)
    assert made.count("partials/qa_question.html") < plain_imports - len(question_pages) + 3


def test_shared_imports_make_modules_once_per_distinct_context(monkeypatch):
    env = Environment(loader=DictLoader({
        "m.html": "{% macro hello() %}{{ greeting }} {{ SITEURL }}{% endmacro %}",
        "page.html": "{% set m = qa_shared_imports('m.html')[0] %}{{ m.hello() }} {{ n }}",
    }), autoescape=True)
    env.globals["qa_shared_imports"] = qa_pages.shared_imports(env)
    made = _made_modules(monkeypatch)
    page = env.get_template("page.html")
    out = [page.render(greeting="hi", SITEURL="/a", n=n) for n in range(3)]
    out += [page.render(greeting="hi", SITEURL="../..", n=3)]
    assert out == ["hi /a 0", "hi /a 1", "hi /a 2", "hi ../.. 3"]
    assert made.count("m.html") == 2  # one per SITEURL: the page number is not read


def test_the_digest_json_is_written_without_json_dumps(monkeypatch):
    """jsontext.chunks gives json.dumps' text, and does not call it for JSON's own types."""
    data = {"schema_version": 2, "scorecard": None, "threads": [
        {"id": "t", "title": "Élan \"quoted\" \u2028", "hosts": ["a", "b"], "opens": None,
         "questions": [{"votes": 3, "answer_rate": 0.5, "overdue": False, "topics": [],
                        "removed_by_reason": {}, "html": "<p>x</p>\n"}]}]}
    expected = json.dumps(data, ensure_ascii=False, indent=1)

    def refuse(*args, **kwargs):
        raise AssertionError("json.dumps called")

    monkeypatch.setattr(json, "dumps", refuse)
    assert "".join(jsontext.chunks(data, 1, depth=0)) == expected


def test_both_exports_in_pieces_are_the_plain_ones(monkeypatch):
    """digest.json and digest.csv, made and written a block at a time, are json.dumps'
    text of their own data and what csv.DictWriter writes of each entry's record."""
    import csv
    import io
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from qa_digest.collect import data_files, load_threads
    from qa_digest.digest import build_digest
    from roster.load import load_roster

    content = REPO / "content"
    slugs = frozenset(load_roster(content / "authors.yml", content, "authors.yml").slugs())
    zone = ZoneInfo("Europe/Madrid")
    loaded = load_threads(data_files(content / "qa"), zone, slugs)
    assert all(not problems for _thread, problems in loaded)
    digest, _ = build_digest([t for t, _p in loaded if t is not None],
                             datetime(2026, 6, 1, tzinfo=zone))
    urls = {q.id: f"qa/{q.thread_id}/{q.id}/" for q in digest.by_id.values() if q.has_page}
    monkeypatch.setattr(qa_exports, "PIECE", 200)  # many blocks, even for the sample
    csv_blocks = list(qa_exports.encoded(qa_exports.digest_csv(digest, urls), size=200))
    json_blocks = list(qa_exports.encoded(qa_exports.digest_json(digest, urls), size=200))
    assert len(csv_blocks) > 10 and len(json_blocks) > 10
    made_csv = b"".join(csv_blocks).decode("utf-8")
    made_json = b"".join(json_blocks).decode("utf-8")
    data = json.loads(made_json)
    assert json.dumps(data, ensure_ascii=False, indent=1) + "\n" == made_json
    records = [qa_exports.question_record(q, urls.get(q.id))
               for thread in digest.threads for q in thread.questions]
    assert [q for t in data["threads"] for q in t["questions"]] == records
    assert [t["id"] for t in data["threads"]] == [t.id for t in digest.threads]
    out = io.StringIO()
    plain = csv.DictWriter(out, fieldnames=qa_exports.CSV_COLUMNS, lineterminator="\n")
    plain.writeheader()
    for row in records:
        plain.writerow({k: qa_exports._cell("; ".join(row[k]) if k == "topics" else row[k])
                        for k in qa_exports.CSV_COLUMNS})
    assert made_csv == out.getvalue()
    assert len(made_csv.splitlines()) > 100  # the sample town hall and its threads
    assert any(row["topics"] for row in records)


def test_thread_question_and_comments_pages_are_given_their_thread_without_its_questions(
        site_copy, tmp_path, monkeypatch):
    """Each list, question and comments page shows its thread's heading, and is given
    the thread without its questions (those it lists are given apart): its rebuild key
    does not walk a town hall's thousands of questions, page after page."""
    from publishing.writer import CandorWriter

    given: dict[str, list[int]] = {}
    real = CandorWriter.write_file

    def write_file(self, name, template, context, *args, **kwargs):
        thread = kwargs.get("thread")
        if thread is not None:
            given.setdefault(template.name, []).append(len(thread.questions))
        return real(self, name, template, context, *args, **kwargs)

    monkeypatch.setattr(CandorWriter, "write_file", write_file)
    site = site_copy("qa")
    build_site(site / "pelicanconf.py", tmp_path / "out")
    assert set(given) >= {"qa/thread.html", "qa/question.html"}
    assert all(count == 0 for counts in given.values() for count in counts)
