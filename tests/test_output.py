"""Reports are written safely and text is shown safely: nothing an input can change overwrites a file, injects a
CI command or a terminal escape, and a report never passes for complete when it is not."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from checker.cli import main
from checker.output import shown
from tests.helpers import GOOD_FACT, SOURCE, WRONG_FACT, make_project


@pytest.fixture
def project(tmp_path, monkeypatch):
    make_project(tmp_path, {"facts/a.yaml": "facts:\n" + GOOD_FACT})
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("target", ["facts/a.yaml", f"seeds/{SOURCE}", "pyproject.toml"])
def test_the_report_never_overwrites_an_input(project, capsys, target):
    before = (project / target).read_bytes()
    assert main(["check", "--json", target]) == 2
    captured = capsys.readouterr()
    assert "refusing to write the report" in captured.err and "overwrite an input of this run" in captured.err
    assert "1 passed" in captured.out  # the text report is still printed
    assert (project / target).read_bytes() == before


def test_the_report_never_follows_a_symbolic_link(project, capsys):
    (project / "victim.yml").write_text("keep: me\n", encoding="utf-8")
    (project / "reports").mkdir()
    (project / "reports" / "factcheck.json").symlink_to(project / "victim.yml")
    assert main(["check", "--json", "reports/factcheck.json"]) == 2
    assert "is a symbolic link" in capsys.readouterr().err
    assert (project / "victim.yml").read_text(encoding="utf-8") == "keep: me\n"
    (project / "linked").symlink_to(project / "reports")
    assert main(["check", "--json", "linked/new.json"]) == 2
    assert not (project / "reports" / "new.json").exists()


@pytest.mark.parametrize("target, why", [("facts", "it is a directory"), ("/dev/null", "not a regular file")])
def test_a_report_path_that_cannot_take_a_file_is_a_message_not_a_traceback(project, capsys, target, why):
    assert main(["check", "--json", target]) == 2
    assert why in capsys.readouterr().err


def test_the_report_replaces_the_previous_one_whole(project):
    assert main(["check", "--json", "r.json"]) == 0
    assert json.loads((project / "r.json").read_text(encoding="utf-8"))["complete"] is True
    assert not [p.name for p in project.iterdir() if p.name.endswith(".tmp")]  # no temporary file left behind


def test_pytest_refuses_a_report_path_over_a_fact_file_before_running(project):
    result = subprocess.run([sys.executable, "-m", "pytest", "facts/", "-p", "no:cacheprovider",
                             "--factcheck-json", "facts/a.yaml"], capture_output=True, text=True, cwd=project)
    assert result.returncode == pytest.ExitCode.USAGE_ERROR
    assert "overwrite an input of this run" in result.stderr
    assert (project / "facts" / "a.yaml").read_text(encoding="utf-8") == "facts:\n" + GOOD_FACT


def test_a_pytest_report_of_part_of_the_suite_says_it_is_incomplete(pytester):
    make_project(pytester.path, {"facts/a.yaml": "facts:\n" + GOOD_FACT + WRONG_FACT})
    result = pytester.runpytest("facts/", "-k", "first", "--factcheck-json", "r.json")
    result.assert_outcomes(passed=1, deselected=1)
    result.stdout.fnmatch_lines(["*factcheck JSON report: r.json (INCOMPLETE: 1 of 2 facts not run*"])
    report = json.loads((pytester.path / "r.json").read_text(encoding="utf-8"))
    assert report["complete"] is False and report["incomplete"][0].startswith("1 of 2 facts not run")
    pytester.runpytest("facts/", "--factcheck-json", "r.json")
    assert json.loads((pytester.path / "r.json").read_text(encoding="utf-8"))["complete"] is True


HOSTILE = "x\n::error file=x::pwned\n::add-mask::secret \x1b]0;title\x07 \x1b[31mred"


def test_input_text_cannot_inject_workflow_commands_or_terminal_escapes(project, capsys, pytester, monkeypatch):
    fact = GOOD_FACT.replace("claim: ISIS's claim of responsibility appeared on TamTam before Telegram.",
                             f"claim: {json.dumps(HOSTILE)}")
    (project / "facts" / "a.yaml").write_text("facts:\n" + fact + WRONG_FACT.replace(
        "claim: The claim came three minutes earlier.", f"claim: {json.dumps(HOSTILE)}"), encoding="utf-8")
    monkeypatch.chdir(project)  # pytester moved to its own directory
    main(["check"])
    out = capsys.readouterr().out
    make_project(pytester.path, {"facts/a.yaml": (project / "facts" / "a.yaml").read_text(encoding="utf-8")})
    pytest_out = pytester.runpytest("facts/").stdout.str()
    for text in (out, pytest_out):
        assert "pwned" in text  # shown, escaped
        assert not any(line.lstrip("E ").startswith("::") for line in text.splitlines())
        assert "\x1b" not in text and "\x07" not in text


def test_shown_escapes_controls_and_workflow_commands():
    assert shown("a\nb\tc\x1b[0m\u2028") == "a\\nb\\tc\\x1b[0m\\u2028"
    assert shown("::error::x") == "\\x3a:error::x"
    assert shown("plain: text :: stays") == "plain: text :: stays"


def test_a_closed_pipe_ends_quietly(project):
    result = subprocess.run(f"{sys.executable} -m checker check | head -c 1", shell=True, capture_output=True,
                            text=True, cwd=project)
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr
