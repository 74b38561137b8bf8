"""Questions are written in the documented layout, and every value reads back unchanged."""

from __future__ import annotations

import pytest
import yaml

from candor_tools.qa_import.render import Answer, NewQuestion, new_post_file, scalar


@pytest.mark.parametrize("value", ["Lee K.", "yes", "Letzter :/", "#1 fan", "- dash",
                                   "@ana", "O'Brien", "123", "null", "Zoë", "a: b", "'q'",
                                   "two  spaces", "[x]"])
def test_scalars_read_back_as_the_same_string(value):
    assert yaml.safe_load(f"k: {scalar(value)}")["k"] == value


def test_a_new_file_reads_back_with_every_field():
    question = NewQuestion("disqus-5", "2026-04-21 10:15", "disqus", "<p>a</p>\n\n<p>#b</p>",
                           "yes", 4, Answer("ana-ruiz", "2026-04-22 12:00", "<p>No.</p>"))
    text = new_post_file("posts/plain.md", [question])
    assert text == new_post_file("posts/plain.md", [question])
    data = yaml.safe_load(text)
    assert data["post"] == "posts/plain.md"
    [entry] = data["questions"]
    assert entry == {"id": "disqus-5", "kind": "question", "asked_by": "yes",
                     "asked_at": "2026-04-21 10:15", "source": "disqus", "votes": 4, "text": "<p>a</p>\n\n<p>#b</p>\n",
                     "status": "answered", "answer": {
                         "by": "ana-ruiz", "at": "2026-04-22 12:00", "text": "<p>No.</p>\n"}}
    assert "  - id: disqus-5\n    kind: question\n    asked_by: 'yes'\n" in text
