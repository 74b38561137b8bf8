"""The rebuild records saved as changes beside the last whole state file
(candor_common.rebuild.RebuildState.save and load)."""

from __future__ import annotations

import json
from pathlib import Path

from pelican.contents import Article

from candor_common import rebuild
from candor_common.rebuild import RebuildState, tracking
from tests.unit.test_rebuild_reads import post

PAGES = 10


class Pages:
    """Ten pages, page N showing the title of post N, over builds sharing one state file."""

    def __init__(self, tmp_path: Path) -> None:
        self.output = tmp_path / "output"
        self.output.mkdir()
        self.state_file = tmp_path / "candor-rebuild-x.json"
        self.changes_file = tmp_path / "candor-rebuild-x.changes.json"
        self.titles = [f"Title {n}" for n in range(PAGES)]

    def build(self, pages: int = PAGES) -> list[int]:
        """Run one build of the first ``pages`` pages; return those rendered."""
        state = RebuildState(str(self.output), self.state_file, "static")
        state.load()
        rendered = []
        for number in range(pages):
            item: Article = post(f"p{number}", self.titles[number])
            name = f"page-{number}.html"
            key = state.key(None, name, [item])
            if state.reusable(name, key):
                continue
            with tracking() as reads:
                html = item.title
            target = self.output / name
            target.write_text(html, encoding="utf-8")
            state.remember(name, key, reads, [str(target)])
            rendered.append(number)
        state.save()
        return rendered

    def changes(self) -> dict[str, object]:
        return json.loads(self.changes_file.read_text(encoding="utf-8"))


def test_a_build_that_changed_few_records_saves_only_those(tmp_path):
    site = Pages(tmp_path)
    assert site.build() == list(range(PAGES))
    whole = site.state_file.read_bytes()
    assert not site.changes_file.exists()
    site.titles[3] = "Another title"
    assert site.build() == [3]
    assert site.state_file.read_bytes() == whole  # the whole file is left as it was
    changes = site.changes()
    assert list(changes["outputs"]) == ["page-3.html"]
    assert changes["base"] == json.loads(whole)["generation"]
    # The next build reads the changes on top of the whole file: nothing to make again
    # (with the whole file's record alone, page 3's file would look changed since).
    assert site.build() == []
    site.titles[7] = "A third title"
    assert site.build() == [7]
    assert sorted(site.changes()["outputs"]) == ["page-3.html", "page-7.html"]
    assert site.build() == []


def test_many_changes_write_the_whole_state_again_and_remove_the_changes(tmp_path):
    site = Pages(tmp_path)
    site.build()
    site.titles[1] = "Changed"
    site.build()
    assert site.changes_file.exists()
    generation = json.loads(site.state_file.read_text(encoding="utf-8"))["generation"]
    for number in range(2, 2 + int(PAGES * rebuild.CHANGES_SHARE) + 1):
        site.titles[number] = f"Changed {number}"
    assert len(site.build()) == int(PAGES * rebuild.CHANGES_SHARE) + 1
    saved = json.loads(site.state_file.read_text(encoding="utf-8"))
    assert saved["generation"] != generation
    assert len(saved["outputs"]) == PAGES
    assert not site.changes_file.exists()
    assert site.build() == []


def test_an_output_no_longer_made_is_dropped_from_the_records(tmp_path):
    site = Pages(tmp_path)
    site.build()
    assert site.build(pages=PAGES - 1) == []
    assert site.changes()["dropped"] == [f"page-{PAGES - 1}.html"]
    state = RebuildState(str(site.output), site.state_file, "static")
    state.load()
    assert f"page-{PAGES - 1}.html" not in state.previous
    assert len(state.previous) == PAGES - 1


def test_changes_that_name_another_whole_file_are_not_read(tmp_path):
    site = Pages(tmp_path)
    site.build()
    site.titles[3] = "Another title"
    site.build()
    changes = site.changes()
    site.changes_file.write_text(json.dumps({**changes, "base": "another"}), encoding="utf-8")
    # Page 3's record is then the whole file's: its file has changed since, so it is made.
    assert site.build() == [3]


def test_changes_of_other_code_are_not_read(tmp_path):
    site = Pages(tmp_path)
    site.build()
    site.titles[3] = "Another title"
    site.build()
    site.changes_file.write_text(json.dumps({**site.changes(), "static": "other"}),
                                 encoding="utf-8")
    assert site.build() == [3]
