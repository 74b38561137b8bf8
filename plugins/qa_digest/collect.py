"""Read every Q&A file, tie threads to posts, and build the digest (context phase)."""

from __future__ import annotations

import gc
import logging
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from candor_common import collector
from candor_common.errors import DataError, Problem
from candor_common.paths import display_path
from candor_common.processes import cores
from qa_digest.conversation import ThreadComments
from qa_digest.digest import build_digest
from qa_digest.load import load_thread
from qa_digest.loadcache import LoadCache, cache_for
from qa_digest.model import Digest, Question, Scorecard, Thread

logger = logging.getLogger(__name__)

# From this many bytes of Q&A files, they are loaded by one process per core.
PARALLEL_FROM_BYTES = 256 * 1024

# A file to load: path, displayed name, zone, roster slugs, and where to store the result.
Job = tuple[Path, str, ZoneInfo, frozenset[str], tuple[LoadCache, str] | None]
Loaded = tuple[Thread | None, list[Problem]]  # a file's thread (None: unusable), problems


@dataclass(frozen=True)
class PostQA:
    """What a post's page shows of its Q&A: the thread, its numbers, the top answers,
    and its comments (None when the thread has no comment)."""

    thread: Thread
    card: Scorecard
    top: tuple[Question, ...]
    url: str
    comments: ThreadComments | None = None


def data_files(folder: Path) -> list[Path]:
    """Return the Q&A data files in ``folder``, sorted (so output order is stable)."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yml", ".yaml"))


@collector.paused()  # the load, the digest and the encodings: all kept, few cycles
def collect(settings: dict[str, Any], content: dict[str, Any], roster: Any,
            now: datetime, *, kept: dict[str, Loaded] | None = None,
            encode: bool = True) -> tuple[Digest, dict[int, Any]]:
    """Load, validate and link every thread; return the digest and post→thread links.

    ``kept``: the files this process loaded last time, by load-cache key (a process
    that loads again, the preview's, keeps them in memory instead of reading them
    from the cache); refilled with this load's. ``encode``: work out the questions'
    encodings for the rebuild's fingerprints (the preview's update renders without
    them). Raises DataError listing every problem in every file.

    The garbage collector is paused meanwhile (``collector``): loading makes
    millions of objects and few cycles (Markdown leaves a small one per text),
    which the loaders collect with one young pass per file (forked loaders pause
    their collector the same way).
    """
    folder = Path(settings["PATH"]) / settings["QA_DIGEST_PATH"]
    zone = ZoneInfo(settings.get("TIMEZONE", "UTC"))
    authors = frozenset(roster.slugs())
    problems: list[Problem] = []
    threads: list[Thread] = []
    posts: dict[int, Any] = {}
    paths = data_files(folder)
    cache = cache_for(settings, zone, authors)
    # Each file's name by what decides its load, cached or not: the digest's inputs.
    naming = cache or LoadCache(folder, zone, authors)
    keys = [naming.key(path, display_path(path)) for path in paths]
    loads: list[str] = []
    encodings: list[tuple[Question, bytes | None]] = []
    # Only a build that keeps rebuild records (make build, the preview) digests the
    # questions: a production build renders everything and never asks.
    encode = encode and bool(settings.get("PUBLISHING_INCREMENTAL"))
    loaded_files = list(zip(paths, keys, load_threads(paths, zone, authors, cache, keys,
                                                      kept=kept),
                            strict=True))
    for path, key, (loaded, found) in loaded_files:
        display = display_path(path)
        problems += found
        if loaded is None:
            continue
        if cache is not None and encode:
            encodings += zip(loaded.questions, cache.encodings(key, loaded.questions),
                             strict=True)
        thread, post = _tie_to_post(loaded, content, problems)
        if thread is None:
            continue
        if post is not None:
            if id(post) in posts:
                problems.append(Problem(display, 1, "post", "another Q&A file already "
                                        f"belongs to {thread.post_path}",
                                        "Keep one Q&A file per post"))
                continue
            posts[id(post)] = (post, thread.id)
        threads.append(thread)
        loads.append(key)
    digest, cross = build_digest(threads, now, loads)
    problems += cross
    if problems:
        raise DataError(problems)
    # Only the questions the digest holds as loaded: those it copied (merged into,
    # overdue) differ from their file's, and are digested as they are.
    known = tuple((question, code) for question, code in encodings
                  if code is not None and digest.by_id.get(question.id) is question)
    return replace(digest, encodings=known) if known else digest, posts


def load_threads(paths: list[Path], zone: ZoneInfo, authors: frozenset[str],
                 cache: LoadCache | None = None, keys: list[str] | None = None, *,
                 kept: dict[str, Loaded] | None = None) -> list[Loaded]:
    """Load every file, in order; in forked processes when there is enough to load.

    ``load_thread`` is a pure function of the file (Markdown and nh3 make most of
    its time), so where it runs does not change its result. With a ``cache``, a
    file loaded by an earlier build is read from it instead (``loadcache``), the
    others are loaded and stored, and the cache keeps only this build's files.
    ``keys``: each file's ``cache.key``, if worked out already. ``kept``: results
    already in memory, by key (see ``collect``), used before the cache's; refilled
    with this load's (only with a cache: the key is what vouches for a result).
    """
    jobs: list[Job] = [(path, display_path(path), zone, authors, None) for path in paths]
    results: dict[int, Loaded] = {}
    if cache is None:
        keys = []
    else:
        keys = keys if keys is not None else [cache.key(path, display)
                                              for path, display, *_ in jobs]
        known = kept if kept is not None else {}
        for n, key in enumerate(keys):
            stored = known.get(key) or cache.get(key)
            if stored is not None:
                results[n] = stored
            else:
                jobs[n] = (*jobs[n][:4], (cache, key))
    todo = [n for n in range(len(jobs)) if n not in results]
    results.update(zip(todo, _load_all([jobs[n] for n in todo]), strict=True))
    if cache is not None:
        texts = {cache.texts_name(display) for _path, display, *_ in jobs}
        _tidy(cache, set(keys), [keys[n] for n in todo], texts)
        if kept is not None:
            kept.clear()
            kept.update((key, results[n]) for n, key in enumerate(keys))
    return [results[n] for n in range(len(jobs))]


def _load_all(jobs: list[Job]) -> list[Loaded]:
    """Load ``jobs`` in order, by one forked process per core when there is enough."""
    workers = min(len(jobs), cores())
    if workers < 2 or sum(job[0].stat().st_size for job in jobs) < PARALLEL_FROM_BYTES:
        # Here, with the collector paused, each file's gc.collect(0) would walk all
        # that was made since the pause began, the other files' results from the
        # cache included (0.21 s after an answer at 100,000 questions); frozen, it
        # walks that file's own objects.
        with collector.frozen():
            return [_load(job) for job in jobs]
    executor = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                                   initializer=gc.disable)
    # The biggest files first, so no worker is left with a big one at the end.
    order = sorted(range(len(jobs)), key=lambda n: -jobs[n][0].stat().st_size)
    with executor:
        futures = {n: executor.submit(_load, jobs[n]) for n in order}
        return [futures[n].result() for n in range(len(jobs))]


def _load(job: Job) -> Loaded:
    path, display, zone, authors, store = job
    if store is None:
        loaded = load_thread(path, display, zone, authors)
    else:
        cache, key = store
        texts = cache.texts(display)  # the texts of its last load, rendered then
        items = cache.items(display)  # and its questions, parsed then
        loaded = load_thread(path, display, zone, authors, texts, parse=items)
        cache.put(key, loaded)
        cache.put_texts(display, texts)
        cache.put_items(display, items)
    if not gc.isenabled():
        gc.collect(0)  # the cycles this file left (Markdown leaves one a text)
    return loaded


def _tidy(cache: LoadCache, keys: set[str], stored: list[str], texts: set[str]) -> None:
    """Drop the results of files gone or changed; say so if this build's could not be kept."""
    unsaved = sum(not cache.has(key) for key in stored)
    if unsaved:
        logger.warning("qa_digest: could not save %d loaded Q&A file(s) in %s; the next "
                       "build loads them again. Check that the folder can be written, or "
                       "set QA_DIGEST_CACHE = False.", unsaved, cache.folder)
    removed = cache.keep_only(keys, texts)
    if removed:
        logger.debug("qa_digest: removed %d cached Q&A file(s) no longer used", removed)


