"""The digest lock: a frozen period's digest never changes, except through the notes it shows.

Each test freezes the fixture's closed weeks (as `invoke freeze-digests` does),
changes the data the way real life does, and rebuilds. Where the lock is what
keeps a page still, a control build without the lock shows the page would
otherwise have changed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from candor_common.errors import BuildAborted
from tests.helpers import build_site, soup_of

SITE = "https://fixture.example"
PRODUCTION = {"PUBLISHING_PREVIEW": False, "SITEURL": SITE, "RELATIVE_URLS": False,
              "FEEDS_DOMAIN": SITE}
WEEKS = ("2026-w10", "2026-w11", "2026-w12", "2026-w14")


def _build(root: Path, output: Path, **extra) -> Path:
    build_site(root / "pelicanconf.py", output, **{**PRODUCTION, **extra})
    return output


def _page(output: Path, key: str, name: str = "index.html") -> bytes:
    return (output / "qa" / "digests" / key / name).read_bytes()


def _text(output: Path, key: str) -> str:
    return soup_of(output, f"qa/digests/{key}").get_text(" ", strip=True)


def _edit(root: Path, old: str, new: str) -> None:
    data = root / "content" / "qa" / "weekly.yml"
    text = data.read_text(encoding="utf-8")
    assert old in text, old
    data.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def frozen(site_copy, tmp_path):
    """A copy of the fixture with weeks 10 to 14 frozen, and the build that froze them."""
    root = site_copy("periodic")
    first = _build(root, tmp_path / "first", QA_PERIODIC_FREEZE=True)
    return root, first


def _lock(root: Path) -> Path:
    return root / "content" / "qa" / "digests.lock.json"


def test_freezing_records_each_closed_week_and_changes_no_page(frozen, tmp_path):
    root, first = frozen
    lock = json.loads(_lock(root).read_text(encoding="utf-8"))
    assert lock["unit"] == "week" and sorted(lock["periods"]) == list(WEEKS)
    # The running week (w15) is not recorded.
    assert lock["periods"]["2026-w11"]["events"]["follow_ups"] == ["w-follow"]
    again = _build(root, tmp_path / "again")
    assert sorted(p.relative_to(again) for p in again.rglob("*")) == sorted(
        p.relative_to(first) for p in first.rglob("*"))
    for path in first.rglob("*"):
        if path.is_file():
            assert (again / path.relative_to(first)).read_bytes() == path.read_bytes(), path


def test_freezing_again_never_rewrites_a_recorded_period(frozen, tmp_path):
    root, _ = frozen
    before = _lock(root).read_text(encoding="utf-8")
    _edit(root, "    votes: 3\n", "    votes: 40\n")
    _build(root, tmp_path / "refreeze", QA_PERIODIC_FREEZE=True)
    assert _lock(root).read_text(encoding="utf-8") == before
    _build(root, tmp_path / "later", QA_PERIODIC_FREEZE=True, PUBLISHING_NOW="2026-04-13T08:00")
    after = json.loads(_lock(root).read_text(encoding="utf-8"))["periods"]
    assert json.loads(before)["periods"] == {k: v for k, v in after.items() if k != "2026-w15"}
    assert "2026-w15" not in json.loads(before)["periods"]


def test_a_follow_up_later_answered_stays_in_its_frozen_week(frozen, tmp_path):
    root, first = frozen
    _edit(root, """    status: follow-up
    follow_up:
      by: ana-ruiz
      at: 2026-03-11 09:00
      due: 2026-03-18
      text: We are waiting for the grid operator.""", """    status: answered
    answer:
      by: ana-ruiz
      at: 2026-04-08 09:00
      text: Rotterdam opens on 1 June.""")
    later = {"PUBLISHING_NOW": "2026-04-13T08:00"}
    second = _build(root, tmp_path / "second", **later)
    for key in ("2026-w11", "2026-w12"):  # the interim answer, and its due date
        for name in ("index.html", "email.htm"):
            assert _page(second, key, name) == _page(first, key, name), (key, name)
    assert "We are waiting for the grid operator" in _text(second, "2026-w11")
    assert "Rotterdam opens on 1 June" in _text(second, "2026-w15")
    # Control: without the lock, both closed weeks would have changed.
    _lock(root).unlink()
    control = _build(root, tmp_path / "control", **later)
    assert _page(control, "2026-w11") != _page(first, "2026-w11")
    assert "We are waiting for the grid operator" not in _text(control, "2026-w11")


def test_votes_cast_later_do_not_reorder_or_recount_a_frozen_week(frozen, tmp_path):
    root, first = frozen
    assert "3 votes" in _text(first, "2026-w12")
    _edit(root, "    votes: 3\n", "    votes: 40\n")
    second = _build(root, tmp_path / "second")
    assert _page(second, "2026-w12") == _page(first, "2026-w12")
    _lock(root).unlink()
    assert "40 votes" in _text(_build(root, tmp_path / "control"), "2026-w12")


def test_removing_a_question_notes_it_in_the_week_its_answer_was_listed(frozen, tmp_path):
    root, first = frozen
    assert "CANARY-LAST-MINUTE" in _text(first, "2026-w11")  # answered in week 11
    _edit(root, """    text: CANARY-LAST-MINUTE asked one minute before the week ended.
    status: answered
    answer:
      by: ana-ruiz
      at: 2026-03-09 00:00
      text: Answered on the first minute of the next week.""", """    status: removed
    removed:
      reason: abuse
      at: 2026-04-02 12:00""")
    second = _build(root, tmp_path / "second")
    for key in ("2026-w10", "2026-w11"):
        text = _text(second, key)
        assert "CANARY-LAST-MINUTE" not in text and "Answered on the first minute" not in text
        assert "One entry listed here was removed on 2 April 2026 (reason: Abuse)" in text, key
    for name in ("index.html", "email.htm"):
        assert b"CANARY-LAST-MINUTE" not in _page(second, "2026-w11", name)
    feed = (second / "feeds" / "qa" / "digests.atom.xml").read_text(encoding="utf-8")
    assert "CANARY-LAST-MINUTE" not in feed
    # The numbers of the week stay what they were: the answer was given.
    answers = soup_of(second, "qa/digests/2026-w11").select_one('tr[data-figure="answers"]')
    assert answers.find("td").get_text(strip=True) == "1"


def test_an_answer_edited_after_freezing_shows_the_new_text_with_a_note(frozen, tmp_path):
    root, _ = frozen
    _edit(root, "      text: Yes, by 3 percent.", "      text: Yes, by 4 percent.")
    text = _text(_build(root, tmp_path / "second"), "2026-w10")
    assert "by 4 percent" in text and "by 3 percent" not in text
    assert "The response to question #w-answered carries a correction made after" in text


def test_entries_added_late_with_old_dates_count_in_the_next_open_week(frozen, tmp_path):
    root, first = frozen
    _edit(root, "  # Week 14 (30 March to 5 April)\n", """  - id: w-late-12
    asked_at: 2026-03-18 10:00
    text: CANARY-LATE asked in week 12, imported after its digest was out.
    status: pending
  # Week 14 (30 March to 5 April)
