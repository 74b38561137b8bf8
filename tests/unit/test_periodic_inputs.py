"""The periodic digests' archive carries what it is made from (qa_periodic.compute
archive_inputs, with_inputs): the incremental rebuild digests that, not every question
of every period, and it changes whenever the archive can."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from markupsafe import Markup
from qa_periodic.compute import Options, archive_inputs, build_archive, with_inputs

from candor_common.fingerprint import Fingerprinter
from qa_digest.digest import build_digest
from qa_digest.model import Question, Response, Thread

MADRID = ZoneInfo("Europe/Madrid")


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=MADRID)


def made(now: str = "2026-04-08 10:00", *, loads=("load-a",), releases=None, frozen=None,
         preview: bool = False, answer: str = "<p>Yes.</p>"):
    """The archive of one answered question, and its inputs (None without ``loads``)."""
    response = Response(by="ana-ruiz", at=at("2026-03-03 10:00"),
                        html=Markup(answer))  # noqa: S704
    question = Question(id="a", thread_id="t", asked_by="Reader",
                        asked_at=at("2026-03-02 10:00"), source="form", votes=0, topics=(),
                        html=Markup("<p>Why?</p>"), status="answered",
                        response=response)
    thread = Thread(id="t", kind="session", title="T", hosts=("ana-ruiz",), source="t.yml",
                    questions=(question,))
    digest, problems = build_digest([thread], at(now), list(loads) if loads else None)
    assert problems == []
    options = Options(unit="week", zone=MADRID, now=at(now), base_url="qa/digests/",
                      limit=25, top_comments=5, preview=preview)
    inputs = archive_inputs(digest, options, releases or {}, frozen or {})
    return build_archive(digest, options, releases, frozen), inputs


def test_the_inputs_are_known_only_when_the_q_and_a_digest_s_are():
    assert made(loads=None)[1] is None
    assert made()[1] is not None


def test_the_inputs_change_with_the_data_the_day_the_releases_and_the_lock():
    _archive, inputs = made()
    assert made("2026-04-08 18:30")[1] == inputs  # the clock, within a day and a period
    assert made("2026-04-09 10:00")[1] != inputs  # another day (overdue follow-ups)
    assert made("2026-04-13 10:00")[1] != inputs  # another period: one more is closed
    assert made(loads=("load-b",))[1] != inputs  # a Q&A file changed
    assert made(releases={"t": at("2026-03-01 09:00")})[1] != inputs
    assert made(preview=True)[1] != inputs  # the running period is shown


def test_the_archive_and_its_digests_are_digested_by_their_inputs():
    archive, inputs = made()
    carried = with_inputs(archive, inputs)
    assert carried == archive  # the same archive, with its inputs
    assert carried.inputs == inputs and carried.digests
    assert all(digest.inputs == inputs for digest in carried.digests)
    shown = [item for item in carried.timeline if hasattr(item, "inputs")]
    assert shown and all(item in carried.digests for item in shown)
    prints = Fingerprinter()
    assert prints.digest(carried) == prints.digest(with_inputs(made()[0], inputs))
    assert prints.digest(carried) != prints.digest(
        with_inputs(archive, made(loads=("load-b",))[1]))
    # Without inputs, everything the archive holds is digested: an answer changes it.
    other = made(loads=None)[0]
    assert prints.digest(with_inputs(other, None)) == prints.digest(archive)
    assert prints.digest(made(loads=None, answer="<p>No.</p>")[0]) != prints.digest(archive)
    assert with_inputs(other, None) is other
