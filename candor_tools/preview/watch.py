"""Watch the sources with watchfiles and sort each batch of saves by what it needs."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from watchfiles import Change, DefaultFilter, watch

# Saves closer together than this are one batch (an editor's write-and-rename,
# "save all"); watchfiles yields the batch once no change came for this long.
STEP_MS = 30
# Files Pelican reads as posts and pages (the others are refused with an error).
SOURCE_SUFFIXES = (".md", ".markdown", ".mkd", ".mdown", ".rst", ".html", ".htm")
# Data files: also content (the roster makes the site in memory stale), and sources
# (a Q&A file's pages are rendered first; the resident says which it cannot render).
DATA_SUFFIXES = (".yml", ".yaml")


@dataclass
class Batch:
    """One batch of saved, added or deleted files, sorted by what they need."""

    sources: set[str] = field(default_factory=set)  # posts and pages, relative to PATH
    content: set[str] = field(default_factory=set)  # other content files, relative to PATH
    code: set[str] = field(default_factory=set)  # theme, plugins, settings

    def __bool__(self) -> bool:
        return bool(self.sources or self.content or self.code)

    def merge(self, other: Batch) -> None:
        """Add ``other``'s files to this batch."""
        self.sources |= other.sources
        self.content |= other.content
        self.code |= other.code


@dataclass(frozen=True)
class Watched:
    """What the preview watches: the content folder, code folders, the settings file."""

    content: Path
    code: tuple[Path, ...]
    settings_file: Path

    def sort(self, paths: set[str]) -> Batch:
        """Sort changed absolute ``paths`` into a Batch."""
        batch = Batch()
        for raw in paths:
            path = Path(raw)
            if path == self.settings_file or any(path.is_relative_to(c) for c in self.code):
                batch.code.add(str(path))
            elif path.is_relative_to(self.content) and _is_document(path):
                relative = path.relative_to(self.content).as_posix()
                target = batch.sources if path.suffix in SOURCE_SUFFIXES else batch.content
                target.add(relative)
                if path.suffix in DATA_SUFFIXES:  # a Q&A file: the resident renders it first
                    batch.sources.add(relative)
        return batch


def _is_document(path: Path) -> bool:
    """Leave out editors' temporary files: hidden names, names without a suffix."""
    return not path.name.startswith(".") and bool(path.suffix)


def start_watching(watched: Watched, deliver: Callable[[Batch], None],
                   stop: threading.Event) -> list[threading.Thread]:
    """Watch in background threads; call ``deliver`` with each non-empty batch."""
    folders = [p for p in (watched.content, *watched.code) if p.is_dir()]
    settings = watched.settings_file

    def run(paths: list[Path], recursive: bool, keep: Callable[[str], bool]) -> None:
        changes = watch(*paths, watch_filter=lambda change, path: keep(path), step=STEP_MS,
                        stop_event=stop, recursive=recursive, raise_interrupt=False)
        for found in changes:
            batch = watched.sort({path for _change, path in found})
            if batch:
                deliver(batch)

    default = DefaultFilter()
    threads = [
        threading.Thread(target=run, args=(folders, True, lambda p: default(Change.modified, p)),
                         name="preview-watch", daemon=True),
        # The settings file's folder is the project: watch it alone, not recursively.
        threading.Thread(target=run, args=([settings.parent], False,
                                           lambda p: Path(p) == settings),
                         name="preview-watch-settings", daemon=True),
    ]
    for thread in threads:
        thread.start()
    return threads
