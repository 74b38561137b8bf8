"""The Pelican generator of the Q&A digest: load in the context phase, write afterwards."""

from __future__ import annotations

import logging
from typing import Any

from pelican.generators import Generator

from candor_common.output import write_output
from candor_common.report import stop_on_problems
from feeds.config import read_config
from qa_digest.collect import collect, post_qa
from qa_digest.conversation import ThreadComments, thread_comments
from qa_digest.exports import digest_csv, digest_json
from qa_digest.model import Digest, Question
from qa_digest.pages import write_comments, write_hub, write_questions, write_thread
from qa_digest.qa_feeds import entry, feed_records, plan_qa_feeds, write_qa_feeds
from qa_digest.urls import hub_url, question_url, thread_url
from roster.receivers import roster_for

logger = logging.getLogger(__name__)


class QADigestGenerator(Generator):
    """Turn content/qa/*.yml into the hub, thread and question pages, feeds and data."""

    digest: Digest | None = None
    comments: dict[str, ThreadComments]

    def generate_context(self) -> None:
        """Load and check every Q&A file; attach each thread's digest to its post."""
        roster = roster_for(self.settings)
        with stop_on_problems(logger, "qa_digest"):
            digest, posts = collect(self.settings, self.context["generated_content"],
                                    roster, self.settings["CANDOR_BUILD_TIME"])
        self.digest = digest
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
        self.context["QA_COMMENTS"] = self.comments
        self.context["QA_FEEDS"] = feed_records(self.plans, formats)
        self.posts = {thread_id: post for post, thread_id in posts.values()}

    def generate_output(self, writer: Any) -> None:
        """Write every Q&A page, feed and export."""
        digest = self.digest
        if digest is None or not digest.threads:
            return
        hub = hub_url(self.settings)
        extra = {"qa_feeds": self.context["QA_FEEDS"],
                 "qa_data": [("JSON", f"{hub}digest.json"), ("CSV", f"{hub}digest.csv")]}
        write_hub(writer, self.env, self.context, digest, extra)
        pages = questions = 0
        for thread in digest.threads:
            pages += write_thread(writer, self.env, self.context, thread, digest=digest,
                                  thread_post=self.posts.get(thread.id))
            questions += write_questions(writer, self.env, self.context, thread, digest)
            pages += write_comments(writer, self.env, self.context, thread,
                                    self.comments[thread.id],
                                    thread_post=self.posts.get(thread.id))
        with stop_on_problems(logger, "qa_digest"):
            self._write_feeds(digest)
        urls = {q.id: question_url(self.settings, q) for q in digest.by_id.values()
                if q.has_page}
        self._write(f"{hub}digest.json", digest_json(digest, urls).encode("utf-8"))
        self._write(f"{hub}digest.csv", digest_csv(digest, urls).encode("utf-8"))
        logger.info("qa_digest: wrote %d thread pages and %d question pages", pages, questions)

    def _write_feeds(self, digest: Digest) -> None:
        config = read_config(self.settings)
        roster = roster_for(self.settings)
        template = self.env.get_template("qa/feed_entry.html")

        def content(question: Question) -> str:
            return template.render(question=question, roster=roster.people,
                                   SITEURL=config.site_url)

        def make_entry(question: Question) -> Any:
            return entry(question, config, question_url(self.settings, question), roster,
                         content)

        write_qa_feeds(self.plans, config, make_entry, self._write)

    def _write(self, relative: str, data: bytes) -> None:
        write_output(self.output_path, relative, data)
