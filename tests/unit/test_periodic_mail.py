"""E-mail HTML: self-contained, inline styles, links only to the site."""

from __future__ import annotations

import pytest
from qa_periodic.mail import EmailError, check_email, email_fragment, email_problems

SITE = "https://site.example"


def test_fragment_keeps_site_links_absolute_and_turns_other_links_into_text():
    html = ('<p>See <a href="https://elsewhere.example/x" rel="nofollow">there</a>, '
            '<a href="/posts/a/">our post</a> and <a href="mailto:x@y.example">mail</a>.</p>')
    out = str(email_fragment(html, SITE))
    assert "elsewhere.example" not in out and "mailto" not in out
    assert "there" in out and "mail" in out
    assert f'href="{SITE}/posts/a/"' in out
    assert 'style="' in out and "nofollow" not in out


def test_fragment_drops_anything_that_loads():
    out = str(email_fragment('<p>a<img src="https://t.example/p.gif">b</p>', SITE))
    assert "img" not in out and "src" not in out and "ab" in out


@pytest.mark.parametrize("bad", [
    "<script>alert(1)</script>", '<link rel="stylesheet" href="https://site.example/a.css">',
    "<style>p{}</style>", '<img src="https://site.example/a.png">',
    '<a href="https://evil.example/">x</a>', '<p onclick="x()">x</p>',
    '<a href="https://site.example.evil/">x</a>'])
def test_the_final_check_refuses_what_an_email_must_not_carry(bad):
    document = f'<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>{bad}</body></html>'
    assert email_problems(document, SITE)
    with pytest.raises(EmailError, match=r"digests/x/email\.htm: e-mail:"):
        check_email(document, SITE, "digests/x/email.htm")


def test_the_final_check_accepts_a_clean_document():
    document = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title></head>'
                f'<body style="margin:0"><a href="{SITE}/qa/">x</a></body></html>')
    assert email_problems(document, SITE) == []
