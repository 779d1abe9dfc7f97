"""The consistency rules' findings kept in the project's cache (checker.cache), computed once across processes.

The rules span facts, so they run on every located quote; under pytest-xdist every worker needs their findings
(a contradiction fails each fact it names, whichever worker runs it). The first process to need them takes a lock
file and runs the rules; the others wait for its entry and read it, so the rules run once, not once per worker. A
re-run with nothing changed reads them too.

An entry is keyed by everything the findings depend on: the checker's own code (every module, not only the rules:
messages quote paths and values the loader and matcher made), the fact files as bytes with their display names,
sources.yaml, the name and bytes (sha256) of every source the facts name (the rules read those, around a located
quote or for a verdict's evidence), the match options and limits, and the located results themselves (which say
where a quote not found does stand). The lock is only a courtesy: a
waiter whose lock holder has died, or that has waited longer than WAIT_AT_MOST, runs the rules itself.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any, Callable

from checker.cache import Cache, package_fingerprint
from checker.model import Fact, FactResult, Location, Problem, RuleResult
from checker.once import once
from checker.report import fact_entry
from checker.sources import SourceError

FINDINGS = "findings"  # the cache's kind for rule findings


def findings_key(inputs: Any, results: list[FactResult], entries: list[dict[str, Any]] | None = None) -> str:
    """What the rules' findings depend on, as one sha256 (see the module's docstring); `entries`: the results' fact
    entries when already made (report.fact_entry), else made here."""
    config, library = inputs.config, inputs.library
    whole = hashlib.sha256()

    def add(*parts: Any) -> None:
        whole.update(json.dumps(parts, sort_keys=True, default=str).encode("utf-8", "surrogatepass") + b"\n")

    add(package_fingerprint(), asdict(config.match), asdict(config.limits), library.display_root)  # + sources.yaml
    for name in sorted(inputs.suite.files):
        add(name, hashlib.sha256(_bytes(config.resolve(name))).hexdigest())
    add("sources.yaml", hashlib.sha256(_bytes(config.sources / "sources.yaml")).hexdigest())
    for name in named_sources(inputs.suite.facts):
        try:
            add(name, library.digest(name))
        except SourceError as error:
            add(name, f"!{error}")
    if entries is None:
        entries = [fact_entry(result, library.display_root) for result in results]
    whole.update(json.dumps(entries, default=str).encode("ascii"))  # in one call: its order is fact_entry's own
    return whole.hexdigest()


def named_sources(facts: list[Fact]) -> list[str]:
    """Every source the rules may read: those the valid facts cite, dispute with, or rest a verdict on (never the
    whole library: the sources root may be a large or hostile tree, and a quote found elsewhere is in the results)."""
    names: set[str] = set()
    for fact in facts:
        if fact.problems:  # not checked, so never read
            continue
        verdicts = [fact.verdict] + [dispute.verdict for dispute in fact.disputes]
        names.update(citation.source for citation in fact.citations)
        names.update(dispute.citation.source for dispute in fact.disputes)
        names.update(e.source for v in verdicts if v is not None for e in v.evidence if e.source is not None)
    return sorted(names)


def _bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


def computed_once(
    cache: Cache, key: str, compute: Callable[[], tuple[list[RuleResult], list[Problem]]]
) -> tuple[list[RuleResult], list[Problem]]:
    """The findings stored under `key`, or `compute()`'s, stored for the others: while one process computes them,
    the others wait for its entry instead of computing them again (checker.once)."""
    return once(cache, FINDINGS, key, compute, lambda found: findings_to_json(*found), findings_from_json)


# ---- the stored form ---------------------------------------------------------------------------


def findings_to_json(results: list[RuleResult], problems: list[Problem]) -> dict[str, Any]:
    return {"results": [_result_to_json(r) for r in results], "problems": [asdict(p) for p in problems]}


def _result_to_json(result: RuleResult) -> dict[str, Any]:
    return {**asdict(result), "facts": list(result.facts), "locations": [asdict(loc) for loc in result.locations]}


RESULT_FIELDS = {"rule": str, "ok": bool, "message": str, "facts": list, "locations": list, "severity": str,
                 "disputed": bool, "resolution": (str, type(None)), "waived": bool, "kind": str}
LOCATION_FIELDS = {"file": str, "line": int, "fact": (str, type(None)), "what": str}
PROBLEM_FIELDS = {"file": str, "line": int, "column": int, "message": str}


def findings_from_json(data: Any) -> tuple[list[RuleResult], list[Problem]] | None:
    """The findings stored, or None when the entry is not exactly what `findings_to_json` writes (checked field by
    field: a damaged entry is computed anew, never half read)."""
    if not isinstance(data, dict) or set(data) != {"results", "problems"}:
        return None
    if not isinstance(data["results"], list) or not isinstance(data["problems"], list):
        return None
    if not all(_fits(entry, RESULT_FIELDS) and all(isinstance(f, str) for f in entry["facts"])
               and all(_fits(loc, LOCATION_FIELDS) for loc in entry["locations"]) for entry in data["results"]):
        return None
    if not all(_fits(entry, PROBLEM_FIELDS) for entry in data["problems"]):
        return None
    results = [
        RuleResult(**{**entry, "facts": tuple(entry["facts"]),
                      "locations": tuple(Location(**loc) for loc in entry["locations"])})
        for entry in data["results"]
    ]
    return results, [Problem(**entry) for entry in data["problems"]]


def _fits(entry: Any, fields: dict[str, Any]) -> bool:
    """A dict with exactly these keys, each value of its type (a bool is no int here, as JSON tells them apart)."""
    return (isinstance(entry, dict) and entry.keys() == fields.keys()
            and all(isinstance(entry[key], kind) and (kind is int) <= (type(entry[key]) is int)
                    for key, kind in fields.items()))
