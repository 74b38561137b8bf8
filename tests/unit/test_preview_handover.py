"""A full build of the preview that finishes as a save arrives: its worker is either
cancelled by the save or handed over as the resident worker, never both
(candor_tools.preview.builder.Builder.cancel and _hand_over)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from candor_tools.preview.builder import Builder
from candor_tools.preview.overlay import Overlay


class FakeWorker:
    """A worker whose build succeeds at once; ``during_build`` runs as it ends."""

    def __init__(self, during_build: Any = None) -> None:
        self.stopped = False
        self.during_build = during_build

    def request(self, op: str, **fields: Any) -> dict[str, Any]:
        assert op == "build"
        Path(fields["output"]).mkdir(parents=True, exist_ok=True)
        if self.during_build is not None:
            self.during_build()
        return {"ok": True, "model_inputs": [], "rebuild": None, "warm": [], "copied": None}

    def stop(self) -> None:
        self.stopped = True


class Owner:
    """The coordinator's part: a finished build's worker becomes resident if no save
    came since (``Coordinator.build_done``), else it is retired."""

    def __init__(self) -> None:
        self.generation = 1
        self.resident: FakeWorker | None = None
        self.done: list[int] = []
        self.on_done: Any = None

    def build_started(self, generation: int) -> None:
        pass

    def build_done(self, generation: int, worker: Any, changed: list[str],
                   seconds: float) -> None:
        self.done.append(generation)
        if generation == self.generation:
            self.resident = worker
        else:
            worker.stop()
        if self.on_done is not None:
            self.on_done()

    def build_failed(self, generation: int, errors: list[str]) -> None:
        raise AssertionError(errors)

    def save(self, made: Builder) -> None:
        """What a save does first (``Coordinator.handle``): a new generation, then
        the running build cancelled."""
        self.generation += 1
        made.cancel()


def builder(tmp_path: Path, owner: Owner) -> Builder:
    made = Builder(tmp_path / "settings.py", tmp_path / "output", Overlay(), owner)
    (tmp_path / "output").mkdir()
    return made


def build(made: Builder, worker: FakeWorker, generation: int = 1) -> None:
    made._candidate = worker  # as _run sets it
    made.request(generation)
    made._build(generation, worker)


def test_a_save_right_after_the_hand_over_leaves_the_resident_worker_running(tmp_path):
    owner = Owner()
    made = builder(tmp_path, owner)
    owner.on_done = lambda: owner.save(made)  # a save right after the hand-over
    worker = FakeWorker()
    build(made, worker)
    assert owner.resident is worker
    assert not worker.stopped  # the preview keeps its fast path


def test_a_build_cancelled_as_it_finishes_is_retired_not_made_resident(tmp_path):
    owner = Owner()
    made = builder(tmp_path, owner)
    worker = FakeWorker(during_build=lambda: owner.save(made))
    build(made, worker)
    assert worker.stopped
    assert owner.resident is None  # never a stopped worker as the resident one
    assert owner.done == [1]  # its folder is in place: the tabs are still told
