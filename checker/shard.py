"""Beyond one machine: a deterministic share of the facts checked per shard, partial reports merged into one.

`factcheck check --shard I/N --json part-I.json` locates the quotes of every N-th fact (the I-th of each N, in suite
order) and writes a partial report; `factcheck merge part-*.json --json report.json` rebuilds the located results,
runs the cross-fact rules once, and writes the report a single run would have written, byte for byte.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from checker.model import Citation, CitationResult, Fact, FactResult, Match, Problem, Report, Span
from checker.report import fact_entry, problem_entry
from checker.run import Inputs, check_rules, input_errors, origins, verify

FORMAT = "factcheck-partial/1"


@dataclass(frozen=True)
class Shard:
    """The I-th of N shares (1-based)."""

    index: int
    count: int

    @classmethod
    def parse(cls, text: str) -> "Shard":
        """'2/4' -> Shard(2, 4); a ValueError says what to write instead."""
        try:
            index, count = (int(part) for part in text.split("/"))
        except ValueError:
            raise ValueError(f"--shard {text!r}: write I/N, e.g. 2/4 for the second of four shares") from None
        if not 1 <= index <= count:
            raise ValueError(f"--shard {text!r}: I must be between 1 and N")
        return cls(index, count)

    def share(self, facts: list[Fact]) -> list[Fact]:
        """The facts this shard checks: every N-th, starting at the I-th, so shares stay balanced."""
        return [fact for position, fact in enumerate(facts) if position % self.count == self.index - 1]

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"


def fingerprint(inputs: Inputs) -> str:
    """What a partial report was made from: the fact files, the sources metadata and the match options.

    A merge refuses partials made from other inputs (a shard that ran on another commit)."""
    digest = hashlib.sha256(json.dumps(asdict(inputs.config.match), sort_keys=True).encode())
    for name in sorted(inputs.suite.files):
        digest.update(name.encode() + b"\0" + _bytes(inputs.config.resolve(name)) + b"\0")
    digest.update(_bytes(inputs.config.sources / "sources.yaml"))
    return digest.hexdigest()


def _bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


def check_share(inputs: Inputs, shard: Shard) -> dict[str, Any]:
    """Locate the quotes of this shard's facts: the partial report, with the run's input errors."""
    results = verify(inputs, shard.share(inputs.suite.facts))
    sources = inputs.library.display_root
    errors = inputs.problems + inputs.suite.problems + [p for result in results for p in result.problems]
    return {
        "format": FORMAT,
        "shard": {"index": shard.index, "count": shard.count},
        "inputs": fingerprint(inputs),
        "files": sorted(inputs.suite.files),
        "facts": [fact_entry(result, sources) for result in results],
        "errors": [problem_entry(problem) for problem in sorted(set(errors))],
    }


def merge(partials: list[tuple[str, Any]], inputs: Inputs) -> Report:
    """The report of a whole run from its partial reports (display name, document): each fact's located quotes taken as
    the shard found them, the cross-fact rules run once. Partials that do not make one whole run are input errors."""
    problems = _whole_run_problems(partials, fingerprint(inputs))
    if problems:
        return Report(errors=problems)
    entries = {(f["file"], f["line"], f["id"]): f for _, doc in partials for f in doc["facts"]}
    results = []
    for fact in inputs.suite.facts:
        entry = entries.get((fact.file, fact.line, fact.id))
        if entry is None:
            return Report(errors=[Problem(fact.file, fact.line, 1, f"no partial report holds fact {fact.id}: "
                                          "merge the partial reports of every shard of one run")])
        results.append(_result(fact, entry))
    findings = check_rules(inputs, results)
    return Report(facts=results, rules=findings.results, errors=input_errors(inputs, results, findings),
                  sources=origins(inputs.library, [result.fact for result in results]))


def _whole_run_problems(partials: list[tuple[str, Any]], expected: str) -> list[Problem]:
    problems, seen = [], {}
    for name, doc in partials:
        if not is_partial(doc):
            problems.append(Problem(name, 1, 1, "not a partial report: write one with factcheck check --shard I/N"))
            continue
        shard = Shard(doc["shard"]["index"], doc["shard"]["count"])
        if doc["inputs"] != expected:
            problems.append(Problem(name, 1, 1, f"shard {shard} was checked on other fact files, sources.yaml or "
                                                "options than these: run every shard on the same commit"))
        if shard in seen:
            problems.append(Problem(name, 1, 1, f"shard {shard} is also in {seen[shard]}: give each shard once"))
        seen[shard] = name
    counts = {shard.count for shard in seen}
    if len(counts) > 1:
        problems.append(Problem(partials[0][0], 1, 1, f"partial reports of different splits ({sorted(counts)}): "
                                                      "merge the shards of one --shard I/N run"))
    elif counts and len(seen) < next(iter(counts)):
        count = next(iter(counts))
        missing = ", ".join(f"{i}/{count}" for i in range(1, count + 1) if Shard(i, count) not in seen)
        problems.append(Problem(partials[0][0], 1, 1, f"shards missing: {missing}"))
    return problems


def is_partial(doc: Any) -> bool:
    """Whether a document has the shape check_share writes (a merge reads nothing else from it)."""
    try:
        return (doc["format"] == FORMAT and isinstance(doc["inputs"], str)
                and all(isinstance(doc["shard"][key], int) for key in ("index", "count"))
                and all(isinstance(name, str) for name in doc["files"])
                and all(isinstance(fact, dict) for fact in doc["facts"]) and isinstance(doc["errors"], list))
    except (KeyError, TypeError):
        return False


def _result(fact: Fact, entry: dict[str, Any]) -> FactResult:
    """A FactResult as the shard located it, rebuilt from its report entry."""
    problems = [Problem(e["file"], e["line"], e["column"], e["message"]) for e in entry["errors"]]
    citations = [_cited(c, e) for c, e in zip(fact.citations, entry["citations"])]
    disputes = [_cited(d.citation, e) for d, e in zip(fact.disputes, entry["disputed_by"])]
    return FactResult(fact, citations, problems=problems, disputes=disputes)


def _cited(citation: Citation, entry: dict[str, Any]) -> CitationResult:
    spans = tuple(Span(s["start"], s["end"], s["line"], s["column"], s.get("page")) for s in entry["spans"])
    match = Match(status=entry["status"], ok=entry["ok"], score=entry["score"], spans=spans, matched=entry["matched"],
                  differences=tuple(entry["differences"]), diff=entry["diff"], moved=entry["moved"] or "")
    found = entry["found_in"]
    found_in = (found["source"], Span(0, 0, found["line"], 1)) if found else None
    return CitationResult(citation, match, found_in=found_in, message=entry["message"])
