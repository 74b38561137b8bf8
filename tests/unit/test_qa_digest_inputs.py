"""The Q&A digest is digested, for the incremental rebuild's keys, from what it is made
of (qa_digest.model.Digest.inputs): each file's load-cache name, each thread's
fields but its questions, and the day it was made on. Not from its questions, one
by one (seconds at 100,000 questions), yet it changes whenever they would."""

from __future__ import annotations

from dataclasses import fields
from datetime import UTC, datetime
from pathlib import Path

import pytest

from candor_common.fingerprint import Fingerprinter
from qa_digest.collect import collect
from qa_digest.model import Digest, Question
from tests.unit.test_qa_load import ANSWERED, HEADER

HALL = HEADER + ANSWERED + """\
  - id: q-2
    asked_at: 2026-03-02 11:00
    text: When?
    status: follow-up
    follow_up:
      by: ana-ruiz
      at: 2026-03-04 10:00
      due: 2026-06-30
      text: By the summer.
"""
UNDER_POST = """\
post: posts/news.md
questions:
  - id: p-1
    asked_at: 2026-03-05 10:00
    text: And the price?
"""
BEFORE_DUE = datetime(2026, 6, 1, 9, tzinfo=UTC)
AFTER_DUE = datetime(2026, 7, 2, 9, tzinfo=UTC)


class Roster:
    def __init__(self, *slugs: str) -> None:
        self._slugs = slugs or ("ana-ruiz",)

    def slugs(self) -> list[str]:
        return list(self._slugs)


class Author:
    slug = "ana-ruiz"


class Post:
    category = "News"
    status = "published"
    authors = (Author(),)

    def __init__(self, title: str) -> None:
        self.title = title


class Site:
    """A content folder with two Q&A files, collected as a build would."""

    def __init__(self, tmp_path: Path, *, cache: bool = True) -> None:
        self.folder = tmp_path / "content" / "qa"
        self.folder.mkdir(parents=True)
        self.settings = {"PATH": str(tmp_path / "content"), "QA_DIGEST_PATH": "qa",
                         "TIMEZONE": "UTC", "QA_DIGEST_CACHE": cache,
                         "CACHE_PATH": str(tmp_path / "cache"),
                         "PUBLISHING_INCREMENTAL": True}
        self.write(HALL, UNDER_POST)

    def write(self, hall: str, under_post: str) -> None:
        (self.folder / "hall.yml").write_text(hall, encoding="utf-8")
        (self.folder / "news.yml").write_text(under_post, encoding="utf-8")

    def digest(self, now: datetime = BEFORE_DUE, title: str = "News",
               roster: Roster | None = None) -> Digest:
        digest, _posts = collect(self.settings, {"posts/news.md": Post(title)},
                                 roster or Roster(), now)
        return digest


def declared(digest: Digest) -> bytes:
    """The digest's fingerprint, as the rebuild's keys hold it."""
    return Fingerprinter().digest(digest)


def whole(digest: Digest) -> bytes:
    """The fingerprint of everything the digest holds, question by question."""
    return Fingerprinter().digest({f.name: getattr(digest, f.name) for f in fields(digest)
                                   if f.name != "inputs"})


@pytest.mark.parametrize("cache", [True, False])
def test_the_digest_is_digested_from_its_inputs_not_its_questions(tmp_path, cache):
    digest = Site(tmp_path, cache=cache).digest()
    assert digest.inputs is not None
    fingerprints = Fingerprinter()
    fingerprints.digest(digest)
    seen = [value for value, _digest in fingerprints._memo.values()]
    assert not any(isinstance(value, Question) for value in seen)
    assert len(digest.by_id) == 3


def test_its_fingerprint_changes_exactly_when_what_it_holds_does(tmp_path):
    site = Site(tmp_path)
    made: list[Digest] = [site.digest(), site.digest()]  # the same files, twice
    made.append(site.digest(now=datetime(2026, 6, 1, 18, tzinfo=UTC)))  # later that day
    made.append(site.digest(now=AFTER_DUE))  # the follow-up is now overdue
    made.append(site.digest(title="News, retitled"))  # the post's title
    made.append(site.digest(roster=Roster("ana-ruiz", "marcus-adeyemi")))
    site.write(HALL.replace("Because.", "Because we can."), UNDER_POST)
    made.append(site.digest())  # an answer's text
    site.write(HALL, UNDER_POST.replace("text: And the price?", "votes: 4\n    text: And the price?"))
    made.append(site.digest())  # a vote in the other file
    assert declared(made[0]) == declared(made[1]) == declared(made[2])
    for first in range(len(made)):
        for second in range(first + 1, len(made)):
            same_inside = whole(made[first]) == whole(made[second])
            same_declared = declared(made[first]) == declared(made[second])
            # What is held differs: the fingerprint must too. (A new roster member
            # names every file anew, though no question changed: made again, harmless.)
            assert same_declared <= same_inside, (first, second)
    assert [whole(d) == whole(made[0]) for d in made[3:]] == [False, False, True, False, False]


