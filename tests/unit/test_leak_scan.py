"""The leak scan: fingerprints of held-back text, found in any output format."""

from __future__ import annotations

import gzip
import html
import json
import random
import re
from pathlib import Path

import markdown
from feedgen.feed import FeedGenerator
from hypothesis import given, settings
from hypothesis import strategies as st

from candor_common.textprint import (
    JSON_ESCAPE_RE,
    TAG_RE,
    TYPOGRAPHY,
    fingerprints,
    plain,
    straighten,
)
from candor_tools.leak_scan import qa_fingerprints, scan_for_leaks

SECRET = "We will close the Requena plant in March and move the team to Valencia."  # noqa: S105 - held-back text, not a password


def test_plain_text_ignores_markup_entities_json_escapes_and_typography():
    html = "<p>We won&rsquo;t &ldquo;close&rdquo; it &mdash; not&nbsp;yet.</p>"
    assert plain(html) == "we won't \"close\" it - not yet."
    assert plain(json.dumps("We won’t “close” it — not yet.")[1:-1]) == plain(html)
    assert plain("&lt;p&gt;We won&amp;rsquo;t&lt;/p&gt;") == "we won't"


def test_fingerprints_are_the_long_sentences_only():
    prints = fingerprints(f"<h1>Plan</h1><p>{SECRET} Short one. Thanks!</p>")
    assert prints == {plain(SECRET)}


def write_site(output: Path) -> None:
    (output / "posts").mkdir(parents=True)
    (output / "posts" / "index.html").write_text("<p>Nothing to see.</p>")


def test_a_clean_site_has_no_leaks(tmp_path):
    write_site(tmp_path)
    assert scan_for_leaks(tmp_path, dict.fromkeys(fingerprints(SECRET), "posts/x.md")) == []


def test_leaks_are_found_in_html_feeds_json_and_the_search_index(tmp_path):
    write_site(tmp_path)
    secret = dict.fromkeys(fingerprints(SECRET), "posts/plant.md (draft)")
    curly = SECRET.replace("the Requena", "the “Requena”").replace("“", "").replace("”", "")
    (tmp_path / "a.html").write_text(f"<main><p>{curly.replace(' ', '&nbsp;', 3)}</p></main>")
    feed = FeedGenerator()
    feed.id("https://x.example/")
    feed.title("x")
    feed.link(href="https://x.example/")
    entry = feed.add_entry()
    entry.id("https://x.example/1")
    entry.title("1")
    entry.content(f"<p><em>{SECRET}</em></p>", type="html")
    feed.atom_file(str(tmp_path / "all.atom.xml"))
    (tmp_path / "digest.json").write_text(json.dumps({"text": SECRET}, ensure_ascii=True))
    (tmp_path / "pagefind").mkdir()
    (tmp_path / "pagefind" / "en_1.pf_fragment").write_bytes(
        gzip.compress(json.dumps({"content": SECRET}).encode()))
    found = scan_for_leaks(tmp_path, secret)
    assert found == [f"{name}: publishes text of posts/plant.md (draft)" for name in
                     ("a.html", "all.atom.xml", "digest.json", "pagefind/en_1.pf_fragment")]


def test_removed_q_and_a_entries_and_held_back_threads_are_fingerprinted(tmp_path):
    qa = tmp_path / "qa"
    qa.mkdir()
    (qa / "open.yml").write_text(
        "post: posts/open.md\nquestions:\n"
        "  - id: q1\n    status: removed\n    removal_reason: personal-data\n"
        "    text: |\n      My neighbour Jane Doe lives at 4 Calle Mayor and owes me money.\n"
        "  - id: q2\n    status: pending\n"
        "    text: Is the new storage site going to open before the end of summer?\n"
        "  - id: q3\n    status: removed\n    removal_reason: spam\n"
        "    text: Is the new storage site going to open before the end of summer?\n")
    (qa / "secret.yml").write_text(
        "post: posts/secret.md\nquestions:\n  - id: s1\n    status: answered\n"
        "    text: Why are you selling the company to the competitor next month?\n"
        "    answer:\n      by: ana-ruiz\n      text: Because the board accepted the offer last night.\n")
    found = qa_fingerprints(qa, {"posts/secret.md"})
    assert found == {
        "my neighbour jane doe lives at 4 calle mayor and owes me money.":
            "qa/open.yml (removed entry q1)",
        "why are you selling the company to the competitor next month?":
            "qa/secret.yml (its post is held back)",
        "because the board accepted the offer last night.":
            "qa/secret.yml (its post is held back)",
    }


