"""The report document -> what the HTML page shows: facts with their verdicts, sources cut into lines and marks.

Everything here is plain data (strings, numbers, lists); the template escapes it when it renders. Nothing here
writes HTML, so nothing here can forget to escape.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any, Callable

from checker.report import involves, is_contradiction, is_warning, needs_attention, origin_lines, place_label

VERDICT_RANK = {"pass": 0, "slip": 1, "fail": 2}
DIFF = re.compile(r"\[-(.*?)-\]|\{\+(.*?)\+\}", re.DOTALL)

# (project's sources display root, source name) -> the source's text, or None when it cannot be read
SourceText = Callable[[str, str], "str | None"]
# (sources root, name) -> the source's report entry (checker.report.source_entry), or None
SourceOriginOf = Callable[[str, str], "dict[str, Any] | None"]


@dataclass
class Passage:
    """A cited (or disputing) quote's place in its source: the offsets in the source's text, and what it is."""

    anchor: str  # the id of the citation in the fact list ("c3"); its mark's anchor is "m-" + anchor
    start: int
    end: int
    verdict: str  # pass | slip | fail
    dispute: bool
    fact: str  # the fact's id, for the mark's title


@dataclass
class Source:
    """One source, cut into lines of text and marked segments, with its coverage."""

    root: str  # the sources root as reports show it: "seeds"
    name: str  # the name citations give: "000_12e6b7cc27e0264f.txt"
    anchor: str  # "s2"
    lines: list[dict[str, Any]] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    unreadable: str = ""
    origin: list[str] = field(default_factory=list)  # which text was read, where it comes from: one line each
    cited_lines: int = 0
    text_lines: int = 0

    @property
    def key(self) -> str:
        return f"{self.root}/{self.name}"


def citation_verdict(citation: dict[str, Any]) -> str:
    """fail: the quote does not stand; slip: it passes but an editor should look (fuzzy, moved pin); pass."""
    if not citation["ok"]:
        return "fail"
    return "slip" if needs_attention(citation) else "pass"


def diff_segments(diff: str) -> list[dict[str, str]]:
    """`It came [-two-]{+three+} minutes` -> segments of kind same, source (removed) and quote (added)."""
    segments, at = [], 0
    for found in DIFF.finditer(diff):
        if found.start() > at:
            segments.append({"kind": "same", "text": diff[at:found.start()]})
        removed, added = found.group(1), found.group(2)
        kind, words = ("source", removed) if removed is not None else ("quote", added)
        segments.append({"kind": kind, "text": words})
        at = found.end()
    if at < len(diff):
        segments.append({"kind": "same", "text": diff[at:]})
    return segments


def shown_value(value: Any) -> str:
    """A fact's structured value as one line of JSON (dates and numbers as the fact file wrote them)."""
    if value is None:
        return ""
    return json.dumps(value, ensure_ascii=False, sort_keys=False, default=str)


def build_view(
    doc: dict[str, Any], source_text: SourceText, source_names: list[tuple[str, str]],
    root_of: Callable[[str], str], values: dict[tuple[str, int, str], Any],
    source_origin: SourceOriginOf | None = None,
) -> dict[str, Any]:
    """The page's data: summary, facts (each citation numbered and linked to its passage), sources, findings.

    `source_names` lists every (sources root, name) to show, cited or not (the coverage view); `root_of` gives the
    sources root of a fact file's project; `values` the structured value of each fact by (file, line, id).
    """
    rules = doc["contradictions"] + doc["disputes"] + doc["waivers"]
    sources: dict[str, Source] = {}
    for number, (root, name) in enumerate(sorted(set(source_names))):
        sources[f"{root}/{name}"] = Source(root, name, anchor=f"s{number + 1}")
    facts, counter = [], 0
    for index, entry in enumerate(doc["facts"]):
        root = root_of(entry["file"])
        cites = []
        for citation in entry["citations"] + entry["disputed_by"]:
            counter += 1
            cites.append(_citation(citation, f"c{counter}", root, entry, sources))
        facts.append(_fact(entry, f"f{index + 1}", cites, rules, values))
    for source in sources.values():
        _cut(source, source_text(source.root, source.name))
        source.origin = origin_lines(source_origin(source.root, source.name) if source_origin else None)
    return {
        "summary": doc["summary"],
        "complete": doc["complete"],
        "incomplete": doc["incomplete"],
        "facts": facts,
        "statuses": _status_counts(facts),
        "sources": list(sources.values()),
        "contradictions": [_finding(r, facts) for r in doc["contradictions"] if not r["ok"]],
        "disputes": [_finding(r, facts) for r in doc["disputes"]],
        "waivers": [_finding(r, facts) for r in doc["waivers"]],
        "errors": doc["errors"],
    }


