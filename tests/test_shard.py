"""check --shard I/N and merge: shares of the facts checked apart, merged into the report a single run writes."""
from __future__ import annotations

import json
import shutil

import pytest
import yaml

from checker.cli import main
from tests.conftest import REPO
from tests.helpers import GOOD_FACT, WRONG_FACT, make_project
from tests.test_rules_plugin import ATTACK_DATE, ENTITIES, RUSSIAN_DATE, SOURCES


def run_shards(count: int, *extra: str) -> list[int]:
    return [main(["check", *extra, "--shard", f"{i}/{count}", "--json", f"part-{i}.json"]) for i in range(1, count + 1)]


def test_four_shards_of_the_curated_suite_merge_into_the_single_run_report(tmp_path, monkeypatch, capsys):
    for name in ("facts", "seeds"):
        shutil.copytree(REPO / name, tmp_path / name)
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    monkeypatch.chdir(tmp_path)
    assert run_shards(4) == [0, 0, 0, 0]
    shares = [json.loads((tmp_path / f"part-{i}.json").read_text(encoding="utf-8"))["facts"] for i in range(1, 5)]
    sizes = sorted(len(share) for share in shares)
    total = sum(len(yaml.safe_load(path.read_text(encoding="utf-8")).get("facts") or [])
                for path in (tmp_path / "facts").glob("*.yaml"))
    assert sum(sizes) == total and sizes[-1] - sizes[0] <= 1, sizes  # every fact once, balanced
    assert main(["merge", *(f"part-{i}.json" for i in range(1, 5)), "--json", "merged.json"]) == 0
    assert main(["check", "--json", "single.json"]) == 0
    assert (tmp_path / "merged.json").read_bytes() == (tmp_path / "single.json").read_bytes()


def test_a_contradiction_between_facts_of_different_shards_is_found_at_the_merge(tmp_path, monkeypatch, capsys):
    make_project(tmp_path, {"seeds/sources.yaml": SOURCES, "facts/entities.yaml": ENTITIES,
                            "facts/attack.yaml": ATTACK_DATE, "facts/planted.yaml": RUSSIAN_DATE,
                            "facts/tamtam.yaml": "facts:\n" + GOOD_FACT + WRONG_FACT})
    monkeypatch.chdir(tmp_path)
    assert run_shards(2) == [0, 1]  # the wrong quote fails in its shard; the contradiction is not seen there
    capsys.readouterr()
    assert main(["merge", "part-2.json", "part-1.json", "--json", "merged.json"]) == 1
    assert "single-value: error: london-bridge-attack date has two values" in capsys.readouterr().out
    assert main(["check", "--json", "single.json"]) == 1
    assert (tmp_path / "merged.json").read_bytes() == (tmp_path / "single.json").read_bytes()


@pytest.mark.parametrize("partials, message", [
    (["part-1.json"], "shards missing: 2/2"),
    (["part-1.json", "part-1.json", "part-2.json"], "shard 1/2 is also in part-1.json"),
    (["facts/a.yaml"], "cannot read a partial report"),
    (["pyproject.json"], "not a partial report: write one with factcheck check --shard I/N"),
    (["bad.json"], "not a partial report: write one with factcheck check --shard I/N"),
])
def test_partials_that_do_not_make_one_run_are_input_errors(tmp_path, monkeypatch, capsys, partials, message):
    make_project(tmp_path, {"facts/a.yaml": "facts:\n" + GOOD_FACT + WRONG_FACT, "pyproject.json": "{}",
                            "bad.json": json.dumps({"format": "factcheck-partial/1", "shard": {"index": 1}})})
    monkeypatch.chdir(tmp_path)
    run_shards(2)
    capsys.readouterr()
    assert main(["merge", *partials]) == 2
    assert message in capsys.readouterr().out


def test_a_shard_run_on_other_fact_files_is_refused(tmp_path, monkeypatch, capsys):
    make_project(tmp_path, {"facts/a.yaml": "facts:\n" + GOOD_FACT + WRONG_FACT})
    monkeypatch.chdir(tmp_path)
    run_shards(2)
    (tmp_path / "facts" / "a.yaml").write_text("facts:\n" + GOOD_FACT, encoding="utf-8")
    capsys.readouterr()
    assert main(["merge", "part-1.json", "part-2.json"]) == 2
    assert "was checked on other fact files, sources.yaml or options than these" in capsys.readouterr().out


@pytest.mark.parametrize("shard", ["0/4", "5/4", "two/4", "1"])
def test_a_bad_shard_is_an_input_error(tmp_path, monkeypatch, capsys, shard):
    make_project(tmp_path, {"facts/a.yaml": "facts:\n" + GOOD_FACT})
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--shard", shard]) == 2
    assert "--shard" in capsys.readouterr().err
