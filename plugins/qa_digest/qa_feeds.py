"""Atom and RSS feeds of executives' responses: all, per executive, per topic."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any

from pelican.utils import slugify

from feeds.catalog import MIME_TYPES, Feed
from feeds.config import FeedsConfig
from feeds.entries import EntryData, absolute_url
from feeds.plan import FeedPlan
from feeds.render import render_feed
from feeds.tagid import tag_uri
from feeds.xmltext import strip_illegal_xml
from qa_digest.model import Digest, Question

TITLES = {"answered": "Answered", "declined": "Declined", "follow-up": "Follow-up"}


def responded(digest: Digest) -> list[Question]:
    """Every answered, declined or follow-up question, newest response first."""
    found = [q for t in digest.threads for q in t.questions
             if q.has_page and q.response is not None]
    return sorted(found, key=lambda q: (q.response.at, q.id), reverse=True)  # type: ignore[union-attr]


def plan_qa_feeds(digest: Digest, settings: dict[str, Any], roster: Any
                  ) -> list[tuple[FeedPlan, list[Question]]]:
    """Return each Q&A feed with its questions (newest first, capped)."""
    questions = responded(digest)
    limit = settings.get("FEEDS_MAX_ITEMS")
    base = f"{str(settings['FEEDS_PATH']).strip('/')}/qa"
    site = str(settings.get("SITENAME", ""))
    hub = str(settings["QA_DIGEST_URL"]).strip("/") + "/"
    lang = str(settings.get("DEFAULT_LANG", "en"))
    by_exec: dict[str, list[Question]] = defaultdict(list)
    by_topic: dict[str, list[Question]] = defaultdict(list)
    topic_names: dict[str, str] = {}
    slugs: dict[str, str] = {}  # topic -> its slug, slugified once (thousands share one)
    for question in questions:
        by_exec[question.response.by].append(question)  # type: ignore[union-attr]
        for topic in question.topics:
            key = slugs.get(topic)
            if key is None:
                key = slugs[topic] = slugify(topic,
                                             regex_subs=settings["SLUG_REGEX_SUBSTITUTIONS"])
            by_topic[key].append(question)
            topic_names.setdefault(key, topic)
    groups = [("qa", "", f"{site} — Answers", f"{base}/answers", questions)]
    groups += [("qa-executive", slug, f"{site} — Answers by {_name(roster, slug)}",
                f"{base}/executive/{slug}", items) for slug, items in sorted(by_exec.items())]
    groups += [("qa-topic", key, f"{site} — Answers on {topic_names[key]}",
                f"{base}/topic/{key}", items) for key, items in sorted(by_topic.items())]
    plans = []
    for scope, key, title, stem, items in groups:
        if not items:
            continue
        first = min(q.response.at for q in items).date()  # type: ignore[union-attr]
        plans.append((FeedPlan(scope=scope, key=key, title=title, stem=stem, alternate=hub,
                               lang=lang, first_date=first, articles=()),
                      items[:limit] if limit else items))
    return plans


def _name(roster: Any, slug: str) -> str:
    person = roster.get(slug)
    return person.name if person else slug


def entry(question: Question, config: FeedsConfig, url: str, roster: Any,
          render_content: Callable[[Question], str]) -> EntryData:
    """Return the feed entry of one response: the question and the executive's words."""
    response = question.response
    assert response is not None  # noqa: S101 - responded() keeps only these
    text = " ".join(str(question.html.striptags()).split()) if question.html else ""
    short = text if len(text) <= 90 else text[:89].rstrip() + "…"
    return EntryData(
        id=tag_uri(config.host, question.asked_at.date(), f"qa/{question.id}"),
        title=strip_illegal_xml(f"{TITLES[question.status]}: {short}"),
        url=absolute_url(config.site_url, url),
        published=response.at, updated=response.at,
        authors=(strip_illegal_xml(_name(roster, response.by)),),
        categories=tuple(strip_illegal_xml(t) for t in question.topics),
        summary="", content=strip_illegal_xml(render_content(question)),
        lang=config.default_lang)


def feed_records(plans: list[tuple[FeedPlan, list[Question]]],
                 formats: tuple[str, ...]) -> list[Feed]:
    """Return the feeds the plans will write, for the hub and Subscribe pages."""
    return [Feed(scope=plan.scope, key=plan.key, title=plan.title, url=plan.path(fmt),
                 format=fmt, mime=MIME_TYPES[fmt]) for plan, _ in plans for fmt in formats]


def write_qa_feeds(plans: list[tuple[FeedPlan, list[Question]]], config: FeedsConfig,
                   make_entry: Callable[[Question], EntryData],
                   write: Callable[[str, bytes], None]) -> None:
    """Render and write every plan in every format."""
    cache: dict[str, EntryData] = {}
    for plan, questions in plans:
        entries = []
        for question in questions:
            if question.id not in cache:
                cache[question.id] = make_entry(question)
            entries.append(cache[question.id])
        for fmt in config.formats:
            write(plan.path(fmt), render_feed(plan, fmt, entries, config))
