"""Write the hub, the thread pages (filtered, paginated) and the question pages.

Repeated fragments are rendered once: each question's card (``CardRenderer``),
the layout's partials that many pages share (``shared_include``), and the macro
modules every question page imports (``shared_imports``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from candor_common import rebuild, sharing
from candor_common.paths import root_url
from qa_digest.cardcache import ThreadCards
from qa_digest.conversation import ThreadComments
from qa_digest.model import PUBLIC_STATUSES, Digest, Question, Thread
from qa_digest.urls import comments_url, hub_url, question_url, save_as, thread_url

STATUS_LABELS = {None: "All", "answered": "Answered", "follow-up": "Follow-up",
                 "declined": "Declined", "pending": "Open"}


@dataclass(frozen=True)
class Filter:
    """One link of a thread page's status filter."""

    status: str | None
    label: str
    url: str
    count: int
    current: bool


def public_order(questions: Sequence[Question]) -> list[Question]:
    """Answered first, then follow-ups, declined, open; each by votes, then age.

    Comments are never listed here: they are on the thread's comments page.
    """
    public = [q for q in questions if q.is_public and q.kind == "question"]
    return sorted(public, key=lambda q: (PUBLIC_STATUSES.index(q.status), -q.total_votes,
                                         q.asked_at, q.id))


def write_hub(writer: Any, env: Any, context: dict[str, Any], digest: Digest,
              extra: dict[str, Any]) -> None:
    """Write /qa/."""
    url = hub_url(context)
    writer.write_file(save_as(url), env.get_template("qa/hub.html"), context,
                      relative_urls=context["RELATIVE_URLS"], url=url, digest=digest,
                      page_name=url.rstrip("/"), **extra)