def test_with_or_without_the_load_cache_the_fingerprint_is_the_same(tmp_path: Path):
    site = Site(tmp_path)
    with_cache = site.digest()
    site.settings["QA_DIGEST_CACHE"] = False
    assert declared(site.digest()) == declared(with_cache)


def test_each_question_as_loaded_comes_with_its_encoding(tmp_path):
    site = Site(tmp_path)
    first = site.digest()
    assert {q.id for q, _code in first.encodings} == {"q-1", "q-2", "p-1"}
    for question, code in first.encodings:
        assert first.by_id[question.id] is question
        assert code == Fingerprinter().encode(question)
    # Kept beside the load: the next build reads them (here: the same bytes).
    kept = sorted((tmp_path / "cache" / "candor-qa").glob("*.encodings"))
    assert len(kept) == 2
    again = site.digest()
    assert [code for _q, code in again.encodings] == [code for _q, code in first.encodings]
    # A question the digest copied (the follow-up, overdue now) is not given one: its
    # file's encoding is of the question before the copy.
    overdue = site.digest(now=AFTER_DUE)
    assert overdue.by_id["q-2"].overdue
    assert {q.id for q, _code in overdue.encodings} == {"q-1", "p-1"}


def test_a_file_gone_takes_its_encodings_with_it(tmp_path):
    site = Site(tmp_path)
    site.digest()
    (site.folder / "news.yml").unlink()
    site.digest()
    assert len(list((tmp_path / "cache" / "candor-qa").glob("*.encodings"))) == 1


def test_without_the_load_cache_no_encoding_is_kept(tmp_path):
    site = Site(tmp_path, cache=False)
    assert site.digest().encodings == ()


def test_a_build_without_rebuild_records_makes_no_encoding(tmp_path):
    site = Site(tmp_path)
    site.settings["PUBLISHING_INCREMENTAL"] = False  # production: everything rendered
    assert site.digest().encodings == ()
    assert not list((tmp_path / "cache" / "candor-qa").glob("*.encodings"))


def test_remembered_encodings_stand_for_their_objects():
    question, other = Post("One"), Post("One")  # equal objects, two of them
    real = Fingerprinter().digest([other])
    fingerprints = Fingerprinter()
    fingerprints.remember([(question, Fingerprinter().encode(other))])
    assert fingerprints.digest([question]) == real
    told = Fingerprinter()
    told.remember([(question, b"sanother")])
    assert told.digest([question]) != real  # taken as told, not digested again


def test_a_second_load_in_one_process_takes_unchanged_files_from_memory(tmp_path):
    """The preview loads the Q&A again after each save: the files that did not change
    are taken from the last load in memory (``kept``), not read from the cache, and
    the digest is the one a load from scratch makes."""
    site = Site(tmp_path)
    content = {"posts/news.md": Post("News")}
    kept: dict = {}
    first, _ = collect(site.settings, content, Roster(), BEFORE_DUE, kept=kept)
    before = {loaded.id: loaded for loaded, _problems in kept.values()}
    assert sorted(before) == ["hall", "news"]
    site.write(HALL.replace("By the summer.", "By the autumn."), UNDER_POST)
    second, _ = collect(site.settings, content, Roster(), BEFORE_DUE, kept=kept)
    after = {loaded.id: loaded for loaded, _problems in kept.values()}
    assert sorted(after) == ["hall", "news"]  # this load's files only
    assert after["news"] is before["news"]  # not read from the cache again
    assert after["hall"] != before["hall"]
    assert second != first
    fresh, _ = collect(site.settings, content, Roster(), BEFORE_DUE)
    assert second == fresh


def test_a_load_without_encodings_leaves_them_to_the_next_build(tmp_path):
    """The preview's update renders without the rebuild's fingerprints: it neither
    works out the questions' encodings nor keeps them, a build does."""
    site = Site(tmp_path)
    content = {"posts/news.md": Post("News")}
    encodings = sorted((tmp_path / "cache").glob("candor-qa/*.encodings"))
    digest, _ = collect(site.settings, content, Roster(), BEFORE_DUE, encode=False)
    assert digest.encodings == ()
    assert sorted((tmp_path / "cache").glob("candor-qa/*.encodings")) == encodings == []
    digest, _ = collect(site.settings, content, Roster(), BEFORE_DUE)
    assert len(digest.encodings) == 3
    assert len(list((tmp_path / "cache").glob("candor-qa/*.encodings"))) == 2
