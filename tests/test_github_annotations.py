"""GitHub annotations (`factcheck check --format github`): parsed as the runner parses workflow commands, at the
fact file's lines, most important first, counted in all, and no input text can start a command of its own."""
import os
import subprocess
import sys

import pytest

from checker.cli import main
from tests.helpers import WRONG_FACT, make_project
from tests.review_tree import make_review_tree


def unescape(text: str, prop: bool) -> str:
    """The runner's unescaping (actions/runner ActionCommand): %0D, %0A (and %3A, %2C in properties), then %25."""
    pairs = [("%0D", "\r"), ("%0A", "\n")] + ([("%3A", ":"), ("%2C", ",")] if prop else []) + [("%25", "%")]
    for escaped, char in pairs:
        text = text.replace(escaped, char)
    return text


def parse(line: str):
    """A log line as the runner reads it (ActionCommand.TryParseV2): None unless it is a workflow command."""
    if not line.startswith("::"):
        return None
    end = line.find("::", 2)
    if end < 0:
        return None
    info, data = line[2:end], line[end + 2:]
    name, _, props = info.partition(" ")
    properties = {}
    for part in (p for p in props.strip().split(",") if p):
        key, eq, value = part.partition("=")
        if eq:
            properties[key] = unescape(value, prop=True)
    return name, properties, unescape(data, prop=False)


@pytest.fixture
def tree(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return make_review_tree(tmp_path)


def commands(out: str):
    return [parsed for parsed in map(parse, out.splitlines()) if parsed]


def test_one_annotation_per_finding_at_its_line_most_important_first(tree, capsys):
    assert main(["check", "--format", "github"]) == 2
    found = commands(capsys.readouterr().out)
    where = [(name, props["file"], int(props["line"])) for name, props, _ in found if name != "notice"]
    assert where == [
        ("error", "facts/broken.yaml", 5),     # input errors first
        ("error", "facts/broken.yaml", 6),
        ("error", "facts/review.yaml", 9),     # then failing quotes, at the quote's line
        ("error", "facts/review.yaml", 48),
        ("error", "facts/review.yaml", 15),    # then contradictions, at the first fact they name
        ("error", "facts/review.yaml", 44),
        ("warning", "facts/review.yaml", 14),  # the transcription slip
        ("warning", "facts/review.yaml", 15),  # the warning-severity rule
    ]
    name, props, message = found[2]
    assert props["title"] == "claim-three-minutes: citation fails (quote/mismatch)"
    assert 'quote says "three" where the source says "two"' in message
    assert "at:      seeds/000_12e6b7cc27e0264f.txt:30:2" in message
    assert found[4][1]["title"] == "single-value: attack-date, attack-date-russian"  # ',' and ':' survive
    assert found[-1] == ("notice", {"title": "factcheck"}, "6 errors, 2 warnings in all")


def test_a_hostile_claim_and_quote_stay_inside_their_annotation(tree, capsys):
    main(["check", "--format", "github"])
    out = capsys.readouterr().out
    found = commands(out)
    assert len(found) == 9  # 8 findings and the notice: nothing the claim holds became a command
    hostile = next(message for _, props, message in found if props.get("line") == "48")
    claim = "50%0A::error file=x::injected | <b>bold</b> `tick` @someone\n::add-mask::secret"
    assert hostile.startswith(f"hostile: {claim}")
    assert "100% before <b>any</b>" in hostile
    assert not any(line.startswith("::add-mask") for line in out.splitlines())


def test_automatic_in_github_actions_and_off_when_told(tree, capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    main(["check"])
    assert len(commands(capsys.readouterr().out)) == 9
    main(["check", "--format", "text"])
    assert commands(capsys.readouterr().out) == []
    monkeypatch.delenv("GITHUB_ACTIONS")
    main(["check"])
    assert commands(capsys.readouterr().out) == []


def test_the_notice_says_how_many_github_does_not_show(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    facts = "".join(WRONG_FACT.replace("claim-three-minutes", f"wrong-{i:02}") for i in range(12))
    make_project(tmp_path, {"facts/a.yaml": "facts:\n" + facts})
    assert main(["check", "--format", "github"]) == 1
    found = commands(capsys.readouterr().out)
    assert [name for name, _, _ in found].count("error") == 12
    assert found[-1][2] == (
        "12 errors, 0 warnings in all (GitHub shows the first 10 of each: 2 more errors are in the log)"
    )


def test_pytest_failures_annotate_through_the_community_plugin(tree):
    """pytest-github-actions-annotate-failures reads each failing item's location: the fact's YAML file and line."""
    (tree / "facts/broken.yaml").unlink()
    env = {**os.environ, "GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": str(tree)}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "facts/", "-p", "no:cacheprovider", "-p", "no:xdist", "-q"],
        cwd=tree, env=env, capture_output=True, text=True,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    found = commands(result.stderr)
    errors = {(props["file"], int(props["line"])): message for name, props, message in found if name == "error"}
    assert set(errors) == {
        ("facts/review.yaml", 5), ("facts/review.yaml", 15), ("facts/review.yaml", 23), ("facts/review.yaml", 44),
        ("facts/review.yaml", 50),  # the single-value rule's own item, at its declaration
    }
    assert 'quote says "three" where the source says "two"' in errors[("facts/review.yaml", 5)]
    warned = {(props["file"], int(props["line"])) for name, props, _ in found if name == "warning"}
    assert ("facts/review.yaml", 10) in warned  # the transcription slip, at its fact
