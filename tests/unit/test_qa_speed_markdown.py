"""Reader Markdown converted without the inline patterns a text cannot match
(qa_digest.sanitize.markdown_for) gives the HTML of the converter with every pattern."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qa_digest.sanitize import INLINE_TRIGGERS, markdown_for, new_markdown

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
