"""Everyday commands for executives and the comms team (run `invoke --list`).

Every task runs Pelican from this project's .venv; `make build` / `make serve`
create it first.
"""

from __future__ import annotations

import shlex
import shutil
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from invoke import task

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT))

CONTENT = ROOT / "content"
OUTPUT = ROOT / "output"
PELICAN = f"{shlex.quote(sys.executable)} -m candor_tools.run_pelican"
HOST, PORT = "127.0.0.1", 8000


def _pelican(c, settings: str, output: Path = OUTPUT, *extra: str, strict: bool = False,
             warn: bool = False, search: bool = False):
    """Run Pelican; ``search``: then index the site for search in the same process."""
    args = [str(CONTENT), "-s", settings, "-o", str(output)]
    if strict:
        args.append("--strict")
    if search:
        args.append("--search-index")
    return c.run(f"{PELICAN} {shlex.join(args + list(extra))}", pty=False, warn=warn,
                 env={"PYTHONPATH": str(ROOT)})


@task
def build(c):
    """Build the site for local reading (drafts shown with a banner) into output/."""
    _pelican(c, str(ROOT / "pelicanconf.py"), search=True)


def index_for_search(c, output: Path, lang: str, *, cache: Path | None = None,
                     reuse: Path | None = None, settings: dict | None = None) -> None:
    """Index the built site with Pagefind into output/pagefind/ (posts and answers only).

    Templates mark what is indexed (data-pagefind-body): published posts and
    answered questions, never drafts, hidden or embargoed posts. With ``cache``,
    an index whose pages did not change is left as it is; with ``reuse``, another
    folder's index of the same pages is taken; a big site's index is made in parts
    of SEARCH_INDEX_PART_PAGES from ``settings`` (candor_tools.search_index).
    """
    from candor_tools.search_index import index_site
    from candor_tools.search_parts import SearchSettingError, part_pages

    try:
        per_part = part_pages(settings or {}, "pelicanconf.py or publishconf.py")
    except SearchSettingError as error:
        sys.exit(str(error))
    scratch = Path(settings["CACHE_PATH"]) if settings and "CACHE_PATH" in settings else None
    indexed = index_site(output, lang, cache, lambda command: c.run(
        shlex.join(command), pty=False, in_stream=False), reuse=reuse, part_pages=per_part,
        scratch=scratch)
    if indexed.message():
        print(indexed.message())


@task
def preview(c, port=PORT):
    """Build with the production settings (no drafts) and serve it on 127.0.0.1."""
    site = f"http://{HOST}:{port}"
    _pelican(c, str(ROOT / "publishconf.py"), OUTPUT, "-e", f'SITEURL="{site}"',
             f'FEEDS_DOMAIN="{site}"', search=True)
    _serve_static(OUTPUT, int(port))


@task
def serve(c, port=PORT):
    """Preview on http://127.0.0.1:8000: a saved post's page reloads at once, the rest follows."""
    from candor_tools.preview.app import run  # imported here: only this task needs it

    settings = _core_settings("pelicanconf.py")
    run(ROOT / "pelicanconf.py", output=OUTPUT, host=HOST, port=int(port),
        index=lambda folder: index_for_search(c, folder, settings["DEFAULT_LANG"],
                                              reuse=OUTPUT, settings=settings))


def _serve_static(root: Path, port: int) -> None:
    import functools
    import http.server

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    with http.server.ThreadingHTTPServer((HOST, port), handler) as httpd:
        print(f"Production preview on http://{HOST}:{port}/ (Ctrl-C stops).")
        httpd.serve_forever()


