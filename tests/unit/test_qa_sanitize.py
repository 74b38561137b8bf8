import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from qa_digest.sanitize import (
    ALLOWED_TAGS,
    clean_html,
    mask_personal_data,
    render_reader_markdown,
)

VECTORS = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<svg><animate onbegin=alert(1) attributeName=x></svg>',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    '<xmp><img src=x onerror=alert(1)></xmp>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<form><button formaction=javascript:alert(1)>x</button></form>',
    '<base href="https://evil.example/">',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<p style="background:url(javascript:alert(1))">x</p>',
    '[click](javascript:alert(1))',
]


@pytest.mark.parametrize("vector", VECTORS)
def test_hostile_markup_loses_everything_executable(vector):
    tree = BeautifulSoup(str(render_reader_markdown(vector)), "html.parser")
    for tag in tree.find_all(True):
        assert tag.name in ALLOWED_TAGS, tag
        for name, value in tag.attrs.items():
            assert name in {"href", "title", "rel"}, tag
            if name == "href":
                assert value.lower().startswith(("http:", "https:", "mailto:")), tag


def test_safe_markdown_survives_with_reader_link_rel():
    html = str(render_reader_markdown("**Bold** and [a link](https://example.org/x)"))
    assert "<strong>Bold</strong>" in html
    assert 'href="https://example.org/x"' in html
    assert 'rel="nofollow noopener ugc"' in html


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*"<>/=\"' abcxyz&;:!-", "<a ", "<script>", "<p>", "</p>",
                                 "href=", "javascript:", "<img ", "onerror=", "<svg>",
                                 "<math>", "<!--", "-->", "<b>", "</b>"]),
                max_size=40).map("".join))
def test_cleaning_is_idempotent(text):
    once = clean_html(text)
    assert clean_html(once) == once


@pytest.mark.parametrize(("text", "expected"), [
    ("mail me at jo.doe+qa@mail.example.org now", "mail me at [email removed] now"),
    ("call +34 612 345 678 today", "call [phone removed] today"),
    ("call (020) 7946-0958", "call [phone removed]"),
    ("revenue was 229,700,000 in 2025", "revenue was 229,700,000 in 2025"),
    ("on 2026-03-02 at 09:30", "on 2026-03-02 at 09:30"),
    ("Yes for 2026. 2027 depends on the grid.", "Yes for 2026. 2027 depends on the grid."),
    ("ring 612345678", "ring [phone removed]"),
    ("at 2026-03-10 10:00 in Valencia", "at 2026-03-10 10:00 in Valencia"),
    ("Revenue 2024 2025 2026 grew", "Revenue 2024 2025 2026 grew"),
])
def test_personal_data_in_text_is_masked(text, expected):
    assert mask_personal_data(text) == expected
