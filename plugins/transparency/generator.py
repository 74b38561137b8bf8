"""Collect every correction (context phase) and write the page and feed (write phase)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pelican.generators import Generator

from candor_common.paths import display_path
from candor_common.report import stop_on_problems
from candor_common.unchanged import Write, unless_unchanged
from feeds.catalog import MIME_TYPES, Feed
from feeds.config import read_config
from feeds.entries import EntryData, absolute_url
from feeds.plan import FeedPlan
from feeds.render import render_feed
from feeds.tagid import tag_uri
from feeds.xmltext import strip_illegal_xml
from transparency.history import file_history, repository_state

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class CorrectionEntry:
    """One correction, with the post it corrects and its place among that post's."""

    post: Any
    correction: Any
    number: int


def collect_corrections(posts: list[Any]) -> list[CorrectionEntry]:
    """Return every correction of ``posts``, newest first (stable for equal dates)."""
    found = [CorrectionEntry(post, correction, number)
             for post in posts
             for number, correction in enumerate(getattr(post, "corrections", ()) or (), 1)]
    return sorted(found, key=lambda e: (e.correction.date, e.post.url, e.number), reverse=True)


class CorrectionsGenerator(Generator):
    """Write /corrections/ and the corrections feed."""

    def generate_context(self) -> None:
        """Gather corrections of published posts and announce the feed to templates."""
        posts = list(self.context.get("articles", [])) + self._translations()
        self.entries = collect_corrections(posts)
        feed_stem = (f"{str(self.settings['FEEDS_PATH']).strip('/')}/"
                     f"{self.settings['TRANSPARENCY_CORRECTIONS_FEED']}")
        self.feed_stem = feed_stem
        self.context["CORRECTIONS"] = self.entries
        self.context["CORRECTIONS_FEEDS"] = [
            Feed(scope="corrections", key="", title=f"{self.settings['SITENAME']} — Corrections",
                 url=f"{feed_stem}.{fmt}.xml", format=fmt, mime=MIME_TYPES[fmt])
            for fmt in self.settings["FEEDS_FORMATS"]] if self.entries else []

    def _translations(self) -> list[Any]:
        return [t for a in self.context.get("articles", []) for t in a.translations
                if t.status == "published"]

    def generate_output(self, writer: Any) -> None:
        """Write the page (always, so the promise is visible) and the feed (when any)."""
        url = str(self.settings["TRANSPARENCY_CORRECTIONS_URL"]).strip("/") + "/"
        writer.write_file(f"{url}index.html", self.get_template("transparency/corrections"),
                          self.context, relative_urls=self.settings["RELATIVE_URLS"], url=url,
                          corrections=self.entries, page_name=url.rstrip("/"))
        if self.entries:
            with stop_on_problems(logger, "transparency"):
                self._write_feed()

    def _write_feed(self) -> None:
        config = read_config(self.settings)
        newest = self.entries[0].correction.date
        oldest = self.entries[-1].correction.date
        plan = FeedPlan(scope="corrections", key="",
                        title=f"{self.settings['SITENAME']} — Corrections", stem=self.feed_stem,
                        alternate=str(self.settings["TRANSPARENCY_CORRECTIONS_URL"]),
                        lang=config.default_lang, first_date=oldest.date(), articles=())

        def make(write: Write) -> None:
            entries = [self._entry(e, config) for e in self.entries]
            assert newest == entries[0].updated  # noqa: S101 - newest first
            for fmt in config.formats:
                write(plan.path(fmt), render_feed(plan, fmt, entries, config))

        # Made again only if the corrections, or what their entries read of the
        # posts, changed (make build).
        unless_unchanged(self.output_path, self.context, "transparency:corrections-feed",
                         (plan, config, self.entries), make)

    def _entry(self, entry: CorrectionEntry, config: Any) -> EntryData:
        post, correction = entry.post, entry.correction
        url = absolute_url(config.site_url, post.url) + f"#correction-{entry.number}"
        template = self.get_template("transparency/correction_entry")
        return EntryData(
            id=tag_uri(config.host, correction.date.date(), f"{post.url}#correction-"
                       f"{entry.number}"),
            title=strip_illegal_xml(f"Correction to “{post.title}”"), url=url,
            published=correction.date, updated=correction.date,
            authors=tuple(strip_illegal_xml(a.name) for a in post.authors), categories=(),
            summary="", content=strip_illegal_xml(template.render(
                entry=entry, post_url=absolute_url(config.site_url, post.url))),
            lang=post.lang)


class HistoryGenerator(Generator):
    """Give every published post a public history page built from git log."""

    def generate_context(self) -> None:
        """Read each post's history once; link it from the post."""
        self.pages: list[tuple[Any, str]] = []
        if not self.settings["TRANSPARENCY_HISTORY"]:
            return
        root, shallow = repository_state(Path(self.settings["PATH"]))
        if root is None:
            logger.info("transparency: the content is not in a git repository; "
                        "posts get no edit history")
            return
        if shallow:
            logger.warning("transparency: this is a shallow clone, so post histories are "
                           "incomplete. Fetch the full history (git fetch --unshallow; in "
                           "GitHub Actions, actions/checkout with fetch-depth: 0)")
        posts = list(self.context.get("articles", []))
        posts += [t for p in posts for t in p.translations if t.status == "published"]
        for post in posts:
            history = file_history(root, Path(post.source_path).resolve(),
                                   self.settings["TRANSPARENCY_REPO_URL"], shallow)
            url = self.settings["TRANSPARENCY_HISTORY_URL"].format(url=post.url)
            post.history = history
            post.history_url = url
            self.pages.append((post, url))

    def generate_output(self, writer: Any) -> None:
        """Write one history page per post."""
        template = self.get_template("transparency/history")
        for post, url in self.pages:
            writer.write_file(f"{url}index.html", template, self.context,
                              relative_urls=self.settings["RELATIVE_URLS"], url=url,
                              post=post, history=post.history)


