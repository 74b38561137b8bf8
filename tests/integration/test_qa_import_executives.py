"""An executive's own comment with nothing imported above it: a top-level comment of theirs."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.integration.test_qa_import_cases import (
    CASES,
    IMPORTS,
    copy_site,
    load_all,
    qa_bytes,
    run_case,
)

NOTE = "Thanks all for the questions. I will be back on Friday with answers."
REPLY = "Noted, and no offence taken."  # the executive's reply to a deleted comment
# format case -> the texts of the executive's top-level comments in its fixture. CSV rows
# name no author account an executive could be recognised by, so CSV has none.
TOP_LEVEL = {
    "disqus": (NOTE, REPLY),
    "wxr": (NOTE,),
    "isso-db": (REPLY,),
    "isso-json": (NOTE,),
    "remark42": (NOTE,),
    "remark42-gz": (NOTE,),
    "staticman": (NOTE,),
    "github": (NOTE,),  # a discussion the executive opened
    "mastodon": (NOTE,),  # a reply to the executive's toot, which is not in the export
}
# What a hand-written executive's comment holds (docs/qa.md, Comments): no asked_by.
SIGNED_KEYS = {"id", "kind", "by", "asked_at", "source", "votes", "text"}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return copy_site(tmp_path / "site")


def test_every_format_that_knows_accounts_is_covered():
    assert set(TOP_LEVEL) == set(CASES) - {"csv"}


@pytest.mark.parametrize("name", list(TOP_LEVEL))
def test_an_executives_own_comment_is_imported_top_level_and_signed(name, site, tmp_path):
    report = run_case(CASES[name], site, tmp_path / "work")
    entries = load_all(site)
    top = {q.id: q for q in entries.values() if q.by_executive and q.reply_to is None}
    assert sorted(text for q in top.values() for text in TOP_LEVEL[name]
                  if text in str(q.html)) == sorted(TOP_LEVEL[name])
    assert len(top) == len(TOP_LEVEL[name])
    for entry in top.values():
        assert (entry.kind, entry.status, entry.by_executive, entry.asked_by) == (
            "comment", "published", "ana-ruiz", "")
    written = yaml.safe_load((site / "content" / "qa" / "plain.yml").read_text("utf-8"))
    for item in written["questions"]:
        if item["id"] in top:
            assert set(item) <= SIGNED_KEYS
            assert (item["kind"], item["by"]) == ("comment", "ana-ruiz")
    # Counted as imported and as the executive's, listed for review; never skipped.
    assert report.balanced
    assert report.executive_top_level == len(top)
    assert sorted(line.split(":")[0] for line in report.executive_comments
                  if line.endswith("top-level")) == sorted(top)
    lines = "\n".join(report.lines())
    assert f"executive top-level comments {len(top)})" in lines
    assert "not-a-question" not in lines


def test_readers_replying_to_the_executives_discussion_reply_to_their_comment(site, tmp_path):
    run_case(CASES["github"], site, tmp_path / "work")
    entries = load_all(site)
    note = next(q for q in entries.values() if q.by_executive and NOTE in str(q.html))
    reply = next(q for q in entries.values() if "Looking forward to it." in str(q.html))
    assert (reply.reply_to, reply.kind, reply.asked_by) == (note.id, "comment", "kim-l")


def test_an_answer_whose_question_is_gone_at_the_source_is_not_repeated(site, tmp_path):
    run_case(CASES["disqus"], site, tmp_path / "work")
    before = qa_bytes(site)
    first = "<createdAt>2026-04-21T08:15:00Z</createdAt>\n    <isDeleted>false</isDeleted>"
    text = (IMPORTS / "disqus.xml").read_text(encoding="utf-8")
    assert text.count(first) == 1
    newer = tmp_path / "newer.xml"
    newer.write_text(text.replace(first, first.replace("false", "true")), encoding="utf-8")
    report = run_case(CASES["disqus"], site, tmp_path / "work", file=newer)
    # disqus-1003 answered disqus-1001, deleted at the source since: no new comment.
    assert qa_bytes(site) == before
    assert report.balanced and report.outcomes["imported"] == 0
    assert report.skipped["deleted"] == 2
    assert any(line.startswith("disqus-1003: the executive's reply to disqus-1001 was not "
                               "imported") for line in report.review)
    assert "disqus-1003" not in load_all(site)
