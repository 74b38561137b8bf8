"""The roster's data: one frozen record per executive."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Link:
    """A public profile link shown on the author page (rel="me")."""

    label: str
    url: str


@dataclass(frozen=True)
class Executive:
    """One person on the authors roster."""

    slug: str
    name: str
    role: str
    bio: str
    photo: str | None = None
    photo_alt: str | None = None
    links: tuple[Link, ...] = ()


@dataclass(frozen=True)
class Roster:
    """Every executive by slug, in the order of the file."""

    path: str
    people: dict[str, Executive]

    def __contains__(self, slug: object) -> bool:
        return slug in self.people

    def __getitem__(self, slug: str) -> Executive:
        return self.people[slug]

    def get(self, slug: str) -> Executive | None:
        """Return the executive with ``slug``, or None."""
        return self.people.get(slug)

    def values(self) -> list[Executive]:
        """Return every executive, in file order."""
        return list(self.people.values())

    def slugs(self) -> list[str]:
        """Return the known slugs, sorted, for error messages."""
        return sorted(self.people)