""")
    second = _build(root, tmp_path / "second", PUBLISHING_NOW="2026-04-13T08:00")
    for key in WEEKS:
        assert _page(second, key) == _page(first, key), key
    w15 = _text(second, "2026-w15")
    assert "CANARY-LATE" in w15
    assert "This digest includes one question, comment or response dated in an earlier" in w15
    numbers = soup_of(second, "qa/digests/2026-w15").select_one('tr[data-figure="questions"]')
    assert numbers.find("td").get_text(strip=True) == "1"


def test_an_entry_deleted_from_the_data_is_noted_not_silently_dropped(frozen, tmp_path):
    root, _ = frozen
    _edit(root, """  - id: w-pending-11
    asked_at: 2026-03-12 10:00
    text: CANARY-PENDING-11 is remote work staying?
    status: pending
""", "")
    text = _text(_build(root, tmp_path / "second"), "2026-w11")
    assert "CANARY-PENDING-11" not in text
    assert "One entry listed here is no longer published on the site" in text


@pytest.mark.parametrize(("content", "expected"), [
    ('{\n"schema_version":1,\n"unit":"week",\n"periods":{\n "2026-w10":{"numbers":\n}}',
     "digests.lock.json:6: json: Expecting value"),
    ('{"schema_version":1,"unit":"month","periods":{}}',
     "unit: the periods in this file are 'month's, but QA_PERIODIC_PERIOD is 'week'"),
    ('{"schema_version":1,"unit":"week","periods":{"2026-w99":{}}}',
     "digests.lock.json:1: 2026-w99: the record is incomplete or malformed"),
])
def test_a_broken_lock_stops_the_build_naming_the_file_and_the_fix(
        site_copy, tmp_path, caplog, content, expected):
    root = site_copy("periodic")
    _lock(root).write_text(content, encoding="utf-8")
    with pytest.raises(BuildAborted):
        _build(root, tmp_path / "out")
    assert expected in caplog.text
    assert "invoke freeze-digests" in caplog.text or "QA_PERIODIC_PERIOD" in caplog.text


def test_check_warns_about_published_digests_not_frozen_yet(frozen):
    from qa_periodic.lock import lock_text, raw_periods

    from candor_tools.check_report import unfrozen_warnings

    root, first = frozen
    settings = {"PATH": str(root / "content")}
    assert unfrozen_warnings(first, settings) == []
    periods = raw_periods(_lock(root))
    del periods["2026-w14"]
    _lock(root).write_text(lock_text("week", periods), encoding="utf-8")
    [warning] = unfrozen_warnings(first, settings)
    assert warning.startswith("1 published Q&A digest(s) not frozen yet (2026-w14)")
    assert "invoke freeze-digests" in warning


def test_a_local_preview_shows_the_running_week_so_far_and_production_never_does(
        site_copy, tmp_path):
    root = site_copy("periodic")
    during = {"PUBLISHING_NOW": "2026-04-02T12:00"}  # Thursday of week 14
    preview = _build(root, tmp_path / "preview", PUBLISHING_PREVIEW=True,
                     QA_PERIODIC_FREEZE=True, **during)
    page = soup_of(preview, "qa/digests/2026-w14")
    assert "THIS WEEK IS NOT OVER" in page.select_one(".draft-banner").get_text()
    assert "CANARY-PENDING-14" in page.get_text()
    assert "THIS WEEK IS NOT OVER" in _page(preview, "2026-w14", "email.htm").decode()
    assert soup_of(preview, "qa/digests").select_one(".draft-banner a")["href"].endswith(
        "/qa/digests/2026-w14/")
    feed = (preview / "feeds" / "qa" / "digests.atom.xml").read_text(encoding="utf-8")
    assert "2026-w14" not in feed
    # Never frozen, and never in a production build at the same moment.
    assert "2026-w14" not in json.loads(_lock(root).read_text(encoding="utf-8"))["periods"]
    production = _build(root, tmp_path / "production", **during)
    assert not (production / "qa" / "digests" / "2026-w14").exists()
    assert "draft-banner" not in (production / "qa" / "digests" / "index.html").read_text()
