"""Comment text is sanitized by qa_digest's sanitizer and survives the loader unchanged."""

from __future__ import annotations

import pytest

from candor_tools.qa_import.text import (
    display_name,
    from_autop_html,
    from_html,
    from_markdown,
    from_plain,
    normalize,
)
from qa_digest.sanitize import render_reader_markdown


@pytest.mark.parametrize(("convert", "source", "expected"), [
    (from_html, "<p>Hi <script>alert(1)</script><b>there</b></p>", "<p>Hi <b>there</b></p>"),
    (from_html, "Loose *inline* text", "<p>Loose *inline* text</p>"),
    (from_html, '<p><a href="javascript:x()" onclick="y">l</a></p>', "<p><a>l</a></p>"),
    (from_html, "<p>a</p><p>b</p>", "<p>a</p>\n<p>b</p>"),
    (from_autop_html, "One\nline\n\nTwo", "<p>One<br>line</p>\n<p>Two</p>"),
    (from_markdown, "Is **this** ok?\n\n- a\n- b",
     "<p>Is <strong>this</strong> ok?</p>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>"),
    (from_plain, "2 < 3 *not bold*", "<p>2 &lt; 3 *not bold*</p>"),
])
def test_text_is_sanitized_html_the_loader_keeps_as_it_is(convert, source, expected):
    text = convert(source)
    assert text == expected
    assert str(render_reader_markdown(text)).replace(' rel="nofollow noopener ugc"', "") == text


def test_email_phone_and_ip_addresses_are_masked_in_text():
    text = from_html("<p>Mail a.b@fixture-mail.example, call +34 600 123 456, from "
                     "203.0.113.9 or 2001:db8::1 at 10:00:00 on version 1.2.3</p>")
    assert "fixture-mail" not in text and "600 123" not in text
    assert "203.0.113.9" not in text and "2001:db8" not in text
    assert "10:00:00" in text and "1.2.3" in text


def test_characters_yaml_cannot_keep_are_removed():
    assert normalize("a\u2028b\r\nc\x00d\x85e\ufeff  \n") == "a\nb\ncd\ne"


@pytest.mark.parametrize(("name", "policy", "expected"), [
    ("Richard  Crinshaw", "full", "Richard Crinshaw"),
    ("Richard Crinshaw", "initial", "Richard C."),
    ("Richard Crinshaw", "none", ""),
    ("rc@fixture-mail.example", "full", ""),
    ("", "full", ""),
    ("Zoë &amp; Co", "full", "Zoë & Co"),
])
def test_display_names(name, policy, expected):
    assert display_name(name, policy) == expected
