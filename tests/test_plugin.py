"""`pytest facts/`: one item per fact, plain-text failures, -k/--lf/-x/-n, --factcheck-json."""
import json

import pytest

from tests.helpers import GOOD_FACT, GOOD_QUOTE, SOURCE, WRONG_FACT, make_project


def project(pytester, files):
    make_project(pytester.path, files)
    return pytester


def test_one_item_per_fact_named_by_file_and_id(pytester):
    project(pytester, {"facts/tamtam.yaml": "facts:\n" + GOOD_FACT + WRONG_FACT})
    result = pytester.runpytest("facts/", "--co", "-q")
    assert result.outlines[:2] == [
        "facts/tamtam.yaml::claim-first-on-tamtam",
        "facts/tamtam.yaml::claim-three-minutes",
    ]


def test_a_wrong_quote_fails_without_a_traceback(pytester):
    project(pytester, {"facts/tamtam.yaml": "facts:\n" + GOOD_FACT + WRONG_FACT})
    result = pytester.runpytest("facts/")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines([
        "*facts/tamtam.yaml:7: claim-three-minutes: The claim came three minutes earlier.",
        "*citation at facts/tamtam.yaml:11 FAILS (mismatch*",
        "*closest:  'It came on TamTam two minutes before any announcement'",
        f"*at:      seeds/{SOURCE}:30:2",
        '*"three"*"two"*',
    ])
    assert "Traceback" not in result.stdout.str() and "def runtest" not in result.stdout.str()


def test_bad_yaml_is_a_failing_item_and_the_rest_still_run(pytester):
    project(pytester, {
        "facts/a.yaml": "facts:\n" + GOOD_FACT,
        "facts/b.yaml": "facts:\n  - id: x\n    claim: [unclosed\n",
    })
    result = pytester.runpytest("facts/")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*facts/b.yaml:4:1: invalid YAML:*"])
    assert result.ret == 1


def test_missing_source_and_duplicate_id_fail_their_facts(pytester):
    project(pytester, {
        "facts/a.yaml": "facts:\n" + GOOD_FACT,
        "facts/b.yaml": "facts:\n" + GOOD_FACT + WRONG_FACT.replace(SOURCE, "nope.txt"),
    })
    result = pytester.runpytest("facts/", "-q")
    result.assert_outcomes(passed=1, failed=2)
    result.stdout.fnmatch_lines([
        "*facts/b.yaml:2:1: duplicate id 'claim-first-on-tamtam' (first at facts/a.yaml:2)*",
        "*facts/b.yaml:10:9: source 'nope.txt' not found in seeds/*",
    ])


def test_k_lf_and_x_select_facts(pytester):
    project(pytester, {"facts/tamtam.yaml": "facts:\n" + GOOD_FACT + WRONG_FACT})
    pytester.runpytest("facts/", "-k", "first").assert_outcomes(passed=1, deselected=1)
    pytester.runpytest("facts/").assert_outcomes(passed=1, failed=1)
    # pytest >= 8 filters last-failed items at collection (no "deselected" count): only the failing fact runs
    pytester.runpytest("facts/", "--lf").assert_outcomes(failed=1)
    pytester.runpytest("facts/", "-x", "-p", "no:randomly").assert_outcomes(passed=1, failed=1)


def test_json_report_from_pytest_equals_the_cli_report(pytester, monkeypatch):
    project(pytester, {"facts/tamtam.yaml": "facts:\n" + GOOD_FACT + WRONG_FACT})
    pytester.runpytest("facts/", "--factcheck-json", "pytest.json")
    from checker.cli import main

    monkeypatch.chdir(pytester.path)
    main(["check", "--json", "cli.json"])
    assert (pytester.path / "pytest.json").read_bytes() == (pytester.path / "cli.json").read_bytes()
    report = json.loads((pytester.path / "pytest.json").read_text(encoding="utf-8"))
    assert report["summary"]["failed"] == 1


def test_yaml_outside_the_facts_directory_is_not_collected(pytester):
    project(pytester, {"facts/a.yaml": "facts:\n" + GOOD_FACT, "other/config.yaml": "not: facts\n"})
    result = pytester.runpytest("other/", "facts/")
    result.assert_outcomes(passed=1)


def test_a_rule_warning_on_a_fact_passes_and_shows_in_the_warnings_summary(pytester):
    project(pytester, {"facts/a.yaml": f"""\
entities:
  - {{id: isis-claim, name: ISIS's claim, kind: event}}
  - {{id: telegram, name: Telegram, kind: platform, aliases: [Telegram]}}
facts:
  - id: claim-platform
    claim: The claim came on a messaging app.
    about: isis-claim
    property: platform
    value: {{entity: telegram}}
    citations:
      - source: {SOURCE}
        quote: "{GOOD_QUOTE}"
"""})
    result = pytester.runpytest("facts/", "-W", "always")
    result.assert_outcomes(passed=1)  # pytester may add its own warnings (assert rewriting), so no count
    result.stdout.fnmatch_lines(
        ["*facts/a.yaml:5: FactcheckWarning: value-agreement: warning: claim-platform: value telegram*"]
    )


