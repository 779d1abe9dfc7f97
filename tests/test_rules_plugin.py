"""End to end: planted contradictions fail `pytest facts/` naming both sides and file:line; acknowledged, they pass
and show in the JSON report; a bad rule declaration is an input error, never a traceback."""
from __future__ import annotations

import json

import jsonschema

from checker.validate import load_schema
from tests.helpers import make_project

S000, S001, S002, S003 = (
    "000_12e6b7cc27e0264f.txt", "001_2afa2717bd8a4cc8.txt", "002_e6b1a6874fc6dd1e.txt", "003_1288ced4304eb56c.txt"
)

SOURCES = f"""\
sources:
  - {{file: {S000}, title: t, outlet: Business Insider, published: "2019-12-03", language: en}}
  - {{file: {S001}, title: t, outlet: blog, published: "2019-12-03", language: en, lineage: {{kind: rewrite, of: {S000}}}}}
  - {{file: {S002}, title: t, outlet: repost, published: "2019-12-04", language: en, lineage: {{kind: truncated-copy, of: {S000}}}}}
  - {{file: {S003}, title: t, outlet: The Telegraph, published: "2019-12-03", language: en}}
"""  # noqa: E501 -- a sources.yaml fixture: one source a line, as editors write it

ENTITIES = """\
entities:
  - {id: london-bridge-attack, name: London Bridge attack, kind: event}
  - {id: pieter-van-ostaeyen, name: Pieter Van Ostaeyen, kind: person, aliases: [Van Ostaeyen, Peter Van Ostyen]}
"""

ATTACK_DATE = f"""\
facts:
  - id: attack-date
    claim: The attack took place on Friday 29 November 2019.
    about: london-bridge-attack
    property: date
    value: {{date: 2019-11-29, weekday: Friday}}
    citations:
      - {{source: {S000}, quote: "In the wake of Friday’s terror attack near London Bridge"}}
"""

DISPUTE = f"""\
    disputed_by:
      - source: {S001}
        quote: "Last Saturday, November 30, 28-year-old Usman Khan attacked people"
        says: 2019-11-30
        resolution: the other reports and the record say Friday 29 November
"""

RUSSIAN_DATE = f"""\
facts:
  - id: attack-date-russian
    claim: The attack took place on Saturday 30 November.
    about: london-bridge-attack
    property: date
    value: {{date: 2019-11-30, weekday: Saturday}}
    citations:
      - {{source: {S001}, quote: "Last Saturday, November 30, 28-year-old Usman Khan attacked people"}}
rules:
  - {{kind: single-value, properties: [date]}}
"""


def project(pytester, files):
    make_project(pytester.path, {"seeds/sources.yaml": SOURCES, "facts/entities.yaml": ENTITIES, **files})
    return pytester


def report(pytester, name="r.json"):
    doc = json.loads((pytester.path / name).read_text(encoding="utf-8"))
    jsonschema.validate(doc, load_schema("report"))
    return doc


def test_two_dates_for_one_event_fail_naming_both_sides(pytester):
    project(pytester, {"facts/attack.yaml": ATTACK_DATE, "facts/planted.yaml": RUSSIAN_DATE})
    result = pytester.runpytest("facts/", "--factcheck-json", "r.json")
    result.assert_outcomes(failed=3)  # both facts the finding involves, and the rule that found it
    result.stdout.fnmatch_lines([
        "*single-value: error: london-bridge-attack date has two values: "
        f"2019-11-29 (Friday) in attack-date (facts/attack.yaml:6, quote facts/attack.yaml:8 (seeds/{S000}:12)) and "
        f"2019-11-30 (Saturday) in attack-date-russian "
        f"(facts/planted.yaml:6, quote facts/planted.yaml:8 (seeds/{S001}:9)): "
        "keep the value the evidence supports and record the other source under disputed_by with a resolution",
        "  at facts/attack.yaml:2 (fact of attack-date)",
        "  at facts/planted.yaml:2 (fact of attack-date-russian)",
        f"  at seeds/{S000}:12 (source of attack-date)",
        f"  at seeds/{S001}:9 (source of attack-date-russian)",
        "  at facts/planted.yaml:10 (rule)",
    ])
    assert "Traceback" not in result.stdout.str()
    doc = report(pytester)
    assert doc["summary"]["contradictions"] == 1  # recorded by three items, listed once
    assert doc["summary"]["facts_failed"] == 2 and not any(fact["ok"] for fact in doc["facts"])
    [found] = [r for r in doc["contradictions"] if not r["ok"]]
    assert (found["rule"], found["facts"]) == ("single-value", ["attack-date", "attack-date-russian"])


