"""Strictness end to end: a transcription slip passes unless the most specific level that says `strict` says true.

Levels, most specific first: the citation's `strict:`, the fact's `strict:`, then the project's (`--strict`,
`--factcheck-strict`, `strict = true` under [tool.factcheck]). Each entry point is run for real on a project whose
only quote has a slip ("befor"), so the setting must reach the matcher through the whole pipeline.
"""
from __future__ import annotations

import itertools
import json

import pytest

from checker.cli import main
from tests.helpers import SOURCE, make_project

SLIP = "It came on TamTam two minutes befor any announcement on the handful of Telegram channels that were still up"
SAID = {None: "", True: "true", False: "false"}


def fact_file(fact_strict: bool | None, citation_strict: bool | None) -> str:
    fact_line = f"    strict: {SAID[fact_strict]}\n" if fact_strict is not None else ""
    citation_line = f"        strict: {SAID[citation_strict]}\n" if citation_strict is not None else ""
    return (
        "facts:\n  - id: slip\n    claim: The claim came on TamTam first.\n" + fact_line
        + f"    citations:\n      - source: {SOURCE}\n        quote: \"{SLIP}\"\n" + citation_line
    )


def write_project(root, project_strict: bool | None, fact_strict=None, citation_strict=None):
    make_project(root, {"facts/a.yaml": fact_file(fact_strict, citation_strict)})
    setting = f"strict = {SAID[project_strict]}\n" if project_strict is not None else ""
    (root / "pyproject.toml").write_text(f'[tool.factcheck]\nsources = "seeds"\n{setting}', encoding="utf-8")


def expected_to_fail(project, command_line, fact, citation) -> bool:
    said = [level for level in (citation, fact) if level is not None]
    if said:
        return said[0]
    return bool(command_line or project)


LEVELS = list(itertools.product([None, True, False], [False, True], [None, True, False], [None, True, False]))


@pytest.mark.parametrize("project_strict, command_line, fact_strict, citation_strict", LEVELS)
def test_cli(tmp_path, monkeypatch, capsys, project_strict, command_line, fact_strict, citation_strict):
    write_project(tmp_path, project_strict, fact_strict, citation_strict)
    monkeypatch.chdir(tmp_path)
    code = main(["check", "--json", "r.json"] + (["--strict"] if command_line else []))
    fails = expected_to_fail(project_strict, command_line, fact_strict, citation_strict)
    assert code == (1 if fails else 0), capsys.readouterr().out
    [citation] = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["facts"][0]["citations"]
    assert (citation["status"], citation["ok"]) == ("fuzzy", not fails)


PYTEST_CASES = [
    (None, True, None, None),  # --factcheck-strict alone
    (True, False, None, None),  # strict = true in pyproject alone
    (None, False, True, None),  # strict: true on the fact
    (None, False, None, True),  # strict: true on the citation
    (True, True, None, False),  # strict: false on the citation wins over a strict project and command line
    (True, False, False, None),  # strict: false on the fact wins over a strict project
    (None, True, False, True),  # the citation's strict wins over its fact's
    (None, False, None, None),  # nothing said: slips pass
]


@pytest.mark.parametrize("project_strict, command_line, fact_strict, citation_strict", PYTEST_CASES)
def test_pytest(pytester, project_strict, command_line, fact_strict, citation_strict):
    write_project(pytester.path, project_strict, fact_strict, citation_strict)
    result = pytester.runpytest("facts/", *(["--factcheck-strict"] if command_line else []))
    if expected_to_fail(project_strict, command_line, fact_strict, citation_strict):
        result.assert_outcomes(failed=1)
        result.stdout.fnmatch_lines(["*citation at facts/a.yaml:* FAILS (fuzzy*"])
    else:
        result.assert_outcomes(passed=1)


def test_pytest_xdist_workers_get_the_project_setting(pytester):
    write_project(pytester.path, True)
    pytester.runpytest_subprocess("facts/", "-n", "2", "-p", "no:cacheprovider").assert_outcomes(failed=1)


@pytest.mark.parametrize("project_strict, fact_strict, cited", [(None, None, 1), (True, None, 0), (True, False, 1)])
def test_coverage_counts_a_slip_as_cited_unless_strict(
    tmp_path, monkeypatch, capsys, project_strict, fact_strict, cited
):
    write_project(tmp_path, project_strict, fact_strict)
    monkeypatch.chdir(tmp_path)
    main(["coverage", "--min", "0"])
    line = next(line for line in capsys.readouterr().out.splitlines() if line.startswith(f"seeds/{SOURCE}:"))
    assert f"({cited} cited," in line
