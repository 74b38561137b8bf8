"""Signal receivers of the qa_digest plugin."""

from __future__ import annotations

import logging
from typing import Any

from candor_common.report import stop_on_problems
from candor_common.settings import apply_defaults, require_count, require_type
from qa_digest.generator import QADigestGenerator
from qa_digest.urls import install_globals

logger = logging.getLogger(__name__)

DEFAULTS: dict[str, Any] = {
    # Folder of the Q&A data files, relative to PATH (content/).
    "QA_DIGEST_PATH": "qa",
    # Where the hub lives; threads are below it (qa/<thread>/, qa/<thread>/<question>/).
    "QA_DIGEST_URL": "qa/",
    # Questions per thread page (keeps each page small, even with 100,000 questions).
    "QA_DIGEST_PER_PAGE": 50,
    # How many top answered questions a post's embedded digest shows (and how many of
    # the most voted comments and of the executives' latest replies).
    "QA_DIGEST_TOP": 3,
    # Entries (comments and replies) per comments page; a conversation is never split.
    "QA_DIGEST_COMMENTS_PER_PAGE": 50,
    # The intake for new questions: "{subject}" is replaced by the URL-encoded subject.
    "QA_DIGEST_ASK_URL": "mailto:?subject={subject}",
    # Keep each Q&A file's loaded result in CACHE_PATH/candor-qa/ (by content hash) and
    # reuse it while the file is unchanged (on in pelicanconf.py).
    "QA_DIGEST_CACHE": False,
}


def check_settings(pelican: Any) -> None:
    """Merge QA_DIGEST_* defaults and check their types."""
    settings = pelican.settings
    with stop_on_problems(logger, "qa_digest"):
        apply_defaults(settings, "QA_DIGEST_", DEFAULTS)
        for key in ("QA_DIGEST_PER_PAGE", "QA_DIGEST_TOP", "QA_DIGEST_COMMENTS_PER_PAGE"):
            require_count(settings, key, DEFAULTS[key])
        for key in ("QA_DIGEST_PATH", "QA_DIGEST_URL", "QA_DIGEST_ASK_URL"):
            require_type(settings, key, str, "text")
        require_type(settings, "QA_DIGEST_CACHE", bool, "True or False")


def add_generator(pelican: Any) -> type[QADigestGenerator]:
    """Add the Q&A generator to Pelican's list."""
    return QADigestGenerator


def add_template_globals(generator: Any) -> None:
    """Give every template qa_url, qa_thread_url, qa_anchor and the ask URL."""
    env = getattr(generator, "env", None)
    if env is not None:
        install_globals(env, generator.settings)
