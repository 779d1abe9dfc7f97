"""The report document -> one finding per thing a reviewer must look at, ordered by importance.

Every review output (GitHub annotations, SARIF, the Markdown summary) renders these, so they all say the same
thing about the same run: they read the document the run built (`checker.report.document`), never the facts.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from checker.report import citation_lines, is_contradiction, is_warning, needs_attention, rule_lines

# What each check means, for SARIF's rule descriptions and the Markdown summary's headings.
CHECKS = {
    "input/error": ("An input error", "A fact file, rule declaration, source or setting the checker cannot use "
                    "(bad YAML, a schema violation, an unknown key or id, a missing source file).",
                    "Fix the input at the line named: the message says what to do."),
    "quote/mismatch": ("A quote the source does not say", "The quote differs from its source in a way that "
                       "changes the meaning (a number, a negation, a name, a word, an order, stitched passages).",
                       "Quote the source as it stands (the closest passage and the diff are shown), or cite the "
                       "source that does say it."),
    "quote/too-short": ("A quote too short to prove anything", "A quote of fewer than min_words words or min_chars "
                        "characters stands in almost any source.", "Quote a longer passage."),
    "quote/missing-source": ("A cited source that does not exist", "The cited file is not under the sources root.",
                             "Check the file name, or add the source."),
    "quote/fuzzy": ("A transcription slip", "The quote stands in its source but for transcription slips (a letter "
                    "doubled, dropped, swapped): it fails when matching is strict and warns otherwise.",
                    "Copy the passage from the source (the suggestion shows it)."),
    "quote/moved": ("A quote found away from its pin", "The citation pins its passage (lines, prefix, suffix) but the "
                    "quote now stands elsewhere in the source.", "Update the pin to the line the report names."),
}
RULE_CHECK = ("A consistency rule finding", "Facts that cannot all be true, or a fact that says more than its quotes.",
              "Keep the value the evidence supports; record a disagreeing source under disputed_by with a resolution, "
              "or waive the finding with a reason.")


@dataclass(frozen=True)
class Place:
    """A line in a file (fact file or source), 1-based; column 0 when unknown."""

    file: str
    line: int
    column: int = 0
    end_line: int = 0
    what: str = ""


@dataclass(frozen=True)
class Finding:
    """One thing a reviewer must look at: where, how bad, which check, what to say, and a stable fingerprint."""

    level: str  # error | warning
    check: str  # quote/mismatch, rule/single-value, input/error...
    place: Place
    title: str
    message: str  # several lines: the same text the terminal shows
    fingerprint: str
    fact: str = ""
    related: tuple[Place, ...] = ()
    citation: dict[str, Any] | None = field(default=None, compare=False)
    rule: dict[str, Any] | None = field(default=None, compare=False)


def check_description(check: str) -> tuple[str, str, str]:
    """Short description, full description, help text of a check (a rule check names its kind)."""
    if check in CHECKS:
        return CHECKS[check]
    if check.startswith("rule/"):
        short, full, help_text = RULE_CHECK
        return f"{short}: {check[5:]}", full, help_text + " See docs/rules.md for the rule kind."
    short, full, help_text = CHECKS["quote/mismatch"] if check.startswith("quote/") else CHECKS["input/error"]
    return short, full, help_text


def findings(doc: dict[str, Any], sources_display: str) -> list[Finding]:
    """Every finding of the report, most important first: errors before warnings; within a level, input errors,
    then failing quotes, then rule findings; then by file and line."""
    found = [_input_error(error) for error in doc["errors"]]
    for fact in doc["facts"]:
        quoted = [("citation", i, c) for i, c in enumerate(fact["citations"])]
        quoted += [("dispute", i, d) for i, d in enumerate(fact["disputed_by"])]
        for kind, index, citation in quoted:
            if needs_attention(citation):
                found.append(_quote_finding(fact, kind, index, citation, sources_display))
    for rule in doc["contradictions"]:
        if is_contradiction(rule) or is_warning(rule):
            found.append(_rule_finding(rule))
    stage = {"input": 0, "quote": 1, "rule": 2}
    return sorted(found, key=lambda f: (f.level != "error", stage[f.check.split("/")[0]], f.place.file,
                                        f.place.line, f.check, f.fingerprint))


def _fingerprint(*parts: Any) -> str:
    """A stable identity for a finding that survives unrelated edits (it names no line number)."""
    return hashlib.sha256("\x1f".join(str(part) for part in parts).encode("utf-8")).hexdigest()[:32]


def _input_error(error: dict[str, Any]) -> Finding:
    place = Place(error["file"], max(error["line"], 1), error["column"])
    return Finding("error", "input/error", place, "factcheck: input error", error["message"],
                   _fingerprint("input/error", error["file"], error["message"]))


def _quote_finding(fact: dict, kind: str, index: int, citation: dict, sources_display: str) -> Finding:
    status = citation["status"]
    if not citation["ok"]:
        level, check = "error", f"quote/{status}"
    else:
        level, check = "warning", "quote/fuzzy" if status == "fuzzy" else "quote/moved"
    related = ()
    if citation["location"]:
        loc = citation["location"]
        related = (Place(f"{sources_display}/{citation['source']}", loc["line"], loc["column"], what="source"),)
    lines = citation_lines(citation, fact["file"], sources_display)
    who = "disputing quote" if kind == "dispute" else "citation"
    title = f"{fact['id']}: {who} {'fails' if level == 'error' else 'warns'} ({check})"
    message = "\n".join([f"{fact['id']}: {fact['claim']}".rstrip(": ")] + [line.strip() for line in lines])
    place = Place(fact["file"], citation["line"])
    return Finding(level, check, place, title, message, _fingerprint(fact["id"], kind, index, check), fact["id"],
                   related, citation=citation)


def _rule_finding(rule: dict[str, Any]) -> Finding:
    places = [Place(loc["file"], loc["line"], what=loc["what"]) for loc in rule["locations"] if loc["line"] > 0]
    first = next((p for p in places if p.what == "fact"), places[0] if places else Place("", 1))
    level = "error" if rule["severity"] == "error" else "warning"
    check = f"rule/{rule['kind']}"
    title = f"{rule['rule']}: {', '.join(rule['facts'])}" if rule["facts"] else rule["rule"]
    message = "\n".join(line.strip() for line in rule_lines(rule))
    related = tuple(p for p in places if p != first)
    about = sorted(rule["facts"]) or [rule["message"]]  # a rule about no fact is known by its message
    fingerprint = _fingerprint(check, rule["rule"], *about)
    return Finding(level, check, first, title, message, fingerprint, rule["facts"][0] if rule["facts"] else "",
                   related, rule=rule)


def counts(found: list[Finding]) -> dict[str, int]:
    return {"error": sum(f.level == "error" for f in found), "warning": sum(f.level == "warning" for f in found)}
