"""checker.rules_cache: the rules' findings are computed once (across concurrent processes, such as pytest-xdist
workers) and not again while nothing they depend on has changed; anything that changed, a damaged entry or a lock
left by a dead process makes them computed anew, and the report is the same either way."""
from __future__ import annotations

import json
import multiprocessing
import os
from pathlib import Path

import checker.rules
import checker.once
import checker.rules_cache
from checker.cache import Cache
from checker.config import load_config
from checker.report import dumps, report_document
from checker.rules_cache import FINDINGS, findings_from_json, findings_to_json
from checker.run import check
from tests.helpers import curated_project, in_processes


def report(root: Path, **overrides) -> str:
    config = load_config(root, **overrides)
    return dumps(report_document(check(config.facts, config).report, "seeds"))


def counting_rules(monkeypatch) -> list[int]:
    calls: list[int] = []
    check_rules = checker.rules.check_rules

    def counted(*args, **kwargs):
        calls.append(1)
        return check_rules(*args, **kwargs)

    monkeypatch.setattr(checker.rules, "check_rules", counted)
    return calls


def test_a_rerun_with_nothing_changed_reads_the_findings_and_reports_the_same(tmp_path, monkeypatch):
    root = curated_project(tmp_path / "project")
    calls = counting_rules(monkeypatch)
    first = report(root)
    assert len(calls) == 1
    assert report(root) == first and len(calls) == 1
    assert "attacker-age-29" in first and '"ok": false' in first  # the planted contradiction is among them
    assert report(root, cache=False) == first and len(calls) == 2


def test_a_changed_fact_file_source_or_option_runs_the_rules_again(tmp_path, monkeypatch):
    root = curated_project(tmp_path / "project")
    calls = counting_rules(monkeypatch)

    def cached_run(**overrides) -> int:
        """How many times the rules ran for a cached run; its report is checked against an uncached one."""
        before = len(calls)
        assert report(root, **overrides) == report(root, cache=False, **overrides)
        return len(calls) - before - 1

    assert cached_run() == 1 and cached_run() == 0
    planted = root / "facts" / "planted.yaml"
    planted.write_text(planted.read_text(encoding="utf-8").replace("was 29", "was 30"), encoding="utf-8")
    assert cached_run() == 1
    source = next((root / "seeds").glob("*.txt"))
    source.write_text(source.read_text(encoding="utf-8") + "\nA line added.\n", encoding="utf-8")
    assert cached_run() == 1
    assert cached_run(strict=True) == 1
    (root / "seeds" / "uncited.txt").write_text("A document no fact names.\n", encoding="utf-8")
    assert cached_run(strict=True) == 0  # the library at large is not read for the key, only the sources named
    assert cached_run() == 0  # the entry of the run with the project's own options is still there


def test_a_damaged_entry_is_computed_anew(tmp_path, monkeypatch):
    root = curated_project(tmp_path / "project")
    calls = counting_rules(monkeypatch)
    first = report(root)
    entries = list(Cache(root).root.glob(f"{FINDINGS}/*/*.json"))
    assert len(entries) == 1
    stored = json.loads(entries[0].read_text(encoding="utf-8"))
    for damage in ({**stored, "value": {"results": [{"rule": "x"}], "problems": []}}, "not json"):
        entries[0].write_text(damage if isinstance(damage, str) else json.dumps(damage), encoding="utf-8")
        assert report(root) == first
    assert len(calls) == 3


def test_the_stored_form_round_trips_and_refuses_other_shapes(tmp_path):
    root = curated_project(tmp_path / "project")
    config = load_config(root)
    checked = check(config.facts, config)
    data = json.loads(json.dumps(findings_to_json(checked.report.rules, [])))
    assert findings_from_json(data) == (checked.report.rules, [])
    assert findings_from_json({"results": [{**data["results"][0], "extra": 1}], "problems": []}) is None
    assert findings_from_json({"results": data["results"]}) is None
    assert findings_from_json({"results": [{**data["results"][0], "ok": 1}], "problems": []}) is None
    assert findings_from_json({"results": [{**data["results"][0], "facts": [1]}], "problems": []}) is None
    assert findings_from_json(None) is None


def _checker(root: str, out: str) -> None:
    import time

    import checker.rules as rules

    check_rules, calls = rules.check_rules, []

    def slow(*args, **kwargs):
        calls.append(1)
        time.sleep(1.0)  # the other process surely asks for the findings while these are computed
        return check_rules(*args, **kwargs)

    rules.check_rules = slow
    checked = report(Path(root))
    Path(out).write_text(json.dumps({"report": checked, "calls": len(calls)}), encoding="utf-8")


def test_two_processes_needing_the_findings_at_once_run_the_rules_once(tmp_path):
    root = curated_project(tmp_path / "project")
    outs = [tmp_path / f"process{n}.json" for n in range(2)]
    in_processes(_checker, *[(str(root), str(out)) for out in outs])
    done = [json.loads(out.read_text(encoding="utf-8")) for out in outs]
    assert done[0]["report"] == done[1]["report"] == report(root, cache=False)
    assert sorted(d["calls"] for d in done) == [0, 1]  # one ran the rules, the other waited and read them


def test_a_lock_left_by_a_dead_process_is_taken_over(tmp_path, monkeypatch):
    root = curated_project(tmp_path / "project")
    expected = report(root, cache=False)
    dead = multiprocessing.get_context("spawn").Process(target=os.getpid)
    dead.start()
    dead.join()
    calls = counting_rules(monkeypatch)
    findings = Cache(root).root / FINDINGS
    findings.mkdir(parents=True)
    real_take = checker.once._take

    def left_behind(lock: Path) -> bool:  # the lock of this very key, held by a process that was killed
        if not lock.exists() and not getattr(left_behind, "planted", False):
            left_behind.planted = True
            lock.write_text(str(dead.pid), encoding="ascii")
        return real_take(lock)

    monkeypatch.setattr(checker.once, "_take", left_behind)
    assert report(root) == expected and len(calls) == 1
    assert not list(findings.glob("*.lock"))
