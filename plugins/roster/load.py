"""Read and validate the authors roster file."""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any

from candor_common.errors import Problem, RosterError
from candor_common.yamlfile import Located, load_located
from roster.model import Executive, Link, Roster

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
REQUIRED = ("slug", "name", "role", "bio")
OPTIONAL = ("photo", "photo_alt", "links")


def load_roster(path: Path, content_root: Path, display: str) -> Roster:
    """Load the roster at ``path``; raise RosterError listing every problem.

    ``display`` is the path shown in messages (relative to the project).
    """
    if not path.is_file():
        raise RosterError([Problem(display, None, "file", "the authors roster is missing",
                                   "Create it with one entry per executive (docs/publishing.md)")])
    data = load_located(path, display)
    problems: list[Problem] = []
    if not isinstance(data, Located) or not isinstance(data.values.get("authors"), list):
        raise RosterError([Problem(
            display, 1, "authors", "expected a list under 'authors:'",
            "Start the file with 'authors:' and one '- slug: ...' per person")])
    people: dict[str, Executive] = {}
    for entry in data.values["authors"]:
        person = _read_person(entry, display, content_root, problems, data.line_of("authors"))
        if person is None:
            continue
        if person.slug in people:
            problems.append(Problem(display, entry.line_of("slug"), "slug",
                                    f"'{person.slug}' appears twice",
                                    "Give every executive a unique slug"))
            continue
        people[person.slug] = person
    if problems:
        raise RosterError(problems)
    return Roster(display, people)


def _read_person(entry: Any, display: str, content_root: Path,
                 problems: list[Problem], list_line: int) -> Executive | None:
    if not isinstance(entry, Located):
        problems.append(Problem(display, list_line, "authors", "each entry must be a mapping",
                                "Write each person as '- slug: ...' with name, role and bio"))
        return None
    start = len(problems)
    values = entry.values
    for key in sorted(set(values) - set(REQUIRED) - set(OPTIONAL)):
        close = difflib.get_close_matches(key, REQUIRED + OPTIONAL, n=1)
        fix = f"Did you mean '{close[0]}'?" if close else "Remove it (allowed: "
        if not close:
            fix += ", ".join(REQUIRED + OPTIONAL) + ")"
        problems.append(Problem(display, entry.line_of(key), key, "unknown field", fix))
    for key in REQUIRED:
        value = values.get(key)
        if not isinstance(value, str) or not value.strip():
            problems.append(Problem(display, entry.line_of(key), key,
                                    "is missing or empty" if value is None else "must be text",
                                    f"Every executive needs a {key}"))
    slug = values.get("slug")
    if isinstance(slug, str) and not SLUG_RE.match(slug):
        problems.append(Problem(display, entry.line_of("slug"), "slug",
                                f"'{slug}' is not a slug",
                                "Use lowercase letters, digits and hyphens, e.g. ana-ruiz"))
    photo = values.get("photo")
    if photo is not None:
        if not isinstance(photo, str) or not (content_root / photo).is_file():
            problems.append(Problem(display, entry.line_of("photo"), "photo",
                                    f"no file '{photo}' under content/",
                                    "Put it in content/images/ and give its path from content/"))
        elif not values.get("photo_alt"):
            problems.append(Problem(display, entry.line_of("photo"), "photo_alt",
                                    "a photo needs a text alternative",
                                    "Add photo_alt, e.g. 'Portrait of Ana Ruiz'"))
    links = _read_links(values.get("links", []), entry, display, problems)
    if len(problems) > start:
        return None
    return Executive(slug=str(slug), name=values["name"].strip(), role=values["role"].strip(),
                     bio=values["bio"].strip(), photo=photo,
                     photo_alt=values.get("photo_alt"), links=links)


def _read_links(raw: Any, entry: Located, display: str,
                problems: list[Problem]) -> tuple[Link, ...]:
    if not isinstance(raw, list):
        problems.append(Problem(display, entry.line_of("links"), "links", "must be a list",
                                "Write '- label: ...' and 'url: https://...' per link"))
        return ()
    links = []
    for item in raw:
        ok = (isinstance(item, Located) and isinstance(item.values.get("label"), str)
              and isinstance(item.values.get("url"), str))
        if not ok or not re.match(r"^https?://", item.values["url"]):
            line = item.line if isinstance(item, Located) else entry.line_of("links")
            problems.append(Problem(display, line, "links",
                                    "each link needs a label and an http(s) url",
                                    "Write '- label: Mastodon' and 'url: https://...'"))
            continue
        links.append(Link(item.values["label"], item.values["url"]))
    return tuple(links)
