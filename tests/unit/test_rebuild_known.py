"""Whether a rebuild's posts and lists are the last build's
(candor_common.rebuild.RebuildState.known_values, which publishing.parallel asks
before rendering the posts' pages on every core)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from candor_common.rebuild import RebuildState
from tests.unit.test_rebuild_reads import post

NAMES = ("articles", "tags")


class Large:
    """A value of the context outside ``NAMES`` (the Q&A digest, say): counts how often
    it is digested."""

    digested = 0

    def __init__(self, answers: int) -> None:
        self.answers = answers

    def __candor_fingerprint__(self) -> Any:
        Large.digested += 1
        return self.answers


def build(tmp_path: Path, context: dict[str, Any], settings: dict[str, Any]) -> bool:
    """Run one build over the state file in ``tmp_path``; return what it was told."""
    state = RebuildState(str(tmp_path / "output"), tmp_path / "state.json", "static",
                         settings)
    state.load()
    known = state.known_values(context, NAMES)
    # A page given other values under the same names (Pelican hands each period
    # archive its own `dates`) must not make them look changed to the next build.
    state.names_digest({"articles": [], "tags": ["other"]}, NAMES)
    state.save()
    return known


def test_the_same_posts_and_lists_are_known_whatever_else_changed(tmp_path):
    posts = [post("one"), post("two")]
    settings = {"SITENAME": "Candor"}

    def context(answers: int, *extra: Any) -> dict[str, Any]:
        return {"articles": [*posts, *extra], "tags": ["a", "b"], "QA_DIGEST": Large(answers)}

    Large.digested = 0
    assert not build(tmp_path, context(1), settings)  # no last build
    assert build(tmp_path, context(1), settings)
    # An answer changes the Q&A digest, which is not compared, nor digested.
    assert build(tmp_path, context(2), settings)
    assert Large.digested == 0
    # A post added: not known; the build after it is (its values were recorded).
    assert not build(tmp_path, context(2, post("three")), settings)
    assert build(tmp_path, context(2, post("three")), settings)
    # New settings: not known, though every value is; then known again.
    assert not build(tmp_path, context(2, post("three")), {"SITENAME": "Other"})
    assert build(tmp_path, context(2, post("three")), {"SITENAME": "Other"})


def test_a_name_absent_from_the_context_is_left_out(tmp_path):
    settings = {"SITENAME": "Candor"}
    assert not build(tmp_path, {"articles": [post("one")]}, settings)
    assert build(tmp_path, {"articles": [post("one")]}, settings)
    assert not build(tmp_path, {"articles": [post("one")], "tags": ["new"]}, settings)
