"""checker.schema_cache: a fact file whose bytes, name and checker are unchanged is not validated again; its problems
are the same read from the cache; an edited file, or a damaged entry, is validated anew."""
from __future__ import annotations

import json
from pathlib import Path

import checker.schema_cache
from checker.cache import Cache
from checker.config import load_config
from checker.run import prepare
from checker.schema_cache import VALIDATED
from tests.helpers import GOOD_FACT, files_passed_to, in_processes, make_project

BAD_FACT = """\
  - id: no-claim
    citations:
      - source: 000_12e6b7cc27e0264f.txt
        quote: "It came on TamTam two minutes before any announcement"
        colour: red
"""


def loaded(root, **overrides):
    config = load_config(root, **overrides)
    suite = prepare(config.facts, config).suite
    return [str(p) for p in suite.problems], [(f.id, [str(p) for p in f.problems]) for f in suite.facts]


def test_an_unchanged_file_is_not_validated_again_and_has_the_same_problems(tmp_path, monkeypatch):
    root = make_project(tmp_path / "p", {"facts/a.yaml": "facts:\n" + GOOD_FACT, "facts/b.yaml": "facts:\n" + BAD_FACT,
                                         "facts/c.yaml": "facts: [1\n"})
    calls = files_passed_to(monkeypatch, checker.schema_cache, "schema_problems")
    first = loaded(root)
    assert sorted(calls) == ["facts/a.yaml", "facts/b.yaml"]  # c.yaml is no YAML: nothing to validate
    assert any("missing required key 'claim'" in p for _, problems in first[1] for p in problems)
    assert any("unknown key 'colour'" in p for _, problems in first[1] for p in problems)
    assert loaded(root) == first and len(calls) == 2
    assert loaded(root, cache=False) == first and len(calls) == 2  # uncached: validated by read_suite itself
    (root / "facts" / "a.yaml").write_text("facts:\n" + GOOD_FACT + BAD_FACT, encoding="utf-8")
    assert loaded(root) == loaded(root, cache=False) and calls[2:] == ["facts/a.yaml"]


def test_a_damaged_entry_is_validated_anew(tmp_path, monkeypatch):
    root = make_project(tmp_path / "p", {"facts/b.yaml": "facts:\n" + BAD_FACT})
    first = loaded(root)
    (entry,) = Cache(root).root.glob(f"{VALIDATED}/*/*.json")
    stored = json.loads(entry.read_text(encoding="utf-8"))
    calls = files_passed_to(monkeypatch, checker.schema_cache, "schema_problems")
    for damage in ([[["facts", 0], ["facts/b.yaml", "2", 1, "x"]]], {"not": "a list"}, [[1, 2, 3]]):
        entry.write_text(json.dumps({**stored, "value": damage}), encoding="utf-8")
        assert loaded(root) == first
    assert len(calls) == 3


def _worker(root: str, number: int, out: str) -> None:
    import time

    from checker.cite import Share

    validated = []
    validate = checker.schema_cache.schema_problems

    def slow(data, file, *args):
        validated.append(file)
        time.sleep(0.2)  # both workers are surely loading while the files are shared out
        return validate(data, file, *args)

    checker.schema_cache.schema_problems = slow
    config = load_config(Path(root))
    suite = prepare(config.facts, config, Share(number, 2)).suite
    Path(out).write_text(json.dumps({"validated": validated, "facts": [f.id for f in suite.facts],
                                     "problems": [str(p) for f in suite.facts for p in f.problems]}), encoding="utf-8")


def test_two_xdist_workers_loading_at_once_validate_a_share_each(tmp_path):
    files = {f"facts/f{n}.yaml": "facts:\n" + GOOD_FACT.replace("claim-first-on-tamtam", f"fact-{n}")
             for n in range(8)}
    root = make_project(tmp_path / "p", {**files, "facts/bad.yaml": "facts:\n" + BAD_FACT})
    outs = [tmp_path / f"worker{n}.json" for n in range(2)]
    in_processes(_worker, *[(str(root), n, str(outs[n])) for n in range(2)])
    done = [json.loads(out.read_text(encoding="utf-8")) for out in outs]
    assert done[0]["facts"] == done[1]["facts"] and done[0]["problems"] == done[1]["problems"]
    assert any("missing required key 'claim'" in problem for problem in done[0]["problems"])
    validated = done[0]["validated"] + done[1]["validated"]
    assert set(validated) == set(files) | {"facts/bad.yaml"}
    assert len(validated) <= 9 + 2  # each file validated once, but where the workers meet head-on
    assert all(len(worker["validated"]) < 9 for worker in done)  # neither did it all
