"""SARIF 2.1.0 for code scanning: one result per finding, a rule per check, the fact file's line as the location and
the source passage as a related location, fingerprints that carry an alert over between runs."""
from __future__ import annotations

import json
from importlib import metadata
from typing import Any
from urllib.parse import quote

from checker.outputs.findings import Finding, Place, check_description, findings

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
FINGERPRINT = "factcheck/v1"  # fact id + citation index + check (no line number: edits elsewhere keep the alert)


def version() -> str:
    try:
        return metadata.version("factcheck")
    except metadata.PackageNotFoundError:  # pragma: no cover - run from a checkout that was never installed
        return "0"


def sarif_log(doc: dict[str, Any], sources_display: str) -> dict[str, Any]:
    """The SARIF log of one run, from its report document."""
    found = findings(doc, sources_display)
    checks = sorted({finding.check for finding in found})
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "factcheck",
                "version": version(),
                "rules": [_rule(check) for check in checks],
            }},
            "columnKind": "unicodeCodePoints",
            "results": [_result(finding, checks.index(finding.check)) for finding in found],
        }],
    }


def _rule(check: str) -> dict[str, Any]:
    short, full, help_text = check_description(check)
    level = "warning" if check in ("quote/fuzzy", "quote/moved") else "error"
    return {
        "id": check,
        "name": "".join(word.capitalize() for word in check.replace("/", "-").split("-")),
        "shortDescription": {"text": short},
        "fullDescription": {"text": full},
        "help": {"text": help_text, "markdown": help_text},
        "defaultConfiguration": {"level": level},
    }


def _location(place: Place) -> dict[str, Any]:
    region: dict[str, int] = {"startLine": max(place.line, 1)}
    if place.column:
        region["startColumn"] = place.column
    if place.end_line:
        region["endLine"] = place.end_line
    return {"physicalLocation": {"artifactLocation": {"uri": quote(place.file)}, "region": region}}


def _result(finding: Finding, rule_index: int) -> dict[str, Any]:
    result = {
        "ruleId": finding.check,
        "ruleIndex": rule_index,
        "level": finding.level,
        "message": {"text": finding.message},
        "locations": [_location(finding.place)],
        "partialFingerprints": {FINGERPRINT: finding.fingerprint},
    }
    if finding.related:
        result["relatedLocations"] = [
            {"id": index, **_location(place), "message": {"text": place.what or "related"}}
            for index, place in enumerate(finding.related, start=1)
        ]
    return result


def dumps(log: dict[str, Any]) -> str:
    """Deterministic JSON: the same run gives the same bytes."""
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
