"""checker.load_cache: a fact file whose bytes, name, limits and checker are unchanged is not parsed again; what is
read back is the same data with the same position on every mapping, key, value and item, so every message keeps its
file:line; an edited file, or a damaged or planted entry, is parsed anew."""
from __future__ import annotations

import json

import pytest

import checker.load_cache
from checker.cache import Cache
from checker.config import load_config
from checker.limits import Limits
from checker.load import Mapping, Sequence, load_file
from checker.load_cache import LOADED, cached_loader, loaded_from_json, loaded_to_json
from checker.run import prepare
from tests.helpers import GOOD_FACT, files_passed_to, make_project

RICH = """\
entity_kinds: [ship]
entities:
  - id: usman-khan
    kind: person
    names: ["Usman Khan", {alias: "U. K."}]
facts:
""" + GOOD_FACT + """\
  - id: numbers
    claim: "Ages, flags and nothing"
    about: usman-khan
    property: age
    value: {quantity: 28, unit: years, note: ~, exact: true, share: -0.5, big: 12345678901234567890}
    1: "a key that is a number"
    citations:
      - source: 000_12e6b7cc27e0264f.txt
        quote: "two minutes before"
        lines: [1, 3]
    tags: &shared [a, b]
    again: *shared
"""

BROKEN = "facts:\n  - id: a\n    claim: [unclosed\n"


def same(a, b) -> bool:
    """Equal data with equal positions everywhere (dict equality alone ignores where a value stood)."""
    if isinstance(a, Mapping):
        return (type(b) is Mapping and (a.file, a.line, a.column) == (b.file, b.line, b.column)
                and a.key_positions == b.key_positions and a.value_positions == b.value_positions
                and list(a) == list(b) and all(same(a[key], b[key]) for key in a))
    if isinstance(a, Sequence):
        return (type(b) is Sequence and (a.file, a.line, a.column, a.item_positions) == (b.file, b.line, b.column,
                                                                                            b.item_positions)
                and len(a) == len(b) and all(same(x, y) for x, y in zip(a, b)))
    return type(a) is type(b) and a == b


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path / "p", {"facts/a.yaml": RICH, "facts/broken.yaml": BROKEN})


def test_an_unchanged_file_is_read_back_with_every_position(project, monkeypatch):
    parsed = files_passed_to(monkeypatch, checker.load_cache, "load_bytes")
    load = cached_loader(Cache(project))
    path = project / "facts/a.yaml"
    first = load(path, "facts/a.yaml")
    again = load(path, "facts/a.yaml")
    assert parsed == ["facts/a.yaml"]  # the second time from the cache
    fresh = load_file(path, "facts/a.yaml")
    assert same(fresh.data, first.data) and same(fresh.data, again.data)
    assert again.digest == fresh.digest and again.problems == [] and again.file == "facts/a.yaml"
    numbers = again.data["facts"][1]
    assert numbers["value"]["big"] == 12345678901234567890 and numbers["value"]["note"] is None
    assert numbers[1] == "a key that is a number" and numbers["again"] == ["a", "b"]


def test_a_file_that_is_no_yaml_keeps_its_error_at_its_line(project, monkeypatch):
    parsed = files_passed_to(monkeypatch, checker.load_cache, "load_bytes")
    load = cached_loader(Cache(project))
    first = [str(p) for p in load(project / "facts/broken.yaml", "facts/broken.yaml").problems]
    again = [str(p) for p in load(project / "facts/broken.yaml", "facts/broken.yaml").problems]
    assert again == first == [str(p) for p in load_file(project / "facts/broken.yaml", "facts/broken.yaml").problems]
    assert first[0].startswith("facts/broken.yaml:4:") and parsed == ["facts/broken.yaml"]


def test_an_edited_file_another_name_or_other_limits_are_parsed_anew(project, monkeypatch):
    parsed = files_passed_to(monkeypatch, checker.load_cache, "load_bytes")
    load = cached_loader(Cache(project))
    path = project / "facts/a.yaml"
    load(path, "facts/a.yaml")
    path.write_text("\n" + RICH, encoding="utf-8")  # every line one lower
    moved = load(path, "facts/a.yaml")
    assert moved.data["facts"][0].line == RICH.splitlines().index("  - id: claim-first-on-tamtam") + 2
    elsewhere = load(path, "other/a.yaml")  # messages name the file: not the other name's entry
    assert elsewhere.data.file == "other/a.yaml" and elsewhere.data["facts"][1]["value"].file == "other/a.yaml"
    (problem,) = load(path, "facts/a.yaml", Limits(max_nesting=3)).problems
    assert "max_nesting" in problem.message
    assert parsed == ["facts/a.yaml", "facts/a.yaml", "other/a.yaml", "facts/a.yaml"]


