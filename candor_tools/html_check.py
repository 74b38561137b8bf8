"""Validate the built HTML with the Nu HTML checker (the pinned vnu.jar, see vnu.py).

The checker's verdict on a page depends only on the page's bytes and its kind
(the file's suffix), given the checker's version and options. So, with a cache
folder, a page the checker passed is remembered by the hash of its bytes
(``candor-html-valid.json``), and a page with the same bytes is not checked
again: after an edit, only the pages that changed are. A page with an error is
never remembered; it is checked, and reported, every time. Another checker
version or other options start the record afresh.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from candor_common.statefile import read_state, write_state
from candor_tools.linktree import link_tree
from candor_tools.vnu import VERSION, VnuUnavailable, ensure_vnu

# Folders of the output that are not pages of ours: Pagefind's bundle.
SKIPPED = ("pagefind",)
# The files the checker reads as pages with --skip-non-html (the case matters).
PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".xht")
# Language detection only ever warns (the lang attribute against the text), and
# only errors are reported: off, it is a fifth less time.
OPTIONS = ("--errors-only", "--no-langdetect", "--format", "json", "--exit-zero-always",
           "--skip-non-html")
CACHE_NAME = "candor-html-valid.json"
CACHE_FORMAT = 1
CHECKER = f"vnu {VERSION} {' '.join(OPTIONS)}"

Run = Callable[..., Any]


@dataclass(frozen=True)
class HtmlReport:
    """What one run of the HTML check found: the problems, the pages under the output
    the checker reads, and how many of them it was handed this time (the others
    passed it before with the same bytes)."""

    problems: list[str]
    pages: int
    checked: int


def check_html(output: Path, java: str = "java", cache: Path | None = None,
               run: Run = subprocess.run) -> list[str]:
    """Return one problem per HTML error the Nu checker finds under ``output``
    (``validate_html``'s problems)."""
    return validate_html(output, java, cache, run).problems


def validate_html(output: Path, java: str = "java", cache: Path | None = None,
                  run: Run = subprocess.run) -> HtmlReport:
    """Check the pages under ``output`` with the Nu checker; one problem per error.

    ``java`` is the Java runtime to use: a name looked up on PATH, or a path.
    ``cache`` is a folder where the pages found valid are remembered (none: every
    page is checked). ``run`` starts the checker (``subprocess.run``).
    """
    runtime = shutil.which(java)
    if runtime is None:
        return HtmlReport([("html: the Nu HTML checker needs Java, and `java` is not on "
                            "PATH. Install a Java runtime (Debian: apt install "
                            "default-jre-headless).")], 0, 0)
    pages = html_pages(output)
    if not pages:
        return HtmlReport([], 0, 0)
    keys = {page: page_key(output / page) for page in pages}
    passed = read_passed(cache)
    unchecked = [page for page in pages if keys[page] not in passed]
    problems: list[str] = []
    failed: set[str | None] = set()
    if unchecked:
        try:
            jar = ensure_vnu()
        except VnuUnavailable as exc:
            return HtmlReport([f"html: {exc}"], len(pages), 0)
        try:
            problems, failed = _check(output, unchecked,
                                      [runtime, "-Xss1024k", "-jar", str(jar)], cache, run)
        except CheckerFailed as exc:
            return HtmlReport([f"html: the Nu HTML checker did not run: {exc}".rstrip()],
                              len(pages), 0)
    # Recorded only when every problem is on a page the checker was handed: a message
    # about no page, or a name that is not one of them, leaves the record as it was.
    if cache is not None and failed <= set(unchecked):
        write_passed(cache, {keys[page] for page in pages if page not in failed})
    return HtmlReport(problems, len(pages), len(unchecked))


class CheckerFailed(RuntimeError):
    """The checker did not give its report (the message is what it printed)."""


def _check(output: Path, pages: list[str], command: list[str], cache: Path | None,
           run: Run) -> tuple[list[str], set[str | None]]:
    """Run the checker on ``pages`` (relative paths); return its problems and the pages
    they are on (None for a message about no page)."""
    if cache is not None:  # the scratch folder goes there: hard links need the same disk
        cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="candor-vnu-", dir=cache) as scratch:
        root = Path(scratch) / "site"
        link_tree(output, root, pages)
        done = run([*command, *OPTIONS, str(root)], capture_output=True, text=True,
                   check=False)
        try:
            messages = json.loads(done.stderr or done.stdout)["messages"]
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise CheckerFailed(str(done.stderr).strip()[:500]) from exc
        problems: list[str] = []
        failed: set[str | None] = set()
        for message in messages:
            page = _page_of(str(message.get("url", "")), root)
            failed.add(page)
            line = message.get("lastLine") or message.get("firstLine") or 0
            shown = page if page is not None else message.get("url", "") or "(no page)"
            problems.append(f"{shown}:{line}: html: {message.get('message', '').strip()}")
    return problems, failed


def _page_of(url: str, root: Path) -> str | None:
    """The page (relative path) a message's ``file:`` URL names, or None."""
    if not url.startswith("file:"):
        return None
    where = Path(unquote(url.removeprefix("file:")))
    try:
        return where.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return None


def html_pages(output: Path) -> list[str]:
    """Every page the checker reads under ``output`` (relative, sorted), Pagefind's
    bundle left out."""
    pages = []
    for folder, names, files in os.walk(output):
        relative = Path(folder).relative_to(output)
        if relative == Path():
            names[:] = [name for name in names if name not in SKIPPED]
        pages += [(relative / name).as_posix() for name in files
                  if name.endswith(PAGE_SUFFIXES)]
    return sorted(pages)


def page_key(path: Path) -> str:
    """What the checker's verdict on a page depends on: its kind and its bytes."""
    return f"{path.suffix}:{hashlib.sha256(path.read_bytes()).hexdigest()}"


def read_passed(cache: Path | None) -> set[str]:
    """The keys of the pages this checker, with these options, passed (none if the
    record is missing, damaged, or of another checker)."""
    record = read_state(cache / CACHE_NAME) if cache is not None else None
    if (record is None or record.get("format") != CACHE_FORMAT
            or record.get("checker") != CHECKER or not isinstance(record.get("passed"), list)):
        return set()
    return {key for key in record["passed"] if isinstance(key, str)}


def write_passed(cache: Path, keys: set[str]) -> None:
    """Record ``keys`` (the pages of this build found valid) in place of the old record,
    in one step (``write_state``: two checks at once each leave a whole record)."""
    write_state(cache / CACHE_NAME,
                {"format": CACHE_FORMAT, "checker": CHECKER, "passed": sorted(keys)})
