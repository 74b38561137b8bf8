"""The incremental rebuild (PUBLISHING_INCREMENTAL) renders only what changed, and
its output is byte for byte the output of a clean build of the same tree.

Each test builds once, changes something a user changes (a post's text, a
title, a question's answer, a template, the clock, a file in the output), builds
again into the same folder, and compares with a clean, non-incremental build.
"""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path

import pytest

from candor_common import rebuild
from tests.helpers import REPO, build_fixture, build_site
from tests.integration.test_fast_paths import assert_same_site

NOW = "2026-06-01T09:00"
COUNTS = re.compile(r"rebuilt (\d+) outputs, left (\d+) unchanged")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A copy of the sample site's content and theme, to edit."""
    shutil.copytree(REPO / "content", tmp_path / "content")
    shutil.copytree(REPO / "theme", tmp_path / "theme")
    return tmp_path


def build(site: Path, output: Path, *, incremental: bool = True, **overrides: object) -> None:
    settings = {"PATH": str(site / "content"), "THEME": str(site / "theme"),
                "PUBLISHING_NOW": NOW, "PUBLISHING_INCREMENTAL": incremental,
                "CACHE_PATH": str(site / ("cache" if incremental else "cache-clean")),
                "DELETE_OUTPUT_DIRECTORY": False, **overrides}
    build_site(REPO / "pelicanconf.py", output, **settings)


def counts(caplog: pytest.LogCaptureFixture) -> tuple[int, int]:
    """Return (rendered, left unchanged) of the last build, from its log line."""
    found = [COUNTS.search(record.getMessage()) for record in caplog.records]
    rendered, reused = [match.groups() for match in found if match][-1]
    caplog.clear()
    return int(rendered), int(reused)


def rebuild_equals_clean(site: Path) -> None:
    build(site, site / "output")
    shutil.rmtree(site / "clean", ignore_errors=True)  # a clean build starts empty
    build(site, site / "clean", incremental=False)
    assert_same_site(site / "output", site / "clean")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def answer_bias_question(site: Path) -> None:
    """Answer a pending question of the sample town hall."""
    edit(site / "content" / "qa" / "spring-town-hall-2026.yml",
         "      How are promotion decisions checked for bias?\n    status: pending\n",
         "      How are promotion decisions checked for bias?\n    status: answered\n"
         "    answer:\n      by: ana-ruiz\n      at: 2026-03-20 10:00\n      text: |\n"
         "        Every promotion panel is now reviewed by someone outside the team.\n")


@pytest.fixture
def logged(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.INFO, logger="publishing.incremental")
    caplog.set_level(logging.INFO, logger="qa_digest.cardcache")
    return caplog


CARDS = re.compile(r"(\d+) question cards kept from the last build, (\d+) rendered")


def cards(caplog: pytest.LogCaptureFixture) -> tuple[int, int]:
    """Return (cards kept, cards rendered) of the last incremental build, from its log."""
    found = [CARDS.search(record.getMessage()) for record in caplog.records]
    kept, made = [match.groups() for match in found if match][-1]
    return int(kept), int(made)


@pytest.mark.sample
def test_a_rebuild_with_no_change_renders_nothing(site, logged):
    build(site, site / "output")
    first_rendered, first_reused = counts(logged)
    assert first_reused == 0
    assert first_rendered > 100
    logged.clear()
    build(site, site / "output")
    assert not [r for r in logged.records if "made again because" in r.getMessage()]
    assert counts(logged) == (0, first_rendered)


def file_times(output: Path) -> dict[str, int]:
    """Every file of ``output`` -> its modification time (ns)."""
    return {str(p.relative_to(output)): p.stat().st_mtime_ns
            for p in output.rglob("*") if p.is_file()}


