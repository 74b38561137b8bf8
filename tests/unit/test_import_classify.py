"""What an executive's record becomes: an answer, a reply, or a top-level comment of theirs."""

from __future__ import annotations

from datetime import UTC, datetime

from candor_tools.qa_import.classify import Sorted, classify
from candor_tools.qa_import.identities import Identities
from candor_tools.qa_import.kinds import Classifier
from candor_tools.qa_import.records import DELETED, OK, Comment, Export, SourceThread
from candor_tools.qa_import.report import Report

ANA = Identities("disqus", {"anaruiz": "ana-ruiz"})
TEXTS = {"question": "<p>Will prices go up?</p>", "comment": "<p>Great post.</p>",
         "note": "<p>Thanks all, I will be back on Friday.</p>", "empty": ""}


def record(key: str, text: str = "comment", *, parent: str | None = None,
           by_ana: bool = False, state: str = OK) -> Comment:
    return Comment(qid=f"disqus-{key}", key=key, thread="t", line=0, state=state,
                   parent=parent, author="" if by_ana else "Reader",
                   identities=("anaruiz",) if by_ana else ("reader",),
                   created=datetime(2026, 4, 21, 8, int(key), tzinfo=UTC), text=TEXTS[text])


def run(*records: Comment, existing: dict[str, str] | None = None,
        classifier: Classifier | None = None) -> tuple[Sorted, Report]:
    export = Export("disqus", "export.xml", {"t": SourceThread("t")}, list(records))
    report = Report("disqus", "export.xml")
    result = classify(export, {"t"}, ANA, report=report, existing=existing or {},
                      classifier=classifier)
    return result, report


def entries(result: Sorted) -> dict[str, tuple[str, str | None, str | None]]:
    """Return qid -> (kind, reply_to, by) for every entry."""
    return {e.comment.qid: (e.kind, e.reply_to, e.by) for e in result.entries}


def test_an_executives_top_level_note_is_a_comment_signed_by_them():
    result, report = run(record("1", "note", by_ana=True))
    assert entries(result) == {"disqus-1": ("comment", None, "ana-ruiz")}
    assert (report.executive_top_level, report.executive_replies) == (1, 0)
    assert dict(report.skipped) == {} and dict(report.kinds) == {"comment": 1}


def test_a_reply_to_a_record_missing_from_the_export_is_top_level():
    result, report = run(record("1", "note", parent="999", by_ana=True))
    assert entries(result) == {"disqus-1": ("comment", None, "ana-ruiz")}
    assert report.executive_top_level == 1


def test_a_reply_to_a_deleted_comment_hangs_under_the_nearest_imported_entry():
    result, report = run(record("1", "question"), record("2", parent="1", state=DELETED),
                         record("3", "note", parent="2", by_ana=True),
                         record("4", "note", parent="5", by_ana=True),
                         record("5", state=DELETED))
    # The executive answered the deleted comment, not the question above it.
    assert entries(result) == {"disqus-1": ("question", None, None),
                               "disqus-3": ("comment", "disqus-1", "ana-ruiz"),
                               "disqus-4": ("comment", None, "ana-ruiz")}
    assert result.answers == {}
    assert (report.executive_replies, report.executive_top_level) == (1, 1)
    assert dict(report.skipped) == {DELETED: 2}


def test_replies_under_the_note_point_to_it_and_a_question_is_still_answered():
    note = record("1", "note", by_ana=True)
    result, report = run(note, record("2", parent="1"),
                         record("3", "note", parent="1", by_ana=True),
                         record("4", "question", parent="1"),
                         record("5", "note", parent="4", by_ana=True))
    assert entries(result) == {"disqus-1": ("comment", None, "ana-ruiz"),
                               "disqus-2": ("comment", "disqus-1", None),
                               "disqus-3": ("comment", "disqus-1", "ana-ruiz"),
                               "disqus-4": ("question", "disqus-1", None)}
    assert [(c.qid, slug) for c, slug in result.answers["disqus-4"]] == [
        ("disqus-5", "ana-ruiz")]
    assert (report.executive_top_level, report.executive_replies) == (1, 1)


def test_a_note_is_a_comment_whatever_the_classification_mode():
    result, _report = run(record("1", "question", by_ana=True),
                          classifier=Classifier("question"))
    assert entries(result) == {"disqus-1": ("comment", None, "ana-ruiz")}


def test_a_known_note_stays_an_entry_on_reimport():
    result, report = run(record("1", "note", parent="2", by_ana=True),
                         record("2", state=DELETED),
                         existing={"disqus-1": "comment", "disqus-2": "comment"})
    assert entries(result) == {"disqus-1": ("comment", "disqus-2", "ana-ruiz")}
    assert report.review == [("disqus-2 is deleted at the source but stays in Candor as "
                              "it is: remove it there if it should go")]


def test_an_answer_to_a_question_gone_at_the_source_is_not_repeated_as_a_comment():
    result, report = run(record("1", "question", state=DELETED),
                         record("2", "note", parent="1", by_ana=True),
                         existing={"disqus-1": "question"})
    assert result.entries == [] and result.answers == {}
    assert report.outcomes["unchanged"] == 1 and report.skipped[DELETED] == 1
    assert report.balanced
    assert ("disqus-2: the executive's reply to disqus-1 was not imported: disqus-1 is "
            "deleted in this export; its answer in Candor, if it has one, stays as it is"
            ) in report.review


def test_an_executives_record_with_no_text_is_unreadable_not_an_empty_entry():
    result, report = run(record("1", "empty", by_ana=True),
                         record("2", "question"), record("3", "empty", parent="2", by_ana=True))
    assert entries(result) == {"disqus-2": ("question", None, None)}
    assert result.answers == {} and report.skipped["unreadable"] == 2