@task(help={
    "title": "The post's title, in quotes",
    "author": "The author's slug from content/authors.yml",
    "kind": "news or reflection",
    "lang": "Language code, e.g. es for a Spanish post or translation",
    "translates": "For a translation: the original's file, e.g. content/posts/2025/x.md",
})
def new(c, title, author, kind, lang=None, translates=None):  # noqa: PLR0917
    """Scaffold a draft post: new "Title" --author SLUG --kind news|reflection [--lang es]."""
    from candor_tools.scaffold import new_post_path, new_post_text
    from roster.load import load_roster

    roster_file = f"content/{_setting('ROSTER_PATH')}"
    roster = load_roster(ROOT / roster_file, CONTENT, roster_file)
    kinds = list(_setting("FRONTMATTER_KINDS"))
    languages = list(_setting("FRONTMATTER_LANGUAGES"))
    if author not in roster:
        sys.exit(f"new: --author: '{author}' is not in {roster_file}. "
                 f"Known authors: {', '.join(roster.slugs())}.")
    if kind not in kinds:
        sys.exit(f"new: --kind: '{kind}' is not a kind. Use one of: {', '.join(kinds)}.")
    if lang is not None and lang not in languages:
        sys.exit(f"new: --lang: '{lang}' is not a language of this site. "
                 f"Use one of: {', '.join(languages)}.")
    now = datetime.now(ZoneInfo(_setting("TIMEZONE")))
    path = new_post_path(CONTENT / "posts", title, now, lang)
    if translates:
        original = (ROOT / translates).resolve()
        if not original.is_file() or not lang:
            sys.exit(f"new: --translates: '{translates}' must be an existing post, "
                     "used with --lang.")
        path = original.with_name(f"{original.stem}.{lang}.md")
    if path.exists():
        sys.exit(f"new: {path.relative_to(ROOT)} already exists; choose another title.")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(new_post_text(title, author, kind, now, lang), encoding="utf-8")
    print(f"Created {path.relative_to(ROOT)} (Status: draft). Run `make serve` to preview it.")


def _setting(name: str, settings_file: str = "pelicanconf.py"):
    """Return a setting as the build sees it, plugin defaults included."""
    return _settings(settings_file)[name]


def _core_settings(settings_file: str) -> dict:
    """Return Pelican's own settings from a settings file (no plugin is started)."""
    from pelican.settings import read_settings

    return read_settings(str(ROOT / settings_file))


def _settings(settings_file: str) -> dict:
    """Return every setting as the build sees it, plugin defaults included."""
    from pelican import Pelican
    from pelican.settings import read_settings

    return dict(Pelican(read_settings(str(ROOT / settings_file))).settings)


@task
def check(c):
    """Build for production into output-check/, check it, and only then replace the old one.

    Fails on any error: front matter, approvals, disclosure, links and anchors,
    feeds, HTML validity (Nu checker), personal data, or text of anything held
    back found in the output. Warns about overdue follow-ups and commitments.
    """
    import json
    import tempfile

    from candor_tools.atomic import atomic_replace
    from candor_tools.check_report import review_build

    settings = _settings("publishconf.py")

    def build_and_check(folder: Path) -> None:
        with tempfile.TemporaryDirectory(prefix="candor-check-") as scratch:
            report = Path(scratch) / "build-report.json"
            result = _pelican(c, str(ROOT / "publishconf.py"), folder, "-e",
                              f"PUBLISHING_BUILD_REPORT={json.dumps(str(report))}",
                              strict=True, warn=True)
            if result.failed:
                sys.exit("check: the production build failed; output-check/ is unchanged.")
            index_for_search(c, folder, settings["DEFAULT_LANG"], settings=settings)
            review = review_build(folder, report, settings)
        for line in review.lines():
            print(f"check: {line}")
        if review.problems:
            sys.exit(f"check: {len(review.problems)} problem(s); output-check/ is unchanged. "
                     "Nothing should be published like this.")

    atomic_replace(ROOT / "output-check", build_and_check)
    print("check: the production build is clean (output-check/).")