def test_a_new_fact_that_contradicts_an_old_one_fails_itself(pytester):
    """`-k new-fact` must see the contradiction a new fact brings, and the finding lands on the new fact's lines."""
    project(pytester, {"facts/attack.yaml": ATTACK_DATE, "facts/planted.yaml": RUSSIAN_DATE})
    result = pytester.runpytest("facts/", "-k", "attack-date-russian")
    result.assert_outcomes(failed=1, deselected=2)
    result.stdout.fnmatch_lines(["*facts/planted.yaml:2: attack-date-russian*", "*single-value: error:*"])


def test_the_same_dates_marked_as_a_dispute_pass_and_show_in_the_report(pytester):
    project(pytester, {"facts/attack.yaml": ATTACK_DATE + DISPUTE, "facts/planted.yaml": RUSSIAN_DATE})
    result = pytester.runpytest("facts/", "--factcheck-json", "r.json")
    result.assert_outcomes(passed=3)
    doc = report(pytester)
    assert doc["summary"]["contradictions"] == 0 and doc["summary"]["disputes"] == 1
    [dispute] = doc["disputes"]
    assert dispute["rule"] == "single-value" and dispute["ok"] and dispute["disputed"]
    assert dispute["resolution"] == "the other reports and the record say Friday 29 November"
    assert "acknowledged by the dispute at facts/attack.yaml:10" in dispute["message"]


def test_a_dispute_with_no_other_fact_is_listed_with_its_resolution(pytester):
    project(pytester, {"facts/attack.yaml": ATTACK_DATE + DISPUTE})
    pytester.runpytest("facts/", "--factcheck-json", "r.json").assert_outcomes(passed=1)
    [dispute] = report(pytester)["disputes"]
    assert dispute["rule"] == "disputes" and dispute["facts"] == ["attack-date"]
    assert dispute["message"] == (f"attack-date holds 2019-11-29 (Friday); {S001} says 2019-11-30 "
                                  f"(quote at facts/attack.yaml:11 (seeds/{S001}:9))")
    assert {(loc["file"], loc["line"], loc["what"]) for loc in dispute["locations"]} >= {
        ("facts/attack.yaml", 10, "dispute"), (f"seeds/{S001}", 9, "source")}


def test_a_stale_dispute_fails(pytester):
    stale = ATTACK_DATE.replace("{date: 2019-11-29, weekday: Friday}", "2019-11-30").replace(
        "Friday 29 November 2019", "30 November 2019").replace(
        f"{{source: {S000}, quote: \"In the wake of Friday’s terror attack near London Bridge\"}}",
        f"{{source: {S001}, quote: \"Last Saturday, November 30, 28-year-old Usman Khan attacked people\"}}")
    project(pytester, {"facts/attack.yaml": stale + DISPUTE})
    result = pytester.runpytest("facts/")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines([
        f"*disputes: error: attack-date: stale dispute at facts/attack.yaml:10: {S001} says 2019-11-30, "
        "which agrees with the fact's value 2019-11-30: the dispute no longer arises*"
    ])


def test_a_weekday_that_does_not_fit_fails_the_fact(pytester):
    wrong = ATTACK_DATE.replace("weekday: Friday", "weekday: Saturday")
    project(pytester, {"facts/attack.yaml": wrong})
    result = pytester.runpytest("facts/")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines([
        "*calendar: error: attack-date: value says Saturday 29 November 2019 (at facts/attack.yaml:6), "
        "but that day was a Friday: fix the date or the weekday",
    ])


COUNTS = f"""\
facts:
  - id: groups-followed
    claim: Van Ostaeyen followed 50 or so groups.
    about: pieter-van-ostaeyen
    property: groups-followed
    value: {{quantity: 50 or so}}
    citations:
      - {{source: {S000}, quote: "saw the 50 or so groups he had infiltrated go dark"}}
"""
COUNTS_PLANTED = f"""\
facts:
  - id: groups-followed-planted
    claim: Van Ostaeyen followed almost 100 groups.
    about: pieter-van-ostaeyen
    property: groups-followed
    value: {{quantity: almost 100}}
    citations:
      - {{source: {S003}, quote: "from almost 100 ISIS channels"}}
"""
COUNTS_DISPUTE = f"""\
    disputed_by:
      - {{source: {S003}, quote: "from almost 100 ISIS channels", says: almost 100, resolution: "100 counts channels a week later, not the groups he followed"}}
"""  # noqa: E501 -- a YAML fixture: one disputed_by entry, one line


