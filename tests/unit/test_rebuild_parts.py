"""A worker process's share of the rebuild records, handed to the parent
(candor_common.rebuild.RebuildState.begin_part, save_part and merge_part), with
real forks as CandorWriter.split_rendering makes them."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

from candor_common.rebuild import RebuildState, tracking
from tests.unit.test_rebuild_reads import post

PAGES = 12
BEFORE = 2  # pages made before the fork: the worker inherits their records


class Site:
    """Pages 0..11, page N showing post N's title, built in one process or two."""

    def __init__(self, tmp_path: Path) -> None:
        self.output = tmp_path / "output"
        self.output.mkdir(parents=True)
        self.state_file = tmp_path / "candor-rebuild-x.json"
        self.titles = [f"Title {n}" for n in range(PAGES)]
        self.parts: list[dict] = []  # what each worker handed over

    def _page(self, state: RebuildState, number: int) -> bool:
        """Make page ``number`` unless the last build's is good; True if rendered."""
        item = post(f"p{number}", self.titles[number])
        name = f"page-{number}.html"
        key = state.key(None, name, [item])
        target = self.output / name
        if state.reusable(name, key):
            state.wrote(str(target))
            return False
        with tracking() as reads:
            html = item.title
        target.write_text(html, encoding="utf-8")
        state.remember(name, key, reads, [str(target)])
        return True

    def build(self, *, split: bool) -> RebuildState:
        """One build; with ``split``, a forked worker makes the odd pages after the first
        ``BEFORE``, as the writer's second process does."""
        state = RebuildState(str(self.output), self.state_file, "static")
        state.load()
        for number in range(BEFORE):
            self._page(state, number)
        rest = range(BEFORE, PAGES)
        if not split:
            for number in rest:
                self._page(state, number)
            state.save()
            return state
        parent = os.getpid()
        child = os.fork()
        if child == 0:  # the worker: its pages, then its part, then gone
            code = 1
            try:
                state.begin_part()
                for number in rest[1::2]:
                    self._page(state, number)
                state.save_part(parent, 1)
                code = 0
            finally:
                os._exit(code)
        for number in rest[::2]:
            self._page(state, number)
        assert os.waitstatus_to_exitcode(os.waitpid(child, 0)[1]) == 0
        with state._part_file(parent, 1).open("rb") as part:
            self.parts.append(pickle.load(part))  # noqa: S301 - this test's own fork
        state.merge_part(parent, 1)
        state.save()
        return state


def shown(state: RebuildState) -> dict[str, tuple]:
    """The records of ``state`` but the times of their files (two sites' differ)."""
    return {name: (record.key, record.deps, record.reads, record.names,
                   {path: size for path, (size, _mtime) in record.files.items()})
            for name, record in state.current.items()}


def test_a_split_build_keeps_the_records_and_files_of_one_process(tmp_path):
    one, two = Site(tmp_path / "one"), Site(tmp_path / "two")
    for edit in (None, 5, 4):  # cold; then a worker's page; then the parent's
        if edit is not None:
            one.titles[edit] = two.titles[edit] = f"Edited {edit}"
        alone, split = one.build(split=False), two.build(split=True)
        assert shown(split) == shown(alone)
        assert {os.path.basename(name) for name in split.written} == {
            os.path.basename(name) for name in alone.written}
        assert (split.rendered, split.reused) == (alone.rendered, alone.reused)


def test_a_worker_hands_over_only_its_own_share(tmp_path):
    site = Site(tmp_path)
    site.build(split=True)
    site.titles[7] = "Edited"
    state = site.build(split=True)
    cold, warm = site.parts
    mine = [f"page-{n}.html" for n in range(BEFORE, PAGES)][1::2]
    assert sorted(cold["records"]) == sorted(mine) and cold["kept"] == []
    # Left alone: by name only (the parent holds the record); made again: whole.
    assert sorted(warm["kept"]) == sorted(set(mine) - {"page-7.html"})
    assert list(warm["records"]) == ["page-7.html"]
    assert warm["dropped"] == []
    assert sorted(warm["written"]) == sorted(mine)  # no inherited file
    assert (warm["rendered"], warm["reused"]) == (1, len(mine) - 1)
    # The names came back as the last build's records: a third build renders nothing.
    assert all(state.current[name] is state.previous[name] for name in warm["kept"])
    again = site.build(split=True)
    assert (again.rendered, again.reused) == (0, PAGES)


def test_an_inherited_record_the_worker_dropped_is_dropped_by_the_parent(tmp_path):
    site = Site(tmp_path)
    site.build(split=False)
    state = RebuildState(str(site.output), site.state_file, "static")
    state.load()
    site._page(state, 0)
    assert "page-0.html" in state.current
    parent = os.getpid()
    child = os.fork()
    if child == 0:
        code = 1
        try:
            state.begin_part()
            state.remember("page-0.html", None, None, [])  # no key: no record
            state.save_part(parent, 1)
            code = 0
        finally:
            os._exit(code)
    assert os.waitstatus_to_exitcode(os.waitpid(child, 0)[1]) == 0
    state.merge_part(parent, 1)
    assert "page-0.html" not in state.current
