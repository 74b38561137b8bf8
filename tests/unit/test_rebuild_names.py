"""The digest of the shared context's names a page looked up
(candor_common.rebuild.RebuildState.names_digest), remembered across the pages of a
build by the names and the identity of each value."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from candor_common.rebuild import RebuildState


class Counted:
    """A value of the context that counts how often it is digested."""

    digested = 0

    def __init__(self, text: str) -> None:
        self.text = text

    def __candor_fingerprint__(self) -> Any:
        Counted.digested += 1
        return self.text


def state(tmp_path: Path) -> RebuildState:
    return RebuildState(str(tmp_path / "output"), None, "static", {"SITENAME": "Candor"})


def test_shared_names_are_digested_once_for_every_page(tmp_path, monkeypatch):
    rebuild = state(tmp_path)
    joined = []
    digest_names = rebuild._digest_names
    monkeypatch.setattr(rebuild, "_digest_names",
                        lambda *args: joined.append(args) or digest_names(*args))
    context = {"nav": Counted("nav"), "footer": Counted("footer"), "SITENAME": "Candor"}
    names = ["footer", "nav", "missing"]
    first = rebuild.names_digest(context, names, shared=True)
    # 50,000 question pages look the same names up in the same context: once.
    for _page in range(50):
        assert rebuild.names_digest(context, list(names), shared=True) == first
    assert len(joined) == 1
    # Not shared (a page's own variables, a card's): digested each time, same answer.
    assert rebuild.names_digest(context, names) == first
    assert len(joined) == 2


def test_a_value_replaced_in_the_context_gives_its_own_digest(tmp_path):
    rebuild = state(tmp_path)
    context: dict[str, Any] = {"nav": Counted("nav"), "footer": Counted("footer")}
    names = ["footer", "nav"]
    before = rebuild.names_digest(context, names, shared=True)
    context["nav"] = Counted("another nav")
    after = rebuild.names_digest(context, names, shared=True)
    assert after != before
    assert after == state(tmp_path).names_digest(context, names)  # as a fresh build says
    # An equal value in a new object: the same digest as before.
    context["nav"] = Counted("nav")
    assert rebuild.names_digest(context, names, shared=True) == before
    # A name that goes missing is told apart from any value.
    del context["nav"]
    assert rebuild.names_digest(context, names, shared=True) not in (before, after)


def test_an_opaque_value_makes_no_digest_every_time(tmp_path):
    rebuild = state(tmp_path)
    context = {"nav": Counted("nav"), "thing": object()}  # no state to digest, an address
    assert rebuild.names_digest(context, ["nav", "thing"], shared=True) is None
    assert rebuild.names_digest(context, ["nav", "thing"], shared=True) is None
    assert rebuild.names_digest(context, ["nav"], shared=True) is not None