@pytest.mark.sample
def test_a_rebuild_writes_no_file_whose_bytes_did_not_change(site, logged):
    output = site / "output"
    build(site, output)
    total, _ = counts(logged)
    times = file_times(output)
    assert {"sitemap.xml", "theme/css/base.css", "theme/feed.xsl"} <= set(times)
    build(site, output)  # static copies, the sitemap and feeds included
    assert file_times(output) == times
    # A stylesheet is copied, not rendered from: editing it renders no page and
    # writes that file only.
    edit(site / "theme" / "static" / "css" / "print.css", "}", "}\n/* edited */")
    rebuild_equals_clean(site)
    assert counts(logged) == (0, total)
    now = file_times(output)
    assert [name for name in times if now[name] != times[name]] == ["theme/css/print.css"]
    assert b"/* edited */" in (output / "theme" / "css" / "print.css").read_bytes()


@pytest.mark.sample
def test_editing_a_post_renders_its_page_and_what_shows_its_text(site, logged):
    build(site, site / "output")
    total, _ = counts(logged)
    post = site / "content" / "posts" / "2025" / "hiring-freeze.md"
    edit(post, "\n\n", "\n\nAn added sentence, *edited* after the first build.\n\n")
    rebuild_equals_clean(site)
    rendered, reused = counts(logged)
    # Its page and the feeds that carry its text; not the other pages.
    assert 1 <= rendered < total // 4
    assert rendered + reused == total
    page = site / "output" / "posts" / "2025" / "hiring-freeze" / "index.html"
    assert b"An added sentence" in page.read_bytes()


@pytest.mark.sample
def test_a_new_title_renders_the_pages_that_show_it_not_every_page(site, logged):
    build(site, site / "output")
    total, _ = counts(logged)
    # A post without questions: a post's Q&A thread takes its title, which every page
    # of that thread shows, so a title with questions renders those pages too.
    edit(site / "content" / "posts" / "2025" / "a-hard-quarter.md", "Title: ",
         "Title: Retitled: ")
    rebuild_equals_clean(site)
    rendered, reused = counts(logged)
    assert rendered + reused == total
    assert 1 < rendered < total // 2
    shown = [p.relative_to(site / "output").as_posix()
             for p in (site / "output").rglob("*.html") if b"Retitled: " in p.read_bytes()]
    # Its page, the lists and the neighbours that show the title were made again.
    for name in ("posts/2025/a-hard-quarter/index.html", "index.html", "archives/index.html"):
        assert name in shown


@pytest.mark.sample
def test_an_answer_renders_its_page_and_its_thread_not_every_question_page(site, logged):
    output = site / "output"
    build(site, output)
    total, _ = counts(logged)
    question_pages = {p: p.stat().st_mtime_ns for p in (output / "qa").rglob("index.html")
                      if b"qa-question-page" in p.read_bytes()}
    assert len(question_pages) > 100
    answer_bias_question(site)
    rebuild_equals_clean(site)
    kept, made = cards(logged)
    rendered, reused = counts(logged)
    # The new question page, the town hall's lists, the hub, the digests, the feeds
    # (a new page or two among them); not the pages of the other questions (they show
    # their thread's heading only), nor the posts and lists that link to the Q&A.
    assert rendered < total // 4
    assert reused > 3 * total // 4
    rewritten = [p for p, mtime in question_pages.items() if p.stat().st_mtime_ns != mtime]
    assert rewritten == []
    answered = [p for p in (output / "qa").rglob("index.html") if p not in question_pages
                and b"qa-question-page" in p.read_bytes()]
    assert len(answered) == 1
    assert b"reviewed by someone outside the team" in answered[0].read_bytes()
    # The town hall's list pages were made again, but of their cards only the answered
    # question's: the others were kept from the first build (qa_digest/cardcache.py).
    assert kept > 200 and 1 <= made <= 4


def new_post(title: str, date: str, tag: str, body: str) -> str:
    return (f"Title: {title}\nDate: {date}\nAuthor: ana-ruiz\nKind: news\n"
            f"Written_by: ana-ruiz\nApproved_by: Jordan Blake\nTags: {tag}\n"
            f"Summary: {title}.\n\n{body}\n")


