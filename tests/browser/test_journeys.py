"""What readers do on the sample site, click by click, in Chromium.

Every journey also requires a clean page: no console error, no failed request,
no request to another host and no CSP violation (see support.browse).
"""

from __future__ import annotations

import pytest

from tests.browser.support import Site, browse


def follow(tab, selector: str) -> str:
    """Click the first link matching ``selector``; return its text."""
    link = tab.page.locator(selector).first
    text = link.inner_text().strip()
    with tab.page.expect_navigation():
        link.click()
    return text


def test_home_post_author_tag(browser, sample: Site):
    with browse(browser, sample) as tab:
        tab.visit("/")
        title = follow(tab, ".card__title a")
        assert tab.page.locator("h1.post__title").inner_text().strip() == title
        author = follow(tab, ".byline__name")
        assert "page-author" in tab.page.locator("body").get_attribute("class")
        assert tab.page.locator("h1").inner_text().strip() == author
        # Open the author's posts until one has tags, then follow its first tag.
        for index in range(tab.page.locator(".card__title a").count()):
            tab.page.locator(".card__title a").nth(index).click()
            tab.page.wait_for_load_state()
            if tab.page.locator("a.tag").count():
                break
            tab.page.go_back()
        post_title = tab.page.locator("h1.post__title").inner_text().strip()
        tag = follow(tab, "a.tag")
        assert "page-tag" in tab.page.locator("body").get_attribute("class")
        assert tag in tab.page.locator("h1").inner_text()
        listed = [t.strip() for t in tab.page.locator(".card__title a").all_inner_texts()]
        assert post_title in listed
        assert tab.take_problems() == []


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_qa_hub_session_status_filter_question(browser, sample: Site, javascript: bool):
    with browse(browser, sample, javascript=javascript) as tab:
        tab.visit("/")
        follow(tab, "nav.site-nav a[href$='/qa/']")
        assert "page-qa-hub" in tab.page.locator("body").get_attribute("class")
        session = tab.page.locator(".qa-thread", has_text="Town hall session").first
        session_title = session.locator(".qa-thread__title a").inner_text().strip()
        with tab.page.expect_navigation():
            session.locator(".qa-thread__title a").click()
        assert tab.page.locator("h1").inner_text().strip() == session_title
        all_count = tab.page.locator(".qa-q").count()
        follow(tab, ".qa-filter__link--answered")
        current = tab.page.locator(".qa-filter__link[aria-current='page']")
        assert "qa-filter__link--answered" in current.get_attribute("class")
        statuses = tab.page.locator(".qa-list .qa-q").evaluate_all(
            "cards => cards.map(card => card.className)")
        assert statuses and all("qa-q--answered" in s for s in statuses), statuses
        assert tab.page.locator(".qa-q").count() <= all_count
        first = tab.page.locator(".qa-list .qa-q").first
        asker = first.locator(".qa-q__from").inner_text().strip()
        follow(tab, ".qa-list .qa-q .qa-q__share a")
        assert "page-qa-question" in tab.page.locator("body").get_attribute("class")
        assert tab.page.locator("h1").inner_text().strip() == asker
        assert tab.page.locator("#answer").is_visible()
        assert tab.take_problems() == []


def test_subscribe_page_lists_feeds_that_exist(browser, sample: Site):
    with browse(browser, sample) as tab:
        tab.visit("/")
        follow(tab, "nav.site-nav a[href$='/subscribe/']")
        links = tab.page.locator("a.feed-table__link").evaluate_all(
            "links => links.map(link => link.href)")
        assert len(links) > 5
        for href in links[:3] + links[-3:]:
            response = tab.page.request.get(href)
            assert response.status == 200, href
            assert "<feed" in response.text() or "<rss" in response.text()
        assert tab.take_problems() == []
