"""A build sets what it loads once aside from Python's garbage collector until it ends
(candor_common.collector.set_aside): the last build's records and the Q&A digest are
not walked by the collector's passes while the pages are checked and written."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

import publishing.writer
from candor_common import collector, rebuild
from tests.helpers import FIXTURES, REPO, build_fixture


def test_the_loaded_digest_is_aside_while_posts_are_written_and_given_back_after(
        tmp_path: Path, monkeypatch):
    frozen_while_writing: list[int] = []
    real = publishing.writer.CandorWriter.write_file

    def write_file(self, name, template, *args, **kwargs):
        if getattr(template, "name", "") == "article.html":  # before the Q&A's own pages
            frozen_while_writing.append(gc.get_freeze_count())
        return real(self, name, template, *args, **kwargs)

    monkeypatch.setattr(publishing.writer.CandorWriter, "write_file", write_file)
    # Without the rebuild's records, which are set aside too (the next test).
    build_fixture("qa", tmp_path / "out", PUBLISHING_INCREMENTAL=False)
    assert frozen_while_writing
    assert min(frozen_while_writing) > 0
    # Given back at the end of the build: a process that builds again (the tests, the
    # preview) does not keep every build's cycles.
    assert gc.get_freeze_count() == 0


def test_the_last_build_s_records_are_set_aside_once_read(tmp_path: Path):
    settings = {"CACHE_PATH": str(tmp_path / "cache"), "PUBLISHING_INCREMENTAL": True}
    assert gc.get_freeze_count() == 0
    try:
        rebuild.open_state(settings, str(tmp_path / "out"))
        assert gc.get_freeze_count() > 0
    finally:
        rebuild.close_state(str(tmp_path / "out"), save=False)
        collector.release()
    assert gc.get_freeze_count() == 0


def test_the_command_line_build_keeps_them_aside_until_it_exits(tmp_path: Path):
    """``python -m candor_tools.run_pelican`` exits with its build: what it set aside
    stays aside (giving it back would let one full pass walk it before the exit)."""
    script = (
        "import gc, sys\n"
        "from candor_tools.run_pelican import main\n"
        "one_shot = sys.argv.pop(1) == 'one-shot'\n"
        "status = main(sys.argv[1:], one_shot=one_shot)\n"
        "print('frozen', gc.get_freeze_count())\n"
        "sys.exit(status)\n")
    settings = FIXTURES / "qa" / "pelicanconf.py"
    found = {}
    for mode in ("one-shot", "in-process"):
        out = tmp_path / mode
        child = subprocess.run(
            [sys.executable, "-c", script, mode, str(settings.parent / "content"), "-s",
             str(settings), "-o", str(out), "-q", "-e", f'CACHE_PATH="{out}-cache"'],
            cwd=REPO, capture_output=True, text=True, check=False)
        assert child.returncode == 0, child.stderr
        found[mode] = int(child.stdout.split("frozen ")[-1])
    assert found["one-shot"] > 0
    assert found["in-process"] == 0


class Automatic:
    """The generations of the passes the collector starts by itself while ``on``, once
    a pause began (the load) and before anything is frozen (its set-aside), not those
    a ``gc.collect`` call asks for: the passes that walk a load still young. (Passes
    before the load or after its set-aside walk only what was made since.)"""

    def __init__(self, monkeypatch) -> None:
        self.generations: list[int] = []
        self.on = False
        self._asked = 0
        real = gc.collect

        def collect(generation: int = 2) -> int:
            self._asked += 1
            try:
                return real(generation)
            finally:
                self._asked -= 1

        monkeypatch.setattr(gc, "collect", collect)
        self.loading = False
        real_disable = gc.disable

        def disable() -> None:
            self.loading = self.loading or self.on
            real_disable()

        monkeypatch.setattr(gc, "disable", disable)

    def __call__(self, phase: str, info: dict) -> None:
        if (self.on and self.loading and phase == "start" and not self._asked
                and not gc.get_freeze_count()):
            self.generations.append(info["generation"])

    def __enter__(self) -> Automatic:
        gc.callbacks.append(self)
        return self

    def __exit__(self, *_exc: object) -> None:
        gc.callbacks.remove(self)


def test_the_records_are_set_aside_before_the_collector_resumes(tmp_path: Path, monkeypatch):
    """Otherwise its first young pass, as the load's pause ends, walks every record."""
    out = tmp_path / "out"
    settings = build_fixture("qa", out, PUBLISHING_INCREMENTAL=True).settings  # records
    with Automatic(monkeypatch) as automatic:
        gc.collect()  # the young generation empty: only what open_state makes counts
        automatic.on = True
        try:
            state = rebuild.open_state(settings, str(out))
        finally:
            automatic.on = False
            rebuild.close_state(str(out), save=False)
            collector.release()
    assert len(state.previous) > 50
    assert automatic.generations == []


def test_the_q_and_a_is_set_aside_before_the_collector_resumes(tmp_path: Path, monkeypatch):
    from qa_digest.generator import QADigestGenerator

    passes: list[list[int]] = []
    real = QADigestGenerator.generate_context

    def generate_context(self):
        # The fixture's load is small: a low threshold makes the collector start a
        # young pass as soon as the load's pause ends, if it can.
        threshold = gc.get_threshold()
        gc.set_threshold(10, *threshold[1:])
        try:
            with Automatic(monkeypatch) as automatic:
                gc.collect()
                automatic.on = True
                real(self)
                automatic.on = False
        finally:
            gc.set_threshold(*threshold)
        passes.append(automatic.generations)

    monkeypatch.setattr(QADigestGenerator, "generate_context", generate_context)
    build_fixture("qa", tmp_path / "out", PUBLISHING_INCREMENTAL=False)
    assert passes == [[]]
