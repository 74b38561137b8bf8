"""Refuse a build in which two sources would be written to the same file."""

from __future__ import annotations

import logging
from collections import defaultdict
from typing import Any

from candor_common.errors import BuildAborted

logger = logging.getLogger(__name__)

WRITTEN_LISTS = ("articles", "translations", "hidden_articles", "hidden_translations",
                 "drafts", "drafts_translations", "pages", "hidden_pages", "draft_pages")


def written_by_source(generators: list[Any]) -> dict[str, list[str]]:
    """Map each output file to the source files that would write it."""
    targets: dict[str, set[str]] = defaultdict(set)
    for generator in generators:
        for name in WRITTEN_LISTS:
            for item in getattr(generator, name, []) or []:
                save_as = getattr(item, "save_as", "")
                if save_as:
                    targets[save_as].add(item.get_relative_source_path())
    return {target: sorted(sources) for target, sources in targets.items()}


def stop_on_collisions(generators: list[Any]) -> None:
    """Abort before writing if two posts or pages would write the same URL."""
    clashes = {t: s for t, s in written_by_source(generators).items() if len(s) > 1}
    if not clashes:
        return
    for target, sources in sorted(clashes.items()):
        logger.error("publishing: %s: url: %s would all be written to this one file. "
                     "Give one of them another Slug (or file name).",
                     target, ", ".join(sources))
    message = f"{len(clashes)} output file(s) claimed by more than one source; nothing written."
    logger.error("publishing: %s", message)
    raise BuildAborted(message)
