"""The Pelican generator of the Q&A digest: load in the context phase, write afterwards."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

from pelican.generators import Generator

from candor_common import collector, rebuild
from candor_common.report import stop_on_problems
from candor_common.unchanged import Write, unless_unchanged
from feeds.config import read_config
from qa_digest.cardcache import store_for
from qa_digest.collect import collect, cores, post_qa
from qa_digest.conversation import ThreadComments, thread_comments
from qa_digest.exportcache import parts_for
from qa_digest.exports import digest_csv, digest_json, encoded
from qa_digest.model import Digest, Question
from qa_digest.pages import (
    shared_imports,
    shared_include,
    write_comments,
    write_hub,
    write_questions,
    write_thread,
)
from qa_digest.qa_feeds import entry, feed_records, plan_qa_feeds, write_qa_feeds
from qa_digest.urls import hub_url, question_url, thread_url
from roster.receivers import roster_for

logger = logging.getLogger(__name__)

# From this many entries (questions and comments), the pages are rendered by two
# processes (publishing's CandorWriter.split_rendering); below it, forking costs more.
SPLIT_FROM_ENTRIES = 400
RENDER_PROCESSES = 2


class QADigestGenerator(Generator):
    """Turn content/qa/*.yml into the hub, thread and question pages, feeds and data."""

    digest: Digest | None = None
    comments: dict[str, ThreadComments]

    posts: dict[str, Any]

    def generate_context(self) -> None:
        """Load and check every Q&A file; attach each thread's digest to its post."""
        with collector.loading():  # kept until the build ends (collector.release)
            with stop_on_problems(logger, "qa_digest"):
                digest, posts = self.load()
            self.use(digest, posts)

    def load(self, *, encode: bool = True) -> tuple[Digest, dict[int, Any]]:
        """Load and check every Q&A file (raises DataError naming every problem).

        The files are kept in memory for the next load in this process (the
        preview's, after a save), which reads only what changed. ``encode``: work
        out the questions' encodings for the incremental rebuild (``collect``).
        """
        kept = self.__dict__.setdefault("kept_loads", {})
        return collect(self.settings, self.context["generated_content"],
                       roster_for(self.settings), self.settings["CANDOR_BUILD_TIME"],
                       kept=kept, encode=encode)

    @collector.paused()  # what it makes is kept: the encodings, comments, feed plans
    def use(self, digest: Digest, posts: dict[int, Any]) -> None:
        """Make ``digest`` the site's: on its posts and in the shared context.

        The preview calls it again after a Q&A file is saved: a post whose thread
        is gone loses it.
        """
        roster = roster_for(self.settings)
        for post in getattr(self, "posts", {}).values():
            post.__dict__.pop("qa", None)
        self.digest = digest
        state = rebuild.state_for(self.output_path)
        if state is not None:  # before any page is checked (the posts' show their Q&A)
            state.fingerprints.remember(digest.encodings)
        top = int(self.settings["QA_DIGEST_TOP"])
        per_page = int(self.settings["QA_DIGEST_COMMENTS_PER_PAGE"])
        self.comments = {t.id: thread_comments(t, digest, per_page=per_page, top=top)
                         for t in digest.threads}
        for post, thread_id in posts.values():
            post.qa = post_qa(digest, thread_id, top, thread_url(self.settings, thread_id),
                              self.comments[thread_id])
        self.plans = plan_qa_feeds(digest, self.settings, roster) if digest.threads else []
        formats = tuple(self.settings["FEEDS_FORMATS"])
        self.context["QA_DIGEST"] = digest
        # What every page's navigation reads: not the digest, which changes with every
        # answer (the incremental rebuild re-renders the pages that read it).
        self.context["QA_HAS_THREADS"] = bool(digest.threads)
        self.context["QA_COMMENTS"] = self.comments
        # A post thread's title is its post's: pages look the post up here, not in the
        # list of every post, which changes with every post added.
        shown = {thread.post_path for thread in digest.threads if thread.post_path}
        self.context["QA_THREAD_POSTS"] = {
            post.relative_source_path: post for post in self.context.get("articles", ())
            if post.relative_source_path in shown}
        self.context["QA_FEEDS"] = feed_records(self.plans, formats)
        # Each thread's heading, without its questions, by id: what a page that names
        # a thread reads (the periodic digests), not the digest of every question.
        self.context["QA_THREAD_HEADINGS"] = {
            thread.id: thread.heading() for thread in digest.threads}
        self.posts = {thread_id: post for post, thread_id in posts.values()}

    def generate_output(self, writer: Any) -> None:
        """Write every Q&A page, feed and export."""
        digest = self.digest
        if digest is None or not digest.threads:
            return
        hub = hub_url(self.settings)
        extra = {"qa_feeds": self.context["QA_FEEDS"],
                 "qa_data": [("JSON", f"{hub}digest.json"), ("CSV", f"{hub}digest.csv")]}
        reload = self.env.auto_reload
        self.env.auto_reload = False  # no template changes while writing: no stat per page
        self.env.globals["qa_shared_include"] = shared_include(self.env)
        self.env.globals["qa_shared_imports"] = shared_imports(self.env)
        try:
            pages, questions = self._write_pages(writer, digest, extra)
        finally:
            # Shared partials and modules hold for this write only: whatever renders with this
            # environment later (a preview server) may have changed objects.
            del self.env.globals["qa_shared_include"]
            del self.env.globals["qa_shared_imports"]
            self.env.auto_reload = reload
        with stop_on_problems(logger, "qa_digest"):
            self._unless_unchanged("qa:feeds", self._write_feeds)

        @cache
        def urls() -> dict[str, str]:  # made once for both exports
            return {q.id: question_url(self.settings, q) for q in digest.by_id.values()
                    if q.has_page}

        parts = parts_for(self.settings, self.output_path)  # make build: last build's parts
        self._unless_unchanged("qa:digest.json", lambda write: write(
            f"{hub}digest.json", encoded(digest_json(digest, urls(), parts))))
        self._unless_unchanged("qa:digest.csv", lambda write: write(
            f"{hub}digest.csv", encoded(digest_csv(digest, urls(), parts))))
        if parts is not None:
            parts.finish()
        logger.info("qa_digest: wrote %d thread pages and %d question pages", pages, questions)

    def _write_pages(self, writer: Any, digest: Digest, extra: dict[str, Any]
                     ) -> tuple[int, int]:
        """Write the hub, thread, question and comments pages; return how many of each kind."""
        pages = questions = 0
        kept = store_for(self.settings, writer.output_path)  # make build: last build's cards
        with _writing_pages(writer, _processes(digest)):
            write_hub(writer, self.env, self.context, digest, extra)
            for thread in digest.threads:
                post = self.posts.get(thread.id)
                pages += write_thread(writer, self.env, self.context, thread, digest=digest,
                                      thread_post=post,
                                      kept=kept.thread(thread.id) if kept else None)
                questions += write_questions(writer, self.env, self.context, thread, digest)
                pages += write_comments(writer, self.env, self.context, thread,
                                        self.comments[thread.id], thread_post=post)
                if kept is not None:  # its pages are written: hand its cards over
                    kept.flush(thread.id)
        if kept is not None:
            kept.save({t.id: {q.id for q in t.questions} for t in digest.threads})
        return pages, questions

    def _write_feeds(self, write: Callable[[str, bytes], Any]) -> None:
        config = read_config(self.settings)
        roster = roster_for(self.settings)
        template = self.env.get_template("qa/feed_entry.html")

        def content(question: Question) -> str:
            return template.render(question=question, roster=roster.people,
                                   SITEURL=config.site_url)

        def make_entry(question: Question) -> Any:
            return entry(question, config, question_url(self.settings, question), roster,
                         content)

        write_qa_feeds(self.plans, config, make_entry, write)

    def _unless_unchanged(self, name: str, make: Callable[[Write], Any]) -> None:
        """Run ``make``, which writes files through the function it is given, unless the
        last build made ``name`` from the same context into this folder (make build).

        The Q&A feeds, ``digest.json`` and ``digest.csv`` are made from the digest
        (which holds a post thread's title, not the post), the roster and the
        settings only: they are the key (with the theme and the plugins' code), not
        the whole shared context, which changes with every post added.
        """
        unless_unchanged(self.output_path, self.context, name,
                         (self.digest, roster_for(self.settings)), make, track=False)


def _processes(digest: Digest) -> int:
    """Return how many processes should render the Q&A pages."""
    if len(digest.by_id) < SPLIT_FROM_ENTRIES:
        return 1
    return max(1, min(RENDER_PROCESSES, cores()))


@contextmanager
def _writing_pages(writer: Any, processes: int) -> Iterator[None]:
    """Write the pages in the writer's split_rendering block, or in this process.

    Either way the collector leaves the digest alone meanwhile (``gc.freeze``):
    its full passes over every question made the writing grow faster than the
    number of questions.
    """
    split = getattr(writer, "split_rendering", None)
    if split is not None and processes > 1:
        with split(processes):  # freezes the collector itself, before forking
            yield
        return
    with collector.frozen():
        yield