NEW_POST = new_post("A note on the winter peak", "2026-05-20 09:00", "grid",
                    "The winter peak came early. [Results]({filename}/posts/2026/results-2025.md)"
                    " have the numbers,\nand [the follow-up]({filename}/posts/2026/winter-follow-up.md)"
                    " will have the rest.")


MADE_AGAIN = re.compile(r"rebuild: (\S+) is made again: (.*)")


def made_again(caplog: pytest.LogCaptureFixture) -> dict[str, str]:
    """Return {output: why it was made again} of the builds logged (debug log)."""
    found = (MADE_AGAIN.search(record.getMessage()) for record in caplog.records)
    return {match.group(1): match.group(2) for match in found if match}


@pytest.mark.sample
def test_a_new_post_renders_the_lists_and_its_neighbours_not_every_page(site, logged):
    logged.set_level(logging.DEBUG, logger="candor_common.rebuild")
    output = site / "output"
    build(site, output)
    total, _ = counts(logged)
    logged.clear()
    posts = site / "content" / "posts" / "2026"
    (posts / "winter-peak.md").write_text(NEW_POST, encoding="utf-8")
    rebuild_equals_clean(site)
    made = made_again(logged)
    # The build's own summary (shown by `make build`) counts the same reasons.
    summary = [r.getMessage() for r in logged.records if "made again because" in r.getMessage()]
    assert summary and "the last build did not make it" in summary[-1]
    rendered, reused = counts(logged)
    said = [int(n) for n in re.findall(r"(\d+) (?:×|for other reasons)", summary[-1])]
    assert sum(said) == rendered
    assert (output / "posts" / "2026" / "winter-peak" / "index.html").is_file()
    assert rendered + reused > total
    # The new page, the lists, feeds and neighbours that show it, the pages of the
    # posts it is related to, and (a new tag: the feeds catalog changed) the Subscribe
    # page; not the question pages, which do not show it, nor the other tags' pages,
    # which link their own feeds only (feeds_of_scope).
    assert rendered < total // 3
    assert len(made) == rendered
    for page in ("posts/2026/winter-peak/index.html", "index.html", "archives/index.html",
                 "tags/grid/index.html", "subscribe/index.html"):
        assert page in made
    for page in ("tags/safety/index.html", "authors/lucia-ortega/index.html"):
        assert page not in made
    assert not [page for page in made if page.startswith("qa")]  # nor Q&A feeds, exports
    # A second post, with a tag and an author the site has: the other tags', kinds'
    # and authors' pages (Pelican gives each the list of every post, which none of them
    # shows) and the pages without a list (404) are left as they were.
    logged.clear()
    (posts / "winter-peak-2.md").write_text(
        new_post("A second note", "2026-05-21 09:00", "people", "More."), encoding="utf-8")
    rebuild_equals_clean(site)
    made = made_again(logged)
    for page in ("posts/2026/winter-peak-2/index.html", "tags/people/index.html",
                 "authors/ana-ruiz/index.html"):
        assert page in made
    for page in ("tags/safety/index.html", "authors/lucia-ortega/index.html", "404.html",
                 "robots.txt", "posts/2024/requena-is-live/index.html"):
        assert page not in made
    assert not [page for page in made if page.startswith("qa/")]


@pytest.mark.sample
def test_a_link_to_a_post_follows_the_post_it_finds(site, logged):
    """A {filename} link that found nothing finds the post added later; a linked post's
    new address reaches the pages that link to it (bodies are keyed on their links).

    The linking post is no neighbour of either linked post and shares no tag with
    them: its page would be left as it was if the links were not followed."""
    posts = site / "content" / "posts" / "2025"
    (posts / "winter-peak.md").write_text(
        NEW_POST.replace("2026-05-20", "2025-08-01"), encoding="utf-8")
    build(site, site / "output")
    counts(logged)
    page = site / "output" / "posts" / "2025" / "winter-peak" / "index.html"
    assert b"winter-follow-up.md" in page.read_bytes()  # not found: left as written
    (site / "content" / "posts" / "2026" / "winter-follow-up.md").write_text(
        new_post("The winter follow-up", "2024-06-01 09:00", "tides", "More on the peak."),
        encoding="utf-8")
    rebuild_equals_clean(site)
    assert b"winter-follow-up.md" not in page.read_bytes()
    assert b"/winter-follow-up/" in page.read_bytes()
    # The linked post moves: a new slug changes its address, not the linking text.
    edit(site / "content" / "posts" / "2026" / "results-2025.md", "Title:",
         "Slug: results-of-2025\nTitle:")
    rebuild_equals_clean(site)
    assert b"/results-of-2025/" in page.read_bytes()


