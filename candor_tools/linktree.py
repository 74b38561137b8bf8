"""Hard-link pages into a tree of their own, so a tool reads only those.

The Nu checker (``html_check``) is handed the pages it has not passed before, and
each Pagefind run of a big site's index (``search_parts``) the pages of one part,
at the paths they have in the output: hard links, no bytes copied, or copies
where a link cannot be made (another disk). No plugin is imported here:
``run_pelican`` uses it before ``plugins/`` is on the path.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from pathlib import Path


def link_tree(source: Path, root: Path, names: Iterable[str]) -> None:
    """Make ``root`` a tree of the files ``names`` of ``source``, at the same paths."""
    made: set[Path] = set()
    for name in names:
        target = root / name
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        link_or_copy(str(source / name), str(target))


def link_or_copy(source: str, target: str) -> None:
    """Hard-link ``source`` as ``target`` (no bytes copied), or copy it across devices."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
