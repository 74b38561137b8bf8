"""Reading YAML data files with line numbers, without keeping the parse tree alive."""

from __future__ import annotations

import gc
from pathlib import Path

from candor_common import yamlfile


def test_a_loaded_file_keeps_no_yaml_nodes_in_memory(tmp_path: Path):
    path = tmp_path / "qa.yml"
    path.write_text("questions:\n" + "".join(
        f"  - id: q-{n}\n    asked_at: 2026-03-0{n % 9 + 1} 10:00\n    votes: {n}\n"
        for n in range(200)), encoding="utf-8")
    data = yamlfile.load_located(path, "qa.yml")
    assert data.values["questions"][5].lines["votes"] == 5 * 3 + 4
    gc.collect()
    # The shared loader caches what it built, by node: a build that loads 100,000
    # questions must not keep every node of every file for the rest of the build.
    assert yamlfile._LOADER.constructed_objects == {}
