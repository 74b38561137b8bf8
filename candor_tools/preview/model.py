"""Put one re-read post or page into the generators of a built site, as a full build would.

Pelican files each content object on a "shelf" by status (published, hidden,
draft), split into originals and translations (``process_translations``) and
ordered (``order_content``). Replacing one object regroups only its translation
group, so an update costs little however large the site is. Lists are changed
in place: the shared template context holds the same list objects.
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from pelican.generators import ArticlesGenerator, PagesGenerator
from pelican.utils import order_content, process_translations


@dataclass(frozen=True)
class Shelves:
    """Where one generator keeps its content, and how it groups and orders it."""

    by_status: dict[str, tuple[str, str]]  # status -> (originals list, translations list)
    translation_id: str
    order_by: str

    def lists(self, generator: Any, status: str) -> tuple[list[Any], list[Any]] | None:
        """Return the (originals, translations) lists for ``status``, or None."""
        names = self.by_status.get(status)
        if names is None:
            return None
        return getattr(generator, names[0]), getattr(generator, names[1])


def shelves_of(generator: Any) -> Shelves:
    """Return the shelves of an ArticlesGenerator or a PagesGenerator."""
    settings = generator.settings
    if isinstance(generator, ArticlesGenerator):
        return Shelves({"published": ("articles", "translations"),
                        "hidden": ("hidden_articles", "hidden_translations"),
                        "draft": ("drafts", "drafts_translations")},
                       settings["ARTICLE_TRANSLATION_ID"], settings["ARTICLE_ORDER_BY"])
    if isinstance(generator, PagesGenerator):
        return Shelves({"published": ("pages", "translations"),
                        "hidden": ("hidden_pages", "hidden_translations"),
                        "draft": ("draft_pages", "draft_translations")},
                       settings["PAGE_TRANSLATION_ID"], settings["PAGE_ORDER_BY"])
    msg = f"no content shelves in {type(generator).__name__}"
    raise TypeError(msg)


def remove(generator: Any, item: Any) -> list[Any]:
    """Take ``item`` off its shelf; return the rest of its translation group, regrouped."""
    shelves = shelves_of(generator)
    lists = shelves.lists(generator, item.status)
    if lists is None:
        return []
    for found in lists:
        for index, other in enumerate(found):
            if other is item:
                del found[index]
                return _regroup(generator, shelves, item.status, _group_key(shelves, item))
    return []


def place(generator: Any, item: Any) -> list[Any]:
    """Put ``item`` on the shelf of its status; return its translation group, regrouped."""
    shelves = shelves_of(generator)
    lists = shelves.lists(generator, item.status)
    if lists is None:
        return []
    lists[1].append(item)  # _regroup decides whether it is an original or a translation
    return _regroup(generator, shelves, item.status, _group_key(shelves, item))


def _group_key(shelves: Shelves, item: Any) -> Any:
    if not shelves.translation_id:
        return ("self", id(item))
    return attrgetter(shelves.translation_id)(item)


def _regroup(generator: Any, shelves: Shelves, status: str, key: Any) -> list[Any]:
    originals, translations = shelves.lists(generator, status)  # type: ignore[misc]
    group = [x for x in [*originals, *translations] if _group_key(shelves, x) == key]
    if not group:
        return []
    members = {id(x) for x in group}
    originals[:] = [x for x in originals if id(x) not in members]
    translations[:] = [x for x in translations if id(x) not in members]
    new_originals, new_translations = process_translations(group, shelves.translation_id)
    originals[:] = order_content([*originals, *new_originals], shelves.order_by)
    translations.extend(new_translations)
    return group
