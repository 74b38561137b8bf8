"""The preview's own build folder, kept from one full build to the next.

With ``PUBLISHING_INCREMENTAL`` (on in ``pelicanconf.py``), each full build of
`make serve` renders into ``CACHE_PATH/preview-output``, where the incremental
rebuild leaves alone what did not change since the preview's last build, and is
then copied into the fresh folder that replaces what is served (the files it
did not change are linked from the served folder, not copied). The served
folder is never written while it is served, and a failed build leaves it as it
was. Two previews of one site take turns (a lock beside the folder).
"""

from __future__ import annotations

import fcntl
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

FOLDER = "preview-output"
# Some file systems keep modification times to the second or two (FAT, HFS+).
COARSE_TIMES_NS = 3_000_000_000


@contextmanager
def kept_folder(settings: dict[str, Any]) -> Iterator[Path | None]:
    """Hold the kept build folder for one build; None if the settings build everything.

    Without the incremental rebuild (or a cache folder) a kept folder would
    only keep the pages of deleted posts: the build then goes straight into
    the fresh folder, as a clean build.
    """
    if not (settings.get("PUBLISHING_INCREMENTAL") and settings.get("CACHE_PATH")):
        yield None
        return
    cache = Path(settings["CACHE_PATH"])
    cache.mkdir(parents=True, exist_ok=True)
    with (cache / f"{FOLDER}.lock").open("a", encoding="utf-8") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed
        yield cache / FOLDER


def copy_site(source: Path, target: Path, served: Path | None, built_since: int
              ) -> list[str]:
    """Copy every file of ``source`` into ``target`` (an empty folder); return the names
    (relative, with '/') of those copied, not linked from ``served``.

    Copies keep the modification time of the file they copy. A file that
    ``served`` (the folder served now, made by the last copy) has with the same
    size and modification time was copied from this very version, since the
    build rewrites a file only with new bytes, and nothing writes into a
    served folder: it is linked from there instead of copied again, and
    ``changes.served_changes`` knows it unchanged without reading it. Files
    modified after ``built_since`` (nanoseconds, the build's start less a
    margin for file systems that keep coarse times) are always copied.
    """
    copied = []
    for folder, _dirs, names in os.walk(source):
        relative = os.path.relpath(folder, source)
        into = os.path.normpath(os.path.join(target, relative))
        os.makedirs(into, exist_ok=True)
        prefix = "" if relative == os.curdir else relative.replace(os.sep, "/") + "/"
        for name in names:
            path = os.path.join(folder, name)
            stat = os.stat(path)
            destination = os.path.join(into, name)
            if served is not None and stat.st_mtime_ns < built_since and _same_version(
                    os.path.join(served, relative, name), stat, destination):
                continue
            shutil.copyfile(path, destination)
            os.utime(destination, ns=(stat.st_atime_ns, stat.st_mtime_ns))
            copied.append(prefix + name)
    return copied


def _same_version(old: str, stat: os.stat_result, destination: str) -> bool:
    """Link ``old`` to ``destination`` if it has ``stat``'s size and time; say if it did."""
    try:
        before = os.stat(old)
        if before.st_size != stat.st_size or before.st_mtime_ns != stat.st_mtime_ns:
            return False
        os.link(old, destination)
    except OSError:  # not served yet, or links not possible here: copy it
        return False
    return True
