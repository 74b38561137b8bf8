"""Each thread's part of digest.json and digest.csv is kept across make build runs
(qa_digest.exportcache): an answer encodes its thread's questions again, not every
question of the site, and the exports are byte for byte the ones made whole."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from candor_common.fingerprint import Fingerprinter
from qa_digest import exports
from qa_digest.collect import data_files, load_threads
from qa_digest.digest import build_digest
from qa_digest.exportcache import CSV, JSON, ExportParts
from qa_digest.model import Digest
from roster.load import load_roster

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def sample() -> tuple[Digest, dict[str, str]]:
    """The sample site's digest and its questions' addresses."""
    content = REPO / "content"
    slugs = frozenset(load_roster(content / "authors.yml", content, "authors.yml").slugs())
    zone = ZoneInfo("Europe/Madrid")
    loaded = load_threads(data_files(content / "qa"), zone, slugs)
    digest, _ = build_digest([t for t, _p in loaded if t is not None],
                             datetime(2026, 6, 1, tzinfo=zone))
    urls = {q.id: f"qa/{q.thread_id}/{q.id}/" for q in digest.by_id.values() if q.has_page}
    return digest, urls


def parts(folder: Path, static: str = "code") -> ExportParts:
    """The parts a build with this static digest keeps in ``folder`` (a fresh build's
    fingerprints: nothing known of its questions but what they are)."""
    return ExportParts(SimpleNamespace(static=static, fingerprints=Fingerprinter()), folder)


def made(digest: Digest, urls: dict[str, str], kept: ExportParts | None) -> tuple[bytes, bytes]:
    """Both exports, as the generator writes them."""
    return (b"".join(exports.encoded(exports.digest_json(digest, urls, kept), size=300)),
            b"".join(exports.encoded(exports.digest_csv(digest, urls, kept), size=300)))


def with_answer_changed(digest: Digest) -> tuple[Digest, str]:
    """The digest with one answered question's votes changed; and its thread's id."""
    thread = next(t for t in digest.threads
                  if sum(q.has_page for q in t.questions) and len(t.questions) > 1)
    target = next(q for q in thread.questions if q.has_page)
    questions = tuple(replace(q, votes=q.votes + 1) if q is target else q
                      for q in thread.questions)
    threads = tuple(replace(t, questions=questions) if t is thread else t
                    for t in digest.threads)
    return replace(digest, threads=threads), thread.id


def test_kept_parts_give_the_exports_made_whole(tmp_path, sample):
    digest, urls = sample
    plain = made(digest, urls, None)
    assert len(digest.threads) > 3
    first = parts(tmp_path)
    assert made(digest, urls, first) == plain
    first.finish()
    assert (first.made, first.kept) == (2 * len(digest.threads), 0)
    assert len(list(tmp_path.glob(f"*{JSON}"))) == len(list(tmp_path.glob(f"*{CSV}"))) > 1
    again = parts(tmp_path)
    assert made(digest, urls, again) == plain
    assert (again.made, again.kept) == (0, 2 * len(digest.threads))


def test_a_changed_question_makes_only_its_threads_parts_again(tmp_path, sample):
    digest, urls = sample
    made(digest, urls, parts(tmp_path))
    changed, thread_id = with_answer_changed(digest)
    second = parts(tmp_path)
    assert made(changed, urls, second) == made(changed, urls, None) != made(digest, urls, None)
    assert (second.made, second.kept) == (2, 2 * (len(digest.threads) - 1))
    second.finish()  # the thread's old parts are gone, the new ones kept
    assert len(list(tmp_path.iterdir())) == 2 * len({t.id for t in digest.threads})
    moved = {**urls, next(iter(urls)): "elsewhere/"}  # a question's address
    third = parts(tmp_path)
    assert made(changed, moved, third) == made(changed, moved, None)
    assert third.made == 2
    other_code = parts(tmp_path, static="other code")  # another theme, plugin or library
    made(changed, urls, other_code)
    assert other_code.kept == 0
    assert thread_id


def test_a_part_that_cannot_be_read_is_made_again(tmp_path, sample):
    digest, urls = sample
    made(digest, urls, parts(tmp_path))
    damaged = sorted(tmp_path.glob(f"*{JSON}"))[0]
    damaged.write_bytes(b"\xff\xfe not text")
    again = parts(tmp_path)
    assert made(digest, urls, again) == made(digest, urls, None)
    assert again.made == 1
    assert damaged.read_bytes() != b"\xff\xfe not text"


def test_finishing_removes_only_the_unused_parts_of_the_exports_made(tmp_path, sample):
    digest, urls = sample
    first = parts(tmp_path)
    made(digest, urls, first)
    first.finish()
    changed, _thread_id = with_answer_changed(digest)
    only_json = parts(tmp_path)  # digest.csv was left as it was: its parts stay
    b"".join(exports.encoded(exports.digest_json(changed, urls, only_json)))
    (tmp_path / ".part.json-cut-short").write_bytes(b"{")
    only_json.finish()
    assert len(list(tmp_path.glob(f"*{JSON}"))) == len(digest.threads)
    assert len(list(tmp_path.glob(f"*{CSV}"))) == len(digest.threads)
    assert not (tmp_path / ".part.json-cut-short").exists()
    nothing = parts(tmp_path)
    nothing.finish()  # no export made: nothing is removed
    assert len(list(tmp_path.iterdir())) == 2 * len(digest.threads)
