"""The preview's own build folder, kept from one full build to the next.

With ``PUBLISHING_INCREMENTAL`` (on in ``pelicanconf.py``), each full build of
`make serve` renders into ``CACHE_PATH/preview-output``, where the incremental
rebuild leaves alone what did not change since the preview's last build, and is
then copied into the fresh folder that replaces what is served. The served
folder is never written while it is served, and a failed build leaves it as it
was. Two previews of one site take turns (a lock beside the folder).
"""

from __future__ import annotations

import fcntl
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

FOLDER = "preview-output"


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


def copy_site(source: Path, target: Path) -> None:
    """Copy every file of ``source`` into ``target`` (an empty folder)."""
    shutil.copytree(source, target, dirs_exist_ok=True, copy_function=shutil.copyfile)
