"""qa_digest.jsontext.dumps writes exactly what json.dumps(..., ensure_ascii=False) writes."""

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
    assert jsontext.dumps(data, indent=indent) == json.dumps(data, ensure_ascii=False,
                                                             indent=indent)


@pytest.mark.parametrize("data", [
    {"when": dt.date(2026, 1, 2)}, [object()], {("a", "b"): 1}, {"s": {1, 2}},
])
def test_what_json_refuses_is_refused_the_same_way(data):
    with pytest.raises(TypeError) as expected:
        json.dumps(data, ensure_ascii=False, indent=1)
    with pytest.raises(TypeError) as got:
        jsontext.dumps(data, indent=1)
    assert str(got.value) == str(expected.value)


def test_a_cycle_is_reported_as_json_reports_it():
    data: list[object] = []
    data.append(data)
    with pytest.raises(ValueError, match="Circular reference"):
        jsontext.dumps(data, indent=1)
