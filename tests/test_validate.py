"""Schema validation: each violation at the offending key's line, in words an editor can act on."""
from checker.load import load_text
from checker.validate import schema_problems, validator

GOOD = """\
facts:
  - id: claim-first-on-tamtam
    claim: ISIS's claim appeared on TamTam first.
    citations:
      - source: 000_12e6b7cc27e0264f.txt
        quote: "It came on TamTam two minutes before any announcement"
"""


def problems(text):
    data = load_text(text, "facts/x.yaml").data
    return [str(problem) for _, problem in schema_problems(data, "facts/x.yaml")]


def test_the_minimal_form_is_valid():
    assert problems(GOOD) == []


def test_a_misspelt_key_is_an_error_with_a_suggestion():
    bad = GOOD.replace("        quote:", "        qoute:")
    assert problems(bad) == [
        "facts/x.yaml:5:9: missing required key 'quote'",
        "facts/x.yaml:6:9: unknown key 'qoute': did you mean 'quote'?",
    ]


def test_an_unknown_top_level_key_is_an_error():
    assert problems("fact:\n  - id: a\n") == ["facts/x.yaml:1:1: unknown key 'fact': did you mean 'facts'?"]


def test_a_bad_id_says_what_ids_may_hold():
    (message,) = problems(GOOD.replace("claim-first-on-tamtam", "Claim First"))
    assert message.startswith("facts/x.yaml:2:5: 'id': 'Claim First' does not fit: an id is lowercase letters")


def test_empty_citations_and_wrong_types_point_at_the_key():
    assert problems(GOOD.replace(
        "    citations:\n      - source: 000_12e6b7cc27e0264f.txt\n", "    citations: []\n"
    ).replace('        quote: "It came on TamTam two minutes before any announcement"\n', "")) == [
        "facts/x.yaml:4:5: 'citations': [] should be non-empty"
    ]
    assert problems(GOOD.replace("    claim: ISIS's claim appeared on TamTam first.", "    claim: 12")) == [
        "facts/x.yaml:3:5: 'claim': 12 should be of type string"
    ]


def test_a_value_must_be_one_typed_value():
    text = GOOD + "    about: tamtam\n    property: date\n    value: {date: '2019-11-31'}\n"
    (message,) = problems(text)
    assert message == "facts/x.yaml:9:13: 'date': '2019-11-31' is not a 'date'"


def test_a_value_needs_a_subject_and_property():
    assert problems(GOOD + "    value: {boolean: true}\n") == [
        "facts/x.yaml:2:5: 'about' is a dependency of 'value'",
        "facts/x.yaml:2:5: 'property' is a dependency of 'value'",
    ]


def test_the_schemas_are_valid_2020_12_schemas():
    for name in ("facts", "sources", "report"):
        validator(name).check_schema(validator(name).schema)


def test_entity_kinds_are_open_lowercase_words():
    text = "entity_kinds: [license, court]\nentities:\n  - {id: apache-2, name: Apache License, kind: license}\n"
    assert problems(text + "  - {id: bc, name: bc, kind: package}\n") == []
    (message,) = problems(text + "  - {id: bc, name: bc, kind: Package}\n")
    assert message.startswith("facts/x.yaml:4:24: 'kind': 'Package' does not fit: an entity kind is a lowercase word")
    assert problems("entity_kinds: [License]\n")[0].startswith("facts/x.yaml:1:16: 'License' does not fit")


def test_an_unknown_rule_kind_gets_a_suggestion():
    [problem] = problems("rules:\n  - {kind: befor, first: a, then: b}\n")
    assert problem.startswith("facts/x.yaml:2:6: 'kind': 'befor' is not one of: integrity, value-agreement, calendar, "
                              "single-value, quantities, before, names, corroboration, disputes")  # then newer kinds
    assert problem.endswith(": did you mean 'before'?")


def sources_problems(text):
    data = load_text(text, "seeds/sources.yaml").data
    return [str(problem) for _, problem in schema_problems(data, "seeds/sources.yaml", schema="sources")]


def test_a_source_needs_only_its_file_name():
    minimal = "sources:\n  - file: changelog.txt\n  - {file: a.txt, language: pt-BR, published: 2024-01-05}\n"
    assert sources_problems(minimal) == []
    assert sources_problems("sources:\n  - {title: Changelog}\n") == [
        "seeds/sources.yaml:2:5: missing required key 'file'"
    ]
    (message,) = sources_problems("sources:\n  - {file: a.txt, language: English}\n")
    assert message.startswith("seeds/sources.yaml:2:19: 'language': 'English' does not fit: a language tag")