def write_thread(writer: Any, env: Any, context: dict[str, Any], thread: Thread, *,
                 digest: Digest, thread_post: Any, first_only: bool = False,
                 kept: ThreadCards | None = None) -> int:
    """Write every filtered, paginated page of ``thread``; return how many.

    A question is listed twice (under "All" and under its status): its card is
    rendered once per SITEURL and the string reused (``cards``). ``first_only``:
    the first page of each filter only (the preview's first step after a save).
    ``kept``: the cards the last incremental build rendered (``cardcache``).
    """
    template = env.get_template("qa/thread.html")
    ordered = public_order(thread.questions)
    heading = thread.heading()  # the page's questions are given apart
    per_page = int(context["QA_DIGEST_PER_PAGE"])
    cards = CardRenderer(env, context, kept)
    written = 0
    by_status: dict[str, list[Question]] = {status: [] for status in PUBLIC_STATUSES}
    for question in ordered:
        if question.status in by_status:
            by_status[question.status].append(question)
    counts = {status: len(questions) for status, questions in by_status.items()}
    for status in (None, *PUBLIC_STATUSES):
        subset = ordered if status is None else by_status[status]
        if status is not None and not subset:
            continue
        filters = _filters(context, thread.id, len(ordered), counts, status)
        pages = max(1, -(-len(subset) // per_page))
        for number in range(1, 2 if first_only else pages + 1):
            url = thread_url(context, thread.id, status, number)
            questions = subset[(number - 1) * per_page: number * per_page]
            page = {"url": url, "thread": heading, "card": digest.per_thread[thread.id],
                    "comment_card": digest.comments_per_thread.get(thread.id),
                    "status_filter": status, "filters": filters, "questions": questions,
                    "page_number": number, "page_count": pages, "thread_post": thread_post,
                    "prev_url": thread_url(context, thread.id, status, number - 1)
                    if number > 1 else None,
                    "next_url": thread_url(context, thread.id, status, number + 1)
                    if number < pages else None}
            page["question_cards"] = cards.render(save_as(url), questions, page)
            writer.write_file(save_as(url), template, context,
                              relative_urls=context["RELATIVE_URLS"], **page)
            written += 1
    return written


class CardRenderer:
    """Render question cards (``question_card`` in partials/qa_question.html) once each.

    A card reads the question and site-wide values only, and SITEURL, which
    differs between pages at different depths with RELATIVE_URLS. Each card is
    rendered in the macros of the first page with its SITEURL, exactly as that
    page's ``{% import ... with context %}`` would, and reused on the next page
    with the same SITEURL (a question is listed under "All" and under its status).
    """

    def __init__(self, env: Any, context: dict[str, Any],
                 kept: ThreadCards | None = None) -> None:
        self.template = env.get_template("partials/qa_question.html")
        self.context = context
        self.kept = kept
        # siteurl -> module, what making it read, the variables it was made with
        self.modules: dict[str, tuple[Any, Any, dict[str, Any]]] = {}
        self.cards: dict[tuple[str, str], tuple[Markup, Any]] = {}  # ... -> card, what it read
        self._vars: tuple[Any, str, dict[str, Any]] | None = None  # page, name, variables

    def render(self, name: str, questions: Sequence[Question],
               page: dict[str, Any]) -> PageCards:
        """Return the cards of ``questions`` on the page written to ``name``, rendered
        when the template reads them (in the process that renders that page)."""
        return PageCards(self, name, tuple(questions), page)

    def card(self, name: str, question: Question, page: dict[str, Any]) -> Markup:
        """Return the card of ``question`` on the page written to ``name``."""
        siteurl = page_siteurl(self.context, name)
        key = (siteurl, question.id)
        # A question is on two pages: its card is kept from the first until the second.
        kept = self.cards.pop(key, None)
        if kept is not None:
            rebuild.note_reads(kept[1])  # what it read counts for this page too
            return kept[0]
        if self.kept is not None:  # rendered by the last build, and still the same?
            found = self.kept.get(siteurl, question, self._page_vars(siteurl, name, page))
            if found is not None:
                rebuild.note_reads(found[1])
                self.cards[key] = found
                return found[0]
        module, module_reads, module_vars = self._module(siteurl, name, page)
        with rebuild.part() as reads:
            card = module.question_card(question)
        self.cards[key] = (card, reads)
        if self.kept is not None:
            self.kept.put(siteurl, question, module_vars, card, [module_reads, reads])
        return card

    def _module(self, siteurl: str, name: str, page: dict[str, Any]
                ) -> tuple[Any, Any, dict[str, Any]]:
        kept = self.modules.get(siteurl)
        if kept is not None:
            rebuild.note_reads(kept[1])
            return kept
        page_vars = self._page_vars(siteurl, name, page)
        with rebuild.part() as reads:
            module = self.template.make_module(page_vars)
        self.modules[siteurl] = (module, reads, page_vars)
        return self.modules[siteurl]

    def _page_vars(self, siteurl: str, name: str, page: dict[str, Any]) -> dict[str, Any]:
        """Return the variables a card's module is made with on the page ``name``, as
        that page's ``{% import ... with context %}`` would see them."""
        if self._vars is not None and self._vars[0] is page and self._vars[1] == name:
            return self._vars[2]
        page_vars = {**self.context, "localsiteurl": self.context.get("localsiteurl"),
                     **page}
        if self.context["RELATIVE_URLS"]:
            page_vars["SITEURL"] = page_vars["localsiteurl"] = siteurl
        page_vars["output_file"] = name
        self._vars = (page, name, page_vars)
        return page_vars


class PageCards(Sequence[Markup]):
    """The cards of one thread page, each rendered on first read."""

    def __init__(self, renderer: CardRenderer, name: str, questions: tuple[Question, ...],
                 page: dict[str, Any]) -> None:
        self.renderer = renderer
        self.name = name
        self.questions = questions
        self.page = page

    def __len__(self) -> int:
        return len(self.questions)

    def __candor_fingerprint__(self) -> Any:
        """Say what the cards are made from, for the incremental rebuild: the page they
        are written to and its questions (the rest of the page is digested with it)."""
        return (self.name, self.questions)

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        return self.renderer.card(self.name, self.questions[index], self.page)


def page_siteurl(context: dict[str, Any], name: str) -> str:
    """Return SITEURL as Pelican's writer sets it for the page written to ``name``."""
    if context["RELATIVE_URLS"]:
        return root_url(name)
    return str(context.get("SITEURL", ""))


def _filters(context: dict[str, Any], thread_id: str, total: int, counts: dict[str, int],
             current: str | None) -> tuple[Filter, ...]:
    found = [Filter(None, STATUS_LABELS[None], thread_url(context, thread_id), total,
                    current is None)]
    found += [Filter(s, STATUS_LABELS[s], thread_url(context, thread_id, s), counts[s],
                     current == s) for s in PUBLIC_STATUSES if counts[s]]
    return tuple(found)


def write_questions(writer: Any, env: Any, context: dict[str, Any], thread: Thread,
                    digest: Digest) -> int:
    """Write a page for every answered, declined and follow-up question of ``thread``."""
    written = 0
    heading = thread.heading()
    for question in thread.questions:
        if question.has_page:
            write_question(writer, env, context, heading, question, digest=digest)
            written += 1
    return written


def write_question(writer: Any, env: Any, context: dict[str, Any], heading: Thread,
                   question: Question, *, digest: Digest) -> None:
    """Write the page of one answered, declined or follow-up question.

    ``heading`` is its thread without the questions (``Thread.heading``): a
    question's page shows its thread's heading, not the thread's other questions;
    given without them, the page is not rendered again
    (``make build``) each time another question of a town hall of thousands is
    answered.
    """
    url = question_url(context, question)
    merged = [digest.by_id[qid] for qid in question.merged_ids]
    writer.write_file(save_as(url), env.get_template("qa/question.html"), context,
                      relative_urls=context["RELATIVE_URLS"], url=url,
                      question=question, thread=heading, merged=merged)


def write_comments(writer: Any, env: Any, context: dict[str, Any], thread: Thread,
                   comments: ThreadComments, *, thread_post: Any) -> int:
    """Write the threaded, paginated comments pages of ``thread``; return how many."""
    template = env.get_template("qa/comments.html")
    count = comments.page_count
    heading = thread.heading()  # its comments are given apart
    for number, roots in enumerate(comments.pages, start=1):
        url = comments_url(context, thread.id, number)
        writer.write_file(
            save_as(url), template, context, relative_urls=context["RELATIVE_URLS"],
            url=url, thread=heading, comments=comments, conversations=roots,
            page_number=number, page_count=count, thread_post=thread_post,
            prev_url=comments_url(context, thread.id, number - 1) if number > 1 else None,
            next_url=comments_url(context, thread.id, number + 1) if number < count else None)
    return count


def shared_include(env: Any) -> Callable[..., Markup]:
    """Return ``qa_shared_include(name)``: ``{% include name %}``, rendered once per distinct input.

    Pages that agree on every context value the partial reads
    (``candor_common.sharing``) get the first page's rendering. A partial that
    names another template by an expression is rendered every time.
    """
    reads: dict[str, frozenset[str] | None] = {}
    rendered: dict[tuple[Any, ...], tuple[Markup, Any]] = {}  # ... -> HTML, what it read

    @pass_context
    def include(context: Context, name: str) -> Markup:
        if name not in reads:
            reads[name] = sharing.names_read(env, name)
        names = reads[name]
        template = env.get_template(name)
        if names is None:
            return sharing.render_include(template, context)
        key = (name, *(sharing.identity(sharing.unseen(context, n)) for n in sorted(names)))
        found = rendered.get(key)
        if found is not None:
            rebuild.note_reads(found[1])  # what it read counts for this page too
            return found[0]
        with rebuild.part() as posts_read:
            html = sharing.render_include(template, context)
        rendered[key] = (html, posts_read)
        return html

    return include


def shared_imports(env: Any) -> Callable[..., tuple[Any, ...] | None]:
    """Return ``qa_shared_imports(*names)``: the modules ``{% import name as x with context %}``
    would make at the top of the calling page, made once per distinct input.

    A module's macros read the context it was made with: the names its template
    and every template it includes or imports use (``candor_common.sharing``). Pages
    that agree on all of them (as ``shared_include`` compares them) get the
    first page's modules. None (import them the usual way) when a template names
    another by an expression.
    """
    reads: dict[tuple[str, ...], frozenset[str] | None] = {}
    made: dict[tuple[Any, ...], tuple[tuple[Any, ...], Any]] = {}  # ... -> modules, reads

    @pass_context
    def imports(context: Context, *names: str) -> tuple[Any, ...] | None:
        if names not in reads:
            found = [sharing.names_read(env, name) for name in names]
            reads[names] = None if None in found else frozenset(
                chain.from_iterable(read for read in found if read is not None))
        read = reads[names]
        if read is None:
            return None
        key = (names, *(sharing.identity(sharing.unseen(context, n)) for n in sorted(read)))
        kept = made.get(key)
        if kept is not None:
            rebuild.note_reads(kept[1])  # what making them read counts for this page too
            return kept[0]
        page_vars = context.get_all()
        with rebuild.part() as posts_read:
            modules = tuple(env.get_template(name).make_module(page_vars, True)
                            for name in names)
        made[key] = (modules, posts_read)
        return modules

    return imports
