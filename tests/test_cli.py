"""The CLI: exit codes 0/1/2, file:line for every problem, the other facts still checked."""
import json

import pytest

from checker.cli import main
from tests.helpers import GOOD_FACT, SOURCE, WRONG_FACT, make_project


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_all_quotes_stand_exit_0(project, capsys):
    make_project(project, {"facts/a.yaml": "facts:\n" + GOOD_FACT})
    assert main(["check"]) == 0
    assert capsys.readouterr().out == (
        "1 facts (0 failing), 1 citations: 1 passed, 0 failed; 0 disputing quotes (0 failed); "
        "0 contradictions, 0 disputes, 0 warnings; 0 errors\n"
    )


def test_a_changed_word_fails_with_the_closest_passage(project, capsys):
    make_project(project, {"facts/a.yaml": "facts:\n" + GOOD_FACT + WRONG_FACT})
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("facts/a.yaml:7: claim-three-minutes: The claim came three minutes earlier.\n")
    assert "  citation at facts/a.yaml:11 FAILS (mismatch" in out
    assert "    closest:  'It came on TamTam two minutes before any announcement'" in out
    assert f"    at:      seeds/{SOURCE}:30:2" in out
    assert '"three"' in out and '"two"' in out
    assert out.endswith(
        "2 facts (1 failing), 2 citations: 1 passed, 1 failed; 0 disputing quotes (0 failed); "
        "0 contradictions, 0 disputes, 0 warnings; 0 errors\n"
    )


def test_bad_yaml_exits_2_and_the_other_files_are_still_checked(project, capsys):
    make_project(project, {
        "facts/a.yaml": "facts:\n" + GOOD_FACT,
        "facts/b.yaml": "facts:\n  - id: x\n    claim: [unclosed\n",
    })
    assert main(["check", "--json", "report.json"]) == 2
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("facts/b.yaml:4:1: invalid YAML:")
    report = json.loads((project / "report.json").read_text(encoding="utf-8"))
    assert report["summary"]["passed"] == 1 and report["summary"]["errors"] == 1
    assert report["errors"][0]["file"] == "facts/b.yaml"


def test_schema_error_exit_2_names_the_key(project, capsys):
    make_project(project, {"facts/a.yaml": "facts:\n" + GOOD_FACT.replace("quote:", "qoute:")})
    assert main(["check"]) == 2
    assert "facts/a.yaml:6:9: unknown key 'qoute': did you mean 'quote'?" in capsys.readouterr().out


def test_missing_source_exit_2_suggests_the_name(project, capsys):
    make_project(project, {"facts/a.yaml": "facts:\n" + GOOD_FACT.replace(SOURCE, "000_12e6b7cc27e0264.txt")})
    assert main(["check"]) == 2
    assert capsys.readouterr().out.splitlines()[0] == (
        "facts/a.yaml:5:9: source '000_12e6b7cc27e0264.txt' not found in seeds/: "
        f"check the file name (did you mean '{SOURCE}'?)"
    )


def test_duplicate_id_across_files_exit_2(project, capsys):
    make_project(project, {"facts/a.yaml": "facts:\n" + GOOD_FACT, "facts/b.yaml": "facts:\n" + GOOD_FACT})
    assert main(["check"]) == 2
    assert capsys.readouterr().out.splitlines()[0] == (
        "facts/b.yaml:2:1: duplicate id 'claim-first-on-tamtam' (first at facts/a.yaml:2): give this fact its own id"
    )


def test_sources_option_overrides_the_config(project, capsys):
    make_project(project, {"facts/a.yaml": "facts:\n" + GOOD_FACT})
    (project / "seeds").rename(project / "elsewhere")
    assert main(["check"]) == 2
    capsys.readouterr()
    assert main(["check", "--sources", "elsewhere"]) == 0


def test_explicit_paths_and_a_missing_path(project, capsys):
    make_project(project, {"facts/a.yaml": "facts:\n" + GOOD_FACT, "other/b.yaml": "facts:\n" + WRONG_FACT})
    assert main(["check", "other/b.yaml"]) == 1
    capsys.readouterr()
    assert main(["check", "nope/"]) == 2
    assert capsys.readouterr().out.splitlines()[0] == "nope:1:1: no such file or directory"


def test_json_report_is_deterministic_and_valid(project, capsys):
    make_project(project, {"facts/a.yaml": "facts:\n" + GOOD_FACT + WRONG_FACT})
    main(["check", "--json", "one.json"])
    main(["check", "--json", "two.json"])
    one = (project / "one.json").read_bytes()
    assert one == (project / "two.json").read_bytes()
    from checker.validate import validator

    assert list(validator("report").iter_errors(json.loads(one))) == []


def test_json_to_stdout_keeps_stdout_pure(project, capsys):
    make_project(project, {"facts/a.yaml": "facts:\n" + GOOD_FACT})
    assert main(["check", "--json", "-"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["summary"]["passed"] == 1
    assert captured.err.startswith("1 facts (0 failing), 1 citations")


def test_bad_citations_are_input_errors_at_their_lines(project, capsys):
    make_project(project, {"facts/a.yaml": "facts:\n" + GOOD_FACT.replace(SOURCE, "sub") + GOOD_FACT.replace(
        "claim-first-on-tamtam", "pinned").replace("        quote:", "        lines: [40, 30]\n        quote:")
        + "  - 3\n"})
    (project / "seeds" / "sub").mkdir()
    assert main(["check"]) == 2
    assert capsys.readouterr().out.splitlines()[:3] == [
        "facts/a.yaml:5:9: source 'sub' is a directory in seeds/: cite a file in it",
        "facts/a.yaml:11:9: 'lines': [40, 30] runs backwards: write [30, 40]",
        "facts/a.yaml:13:5: 3 should be of type object",
    ]


def test_help_names_the_configured_defaults(project, capsys):
    (project / "pyproject.toml").write_text(
        '[tool.factcheck]\nsources = "corpus"\nfacts = ["claims"]\n', encoding="utf-8"
    )
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "here corpus/" in help_text and "here claims" in help_text and "seeds" not in help_text


def test_paths_of_several_projects_are_each_checked_with_their_own_configuration(project, capsys):
    make_project(project / "proj1", {"facts/a.yaml": "facts:\n" + GOOD_FACT + WRONG_FACT})
    make_project(project / "proj2", {"facts/b.yaml": "facts:\n" + GOOD_FACT.replace("claim-first-on-tamtam", "other")})
    (project / "proj2" / "pyproject.toml").write_text('[tool.factcheck]\nsources = "corpus"\n', encoding="utf-8")
    (project / "proj2" / "seeds").rename(project / "proj2" / "corpus")
    assert main(["check", "proj2/facts", "proj1/facts", "--json", "r.json"]) == 1
    out = capsys.readouterr().out
    assert "proj1/facts/a.yaml:7: claim-three-minutes" in out and "at:      proj1/seeds/" in out
    report = json.loads((project / "r.json").read_text(encoding="utf-8"))
    assert [(f["file"], f["ok"]) for f in report["facts"]] == [
        ("proj1/facts/a.yaml", True), ("proj1/facts/a.yaml", False), ("proj2/facts/b.yaml", True)]
    assert report["summary"]["failed"] == 1 and report["summary"]["errors"] == 0
