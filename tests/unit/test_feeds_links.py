"""Relative links in post HTML become absolute against the post's URL."""

from __future__ import annotations

import pytest

from feeds.links import absolutize_links

BASE = "https://example.org/posts/2024/town-hall/"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<a href="../other/">o</a>', '<a href="https://example.org/posts/2024/other/">o</a>'),
        ('<img src="chart.png" alt="c">',
         '<img src="https://example.org/posts/2024/town-hall/chart.png" alt="c">'),
        ('<a href="/about/">a</a>', '<a href="https://example.org/about/">a</a>'),
        ('<a href="https://other.net/x">x</a>', '<a href="https://other.net/x">x</a>'),
        ('<a href="mailto:ceo@example.org">m</a>', '<a href="mailto:ceo@example.org">m</a>'),
        ('<a href="#fn1">1</a>', f'<a href="{BASE}#fn1">1</a>'),
    ],
)
def test_links_become_absolute(html: str, expected: str) -> None:
    assert absolutize_links(html, BASE) == expected


def test_text_and_siblings_around_links_are_kept() -> None:
    html = 'Lead &amp; text <p>One <a href="a/">A</a> tail</p>\n<p>Two</p> end'
    assert absolutize_links(html, BASE) == (
        'Lead &amp; text <p>One <a href="https://example.org/posts/2024/town-hall/a/">A</a>'
        " tail</p>\n<p>Two</p> end"
    )


def test_srcset_candidates_become_absolute() -> None:
    html = '<img src="a.png" srcset="a.png 1x, ../b.png 2x" alt="">'
    out = absolutize_links(html, BASE)
    assert 'srcset="https://example.org/posts/2024/town-hall/a.png 1x, ' in out
    assert "https://example.org/posts/2024/b.png 2x" in out


@pytest.mark.parametrize("html", ["", "   ", "\n"])
def test_empty_fragment_is_returned_unchanged(html: str) -> None:
    assert absolutize_links(html, BASE) == html


def test_links_with_entities_xml_cannot_carry_do_not_stop_the_build() -> None:
    out = absolutize_links('<a href=" &#14; javascript:alert(1)">x</a>', BASE)
    assert "\x0e" not in out and out.endswith(">x</a>")