@pytest.mark.sample
@pytest.mark.parametrize("change", ["title", "answer", "template", "roster", "deleted"])
def test_every_kind_of_change_gives_the_clean_build(site, logged, change):
    build(site, site / "output")
    counts(logged)
    if change == "title":  # shown in lists, feeds, neighbours: every page may change
        edit(site / "content" / "posts" / "2025" / "hiring-freeze.md",
             "Title: ", "Title: Retitled: ")
    elif change == "answer":  # Q&A data, not a post
        edit(site / "content" / "qa" / "hiring-freeze.yml",
             "No. We have no plan", "No. We have no plan at all")
    elif change == "template":
        edit(site / "theme" / "templates" / "base.html", "</footer>",
             "<p>Changed footer.</p></footer>")
    elif change == "roster":
        edit(site / "content" / "authors.yml", "role: ", "role: Acting ")
    else:  # someone deleted a page from the output folder
        (site / "output" / "how-we-answer" / "index.html").unlink()
    rebuild_equals_clean(site)
    rendered, _ = counts(logged)
    assert rendered >= 1
    if change == "deleted":
        assert rendered == 1


@pytest.mark.sample
def test_pages_of_deleted_renamed_and_held_back_posts_are_removed(site, logged):
    build(site, site / "output")
    output, posts = site / "output", site / "content" / "posts" / "2026"
    gone = output / "posts" / "2026" / "balance-local-launch" / "index.html"
    renamed = output / "posts" / "2026" / "a-date-i-should-not-have-promised" / "index.html"
    held_back = output / "es" / "posts" / "2025" / "hiring-freeze" / "index.html"
    assert gone.is_file() and renamed.is_file() and held_back.is_file()
    mine = output / "notes.txt"  # a file the build never wrote
    mine.write_text("kept", encoding="utf-8")
    (posts / "balance-local-launch.md").unlink()
    edit(posts / "on-saying-no.md", "[Balance Local]({filename}/posts/2026/balance-local-launch.md)",
         "Balance Local")
    (posts / "a-date-i-should-not-have-promised.md").rename(posts / "a-date-i-got-wrong.md")
    edit(posts / "maasvlakte-is-live.md", "a-date-i-should-not-have-promised.md",
         "a-date-i-got-wrong.md")
    edit(site / "content" / "posts" / "2025" / "hiring-freeze.es.md", "Title:",
         "Status: draft\nTitle:")
    logged.clear()
    build(site, output)
    removed = [r.getMessage() for r in logged.records if "removed" in r.getMessage()]
    assert removed and "posts/2026/balance-local-launch/index.html" in removed[0]
    assert not gone.exists() and not gone.parent.exists()
    assert not renamed.exists()
    assert (output / "posts" / "2026" / "a-date-i-got-wrong" / "index.html").is_file()
    assert not held_back.exists()
    assert mine.read_text(encoding="utf-8") == "kept"
    mine.unlink()
    build(site, site / "clean", incremental=False)
    assert_same_site(output, site / "clean")


