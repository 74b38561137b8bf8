"""Write the skeleton of a new post, with every front-matter field explained."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from pelican.utils import slugify

TEMPLATE = """\
Title: {title}
Date: {date}
Author: {author}
Kind: {kind}
Status: draft
Written_by: {author}
{lang_line}# Optional fields below: remove the "# " in front of a field to use it.
# Drafted_with: the comms team
# Reviewed_by: Legal
#   Who helped and who checked it, said in plain words in the byline.
# Tags: storage, safety
#   Comma-separated. Reuse existing tags so related posts link up.
# Summary: One or two sentences.
#   Shown in lists, feeds and link previews.
# Modified: {date}
#   Only for a material update; Date stays the first publication.
# Image: images/posts/name.svg
# Image_alt: What the image shows
#   A cover image (path from content/) and its text alternative.
# Status: draft while writing, review when ready for comms, published once approved.
# Approved_by: Jordan Blake
#   Comms fills this in when approving; production publishes only approved posts.
# Correction: 2026-01-19: We said X. The right figure is Y.
#   One dated line per correction, added after publication. Never edit silently.

Start with the point. Write it the way you would say it to one person.

## A heading for the second part

Say what happened, what it means for the reader, and what comes next.
"""


def new_post_path(posts: Path, title: str, now: datetime, lang: str | None) -> Path:
    """Return content/posts/<year>/<slug>[.<lang>].md for a new post."""
    slug = slugify(title, regex_subs=[(r"[^\w\s-]", ""), (r"(?u)\A\s*", ""),
                                      (r"(?u)\s*\Z", ""), (r"[-\s]+", "-")])
    suffix = f".{lang}.md" if lang else ".md"
    return posts / f"{now:%Y}" / f"{slug}{suffix}"


def new_post_text(title: str, author: str, kind: str, now: datetime, lang: str | None) -> str:
    """Return the Markdown of a new draft post."""
    lang_line = f"Lang: {lang}\n" if lang else ""
    return TEMPLATE.format(title=title.replace("\n", " "), date=f"{now:%Y-%m-%d %H:%M}",
                           author=author, kind=kind, lang_line=lang_line)
