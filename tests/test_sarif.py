"""SARIF 2.1.0 (`--sarif FILE`): valid against the official OASIS schema (errata 01, draft-04), a rule per check, the
fact file's line as the location, the source passage as a related location, fingerprints that survive edits."""
import json
from pathlib import Path

import jsonschema
import pytest

from checker.cli import main
from tests.review_tree import make_review_tree

SCHEMA = json.loads((Path(__file__).parent / "schemas" / "sarif-2.1.0.json").read_text(encoding="utf-8"))


@pytest.fixture
def tree(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return make_review_tree(tmp_path)


def sarif(tree, name="out.sarif"):
    main(["check", "--sarif", name])
    return json.loads((tree / name).read_text(encoding="utf-8"))


def test_valid_against_the_official_schema(tree):
    log = sarif(tree)
    errors = sorted(jsonschema.Draft4Validator(SCHEMA).iter_errors(log), key=str)
    assert errors == []
    assert log["version"] == "2.1.0"


def test_one_result_per_finding_with_a_described_rule_per_check(tree):
    run = sarif(tree)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == [
        "input/error", "quote/fuzzy", "quote/mismatch", "rule/before", "rule/single-value", "rule/value-agreement",
    ]
    assert all(rule["shortDescription"]["text"] and rule["fullDescription"]["text"] and rule["help"]["text"]
               for rule in rules)
    results = run["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("input/error", "error"), ("input/error", "error"), ("quote/mismatch", "error"), ("quote/mismatch", "error"),
        ("rule/single-value", "error"), ("rule/value-agreement", "error"), ("quote/fuzzy", "warning"),
        ("rule/before", "warning"),
    ]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in results)


def test_the_fact_file_line_and_the_source_passage(tree):
    mismatch = sarif(tree)["runs"][0]["results"][2]
    location = mismatch["locations"][0]["physicalLocation"]
    assert location == {"artifactLocation": {"uri": "facts/review.yaml"}, "region": {"startLine": 9}}
    related = mismatch["relatedLocations"][0]["physicalLocation"]
    assert related == {"artifactLocation": {"uri": "seeds/000_12e6b7cc27e0264f.txt"},
                       "region": {"startLine": 30, "startColumn": 2}}
    assert 'quote says "three" where the source says "two"' in mismatch["message"]["text"]


def test_fingerprints_are_stable_when_lines_move_and_the_bytes_repeat(tree):
    before = sarif(tree)
    sarif(tree, "again.sarif")
    assert (tree / "out.sarif").read_bytes() == (tree / "again.sarif").read_bytes()
    review = tree / "facts/review.yaml"
    review.write_text("# a comment moves every line\n\n" + review.read_text(encoding="utf-8"), encoding="utf-8")
    after = sarif(tree)

    def prints(log):
        return [(r["ruleId"], r["partialFingerprints"]["factcheck/v1"]) for r in log["runs"][0]["results"]]

    assert prints(after) == prints(before)
    assert len({fingerprint for _, fingerprint in prints(before)}) == len(prints(before))
    assert after["runs"][0]["results"][2]["locations"][0]["physicalLocation"]["region"]["startLine"] == 11


def test_never_written_over_an_input(tree, capsys):
    original = (tree / "facts/review.yaml").read_bytes()
    assert main(["check", "--sarif", "facts/review.yaml"]) == 2
    assert "would overwrite an input" in capsys.readouterr().err
    assert (tree / "facts/review.yaml").read_bytes() == original