def _tie_to_post(thread: Thread, content: dict[str, Any], problems: list[Problem]
                 ) -> tuple[Thread | None, Any | None]:
    """Resolve the thread's post; a thread of an unpublished post is held back."""
    if thread.post_path is None:
        return thread, None
    post = content.get(thread.post_path.strip("/"))
    if post is None or not hasattr(post, "category"):
        problems.append(Problem(thread.source, 1, "post", f"no post at "
                                f"content/{thread.post_path}",
                                "Give the post's path from content/, e.g. "
                                "posts/2025/hiring-freeze.md"))
        return None, None
    if post.status == "draft":
        # Not even the file names are logged: CI logs can be public, and the name of
        # an embargoed post can say what it announces.
        logger.info("qa_digest: a Q&A thread is held back until its post is published")
        return None, None
    if thread.kind == "post":
        thread = replace(thread, title=post.title,
                         hosts=tuple(a.slug for a in getattr(post, "authors", [])))
    return thread, post


def post_qa(digest: Digest, thread_id: str, top: int, url: str,
            comments: ThreadComments | None = None) -> PostQA:
    """Return the embedded digest of one thread (questions, and comments if it has any)."""
    thread = digest.thread(thread_id)
    if thread is None:
        raise KeyError(thread_id)
    answered = sorted((q for q in thread.questions if q.status == "answered"),
                      key=lambda q: (-q.total_votes, q.asked_at, q.id))
    has_comments = comments is not None and comments.card.comments > 0
    return PostQA(thread, digest.per_thread[thread_id], tuple(answered[:top]), url,
                  comments if has_comments else None)