@pytest.mark.sample
def test_q_and_a_feeds_and_exports_are_made_again_only_when_the_q_and_a_changes(site):
    output = site / "output"
    build(site, output)
    made = [output / "qa" / "digest.json", output / "qa" / "digest.csv",
            output / "feeds" / "qa" / "answers.atom.xml",
            output / "feeds" / "qa" / "topic" / "marea.rss.xml"]
    times = [path.stat().st_mtime_ns for path in made]
    parts = site / "cache" / "candor-qa-exports"  # each thread's part of the exports
    threads = len(list((site / "content" / "qa").glob("*.yml")))
    assert len(list(parts.glob("*.json"))) == len(list(parts.glob("*.csv"))) == threads
    build(site, output)
    assert [path.stat().st_mtime_ns for path in made] == times  # not written again
    before = made[0].read_bytes()
    for data in (site / "content" / "qa").glob("*.yml"):  # a topic renamed everywhere
        data.write_text(data.read_text(encoding="utf-8").replace("marea", "tides"),
                        encoding="utf-8")
    rebuild_equals_clean(site)  # the old topic's feeds removed, the new one's made
    assert not made[3].exists()
    assert (output / "feeds" / "qa" / "topic" / "tides.rss.xml").is_file()
    assert made[0].read_bytes() != before


@pytest.mark.sample
def test_digest_e_mails_and_transparency_feeds_are_made_again_only_when_they_change(site):
    output = site / "output"
    build(site, output)
    made = {"e-mail": output / "qa" / "digests" / "2026-w21" / "email.htm",
            "digests": output / "feeds" / "qa" / "digests.atom.xml",
            "corrections": output / "feeds" / "corrections.atom.xml",
            "commitments": output / "feeds" / "commitments.rss.xml"}

    def rewritten(times: dict[str, int]) -> list[str]:
        return sorted(k for k, path in made.items() if path.stat().st_mtime_ns != times[k])

    times = {k: path.stat().st_mtime_ns for k, path in made.items()}
    build(site, output)
    assert rewritten(times) == []
    # A corrected post's new title is in its correction's entry.
    edit(site / "content" / "posts" / "2025" / "results-2024.md", "Title: ",
         "Title: Restated: ")
    rebuild_equals_clean(site)
    assert rewritten(times) == ["corrections"]
    assert b"Restated: Our 2024 results" in made["corrections"].read_bytes()
    times = {k: path.stat().st_mtime_ns for k, path in made.items()}
    edit(site / "content" / "commitments.yml", "Independent measurement at the nearest",
         "An independent measurement at the nearest")
    rebuild_equals_clean(site)
    assert "commitments" in rewritten(times)
    assert "e-mail" not in rewritten(times)


def test_a_file_changed_since_the_build_wrote_it_is_not_removed(site):
    build(site, site / "output")
    page = site / "output" / "posts" / "2026" / "balance-local-launch" / "index.html"
    page.write_text(page.read_text(encoding="utf-8") + "<!-- edited by hand -->",
                    encoding="utf-8")
    posts = site / "content" / "posts" / "2026"
    (posts / "balance-local-launch.md").unlink()
    edit(posts / "on-saying-no.md", "[Balance Local]({filename}/posts/2026/balance-local-launch.md)",
         "Balance Local")
    build(site, site / "output")
    assert page.read_text(encoding="utf-8").endswith("<!-- edited by hand -->")


def test_the_clock_moving_past_an_embargo_gives_the_clean_build(tmp_path, logged):
    cache, output = tmp_path / "cache", tmp_path / "output"
    common = {"PUBLISHING_PREVIEW": False, "PUBLISHING_INCREMENTAL": True,
              "DELETE_OUTPUT_DIRECTORY": False, "CACHE_PATH": str(cache)}
    build_fixture("basic", output, PUBLISHING_NOW="2026-06-01T12:00", **common)
    assert not (output / "posts" / "2026" / "embargoed" / "index.html").exists()
    build_fixture("basic", output, PUBLISHING_NOW="2026-06-01T12:01", **common)
    build_fixture("basic", tmp_path / "clean", PUBLISHING_NOW="2026-06-01T12:01",
                  **{**common, "PUBLISHING_INCREMENTAL": False,
                     "CACHE_PATH": str(tmp_path / "cache-clean")})
    assert (output / "posts" / "2026" / "embargoed" / "index.html").is_file()
    clean = {p.relative_to(tmp_path / "clean"): p.read_bytes()
             for p in (tmp_path / "clean").rglob("*") if p.is_file()}
    for relative, data in clean.items():
        assert (output / relative).read_bytes() == data, relative


