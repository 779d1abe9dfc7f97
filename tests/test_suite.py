"""The suite as rules read it: typed fact fields, each with the line it stands on."""
from __future__ import annotations

from checker.load import load_text
from checker.model import Waiver
from checker.suite import Suite, add_file

TEXT = """\
facts:
  - id: accounts
    claim: The Boeing 737 of messengers shut nearly 5,000 accounts.
    about: europol-takedown
    property: accounts-shut
    value: {quantity: "nearly 5,000"}
    requires_sources: 2
    independence: one wire story
    numbers_not_stated: ["737"]
    waive:
      - {rule: names, token: Boeing, reason: "a plane, not a misspelt name"}
    citations:
      - {source: 003.txt, quote: "Nearly 5,000 accounts were shut down."}
  - id: bare
    claim: A fact with no structured keys.
    strict: false
    citations:
      - {source: 003.txt, quote: "Nearly 5,000 accounts were shut down."}
"""


def read(text: str) -> Suite:
    suite = Suite()
    add_file(suite, load_text(text, "facts/t.yaml"))
    return suite


def test_structured_keys_are_typed_fields_with_their_lines():
    fact = read(TEXT).facts[0]
    assert (fact.about, fact.property) == ("europol-takedown", "accounts-shut")
    assert fact.value == {"quantity": "nearly 5,000"}
    assert (fact.requires_sources, fact.independence, fact.numbers_not_stated) == (2, "one wire story", ("737",))
    assert fact.waivers == [Waiver("names", "Boeing", None, "a plane, not a misspelt name", 11)]
    keys = ("claim", "about", "value", "requires_sources", "numbers_not_stated")
    assert [fact.line_of(k) for k in keys] == [3, 4, 6, 7, 9]
    assert fact.strict is None


def test_an_absent_key_is_none_and_its_line_is_the_facts():
    fact = read(TEXT).facts[1]
    assert (fact.about, fact.property, fact.value, fact.requires_sources, fact.independence) == (None,) * 5
    assert (fact.numbers_not_stated, fact.waivers, fact.line_of("value")) == ((), [], 14)
    assert fact.strict is False  # said: kept apart from "not said"


def test_facts_are_keys_by_identity_even_when_they_share_an_id():
    first, second = read(TEXT.replace("id: bare", "id: accounts")).facts
    assert first != second and len({first: 1, second: 2}) == 2


def test_a_waiver_names_a_token_or_a_value_and_gives_a_reason():
    problems = {}
    for waiver in ("{rule: names, token: A, value: 3, reason: x}", "{rule: names, token: A}"):
        text = ("facts:\n  - id: a\n    claim: x\n    citations: [{source: s, quote: q}]\n"
                f"    waive:\n      - {waiver}\n")
        fact = read(text).facts[0]
        problems[waiver] = [str(p) for p in fact.problems]
    assert problems == {
        "{rule: names, token: A, value: 3, reason: x}": ["facts/t.yaml:6:9: give 'token' or 'value', not both"],
        "{rule: names, token: A}": ["facts/t.yaml:6:9: missing required key 'reason'"],
    }
