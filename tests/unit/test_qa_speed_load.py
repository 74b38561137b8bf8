"""Q&A files are loaded, and the digest made the site's, with the automatic garbage
collector paused (candor_common.collector) and one young collection per file
(qa_digest.collect): the same threads, without the collector's repeated full passes."""

from __future__ import annotations

import gc
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from candor_common import collector
from qa_digest import collect as qa_collect

FILE = """session:
  title: Town hall
  hosts: [ana-ruiz]
  opens: 2026-03-01 09:00
  closes: 2026-03-02 09:00
questions:
  - id: q1
    asked_at: 2026-03-01 10:00
    text: What *next*?
"""


def test_files_are_loaded_with_only_young_collections(tmp_path, monkeypatch):
    paths = []
    for n in range(3):
        path = tmp_path / f"t{n}.yml"
        path.write_text(FILE, encoding="utf-8")
        paths.append(path)
    enabled, collections = [], []
    real_load, real_collect = qa_collect.load_thread, gc.collect

    def load_thread(*args):
        enabled.append(gc.isenabled())
        return real_load(*args)

    def collect(generation=2):
        collections.append(generation)
        return real_collect(generation)

    monkeypatch.setattr(qa_collect, "load_thread", load_thread)
    monkeypatch.setattr(gc, "collect", collect)
    assert gc.isenabled()
    with collector.paused():
        loaded = list(qa_collect.load_threads(paths, ZoneInfo("UTC"),
                                              frozenset({"ana-ruiz"})))
    assert gc.isenabled()
    assert enabled == [False, False, False]
    assert collections == [0, 0, 0]  # one young collection after each file
    assert [thread.id for thread, problems in loaded if not problems] == ["t0", "t1", "t2"]


def test_a_file_s_young_collection_walks_only_what_its_load_made(tmp_path, monkeypatch):
    """Loaded in this process, the files' loads run with what was made before frozen:
    each file's gc.collect(0) inside the pause does not walk the rest of the load
    (the other files' results from the cache: 0.21 s after an answer at 100,000
    questions)."""
    path = tmp_path / "t0.yml"
    path.write_text(FILE, encoding="utf-8")
    frozen_while_loading = []
    real_load = qa_collect.load_thread

    def load_thread(*args):
        frozen_while_loading.append(gc.get_freeze_count())
        return real_load(*args)

    monkeypatch.setattr(qa_collect, "load_thread", load_thread)
    made_before = [[n] for n in range(1000)]
    with collector.paused():
        loaded = qa_collect.load_threads([path], ZoneInfo("UTC"), frozenset({"ana-ruiz"}))
    assert frozen_while_loading and frozen_while_loading[0] >= len(made_before)
    assert gc.get_freeze_count() == 0  # given back: nothing was set aside
    assert [thread.id for thread, problems in loaded if not problems] == ["t0"]


def test_collect_loads_inside_the_pause(monkeypatch, tmp_path: Path):
    seen = []

    def load_threads(paths, zone, authors, cache=None, keys=None, kept=None):
        seen.append(gc.isenabled())
        return iter([])

    monkeypatch.setattr(qa_collect, "load_threads", load_threads)
    settings = {"PATH": str(tmp_path), "QA_DIGEST_PATH": "qa", "TIMEZONE": "UTC"}

    class Roster:
        def slugs(self):
            return ["ana-ruiz"]

    qa_collect.collect(settings, {}, Roster(), datetime(2026, 6, 1, tzinfo=UTC))
    assert seen == [False]
    assert gc.isenabled()


def test_the_digest_is_made_the_site_s_inside_the_pause(monkeypatch):
    """The questions' encodings handed to the rebuild's fingerprints (a full collection
    of ~0.4 s there at 100,000 questions) are remembered with the collector paused."""
    from types import SimpleNamespace

    from qa_digest import generator as qa_generator
    from qa_digest.digest import build_digest

    seen = []
    fingerprints = SimpleNamespace(remember=lambda pairs: seen.append(gc.isenabled()))
    monkeypatch.setattr(qa_generator.rebuild, "state_for",
                        lambda path: SimpleNamespace(fingerprints=fingerprints))
    monkeypatch.setattr(qa_generator, "roster_for", lambda settings: None)
    site = SimpleNamespace(settings={"QA_DIGEST_TOP": 3, "QA_DIGEST_COMMENTS_PER_PAGE": 50,
                                     "FEEDS_FORMATS": ["atom"]},
                           output_path="output", context={})
    digest, _problems = build_digest([], datetime(2026, 6, 1, tzinfo=UTC), [])
    assert gc.isenabled()
    qa_generator.QADigestGenerator.use(site, digest, {})
    assert seen == [False]
    assert gc.isenabled()
    assert site.context["QA_DIGEST"] is digest


def test_loaded_threads_go_to_a_pickle_and_back_without_asking_for_their_fields(
        tmp_path, monkeypatch):
    """The load cache's pickles are written and read back with each record's field names
    worked out once (qa_digest.model._quick_unpickling), not by dataclasses.fields per
    object."""
    import dataclasses
    import pickle

    path = tmp_path / "t.yml"
    path.write_text(FILE + "    status: answered\n    answer:\n      by: ana-ruiz\n"
                    "      at: 2026-03-02 10:00\n      text: Soon.\n", encoding="utf-8")
    thread, problems = qa_collect.load_thread(path, "t.yml", ZoneInfo("UTC"),
                                              frozenset({"ana-ruiz"}))
    assert thread is not None and not problems and thread.questions[0].response
    # The state is the one dataclass gives a slotted class: each field's value, in order.
    assert thread.__getstate__() == [getattr(thread, f.name) for f in dataclasses.fields(thread)]

    def refuse(*args, **kwargs):
        raise AssertionError("dataclasses.fields called")

    monkeypatch.setattr(dataclasses, "fields", refuse)
    data = pickle.dumps(thread, protocol=pickle.HIGHEST_PROTOCOL)
    assert pickle.loads(data) == thread  # noqa: S301 - made just above