class CommitmentsGenerator(Generator):
    """Write /commitments/ and its feed; show each commitment where it was made."""

    def generate_context(self) -> None:
        """Load commitments; keep those whose source is public; attach them to posts."""
        from zoneinfo import ZoneInfo  # noqa: PLC0415

        from roster.receivers import roster_for  # noqa: PLC0415
        from transparency.commitments import load_commitments  # noqa: PLC0415

        path = Path(self.settings["PATH"]) / self.settings["TRANSPARENCY_COMMITMENTS_PATH"]
        zone = ZoneInfo(self.settings.get("TIMEZONE", "UTC"))
        with stop_on_problems(logger, "transparency"):
            loaded = load_commitments(path, display_path(path), zone,
                                      frozenset(roster_for(self.settings).slugs()))
            self.commitments = self._public(loaded, path)
        today = self.settings["CANDOR_BUILD_TIME"].date()
        self.context["COMMITMENTS"] = self.commitments
        self.context["COMMITMENTS_LISTED"] = bool(self.commitments)  # the footer's link
        self.context["COMMITMENTS_TODAY"] = today
        by_source: dict[str, list[Any]] = {}
        for commitment in self.commitments:
            by_source.setdefault(commitment.source, []).append(commitment)
        self.context["COMMITMENTS_BY_SOURCE"] = by_source
        stem = f"{str(self.settings['FEEDS_PATH']).strip('/')}/commitments"
        self.context["COMMITMENTS_FEEDS"] = [
            Feed(scope="commitments", key="", title=f"{self.settings['SITENAME']} — Commitments",
                 url=f"{stem}.{fmt}.xml", format=fmt, mime=MIME_TYPES[fmt])
            for fmt in self.settings["FEEDS_FORMATS"]] if self.commitments else []
        content = self.context["generated_content"]
        for source, items in by_source.items():
            post = content.get(source)
            if post is not None:
                post.commitments = items

    def _public(self, loaded: tuple[Any, ...], path: Path) -> list[Any]:
        """Keep commitments made in published posts or public answers; reject unknown sources."""
        from candor_common.errors import DataError, Problem  # noqa: PLC0415

        content = self.context["generated_content"]
        digest = self.context.get("QA_DIGEST")
        public, problems = [], []
        for commitment in loaded:
            if commitment.source.startswith("qa:"):
                question = digest.by_id.get(commitment.source[3:]) if digest else None
                if question is None:
                    problems.append(Problem(display_path(path), None, "source",
                                            f"{commitment.id}: no question "
                                            f"'{commitment.source[3:]}'",
                                            "Use qa:<question id> of an existing question"))
                elif question.is_public:
                    public.append(commitment)
                continue
            post = content.get(commitment.source)
            if post is None:
                problems.append(Problem(display_path(path), None, "source",
                                        f"{commitment.id}: no post at content/"
                                        f"{commitment.source}", "Give the post's path from "
                                        "content/, e.g. posts/2025/x.md"))
            elif post.status == "published":
                public.append(commitment)
        if problems:
            raise DataError(problems)
        return sorted(public, key=lambda c: (c.status not in ("open", "in-progress"), c.due,
                                             c.id))

    def generate_output(self, writer: Any) -> None:
        """Write the page and, when there are commitments, the feed of status changes."""
        if not self.commitments:
            return
        url = str(self.settings["TRANSPARENCY_COMMITMENTS_URL"]).strip("/") + "/"
        writer.write_file(f"{url}index.html", self.get_template("transparency/commitments"),
                          self.context, relative_urls=self.settings["RELATIVE_URLS"], url=url,
                          commitments=self.commitments, today=self.context["COMMITMENTS_TODAY"])
        with stop_on_problems(logger, "transparency"):
            self._write_feed(url)

    def _write_feed(self, url: str) -> None:
        config = read_config(self.settings)
        changes = sorted(((c, n, change) for c in self.commitments
                          for n, change in enumerate(c.history, 1)),
                         key=lambda t: (t[2].date, t[0].id, t[1]), reverse=True)
        stem = f"{str(self.settings['FEEDS_PATH']).strip('/')}/commitments"
        plan = FeedPlan(scope="commitments", key="", lang=config.default_lang,
                        title=f"{self.settings['SITENAME']} — Commitments", stem=stem,
                        alternate=url, first_date=changes[-1][2].date.date(), articles=())
        template = self.get_template("transparency/commitment_entry")

        def make(write: Write) -> None:
            entries = [EntryData(
                id=tag_uri(config.host, change.date.date(), f"{url}{c.id}/{n}"),
                title=strip_illegal_xml(
                    f"{change.status.replace('-', ' ').capitalize()}: {c.what}"),
                url=absolute_url(config.site_url, f"{url}#{c.id}"), published=change.date,
                updated=change.date, authors=(), categories=(change.status,), summary="",
                content=strip_illegal_xml(template.render(commitment=c, change=change)),
                lang=config.default_lang) for c, n, change in changes]
            for fmt in config.formats:
                write(plan.path(fmt), render_feed(plan, fmt, entries, config))

        # Made again only if the commitments or what their entries read changed.
        unless_unchanged(self.output_path, self.context, "transparency:commitments-feed",
                         (plan, config, changes), make)
