"""Staticman: one YAML or JSON file per comment, in one folder per page."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from candor_tools.qa_import.dates import parse_moment
from candor_tools.qa_import.errors import ExportFileError
from candor_tools.qa_import.formats import ParseOptions
from candor_tools.qa_import.jsonfile import decode, read_bytes
from candor_tools.qa_import.progress import Meter
from candor_tools.qa_import.records import OK, UNREADABLE, Comment, Export, SourceThread, make_qid
from candor_tools.qa_import.text import display_name, from_markdown

SUFFIXES = (".yml", ".yaml", ".json")
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def comment_files(path: Path) -> list[Path]:
    """Return the comment files at ``path`` (a file, or a folder searched recursively)."""
    if path.is_file():
        return [path]
    return sorted(p for p in path.rglob("*") if p.suffix in SUFFIXES and p.is_file())


def parse(path: Path, display: str, options: ParseOptions, meter: Meter) -> Export:
    """Read Staticman comment files. The (often hashed) e-mail is never read."""
    export = Export("staticman", display)
    files = comment_files(path)
    if not files:
        raise ExportFileError(display, None, "holds no .yml, .yaml or .json comment file",
                              "Give the folder Staticman writes comments to, e.g. "
                              "_data/comments")
    for file in files:
        shown = display if file == path else f"{display}/{file.relative_to(path)}"
        data = _load(file, shown, meter)
        folder = file.parent.name if file != path else path.parent.name
        export.comments.append(_comment(data, folder, shown, export, options))
    return export


def _load(file: Path, shown: str, meter: Meter) -> dict[str, Any]:
    text = decode(read_bytes(file, shown, meter), shown)
    try:
        data = json.loads(text) if file.suffix == ".json" else yaml.load(text, Loader=_LOADER)  # noqa: S506 - safe loader
    except json.JSONDecodeError as exc:
        raise ExportFileError(shown, exc.lineno, f"malformed JSON: {exc.msg}") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ExportFileError(shown, mark.line + 1 if mark else None,
                              f"malformed YAML: {getattr(exc, 'problem', None) or exc}") from exc
    return data if isinstance(data, dict) else {}


def _comment(data: dict[str, Any], folder: str, shown: str, export: Export,
             options: ParseOptions) -> Comment:
    cid = str(data.get("_id") or "").strip()
    parent_field = str(data.get("_parent") or "").strip()
    # _parent names the page in most setups, a parent comment in some.
    page = parent_field if "/" in parent_field else folder
    if page not in export.threads:
        export.threads[page] = SourceThread(page, url=page if "/" in page else "",
                                            identifier=page.strip("/").rsplit("/", 1)[-1])
    reply_to = str(data.get("replying_to_uid") or data.get("replying_to") or "").strip()
    if not reply_to and parent_field and "/" not in parent_field and parent_field != folder:
        reply_to = parent_field
    created = parse_moment(data.get("date"), options.zone)
    name = str(data.get("name") or "")
    problem = ("'_id' is missing" if not cid else
               "'date' is missing or not a date" if created is None else
               "'message' is missing" if not str(data.get("message") or "").strip() else "")
    return Comment(
        qid=make_qid("staticman", cid) if cid else "", key=cid, thread=page, line=0,
        state=UNREADABLE if problem else OK, parent=reply_to or None,
        author=display_name(name, options.names),
        identities=(name.strip(),) if name.strip() else (), created=created,
        text="" if problem else from_markdown(str(data.get("message"))), problem=problem,
        origin=shown)
