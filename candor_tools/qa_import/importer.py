"""Run one import: parse the export, match threads, merge, write, report."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, tzinfo
from pathlib import Path

from candor_common.errors import Problem
from candor_tools.qa_import.classify import classify
from candor_tools.qa_import.errors import QAImportError
from candor_tools.qa_import.formats import FORMATS, ParseOptions, parser_for
from candor_tools.qa_import.identities import load_identities
from candor_tools.qa_import.kinds import Classifier
from candor_tools.qa_import.plan import build_plan
from candor_tools.qa_import.posts import PostMatcher, find_posts
from candor_tools.qa_import.progress import byte_progress
from candor_tools.qa_import.qafiles import index_folder
from candor_tools.qa_import.report import Report
from candor_tools.qa_import.targets import resolve_targets
from candor_tools.qa_import.write import write_all

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ImportConfig:
    """Everything one import needs; the CLI builds it from options and pelicanconf.py."""

    format: str
    file: Path
    content: Path
    zone: tzinfo = UTC  # the site's TIMEZONE: Q&A files write times in it
    qa_folder: str = "qa"
    roster_file: str = "authors.yml"
    identities_file: str = "qa-identities.yml"
    article_paths: tuple[str, ...] = ("posts",)
    session: str | None = None
    post: str | None = None
    mapping: dict[str, str] = field(default_factory=dict)
    identities: tuple[str, ...] = ()
    parse: ParseOptions = field(default_factory=ParseOptions)
    dry_run: bool = False
    classifier: Classifier = field(default_factory=Classifier)  # question or comment
    progress: bool | None = None  # None: a bar only on a terminal
    root: Path | None = None  # paths in messages are shown relative to it


def _shown(path: Path, root: Path | None) -> str:
    try:
        return path.resolve().relative_to((root or Path.cwd()).resolve()).as_posix()
    except ValueError:
        return str(path)


def _roster(config: ImportConfig) -> frozenset[str]:
    from roster.load import load_roster  # noqa: PLC0415 - plugins/ is on sys.path by now

    path = config.content / config.roster_file
    return frozenset(load_roster(path, config.content, _shown(path, config.root)).slugs())


def run_import(config: ImportConfig) -> Report:
    """Import ``config.file``; return the report. Raises a QAImportError (or another
    CandorError) before writing anything if the export or a Q&A file is unusable."""
    if config.format not in FORMATS:
        msg = f"--format {config.format}: unknown format. Use one of: {', '.join(FORMATS)}."
        raise QAImportError(msg)
    display = _shown(config.file, config.root)
    if not config.file.exists():
        msg = f"{display}: no such file. Give the export's path."
        raise QAImportError(msg)
    roster = _roster(config)
    source = FORMATS[config.format]
    ids_path = config.content / config.identities_file
    identities = load_identities(ids_path, _shown(ids_path, config.root), source, roster,
                                 config.identities)
    size = sum(p.stat().st_size for p in _files(config.file))
    with byte_progress(f"Reading {config.file.name}", size, enabled=config.progress) as meter:
        export = parser_for(config.format)(config.file, display, config.parse, meter)
    folder = config.content / config.qa_folder
    shown = _shown(folder, config.root)
    index = index_folder(folder, shown)
    matcher = PostMatcher(find_posts(config.content, config.article_paths), config.mapping)
    targets = resolve_targets(export, index, matcher, shown, session=config.session,
                              post=config.post)
    report = Report(export.source, display, dry_run=config.dry_run,
                    warnings=list(export.warnings))
    records = classify(export, set(targets), identities, report=report,
                       existing={qid: q.kind for qid, q in index.questions.items()},
                       classifier=config.classifier)
    plan = build_plan(records, targets, index, ctx_source=source, zone=config.zone,
                      identities=identities, roster=roster, report=report)
    if not report.balanced:
        msg = f"{display}: the counts do not balance; nothing was written. Please report it."
        raise QAImportError(msg)
    if not config.dry_run and plan.texts:
        displays = {t.path: t.display for t in targets.values()}
        displays |= {qa.path: qa.display for qa in index.files}
        write_all(plan.texts, displays, _checker(config, roster))
    logger.info("qa_import: %s: read %d, imported %d, updated %d, unchanged %d, skipped %d",
                display, report.read, report.outcomes["imported"], report.outcomes["updated"],
                report.outcomes["unchanged"], report.skipped_total)
    return report


def _files(path: Path) -> list[Path]:
    return [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]


def _checker(config: ImportConfig, roster: frozenset[str]):
    """Return a function loading a Q&A file exactly as the site's build does."""
    from qa_digest.load import load_thread  # noqa: PLC0415 - plugins/ is on sys.path by now

    zone = config.zone

    def check(path: Path, display: str) -> list[Problem]:
        return load_thread(path, display, zone, roster)[1]  # type: ignore[arg-type]

    return check