def _citation(
    citation: dict[str, Any], anchor: str, root: str, entry: dict[str, Any], sources: dict[str, Source]
) -> dict[str, Any]:
    verdict = citation_verdict(citation)
    dispute = "says" in citation
    key = f"{root}/{citation['source']}"
    source = sources.get(key)
    if source is not None:
        for span in citation["spans"]:
            source.passages.append(Passage(anchor, span["start"], span["end"], verdict, dispute, entry["id"]))
    location = citation["location"]
    return {
        **citation,
        "anchor": anchor,
        "verdict": verdict,
        "dispute": dispute,
        "says_shown": shown_value(citation.get("says")),
        "source_key": key,
        "source_anchor": source.anchor if source is not None else None,
        "where": f"{key}:{place_label(location)}" if location else key,
        "diff_segments": diff_segments(citation["diff"]) if citation["diff"] else [],
        "linked": bool(source is not None and citation["spans"]),
    }


def _fact(
    entry: dict[str, Any], anchor: str, cites: list[dict[str, Any]], rules: list[dict[str, Any]],
    values: dict[tuple[str, int, str], Any],
) -> dict[str, Any]:
    mine = [rule for rule in rules if involves(rule, entry)]
    if not entry["ok"]:
        status = "fail"
    elif any(c["verdict"] != "pass" for c in cites) or any(is_warning(rule) for rule in mine):
        status = "warn"
    else:
        status = "pass"
    return {
        **entry,
        "anchor": anchor,
        "status": status,
        "disputed": any(rule["disputed"] for rule in mine),
        "value": shown_value(values.get((entry["file"], entry["line"], entry["id"]))),
        "cites": cites,
        "findings": [rule for rule in mine if not rule["ok"] or rule["disputed"] or rule["waived"]],
        "contradicted": any(is_contradiction(rule) for rule in mine),
        "search": f"{entry['id']} {entry['claim']} {entry['file']}".lower(),
    }


def _status_counts(facts: list[dict[str, Any]]) -> dict[str, int]:
    return {status: sum(f["status"] == status for f in facts) for status in ("fail", "warn", "pass")}


def _finding(rule: dict[str, Any], facts: list[dict[str, Any]]) -> dict[str, Any]:
    """A rule finding side by side: each fact it names (value, passages), and each disputing source it names."""
    sides = []
    for fact in facts:
        if fact["id"] in rule["facts"] and involves(rule, fact):
            quote_lines = {
                loc["line"] for loc in rule["locations"] if loc["what"] == "quote" and loc["fact"] == fact["id"]
            }
            own = [c for c in fact["cites"] if not c["dispute"]]
            disputing = [c for c in fact["cites"] if c["dispute"] and (not quote_lines or c["line"] in quote_lines)]
            sides.append({"fact": fact, "label": fact["id"], "value": fact["value"], "cites": own})
            if rule["disputed"]:
                sides += [{"fact": fact, "label": f"{c['source']} says", "value": c["says_shown"], "cites": [c]}
                          for c in disputing]
    return {**rule, "sides": sides}


def _cut(source: Source, text: str | None) -> None:
    """The source's lines, each cut where a passage starts or ends; a segment covered by passages is a mark."""
    if text is None:
        source.unreadable = f"{source.key} cannot be read"
        return
    passages = sorted(source.passages, key=lambda p: (p.start, p.end, p.anchor))
    offset = 0
    for number, line in enumerate(text.split("\n"), start=1):
        start, end = offset, offset + len(line)
        offset = end + 1
        here = [p for p in passages if p.start < end and p.end > start]
        anchored = {p.anchor: p.start for p in passages if start <= p.start <= end}
        cuts = sorted({start, end, *(p.start for p in here if start < p.start < end),
                       *(p.end for p in here if start < p.end < end)})
        segments = []
        for lo, hi in zip(cuts, cuts[1:]):
            covering = [p for p in here if p.start < hi and p.end > lo]
            anchors = [anchor for anchor, at in anchored.items() if at == lo]
            segments.append(_segment(text[lo:hi], covering, anchors))
        at_end = [anchor for anchor, at in anchored.items() if at == end]
        if at_end:  # a passage starting on the line's newline, or on an empty line
            segments.append(_segment("", [], at_end))
        cited = any(s["mark"] for s in segments)
        source.text_lines += bool(line.strip())
        source.cited_lines += cited and bool(line.strip())
        source.lines.append({
            "number": number, "anchor": f"{source.anchor}-L{number}", "segments": segments, "cited": cited,
            "blank": not line.strip(),
        })


def _segment(text: str, covering: list[Passage], anchors: list[str]) -> dict[str, Any]:
    if not covering:
        return {"text": text, "mark": None, "anchors": anchors}
    worst = max(covering, key=lambda p: (not p.dispute, VERDICT_RANK[p.verdict]))
    kinds = {p.dispute for p in covering}
    return {
        "text": text,
        "anchors": anchors,
        "mark": {
            "verdict": worst.verdict,
            "dispute": kinds == {True},
            "mixed": kinds == {True, False},
            "cites": " ".join(p.anchor for p in covering),
            "href": f"#{worst.anchor}",
            "title": "; ".join(
                f"{'disputed by' if p.dispute else 'cited by'} {p.fact} ({p.verdict})" for p in covering
            ),
        },
    }
