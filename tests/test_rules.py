"""Rule kinds against their case files (tests/cases/rules/<kind>.yaml): each has passing and failing fact sets.

Quotes count as found (verbatim, at line 10 of their source) so that only the rules are under test;
tests/test_rules_plugin.py runs the real pipeline against the seeds.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path
from types import SimpleNamespace

import jsonschema
import pytest
import yaml

from checker.load import load_text
from checker.match import Document
from checker.model import Citation, CitationResult, FactResult, Match, Span
from checker.report import document, rule_entry
from checker.rules import KINDS, check_rules
from checker.sources import SourceInfo
from checker.suite import Suite, add_file, mark_duplicate_ids
from checker.validate import load_schema

CASES = Path(__file__).parent / "cases" / "rules"
REPORT = jsonschema.Draft202012Validator(load_schema("report"))
FILE = "facts/t.yaml"


def found(citation: Citation, texts: dict | None = None) -> CitationResult:
    text = (texts or {}).get(citation.source, "")
    start = text.find(citation.quote)
    if start < 0:
        span = Span(0, len(citation.quote), 10, 1)
    else:  # a case that gives the source's text: the quote where it stands, so rules can read the sentence around it
        line = text.count("\n", 0, start) + 1
        span = Span(start, start + len(citation.quote), line, start - text.rfind("\n", 0, start))
    match = Match(status="verbatim", ok=True, score=100.0, spans=(span,), matched=citation.quote)
    return CitationResult(citation, match)


def metadata(sources: dict | None) -> dict[str, SourceInfo]:
    infos = {}
    for name, info in (sources or {}).items():
        lineage = info.get("lineage") or {}
        published = str(info["published"]) if info.get("published") else None
        infos[name] = SourceInfo(name, published, lineage.get("of"), lineage.get("kind"), info)
    return infos


def run_rules(text: str, sources: dict | None = None, texts: dict | None = None):
    """The suite and its rule results for one fact file's text, every quote taken as found (where it stands in
    `texts`, the sources' texts by name, when the case gives them)."""
    suite = Suite()
    add_file(suite, load_text(text, FILE))
    mark_duplicate_ids(suite.facts)
    results = [
        FactResult(f, [found(c, texts) for c in f.citations], list(f.problems),
                   [found(d.citation, texts) for d in f.disputes])
        for f in suite.facts
    ]
    library = SimpleNamespace(display_root="seeds", document=lambda name: Document.from_text(texts[name], name))
    rule_results, problems = check_rules(suite, results, library, metadata(sources))
    # the suite with every input error
    return dataclasses.replace(suite, problems=suite.problems + problems), rule_results


