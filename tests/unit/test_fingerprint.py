"""Digests of what a page is made from (candor_common.fingerprint)."""

from __future__ import annotations

import collections
import copy
import datetime as dt
import enum
import gc
import threading
import weakref
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from markupsafe import Markup
from pelican.contents import Article
from pelican.settings import DEFAULT_CONFIG

from candor_common.fingerprint import Fingerprinter


def digest(value: object) -> bytes | None:
    return Fingerprinter().digest(value)


@dataclass(frozen=True)
class Card:
    title: str
    votes: int


def test_equal_values_give_equal_digests_and_any_difference_shows():
    base = {"title": "Hi", "when": dt.date(2026, 1, 2), "cards": [Card("a", 1)], "n": 1.5}
    assert digest(base) == digest(dict(base))
    for changed in ({**base, "title": "Ho"}, {**base, "when": dt.date(2026, 1, 3)},
                    {**base, "cards": [Card("a", 2)]}, {**base, "n": 1.25}):
        assert digest(changed) != digest(base)
    assert digest(Markup("<b>x</b>")) == digest("<b>x</b>")
    assert digest(1) != digest("1") != digest(True)


def test_order_counts_where_a_template_would_show_it():
    assert digest({"a": 1, "b": 2}) != digest({"b": 2, "a": 1})
    assert digest([1, 2]) != digest([2, 1])
    assert digest({1, 2}) == digest({2, 1})


def test_functions_are_digested_by_their_code_and_closure():
    def make(word: str):
        return lambda: word
    assert digest(make("a")) == digest(make("a"))
    assert digest(make("a")) != digest(make("b"))
    assert digest(lambda: 1) != digest(lambda: 2)


def test_what_cannot_be_seen_into_makes_no_digest():
    assert digest({"lock": threading.Lock()}) is None
    assert digest([iter([1])]) is None


def test_cycles_end():
    @dataclass
    class Node:
        name: str
        other: object = None
    first, second = Node("a"), Node("b")
    first.other, second.other = second, first
    assert digest(first) is not None


def test_a_declared_fingerprint_replaces_the_object():
    class Helper:
        def __init__(self, data: str) -> None:
            self.data = data
            self.lock = threading.Lock()

        def __candor_fingerprint__(self) -> str:
            return self.data
    assert digest(Helper("x")) == digest(Helper("x"))
    assert digest(Helper("x")) != digest(Helper("y"))


def test_a_helper_with_a_declared_fingerprint_is_not_kept_alive():
    # A page's cards hold their renderer and every card it made: the build's
    # fingerprinter must let them go once the page is written.
    class Helper:
        def __init__(self, data: str) -> None:
            self.data = data

        def __candor_fingerprint__(self) -> str:
            return self.data
    fingerprints = Fingerprinter()
    helper = Helper("x")
    gone = weakref.ref(helper)
    first = fingerprints.digest(helper)
    del helper
    gc.collect()
    assert gone() is None
    assert fingerprints.digest(Helper("x")) == first


def article(body: str, title: str) -> Article:
    settings = {**copy.deepcopy(DEFAULT_CONFIG), "PATH": "/site"}
    return Article(body, {"title": title, "date": dt.datetime(2026, 1, 1, tzinfo=dt.UTC)},
                   settings=settings, source_path="/site/posts/a.md")


def test_a_post_is_referenced_by_identity_and_its_attributes_digested_without_its_body():
    first, second = Fingerprinter(), Fingerprinter()
    assert first.digest([article("<p>one</p>", "T")]) == second.digest(
        [article("<p>two</p>", "T")])
    one, two = article("<p>one</p>", "T"), article("<p>two</p>", "T")
    # The body is tracked per page, not in the post's attributes.
    assert first.post_digest(one) == second.post_digest(two)
    assert Fingerprinter().post_digest(article("<p>one</p>", "Another title")) \
        != first.post_digest(one)


def test_short_values_kept_as_themselves_never_collide_with_others():
    # Short leaves are encoded as their bytes, long ones hashed, containers hashed:
    # every boundary between the forms must still tell values apart.
    values = [["ab"], ["a", "b"], ["a", ["b"]], "a" * 64, "a" * 65, ["a" * 64], ["a" * 65],
              [b"s" + b"a" * 16], {"a": "b"}, {"ab": ""}, [("a", "b")], ["a", "b", ""],
              1, "1", 1.0, None, "None", b"x", "x", [["x"] * 20], [["x"] * 21], "é" * 40]
    digests = [digest(value) for value in values]
    assert len(set(digests)) == len(values)
    assert all(len(d) == 16 for d in digests if d is not None)
    assert digest("a" * 65) == digest("a" * 65)
    long_part = ["x" * 300, "y"]  # a part longer than one length byte says
    assert digest(long_part) != digest(["x" * 300 + "y"]) != digest(["x" * 299, "xy"])


def test_a_value_is_encoded_by_its_type_whatever_type_came_first():
    # How a value is encoded is worked out once per type: a subclass takes the first
    # kind it is, in the documented order (a text enum is text, a number enum a
    # number, a bool not a number, a subclass of int an object), and no type's
    # encoding leaks into another's.
    class Word(enum.StrEnum):
        YES = "yes"

    class Count(enum.IntEnum):
        ONE = 1
        TWO = 2

    class Tally(int):
        pass

    Pair = collections.namedtuple("Pair", "a b")
    fresh = Fingerprinter()
    assert fresh.digest(Word.YES) == digest("yes") == digest(Markup("yes"))
    assert fresh.digest(Count.TWO) == digest(Count.TWO) != digest(2)  # by its repr
    assert digest(Count.ONE) != digest(Count.TWO)
    assert digest(True) != digest(1) and digest(True) != digest("True")
    assert digest(Tally(2)) != digest(2)
    assert digest(Pair(1, 2)) == digest((1, 2)) == digest([1, 2])
    assert digest(collections.OrderedDict(a=1)) == digest({"a": 1})
    assert digest(dt.datetime(2026, 1, 2)) != digest(dt.date(2026, 1, 2))
    assert digest(frozenset({"a"})) == digest({"a"}) != digest(["a"])
    assert digest(PurePosixPath("a/b")) != digest("a/b")
    assert digest(int) != digest(str) and digest(len) != digest(repr)


@dataclass(frozen=True, slots=True)
class Placed:
    text: str
    line: int = field(default=0, metadata={"fingerprint": False})


def test_a_dataclass_is_digested_by_its_shown_fields_in_order():
    assert digest(Placed("a", 3)) == digest(Placed("a", 9))  # where it is: not shown
    assert digest(Placed("a")) != digest(Placed("b"))
    assert digest(Placed("a")) != digest(Card("a", 0)) != digest({"text": "a"})
    assert digest(Card("a", 1)) != digest(Card("1", 0))
