"""Write a deterministic corpus of posts that plain Pelican and Candor both accept.

Each post is about 700 words of realistic Markdown (headings, lists, emphasis,
links, a quote, sometimes a table, a code block or a link to an older post),
in one of 4 kinds, by one of 4 authors, with 2 to 4 of 60 tags. Posts live in
``posts/<kind>/``, so plain Pelican's USE_FOLDER_AS_CATEGORY gives the same
4 categories that Candor takes from ``Kind:``.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

AUTHORS = (
    ("ana-ruiz", "Ana Ruiz", "Chief Executive Officer"),
    ("marcus-adeyemi", "Marcus Adeyemi", "Chief Financial Officer"),
    ("lucia-ortega", "Lucía Ortega", "Chief Technology Officer"),
    ("sam-okafor", "Sam Okafor", "Chief Operating Officer"),
)
KINDS = {"news": "News", "reflection": "Reflections", "results": "Results",
         "update": "Updates"}
TAG_TEXT = """
storage safety results people pricing software hiring budget grid batteries solar wind
customers suppliers audit board strategy culture training outage maintenance permits
community energy market regulation finance investment debt cash revenue costs carbon
emissions recycling lithium sodium thermal fire insurance contracts partners
procurement security privacy data cloud balance forecasting trading capacity frequency
reserves tariffs taxes pensions unions offices travel remote"""
TAGS = tuple(TAG_TEXT.split())
WORD_TEXT = """
the we our a to of and in that for is on this it with as was be are by at from not have
but you they which an will year plan team site grid battery storage customers price
cost budget people decision question answer result quarter month week project contract
energy power market risk safety work time change data report board decided because
already still expect numbers public promise mistake reason next step honest clear
written review approve measure improve deliver open close share learn fix test build
replace install repair schedule delay launch hire train"""
WORDS = tuple(WORD_TEXT.split())
APPROVER = "Jordan Blake"
LINK_RE = re.compile(r"\[([^\]]*)\]\([^)]*\)")
TAG_WEIGHTS = [1 / (i + 1) for i in range(len(TAGS))]  # a few tags are common


def _sentence(rng: random.Random, low: int = 8, high: int = 18) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    pick = rng.random()
    if pick < 0.15:
        spot = rng.randrange(len(words))
        words[spot] = f"*{words[spot]}*"
    elif pick < 0.25:
        spot = rng.randrange(len(words))
        words[spot] = f"**{words[spot]}**"
    elif pick < 0.32:
        spot = rng.randrange(len(words))
        words[spot] = f"[{words[spot]}](https://www.tidewater.example/{words[spot]}/)"
    elif pick < 0.36:
        spot = rng.randrange(len(words))
        words[spot] = f"`{words[spot]}`"
    elif pick < 0.42:
        words.insert(rng.randrange(len(words)), f'"{rng.choice(WORDS)} {rng.choice(WORDS)}"')
    text = " ".join(words)
    return text[0].upper() + text[1:] + rng.choice((".", ".", ".", "?", "; it matters."))


def _plain(text: str) -> str:
    """Drop the inline markup of a generated sentence (for titles and headings)."""
    text = LINK_RE.sub(r"\1", text).translate(str.maketrans("", "", "*`\""))
    return text[:1].upper() + text[1:]


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(3, 6)))


def _blocks(rng: random.Random, number: int, older: list[str]) -> list[str]:
    blocks = [_paragraph(rng), _paragraph(rng)]
    blocks.append(f"## {_plain(_sentence(rng, 3, 6)).rstrip('.?')}")
    blocks += [_paragraph(rng), "\n".join(f"- {_sentence(rng, 5, 12)}" for _ in range(4))]
    blocks.append("> " + _sentence(rng) + " " + _sentence(rng))
    blocks += [_paragraph(rng), f"## {_plain(_sentence(rng, 2, 5)).rstrip('.?')}"]
    blocks += [_paragraph(rng), "\n".join(f"{i}. {_sentence(rng, 5, 10)}" for i in range(1, 4))]
    if number % 5 == 0:
        rows = [f"| {rng.choice(WORDS)} | {rng.randint(1, 999)} | {rng.randint(-20, 40)}% |"
                for _ in range(5)]
        blocks.append("| Item | Value | Change |\n|---|---:|---:|\n" + "\n".join(rows))
    if number % 7 == 0:
        blocks.append("```\n" + "\n".join(f"{rng.choice(WORDS)} = {rng.randint(0, 99)}"
                                            for _ in range(4)) + "\n```")
    if older and number % 3 == 0:
        blocks.append(f"As I wrote [before]({{filename}}/{rng.choice(older)}), "
                      + _sentence(rng))
    while sum(len(b.split()) for b in blocks) < 690:
        blocks.append(_paragraph(rng))
    return blocks


def post_path(number: int) -> str:
    """Return the path, under the content folder, of post ``number``."""
    kind = list(KINDS)[number % len(KINDS)]
    return f"posts/{kind}/post-{number:05d}.md"


def post_text(number: int, seed: int = 0, edit: int = 0, title: str | None = None) -> str:
    """Return the Markdown source of post ``number`` (``edit`` > 0: an edited version;
    ``title``: instead of its own title)."""
    rng = random.Random(seed * 1_000_003 + number)
    kind = list(KINDS)[number % len(KINDS)]
    slug, _name, _role = AUTHORS[number % len(AUTHORS)]
    year = 2019 + (number % 7)
    date = f"{year}-{number % 12 + 1:02d}-{number % 28 + 1:02d} {number % 24:02d}:{number % 60:02d}"
    tags = sorted(set(rng.choices(TAGS, weights=TAG_WEIGHTS, k=rng.randint(2, 4))))
    older = [post_path(n) for n in range(max(0, number - 50), number)]
    blocks = _blocks(rng, number, older)
    if edit:
        blocks.append(f"Edited {edit}: {_sentence(random.Random(edit))}")
    own_title = _plain(_sentence(rng, 4, 9)).rstrip(".?")
    header = (f"Title: {title or own_title}"
              f"\nDate: {date}\nAuthor: {slug}\nKind: {kind}\nTags: {', '.join(tags)}\n"
              f"Summary: {_plain(_sentence(rng, 12, 24))}\nWritten_by: {slug}\n"
              f"Approved_by: {APPROVER}\n")
    return header + "\n" + "\n\n".join(blocks) + "\n"


def write_roster(content: Path) -> None:
    """Write ``authors.yml`` naming the corpus's 4 authors."""
    lines = ["authors:"]
    for slug, name, role in AUTHORS:
        lines += [f"  - slug: {slug}", f"    name: {name}", f"    role: {role}",
                  f"    bio: {name} writes here about the company's work."]
    (content / "authors.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_posts(content: Path, posts: int, seed: int = 0) -> list[str]:
    """Write ``posts`` posts, one about-page and the roster; return the posts' paths."""
    content.mkdir(parents=True, exist_ok=True)
    write_roster(content)
    paths = []
    for number in range(posts):
        relative = post_path(number)
        target = content / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(post_text(number, seed), encoding="utf-8")
        paths.append(relative)
    about = content / "pages" / "about.md"
    about.parent.mkdir(parents=True, exist_ok=True)
    about.write_text("Title: About\nApproved_by: Jordan Blake\n\nWho we are and why we "
                     "write here.\n", encoding="utf-8")
    return paths


def edit_post(content: Path, number: int, edit: int, seed: int = 0) -> Path:
    """Rewrite post ``number`` with one more sentence (``edit`` makes it unique)."""
    target = content / post_path(number)
    target.write_text(post_text(number, seed, edit), encoding="utf-8")
    return target


def retitle_post(content: Path, number: int, edit: int, seed: int = 0) -> Path:
    """Rewrite post ``number`` with a new title (``edit`` makes it unique), its text kept."""
    target = content / post_path(number)
    target.write_text(post_text(number, seed, title=f"Retitled post {number}, take {edit}"),
                      encoding="utf-8")
    return target


def add_post(content: Path, number: int, seed: int = 0) -> Path:
    """Write post ``number``, one the corpus did not have (an executive publishing a post:
    its date falls among the others', so lists, archives and feeds change)."""
    target = content / post_path(number)
    if target.exists():
        message = f"post {number} is already in {content}"
        raise FileExistsError(message)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(post_text(number, seed), encoding="utf-8")
    return target
