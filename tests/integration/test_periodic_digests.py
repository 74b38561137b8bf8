"""Weekly Q&A digests built into a site: archive, pages, numbers, stability, e-mail, feeds."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest
from bs4 import BeautifulSoup
from lxml import etree

from tests.helpers import build_fixture, build_site

SITE = "https://fixture.example"
PRODUCTION = {"PUBLISHING_PREVIEW": False, "SITEURL": SITE, "RELATIVE_URLS": False,
              "FEEDS_DOMAIN": SITE}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    output = tmp_path_factory.mktemp("periodic") / "out"
    build_fixture("periodic", output, **PRODUCTION)
    return output


def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"),
                         "html.parser")


def figures(site: Path, key: str) -> dict[str, tuple[str, str, str]]:
    rows = page(site, f"qa/digests/{key}").select("tr[data-figure]")
    return {row["data-figure"]: tuple(td.get_text(" ", strip=True) for td in row("td"))
            for row in rows}


def test_archive_lists_closed_weeks_newest_first_and_says_which_were_quiet(site):
    archive = page(site, "qa/digests")
    items = archive.select(".digest-timeline > li")
    titles = [li.get_text(" ", strip=True) for li in items]
    links = [a["href"] for a in archive.select(".digest-timeline__title a")]
    assert links == [f"{SITE}/qa/digests/{key}/" for key in
                     ("2026-w14", "2026-w12", "2026-w11", "2026-w10")]
    assert "digest-timeline__gap" in items[1]["class"]
    assert "Week 13, 2026" in titles[1] and "no digest" in titles[1]
    # The week still running (w15) has no digest, and neither has any quiet week.
    assert sorted(p.name for p in (site / "qa" / "digests").iterdir() if p.is_dir()) == [
        "2026-w10", "2026-w11", "2026-w12", "2026-w14"]


def test_numbers_count_each_week_and_compare_it_with_the_week_before(site):
    w10, w11 = figures(site, "2026-w10"), figures(site, "2026-w11")
    assert w10["questions"] == ("4", "— not available", "first digest")  # removed ones count too
    assert w10["answers"][0] == "1" and w10["declines"][0] == "1"
    assert w11["questions"] == ("2", "4", "−2")
    assert w11["answers"] == ("1", "1", "no change")
    assert w11["declines"] == ("0", "1", "−1")
    assert w11["follow_ups"] == ("1", "0", "+1")
    assert figures(site, "2026-w12")["came_due"] == ("1", "0", "+1")
    w14 = page(site, "qa/digests/2026-w14")
    assert figures(site, "2026-w14")["questions"] == ("1", "0", "+1")
    assert "Nothing happened in the period before" in w14.get_text()


def test_week_boundaries_are_midnight_monday_in_the_site_timezone(site):
    w10 = page(site, "qa/digests/2026-w10").get_text(" ")
    w11 = page(site, "qa/digests/2026-w11")
    # Asked at Sunday 23:59: week 10. Answered at Monday 00:00: week 11, with its question.
    assert "CANARY-LAST-MINUTE" in w10
    answers = w11.find(id="digest-answers").find_parent("section").get_text(" ")
    assert "CANARY-LAST-MINUTE" in answers
    assert "Answered on the first minute" not in w10


def test_a_week_ending_one_minute_after_the_clock_is_not_published(tmp_path):
    output = tmp_path / "out"
    build_fixture("periodic", output, **PRODUCTION, PUBLISHING_NOW="2026-04-05T23:59")
    assert not (output / "qa" / "digests" / "2026-w14").exists()
    assert (output / "qa" / "digests" / "2026-w12").is_dir()


def test_removed_entries_never_show_text_and_declines_show_reasons(site):
    text = page(site, "qa/digests/2026-w10").get_text(" ")
    assert "We publish pay bands" in text
    notes = page(site, "qa/digests/2026-w10").select(".digest-corrections li")
    assert [n.get_text(" ", strip=True) for n in notes] == [
        ("One entry from this period was later removed (reason: Spam). "
         "Its text is no longer shown.")]


def _build(root: Path, output: Path, **extra) -> None:
    build_site(root / "pelicanconf.py", output, **PRODUCTION, **extra)


def test_a_closed_week_is_byte_identical_after_later_data_is_added(site_copy, tmp_path):
    root = site_copy("periodic")
    first = tmp_path / "first"
    _build(root, first)
    data = root / "content" / "qa" / "weekly.yml"
    text = data.read_text(encoding="utf-8")
    # Later events: the week-14 question is answered, a new question arrives in week 15.
    text = text.replace(
        "    text: CANARY-PENDING-14 what about the audit?\n    status: pending\n",
        "    text: CANARY-PENDING-14 what about the audit?\n    status: answered\n"
        "    answer:\n      by: ana-ruiz\n      at: 2026-04-07 09:00\n"
        "      text: Published in May.\n")
    text += ("  - id: w-later\n    asked_at: 2026-04-08 10:00\n"
             "    text: A question of week 15.\n    status: pending\n")
    data.write_text(text, encoding="utf-8")
    second = tmp_path / "second"
    _build(root, second, PUBLISHING_NOW="2026-04-13T08:00")
    assert (second / "qa" / "digests" / "2026-w15" / "index.html").is_file()
    for key in ("2026-w10", "2026-w11", "2026-w12", "2026-w14"):
        for name in ("index.html", "email.htm"):
            before = (first / "qa" / "digests" / key / name).read_bytes()
            assert (second / "qa" / "digests" / key / name).read_bytes() == before, (key, name)


def test_a_later_removal_shows_a_correction_and_drops_the_text(site_copy, tmp_path):
    root = site_copy("periodic")
    first = tmp_path / "first"
    _build(root, first)
    assert "CANARY-PENDING-11" in (first / "qa/digests/2026-w11/index.html").read_text()
    data = root / "content" / "qa" / "weekly.yml"
    data.write_text(data.read_text(encoding="utf-8").replace(
        "    text: CANARY-PENDING-11 is remote work staying?\n    status: pending\n",
        "    status: removed\n    removed:\n      reason: abuse\n"), encoding="utf-8")
    second = tmp_path / "second"
    _build(root, second)
    for name in ("index.html", "email.htm"):
        after = (second / "qa" / "digests" / "2026-w11" / name).read_text(encoding="utf-8")
        assert "CANARY-PENDING-11" not in after
        assert "One entry from this period was later removed (reason: Abuse)" in after
    feed = (second / "feeds" / "qa" / "digests.atom.xml").read_text(encoding="utf-8")
    assert "CANARY-PENDING-11" not in feed
    # The other weeks did not move.
    for key in ("2026-w10", "2026-w12", "2026-w14"):
        assert ((second / "qa/digests" / key / "index.html").read_bytes()
                == (first / "qa/digests" / key / "index.html").read_bytes()), key


def test_email_html_is_self_contained_with_inline_styles_and_site_links_only(site):
    for email in sorted((site / "qa" / "digests").glob("*/email.htm")):
        raw = email.read_text(encoding="utf-8")
        soup = BeautifulSoup(raw, "html.parser")
        assert soup.find(["script", "link", "style", "img", "iframe"]) is None, email
        assert not soup.find_all(src=True), email
        for tag in soup.find_all(True):
            assert not any(a.startswith("on") for a in tag.attrs), (email, tag.name)
        hrefs = [a["href"] for a in soup.find_all(href=True)]
        assert hrefs and all(urlsplit(h).netloc == "fixture.example" and
                             h.startswith(f"{SITE}/") for h in hrefs), email
        assert soup.find("body")["style"]
    w10 = (site / "qa" / "digests" / "2026-w10" / "email.htm").read_text(encoding="utf-8")
    # The answer's link elsewhere became text; its link to the site became absolute.
    assert "elsewhere.example" not in w10 and "the results" in w10
    assert f'href="{SITE}/posts/2026/town-hall/"' in w10
    page_html = (site / "qa" / "digests" / "2026-w10" / "index.html").read_text()
    assert "style=" not in page_html and "email.htm" in page_html


def test_digest_feeds_are_valid_with_stable_ids(site, tmp_path):
    atom = feedparser.parse((site / "feeds/qa/digests.atom.xml").read_bytes())
    rss = feedparser.parse((site / "feeds/qa/digests.rss.xml").read_bytes())
    assert atom.bozo == 0 and rss.bozo == 0
    etree.fromstring((site / "feeds/qa/digests.atom.xml").read_bytes())
    assert [e.link for e in atom.entries] == [f"{SITE}/qa/digests/{k}/" for k in
                                              ("2026-w14", "2026-w12", "2026-w11", "2026-w10")]
    assert atom.entries[-1].id == "tag:fixture.example,2026-03-02:qa/digests/2026-w10/"
    assert [e.id for e in rss.entries] == [e.id for e in atom.entries]
    later = tmp_path / "later"
    build_fixture("periodic", later, **PRODUCTION, PUBLISHING_NOW="2026-05-01T12:00")
    again = feedparser.parse((later / "feeds/qa/digests.atom.xml").read_bytes())
    assert [e.id for e in again.entries] == [e.id for e in atom.entries]
    assert atom.entries[0].published.startswith("2026-04-06T00:00:00+02:00")


def test_subscribe_page_and_footer_offer_the_digests(site):
    subscribe = page(site, "subscribe")
    hrefs = {a["href"] for a in subscribe.find_all("a", href=True)}
    assert f"{SITE}/feeds/qa/digests.atom.xml" in hrefs
    assert f"{SITE}/feeds/qa/digests.rss.xml" in hrefs
    footer = page(site, "").find("footer")
    assert footer.find("a", href=f"{SITE}/qa/digests/")
    hub = page(site, "qa").select_one(".qa-hub__digests a")
    assert hub["href"] == f"{SITE}/qa/digests/"
    assert hub.get_text(strip=True).startswith("Weekly digests")


def test_monthly_digests(tmp_path):
    output = tmp_path / "out"
    build_fixture("periodic", output, **PRODUCTION, QA_PERIODIC_PERIOD="month")
    assert sorted(p.name for p in (output / "qa" / "digests").iterdir() if p.is_dir()) == [
        "2026-03"]
    assert page(output, "qa").select_one(".qa-hub__digests a").get_text(
        strip=True).startswith("Monthly digests")
    march = page(output, "qa/digests/2026-03")
    assert march.find("h1").get_text(strip=True) == "March 2026"
    numbers = figures(output, "2026-03")
    assert numbers["questions"][0] == "6" and numbers["answers"][0] == "2"


def test_held_back_threads_stay_out_of_the_digests(site_copy, tmp_path):
    root = site_copy("periodic")
    post = root / "content" / "posts" / "town-hall.md"
    post.write_text(post.read_text().replace("Date: 2026-03-01 09:00", "Date: 2026-05-01 09:00"))
    output = tmp_path / "out"
    _build(root, output)
    assert not (output / "qa" / "digests" / "2026-w10").exists()
    assert "CANARY" not in "".join(p.read_text(errors="replace")
                                   for p in output.rglob("*") if p.is_file())
    shutil.rmtree(output)
