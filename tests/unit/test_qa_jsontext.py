"""qa_digest.jsontext.chunks writes exactly what json.dumps(..., ensure_ascii=False) writes."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qa_digest import jsontext

KEYS = st.one_of(st.text(), st.integers(), st.floats(allow_nan=True), st.booleans(), st.none())
LEAVES = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                   st.text())
DATA = st.recursive(LEAVES, lambda inner: st.one_of(
    st.lists(inner, max_size=5), st.lists(inner, max_size=3).map(tuple),
    st.dictionaries(KEYS, inner, max_size=5)), max_leaves=30)


@given(DATA, st.sampled_from([0, 1, 2]))
def test_any_json_value_is_written_as_json_dumps_writes_it(data, indent):
    assert "".join(jsontext.chunks(data, indent, depth=0)) == json.dumps(
        data, ensure_ascii=False, indent=indent)


@pytest.mark.parametrize("data", [
    {"when": dt.date(2026, 1, 2)}, [object()], {("a", "b"): 1}, {"s": {1, 2}},
])
def test_what_json_refuses_is_refused_the_same_way(data):
    with pytest.raises(TypeError) as expected:
        json.dumps(data, ensure_ascii=False, indent=1)
    with pytest.raises(TypeError) as got:
        "".join(jsontext.chunks(data, 1, depth=0))
    assert str(got.value) == str(expected.value)


def test_a_cycle_is_reported_as_json_reports_it():
    data: list[object] = []
    data.append(data)
    with pytest.raises(ValueError, match="Circular reference"):
        "".join(jsontext.chunks(data, 1, depth=0))


@given(DATA, st.sampled_from([0, 1, 2]), st.integers(min_value=0, max_value=4))
def test_the_text_in_pieces_is_json_dumps_text_at_any_depth(data, indent, depth):
    assert "".join(jsontext.chunks(data, indent, depth)) == json.dumps(
        data, ensure_ascii=False, indent=indent)


def test_items_made_one_at_a_time_are_written_as_a_list_and_never_held():
    made: list[int] = []

    def records(count):
        for number in range(count):
            made.append(number)
            yield {"id": number, "tags": ["a"]}

    pieces = jsontext.chunks({"threads": ({"questions": records(n)} for n in (2, 0))},
                             indent=1, depth=4)
    first = [next(pieces) for _ in range(7)]
    assert "".join(first).endswith('"id": 0,\n     "tags": [\n      "a"\n     ]\n    }')
    assert made == [0]  # the second record is not made before the first is given
    expected = {"threads": [{"questions": [{"id": 0, "tags": ["a"]},
                                           {"id": 1, "tags": ["a"]}]}, {"questions": []}]}
    assert "".join(first + list(pieces)) == json.dumps(expected, indent=1)


@pytest.mark.parametrize("data", [
    {"when": dt.date(2026, 1, 2)}, [object()], {("a", "b"): 1}, {"s": {1, 2}},
    {"deep": [{"when": dt.date(2026, 1, 2)}]}, [{("a", "b"): 1}],
])
def test_what_json_refuses_in_pieces_is_refused_the_same_way(data):
    with pytest.raises(TypeError) as expected:
        json.dumps(data, ensure_ascii=False, indent=1)
    with pytest.raises(TypeError) as got:
        "".join(jsontext.chunks(data, indent=1, depth=2))
    assert str(got.value) == str(expected.value)


def test_a_cycle_in_pieces_is_reported_as_json_reports_it():
    data: list[object] = []
    data.append({"again": data})
    with pytest.raises(ValueError, match="Circular reference"):
        "".join(jsontext.chunks(data, indent=1, depth=5))
