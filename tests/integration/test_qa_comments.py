"""Comments built into a site (post digest, threaded pages, numbers, data) and imported."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from candor_common.errors import BuildAborted
from qa_digest.load import load_thread
from tests.helpers import QA_SITE_URL, build_site, soup_of
from tests.integration.test_qa_import_cases import ZONE, Case, copy_site, run_case

ROSTER = frozenset({"ana-ruiz", "marcus-adeyemi"})
SITE = QA_SITE_URL
page = soup_of


@pytest.fixture(scope="module")
def site(qa_site) -> Path:
    return qa_site


def words(tag) -> str:
    return " ".join(tag.get_text(" ").split())


def test_the_post_shows_its_comment_digest_below_the_questions(site):
    post = page(site, "posts/2026/results")
    qa = post.find("section", class_="qa-digest")
    digest = post.find("section", class_="qa-comments-digest")
    assert qa is not None and digest is not None
    assert qa.find_all_next("section", class_="qa-comments-digest")  # below the Q&A
    text = words(digest)
    assert "5 comments, 1 executive reply, 1 removed" in text
    executive = digest.find(id="qa-comments-exec-heading").find_next("ul")
    assert "Marcus Adeyemi" in words(executive) and "I will pass it on" in words(executive)
    assert "In reply to Sam T." in words(executive)
    top = digest.find(id="qa-comments-top-heading").find_next("ul")
    assert [words(li.find("p")) for li in top.find_all("li")] == ["Sam T.", "Jo P.", "Kim L."]
    links = {a["href"] for a in digest.find_all("a", href=True)}
    assert f"{SITE}/qa/results/comments/" in links
    assert f"{SITE}/qa/results/comments/#c-r-c3" in links  # the reply, on its page
    assert "CANARY-REMOVED-TEXT" not in post.decode()


def test_the_comments_page_is_threaded_and_paginated_without_javascript(site):
    first, second = page(site, "qa/results/comments"), page(site, "qa/results/comments/page/2")
    assert "page-qa-comments" in first.body["class"]
    assert first.find("main") is not None and first.find("h1") is not None
    ids = [[a["id"] for a in p.select("article[id^=c-]")] for p in (first, second)]
    assert ids == [["c-r-one", "c-r-c1", "c-r-c2", "c-r-c3"], ["c-r-c4", "c-r-c5"]]
    # Replies are nested lists under what they reply to.
    reply = first.find(id="c-r-c3")
    assert reply.find_parent("ol").find_parent("li").find("article")["id"] == "c-r-c2"
    nav = first.find("nav", attrs={"aria-label": "Pagination"})
    assert nav.find("a", rel="next")["href"] == f"{SITE}/qa/results/comments/page/2/"
    assert second.find("a", rel="prev")["href"] == f"{SITE}/qa/results/comments/"
    assert not (site / "qa" / "results" / "comments" / "page" / "3").exists()
    # A removed comment keeps its place, without its text; its reply is still under it.
    removed = second.find(id="c-r-c4")
    assert "Removed: Spam" in words(removed) and "CANARY" not in removed.decode()
    assert second.find(id="c-r-c5").find_parent("ol").find_parent("li").article["id"] == "c-r-c4"


def test_questions_keep_their_numbers_and_comments_get_their_own(site):
    thread = page(site, "qa/results")
    assert [a["id"] for a in thread.select("[id^=q-]")] == ["q-r-one"]
    assert "5 comments" in words(thread.find(class_="qa-thread-page__comments"))
    data = json.loads((site / "qa" / "digest.json").read_text())
    assert data["schema_version"] == 2
    assert data["scorecard"]["received"] == 9  # questions only
    assert data["comments"] == {"comments": 5, "published": 4, "removed": 1,
                                "removed_by_reason": {"spam": 1, "abuse": 0,
                                                      "personal-data": 0, "off-topic": 0},
                                "executive_replies": 1}
    results = next(t for t in data["threads"] if t["id"] == "results")
    entries = {e["id"]: e for e in results["questions"]}
    assert entries["r-c3"]["kind"] == "comment" and entries["r-c3"]["reply_to"] == "r-c2"
    assert entries["r-c3"]["by_executive"] == "marcus-adeyemi"
    assert entries["r-one"]["kind"] == "question" and entries["r-one"]["reply_to"] is None
    assert entries["r-c4"]["question_html"] is None
    ledger = page(site, "qa").find("table", class_="qa-ledger")
    total = [words(td) for td in ledger.find("tfoot").find_all("td")]
    assert total == ["1", "1"]  # one question and one comment removed


def test_a_reply_to_an_unknown_entry_stops_the_build(site_copy, tmp_path, caplog):
    site_dir = site_copy("qa")
    data = site_dir / "content" / "qa" / "results.yml"
    data.write_text(data.read_text().replace("reply_to: r-c2", "reply_to: r-c9"))
    with caplog.at_level(logging.ERROR), pytest.raises(BuildAborted):
        build_site(site_dir / "pelicanconf.py", tmp_path / "out")
    assert "results.yml:29: reply_to: no entry in this file has the id 'r-c9'" in caplog.text


# Importing comments ------------------------------------------------------------------

CASE = Case("disqus", "comments.xml", "ana-ruiz=anaruiz")
CASE_FILE = Path(__file__).resolve().parents[1] / "fixtures" / "imports" / "comments.xml"


def entries(site: Path) -> dict[str, object]:
    path = site / "content" / "qa" / "plain.yml"
    thread, problems = load_thread(path, path.name, ZONE, ROSTER)
    assert problems == [], [str(p) for p in problems]
    return {q.id: q for q in thread.questions}


def test_import_classifies_threads_and_counts_each_kind(tmp_path):
    site = copy_site(tmp_path / "site")
    report = run_case(CASE, site, tmp_path / "work")
    assert report.balanced and report.read == 8 and report.skipped["deleted"] == 1
    assert dict(report.kinds) == {"question": 1, "comment": 5}
    assert report.executive_replies == 1
    assert "  kinds: questions 1, comments 5 (executive replies 1)" in report.lines()
    found = entries(site)
    assert {i: (e.kind, e.reply_to) for i, e in found.items()} == {
        "disqus-2001": ("comment", None),
        "disqus-2002": ("comment", "disqus-2001"),  # the executive's reply to a comment
        "disqus-2003": ("comment", "disqus-2002"),
        "disqus-2004": ("question", None),
        "disqus-2006": ("comment", "disqus-2004"),
        "disqus-2008": ("comment", "disqus-2001"),  # its parent was deleted at the source
    }
    assert found["disqus-2002"].by_executive == "ana-ruiz"
    assert found["disqus-2004"].status == "answered"  # the reply to a question answers it


def test_reimport_keeps_an_editors_reclassification(tmp_path):
    site = copy_site(tmp_path / "site")
    run_case(CASE, site, tmp_path / "work")
    path = site / "content" / "qa" / "plain.yml"
    text = path.read_text(encoding="utf-8")
    marker = "  - id: disqus-2006\n    kind: comment\n"
    assert marker in text
    path.write_text(text.replace(marker, "  - id: disqus-2006\n    kind: question\n"),
                    encoding="utf-8")  # one line: the comment is a question after all
    edited = path.read_bytes()
    again = run_case(CASE, site, tmp_path / "work")
    assert path.read_bytes() == edited
    assert dict(again.kinds) == {"question": 2, "comment": 4}
    assert entries(site)["disqus-2006"].kind == "question"
    # A later reply from the executive now answers it, as it does any pending question.
    newer = tmp_path / "newer.xml"
    newer.write_text(CASE_FILE.read_text(encoding="utf-8").replace("</disqus>", """
  <post dsq:id="2009">
    <message><![CDATA[<p>We will tell you in June.</p>]]></message>
    <createdAt>2026-04-22T08:00:00Z</createdAt>
    <isDeleted>false</isDeleted><isSpam>false</isSpam>
    <author><name>Ana Ruiz</name><username>anaruiz</username></author>
    <thread dsq:id="200"/>
    <parent dsq:id="2006"/>
  </post>