def test_the_suite_loaded_from_the_cache_is_the_suite_parsed(project, monkeypatch):
    """Every fact, problem and line the run reports, with the fact files read back instead of parsed."""
    def suite(**overrides):
        config = load_config(project, **overrides)
        loaded = prepare(config.facts, config).suite
        return ([str(p) for p in loaded.problems], [(f.id, f.line, f.lines, [str(p) for p in f.problems],
                                                     [(c.line, c.source_line, c.source_column, c.selector)
                                                      for c in f.citations]) for f in loaded.facts],
                loaded.entities, loaded.entity_kinds)

    parsed = files_passed_to(monkeypatch, checker.load_cache, "load_bytes")
    (project / "facts/b.yaml").write_text(RICH.replace("id: numbers", "id: numbers\n    colour: red"),
                                          encoding="utf-8")
    uncached = suite(cache=False)
    assert suite() == uncached and len(parsed) == 3
    assert suite() == uncached and len(parsed) == 3  # read back: nothing parsed
    assert any("unknown key 'colour'" in p for fact in uncached[1] for p in fact[3])


DAMAGES = [
    lambda v: {**v, "positions": v["positions"][:-1]},  # one position short
    lambda v: {**v, "positions": v["positions"] + [1]},  # one too many
    lambda v: {**v, "positions": [0] + v["positions"][1:]},  # no line 0
    lambda v: {**v, "positions": [True] + v["positions"][1:]},  # a bool is no line
    lambda v: {**v, "positions": ["1"] + v["positions"][1:]},
    lambda v: {**v, "data": [0, [["a"]], [1]]},  # a key JSON holds and YAML's cannot
    lambda v: {**v, "data": [0, ["a", "a"], [1, 2]]},  # a key twice
    lambda v: {**v, "data": [0, ["a"], [{"b": 1}]]},  # a JSON object is no YAML value here
    lambda v: {**v, "data": [2, [], []]},
    lambda v: {**v, "data": [0, ["a"]]},
    lambda v: {**v, "data": [1, "ab"]},
    lambda v: {**v, "data": []},
    lambda v: {**v, "problems": [["facts/a.yaml", "3", 1, "x"]]},
    lambda v: {**v, "extra": 1},
    lambda v: [v],
    lambda v: None,
]


@pytest.mark.parametrize("damage", range(len(DAMAGES)))
def test_a_damaged_entry_is_ignored_and_the_file_parsed_anew(project, monkeypatch, damage):
    load = cached_loader(Cache(project))
    path = project / "facts/a.yaml"
    clean = load(path, "facts/a.yaml")
    (entry,) = Cache(project).root.glob(f"{LOADED}/*/*.json")
    stored = json.loads(entry.read_text(encoding="utf-8"))
    entry.write_text(json.dumps({**stored, "value": DAMAGES[damage](stored["value"])}), encoding="utf-8")
    parsed = files_passed_to(monkeypatch, checker.load_cache, "load_bytes")
    assert same(load(path, "facts/a.yaml").data, clean.data) and parsed == ["facts/a.yaml"]
    assert same(load(path, "facts/a.yaml").data, clean.data) and parsed == ["facts/a.yaml"]  # and written back


def test_a_planted_entry_nested_past_any_limit_or_holding_nan_is_ignored(project, monkeypatch):
    """Nesting deep enough to exhaust json.loads's recursion, or NaN (which json.loads accepts): not a traceback."""
    load = cached_loader(Cache(project))
    path = project / "facts/a.yaml"
    clean = load(path, "facts/a.yaml")
    (entry,) = Cache(project).root.glob(f"{LOADED}/*/*.json")
    stored = json.loads(entry.read_text(encoding="utf-8"))
    key = stored["key"]
    deep = '{"key": "%s", "value": {"data": %s1%s, "positions": [], "problems": []}}' % (key, "[" * 100_000,
                                                                                       "]" * 100_000)
    nested = "[1,[" * 450 + "1" + "]]" * 450  # lists in lists: within json.loads's reach, past HARD_MAX_NESTING
    for planted in (deep, '{"key": "%s", "value": {"data": %s, "positions": %s, "problems": []}}' % (
                        key, nested, [1] * 4 * 450),
                    json.dumps({"key": key, "value": {**stored["value"], "data": [1, [float("nan")]]}})):
        entry.write_text(planted, encoding="utf-8")
        assert same(load(path, "facts/a.yaml").data, clean.data)


def test_the_stored_form_round_trips_and_is_plain_json(project):
    loaded = load_file(project / "facts/a.yaml", "facts/a.yaml")
    stored = json.loads(json.dumps(loaded_to_json(loaded)))
    assert same(loaded_from_json(stored, "facts/a.yaml").data, loaded.data)