def test_a_failed_build_saves_no_state(tmp_path):
    cache = tmp_path / "cache"
    settings = {"PUBLISHING_INCREMENTAL": True, "CACHE_PATH": str(cache),
                "PUBLISHING_NOW": NOW, "DELETE_OUTPUT_DIRECTORY": False}
    build_fixture("basic", tmp_path / "output", **settings)
    state = rebuild.state_file(cache, str(tmp_path / "output"))
    saved = state.read_bytes()
    broken = tmp_path / "theme"
    shutil.copytree(REPO / "theme", broken)
    edit(broken / "templates" / "article.html", "{% block content %}",
         "{% block content %}{{ undefined_macro() }}")
    with pytest.raises((Exception, SystemExit)):
        build_fixture("basic", tmp_path / "output", THEME=str(broken), **settings)
    assert state.read_bytes() == saved


@pytest.mark.sample
def test_files_of_a_build_that_stopped_half_way_are_removed_once_nobody_makes_them(site):
    output = site / "output"
    build(site, output)
    posts = site / "content" / "posts" / "2026"
    (posts / "winter-peak.md").write_text(NEW_POST, encoding="utf-8")
    tag = site / "theme" / "templates" / "tag.html"
    good = tag.read_text(encoding="utf-8")
    tag.write_text(good.replace("{% block content %}", "{% block content %}{{ oops() }}", 1),
                   encoding="utf-8")
    with pytest.raises((Exception, SystemExit)):  # the tag pages come after the posts
        build(site, output)
    page = output / "posts" / "2026" / "winter-peak" / "index.html"
    assert page.is_file()  # written before the build stopped, recorded by no build
    tag.write_text(good, encoding="utf-8")
    (posts / "winter-peak.md").unlink()
    rebuild_equals_clean(site)
    assert not page.exists()


def test_no_template_reads_the_build_time():
    """The build time is left out of the digests; a template showing it would go stale."""
    templates = [path for path in (REPO / "theme" / "templates").rglob("*.html")
                 if "CANDOR_BUILD_TIME" in path.read_text(encoding="utf-8")]
    assert templates == []
    assert "CANDOR_BUILD_TIME" in rebuild.VOLATILE


@pytest.mark.sample
def test_pages_rendered_by_a_second_process_are_recorded(site, logged, monkeypatch):
    from qa_digest import generator as qa_generator
    monkeypatch.setattr(qa_generator, "SPLIT_FROM_ENTRIES", 1)
    monkeypatch.setattr(qa_generator, "cores", lambda: 2)
    build(site, site / "output")
    rendered, _ = counts(logged)
    build(site, site / "output")
    assert counts(logged) == (0, rendered)
    edit(site / "content" / "qa" / "hiring-freeze.yml",
         "No. We have no plan", "No. We have no plan at all")
    rebuild_equals_clean(site)
    # The cards the second process rendered were handed to this one and kept.
    answer_bias_question(site)
    logged.clear()
    rebuild_equals_clean(site)
    kept, made = cards(logged)
    assert kept > 200 and made <= 4


def test_a_thread_s_cards_are_let_go_once_its_pages_are_written(site, logged, monkeypatch):
    """No process holds more than one thread's kept cards (a town hall's at most), and
    the cards it handed over still reach the next build."""
    from qa_digest.cardcache import CardStore
    held: list[int] = []
    flush = CardStore.flush

    def watched(self: CardStore, thread_id: str) -> None:
        held.append(sum(1 for cards in self.threads.values() if cards.current))
        flush(self, thread_id)

    monkeypatch.setattr(CardStore, "flush", watched)
    build(site, site / "output")
    assert len(held) > 3 and max(held) == 1  # only the thread just written
    logged.clear()
    answer_bias_question(site)
    rebuild_equals_clean(site)
    kept, made = cards(logged)
    assert kept > 200 and 1 <= made <= 4
    assert not list((site / "cache" / "candor-qa-cards").glob("*.part-*"))
