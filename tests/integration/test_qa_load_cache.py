"""Loaded Q&A files are kept by content hash across builds (QA_DIGEST_CACHE,
qa_digest/loadcache.py): a build from the cache makes the site a build loading
every file makes, and whatever decides a file's result is part of its name."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from candor_common.errors import BuildAborted, ConfigError
from candor_common.fingerprint import Fingerprinter
from qa_digest import collect as qa_collect
from qa_digest.loadcache import FOLDER, ITEMS, SUFFIX, TEXTS, LoadCache, code_fingerprint
from tests.helpers import REPO, build_site

AUTHORS = frozenset({"ana-ruiz", "marcus-adeyemi"})


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def build(site: Path, output: Path, cache: Path | None) -> None:
    if cache is None:
        build_site(site / "pelicanconf.py", output, QA_DIGEST_CACHE=False)
    else:
        build_site(site / "pelicanconf.py", output, QA_DIGEST_CACHE=True,
                   CACHE_PATH=str(cache))


def stored(cache: Path) -> list[Path]:
    return sorted((cache / FOLDER).glob(f"*{SUFFIX}"))


@pytest.fixture
def loads(monkeypatch) -> list[str]:
    """The names of the files load_thread really loads (not read from the cache)."""
    names: list[str] = []
    real = qa_collect.load_thread

    def load_thread(path, *rest, **named):
        names.append(path.name)
        return real(path, *rest, **named)

    monkeypatch.setattr(qa_collect, "load_thread", load_thread)
    return names


def test_a_build_from_the_cache_makes_the_site_loading_makes(site_copy, tmp_path, loads):
    site, cache = site_copy("qa"), tmp_path / "cache"
    build(site, tmp_path / "clean", None)
    files = sorted(p.name for p in (site / "content" / "qa").glob("*.yml"))
    assert sorted(loads) == files
    loads.clear()
    build(site, tmp_path / "cold", cache)
    assert sorted(loads) == files
    assert len(stored(cache)) == len(files)
    loads.clear()
    build(site, tmp_path / "warm", cache)
    assert loads == []  # every file read from the cache
    clean = tree(tmp_path / "clean")
    assert len(clean) > 30 and any(name.startswith("qa/") for name in clean)
    assert tree(tmp_path / "cold") == clean
    assert tree(tmp_path / "warm") == clean


def test_an_edited_file_is_loaded_again_and_its_old_result_removed(site_copy, tmp_path, loads):
    site, cache = site_copy("qa"), tmp_path / "cache"
    build(site, tmp_path / "first", cache)
    before = stored(cache)
    spring = site / "content" / "qa" / "spring.yml"
    spring.write_text(spring.read_text().replace("Yes, by 3 percent in July.",
                                                 "Yes, by 4 percent in August."))
    loads.clear()
    build(site, tmp_path / "second", cache)
    assert loads == ["spring.yml"]
    after = stored(cache)
    assert len(after) == len(before) and len(set(before) - set(after)) == 1
    page = (tmp_path / "second" / "qa" / "spring" / "s-answered" / "index.html").read_text()
    assert "by 4 percent in August" in page and "3 percent" not in page
    build(site, tmp_path / "clean", None)
    assert tree(tmp_path / "second") == tree(tmp_path / "clean")
    (site / "content" / "qa" / "results.yml").unlink()
    build(site, tmp_path / "third", cache)
    assert len(stored(cache)) == len(before) - 1  # the removed file's result is gone


def test_a_file_with_a_mistake_reports_it_from_the_cache_too(site_copy, tmp_path, loads, caplog):
    site, cache = site_copy("qa"), tmp_path / "cache"
    results = site / "content" / "qa" / "results.yml"
    results.write_text(results.read_text().replace("by: marcus-adeyemi", "by: marcus"))
    message = "results.yml:10: by: 'marcus' is not in the authors roster"
    for run in ("first", "second"):
        loads.clear()
        caplog.clear()
        with caplog.at_level(logging.ERROR), pytest.raises(BuildAborted):
            build(site, tmp_path / run, cache)
        assert message in caplog.text
    assert loads == []  # the second build read the mistake from the cache


def test_a_new_roster_member_is_a_miss(site_copy, tmp_path, loads):
    site, cache = site_copy("qa"), tmp_path / "cache"
    build(site, tmp_path / "first", cache)
    roster = site / "content" / "authors.yml"
    roster.write_text(roster.read_text() + "  - slug: li-wei\n    name: Li Wei\n"
                      "    role: Chief Technology Officer\n    bio: Li builds things.\n")
    loads.clear()
    build(site, tmp_path / "second", cache)
    assert len(loads) == len(list((site / "content" / "qa").glob("*.yml")))


def test_a_damaged_entry_is_loaded_again(site_copy, tmp_path, loads):
    site, cache = site_copy("qa"), tmp_path / "cache"
    build(site, tmp_path / "first", cache)
    damaged = stored(cache)[0]
    damaged.write_bytes(b"not a pickle")
    loads.clear()
    build(site, tmp_path / "second", cache)
    assert len(loads) == 1
    assert damaged.read_bytes() != b"not a pickle"
    assert tree(tmp_path / "second") == tree(tmp_path / "first")


def test_a_cache_that_cannot_be_written_warns_and_still_builds(site_copy, tmp_path, caplog):
    site, cache = site_copy("qa"), tmp_path / "cache"
    cache.mkdir()
    (cache / FOLDER).write_text("a file where the folder should be")
    with caplog.at_level(logging.WARNING):
        build(site, tmp_path / "out", cache)
    assert "could not save 3 loaded Q&A file(s)" in caplog.text
    assert "QA_DIGEST_CACHE = False" in caplog.text
    build(site, tmp_path / "clean", None)
    assert tree(tmp_path / "out") == tree(tmp_path / "clean")


def test_whatever_decides_a_result_is_part_of_its_name(tmp_path):
    path = tmp_path / "town-hall.yml"
    path.write_text("session:\n  title: Town hall\n", encoding="utf-8")
    utc = LoadCache(tmp_path, ZoneInfo("UTC"), AUTHORS)
    names = {
        utc.key(path, "content/qa/town-hall.yml"),
        utc.key(path, "content/qa/other.yml"),
        LoadCache(tmp_path, ZoneInfo("Europe/Madrid"), AUTHORS).key(
            path, "content/qa/town-hall.yml"),
        LoadCache(tmp_path, ZoneInfo("UTC"), AUTHORS | {"li-wei"}).key(
            path, "content/qa/town-hall.yml"),
    }
    path.write_text("session:\n  title: Town hall!\n", encoding="utf-8")
    names.add(utc.key(path, "content/qa/town-hall.yml"))
    assert len(names) == 5
    assert utc.key(path, "content/qa/town-hall.yml") == LoadCache(
        tmp_path / "elsewhere", ZoneInfo("UTC"), AUTHORS).key(path, "content/qa/town-hall.yml")


def test_a_changed_line_of_the_loading_code_changes_every_name(tmp_path):
    plugins = tmp_path / "plugins"
    for package in ("qa_digest", "candor_common"):
        shutil.copytree(REPO / "plugins" / package, plugins / package,
                        ignore=shutil.ignore_patterns("__pycache__"))
    before = code_fingerprint(plugins)
    assert before == code_fingerprint.__wrapped__(REPO / "plugins")
    sanitize = plugins / "qa_digest" / "sanitize.py"
    sanitize.write_text(sanitize.read_text() + "\n# one more line\n")
    assert code_fingerprint.__wrapped__(plugins) != before


def test_the_setting_must_be_true_or_false(site_copy, tmp_path, caplog):
    site = site_copy("qa")
    with caplog.at_level(logging.ERROR), pytest.raises((BuildAborted, ConfigError)):
        build_site(site / "pelicanconf.py", tmp_path / "out", QA_DIGEST_CACHE="yes")
    assert "QA_DIGEST_CACHE: expected True or False, got 'yes'" in caplog.text


SESSION = """session:
  title: Town hall
  hosts: [ana-ruiz]
  description: Our **first** town hall.
