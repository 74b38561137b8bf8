"""The benchmark cases: each builds its corpus, runs the builds and returns a Row."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks.corpus import KINDS, add_post, edit_post, retitle_post, write_posts
from benchmarks.preview import measure as measure_preview
from benchmarks.preview import measure_answers as measure_preview_answers
from benchmarks.qa_corpus import SESSION_MAX, answer_question, write_questions
from benchmarks.runner import (
    Stats,
    candor_settings,
    plain_settings,
    timed_build,
    timed_make_build,
)


@dataclass
class Row:
    """One line of the report: plain Pelican and/or Candor on the same input."""

    case: str
    plain: Stats | None
    candor: Stats | None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        """Candor's median over plain Pelican's (None when one side is missing)."""
        if self.plain is None or self.candor is None:
            return None
        return self.candor.median / self.plain.median

    def as_dict(self) -> dict[str, object]:
        """Return the row for JSON."""
        return {"case": self.case, "note": self.note,
                "plain": self.plain.as_dict() if self.plain else None,
                "candor": self.candor.as_dict() if self.candor else None,
                "ratio": round(self.ratio, 3) if self.ratio is not None else None}


def _cold(content: Path, settings_for: object, repeat: int, work: Path) -> Stats:
    stats = Stats()
    for run in range(repeat):
        output = work / f"out-{run}"
        settings = settings_for(run)  # type: ignore[operator]
        stats.add(*timed_build(content, settings, output))
        shutil.rmtree(output, ignore_errors=True)
    return stats


def cold_candor(content: Path, repeat: int, work: Path) -> Stats:
    """Time Candor's production build of ``content`` with no cache and no output."""
    def settings(run: int) -> Path:
        cache = work / f"cold-cache-{run}"
        shutil.rmtree(cache, ignore_errors=True)
        return candor_settings(work, content, cache, KINDS)
    return _cold(content, settings, repeat, work)


def cold_plain(content: Path, repeat: int, work: Path) -> Stats:
    """Time plain Pelican's build of ``content`` with no cache and no output."""
    return _cold(content, lambda _run: plain_settings(work, content, cache=False), repeat, work)


def cold_posts(posts: int, repeat: int) -> Row:
    """Plain Pelican and Candor, cold, on the same ``posts`` posts."""
    with tempfile.TemporaryDirectory(prefix="candor-bench-") as folder:
        work = Path(folder)
        content = work / "content"
        write_posts(content, posts)
        plain = cold_plain(content, repeat, work)
        candor = cold_candor(content, repeat, work)
    return Row(f"{posts:,} posts, cold build", plain, candor)


