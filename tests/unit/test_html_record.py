"""The Nu checker's record of valid pages, written by checks that may run at once."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

from candor_tools.html_check import CACHE_NAME, read_passed, write_passed


def test_checks_writing_at_once_each_leave_a_whole_record(tmp_path):
    sets = [{f".html:{writer:02d}{number:062d}" for number in range(2000)} for writer in range(8)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        for _ in range(5):
            list(pool.map(lambda keys: write_passed(tmp_path, keys), sets))  # raises if one failed
            assert read_passed(tmp_path) in sets
    assert [path.name for path in tmp_path.iterdir()] == [CACHE_NAME]  # no temporary file left
    assert json.loads((tmp_path / CACHE_NAME).read_text())["format"] == 1
