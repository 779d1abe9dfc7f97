"""The facts schema and the rule engine agree on which rule declarations are bad (issue 14.9).

An editor's YAML language server validates against schema/facts.schema.json; the checker runs the same
schema and then the rule engine's own checks (checker/rules/engine.py `read_declaration`, with each kind's
parameters from its `@rule(...)` registration). Whatever the engine rejects, the schema must reject too,
and the other way round — except a reference to a fact, entity or property that does not exist, which
only the whole suite can tell.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml

from checker.load import Mapping, load_text
from checker.model import FactResult
from checker.rules import KINDS
from checker.rules.engine import COMMON_KEYS, build_context, read_declaration
from checker.suite import Suite, add_file, mark_duplicate_ids
from checker.validate import load_schema, schema_problems
from tests.test_rules import CASES, found

REPO = Path(__file__).resolve().parent.parent
FILE = "facts/t.yaml"
SCHEMA = load_schema("facts")
TYPE_SCHEMAS = {  # the engine's parameter types, as the schema writes them
    "fact": {"$ref": "#/$defs/id"},
    "facts": {"$ref": "#/$defs/ids"}, "entities": {"$ref": "#/$defs/ids"}, "properties": {"$ref": "#/$defs/ids"},
    "days": {"type": "integer", "minimum": 0},
    "int": {"type": "integer", "minimum": 1},
    "percent": {"type": "number", "minimum": 0, "maximum": 100},
}


def resolve(schema: dict) -> dict:
    """Follow a local $ref (#/$defs/...) to the schema it names."""
    while "$ref" in schema and schema["$ref"].startswith("#/$defs/rule-"):
        node = SCHEMA
        for part in schema["$ref"][2:].split("/"):
            node = node[part]
        schema = node
    return schema


def kind_schemas() -> dict[str, dict]:
    """Each rule kind's schema, as the rule definition's if/then branches select it by `kind`."""
    branches = SCHEMA["$defs"]["rule"]["allOf"]
    return {branch["if"]["properties"]["kind"]["const"]: resolve(branch["then"]) for branch in branches}


# ---- the schema describes each registered kind exactly -------------------------------------------


def test_the_schema_knows_exactly_the_registered_kinds():
    assert set(SCHEMA["$defs"]["rule"]["properties"]["kind"]["enum"]) == set(KINDS)
    assert set(kind_schemas()) == set(KINDS)


@pytest.mark.parametrize("name", sorted(KINDS))
def test_the_schema_lists_each_kinds_parameters_and_what_it_requires(name):
    kind, schema = KINDS[name], kind_schemas()[name]
    assert schema["additionalProperties"] is False
    assert set(schema["properties"]) == COMMON_KEYS | set(kind.params), "a parameter the engine takes is missing"
    assert set(schema["required"]) == {"kind", *kind.required}
    assert schema["properties"]["kind"] == {"const": name}
    for param, type_ in kind.params.items():
        described = {k: v for k, v in resolve(schema["properties"][param]).items() if k != "description"}
        assert described == TYPE_SCHEMAS[type_], f"{name}.{param} is a {type_}"


# ---- every declaration, through both ---------------------------------------------------------------


FACTS = """\
facts:
  - {id: a, claim: x, about: e, property: date, value: 2019-11-25,
     citations: [{source: s.txt, quote: "on 25 November 2019"}]}
  - {id: b, claim: y, about: e, property: date, value: 2019-11-29,
     citations: [{source: s.txt, quote: "on 29 November 2019"}]}
entities:
  - {id: e, name: The Event, kind: event}
"""
GOOD = {"fact": "a", "facts": ["a"], "entities": ["e"], "properties": ["date"], "days": 3, "int": 2, "percent": 90}
BAD = [5, True, [], [1], None, -1, 2.5, 0, 7.0, 101, "soon", {"x": 1}]
ALL_PARAMS = {param: type_ for kind in KINDS.values() for param, type_ in kind.params.items()}


def battery() -> list[dict]:
    """Declarations of every kind: with each parameter any kind takes, each with good and bad values, each
    required one left out, a bad severity, an unknown kind."""
    made = [{"kind": "befor", "first": "a", "then": "b"}, {"first": "a"}, {"kind": 3}]
    for name, kind in sorted(KINDS.items()):
        base = {"kind": name, **{param: GOOD[kind.params[param]] for param in kind.required}}
        made += [base, {**base, "severity": "warning"}, {**base, "severity": "fatal"}, {**base, "id": "named"}]
        made += [{k: v for k, v in base.items() if k != param} for param in kind.required]
        made += [{**base, param: GOOD[type_]} for param, type_ in sorted(ALL_PARAMS.items())]
        made += [{**base, param: bad} for param in sorted(kind.params) for bad in BAD]
    return made


def verdicts(text: str) -> list[tuple[str, bool, bool]]:
    """(declaration, does the schema reject it, does the engine reject it) for each rule in a fact file's text;
    a reference to an unknown fact, entity or property is left out (only the suite can know)."""
    loaded = load_text(text, FILE)
    if not isinstance(loaded.data, Mapping) or not isinstance(loaded.data.get("rules"), list):
        return []
    suite = Suite()
    add_file(suite, loaded)
    mark_duplicate_ids(suite.facts)
    results = [FactResult(f, [found(c) for c in f.citations], list(f.problems), [found(d.citation) for d in f.disputes])
               for f in suite.facts]
    ctx = build_context(suite, results, SimpleNamespace(display_root="seeds"), {})
    rejected_by_schema = {path[1] for path, _ in schema_problems(loaded.data, FILE) if path[:1] == ("rules",)}
    found_verdicts = []
    for index, declaration in enumerate(loaded.data["rules"]):
        if not isinstance(declaration, Mapping):
            continue
        _, problems = read_declaration(declaration, ctx, KINDS)
        structural = [p for p in problems if "names unknown" not in p.message]
        shown = json.dumps(dict(declaration), default=str)
        found_verdicts.append((shown, index in rejected_by_schema, bool(structural)))
    return found_verdicts


def fact_texts() -> list:
    """Every fact file text with rules the repository holds: rule case files, docs/rules.md, README, facts/."""
    texts = []
    for path in sorted(CASES.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]:
            texts.append(pytest.param(case["facts"], id=f"{path.stem}: {case['name']}"))
    for doc in (REPO / "docs" / "rules.md", REPO / "README.md"):
        for number, block in enumerate(re.findall(r"```yaml\n(.*?)```", doc.read_text(encoding="utf-8"), flags=re.S)):
            if "rules:" in block:
                texts.append(pytest.param(block, id=f"{doc.name} block {number + 1}"))
    for path in sorted((REPO / "facts").glob("*.yaml")):
        texts.append(pytest.param(path.read_text(encoding="utf-8"), id=f"facts/{path.name}"))
    return texts


@pytest.mark.parametrize("text", fact_texts())
def test_schema_and_engine_agree_on_the_repositorys_declarations(text):
    disagreements = [verdict for verdict in verdicts(text) if verdict[1] != verdict[2]]
    assert not disagreements, "(declaration, schema rejects, engine rejects): " + repr(disagreements)


def test_the_repository_shows_bad_declarations_to_both():
    every = [v for param in fact_texts() for v in verdicts(param.values[0])]
    assert any(by_schema for _, by_schema, _ in every) and any(not by_schema for _, by_schema, _ in every)


def test_schema_and_engine_agree_on_every_kind_parameter_and_value():
    text = FACTS + "rules:\n" + "".join(f"  - {json.dumps(d)}\n" for d in battery())
    found_verdicts = verdicts(text)
    assert len(found_verdicts) == len(battery())
    disagreements = [verdict for verdict in found_verdicts if verdict[1] != verdict[2]]
    assert not disagreements, "(declaration, schema rejects, engine rejects): " + "\n".join(map(repr, disagreements))
    assert sum(by_schema for _, by_schema, _ in found_verdicts) > len(found_verdicts) / 2  # the battery is mostly bad


def test_a_stray_threshold_and_a_before_without_then_are_flagged_by_the_schema():
    """The two disagreements issue 14 found: an editor's language server now flags both."""
    text = FACTS + "rules:\n  - {kind: single-value, properties: [date], threshold: 80}\n  - {kind: before, first: a}\n"
    messages = [str(problem) for _, problem in schema_problems(load_text(text, FILE).data, FILE)]
    assert messages == [
        "facts/t.yaml:9:46: unknown key 'threshold' for rule kind single-value: allowed keys: "
        "about, facts, id, kind, note, properties, severity",
        "facts/t.yaml:10:5: missing required key 'then' for rule kind before",
    ]