def test_each_q_and_a_text_is_converted_on_its_own(tmp_path):
    # One converter serves every text; nothing of one text (a link reference, a stashed
    # HTML block) may change how the next is read: the same fingerprints as a new
    # converter per text.
    texts = ["[p]: https://example.com/plan\n\nThe plan for the storage site is on the intranet.",
             "Read [the plan][p] before asking about the Requena plant again, please.",
             "<div>\nA block of raw markup that the converter keeps aside for later.\n</div>",
             "Is the converter keeping the markup of the previous question for later?",
             "*Emphasis* and `code` in a question about the storage site, and [p].",
             "The plan for the storage site is on the intranet."]
    lines = ["questions:"]
    for number, text in enumerate(texts):
        status = "removed" if number % 2 else "pending"
        lines += [f"  - id: q{number}", f"    status: {status}", "    text: |"]
        lines += [f"      {line}" if line else "" for line in text.splitlines()]
    qa = tmp_path / "qa"
    qa.mkdir()
    (qa / "town-hall.yml").write_text("\n".join(lines) + "\n")
    public = set().union(*(fingerprints(markdown.markdown(t)) for t in texts[0::2]))
    expected = {phrase: f"qa/town-hall.yml (removed entry q{number})"
                for number in (1, 3, 5) for phrase in fingerprints(markdown.markdown(texts[number]))
                if phrase not in public}
    assert "read [the plan][p] before asking about the requena plant again, please." in expected
    assert qa_fingerprints(qa, set()) == expected


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["plant", "close", "the", "we", "march", "team", "move"]),
                min_size=0, max_size=40),
       st.lists(st.lists(st.sampled_from(["plant", "close", "the", "we", "march", "team"]),
                         min_size=2, max_size=6), min_size=1, max_size=8))
def test_one_pass_finds_exactly_what_a_search_for_each_phrase_finds(words, phrases):
    import tempfile

    secret = {" ".join(p): f"source-{i}" for i, p in enumerate(phrases)}
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder)
        (output / "page.html").write_text(f"<p>{' '.join(words)}</p>", encoding="utf-8")
        found = scan_for_leaks(output, secret)
    flat = plain(" ".join(words))
    expected = sorted({label for phrase, label in secret.items() if phrase in flat})
    assert found == [f"page.html: publishes text of {label}" for label in expected]


def test_overlapping_phrases_in_one_file_are_each_reported(tmp_path):
    (tmp_path / "index.html").write_text("<p>one two three four five six seven</p>")
    secret = {"one two three four five six": "a.md (draft)",
              "two three four five six seven": "b.md (embargoed)"}
    assert scan_for_leaks(tmp_path, secret) == [
        "index.html: publishes text of a.md (draft)",
        "index.html: publishes text of b.md (embargoed)"]


def test_typography_is_straightened_as_the_translation_table_would():
    table = str.maketrans(TYPOGRAPHY)
    rng = random.Random(5)  # noqa: S311 (test data)
    alphabet = [*TYPOGRAPHY, *"'\"-. a", "é", "\u2009"]
    texts = ["“Quoted” — and ‘single’… «guillemets»\u00a0here – done."]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
              for _ in range(5000)]
    for text in texts:
        assert straighten(text) == text.translate(table), text
    assert straighten(texts[0]) == "\"Quoted\" - and 'single'... \"guillemets\" here - done."


def test_white_space_is_collapsed_as_the_pattern_would():
    # plain() joins str.split()'s words; the pattern it replaced was \s+ then strip().
    spaces = [chr(code) for code in range(0x110000) if chr(code).isspace()]
    assert [chr(code) for code in range(0x110000) if re.match(r"\s", chr(code))] == spaces
    rng = random.Random(9)  # noqa: S311 (test data)
    alphabet = [*spaces, *"ab.<>&;", "é", "\u200b"]  # \u200b: not white space
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        assert plain(text) == plain_by_pattern(text), repr(text)


def plain_by_pattern(text: str) -> str:
    """plain() as it was, with the white-space pattern."""
    text = JSON_ESCAPE_RE.sub(lambda m: chr(int(m.group(1), 16)), text)
    text = text.replace('\\"', '"').replace("\\/", "/").replace("\\n", " ")
    for _ in range(2):
        text = TAG_RE.sub(" ", html.unescape(text))
    return re.sub(r"\s+", " ", straighten(text)).strip().casefold()
