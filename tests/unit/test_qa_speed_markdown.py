"""Reader Markdown converted without the inline patterns a text cannot match
(qa_digest.sanitize.markdown_for) gives the HTML of the converter with every pattern;
plain paragraphs turned into HTML without Markdown (plain_paragraphs) give Markdown's."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qa_digest import sanitize
from qa_digest.sanitize import (
    INLINE_TRIGGERS,
    clean_html,
    markdown_for,
    new_markdown,
    plain_paragraphs,
    render_reader_markdown,
)

# Texts that use each pattern, or come close to it without its trigger.
CASES = [
    "Plain question: what happens next year?",
    "Two paragraphs.\n\nThe second one, longer, with a comma.",
    "Question 12: how will the plan affect *team 2* and the [budget](https://example.org/b)?",
    "A response that names the **reason** and the _next_ step.",
    "Code `x = 1` and ``a ` b``, an escaped \\*star\\* and \\[bracket].",
    "An image ![alt](https://example.org/a.png) and a reference [x][1].\n\n[1]: https://example.org",
    "Short [ref] and ![short image]\n\n[ref]: https://example.org\n[short image]: /i.png",
    "Autolink <https://example.org> and mail <me@example.org>, inline <b>html</b> <!-- c -->.",
    "Entities &amp; &#38; &#x26; and a lone & ampersand.",
    "A line break  \nhere, a tab\tthere, and\r\nWindows lines\rold Mac lines.",
    "Trailing two spaces at the end  ",
    "tab\n\tindented code\n\nnext",
    "- a list\n- with *emphasis*\n\n1. and numbers\n2. two",
    "> quoted [link](https://example.org)\n> and more",
    "Heading\n=======\n\n# Another\n\n---\n\n    code block with *stars*",
    "snake_case_words and 2*3*4 and a * lone star and _ lone underscore",
    "Exclamation! And [brackets] without a link.",
    "<div>\nblock html\n</div>\n\nafter",
    "",
    "   ",
]

MARKDOWNISH = st.text(alphabet=st.sampled_from(list("ab1 .:!*_`\\[]()<>&#=-+>/\t\r\n\"'@")),
                      max_size=80)


def full(text: str) -> str:
    converter = new_markdown()
    return converter.convert(text)


def pruned(text: str) -> str:
    converter = markdown_for(text)
    converter.reset()
    return converter.convert(text)


@pytest.mark.parametrize("text", CASES)
def test_the_pruned_converter_writes_the_same_html(text):
    assert pruned(text) == full(text)


@given(MARKDOWNISH)
@settings(max_examples=600, deadline=None)
def test_any_text_gets_the_same_html(text):
    assert pruned(text) == full(text)


@given(st.lists(MARKDOWNISH, min_size=2, max_size=6))
@settings(max_examples=100, deadline=None)
def test_a_converter_reused_for_many_texts_keeps_no_state(texts):
    assert [pruned(text) for text in texts] == [full(text) for text in texts]


def test_a_plain_text_is_converted_without_the_patterns_it_cannot_use():
    every = set(new_markdown().inlinePatterns._data)
    assert set(INLINE_TRIGGERS) <= every  # the names still exist in this Markdown
    plain = set(markdown_for("What happens next year?").inlinePatterns._data)
    assert plain == every - set(INLINE_TRIGGERS)
    linked = set(markdown_for("*a* [b](c)").inlinePatterns._data)
    assert {"em_strong", "link", "reference"} <= linked
    assert "html" not in linked and "backtick" not in linked


# Readers' prose: what most questions and answers are.
PLAIN_CASES = [
    "What's the plan for remote work next year? Several of us asked in March.",
    "First paragraph, with a comma; a colon: and a question?\n\nSecond one. Thanks!",
    "Lines kept\nas they are\nin one paragraph.\n\n\n\nAfter three blank lines.",
    '"Quoted" start, then (brackets) and \u2018curly\u2019 quotes \u201cand\u201d dashes \u2013 \u2014 too.',
    "\u00abGuillemets\u00bb, \u00bfpreguntas? \u00a1S\u00ed! Caf\u00e9, na\u00efve, \u4e2d\u6587, \u0639\u0631\u0628\u064a.",
    "A link as text: https://example.org/a-b?c=d#e and 50% of $3 = 1.5 + 1.5 / 2 - 0.",
    "Line one\n   \nafter a line of spaces, # not a heading, 1. not a list.",
    "Ends with a blank line\n\n",
]

# Pieces that put Markdown's block and line rules to the test.
PIECES = st.sampled_from([
    "a", "Word", "\u00e9", "\u4e2d", "1", "2026", ".", ",", "?", "!", ":", "'", '"', "(", ")",
    "#", "-", "+", "=", "/", "%", "|", "~", "{", "}", "^", "@", "\u2019", "\u00ab",
    " ", "  ", "    ", "\n", "\n\n", "\n  \n", "\n    ", "1. ", "- ", "+ ", "# ", "> ",
    "---", "===", "\u00a0", "\u3000", "\u2028", "\x0c", "\x0b", "\x85", "\x00", "\x7f",
    "\ufeff", "a. ", "b) ", "http://x.example/y", "*", "_", "`", "[", "]", "<", "&", "\t", "\r",
])


@pytest.mark.parametrize("text", PLAIN_CASES)
def test_prose_is_turned_into_paragraphs_without_markdown_and_the_same_html(text):
    assert plain_paragraphs(text) == full(text)
    assert str(render_reader_markdown(text)) == clean_html(full(text))


# Next to plain: a line of spaces first (a code block), trailing spaces (a line
# break, or not), white space Markdown does not call blank, lines that start blocks.
NEAR_PLAIN = [
    "    \nafter spaces", "  \nab", "ab  \ncd", "ab \ncd", "ab\n\u3000\ncd", "ab\n \ncd",
    "\n\n    \nab", "1. ab", "ab\n1. cd", "ab\n- cd", "ab\n===", "ab\n---", "# ab",
    "ab\n# cd", "ab\n> cd", "ab\n    cd", "ab\n\tcd", "ab\n\x0ccd", "ab\n\u00a0cd",
    # one of each character that makes a text not plain, in an otherwise plain line
    "ab *cd* ef", "ab _cd_ ef", "ab `cd` ef", "ab \\*cd", "ab [cd](https://x.example) ef",
    "ab <b>cd</b>", "ab &amp; cd", "ab & cd", "ab > cd", "ab < cd", "ab\tcd", "ab\rcd",
    "ab\r\ncd",
]


@pytest.mark.parametrize("text", CASES + NEAR_PLAIN)
def test_markdown_is_left_to_markdown_or_gets_its_html(text):
    made = plain_paragraphs(text)
    assert made is None or made == full(text)


@given(st.lists(PIECES, max_size=40).map("".join))
@settings(max_examples=3000, deadline=None)
def test_any_text_is_plain_with_markdowns_html_or_not_plain(text):
    made = plain_paragraphs(text)
    assert made is None or made == full(text)


def test_prose_is_not_converted_by_markdown_and_markdown_is(monkeypatch):
    calls: list[str] = []

    def converter_for(text: str):
        calls.append(text)
        return markdown_for(text)

    monkeypatch.setattr(sanitize, "markdown_for", converter_for)
    for text in PLAIN_CASES:
        render_reader_markdown(text)
    assert calls == []
    render_reader_markdown(CASES[2])
    assert calls == [CASES[2]]
