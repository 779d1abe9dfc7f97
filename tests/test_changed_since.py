"""Changed-only runs (`factcheck check --changed-since REF`) on a temporary git repository: a changed fact file, a
changed source, a rule finding that involves an unchanged fact, a renamed file, a deleted file."""
import json
import subprocess
import sys

import jsonschema
import pytest

from checker.cli import main
from tests.conftest import REPO
from tests.helpers import make_project

NOTE = ("On Friday 29 November 2019 the ferry left the harbour at seven, as every morning.\n\n"
        "On Saturday 30 November 2019 the ferry stayed in the harbour all day.\n")


def fact(fact_id: str, source: str, quote: str, date: str = "") -> str:
    value = f"    about: ferry\n    property: date\n    value: {{date: {date}}}\n" if date else ""
    return (f"  - id: {fact_id}\n    claim: A claim about the ferry.\n{value}    citations:\n"
            f"      - source: {source}\n        quote: \"{quote}\"\n")


GOOD = "It came on TamTam two minutes before any announcement"
FERRY = "On Friday 29 November 2019 the ferry left the harbour at seven"
FERRY_30 = "On Saturday 30 November 2019 the ferry stayed in the harbour all day"
ENTITIES = "entities:\n  - {id: ferry, name: The ferry, kind: event}\n"


