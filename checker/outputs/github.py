"""GitHub Actions annotations: one workflow command per finding, at its line in the fact file.

`::error file=facts/a.yaml,line=7,title=…::message` shows inline in a pull request's diff. Everything a pull request
can change is escaped as the runner's workflow-command syntax requires (`%`, CR and LF in the message; `:` and `,`
too in properties), so a quote can never end its annotation and start a command of its own. GitHub shows about ten
annotations of each level per step: findings come most important first, and a closing notice says how many in all.
"""
from __future__ import annotations

import os
from typing import Any

from checker.output import shown
from checker.outputs.findings import Finding, counts, findings

SHOWN_PER_LEVEL = 10  # what GitHub displays of each level in one step


def in_github_actions() -> bool:
    """Whether this process runs in a GitHub Actions job (the runner sets GITHUB_ACTIONS=true)."""
    return os.environ.get("GITHUB_ACTIONS") == "true"


def escape_data(text: str) -> str:
    """A workflow command's message: `%`, CR and LF percent-encoded; other control characters shown as escapes."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return shown(text)


def escape_property(text: str) -> str:
    """A workflow command's property value: as a message, and `:` and `,` too (they delimit properties)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(finding: Finding) -> str:
    """One annotation: `::error file=…,line=…,title=…::message`."""
    place = finding.place
    properties = {"file": place.file, "line": str(place.line)}
    if place.column:
        properties["col"] = str(place.column)
    if place.end_line:
        properties["endLine"] = str(place.end_line)
    properties["title"] = finding.title
    rendered = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{finding.level} {rendered}::{escape_data(finding.message)}"


def annotations(doc: dict[str, Any], sources_display: str) -> list[str]:
    """Every finding as a workflow command, most important first, then a notice counting them all."""
    found = findings(doc, sources_display)
    lines = [command(finding) for finding in found]
    total = counts(found)
    hidden = [f"{total[level] - SHOWN_PER_LEVEL} more {level}s" for level in ("error", "warning")
              if total[level] > SHOWN_PER_LEVEL]
    note = f" (GitHub shows the first {SHOWN_PER_LEVEL} of each: {', '.join(hidden)} are in the log)" if hidden else ""
    summary = f"{total['error']} errors, {total['warning']} warnings in all{note}"
    lines.append(f"::notice title={escape_property('factcheck')}::{escape_data(summary)}")
    return lines
