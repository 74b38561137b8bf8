"""run_pelican leaves without the interpreter's teardown, but loses nothing on the way."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import logging, sys
from candor_tools.run_pelican import leave
logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(levelname)s: %(message)s")
sys.stdout.write("written to standard output, never flushed")
logging.getLogger("publishing").warning("a logged line")
sys.stderr.write("and a last word, no line end")
leave(int(sys.argv[1]))
"""


@pytest.mark.parametrize("status", [0, 3])
def test_leaving_keeps_the_status_and_everything_written(status):
    # Pipes, as CI and `make` give: Python buffers standard output then, and holds
    # standard error to the end of a line.
    env = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}
    child = subprocess.run([sys.executable, "-c", CHILD, str(status)], cwd=ROOT, env=env,
                           capture_output=True, text=True, check=False)
    assert child.returncode == status
    assert child.stdout == "written to standard output, never flushed"
    assert child.stderr == "WARNING: a logged line\nand a last word, no line end"


def test_under_a_profiler_it_exits_the_usual_way_so_the_profile_is_written(tmp_path):
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    profile = tmp_path / "child.prof"
    child = subprocess.run([sys.executable, "-m", "cProfile", "-o", str(profile), str(script),
                            "2"], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                           capture_output=True, text=True, check=False)
    assert child.returncode == 0  # cProfile's runner swallows the script's SystemExit
    assert child.stdout == "written to standard output, never flushed"
    assert profile.stat().st_size > 0
