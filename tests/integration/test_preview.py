"""The live preview (`invoke serve`): a save is re-rendered first, then the site settles.

Each test starts the preview server on a free port against a copy of the
basic fixture site (its own theme copy, cache and output folder), edits files
and checks over HTTP what is served and which events the browser receives;
once the background build settles, output/ must equal a clean build.
"""

from __future__ import annotations

import json
import shutil
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pelican.settings import read_settings

from candor_tools.atomic import left_behind
from candor_tools.preview.app import Preview
from candor_tools.preview.builder import Builder
from candor_tools.preview.changes import files_of
from candor_tools.preview.client import EventStream
from candor_tools.preview.client import wait_for as wait_until
from candor_tools.preview.kept import COARSE_TIMES_NS
from candor_tools.preview.overlay import Overlay
from candor_tools.preview.workers import Worker
from tests.helpers import REPO, build_site

# Generous: a full build of the fixture takes a few seconds, more on a busy machine.
# Only a guard against hanging; nothing here asserts how fast anything is.
PATIENCE = 180.0
RESULTS = "/posts/2026/results/"


class Events(EventStream):
    """The preview's event stream, matched event by event in the order they came."""

    def __init__(self, url: str) -> None:
        super().__init__(url, PATIENCE)
        self.seen = 0  # events before this index were matched already

    def find(self, event: str, test: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
        """Wait for a new event named ``event`` whose data passes ``test``."""

        def match() -> tuple[int, dict[str, Any]] | None:
            received = list(self.received)
            return next(((i, d) for i, (_t, e, d) in enumerate(received)
                         if i >= self.seen and e == event and test(d)), None)

        index, data = wait_for(match)
        self.seen = index + 1
        return data


def wait_for(found: Callable[[], Any]) -> Any:
    return wait_until(found, PATIENCE, poll=0.05)


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def status(url: str) -> dict[str, Any]:
    return json.loads(get(f"{url}/__candor_preview/status")[1])


def settled(preview: Preview, after: int = 0) -> dict[str, Any]:
    """Wait until the full build of the latest save (at least ``after``) is in output/."""
    return wait_for(lambda: (s := status(preview.url))["settled"]
                    and s["generation"] >= after and s)


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def preview_site(root: Path, tmp_path: Path) -> Path:
    """Give the fixture copy ``root`` its own theme copy and cache; preview.py is its
    settings (incremental, as pelicanconf.py)."""
    shutil.copytree(REPO / "theme", tmp_path / "theme")
    # run_path, not an import: each test's site has its own pelicanconf.py.
    (root / "preview.py").write_text(
        "import runpy\n"
        f"globals().update({{k: v for k, v in runpy.run_path({str(root / 'pelicanconf.py')!r})"
        ".items() if k.isupper()})\n"
        f"THEME = {str(tmp_path / 'theme')!r}\n"
        f"CACHE_PATH = {str(tmp_path / 'cache')!r}\n"
        # As pelicanconf.py: full builds are incremental, in the preview's kept folder.
        "PUBLISHING_INCREMENTAL = True\n", encoding="utf-8")
    return root


@pytest.fixture
def site(site_copy, tmp_path: Path) -> Path:
    """The basic fixture, set up for the preview (``preview_site``)."""
    return preview_site(site_copy("basic"), tmp_path)


@pytest.fixture
def preview(site: Path, tmp_path: Path) -> Iterator[Preview]:
    server = Preview(site / "preview.py", output=tmp_path / "output", port=0).start()
    try:
        settled(server)
        yield server
    finally:
        server.stop()


@pytest.fixture
def events(preview: Preview) -> Iterator[Events]:
    stream = Events(preview.url)
    stream.find("status", lambda d: True)  # connected: the current state arrived
    yield stream
    stream.close()


def assert_like_a_clean_build(site: Path, output: Path, tmp_path: Path) -> None:
    clean = tmp_path / "clean"  # a new folder, with its own cache: everything rendered
    build_site(site / "preview.py", clean)
    built, expected = tree(output), tree(clean)
    assert sorted(built) == sorted(expected)
    assert [n for n in built if built[n] != expected[n]] == []
    assert not [name for name, body in built.items() if b"__candor_preview" in body]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_saved_post_is_served_with_a_reload_event_then_the_site_settles(
        preview, events, site, tmp_path):
    code, before = get(preview.url + RESULTS)
    assert code == 200 and "Edited in the preview" not in before
    assert '<script src="/__candor_preview/livereload.js" defer></script>' in before
    edit(site / "content" / "posts" / "results.md", "Title: ", "Title: Edited in the preview ")
    reload = events.find("reload", lambda d: RESULTS in d["paths"])
    assert "Edited in the preview" in get(preview.url + RESULTS)[1]
    # The home page lists the post: it follows with the full build, which reloads it too.
    events.find("reload", lambda d: "/" in d["paths"] and d["generation"] == reload["generation"])
    assert "Edited in the preview" in get(preview.url + "/")[1]
    settled(preview, reload["generation"])
    assert_like_a_clean_build(site, tmp_path / "output", tmp_path)


def test_a_front_matter_error_is_shown_and_the_last_good_page_stays(
        preview, events, site, tmp_path):
    good = get(preview.url + RESULTS)[1]
    built = tree(tmp_path / "output")
    post = site / "content" / "posts" / "results.md"
    edit(post, "Kind: news", "Kind: essay")
    found = events.find("problems", lambda d: bool(d["problems"]))["problems"]
    assert [(Path(p["path"]).name, p["field"]) for p in found] == [("results.md", "kind")]
    assert found[0]["line"] == post.read_text().splitlines().index("Kind: essay") + 1
    assert found[0]["fix"] and "essay" in found[0]["problem"]
    assert get(preview.url + RESULTS) == (200, good)
    # The full build refuses the file too: output/ keeps the last good build.
    failed = wait_for(lambda: (s := status(preview.url))["build_errors"] and s)
    assert not failed["settled"] and failed["problems"] == found
    assert any("results.md" in line for line in failed["build_errors"])
    assert tree(tmp_path / "output") == built
    edit(post, "Kind: essay", "Kind: news")
    events.find("problems", lambda d: not d["problems"] and not d["build_errors"])
    settled(preview, failed["generation"] + 1)
    assert get(preview.url + RESULTS) == (200, good)


def test_new_deleted_renamed_and_draft_posts(preview, events, site, tmp_path):
    posts = site / "content" / "posts"
    new = posts / "fresh-start.md"
    new.write_text((posts / "results.md").read_text().replace("Title: ", "Title: Fresh "),
                   encoding="utf-8")
    events.find("reload", lambda d: "/posts/2026/fresh-start/" in d["paths"])
    assert "Fresh" in get(preview.url + "/posts/2026/fresh-start/")[1]

    new.rename(posts / "a-new-name.md")
    moved = events.find("reload", lambda d: d["moved"])["moved"]
    assert moved == {"posts/2026/fresh-start/": "posts/2026/a-new-name/"}
    assert get(preview.url + "/posts/2026/fresh-start/")[0] == 404
    assert "Fresh" in get(preview.url + "/posts/2026/a-new-name/")[1]

    edit(posts / "a-new-name.md", "Title: ", "Status: draft\nTitle: ")
    events.find("reload", lambda d: d["moved"].get("posts/2026/a-new-name/") ==
                "drafts/a-new-name/")
    assert "DRAFT" in get(preview.url + "/drafts/a-new-name/")[1]
    assert get(preview.url + "/posts/2026/a-new-name/")[0] == 404

    (posts / "a-new-name.md").unlink()
    gone = events.find("reload", lambda d: "/drafts/a-new-name/" in d["paths"])
    assert get(preview.url + "/drafts/a-new-name/")[0] == 404
    settled(preview, gone["generation"])
    assert_like_a_clean_build(site, tmp_path / "output", tmp_path)


def test_a_theme_change_rebuilds_everything_and_a_broken_template_is_reported(
        preview, events, site, tmp_path):
    template = tmp_path / "theme" / "templates" / "base.html"
    text = template.read_text(encoding="utf-8")
    template.write_text(text.replace("<head>", "<head><!-- theme edited -->", 1),
                        encoding="utf-8")
    reload = events.find("reload", lambda d: RESULTS in d["paths"])
    assert "theme edited" in get(preview.url + RESULTS)[1]
    settled(preview, reload["generation"])
    assert status(preview.url)["fast"]

    good = tree(tmp_path / "output")
    template.write_text(text.replace("<head>", "<head>{% if %}", 1), encoding="utf-8")
    errors = events.find("problems", lambda d: bool(d["build_errors"]))["build_errors"]
    assert any("base.html" in line for line in errors)
    assert tree(tmp_path / "output") == good
    template.write_text(text, encoding="utf-8")
    events.find("problems", lambda d: not d["build_errors"])
    settled(preview, status(preview.url)["generation"])
    assert_like_a_clean_build(site, tmp_path / "output", tmp_path)


def test_two_quick_saves_end_with_the_latest(preview, events, site, tmp_path):
    post = site / "content" / "posts" / "results.md"
    edit(post, "Title: ", "Title: First save ")
    edit(post, "First save", "Second save")
    events.find("reload", lambda d: RESULTS in d["paths"])
    wait_for(lambda: "Second save" in get(preview.url + RESULTS)[1])
    settled(preview, status(preview.url)["generation"])
    page = get(preview.url + RESULTS)[1]
    assert "Second save" in page and "First save" not in page
    assert_like_a_clean_build(site, tmp_path / "output", tmp_path)


def test_full_builds_render_only_what_changed_into_the_kept_folder(site, tmp_path):
    """With the incremental rebuild on (as in pelicanconf.py), a full build renders what a
    save changed, in the preview's kept folder, then is copied into what is served."""
    assert "PUBLISHING_INCREMENTAL = True" in (site / "preview.py").read_text()
    output = tmp_path / "output"

    def last_build(server: Preview, after: int) -> dict[str, int]:
        counts: dict[str, int] = settled(server, after)["last_build"]["rebuild"]
        return counts

    server = Preview(site / "preview.py", output=output, port=0).start()
    try:
        first = last_build(server, 0)
        assert first["rendered"] > 20 and first["reused"] == 0
        stream = Events(server.url)
        # Files written in the last seconds are copied, never linked (coarse file times).
        time.sleep(COARSE_TIMES_NS / 1e9 + 0.5)
        before = {name: (Path(path).stat().st_ino, Path(path).read_bytes())
                  for name, path in files_of(output).items()}
        edit(site / "content" / "posts" / "results.md", "Title: ", "Title: Kept folder ")
        reload = stream.find("reload", lambda d: RESULTS in d["paths"])
        edited = last_build(server, reload["generation"])
        assert 0 < edited["rendered"] < first["rendered"] / 2
        assert edited["reused"] > first["rendered"] / 2
        assert_like_a_clean_build(site, output, tmp_path / "edited")
        # The pages the save did not change are linked from the folder served before
        # it (Pelican copies static files anew each build: those are copied).
        after = {name: (Path(path).stat().st_ino, Path(path).read_bytes())
                 for name, path in files_of(output).items()}
        same = [n for n in before if n.endswith(".html") and n in after
                and before[n][1] == after[n][1]]
        assert len(same) > 10
        assert [n for n in same if before[n][0] != after[n][0]] == []
        assert before[RESULTS.strip("/") + "/index.html"][0] != after[
            RESULTS.strip("/") + "/index.html"][0]

        (site / "content" / "posts" / "results.md").unlink()
        gone = stream.find("reload", lambda d: RESULTS in d["paths"])
        assert last_build(server, gone["generation"])["removed"] >= 1
        assert get(server.url + RESULTS)[0] == 404
        assert_like_a_clean_build(site, output, tmp_path / "deleted")
        stream.close()
    finally:
        server.stop()
    # The next `make serve` starts from the kept folder: nothing to render.
    server = Preview(site / "preview.py", output=output, port=0).start()
    try:
        assert last_build(server, 0)["rendered"] == 0
        assert_like_a_clean_build(site, output, tmp_path / "restarted")
    finally:
        server.stop()


def test_the_next_full_build_runs_in_a_worker_started_ahead(preview, events, site):
    """Once a full build is done, the worker for the next one starts and imports Pelican
    and the plugins while the preview waits; a save's build runs in it. After a change
    to the theme (the code), it is dropped: the build runs in a worker started since."""
    plugins = [p for p in read_settings(str(site / "preview.py"))["PLUGINS"]
               if isinstance(p, str)]
    builder = preview.coordinator.builder
    spare = wait_for(lambda: builder.spare)
    edit(site / "content" / "posts" / "results.md", "Title: ", "Title: Started ahead ")
    saved = events.find("reload", lambda d: RESULTS in d["paths"])["generation"]
    built = settled(preview, saved)["last_build"]
    assert built["worker"] == spare.pid
    assert built["warm"] == plugins  # imported before its build was asked for

    spare = wait_for(lambda: builder.spare)
    template = preview.watched.code[0] / "templates" / "base.html"
    edit(template, "<head>", "<head><!-- theme edited -->")
    changed = events.find("reload", lambda d: RESULTS in d["paths"])["generation"]
    built = settled(preview, changed)["last_build"]
    assert built["worker"] != spare.pid
    assert spare.stopped and spare.process.poll() is not None
    assert "theme edited" in get(preview.url + RESULTS)[1]


class _Owner:
    """What a Builder reports to, written down (the coordinator's part)."""

    def __init__(self) -> None:
        self.failed: list[int] = []
        self.idle = threading.Event()

    def build_started(self, generation: int) -> None:
        pass

    def build_failed(self, generation: int, errors: list[str]) -> None:
        self.failed.append(generation)

    def build_done(self, generation: int, worker: Any, changed: list[str],
                   seconds: float) -> None:
        raise AssertionError(generation)

    def builder_idle(self) -> None:
        self.idle.set()


def test_no_worker_is_started_ahead_after_one_ended_by_itself(tmp_path):
    """A worker that cannot even read the settings ends before building: another started
    ahead would end the same way (and say so again in the terminal)."""
    settings = tmp_path / "broken.py"
    settings.write_text("PATH = \n", encoding="utf-8")
    owner = _Owner()
    builder = Builder(settings, tmp_path / "output", Overlay(), owner)
    builder.start()
    try:
        builder.request(1)
        assert owner.idle.wait(PATIENCE)
        assert builder.spare is None
        assert not (tmp_path / "output").exists()
    finally:
        builder.stop()


def test_old_sites_are_deleted_once_the_new_one_is_served(site, tmp_path):
    """The site a full build replaces is deleted by a thread of its own after the swap,
    and one an earlier preview left behind (stopped mid-deletion) when the next starts."""
    output = tmp_path / "output"
    stale = tmp_path / ".output-old-stale"
    (stale / "posts").mkdir(parents=True)
    (stale / "posts" / "index.html").write_text("an old site", encoding="utf-8")
    server = Preview(site / "preview.py", output=output, port=0).start()
    try:
        stream = Events(server.url)
        settled(server)
        wait_for(lambda: not stale.exists())
        edit(site / "content" / "posts" / "results.md", "Title: ", "Title: Replaced ")
        saved = stream.find("reload", lambda d: RESULTS in d["paths"])["generation"]
        settled(server, saved)
        wait_for(lambda: left_behind(output) == [])
        stream.close()
    finally:
        server.stop()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".output")) == []
    assert_like_a_clean_build(site, output, tmp_path / "clean-check")


def test_a_worker_asked_only_to_describe_the_settings_imports_no_plugin(site, tmp_path):
    """Preview startup reads the folders to watch from a worker that skips warm_up."""
    worker = Worker(site / "preview.py", warm=False)
    try:
        assert worker.request("describe")["ok"]
        answer = worker.request("build", output=str(tmp_path / "built"))
        assert answer["ok"] and answer["warm"] == []
    finally:
        worker.stop()