def test_counts_that_cannot_overlap_fail_and_pass_once_disputed(pytester):
    project(pytester, {"facts/counts.yaml": COUNTS, "facts/planted.yaml": COUNTS_PLANTED})
    result = pytester.runpytest("facts/")
    result.assert_outcomes(failed=2)  # an always-on rule fails every fact it involves
    assert (
        "quantities: error: pieter-van-ostaeyen groups-followed has two counts that cannot both be true: "
        f"50 or so ([45–55]) in groups-followed (facts/counts.yaml:6, quote facts/counts.yaml:8 (seeds/{S000}:20)) and "
        f"almost 100 ([90–100)) in groups-followed-planted "
        f"(facts/planted.yaml:6, quote facts/planted.yaml:8 (seeds/{S003}:21))"
    ) in result.stdout.str()
    project(pytester, {"facts/counts.yaml": COUNTS + COUNTS_DISPUTE})
    pytester.runpytest("facts/", "--factcheck-json", "r.json").assert_outcomes(passed=2)
    [dispute] = report(pytester)["disputes"]
    assert dispute["rule"] == "quantities" and dispute["resolution"].startswith("100 counts channels")


NAME_VARIANT = f"""\
facts:
  - id: tamtam-blocked
    claim: TamTam had already blocked the groups.
    citations:
      - {{source: {S001}, quote: "According to Van Ostein, they are already blocked."}}
"""


def test_an_unregistered_name_variant_fails_until_registered(pytester):
    project(pytester, {"facts/names.yaml": NAME_VARIANT})
    result = pytester.runpytest("facts/")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines([
        f"*names: error: tamtam-blocked: 'Van Ostein' in the quote at facts/names.yaml:5 (seeds/{S001}:29) "
        "looks like a "
        "spelling of Pieter Van Ostaeyen ('Van Ostyen', 90% alike) but is not registered: add it to the aliases of "
        "pieter-van-ostaeyen (facts/entities.yaml:3) if the source spells it so, or fix the spelling",
    ])
    make_project(
        pytester.path, {"facts/entities.yaml": ENTITIES.replace("Peter Van Ostyen]", "Peter Van Ostyen, Van Ostein]")}
    )
    pytester.runpytest("facts/").assert_outcomes(passed=1)


SINGLE_SOURCE = f"""\
facts:
  - id: ghost-town
    claim: By Saturday afternoon Telegram was a ghost town for Islamic extremists.
    requires_sources: 2
    citations:
      - {{source: {S000}, quote: "By Saturday afternoon Telegram was a ghost town for Islamic extremists."}}
      - {{source: {S002}, quote: "By Saturday afternoon Telegram was a ghost town for Islamic extremists."}}
"""


def test_a_fact_that_needs_two_sources_but_rests_on_one_fails(pytester):
    project(pytester, {"facts/ghost.yaml": SINGLE_SOURCE})
    result = pytester.runpytest("facts/")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines([
        f"*corroboration: error: ghost-town requires 2 independent sources but has 1: "
        f"{S000} (facts/ghost.yaml:6) with {S002} "
        f"(truncated-copy of {S000}, facts/ghost.yaml:7), counted once. Cite an independent source*",
        "  at facts/ghost.yaml:4 (requires_sources of ghost-town)",
    ])


def test_a_value_its_quote_does_not_state_fails(pytester):
    project(pytester, {"facts/counts.yaml": COUNTS.replace("{quantity: 50 or so}", "{quantity: 60}")})
    result = pytester.runpytest("facts/")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines([
        f"*value-agreement: error: groups-followed: value 60 (at facts/counts.yaml:6) "
        "is not stated by any of its quotes: "
        f"the quote at facts/counts.yaml:8 (seeds/{S000}:20) says '50 or so'*",
    ])


BAD_RULES = """\
rules:
  - {kind: singel-value, properties: [date]}
  - {kind: before, first: attack-dat, then: attack-date}
  - {kind: before, first: attack-date, id: missing-then}
"""


def test_bad_rule_declarations_are_input_errors_with_file_and_line(pytester, monkeypatch):
    project(pytester, {"facts/attack.yaml": ATTACK_DATE, "facts/rules.yaml": BAD_RULES})
    result = pytester.runpytest("facts/")
    result.assert_outcomes(passed=1, failed=3)
    result.stdout.fnmatch_lines([
        "*facts/rules.yaml:2:6: 'kind': 'singel-value' is not one of: *: did you mean 'single-value'?",
        "*facts/rules.yaml:3:1: 'first' names unknown fact 'attack-dat': did you mean 'attack-date'?",
        "*facts/rules.yaml:4:5: missing required key 'then' for rule kind before",
    ])
    assert "Traceback" not in result.stdout.str() and "def runtest" not in result.stdout.str()
    from checker.cli import main

    monkeypatch.chdir(pytester.path)
    assert main(["check"]) == 2


