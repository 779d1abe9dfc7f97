"""JUnit XML through pytest's own --junitxml: with junit_family=xunit1 each fact's testcase keeps its YAML file and
line and a readable failure message (pytest's default, xunit2, drops file and line)."""
import json
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from tests.review_tree import make_review_tree


def junit(tree, *options):
    subprocess.run(
        [sys.executable, "-m", "pytest", "facts/", "-p", "no:cacheprovider", "-p", "no:xdist", "-q",
         "--junitxml=junit.xml", *options],
        cwd=tree, capture_output=True, text=True,
    )
    return {case.get("name"): case for case in ET.parse(tree / "junit.xml").getroot().iter("testcase")}


@pytest.fixture
def tree(tmp_path):
    tree = make_review_tree(tmp_path)
    (tree / "facts/broken.yaml").unlink()
    return tree


def test_xunit1_keeps_the_fact_file_and_line(tree):
    cases = junit(tree, "-o", "junit_family=xunit1")
    case = cases["claim-three-minutes"]
    assert case.get("file") == "facts/review.yaml"
    assert int(case.get("line")) + 1 == 5  # pytest writes 0-based lines: the fact starts on line 5
    failure = case.find("failure")
    assert failure.get("message").startswith("facts/review.yaml:5: claim-three-minutes:")
    assert 'quote says "three" where the source says "two"' in failure.text  # the message attribute is cut short
    assert cases["attack-date"].find("failure") is not None  # the contradiction fails both facts it names
    assert cases["attack-date"].get("line") == "14"
    assert cases["claim-slip"].find("failure") is None  # a slip passes (with a warning)


def test_each_testcase_carries_its_report_entry(tree):
    case = junit(tree, "-o", "junit_family=xunit1")["claim-three-minutes"]
    entries = [json.loads(p.get("value")) for p in case.iter("property") if p.get("name") == "factcheck"]
    fact = next(e["entry"] for e in entries if e["kind"] == "fact")
    assert (fact["file"], fact["line"], fact["citations"][0]["line"]) == ("facts/review.yaml", 5, 9)


def test_the_default_family_drops_file_and_line(tree):
    """Why the README says to set junit_family = "xunit1": pytest's default (xunit2) writes neither."""
    case = junit(tree, "-o", "junit_family=xunit2")["claim-three-minutes"]
    assert case.get("file") is None and case.get("line") is None