questions:
"""


def _question(n: int, answer: str) -> str:
    return (f"  - id: q-{n}\n    asked_at: 2026-03-02 10:00\n    text: Question *{n}*?\n"
            f"    status: answered\n    answer:\n      by: ana-ruiz\n"
            f"      at: 2026-03-03 10:00\n      text: {answer}\n")


def _load(cache: LoadCache, path: Path) -> tuple[object, int, int]:
    """Load ``path`` as a build with the cache does (``collect._load``); return the
    result, how many texts were rendered and how many questions were parsed (not
    known from the file's last load)."""
    texts = cache.texts("content/qa/town-hall.yml")
    items = cache.items("content/qa/town-hall.yml")
    loaded = qa_collect.load_thread(path, "content/qa/town-hall.yml", ZoneInfo("UTC"),
                                    AUTHORS, texts, parse=items)
    cache.put_texts("content/qa/town-hall.yml", texts)
    cache.put_items("content/qa/town-hall.yml", items)
    return loaded, texts.rendered, items.parsed


def test_a_changed_file_renders_only_its_new_texts(tmp_path):
    path = tmp_path / "town-hall.yml"
    path.write_text(SESSION + "".join(_question(n, f"Answer {n}.") for n in range(20)),
                    encoding="utf-8")
    cache = LoadCache(tmp_path / "cache", ZoneInfo("UTC"), AUTHORS)
    first, rendered, parsed = _load(cache, path)
    assert (rendered, parsed) == (41, 20)  # the description, 20 questions and 20 answers
    # One answer changes, one question is added: three new texts, the rest known.
    path.write_text(SESSION + "".join(_question(n, "Changed, **now**." if n == 7
                                                else f"Answer {n}.") for n in range(21)),
                    encoding="utf-8")
    second, rendered, parsed = _load(cache, path)
    assert (rendered, parsed) == (3, 2)  # two questions' YAML, the rest known too
    fresh = qa_collect.load_thread(path, "content/qa/town-hall.yml", ZoneInfo("UTC"), AUTHORS)
    assert second == fresh  # the same thread, HTML and all, as rendering every text
    assert second != first
    assert "<strong>now</strong>" in second[0].questions[7].response.html


def test_texts_are_kept_for_the_files_of_the_build_only(tmp_path):
    path = tmp_path / "town-hall.yml"
    path.write_text(SESSION + _question(1, "Yes."), encoding="utf-8")
    cache = LoadCache(tmp_path / "cache", ZoneInfo("UTC"), AUTHORS)
    _load(cache, path)
    name = cache.texts_name("content/qa/town-hall.yml")
    assert (tmp_path / "cache" / f"{name}{TEXTS}").is_file()
    assert (tmp_path / "cache" / f"{name}{ITEMS}").is_file()
    assert cache.keep_only(set(), {name}) == 0
    assert cache.keep_only(set(), set()) == 2  # the file is gone: so are its texts, items
    assert not list((tmp_path / "cache").iterdir())
    # A text's HTML depends on the code only: another zone or roster keeps the texts.
    assert name == LoadCache(tmp_path, ZoneInfo("Europe/Madrid"),
                             AUTHORS | {"li-wei"}).texts_name("content/qa/town-hall.yml")
    assert name != cache.texts_name("content/qa/other.yml")


def test_make_build_takes_each_question_as_loaded_as_digested(site_copy, tmp_path,
                                                              monkeypatch):
    """The questions' encodings kept with their files' loads are handed to the rebuild's
    fingerprints (qa_digest.generator.use), and the pages then come out as those of a
    build that digested every question: byte for byte."""
    site, cache = site_copy("qa"), tmp_path / "cache"
    remembered: list[int] = []
    real = Fingerprinter.remember

    def remember(self, pairs):
        pairs = list(pairs)
        remembered.append(len(pairs))
        real(self, pairs)

    monkeypatch.setattr(Fingerprinter, "remember", remember)
    build(site, tmp_path / "first", cache)  # pelicanconf.py: an incremental build
    assert remembered and remembered[-1] > 0  # the fixture's questions as loaded
    assert sorted((cache / FOLDER).glob("*.encodings"))
    first = remembered[-1]
    remembered.clear()
    build(site, tmp_path / "first", cache)  # the encodings read back
    assert remembered == [first]
    build(site, tmp_path / "clean", None)
    assert tree(tmp_path / "first") == tree(tmp_path / "clean")