def warm_rebuild(posts: int, repeat: int) -> list[Row]:
    """Build once with each tool's cache, then time rebuilds after editing one post.

    Candor twice: with the production settings (every page rendered, Markdown
    cache), and as ``make build`` does (``pelicanconf.py``: the incremental rebuild).
    """
    sides = {"plain": None, "candor": "publishconf", "make build": "pelicanconf"}
    results: dict[str, Stats] = {}
    titles: dict[str, Stats] = {}
    indexed: dict[str, Stats] = {}
    with tempfile.TemporaryDirectory(prefix="candor-bench-") as folder:
        for side, base in sides.items():
            work = Path(folder) / side.replace(" ", "-")
            content = work / "content"
            write_posts(content, posts)
            output = work / "output"
            if base is None:
                settings = plain_settings(work, content, cache=True)
            else:
                settings = candor_settings(work, content, work / "cache", KINDS,
                                           keep_output=True, base=base)
            results[side] = _rebuilds(content, settings, output, posts, repeat)
            if side != "candor":  # the title alone changes: the text back as it was first
                edit_post(content, posts // 2, 0)
                titles[side] = _rebuilds(content, settings, output, posts, repeat,
                                         edit=retitle_post)
            if side == "make build":  # and both of make build's steps: the search index too
                indexed.update(_make_builds(content, settings, output, posts, repeat))
    return [Row(f"{posts:,} posts, rebuild after editing one post", results["plain"],
                results["candor"], "each tool with its cache; output folder kept"),
            Row(f"{posts:,} posts, make build after editing one post", results["plain"],
                results["make build"], "pelicanconf.py: only what the edit changed is "
                "rendered (PUBLISHING_INCREMENTAL)"),
            Row(f"{posts:,} posts, make build after a new title on one post", titles["plain"],
                titles["make build"], "pelicanconf.py: only the pages that show the title "
                "are rendered"),
            Row(f"{posts:,} posts, make build after editing one post, search index included",
                results["plain"], indexed["edit"], "Pelican, then Pagefind over the site, "
                "as make build runs them (plain Pelican has no search)"),
            Row(f"{posts:,} posts, make build with nothing changed, search index included",
                None, indexed["none"], "no page changed: the search index is left as it is")]


def _make_builds(content: Path, settings: Path, output: Path, posts: int, repeat: int
                 ) -> dict[str, Stats]:
    """Time make build's two steps (Pelican, then the search index) after an edit of one
    post's text, and with nothing changed."""
    timed_make_build(content, settings, output)
    found = {"edit": Stats(), "none": Stats()}
    for run in range(repeat):
        edit_post(content, posts // 2, 100 + run)
        found["edit"].add(*timed_make_build(content, settings, output))
        found["none"].add(*timed_make_build(content, settings, output))
    return found


def warm_qa_rebuild(posts: int, questions: int, plain: Stats | None, repeat: int
                    ) -> list[Row]:
    """Time ``make build`` (pelicanconf.py: incremental, the Markdown and Q&A caches) with
    nothing changed, after editing one post, after answering one question of the biggest
    town hall, and after adding a post, on
    ``posts`` posts plus ``questions`` questions; ``plain`` is plain Pelican's rebuild of
    the same posts without Q&A after editing one post (measured here when None)."""
    with tempfile.TemporaryDirectory(prefix="candor-bench-") as folder:
        work = Path(folder)
        content, files, settings = _preview_site(work, posts, questions)
        unchanged = _rebuilds(content, settings, work / "output", posts, repeat,
                              edit=lambda content, _post, _run: content)
        candor = _rebuilds(content, settings, work / "output", posts, repeat)
        answered = _rebuilds(content, settings, work / "output", posts, repeat,
                             edit=lambda content, _post, run: answer_question(content, run))
        added = _rebuilds(content, settings, work / "output", posts, repeat,
                          edit=lambda content, _post, run: add_post(content, posts + run))
        if plain is None:
            plain_content = work / "plain" / "content"
            write_posts(plain_content, posts)
            plain = _rebuilds(plain_content, plain_settings(work / "plain", plain_content,
                                                            cache=True),
                              work / "plain" / "output", posts, repeat)
    biggest = min(questions, SESSION_MAX)
    return [Row(f"{posts:,} posts + {questions:,} questions, make build with nothing changed",
                None, unchanged, f"{files} Q&A files; every page left as the last build "
                "made it"),
            Row(f"{posts:,} posts + {questions:,} questions, make build after editing one post",
                plain, candor, f"{files} Q&A files; plain Pelican rebuilds the posts without "
                "any Q&A, with its cache"),
            Row(f"{posts:,} posts + {questions:,} questions, make build after answering one "
                "question", plain, answered, f"one answer added to a town hall of about "
                f"{biggest:,} questions; plain Pelican: its rebuild after editing one post"),
            Row(f"{posts:,} posts + {questions:,} questions, make build after adding a post",
                plain, added, "a new post dated among the others (lists, archives, feeds "
                "change); plain Pelican: its rebuild after editing one post")]


def _preview_site(work: Path, posts: int, questions: int) -> tuple[Path, int, Path]:
    """Write ``posts`` posts and ``questions`` questions in ``work`` with settings for
    ``make build`` (pelicanconf.py, output kept); return the content folder, how many
    Q&A files, and the settings file."""
    content = work / "content"
    files = write_questions(content, questions, write_posts(content, posts))
    settings = candor_settings(work, content, work / "cache", KINDS, keep_output=True,
                               base="pelicanconf")
    return content, files, settings


def _rebuilds(content: Path, settings: Path, output: Path, posts: int, repeat: int,
              *, edit: Callable[[Path, int, int], Path] = edit_post) -> Stats:
    """Build once (filling the caches), then time ``repeat`` rebuilds after an ``edit``
    of one post (by default one more sentence)."""
    timed_build(content, settings, output)
    stats = Stats()
    for run in range(repeat):
        edit(content, posts // 2, run + 1)
        stats.add(*timed_build(content, settings, output))
    return stats


def qa_build(posts: int, questions: int, plain: Stats, repeat: int) -> Row:
    """Candor, cold, on ``posts`` posts plus ``questions`` questions (plain: posts only)."""
    with tempfile.TemporaryDirectory(prefix="candor-bench-") as folder:
        work = Path(folder)
        content = work / "content"
        paths = write_posts(content, posts)
        files = write_questions(content, questions, paths)
        candor = cold_candor(content, repeat, work)
    return Row(f"{posts:,} posts + {questions:,} questions, cold build", plain, candor,
               f"{files} Q&A files; plain Pelican builds the posts without any Q&A")


def make_build_cold(posts: int, questions: int) -> Row:
    """``make build`` (Pelican, then the search index, in parts on a big site), cold, on
    ``posts`` posts plus ``questions`` questions: its peak is the largest process's."""
    with tempfile.TemporaryDirectory(prefix="candor-bench-") as folder:
        work = Path(folder)
        content, files, settings = _preview_site(work, posts, questions)
        stats = Stats()
        stats.add(*timed_make_build(content, settings, work / "output"))
    return Row(f"{posts:,} posts + {questions:,} questions, make build, cold, search index "
               "included", None, stats, f"{files} Q&A files; Pelican, then Pagefind "
               "(in parts of SEARCH_INDEX_PART_PAGES on a big site)")


def serve_answer(posts: int, questions: int, repeat: int) -> Row:
    """Time `make serve` after an answer is saved in the biggest town hall: the answer's
    page served with it (the note: the site settled)."""
    times = measure_preview_answers(posts, questions, repeat)
    return Row(f"{posts:,} posts + {questions:,} questions, make serve: answer saved → "
               "its page served", None, times.preview, times.note())


def serve_rebuild(posts: int, repeat: int) -> Row:
    """Time `make serve` after a save: the saved post's page re-rendered and reloaded.

    The live preview (benchmarks/preview.py); the note gives the time until the
    background full build has settled.
    """
    times = measure_preview(posts, repeat)
    return Row(f"{posts:,} posts, make serve: save → preview rebuilt", None, times.preview,
               times.note())
