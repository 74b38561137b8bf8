"""The command line: ``python -m candor_tools.qa_import --format disqus FILE``.

``invoke qa-import`` runs the same thing. See docs/migration.md.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from candor_common.errors import CandorError
from candor_tools.qa_import.errors import ImportOptionError
from candor_tools.qa_import.formats import FORMATS, ParseOptions
from candor_tools.qa_import.importer import ImportConfig, run_import
from candor_tools.qa_import.kinds import DEFAULT_QUESTION_WORDS, MODES, Classifier

ROOT = Path(__file__).resolve().parents[2]
logger = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser (also used to document the options)."""
    parser = argparse.ArgumentParser(
        prog="invoke qa-import", description="Import comments and questions from another "
        "system into content/qa/. Re-running it with the same or a newer export is safe.")
    parser.add_argument("file", type=Path, help="the export file (a folder for staticman)")
    parser.add_argument("--format", required=True, choices=sorted(FORMATS))
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--session", help="put every question in this existing session")
    where.add_argument("--post", help="put every question under this post (path or slug)")
    parser.add_argument("--map", action="append", default=[], metavar="OLD=POST",
                        help="a source URL, path or thread id, and the post it is now")
    parser.add_argument("--identity", action="append", default=[], metavar="SLUG=ACCOUNT",
                        help="an executive's account in this source, besides "
                             "content/qa-identities.yml")
    parser.add_argument("--column", action="append", default=[], metavar="FIELD=HEADER",
                        help="csv: which column holds id, text, asked_at, asked_by, votes, "
                             "thread, status, answer, answered_by, answered_at or kind")
    parser.add_argument("--date-format", help="csv: strptime format, e.g. %%d/%%m/%%Y %%H:%%M")
    parser.add_argument("--delimiter", default=",", help="csv: the column separator")
    parser.add_argument("--names", choices=("full", "initial", "none"), default="full",
                        help="keep askers' names as published, as 'First L.', or not at all")
    parser.add_argument("--source-timezone", help="zone of times written without one "
                        "(default: UTC; the site's zone for csv)")
    parser.add_argument("--classify", choices=MODES, help="question or comment: 'auto' "
                        "(the source's flag, a question mark or a question word; the "
                        "default, or QA_IMPORT_CLASSIFY), or make every entry one kind")
    parser.add_argument("--settings", type=Path, default=ROOT / "pelicanconf.py")
    parser.add_argument("--dry-run", action="store_true", help="report, write nothing")
    parser.add_argument("--no-progress", action="store_true", help="never show a bar")
    return parser


def _pairs(options: list[str], flag: str) -> dict[str, str]:
    pairs = {}
    for option in options:
        key, sep, value = option.rpartition("=")
        if not sep or not key.strip() or not value.strip():
            msg = f"--{flag} {option}: write it as KEY=VALUE."
            raise ImportOptionError(msg)
        pairs[key.strip()] = value.strip()
    return pairs


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        msg = f"'{name}' is not a time zone. Use a name such as Europe/Madrid or UTC."
        raise ImportOptionError(msg) from exc


def classifier_from(settings: dict, option: str | None) -> Classifier:
    """Return the classifier set by --classify, QA_IMPORT_CLASSIFY, QA_IMPORT_QUESTION_WORDS."""
    mode = option or settings.get("QA_IMPORT_CLASSIFY", "auto")
    if mode not in MODES:
        msg = (f"pelicanconf: QA_IMPORT_CLASSIFY: '{mode}' is not allowed. Use one of: "
               f"{', '.join(MODES)}.")
        raise ImportOptionError(msg)
    words = settings.get("QA_IMPORT_QUESTION_WORDS", DEFAULT_QUESTION_WORDS)
    if isinstance(words, str) or not all(isinstance(w, str) and w.strip() for w in words):
        msg = ("pelicanconf: QA_IMPORT_QUESTION_WORDS: must be a list of words or phrases. "
               "Write e.g. ['what', 'why', 'qué'].")
        raise ImportOptionError(msg)
    return Classifier(str(mode), tuple(w.strip().lower() for w in words))


def config_from(args: argparse.Namespace) -> ImportConfig:
    """Build the import's configuration from options and the site's settings."""
    from pelican.settings import read_settings  # noqa: PLC0415 - slow import, CLI only

    settings = read_settings(str(args.settings))
    site_zone = _zone(str(settings.get("TIMEZONE") or "UTC"))
    source_zone = (_zone(args.source_timezone) if args.source_timezone
                   else site_zone if args.format == "csv" else _zone("UTC"))
    columns = _pairs(args.column, "column")
    from candor_tools.qa_import.formats.csvfile import FIELDS  # noqa: PLC0415

    for name in columns:
        if name not in FIELDS:
            msg = f"--column {name}=…: unknown field. Use one of: {', '.join(FIELDS)}."
            raise ImportOptionError(msg)
    return ImportConfig(
        format=args.format, file=args.file, content=Path(settings["PATH"]), zone=site_zone,
        qa_folder=str(settings.get("QA_DIGEST_PATH", "qa")),
        roster_file=str(settings.get("ROSTER_PATH", "authors.yml")),
        article_paths=tuple(settings.get("ARTICLE_PATHS") or ("posts",)),
        session=args.session, post=args.post, mapping=_pairs(args.map, "map"),
        identities=tuple(args.identity), dry_run=args.dry_run,
        classifier=classifier_from(settings, args.classify),
        parse=ParseOptions(names=args.names, zone=source_zone, columns=columns,
                           date_format=args.date_format, delimiter=args.delimiter),
        progress=False if args.no_progress else None, root=Path.cwd())


def main(argv: list[str] | None = None) -> int:
    """Run the import; print the report; return 0, or 1 if nothing could be imported."""
    args = build_parser().parse_args(argv)
    try:
        report = run_import(config_from(args))
    except CandorError as exc:
        for line in str(exc).splitlines():
            print(f"qa_import: {line}", file=sys.stderr)
        return 1
    print("\n".join(report.lines()))
    return 0
