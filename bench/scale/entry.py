"""The entry points a benchmark runs on a generated project, and what their reports say per kind of citation."""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

PYTEST = [sys.executable, "-m", "pytest", "facts/", "-q", "-p", "no:cacheprovider"]
ENTRY_POINTS = {  # name -> (label, command, the report it writes)
    "cli": ("factcheck check --json", [sys.executable, "-m", "checker", "check", "--json", "report-cli.json"],
            "report-cli.json"),
    "pytest": ("pytest facts/", [*PYTEST, "--factcheck-json", "report-pytest.json"], "report-pytest.json"),
    "xdist": ("pytest facts/ -n 2", [*PYTEST, "-n", "2", "--factcheck-json", "report-xdist.json"], "report-xdist.json"),
}


def kinds(project: Path) -> dict[str, str]:
    """Fact id -> the kind of citation the generator made it as."""
    manifest = json.loads((project / "bench.json").read_text(encoding="utf-8"))
    return {c["id"]: c["kind"] for c in manifest["citations"]}


def passed_by_kind(report: Path, made_as: dict[str, str]) -> tuple[Counter, Counter]:
    """(passed, total) per kind of citation in a JSON report."""
    passed, total = Counter(), Counter()
    for fact in json.loads(report.read_text(encoding="utf-8"))["facts"]:
        for citation in fact["citations"]:
            kind = made_as.get(fact["id"], "?")
            total[kind] += 1
            passed[kind] += bool(citation["ok"])
    return passed, total
