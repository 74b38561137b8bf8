"""Validate the built HTML with the Nu HTML checker (the pinned vnu.jar, see vnu.py)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from candor_tools.vnu import VnuUnavailable, ensure_vnu

# Folders of the output that are not pages of ours: Pagefind's bundle.
SKIPPED = ("pagefind",)


def check_html(output: Path, java: str = "java") -> list[str]:
    """Return one problem per HTML error the Nu checker finds under ``output``.

    ``java`` is the Java runtime to use: a name looked up on PATH, or a path.
    """
    runtime = shutil.which(java)
    if runtime is None:
        return [("html: the Nu HTML checker needs Java, and `java` is not on PATH. Install a "
                 "Java runtime (Debian: apt install default-jre-headless).")]
    if not any(output.rglob("*.html")):
        return []
    try:
        jar = ensure_vnu()
    except VnuUnavailable as exc:
        return [f"html: {exc}"]
    # Language detection only ever warns (the lang attribute against the text), and
    # only errors are reported: off, it is a fifth less time.
    args = [runtime, "-Xss1024k", "-jar", str(jar), "--errors-only", "--no-langdetect",
            "--format", "json", "--exit-zero-always", "--skip-non-html", str(output)]
    run = subprocess.run(args, capture_output=True, text=True, check=False)  # noqa: S603
    try:
        messages = json.loads(run.stderr or run.stdout)["messages"]
    except (json.JSONDecodeError, KeyError):
        return [f"html: the Nu HTML checker did not run: {run.stderr.strip()[:500]}"]
    problems = []
    for message in messages:
        url = str(message.get("url", ""))
        where = Path(url.removeprefix("file:")).resolve()
        try:
            shown = where.relative_to(output.resolve())
        except ValueError:
            shown = where
        if shown.parts and shown.parts[0] in SKIPPED:
            continue
        line = message.get("lastLine") or message.get("firstLine") or 0
        problems.append(f"{shown}:{line}: html: {message.get('message', '').strip()}")
    return problems