def test_xdist_runs_facts_in_parallel_and_its_report_with_a_dispute_equals_the_cli_report(pytester, monkeypatch):
    """One run under -n 2 (its worker processes are what is tested): the controller writes the report."""
    disputed = GOOD_FACT + """\
    disputed_by:
      - source: 001_2afa2717bd8a4cc8.txt
        quote: "It was there on Saturday afternoon, a few minutes before Telegram"
        says: {text: a few minutes}
        resolution: 000 is the original and says two minutes
"""
    project(pytester, {"facts/a.yaml": "facts:\n" + disputed + WRONG_FACT})
    result = pytester.runpytest_subprocess("facts/", "-n", "2", "--factcheck-json", "x.json")
    result.assert_outcomes(passed=1, failed=1)
    from checker.cli import main

    monkeypatch.chdir(pytester.path)
    main(["check", "--json", "cli.json"])
    assert (pytester.path / "x.json").read_bytes() == (pytester.path / "cli.json").read_bytes()
    report = json.loads((pytester.path / "x.json").read_text(encoding="utf-8"))
    assert [f["id"] for f in report["facts"]] == ["claim-first-on-tamtam", "claim-three-minutes"]
    assert report["facts"][0]["disputed_by"][0]["says"] == {"text": "a few minutes"}


def two_projects(root):
    """A folder holding two projects, each with its own [tool.factcheck], one failing fact in the first."""
    make_project(root / "proj1", {"facts/a.yaml": "facts:\n" + GOOD_FACT + WRONG_FACT})
    make_project(root / "proj2", {"facts/b.yaml": "facts:\n" + GOOD_FACT.replace("claim-first-on-tamtam", "other")})


def test_each_path_belongs_to_the_project_whose_configuration_is_nearest(pytester):
    two_projects(pytester.path)
    for order in (["proj2/facts", "proj1/facts"], ["proj1/facts", "proj2/facts"]):
        result = pytester.runpytest(*order, "--factcheck-json", "r.json")
        result.assert_outcomes(passed=2, failed=1)
        result.stdout.fnmatch_lines([
            "factcheck: proj1/pyproject.toml [tool.factcheck]: facts in proj1/facts, sources in proj1/seeds",
            "factcheck: proj2/pyproject.toml [tool.factcheck]: facts in proj2/facts, sources in proj2/seeds",
        ])
        report = json.loads((pytester.path / "r.json").read_text(encoding="utf-8"))
        assert [(f["file"], f["id"], f["ok"]) for f in report["facts"]] == [
            ("proj1/facts/a.yaml", "claim-first-on-tamtam", True),
            ("proj1/facts/a.yaml", "claim-three-minutes", False),
            ("proj2/facts/b.yaml", "other", True),
        ]
        assert report["facts"][1]["citations"][0]["location"]["line"] == 30


def test_a_monorepo_root_with_its_own_pyproject_still_collects_each_project(pytester):
    two_projects(pytester.path)
    (pytester.path / "pyproject.toml").write_text("[project]\nname = 'monorepo'\n", encoding="utf-8")
    pytester.runpytest().assert_outcomes(passed=2, failed=1)


def test_a_fact_file_given_explicitly_is_collected_even_outside_the_facts_paths(pytester):
    project(pytester, {"facts/a.yaml": "facts:\n" + GOOD_FACT, "extra/more.yaml": "facts:\n" + WRONG_FACT})
    pytester.runpytest("extra/more.yaml").assert_outcomes(failed=1)
    pytester.runpytest("extra/").assert_outcomes(failed=1)
    pytester.runpytest("extra/", "facts/").assert_outcomes(passed=1, failed=1)


def test_a_directory_that_yields_no_fact_says_why(pytester):
    project(pytester, {"facts/a.yaml": "facts:\n" + GOOD_FACT, "other/config.yaml": "not: facts\n", "empty/x.txt": ""})
    result = pytester.runpytest("other/", "empty/")
    assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED
    result.stdout.fnmatch_lines([
        "factcheck: other: 1 YAML files but no fact file: none is under the facts paths of "
        "pyproject.toml [tool.factcheck]: facts in facts, sources in seeds, nor declares facts:, entities: or rules: "
        "at its top level",
        "factcheck: empty: no fact files (.yaml, .yml) in it",
    ])


def test_junit_xml_properties_are_compact_json(pytester):
    project(pytester, {"facts/a.yaml": "facts:\n" + GOOD_FACT})
    pytester.runpytest("facts/", "--junitxml", "j.xml").assert_outcomes(passed=1)
    import xml.etree.ElementTree as ElementTree

    values = [prop.get("value") for prop in ElementTree.parse(pytester.path / "j.xml").getroot().iter("property")]
    recorded = {entry["kind"]: entry["entry"] for entry in map(json.loads, values)}
    assert recorded["fact"]["id"] == "claim-first-on-tamtam"
    assert recorded["suite"] == {"facts": [["facts/a.yaml", 2, "claim-first-on-tamtam"]]}
    assert not any(", " in value for value in values)


