"""The digest lock: records written from computed digests, read back, and shown unchanged."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from qa_periodic.lock import lock_text, read_lock
from qa_periodic.periods import period_from_key

from candor_common.errors import DataError
from tests.unit.test_periodic_compute import MADRID, answer, archive, question

QUESTIONS = (
    question("a", "2026-03-02 10:00", "answered", response=answer("2026-03-03 10:00")),
    question("f", "2026-03-03 10:00", "follow-up",
             response=answer("2026-03-04 10:00", "<p>Soon.</p>", due=date(2026, 3, 18))),
    question("p", "2026-03-10 10:00"),
    question("c", "2026-03-11 10:00", "published", kind="comment", votes=7),
    question("s", "2026-03-12 10:00", "removed"),
)


def _locked(tmp_path: Path, result) -> dict:
    path = tmp_path / "digests.lock.json"
    path.write_text(lock_text("week", dict(result.unfrozen)), encoding="utf-8")
    return read_lock(path, "week").periods


def test_a_frozen_digest_is_the_digest_it_was_frozen_from(tmp_path):
    live = archive(*QUESTIONS, now="2026-03-23 00:01")
    assert [key for key, _ in live.unfrozen] == ["2026-w10", "2026-w11", "2026-w12"]
    frozen = archive(*QUESTIONS, now="2026-03-23 00:01", frozen=_locked(tmp_path, live))
    assert frozen.unfrozen == ()
    assert frozen.digests == live.digests
    assert frozen.timeline == live.timeline


def test_only_closed_periods_are_read_from_the_lock(tmp_path):
    locked = _locked(tmp_path, archive(*QUESTIONS, now="2026-03-23 00:01"))
    # With a clock set before week 11 ended, its record is not used and w11 is not shown.
    earlier = archive(*QUESTIONS, now="2026-03-16 00:00", frozen=locked)
    assert [d.period.key for d in earlier.digests] == ["2026-w11", "2026-w10"]
    assert earlier.unfrozen == ()


def test_the_lock_text_is_byte_stable_and_one_period_per_line(tmp_path):
    records = dict(archive(*QUESTIONS, now="2026-03-23 00:01").unfrozen)
    text = lock_text("week", records)
    assert lock_text("week", dict(reversed(list(records.items())))) == text
    lines = text.splitlines()
    assert [line.split('"')[1] for line in lines if line.startswith(' "')] == [
        "2026-w10", "2026-w11", "2026-w12"]
    assert json.loads(text)["periods"] == json.loads(json.dumps(records))


def test_html_in_the_lock_is_sanitized_again_when_read(tmp_path):
    records = dict(archive(*QUESTIONS, now="2026-03-23 00:01").unfrozen)
    entry = records["2026-w10"]["sections"]["answers"]["shown"][0]
    entry["response"]["html"] = '<p onclick="x()">Yes.<script>alert(1)</script></p>'
    path = tmp_path / "lock.json"
    path.write_text(lock_text("week", records), encoding="utf-8")
    [shown, _] = read_lock(path, "week").periods["2026-w10"].sections["answers"]
    assert str(shown[0].response.html) == "<p>Yes.</p>"


@pytest.mark.parametrize(("key", "unit"), [("2026-w10", "week"), ("2026-w53", "week"),
                                            ("2026-03", "month"), ("2026-12", "month")])
def test_period_keys_read_back_to_their_period(key, unit):
    if key == "2026-w53":  # 2026 has 53 ISO weeks
        assert period_from_key(key, unit, MADRID).end.date() == date(2027, 1, 4)
    assert period_from_key(key, unit, MADRID).key == key


@pytest.mark.parametrize(("key", "unit"), [("2025-w53", "week"), ("2026-w1", "week"),
                                            ("2026-13", "month"), ("2026-w10", "month"),
                                            ("spring", "week")])
def test_keys_that_are_not_periods_are_refused(key, unit):
    with pytest.raises(ValueError):
        period_from_key(key, unit, MADRID)


def test_a_record_missing_a_field_names_the_period_and_its_line(tmp_path):
    records = dict(archive(*QUESTIONS, now="2026-03-23 00:01").unfrozen)
    del records["2026-w11"]["numbers"]
    path = tmp_path / "digests.lock.json"
    path.write_text(lock_text("week", records), encoding="utf-8")
    with pytest.raises(DataError) as raised:
        read_lock(path, "week")
    assert f"{path}:6: 2026-w11: the record is incomplete or malformed" in str(raised.value)
    assert "invoke freeze-digests" in str(raised.value)


def test_an_entry_listed_twice_and_removed_later_is_one_removal(tmp_path):
    from dataclasses import replace

    from tests.unit.test_periodic_compute import at

    # Follow-up given and due in the same week: listed under both.
    due = question("d", "2026-03-02 10:00", "follow-up",
                   response=answer("2026-03-03 10:00", "<p>Friday.</p>", due=date(2026, 3, 6)))
    live = archive(due, now="2026-03-09 00:01")
    w10 = live.digests[0]
    assert [q.id for q in w10.follow_ups.shown] == [q.id for q in w10.came_due.shown] == ["d"]
    removed = replace(question("d", "2026-03-02 10:00", "removed"),
                      removed_at=at("2026-03-20 10:00"))
    later = archive(removed, now="2026-03-23 00:01", frozen=_locked(tmp_path, live))
    [note] = later.digests[-1].corrections
    assert (note.kind, note.count, note.date) == ("removed", 1, date(2026, 3, 20))
    assert later.digests[-1].follow_ups.shown == later.digests[-1].came_due.shown == ()