def git(root, *args):
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A committed project: a.yaml, the ferry's note and a fact citing it, two facts that contradict each other
    (committed so: pre-existing), a file to rename and one to delete."""
    monkeypatch.chdir(tmp_path)
    make_project(tmp_path, {
        "seeds/note.txt": NOTE,
        "facts/a.yaml": "facts:\n" + fact("a-alpha", "000_12e6b7cc27e0264f.txt", GOOD),
        "facts/ferry.yaml": ENTITIES + "facts:\n" + fact("ferry-note", "note.txt", FERRY, "2019-11-29"),
        "facts/old-dispute.yaml": ("facts:\n" + fact("bus-early", "note.txt", FERRY, "2019-11-29")
                                   + fact("bus-late", "note.txt", FERRY_30, "2019-11-30")).replace("ferry", "bus")
        .replace("the bus left", "the ferry left").replace("the bus stayed", "the ferry stayed"),
        "facts/to-rename.yaml": "facts:\n" + fact("renamed-fact", "000_12e6b7cc27e0264f.txt", GOOD),
        "facts/to-delete.yaml": "facts:\n" + fact("deleted-fact", "000_12e6b7cc27e0264f.txt", GOOD),
        "facts/rules.yaml": "entities:\n  - {id: bus, name: The bus, kind: event}\n"
        "rules:\n  - {kind: single-value, properties: [date]}\n",
    })
    with open(tmp_path / "seeds/sources.yaml", "a", encoding="utf-8") as sources:
        sources.write('  - {file: note.txt, title: The harbour note, published: "2019-12-01", language: en}\n')
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "base")
    return tmp_path


def run(repo, *extra):
    code = main(["check", "--changed-since", "HEAD", "--json", "report.json", *extra])
    return code, json.loads((repo / "report.json").read_text(encoding="utf-8"))


def ids(report):
    return [f["id"] for f in report["facts"]]


def test_nothing_changed_checks_nothing_and_sets_the_old_contradiction_aside(repo, capsys):
    code, report = run(repo)
    assert code == 0 and ids(report) == []
    assert [r["facts"] for r in report["pre_existing"]] == [["bus-early", "bus-late"]]
    assert report["complete"] is False and report["changed_since"] == "HEAD"
    schema = json.loads((REPO / "schema/report.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(report)
    assert "pre-existing (involves no changed fact): single-value: error" in capsys.readouterr().out


def test_a_changed_fact_file_checks_its_facts(repo):
    (repo / "facts/a.yaml").write_text(
        "facts:\n" + fact("a-alpha", "000_12e6b7cc27e0264f.txt", GOOD.replace("two", "three"))
        + fact("a-beta", "000_12e6b7cc27e0264f.txt", GOOD), encoding="utf-8")
    code, report = run(repo)
    assert code == 1
    assert ids(report) == ["a-alpha", "a-beta"]
    assert report["summary"]["failed"] == 1 and report["summary"]["contradictions"] == 0


def test_a_changed_source_checks_the_facts_citing_it(repo):
    (repo / "seeds/note.txt").write_text(NOTE.replace("seven", "eight"), encoding="utf-8")
    code, report = run(repo)
    assert code == 1
    assert sorted(ids(report)) == ["bus-early", "bus-late", "ferry-note"]
    assert all(not f["ok"] for f in report["facts"])
    assert report["summary"]["contradictions"] == 1  # bus-early and bus-late are touched now: their finding counts
    assert report["pre_existing"] == []


def test_a_finding_with_an_unchanged_fact_fails_the_run(repo):
    """A changed fact that contradicts an unchanged one: the rule runs over all facts, its finding involves the
    changed fact, so it counts, and it names the unchanged fact too."""
    (repo / "facts/new.yaml").write_text(
        "facts:\n" + fact("ferry-other", "note.txt", FERRY_30, "2019-11-30"), encoding="utf-8")  # untracked
    code, report = run(repo)
    assert code == 1
    assert ids(report) == ["ferry-other"]
    assert [r["facts"] for r in report["contradictions"] if not r["ok"]] == [["ferry-note", "ferry-other"]]
    assert [r["facts"] for r in report["pre_existing"]] == [["bus-early", "bus-late"]]


def test_a_renamed_file_is_checked_under_its_new_name(repo):
    git(repo, "mv", "facts/to-rename.yaml", "facts/renamed.yaml")
    code, report = run(repo)
    assert code == 0
    assert [(f["id"], f["file"]) for f in report["facts"]] == [("renamed-fact", "facts/renamed.yaml")]


def test_a_deleted_fact_file_and_a_deleted_source(repo):
    git(repo, "rm", "-q", "facts/to-delete.yaml")
    code, report = run(repo)
    assert code == 0 and ids(report) == []  # its facts are gone, nothing else touched
    (repo / "seeds/note.txt").unlink()
    code, report = run(repo)
    assert code == 2  # the facts citing the deleted source are checked, and their source is missing
    assert "ferry-note" in ids(report)
    assert any("note.txt" in e["message"] and "not found" in e["message"] for e in report["errors"])


def test_an_unknown_ref_is_an_input_error(repo, capsys):
    assert main(["check", "--changed-since", "no-such-branch"]) == 2
    assert "--changed-since no-such-branch: no such commit" in capsys.readouterr().err


def test_outside_a_git_repository(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    make_project(tmp_path, {"facts/a.yaml": "facts:\n" + fact("a-alpha", "000_12e6b7cc27e0264f.txt", GOOD)})
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    assert main(["check", "--changed-since", "HEAD"]) == 2
    assert "is not in a git repository" in capsys.readouterr().err


def test_pytest_deselects_the_facts_the_change_does_not_touch(repo):
    (repo / "facts/new.yaml").write_text(
        "facts:\n" + fact("ferry-other", "note.txt", FERRY_30, "2019-11-30"), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "facts/", "-p", "no:cacheprovider", "-p", "no:xdist", "-rA",
         "--factcheck-changed-since", "HEAD"], cwd=repo, capture_output=True, text=True,
    )
    assert result.returncode == 1, result.stdout
    assert "FAILED facts/new.yaml::ferry-other" in result.stdout  # contradicts the unchanged ferry-note
    assert "1 failed, 7 deselected" in result.stdout  # six untouched facts and the rule item
    unchanged = subprocess.run(
        [sys.executable, "-m", "pytest", "facts/", "-p", "no:cacheprovider", "-p", "no:xdist", "-q",
         "--factcheck-changed-since", "no-such-ref"], cwd=repo, capture_output=True, text=True,
    )
    assert unchanged.returncode == 4 and "no such commit" in unchanged.stderr


def test_not_with_a_shard(repo, capsys):
    assert main(["check", "--changed-since", "HEAD", "--shard", "1/2"]) == 2
    assert "--changed-since and --shard do not combine" in capsys.readouterr().err
