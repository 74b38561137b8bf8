"""The preview's copy of its kept folder, and which served pages a new copy changes."""

from __future__ import annotations

import os
import time
from pathlib import Path

from candor_tools.preview.changes import files_of, served_changes
from candor_tools.preview.kept import copy_site
from candor_tools.preview.overlay import Overlay

PAGES = {"index.html": "home", "posts/a/index.html": "post a", "posts/b/index.html": "post b",
         "theme/site.css": "body {}"}


def write(root: Path, pages: dict[str, str]) -> None:
    for name, text in pages.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")


def test_the_copy_links_what_the_served_folder_has_and_names_what_it_copied(tmp_path):
    kept, served = tmp_path / "kept", tmp_path / "served"
    write(kept, PAGES)
    served.mkdir()
    assert sorted(copy_site(kept, served, None, time.time_ns())) == sorted(PAGES)
    write(kept, {"posts/b/index.html": "post b, edited", "posts/c/index.html": "post c"})
    (kept / "index.html").touch()  # rewritten since the served copy was made
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    started = time.time_ns() + 10**9  # every file was written before the build "started"
    os.utime(kept / "index.html", ns=(started - 5 * 10**8,) * 2)
    copied = copy_site(kept, fresh, served, started)
    assert sorted(copied) == ["index.html", "posts/b/index.html", "posts/c/index.html"]
    linked = {name for name in files_of(fresh) if name not in copied}
    assert linked == {"posts/a/index.html", "theme/site.css"}
    assert all((fresh / n).stat().st_ino == (served / n).stat().st_ino for n in linked)
    assert {n: Path(p).read_text() for n, p in files_of(fresh).items()} == \
        {n: Path(p).read_text() for n, p in files_of(kept).items()}


def test_changes_read_only_the_files_copied_when_the_copy_says_which(tmp_path):
    served, fresh = tmp_path / "served", tmp_path / "fresh"
    write(served, {**PAGES, "gone/index.html": "removed"})
    write(fresh, {"posts/b/index.html": "post b", "posts/c/index.html": "new",
                  "index.html": "home, edited"})
    for name in ("posts/a/index.html", "theme/site.css"):
        (fresh / name).parent.mkdir(parents=True, exist_ok=True)
        os.link(served / name, fresh / name)
    copied = {"index.html", "posts/b/index.html", "posts/c/index.html"}
    expected = ["/gone/", "/", "/posts/c/"]  # posts/b was copied with the same bytes
    assert served_changes(served, fresh, Overlay(), copied) == expected
    assert served_changes(served, fresh, Overlay()) == expected  # each file's identity
    # What the copy linked is not read: were a linked file to differ (it cannot), only
    # the comparison without the copy's list would see it.
    (fresh / "posts/a/index.html").unlink()
    (fresh / "posts/a/index.html").write_text("differs", encoding="utf-8")
    assert served_changes(served, fresh, Overlay(), copied) == expected
    assert served_changes(served, fresh, Overlay()) == ["/gone/", "/", "/posts/a/",
                                                         "/posts/c/"]
    (fresh / "theme/site.css").unlink()
    (fresh / "theme/site.css").write_text("body { color: red }", encoding="utf-8")
    assert served_changes(served, fresh, Overlay(), copied | {"theme/site.css"}) == ["*"]


def test_folder_links_are_neither_followed_nor_listed(tmp_path):
    write(tmp_path / "site", PAGES)
    os.symlink(tmp_path / "site" / "posts", tmp_path / "site" / "linked")
    assert sorted(files_of(tmp_path / "site")) == sorted(PAGES)
