"""State files are read with Python's garbage collector paused (candor_common.collector):
their many objects, all kept, are not walked again and again while they are made."""

from __future__ import annotations

import gc
import json
from pathlib import Path

import pytest

from candor_common import collector, statefile
from candor_common.rebuild import RebuildState


@pytest.fixture
def watched(monkeypatch):
    """Note whether the collector runs each time a state file's JSON is parsed."""
    seen: list[bool] = []
    real = json.loads

    def loads(*args, **kwargs):
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(json, "loads", loads)
    return seen


def test_the_pause_ends_with_the_block_even_when_it_fails():
    assert gc.isenabled()
    with pytest.raises(ValueError, match="stop"), collector.paused():
        assert not gc.isenabled()
        raise ValueError("stop")
    assert gc.isenabled()


def test_a_collector_paused_by_someone_else_stays_paused():
    gc.disable()
    try:
        with collector.paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_state_file_is_read_inside_the_pause(tmp_path: Path, watched):
    path = tmp_path / "state.json"
    statefile.write_state(path, {"a": [1, 2, 3]})
    assert statefile.read_state(path) == {"a": [1, 2, 3]}
    assert watched == [False]
    assert gc.isenabled()


def test_the_rebuild_records_are_read_inside_the_pause(tmp_path: Path, monkeypatch):
    from candor_common import rebuild

    state = RebuildState(str(tmp_path / "output"), tmp_path / "records.json", "static")
    state.save()
    made = []
    real = rebuild._records

    def records(data, field):
        made.append(gc.isenabled())
        return real(data, field)

    monkeypatch.setattr(rebuild, "_records", records)
    RebuildState(str(tmp_path / "output"), tmp_path / "records.json", "static").load()
    assert made == [False]  # the records made from the file, not only the JSON parsed
    assert gc.isenabled()


def test_the_search_index_state_is_read_inside_the_pause(tmp_path: Path, watched):
    from candor_tools import search_index

    path = tmp_path / "candor-search-x.json"
    search_index._write_state(path, ["stamp"], {"a.html": [1, 2, 3, 4, True, "d"]})
    assert search_index._read_state(path) == (["stamp"], {"a.html": [1, 2, 3, 4, True, "d"]})
    assert watched == [False]


@pytest.fixture
def aside():
    """Leave the collector as it was: nothing frozen, nothing set aside."""
    yield
    collector._Aside.until_exit = False
    collector._Aside.now = False
    gc.unfreeze()


def test_a_frozen_block_gives_everything_back_after_it(aside):
    with collector.frozen():
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0


def test_what_is_set_aside_stays_aside_through_frozen_blocks_until_released(aside):
    collector.set_aside()
    kept = gc.get_freeze_count()
    assert kept > 0
    with collector.frozen():  # the pages written before or after a fork
        pass
    assert gc.get_freeze_count() >= kept  # not given back with the block
    collector.release()
    assert gc.get_freeze_count() == 0
    with collector.frozen():  # once released, a block gives back again
        pass
    assert gc.get_freeze_count() == 0


def test_a_process_that_ends_with_its_build_keeps_them_aside(aside):
    collector.until_exit()
    collector.set_aside()
    collector.release()
    assert gc.get_freeze_count() > 0


def test_a_load_is_set_aside_inside_its_pause_and_a_failed_one_is_not(aside):
    seen = []
    with collector.loading():
        seen.append(gc.isenabled())
        made = [[n] for n in range(1000)]
    assert seen == [False] and gc.isenabled()
    assert gc.get_freeze_count() >= len(made)  # set aside, and the collector back on
    collector.release()
    with pytest.raises(ValueError), collector.loading():
        raise ValueError  # a load that fails keeps nothing aside
    assert gc.get_freeze_count() == 0 and gc.isenabled()