def test_the_pytest_report_equals_the_cli_report_with_rules(pytester, monkeypatch):
    project(pytester, {"facts/attack.yaml": ATTACK_DATE + DISPUTE, "facts/planted.yaml": RUSSIAN_DATE,
                       "facts/names.yaml": NAME_VARIANT, "facts/ghost.yaml": SINGLE_SOURCE})
    pytester.runpytest("facts/", "--factcheck-json", "pytest.json")
    from checker.cli import main

    monkeypatch.chdir(pytester.path)
    assert main(["check", "--json", "cli.json"]) == 1
    assert report(pytester, "pytest.json") == report(pytester, "cli.json")


NAMED = f"""\
facts:
  - id: tamtam-blocked
    claim: TamTam had already blocked the groups.
    citations:
      - {{source: {S001}, quote: "According to Van Ostein, they are already blocked"}}
"""
WAIVER = """\
    waive:
      - {rule: names, token: Van Ostein, reason: the translation's spelling}
"""


def test_a_waived_finding_passes_and_is_listed_under_waivers_with_its_reason(pytester):
    project(pytester, {"facts/named.yaml": NAMED + WAIVER})
    pytester.runpytest("facts/", "--factcheck-json", "r.json").assert_outcomes(passed=1)
    doc = report(pytester)
    assert (doc["summary"]["waivers"], doc["summary"]["contradictions"]) == (1, 0)
    [waived] = doc["waivers"]
    assert (waived["rule"], waived["ok"], waived["waived"], waived["resolution"]) == (
        "names", True, True, "the translation's spelling")
    assert ("facts/named.yaml", 7, "waiver") in {(loc["file"], loc["line"], loc["what"]) for loc in waived["locations"]}
    assert not [r for r in doc["contradictions"] if r["waived"]]


def test_a_stale_waiver_fails_its_fact_at_the_waivers_line(pytester):
    registered = ENTITIES.replace("Peter Van Ostyen]", "Peter Van Ostyen, Van Ostein]")
    make_project(pytester.path, {"seeds/sources.yaml": SOURCES, "facts/entities.yaml": registered,
                                 "facts/named.yaml": NAMED + WAIVER})
    result = pytester.runpytest("facts/", "--factcheck-json", "r.json")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*names: error: tamtam-blocked: stale waiver at facts/named.yaml:7: names no longer "
                                 "finds 'Van Ostein' on this fact: remove the waiver*"])
    assert report(pytester)["summary"]["contradictions"] == 1


CHANGELOG = """\
bc (1.07.1-3) unstable; urgency=medium

  * The test suite now runs 30 checks.

 -- Maintainer <m@example.org>  Sun, 01 Dec 2019 10:00:00 +0000
"""
VERSIONED = """\
facts:
  - id: bc-upload
    claim: bc 1.07.1-3 was uploaded to unstable with medium urgency.
    citations:
      - {source: changelog, quote: "bc (1.07.1-3) unstable; urgency=medium"}
  - id: bc-checks
    claim: The test suite runs 60 checks.
    about: bc
    property: checks
    value: {quantity: 60}
    citations:
      - {source: changelog, quote: "The test suite now runs 30 checks."}
"""


def test_a_version_string_neither_crashes_a_rule_nor_hides_a_wrong_value(pytester):
    make_project(pytester.path, {"seeds/changelog": CHANGELOG, "facts/bc.yaml": VERSIONED,
                                 "facts/entities.yaml": "entities:\n  - {id: bc, name: bc, kind: other}\n"})
    result = pytester.runpytest("facts/", "--factcheck-json", "r.json")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*value-agreement: error: bc-checks: value 60 (at facts/bc.yaml:10) is not stated*"])
    assert "could not" not in result.stdout.str()
    errors = {tuple(r["facts"]) for r in report(pytester)["contradictions"] if not r["ok"] and r["severity"] == "error"}
    assert errors == {("bc-checks",)}


def test_a_waiver_naming_an_unknown_rule_fails_its_fact(pytester):
    project(pytester, {"facts/named.yaml": NAMED + WAIVER.replace("rule: names", "rule: nmaes")})
    result = pytester.runpytest("facts/")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*integrity: error: tamtam-blocked: the waiver at facts/named.yaml:7 names unknown "
                                 "rule 'nmaes': did you mean 'names'?*"])