@task(help={
    "target": "Copy the production build into this directory (any static host)",
    "branch": "Or commit it to this git branch, gh-pages style (no push)",
})
def publish(c, target=None, branch=None):
    """Build for production and deploy to a directory or a gh-pages-style branch."""
    if bool(target) == bool(branch):
        sys.exit("publish: give exactly one of --target DIR or --branch NAME.")
    check(c)
    built = ROOT / "output-check"
    if target:
        destination = Path(target).resolve()
        shutil.rmtree(destination, ignore_errors=True)
        shutil.copytree(built, destination)
        print(f"publish: copied the site to {destination}")
        return
    from ghp_import import ghp_import

    ghp_import(str(built), mesg="Publish the site", branch=branch, nojekyll=True)
    print(f"publish: committed the site to branch {branch}; push it to deploy.")


@task
def freeze_digests(c):
    """Record every closed Q&A digest period in content/qa/digests.lock.json (commit it).

    Runs the production build into a scratch folder with QA_PERIODIC_FREEZE on,
    so the record is exactly what `invoke check` and the deploy publish. Periods
    already recorded are never rewritten; from then on their digests change
    only through the correction notes they show.
    """
    import tempfile

    from qa_periodic.lock import raw_periods

    settings = _settings("publishconf.py")
    lock = Path(settings["PATH"]) / settings["QA_PERIODIC_LOCK"]
    before = set(raw_periods(lock))
    with tempfile.TemporaryDirectory(prefix="candor-freeze-") as scratch:
        result = _pelican(c, str(ROOT / "publishconf.py"), Path(scratch) / "output", "-e",
                          "QA_PERIODIC_FREEZE=true", warn=True)
    added = sorted(set(raw_periods(lock)) - before)
    lock_name = lock.relative_to(ROOT)
    if result.failed:
        # The lock is written once the digests' pages are; a later failure keeps it.
        recorded = (f"{', '.join(added)} were recorded in {lock_name} before it failed"
                    if added else "the lock is unchanged")
        sys.exit(f"freeze-digests: the production build failed; {recorded}.")
    if added:
        print(f"freeze-digests: recorded {', '.join(added)} in {lock_name}; commit it.")
    else:
        print(f"freeze-digests: every closed period is already in {lock_name}.")


@task
def clean(c):
    """Remove generated files (output/, output-check/, caches)."""
    for name in ("output", "output-check", "cache"):
        shutil.rmtree(ROOT / name, ignore_errors=True)


@task(
    positional=["file"],
    iterable=["map_", "identity", "column"],
    help={
        "file": "The export: a file (a folder of comment files for staticman)",
        "format": "disqus, wxr, isso, remark42, staticman, github, mastodon or csv",
        "session": "Put every question in this existing session (content/qa/ID.yml)",
        "post": "Put every question under this post (path from content/, or slug)",
        "map": "OLD=POST: a source URL, path or thread id, and the post it is now (repeat)",
        "identity": "SLUG=ACCOUNT: an executive's account in this source (repeat)",
        "column": "csv: FIELD=HEADER, e.g. text=Question (repeat)",
        "date_format": "csv: strptime format of the dates, e.g. %d/%m/%Y %H:%M",
        "names": "full (default), initial ('Marta G.') or none",
        "source_timezone": "Zone of times the export writes without one",
        "dry_run": "Report what would change, write nothing",
    },
)
def qa_import(c, file, format, session=None, post=None, map_=None, identity=None,  # noqa: PLR0917
              column=None, date_format=None, names="full", source_timezone=None,
              dry_run=False):
    """Import questions and comments from Disqus, WordPress, Isso, ... into content/qa/."""
    from candor_tools.qa_import.cli import main

    args = [str(file), "--format", format, "--names", names]
    for flag, value in (("--session", session), ("--post", post),
                        ("--date-format", date_format),
                        ("--source-timezone", source_timezone)):
        if value:
            args += [flag, value]
    for flag, values in (("--map", map_), ("--identity", identity), ("--column", column)):
        for value in values or []:
            args += [flag, value]
    if dry_run:
        args.append("--dry-run")
    code = main(args)
    if code:
        sys.exit(code)
