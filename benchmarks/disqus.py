"""Generate a deterministic Disqus export and time the importer on it."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.runner import ROOT, Stats

IMPORT_CHILD = """
import resource, sys
from candor_tools.qa_import.cli import main
try:
    code = main(sys.argv[1:])
finally:
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
sys.exit(code)
"""


def disqus_export(comments: int, path: Path) -> None:
    """Write a deterministic Disqus export of ``comments`` posts over the sample's posts.

    About 1 in 5 posts is a reply, 1 in 100 an executive's reply, 3 in 100 deleted, 2 in
    100 spam and 1 in 50 in a thread with no matching post.
    """
    slugs = sorted(p.stem for p in (ROOT / "content" / "posts").rglob("*.md")
                   if p.stem.count(".") == 0)
    threads = len(slugs) * 8
    with path.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="utf-8"?>\n<disqus xmlns="http://disqus.com" '
                  'xmlns:dsq="http://disqus.com/disqus-internals">\n')
        for t in range(threads):
            link = (f"https://old.example/{t // len(slugs)}/{slugs[t % len(slugs)]}/"
                    if t % 50 else f"https://old.example/gone-{t}/")
            out.write(f'<thread dsq:id="{t}"><id>t{t}</id><link>{link}</link>'
                      f"<title>Thread {t}</title></thread>\n")
        for n in range(comments):
            thread = n % threads
            executive = n % 100 == 7
            parent = (f'<parent dsq:id="{100000000 + n - threads}" />'
                      if n >= threads and (executive or n % 5 == 0) else "")
            user = ("<username>anaruiz</username>" if executive
                    else f"<username>reader{n % 5000}</username>" if n % 3 else "")
            out.write(
                f'<post dsq:id="{100000000 + n}"><id /><message><![CDATA[<p>Comment {n}: '
                f"what happens to team {n % 50} and the budget next year?</p>]]></message>"
                f"<createdAt>2025-{n % 12 + 1:02d}-{n % 28 + 1:02d}T{n % 24:02d}:"
                f"{n % 60:02d}:00Z</createdAt><isDeleted>{str(n % 100 in (3, 4, 5)).lower()}"
                f"</isDeleted><isSpam>{str(n % 100 in (8, 9)).lower()}</isSpam><author>"
                f"<email>reader{n}@example.com</email><name>Reader {n % 997}</name>"
                f"<isAnonymous>{str(not n % 3).lower()}</isAnonymous>{user}</author>"
                f'<ipAddress>10.0.{n % 256}.{n % 250}</ipAddress><thread dsq:id="{thread}" />'
                f"{parent}</post>\n")
        out.write("</disqus>\n")


def timed_import(export: Path, settings: Path) -> tuple[float, float]:
    """Run the importer once in a child process; return (seconds, peak MiB)."""
    start = time.perf_counter()
    child = subprocess.run([sys.executable, "-c", IMPORT_CHILD, str(export), "--format",
                            "disqus", "--settings", str(settings), "--no-progress",
                            "--identity", "ana-ruiz=anaruiz"], check=False, cwd=ROOT,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if child.returncode:
        sys.exit(f"bench: the import of {export} failed:\n{child.stderr}")
    return time.perf_counter() - start, int(child.stderr.strip().splitlines()[-1]) / 1024


def import_cases(comments: int) -> list[Stats]:
    """Import a generated export into a copy of the sample site, then again (no change).

    Return the two measurements: the first import and the re-import.
    """
    results = []
    with tempfile.TemporaryDirectory(prefix="candor-bench-") as folder:
        content = Path(folder) / "content"
        shutil.copytree(ROOT / "content", content)
        settings = Path(folder) / "pelicanconf.py"
        settings.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n"
                            f"from pelicanconf import *  # noqa: F403\nPATH = {str(content)!r}\n",
                            encoding="utf-8")
        export = Path(folder) / "disqus.xml"
        disqus_export(comments, export)
        for _label in ("first import", "re-import, nothing changes"):
            stats = Stats()
            stats.add(*timed_import(export, settings))
            results.append(stats)
    return results
