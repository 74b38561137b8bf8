"""The Pelican generator of the periodic digests: computed at finalize, written afterwards."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from pelican.generators import Generator

from candor_common.paths import display_path
from candor_common.report import stop_on_problems
from candor_common.unchanged import Write, unless_unchanged
from feeds.config import FeedsConfig, read_config
from qa_digest.model import Digest
from qa_periodic.compute import Options, build_archive
from qa_periodic.feed import digest_entry, feed_records, write_digest_feed
from qa_periodic.lock import freeze, read_lock
from qa_periodic.mail import check_email, email_fragment
from qa_periodic.model import Archive, PeriodDigest

logger = logging.getLogger(__name__)

EMAIL_NAME = "email.htm"


class QAPeriodicGenerator(Generator):
    """Turn the published Q&A digest into one digest per closed period.

    :meth:`prepare` runs at ``all_generators_finalized`` (see
    :mod:`qa_periodic.receivers`): by then qa_digest has put ``QA_DIGEST`` in the
    shared context, whatever order the generators run in, and no template has
    been rendered, so the Subscribe page can list the digest feed.
    """

    archive: Archive | None = None

    def generate_context(self) -> None:
        """Announce no digest until :meth:`prepare` has computed them."""
        self.context.setdefault("QA_PERIODIC_FEEDS", [])

    def prepare(self) -> None:
        """Compute every closed period's digest and announce the feed."""
        digest: Digest | None = self.context.get("QA_DIGEST")
        if digest is None or not digest.threads:
            return
        options = Options(
            unit=str(self.settings["QA_PERIODIC_PERIOD"]),
            zone=ZoneInfo(self.settings.get("TIMEZONE", "UTC")),
            now=self.settings["CANDOR_BUILD_TIME"],
            base_url=str(self.settings["QA_PERIODIC_URL"]).strip("/") + "/",
            limit=int(self.settings["QA_PERIODIC_LIMIT"]),
            top_comments=int(self.settings["QA_PERIODIC_TOP_COMMENTS"]),
            preview=bool(self.settings.get("PUBLISHING_PREVIEW")))
        with stop_on_problems(logger, "qa_periodic"):
            lock = read_lock(self._lock_path(), options.unit)
        self.archive = build_archive(digest, options, self._releases(digest), lock.periods)
        self.context["QA_PERIODIC"] = self.archive
        # What every page's footer reads (the archive changes with every answer).
        self.context["QA_PERIODIC_ARCHIVE_URL"] = (self.archive.url if self.archive.digests
                                                  else None)
        self.context["QA_PERIODIC_FEEDS"] = feed_records(self.archive, self.settings)
        logger.debug("qa_periodic: %d closed periods with a digest", len(self.archive.digests))

    def _releases(self, digest: Digest) -> dict[str, datetime]:
        """Return, per thread tied to a post, when that post was published."""
        content = self.context.get("generated_content", {})
        found = {}
        for thread in digest.threads:
            post = content.get((thread.post_path or "").strip("/"))
            date = getattr(post, "date", None)
            if isinstance(date, datetime) and date.tzinfo is not None:
                found[thread.id] = date
        return found

    def generate_output(self, writer: Any) -> None:
        """Write the archive, each digest's page and e-mail, and the feed."""
        archive = self.archive
        if archive is None:
            return
        common = {"relative_urls": self.settings["RELATIVE_URLS"], "archive": archive}
        writer.write_file(f"{archive.url}index.html", self.get_template("qa/digests/archive"),
                          self.context, url=archive.url, page_name=archive.url.rstrip("/"),
                          **common)
        page = self.get_template("qa/digests/period")
        # The running period exists only in local previews; it is never in the feed.
        shown = (*archive.digests, *((archive.running,) if archive.running else ()))
        for made in shown:
            writer.write_file(f"{made.url}index.html", page, self.context, url=made.url,
                              digest=made, **common)
        with stop_on_problems(logger, "qa_periodic"):
            config = read_config(self.settings)
            # Each is made again only if what it shows changed (make build).
            if self.settings["QA_PERIODIC_EMAIL"]:
                for made in shown:
                    self._unless_unchanged(f"qa_periodic:{made.url}{EMAIL_NAME}",
                                           (made, config),
                                           partial(self._write_email, made, config))
            self._unless_unchanged(
                "qa_periodic:feed", (archive.digests, config),
                lambda write: write_digest_feed(archive, self.settings, config,
                                                lambda made: self._entry(made, config), write))
        logger.info("qa_periodic: wrote %d digests", len(archive.digests))
        self._freeze(archive)

    def _lock_path(self) -> Path:
        return Path(self.settings["PATH"]) / str(self.settings["QA_PERIODIC_LOCK"])

    def _freeze(self, archive: Archive) -> None:
        """Record the closed periods not in the lock yet, once their pages are written.

        Only with QA_PERIODIC_FREEZE (`invoke freeze-digests`): no other build
        writes into content/.
        """
        if not archive.unfrozen:
            return
        keys = ", ".join(key for key, _ in archive.unfrozen)
        if not self.settings["QA_PERIODIC_FREEZE"]:
            logger.info("qa_periodic: not frozen yet: %s (run `invoke freeze-digests`)", keys)
            return
        freeze(self._lock_path(), archive.unit, dict(archive.unfrozen))
        logger.info("qa_periodic: froze %s into %s", keys, display_path(self._lock_path()))

    def _render(self, name: str, made: PeriodDigest, config: FeedsConfig) -> str:
        self.env.filters["email_html"] = lambda html: email_fragment(html, config.site_url)
        values = {**self.context, "digest": made, "SITE_URL": config.site_url,
                  "archive": self.archive, "url": made.url}
        return self.get_template(name).render(values)

    def _write_email(self, made: PeriodDigest, config: FeedsConfig, write: Write) -> None:
        document = self._render("qa/digests/email", made, config)
        relative = f"{made.url}{EMAIL_NAME}"
        check_email(document, config.site_url, relative)
        write(relative, document.encode("utf-8"))

    def _entry(self, made: PeriodDigest, config: FeedsConfig) -> Any:
        content = self._render("qa/digests/feed_entry", made, config)
        title = self._render("qa/digests/feed_title", made, config)
        return digest_entry(made, config, " ".join(title.split()), content)

    def _unless_unchanged(self, name: str, call: tuple[Any, ...],
                          make: Callable[[Write], Any]) -> None:
        # The templates are rendered with the whole context, the digest, the archive
        # and the site's address: those four are passed, the rest is looked up.
        unless_unchanged(self.output_path, self.context, name, (self.archive, *call), make,
                         own=("digest", "SITE_URL", "archive", "url"))