</disqus>"""), encoding="utf-8")
    later = run_case(CASE, site, tmp_path / "work", file=newer)
    assert later.balanced and later.answers == ["disqus-2006: answered by ana-ruiz"]
    assert entries(site)["disqus-2006"].status == "answered"


def test_an_executives_own_note_is_badged_executive_not_reply(site_copy, tmp_path):
    root = site_copy("qa")
    data = root / "content" / "qa" / "results.yml"
    data.write_text(data.read_text(encoding="utf-8") + (
        "  - id: r-note\n    kind: comment\n    by: ana-ruiz\n"
        "    asked_at: 2026-04-14 10:00\n    text: Thank you all; I will be back on Friday.\n"),
        encoding="utf-8")
    output = tmp_path / "out"
    build_site(root / "pelicanconf.py", output, PUBLISHING_PREVIEW=False, SITEURL=SITE,
               RELATIVE_URLS=False, FEEDS_DOMAIN=SITE)
    badges = {}
    for number in ("", "/page/2"):
        found = output / f"qa/results/comments{number}/index.html"
        if found.is_file():
            for entry in page(output, f"qa/results/comments{number}").select("[id^=c-r-]"):
                badge = entry.select_one(".qa-c__badge")
                if badge is not None and not entry["id"].endswith("-by"):
                    badges[entry["id"]] = badge.get_text(strip=True)
    assert badges == {"c-r-c3": "Executive reply", "c-r-note": "Executive"}