def load_cases():
    for path in sorted(CASES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            yield pytest.param(case.get("check", data["kind"]), case, id=f"{path.stem}: {case['name']}")


@pytest.mark.parametrize("kind, case", list(load_cases()))
def test_case(kind, case):
    suite, results = run_rules(case["facts"], case.get("sources"), case.get("texts"))
    mine = [r for r in results if r.kind == kind]
    errors = [r.message for r in mine if not r.ok and r.severity == "error"]
    warnings = [r.message for r in mine if not r.ok and r.severity == "warning"]
    disputed = [f"{r.message} | {r.resolution}" for r in mine if r.disputed]
    waived = [f"{r.message} | {r.resolution}" for r in mine if r.waived]
    problems = [str(p) for p in suite.problems]
    outcomes = (("fails", errors), ("warns", warnings), ("disputed", disputed), ("waived", waived),
                ("problems", problems))
    for key, got in outcomes:
        for expected in case.get(key, []):
            assert any(expected in message for message in got), f"{key}: {expected!r} not in {got!r}"
        if key not in case and key != "disputed":
            assert not got, f"unexpected {key}: {got!r}"
    if case.get("clean"):
        assert not [r for r in results if not r.ok], [r.message for r in results if not r.ok]
    # every result is a valid report entry (its kind, what each location is)
    REPORT.validate(document([], [rule_entry(r) for r in results], []))


def test_every_kind_has_a_case_file_with_passing_and_failing_sets():
    for name in KINDS:
        data = yaml.safe_load((CASES / f"{name}.yaml").read_text(encoding="utf-8"))
        outcomes = {bool(set(case) & {"fails", "warns", "problems"}) for case in data["cases"]}
        assert outcomes == {True, False}, name


def test_every_kind_has_a_manual():
    for kind in KINDS.values():
        doc = kind.check.__doc__ or ""
        assert "Why:" in doc and "Example:" in doc, kind.name


def test_declared_rule_that_passes_is_reported_as_a_pass():
    _, results = run_rules(
        "facts:\n  - {id: a, claim: x, about: e, property: p, value: {text: x}, citations: [{source: s, quote: x}]}\n"
        "rules:\n  - {kind: single-value, properties: [p]}\n"
    )
    passes = [r for r in results if r.rule == "single-value"]
    assert [(r.ok, r.message, r.locations[0].line) for r in passes] == [(True, "passes (1 facts in scope)", 4)]


def test_facts_with_schema_problems_are_left_out():
    suite, results = run_rules(
        "facts:\n  - {id: a, claim: x, about: e, property: p, value: {date: 2019-11-29, weekday: Saturday}, "
        "citations: [{source: s, quote: x}], bad: 1}\n"
    )
    assert suite.facts[0].problems and not [r for r in results if not r.ok]


def test_a_name_does_not_run_across_a_line_break():
    from checker.rules.names import RUN_RE

    assert [m.group(0) for m in RUN_RE.finditer("Smith II\nTerrorism expert Van Ostein")] == [
        "Smith II", "Terrorism", "Van Ostein"
    ]


def test_a_declared_always_on_kind_replaces_its_default_with_its_scope_and_severity():
    _, results = run_rules(
        "entities:\n  - {id: pvo, name: Pieter Van Ostaeyen, kind: person, aliases: [Van Ostaeyen]}\n"
        "facts:\n"
        "  - {id: a, claim: x, about: pvo, property: p, value: {text: x}, "
        "citations: [{source: s, quote: 'said Van Ostein'}]}\n"
        "  - {id: b, claim: x, citations: [{source: s, quote: 'said Van Ostein'}]}\n"
        "rules:\n  - {kind: names, about: [pvo], id: names-pvo, severity: warning}\n"
    )
    names = [(r.rule, r.facts, r.severity, r.ok) for r in results if r.kind == "names"]
    assert names == [("names-pvo", ("a",), "warning", False)]


def test_a_rule_that_crashes_is_reported_and_the_others_still_run(monkeypatch):
    from checker.rules import KINDS

    def broken(ctx, spec):
        raise KeyError("boom")
        yield  # pragma: no cover

    monkeypatch.setitem(KINDS, "calendar", dataclasses.replace(KINDS["calendar"], check=broken))
    _, results = run_rules("facts:\n  - {id: a, claim: Over 9 cats., citations: [{source: s, quote: 'no cats'}]}\n")
    assert [(r.rule, r.ok, r.facts) for r in results if r.kind == "calendar"] == [("calendar", False, ("a",))]
    assert "rule calendar could not run (KeyError: 'boom')" in [r.message for r in results if r.kind == "calendar"][0]
    assert any(r.kind == "value-agreement" for r in results)


THREE_FACTS = (
    "facts:\n"
    "  - {id: a, claim: x, citations: [{source: s, quote: 'quote of a'}]}\n"
    "  - {id: b, claim: x, citations: [{source: s, quote: 'quote of b'}]}\n"
    "  - {id: c, claim: x, citations: [{source: s, quote: 'quote of c'}]}\n"
)


def test_a_rule_that_fails_on_one_fact_fails_that_fact_with_the_cause_and_checks_the_others(monkeypatch):
    from checker.rules.engine import Finding, Kind

    def finding_or_bug(fact):
        if fact.id == "b":
            raise ValueError("could not convert string to float: '1.07.1'")
        yield Finding(f"{fact.id}: flagged", [fact])

    def exploding(ctx, spec):
        yield from ctx.each(spec.facts, finding_or_bug)

    monkeypatch.setitem(KINDS, "exploding", Kind("exploding", exploding, {}, always=True))
    _, results = run_rules(THREE_FACTS)
    mine = [(r.facts, r.ok, r.message) for r in results if r.kind == "exploding"]
    assert mine == [
        (("a",), False, "a: flagged"),
        (("b",), False, "b: the rule could not check this fact "
                        "(ValueError: could not convert string to float: '1.07.1'): "
                        "this is a bug in factcheck, please report it"),
        (("c",), False, "c: flagged"),
    ]
    assert [loc.line for r in results if r.kind == "exploding" and r.facts == ("b",) for loc in r.locations] == [3]


def test_value_agreement_isolates_the_fact_it_cannot_check(monkeypatch):
    from checker.rules import agreement

    real = agreement.find_versions

    def broken_on_boom(text):
        if "boom" in text:
            raise RuntimeError("boom")
        return real(text)

    monkeypatch.setattr(agreement, "find_versions", broken_on_boom)
    _, results = run_rules(
        "facts:\n"
        "  - {id: a, claim: boom, citations: [{source: s, quote: 'quote of a'}]}\n"
        "  - {id: b, claim: Over 60 checks run., citations: [{source: s, quote: 'the suite runs 30 checks'}]}\n"
    )
    failing = {r.facts: r.message for r in results if r.kind == "value-agreement" and not r.ok}
    assert failing[("a",)].startswith("a: the rule could not check this fact (RuntimeError: boom)")
    assert failing[("b",)].startswith("b: the claim says 'Over 60' (at facts/t.yaml:3) but no quote states that number")


def test_a_rule_that_crashes_midway_keeps_what_it_found_and_fails_every_fact_in_its_scope(monkeypatch):
    from checker.rules.engine import Finding, Kind

    def half(ctx, spec):
        yield Finding("a: found before the bug", spec.facts[:1])
        raise KeyError("boom")

    monkeypatch.setitem(KINDS, "half", Kind("half", half, {}, always=True))
    _, results = run_rules(THREE_FACTS)
    mine = [(r.facts, r.message.split(":")[0]) for r in results if r.kind == "half"]
    assert mine == [(("a",), "a"), (("a", "b", "c"), "rule half could not run (KeyError")]
