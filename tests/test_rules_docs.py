"""docs/rules.md shows, for every rule kind, a fact set that fails and its message: each one must still be true."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from checker.report import rule_entry, rule_lines
from checker.rules import KINDS
from tests.test_rules import run_rules

DOCS = Path(__file__).resolve().parent.parent / "docs" / "rules.md"
SOURCES = {  # what the examples assume of seeds/sources.yaml
    "000.txt": {"published": "2019-12-03"},
    "001.txt": {"published": "2019-12-03", "lineage": {"kind": "rewrite", "of": "000.txt"}},
    "002.txt": {"published": "2019-12-03", "lineage": {"kind": "truncated-copy", "of": "000.txt"}},
    "003.txt": {"published": "2019-12-03"},
}


def examples() -> list:
    """(kind, fact YAML, expected first message line) for each '### kind' section with a failing example."""
    found = []
    for section in re.split(r"^### ", DOCS.read_text(encoding="utf-8"), flags=re.M)[1:]:
        kind, section = section.split()[0], section.split("\n## ")[0]
        blocks = re.findall(r"```(yaml)?\n(.*?)```", section, flags=re.S)
        for (lang, text), (_, output) in zip(blocks, blocks[1:]):
            if lang == "yaml" and output.startswith(f"{kind}: "):
                found.append(pytest.param(kind, text, output.splitlines()[0], id=kind))
                break
    return found


def test_every_kind_is_documented_with_a_failing_example():
    assert {param.values[0] for param in examples()} == set(KINDS)


@pytest.mark.parametrize("kind, text, expected", examples())
def test_the_documented_message_is_the_real_one(kind, text, expected):
    _, results = run_rules(text, SOURCES)
    lines = [rule_lines(rule_entry(r))[0] for r in results if r.kind == kind and not r.ok]
    assert expected in lines


def _block_after(heading: str, lead: str) -> str:
    """The first ```yaml block after `heading` whose text starts with `lead`."""
    text = DOCS.read_text(encoding="utf-8").split(heading, 1)[1]
    return next(b for b in re.findall(r"```yaml\n(.*?)```", text, flags=re.S) if b.startswith(lead))


def test_the_documented_waiver_waives_and_its_stale_form_fails():
    entities = ("entities:\n  - {id: pvo, name: Pieter Van Ostaeyen, kind: person, "
                "aliases: [Van Ostaeyen, Peter Van Ostyen]}\n")
    facts = entities + "facts:\n" + _block_after("## Waivers", "  - id: tamtam-blocked")
    _, results = run_rules(facts, SOURCES)
    [waived] = [r for r in results if r.waived]
    assert (waived.rule, waived.ok) == ("names", True) and waived.message.endswith("— waived at facts/t.yaml:9")
    _, results = run_rules(facts.replace("Peter Van Ostyen]", "Peter Van Ostyen, Van Ostein]"), SOURCES)
    [stale] = [r for r in results if not r.ok and r.severity == "error"]
    assert stale.message.startswith("tamtam-blocked: stale waiver at facts/t.yaml:9: names no longer finds")


def test_the_documented_numbers_not_stated_example_passes():
    cited = '    citations: [{source: 003.txt, quote: "Nearly 5,000 accounts were shut down."}]\n'
    block = _block_after("### value-agreement", "  - id: room")
    facts = "facts:\n" + block.replace("    numbers_not_stated", cited + "    numbers_not_stated")
    _, results = run_rules(facts, SOURCES)
    assert not [r.message for r in results if not r.ok]
    _, results = run_rules(facts.replace('    numbers_not_stated: ["101"]', "   "), SOURCES)
    assert [r.message.split(" (at")[0] for r in results if not r.ok] == ["room: the claim says '101'"]
