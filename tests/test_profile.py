"""FACTCHECK_PROFILE: the opt-in phase timings bench/scale reads."""
from __future__ import annotations

import json
import time
from unittest.mock import ANY

from checker import profile
from checker.cli import main


def test_nothing_is_written_when_profiling_is_off(tmp_path, monkeypatch):
    monkeypatch.delenv(profile.ENVIRONMENT_VARIABLE, raising=False)
    with profile.phase("locate"):
        pass
    assert not list(tmp_path.iterdir())


def test_a_nested_phase_is_not_counted_in_the_phase_around_it(tmp_path, monkeypatch):
    out = tmp_path / "profile.jsonl"
    monkeypatch.setenv(profile.ENVIRONMENT_VARIABLE, str(out))
    with profile.phase("locate"):
        for _ in range(2):
            with profile.phase("read"):
                time.sleep(0.05)
    phases = summed(out)
    assert phases["read"][1] == 2 and phases["read"][0] >= 0.1
    assert phases["locate"][1] == 1 and phases["locate"][0] < 0.05


def test_a_long_run_writes_as_it_goes_so_a_killed_run_leaves_its_phases(tmp_path, monkeypatch):
    out = tmp_path / "profile.jsonl"
    monkeypatch.setenv(profile.ENVIRONMENT_VARIABLE, str(out))
    monkeypatch.setattr(profile, "WRITE_EVERY", 0.0)
    with profile.phase("locate"):
        with profile.phase("normalize"):
            pass
        assert json.loads(out.read_text(encoding="utf-8"))["phases"] == {"normalize": [ANY, 1]}
    assert summed(out)["locate"][1] == 1


def summed(path):
    """phase -> [seconds, calls] over every line of a profile file."""
    totals = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        for name, (seconds, calls) in json.loads(line)["phases"].items():
            totals.setdefault(name, [0.0, 0])
            totals[name][0] += seconds
            totals[name][1] += calls
    return totals


def test_the_cli_reports_every_phase_of_a_run(tmp_path, monkeypatch, capsys):
    out = tmp_path / "profile.jsonl"
    monkeypatch.setenv(profile.ENVIRONMENT_VARIABLE, str(out))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.factcheck]\nsources = "src"\n', encoding="utf-8")
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.txt").write_text("The council met on Tuesday and voted to close the bridge.\n")
    (tmp_path / "facts").mkdir()
    (tmp_path / "facts" / "a.yaml").write_text(
        'facts:\n  - id: vote\n    claim: The council voted.\n    citations:\n'
        '      - {source: a.txt, quote: "met on Tuesday and voted to close the bridge"}\n', encoding="utf-8")
    assert main(["check"]) == 0
    assert set(summed(out)) == {"load", "read", "normalize", "locate", "rules", "report"}
