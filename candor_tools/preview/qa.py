"""A saved Q&A file in the preview: its changed question pages and its thread's first
pages at once, the rest of the site with the full build that follows.

The Q&A plugin loads every file again (with ``QA_DIGEST_CACHE``, as in
``pelicanconf.py``, the unchanged files come from the cache and only the saved
file's new texts are rendered), the new digest replaces the old one in memory,
and the pages an executive looks at after writing an answer are rendered: the
page of each question whose entry changed, the first page of each of the
thread's filters, and the post the thread belongs to.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from candor_common.errors import DataError
from candor_tools.preview.problems import problems_of

SUFFIXES = (".yml", ".yaml")


def qa_generator(generators: list[Any]) -> Any:
    """Return the site's Q&A generator (None when the plugin is off)."""
    return next((g for g in generators if hasattr(g, "digest") and hasattr(g, "use")), None)


def is_qa_source(settings: dict[str, Any], source: str) -> bool:
    """True if ``source`` (relative to PATH) is a Q&A data file."""
    folder = Path(str(settings.get("QA_DIGEST_PATH", "qa")))
    path = Path(source)
    return path.suffix in SUFFIXES and path.parent == folder


def update_qa(generator: Any, sources: list[str], update: Any, writer: Any) -> list[Any]:
    """Load the Q&A again after ``sources`` were saved; render their changed pages into
    ``writer``. Return the posts whose Q&A changed (to render with the posts).

    A file with a problem is reported on ``update`` and nothing changes: the
    preview keeps the last good pages.
    """
    from qa_digest.model import page_fields  # noqa: PLC0415
    from qa_digest.pages import write_question, write_thread  # noqa: PLC0415
    from qa_digest.urls import question_url, save_as  # noqa: PLC0415

    old = generator.digest
    try:
        # The pages are rendered here without the rebuild's fingerprints: the full
        # build that follows, in another worker, works the encodings out.
        digest, posts = generator.load(encode=False)
    except DataError as error:
        for source in sources:
            update.problems[source] = problems_of(error, str(Path(generator.path) / source))
        return []
    old_posts = dict(getattr(generator, "posts", {}))
    generator.use(digest, posts)
    update.clean += sources
    context, env = generator.context, generator.env
    touched = []
    for thread_id in sorted({Path(source).stem for source in sources}):
        before = old.thread(thread_id) if old is not None else None
        after = digest.thread(thread_id)
        # A question's line in its file is not on its page (an answer above moves it).
        earlier = {q.id: q for q in before.questions} if before else {}
        if after is not None:
            heading = after.heading()
            for question in after.questions:
                was = earlier.get(question.id)
                if question.has_page and (was is None or page_fields(was) != page_fields(question)):
                    write_question(writer, env, context, heading, question, digest=digest)
            write_thread(writer, env, context, after, digest=digest,
                         thread_post=generator.posts.get(thread_id), first_only=True)
        now = {q.id for q in after.questions if q.has_page} if after else set()
        update.removed += [save_as(question_url(context, q)) for q in earlier.values()
                           if q.has_page and q.id not in now]
        for post in (old_posts.get(thread_id), generator.posts.get(thread_id)):
            if post is not None and post not in touched:
                touched.append(post)
    return touched
