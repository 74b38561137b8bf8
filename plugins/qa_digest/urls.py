"""Where each Q&A page lives, as paths from the site root (and their save_as files)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import quote

from qa_digest.model import Question


def hub_url(settings: Mapping[str, Any]) -> str:
    """Return the hub's path, e.g. "qa/"."""
    return str(settings["QA_DIGEST_URL"]).strip("/") + "/"


def thread_url(settings: Mapping[str, Any], thread_id: str, status: str | None = None,
               page: int = 1) -> str:
    """Return a thread page's path, optionally filtered by status and paginated."""
    url = f"{hub_url(settings)}{thread_id}/"
    if status:
        url += f"{status}/"
    if page > 1:
        url += f"page/{page}/"
    return url


def question_url(settings: Mapping[str, Any], question: Question) -> str:
    """Return the path of a question's own page."""
    return f"{hub_url(settings)}{question.thread_id}/{question.id}/"


def comments_url(settings: Mapping[str, Any], thread_id: str, page: int = 1) -> str:
    """Return the path of a thread's comments page (threaded conversations), paginated."""
    url = f"{hub_url(settings)}{thread_id}/comments/"
    return f"{url}page/{page}/" if page > 1 else url


def comment_anchor(entry: Question) -> str:
    """Return the anchor of an entry on its thread's comments page."""
    return f"c-{entry.id}"


def anchor(question: Question) -> str:
    """Return the permalink anchor of a question on its thread page."""
    return f"q-{question.id}"


def save_as(url: str) -> str:
    """Return the output file of a page whose path is ``url``."""
    return f"{url}index.html"


def ask_url(settings: Mapping[str, Any]) -> Callable[[str], str]:
    """Return a function giving the intake URL for a question about ``subject``."""
    template = str(settings["QA_DIGEST_ASK_URL"])

    def for_subject(subject: str) -> str:
        return template.replace("{subject}", quote(f"Question: {subject}", safe=""))

    return for_subject


def install_globals(env: Any, settings: Mapping[str, Any]) -> None:
    """Give templates qa_url, qa_thread_url, qa_anchor, qa_comments_url, qa_comment_anchor
    and QA_DIGEST_ASK_URL_FOR."""
    env.globals["qa_url"] = lambda question: question_url(settings, question)
    env.globals["qa_thread_url"] = (
        lambda thread_id, status=None, page=1: thread_url(settings, thread_id, status, page))
    env.globals["qa_anchor"] = anchor
    env.globals["qa_comments_url"] = (
        lambda thread_id, page=1: comments_url(settings, thread_id, page))
    env.globals["qa_comment_anchor"] = comment_anchor
    env.globals["QA_DIGEST_ASK_URL_FOR"] = ask_url(settings)
