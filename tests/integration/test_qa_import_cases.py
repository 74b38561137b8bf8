"""Shared by the importer tests (no tests here): one fixture export per format, and how to run it."""

from __future__ import annotations

import gzip
import shutil
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from candor_tools.qa_import import ImportConfig, run_import
from candor_tools.qa_import.formats import ParseOptions
from candor_tools.qa_import.report import Report
from qa_digest.load import load_thread
from tests.helpers import REPO

IMPORTS = REPO / "tests" / "fixtures" / "imports"
ZONE = ZoneInfo("Europe/Madrid")
ROSTER = frozenset({"ana-ruiz", "marcus-adeyemi"})
# Personal data written into the fixtures: none of it may reach a file, a log or stdout.
PII = ("fixture-mail.example", "203.0.113.", "198.51.100.", "2001:db8",
       "3f1c4d2b9e8a7f6e5d4c3b2a19081726")


@dataclass(frozen=True)
class Case:
    """One fixture export and the options it is imported with."""

    format: str
    file: str
    identity: str
    post: str | None = None
    mapping: dict[str, str] = field(default_factory=dict)
    columns: dict[str, str] = field(default_factory=dict)
    date_format: str | None = None
    zone: str = "UTC"


CSV_COLUMNS = {"id": "Ref", "asked_at": "Submitted", "asked_by": "Name", "text": "Question",
               "votes": "Upvotes", "status": "Moderation", "answer": "Answer",
               "answered_by": "Answered by", "answered_at": "Answered on"}
CASES = {
    "disqus": Case("disqus", "disqus.xml", "ana-ruiz=anaruiz"),
    "wxr": Case("wxr", "wordpress.xml", "ana-ruiz=ana"),
    "isso-db": Case("isso", "isso.sql", "ana-ruiz=Ana Ruiz"),
    "isso-json": Case("isso", "isso-generic.json", "ana-ruiz=Ana Ruiz"),
    "remark42": Case("remark42", "remark42.jsonl", "ana-ruiz=github_anaruiz"),
    "remark42-gz": Case("remark42", "remark42.jsonl.gz", "ana-ruiz=github_anaruiz"),
    "staticman": Case("staticman", "staticman/comments", "ana-ruiz=Ana Ruiz"),
    "github": Case("github", "github.json", "ana-ruiz=ana-ruiz-tg",
                   mapping={"https://github.com/tidewater/ask/discussions/12": "plain",
                            "https://github.com/tidewater/ask/discussions/13": "plain"}),
    "mastodon": Case("mastodon", "mastodon.json", "ana-ruiz=ana@social.tidewater.example",
                     post="plain"),
    "csv": Case("csv", "form.csv", "ana-ruiz=anaruiz", post="posts/plain.md",
                columns=CSV_COLUMNS, date_format="%d/%m/%Y %H:%M", zone="Europe/Madrid"),
}


def export_path(case: Case, folder: Path) -> Path:
    """Return the export to import, building the binary variants into ``folder``."""
    source = IMPORTS / case.file
    if case.file == "isso.sql":
        target = folder / "comments.db"
        if not target.exists():
            with sqlite3.connect(target) as db:
                db.executescript(source.read_text(encoding="utf-8"))
            db.close()
        return target
    if case.file.endswith(".gz"):
        target = folder / case.file
        target.write_bytes(gzip.compress((IMPORTS / case.file[:-3]).read_bytes(), mtime=0))
        return target
    return source


def config(case: Case, site: Path, export: Path, **changes) -> ImportConfig:
    """Return the ImportConfig of ``case`` for the site copied to ``site``."""
    values = {
        "format": case.format, "file": export, "content": site / "content", "zone": ZONE,
        "post": case.post, "mapping": case.mapping, "identities": (case.identity,),
        "parse": ParseOptions(zone=ZoneInfo(case.zone), columns=case.columns,
                              date_format=case.date_format),
        "progress": False, "root": site}
    values.update(changes)
    return ImportConfig(**values)


def run_case(case: Case, site: Path, work: Path, **changes) -> Report:
    """Import ``case`` into the site at ``site`` (``work`` holds built exports)."""
    work.mkdir(parents=True, exist_ok=True)
    return run_import(config(case, site, export_path(case, work), **changes))


def copy_site(target: Path) -> Path:
    """Copy the qa fixture site to ``target``; its settings are not needed by the importer."""
    shutil.copytree(REPO / "tests" / "fixtures" / "sites" / "qa", target)
    return target


def qa_bytes(site: Path) -> dict[str, bytes]:
    """Return every file of the site's content/qa, by name."""
    return {p.name: p.read_bytes() for p in sorted((site / "content" / "qa").iterdir())}


def load_all(site: Path) -> dict[str, Any]:
    """Load every Q&A file as the build does; fail on any problem."""
    questions = {}
    for path in sorted((site / "content" / "qa").glob("*.yml")):
        thread, problems = load_thread(path, path.name, ZONE, ROSTER)
        assert problems == [], [str(p) for p in problems]
        assert thread is not None
        questions |= {q.id: q for q in thread.questions}
    return questions
