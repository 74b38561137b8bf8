"""Find the site's posts, and the post a source thread belongs to (by URL, slug or mapping)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from candor_tools.qa_import.records import SourceThread

_META = re.compile(r"^([A-Za-z][A-Za-z_-]*):\s*(.*)$")
_LANG_SUFFIX = re.compile(r"\.[a-z]{2}(?:[-_][A-Za-z]{2})?$")
_PAGE_ENDINGS = re.compile(r"(?:/index)?\.(?:html?|php|aspx?)$", re.IGNORECASE)


@dataclass(frozen=True)
class Post:
    """A post of the site: its path from content/ (as Q&A files name it) and its slug."""

    path: str
    slug: str


def _metadata(file: Path) -> dict[str, str]:
    values: dict[str, str] = {}
    with file.open(encoding="utf-8", errors="replace") as text:
        for line in text:
            match = _META.match(line.rstrip("\n"))
            if not match:
                break
            values[match.group(1).lower()] = match.group(2).strip()
    return values


def find_posts(content: Path, folders: Iterable[str] = ("posts",)) -> list[Post]:
    """Return the posts in ``folders`` of ``content``, translations left out."""
    posts = []
    for folder in folders:
        for file in sorted((content / folder).rglob("*.md")):
            meta = _metadata(file)
            if (meta.get("lang") and meta.get("translation")) or _LANG_SUFFIX.search(file.stem):
                continue
            posts.append(Post(file.relative_to(content).as_posix(),
                              meta.get("slug") or file.stem))
    return posts


def _key(text: str) -> str:
    """Return a URL, path or slug in the form they are compared in."""
    text = unquote(text.strip())
    parts = urlsplit(text)
    if parts.scheme and parts.netloc:
        text = parts.path + (f"?{parts.query}" if parts.query else "")
    return _PAGE_ENDINGS.sub("", text).strip("/").lower()


@dataclass
class PostMatcher:
    """Matches source threads to posts: the mapping first, then the URL's slug."""

    posts: list[Post]
    mapping: Mapping[str, str] = field(default_factory=dict)  # URL, path or slug -> post

    def __post_init__(self) -> None:
        self.by_path = {p.path: p for p in self.posts}
        slugs: dict[str, list[Post]] = {}
        for post in self.posts:
            slugs.setdefault(post.slug.lower(), []).append(post)
        self.by_slug = {s: ps[0] for s, ps in slugs.items() if len(ps) == 1}
        stems: dict[str, list[Post]] = {}
        for post in self.posts:
            stems.setdefault(Path(post.path).stem.lower(), []).append(post)
        self.by_stem = {s: ps[0] for s, ps in stems.items() if len(ps) == 1}
        self.mapped = {_key(k): v for k, v in self.mapping.items()}

    def resolve(self, name: str) -> Post | None:
        """Return the post named by a path from content/, a slug or a file name."""
        name = name.strip()
        return (self.by_path.get(name.strip("/")) or self.by_slug.get(name.lower())
                or self.by_stem.get(name.lower()))

    def match(self, thread: SourceThread) -> Post | None:
        """Return the post of ``thread``, or None if nothing identifies it."""
        candidates = [c for c in (thread.url, thread.identifier, thread.key) if c]
        for candidate in candidates:
            target = self.mapped.get(_key(candidate))
            if target is not None:
                return self.resolve(target)
        for candidate in (thread.identifier, thread.url):
            key = _key(candidate) if candidate else ""
            if not key:
                continue
            post = self.by_path.get(f"{key}.md") or self.by_slug.get(key.rsplit("/", 1)[-1])
            if post is not None:
                return post
        return None
