"""Give a re-read post what the plugins attached to it during the full build.

Plugins attach data to posts after reading: post_extras (reading time,
neighbours, related posts) at ``all_generators_finalized``, qa_digest
(``qa``) and transparency (``history``, ``history_url``, ``commitments``) in
the context phase. The preview recomputes the post_extras fields of the re-read
post, which are cheap and change with its text and tags, and carries the others
over from the version it replaces when the status did not change (a post that
became a draft loses them, as in a full build). The background full build
settles them. Only the names below are carried: anything else on the old
object may be front matter the author just removed.
"""

from __future__ import annotations

from typing import Any

# What plugins attach in the context phase (qa_digest, transparency).
CARRIED = ("qa", "history", "history_url", "commitments")


def carry_over(old: Any, new: Any) -> None:
    """Copy to ``new`` the CARRIED fields of ``old`` when both have the same status."""
    if old is None or old.status != new.status:
        return
    for name in CARRIED:
        if hasattr(old, name) and not hasattr(new, name):
            setattr(new, name, getattr(old, name))


def refresh_post_extras(articles_generator: Any, posts: list[Any]) -> None:
    """Recompute post_extras' fields of ``posts`` against the current published posts."""
    settings = articles_generator.settings
    if "post_extras" not in settings["PLUGINS"] or not posts:
        return
    from post_extras.compute import neighbours, reading_minutes, related  # noqa: PLC0415

    published = list(articles_generator.articles) + list(articles_generator.translations)
    around = neighbours(published)
    alike = related(published, settings["POST_EXTRAS_RELATED_MAX"])
    for post in posts:
        post.reading_time = reading_minutes(post.content,
                                            settings["POST_EXTRAS_WORDS_PER_MINUTE"])
        post.prev_post, post.next_post = around.get(id(post), (None, None))
        post.related_posts = alike.get(id(post), [])
