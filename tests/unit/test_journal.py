"""The journal of files a build is writing (candor_common/journal.py)."""

from __future__ import annotations

import os
import signal
from pathlib import Path

from candor_common.journal import Journal


def test_a_killed_build_leaves_the_list_of_every_file_it_began_to_write(tmp_path: Path):
    path = tmp_path / "cache" / "state.journal"
    child = os.fork()
    if child == 0:  # a build killed at once, as the preview cancels one
        journal = Journal(path)
        journal.note("posts/a/index.html")
        journal.note("feeds/all.atom.xml")
        os.kill(os.getpid(), signal.SIGKILL)
    _, status = os.waitpid(child, 0)
    assert os.WIFSIGNALED(status)
    journal = Journal(path)
    assert journal.unfinished() == {"posts/a/index.html", "feeds/all.atom.xml"}
    journal.note("index.html")  # the next build appends to the same list
    journal.close()
    assert Journal(path).unfinished() == {"posts/a/index.html", "feeds/all.atom.xml",
                                          "index.html"}
    journal.finish()
    assert not path.exists() and Journal(path).unfinished() == set()
