"""checker.indented_json writes exactly what json.dumps(value, indent=2, ensure_ascii=False) writes: reports stay
byte-identical whichever encoder wrote them."""
from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.indented_json import dumps
from checker.load import Mapping


def reference(value) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False)


SCALAR = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text())
KEY = st.one_of(st.text(), st.integers(), st.booleans(), st.none(), st.floats(allow_nan=False))
VALUE = st.recursive(SCALAR, lambda inner: st.one_of(
    st.lists(inner), st.tuples(inner), st.dictionaries(st.text(), inner), st.dictionaries(KEY, inner)), max_leaves=40)


@settings(max_examples=400, deadline=None)
@given(VALUE)
def test_any_json_value_is_written_as_json_dumps_writes_it(value):
    assert dumps(value) == reference(value)


def test_the_report_shapes_and_the_awkward_cases():
    mapping = Mapping({"kept": 1})
    for value in [
        {"summary": {"facts": 2, "ok": True}, "facts": [{"id": "a", "spans": [], "found_in": None, "score": 99.5,
                                                        "quote": "“Curly” – é\u00a0\n\t\"\\ \x1b \u2028 \ud800 日本"}],
         "errors": [], "empty": {}},
        [float("nan"), float("inf"), -float("inf"), -0.0, 1e300, 5e-324, 10**40, -7],
        {7: "int key", 2.5: "float key", True: "bool key", None: "null key"},
        {"a": (1, 2), "b": mapping, "c": [[[[[]]]]], "d": {"e": {"f": {}}}},
        "just a string", 3, None, [], {},
    ]:
        assert dumps(value) == reference(value)


def test_deep_nesting_past_the_precomputed_indents_and_refusals_are_json_dumps_own():
    deep: list = []
    for level in range(150):
        deep = [1, deep] if level % 2 else [{"k": deep, "n": None}]
    assert dumps(deep) == reference(deep)
    for refused in ({"x": object()}, {("a", "tuple"): 1}):
        try:
            reference(refused)
        except TypeError as expected:
            try:
                dumps(refused)
            except TypeError as raised:
                assert str(raised) == str(expected)
            else:
                raise AssertionError("dumps accepted what json.dumps refuses")