def test_a_link_loop_in_facts_collects_each_fact_once(pytester):
    """`facts/loop -> .`: pytest collected the fact 41 times and the report counted 41 facts."""
    project(pytester, {"facts/tamtam.yaml": "facts:\n" + GOOD_FACT})
    (pytester.path / "facts" / "loop").symlink_to(".")
    result = pytester.runpytest("facts/", "-p", "no:cacheprovider", "--factcheck-json", "report.json")
    result.assert_outcomes(passed=1)
    report = json.loads((pytester.path / "report.json").read_text(encoding="utf-8"))
    assert [entry["file"] for entry in report["facts"]] == ["facts/tamtam.yaml"]


def test_a_number_too_large_fails_its_file_only(pytester):
    """A 5,000-digit number made every file, good ones included, a collection error (int()'s ValueError)."""
    project(pytester, {"facts/a.yaml": "facts:\n" + GOOD_FACT, "facts/b.yaml": "facts:\n  - id: x\n    note: "
                       + "1" * 5000 + "\n"})
    result = pytester.runpytest("facts/", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*facts/b.yaml:3:11: the number 1111*is too large for a fact file*"])
    assert "Traceback" not in result.stdout.str()


def test_the_failure_summary_scans_no_silent_setup_or_teardown_report_and_still_shows_teardown_output(pytester):
    """pytest's failure summary scanned every passing setup/teardown report once per failure: 10,000 facts with 1,000
    failures cost seconds. Those that show nothing are dropped before it; captured teardown output still shows."""
    project(pytester, {"facts/tamtam.yaml": "facts:\n" + GOOD_FACT + WRONG_FACT})
    pytester.makeconftest("""
import pytest

@pytest.fixture
def noisy():
    yield
    print("said at teardown")

def pytest_terminal_summary(terminalreporter):
    print("setup/teardown reports left:", [r.nodeid for r in terminalreporter.stats.get("", [])])
""")
    pytester.makepyfile(test_noisy="def test_noisy(noisy):\n    assert False\n")
    result = pytester.runpytest("facts/", "test_noisy.py", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=2)
    result.stdout.fnmatch_lines(["*Captured stdout teardown*", "said at teardown",
                                 "setup/teardown reports left: ['test_noisy.py::test_noisy']"])


def test_the_xdist_controller_writes_the_report_without_loading_the_fact_files(pytester):
    """The controller runs no fact: loading the suite there only to know which files a report may not overwrite
    cost a third process the whole load (seconds on 10,000 facts), beside the workers."""
    project(pytester, {"facts/tamtam.yaml": "facts:\n" + GOOD_FACT + WRONG_FACT})
    pytester.makeconftest("""
import json
import checker.plugin

loaded = []
prepare = checker.plugin.prepare

def counted(*args, **kwargs):
    loaded.append(1)
    return prepare(*args, **kwargs)

checker.plugin.prepare = counted

def pytest_unconfigure(config):
    if not hasattr(config, "workerinput"):
        with open("controller-loads.json", "w") as out:
            json.dump(len(loaded), out)
""")
    result = pytester.runpytest_subprocess("facts/", "-n", "2", "-p", "no:cacheprovider", "--factcheck-json", "x.json")
    result.assert_outcomes(passed=1, failed=1)
    assert json.loads((pytester.path / "controller-loads.json").read_text(encoding="utf-8")) == 0
    report = json.loads((pytester.path / "x.json").read_text(encoding="utf-8"))
    assert [(f["id"], f["ok"]) for f in report["facts"]] == [("claim-first-on-tamtam", True),
                                                             ("claim-three-minutes", False)]
    assert pytester.runpytest_subprocess("facts/", "-n", "2", "--factcheck-json", "facts/tamtam.yaml").ret == 4


def test_under_xdist_the_rules_run_once_and_not_again_while_nothing_changed(pytester, monkeypatch):
    """Every worker needs the rules' findings; the first to need them runs the rules and the other reads them
    (checker.rules_cache), and a second run reads them too; the report is the CLI's either way."""
    project(pytester, {"facts/tamtam.yaml": "facts:\n" + GOOD_FACT + WRONG_FACT})
    pytester.makeconftest("""
import os
import checker.rules

check_rules = checker.rules.check_rules

def counted(*args, **kwargs):
    with open("rules-runs.txt", "a") as out:
        out.write(f"{os.getpid()}\\n")
    return check_rules(*args, **kwargs)

checker.rules.check_rules = counted
""")
    runs = pytester.path / "rules-runs.txt"
    for expected in (1, 1):  # the first run runs them once in all; the second not at all
        result = pytester.runpytest_subprocess("facts/", "-n", "2", "-p", "no:cacheprovider",
                                               "--factcheck-json", "x.json")
        result.assert_outcomes(passed=1, failed=1)
        assert len(runs.read_text(encoding="utf-8").split()) == expected
    from checker.cli import main

    monkeypatch.chdir(pytester.path)
    main(["check", "--json", "cli.json", "--no-cache"])
    assert (pytester.path / "x.json").read_bytes() == (pytester.path / "cli.json").read_bytes()
