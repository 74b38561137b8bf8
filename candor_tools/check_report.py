"""Everything `invoke check` says about a production build, gathered in one place.

Problems fail the check (nothing is published); warnings and notes are printed
for the comms team and do not.
"""

from __future__ import annotations

import json
import multiprocessing
import re
from collections import Counter
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from candor_tools.html_check import CACHE_NAME, HtmlReport, validate_html
from candor_tools.leak_scan import held_fingerprints, qa_fingerprints, scan_for_leaks
from candor_tools.site_checks import run_checks


@dataclass
class Review:
    """The outcome of checking one build."""

    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The report, problems first, one line each."""
        return ([f"error: {p}" for p in self.problems]
                + [f"warning: {w}" for w in self.warnings] + self.notes)


def review_build(output: Path, report_file: Path, settings: dict[str, Any]) -> Review:
    """Check the build at ``output`` against its build report and the settings."""
    report = json.loads(report_file.read_text(encoding="utf-8"))
    review = Review()
    intake = tuple(re.findall(r"mailto:([^?]+)", str(settings.get("QA_DIGEST_ASK_URL", ""))))
    cache = settings.get("CACHE_PATH")
    held = report.get("held_back", [])
    # Three at once, on both cores: the site checks in a forked process (before any
    # thread starts), the Nu checker (a Java process) from a thread, the leak scan
    # here. The problems are listed in that order whatever finishes first.
    fork = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=1, mp_context=fork) as other, \
            ThreadPoolExecutor(max_workers=1) as background:
        site = other.submit(run_checks, output, str(settings.get("SITEURL", "")), intake)
        html = background.submit(validate_html, output, cache=Path(cache) if cache else None)
        secret = held_fingerprints(report)
        qa_folder = Path(settings["PATH"]) / str(settings.get("QA_DIGEST_PATH", "qa"))
        if qa_folder.is_dir():
            secret.update(qa_fingerprints(qa_folder, {item["source"] for item in held}))
        leaks = scan_for_leaks(output, secret)
        checked = html.result()
        review.problems += site.result() + checked.problems + leaks
    if cache:
        review.notes += html_notes(checked, Path(cache) / CACHE_NAME)
    review.warnings += overdue_warnings(report.get("overdue", {}))
    review.warnings += [f"{item['source']}: embargoed until {_when(item)}, but "
                        f"{' and '.join(r for r in item['reasons'] if r != 'embargoed')}: "
                        "it will not appear at that date"
                        for item in held if "embargoed" in item["reasons"]
                        and len(item["reasons"]) > 1]
    review.notes += held_back_notes(held)
    review.warnings += unfrozen_warnings(output, settings)
    return review


def _when(item: dict[str, Any]) -> str:
    return f"{datetime.fromisoformat(item['embargoed_until']):%Y-%m-%d %H:%M %Z}".strip()


def html_notes(checked: HtmlReport, record: Path) -> list[str]:
    """Say how many pages the Nu checker read, when it left some alone (``record``: the
    file that says which pages passed it)."""
    if checked.checked >= checked.pages:
        return []
    kept = checked.pages - checked.checked
    return [(f"html: the Nu checker read {checked.checked:,} of {checked.pages:,} pages; "
             f"the other {kept:,} passed it before with the same bytes ({record}; delete "
             "it to have every page read)")]


def overdue_warnings(overdue: dict[str, list[dict[str, str]]]) -> list[str]:
    """One line per follow-up or commitment past its date."""
    lines = [f"qa {q['thread']}/{q['id']}: the follow-up {q['by']} promised for {q['due']} "
             "is overdue; answer it or post a new date" for q in overdue.get("follow_ups", ())]
    lines += [f"commitment {c['id']} ({c['who']}): due {c['due']}, still {c['status']}; "
              "record what happened in content/commitments.yml"
              for c in overdue.get("commitments", ())]
    return lines


def held_back_notes(held: list[dict[str, Any]]) -> list[str]:
    """Say what the build held back and when the next embargo lifts."""
    counts = Counter(reason for item in held for reason in item["reasons"])
    lines = []
    if counts:
        summary = ", ".join(f"{n} {reason}" for reason, n in sorted(counts.items()))
        lines.append(f"held back (not in the build): {summary}")
        lines += [f"  {item['source']}: {', '.join(item['reasons'])}" for item in held]
    due = sorted((item["embargoed_until"], item["source"]) for item in held
                 if item["reasons"] == ["embargoed"])
    if due:
        when = datetime.fromisoformat(due[0][0])
        lines.append(f"the next embargoed post, {due[0][1]}, is due {when:%Y-%m-%d %H:%M %Z}.")
    return lines


def unfrozen_warnings(output: Path, settings: dict[str, Any]) -> list[str]:
    """Warn about published digests whose period is not in the digest lock yet."""
    from qa_periodic.lock import raw_periods  # noqa: PLC0415
    from qa_periodic.receivers import DEFAULTS  # noqa: PLC0415

    from candor_common.paths import display_path  # noqa: PLC0415 - plugins are on sys.path

    def setting(name: str) -> str:
        return str(settings.get(name, DEFAULTS[name]))

    folder = output / setting("QA_PERIODIC_URL").strip("/")
    lock = Path(settings["PATH"]) / setting("QA_PERIODIC_LOCK")
    frozen = raw_periods(lock)
    missing = sorted(page.parent.name for page in folder.glob("*/index.html")
                     if page.parent.name not in frozen)
    if not missing:
        return []
    warning = (f"{len(missing)} published Q&A digest(s) not frozen yet "
               f"({', '.join(missing)}): they can still change silently. Run "
               f"`invoke freeze-digests` and commit {display_path(lock)}")
    return [warning]
