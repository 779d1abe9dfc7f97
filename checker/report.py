"""Results -> JSON report entries and the text an editor reads; the CLI and the plugin share all of it."""
from __future__ import annotations

import json
from collections import Counter
from typing import Any, Iterable

from checker import indented_json
from checker.model import CitationResult, Dispute, FactResult, Problem, Report, RuleResult, SourceOrigin, Verdict

PASSING = ("verbatim", "normalized", "elided", "fuzzy")


def fact_entry(result: FactResult, sources_display: str) -> dict[str, Any]:
    fact = result.fact
    return {
        "id": fact.id,
        "file": fact.file,
        "line": fact.line,
        "ok": result.ok,
        "claim": fact.claim,
        "citations": [citation_entry(c, sources_display) for c in result.citations],
        "disputed_by": [dispute_entry(d, r, sources_display) for d, r in zip(fact.disputes, result.disputes)],
        "errors": [problem_entry(p) for p in result.problems],
        **({"verdict": verdict_entry(fact.verdict)} if fact.verdict is not None else {}),
    }


def verdict_entry(verdict: Verdict) -> dict[str, Any]:
    """A verdict as the fact file records it: rating, evidence (a source's passage or an outside record), note."""
    return {
        "rating": verdict.rating,
        "evidence": [{"quote": e.quote, "line": e.line, "source": e.source, "url": e.url, "accessed": e.accessed}
                     for e in verdict.evidence],
        "note": verdict.note,
    }


def verdicts_of(facts: Iterable[dict]) -> list[dict[str, Any]]:
    """Every verdict of the report's fact entries, in their order: the fact's own, then its disputes'."""
    found = []
    for fact in facts:
        where = {"fact": fact["id"], "file": fact["file"]}
        if fact.get("verdict"):
            source = fact["citations"][0]["source"] if fact["citations"] else None
            found.append({**where, "line": fact["line"], "of": "fact", "source": source,
                          "claim_reviewed": fact["claim"], **fact["verdict"]})
        for dispute in fact["disputed_by"]:
            if dispute.get("verdict"):
                found.append({**where, "line": dispute["line"], "of": "dispute", "source": dispute["source"],
                              "claim_reviewed": dispute["quote"], **dispute["verdict"]})
    return found


def dispute_entry(dispute: Dispute, result: CitationResult, sources_display: str) -> dict[str, Any]:
    """A disputing source's quote, checked like a citation, with what it says and the editor's resolution."""
    entry = {**citation_entry(result, sources_display), "says": plain(dispute.says), "resolution": dispute.resolution}
    return {**entry, "verdict": verdict_entry(dispute.verdict)} if dispute.verdict is not None else entry


def plain(value: Any) -> Any:
    """YAML data as plain dicts and lists (the loader's position-keeping types cannot cross to xdist workers)."""
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


def citation_entry(result: CitationResult, sources_display: str) -> dict[str, Any]:
    match, citation = result.match, result.citation
    first = match.spans[0] if match.spans else None
    return {
        "source": citation.source,
        "quote": citation.quote,
        "line": citation.line,
        "ok": result.ok,
        "status": match.status,
        "score": round(match.score, 2),
        "location": _location(first),
        "spans": [_location(span) for span in match.spans],
        "matched": match.matched,
        "differences": list(match.differences),
        "diff": match.diff,
        "found_in": {"source": result.found_in[0], "line": result.found_in[1].line} if result.found_in else None,
        "moved": match.moved or None,
        "message": result.message,
    }


def _location(span) -> dict[str, int] | None:
    if span is None:
        return None
    place = {"line": span.line, "column": span.column, "start": span.start, "end": span.end}
    return place if span.page is None else {"page": span.page, **place}


def rule_entry(result: RuleResult) -> dict[str, Any]:
    return {
        "rule": result.rule,
        "kind": result.kind or result.rule,
        "ok": result.ok,
        "severity": result.severity,
        "facts": list(result.facts),
        "message": result.message,
        "locations": [
            {"file": loc.file, "line": loc.line, "fact": loc.fact, "what": loc.what} for loc in result.locations
        ],
        "disputed": result.disputed,
        "waived": result.waived,
        "resolution": result.resolution,
    }


def source_entry(origin: SourceOrigin) -> dict[str, Any]:
    """A cited source: its format, which of its text was checked, where it comes from (sources.yaml's url and
    retrieved date) and, for a web archive, the page captured and when."""
    captured = {"url": origin.captured_url, "date": origin.captured_at} if origin.captured_url is not None else None
    return {"source": origin.source, "format": origin.format, "text": origin.text, "url": origin.url,
            "retrieved": origin.retrieved, "captured": captured}


def origin_lines(entry: dict[str, Any] | None) -> list[str]:
    """A source's entry as an editor reads it (coverage, the HTML report): the text read (unless the file is plain
    text read as it is), where it comes from, and for a web archive the page captured and when."""
    if entry is None:
        return []
    lines = [f"read: {entry['text']}"] if entry["format"] != "text" else []
    if entry["url"] is not None or entry["retrieved"] is not None:
        retrieved = f" (retrieved {entry['retrieved']})" if entry["retrieved"] else ""
        lines.append(f"from: {entry['url'] or 'no url recorded'}{retrieved}")
    if entry["captured"] is not None:
        lines.append(f"captured: {entry['captured']['url']} at {entry['captured']['date']}")
    return lines


def cited_sources(fact: dict[str, Any]) -> set[str]:
    """The sources a fact entry names: its citations, disputing quotes and the evidence of its verdicts."""
    names = {c["source"] for c in fact["citations"] + fact["disputed_by"]}
    verdicts = [fact.get("verdict"), *(d.get("verdict") for d in fact["disputed_by"])]
    return names | {e["source"] for v in verdicts if v for e in v["evidence"] if e["source"] is not None}


def problem_entry(problem: Problem) -> dict[str, Any]:
    return {"file": problem.file, "line": problem.line, "column": problem.column, "message": problem.message}


def document(
    facts: Iterable[dict], rules: Iterable[dict], errors: Iterable[dict], incomplete: Iterable[str] = (),
    sources: Iterable[dict] = (),
) -> dict[str, Any]:
    """The whole JSON report from its entries, in a fixed order, each once, with the summary counted from them.

    A fact's `ok` is its outcome as every output shows it: its quotes and input errors, and the rules that involve it.
    `incomplete` says why the run did not check the whole suite (interrupted, facts not run, collection errors).
    `sources` are source entries; those of the sources the report's facts name are kept.
    """
    reasons = list(incomplete)
    rules = sorted(_once(rules), key=lambda r: (r["rule"], r["facts"], r["message"], json.dumps(r, sort_keys=True)))
    failing = [rule for rule in rules if is_contradiction(rule)]  # what fact_ok looks at: not every warning
    facts = sorted(
        ({**f, "ok": fact_ok(f, failing)} for f in _once(facts)), key=lambda f: (f["file"], f["line"], f["id"])
    )
    errors = sorted(_once(errors), key=lambda e: (e["file"], e["line"], e["column"], e["message"]))
    citations = [c for f in facts for c in f["citations"]]
    named = {name for fact in facts for name in cited_sources(fact)}
    sources = sorted((s for s in _once(sources) if s["source"] in named),
                     key=lambda s: (s["source"], json.dumps(s, sort_keys=True)))
    disputing = [d for f in facts for d in f["disputed_by"]]
    return {
        "summary": {
            "facts": len(facts),
            "facts_failed": sum(not f["ok"] for f in facts),
            "citations": len(citations),
            "passed": sum(c["ok"] for c in citations),
            "failed": sum(not c["ok"] for c in citations),
            "dispute_quotes": len(disputing),
            "dispute_quotes_failed": sum(not d["ok"] for d in disputing),
            "contradictions": sum(is_contradiction(r) for r in rules),
            "disputes": sum(r["disputed"] for r in rules),
            "waivers": sum(r["waived"] for r in rules),
            "warnings": sum(is_warning(r) for r in rules)
            + sum(c["ok"] and needs_attention(c) for c in citations + disputing),
            "errors": len(errors),
        },
        "complete": not reasons,
        "incomplete": reasons,
        "facts": facts,
        "contradictions": [r for r in rules if not r["disputed"] and not r["waived"]],
        "disputes": [r for r in rules if r["disputed"]],
        "waivers": [r for r in rules if r["waived"]],
        "verdicts": verdicts_of(facts),
        "sources": sources,
        "errors": errors,
    }


def merge_documents(docs: list[dict[str, Any]]) -> dict[str, Any]:
    """One report for a run over several projects."""
    return document(
        [fact for doc in docs for fact in doc["facts"]],
        [rule for doc in docs for rule in doc["contradictions"] + doc["disputes"] + doc["waivers"]],
        [error for doc in docs for error in doc["errors"]],
        sorted({reason for doc in docs for reason in doc["incomplete"]}),
        [source for doc in docs for source in doc.get("sources", ())],
    )


def _once(entries: Iterable[dict]) -> list[dict]:
    """Entries as given, each once (several items may record the same rule finding or error): of entries with the
    same JSON, the first one's place and the last one's value. Only entries that share their `_label` are compared
    by their JSON (writing 100,000 facts' JSON to compare them took seconds); an entry alone with its label has no
    twin."""
    entries = list(entries)
    labels = [_label(entry) for entry in entries]
    shared = {label for label, count in Counter(labels).items() if count > 1}
    return list({(label if label not in shared else json.dumps(entry, sort_keys=True)): entry
                 for label, entry in zip(labels, entries)}.values())


LABELLED = ("file", "line", "id", "rule", "message", "source")


def _label(entry: Any) -> tuple[str | None, ...]:
    """What names an entry: its file, line, id, rule, message and source where it has them (each text or whole
    number as JSON writes it, anything else left out), so that entries with the same JSON have the same label."""
    values = map(entry.get, LABELLED) if isinstance(entry, dict) else ()
    return tuple(str.__str__(value) if isinstance(value, str) else int.__repr__(value)
                 if isinstance(value, int) and not isinstance(value, bool) else None for value in values)


def is_contradiction(rule: dict) -> bool:
    return not rule["ok"] and rule["severity"] == "error" and not rule["disputed"]


def is_warning(rule: dict) -> bool:
    return not rule["ok"] and rule["severity"] == "warning" and not rule["disputed"]


def involves(rule: dict, fact: dict) -> bool:
    """Whether a rule result names the fact (by id, and by file where its locations say which file)."""
    if fact["id"] not in rule["facts"]:
        return False
    files = {loc["file"] for loc in rule["locations"] if loc["fact"] == fact["id"] and loc["what"] == "fact"}
    return not files or fact["file"] in files


def fact_ok(fact: dict, rules: Iterable[dict]) -> bool:
    """A fact passes when its quotes stand, it has no input error, and no contradiction involves it."""
    return fact["ok"] and not any(is_contradiction(rule) and involves(rule, fact) for rule in rules)


def report_document(report: Report, sources_display: str, fact_entries: list[dict] | None = None) -> dict[str, Any]:
    """The report's document; `fact_entries`: its facts' entries when already made (fact_entry of each)."""
    return document(
        fact_entries if fact_entries is not None else (fact_entry(r, sources_display) for r in report.facts),
        (rule_entry(r) for r in report.rules),
        (problem_entry(p) for p in report.errors),
        sources=(source_entry(origin) for origin in report.sources),
    )


def dumps(doc: dict[str, Any]) -> str:
    """Deterministic JSON: the same report gives the same bytes (json.dumps's with indent=2, written faster)."""
    return indented_json.dumps(doc) + "\n"


def exit_code(doc: dict[str, Any]) -> int:
    """2 for input errors, 1 for a failed citation or an unacknowledged contradiction, else 0."""
    summary = doc["summary"]
    if summary["errors"]:
        return 2
    return 1 if summary["failed"] or summary["contradictions"] or summary["facts_failed"] else 0


# ---- text ------------------------------------------------------------------------------------


def fact_failure_lines(entry: dict[str, Any], sources_display: str, with_errors: bool = True) -> list[str]:
    """What an editor needs to fix one failing fact: each bad citation, where the source differs, the diff."""
    lines = [f"{entry['file']}:{entry['line']}: {entry['id']}: {entry['claim']}".rstrip(": ")]
    for error in entry["errors"] if with_errors else ():
        lines.append(f"  error: {error['file']}:{error['line']}:{error['column']}: {error['message']}")
    for citation in entry["citations"] + entry["disputed_by"]:
        if needs_attention(citation):
            lines.extend(citation_lines(citation, entry["file"], sources_display))
    return lines


def needs_attention(citation: dict[str, Any]) -> bool:
    """A citation an editor should look at: failing, passing only as a slip, or found away from its pin."""
    return not citation["ok"] or citation["status"] == "fuzzy" or bool(citation["moved"])


def citation_lines(citation: dict[str, Any], fact_file: str, sources_display: str) -> list[str]:
    verdict = (
        "FAILS" if not citation["ok"]
        else "passes as a transcription slip" if citation["status"] == "fuzzy"
        else "passes"
    )
    kind = "disputing quote" if "says" in citation else "citation"
    lines = [
        f"  {kind} at {fact_file}:{citation['line']} {verdict} ({citation['status']}, score {citation['score']:.1f})"
    ]
    lines.append(f"    quote:   {citation['quote']!r}")
    if citation["location"]:
        where = f"{sources_display}/{citation['source']}:{place_label(citation['location'])}"
        label = "source:" if citation["ok"] else "closest:"
        lines.append(f"    {label:<9} {citation['matched']!r}")
        lines.append(f"    at:      {where}")
    if citation["diff"]:
        lines.append(f"    diff:    {citation['diff']}")
    for difference in citation["differences"]:
        lines.append(f"    why:     {difference}")
    if citation["moved"]:
        lines.append(f"    moved:   {citation['moved']}")
    if citation["found_in"]:
        lines.append(
            f"    found in {sources_display}/{citation['found_in']['source']}:{citation['found_in']['line']}"
            " — cite that source?"
        )
    return lines


def place_label(location: dict[str, Any]) -> str:
    """How a location is written after its file's name: `line:column`, or `pPAGE:LLINE` in a PDF."""
    if "page" in location:
        return f"p{location['page']}:L{location['line']}"
    return f"{location['line']}:{location['column']}"


def rule_lines(rule: dict[str, Any]) -> list[str]:
    """A rule finding for an editor: the rule, its verdict and message, then every place it points at."""
    label = "dispute (acknowledged)" if rule["disputed"] else "waived" if rule["waived"] else rule["severity"]
    lines = [f"{rule['rule']}: {label}: {rule['message']}"]
    for loc in rule["locations"]:
        what = " ".join(x for x in (loc.get("what"), f"of {loc['fact']}" if loc["fact"] else "") if x)
        lines.append(f"  at {loc['file']}:{loc['line']}" + (f" ({what})" if what else ""))
    if rule["resolution"]:
        lines.append(f"  resolution: {rule['resolution']}")
    return lines


def verdict_lines(verdict: dict[str, Any]) -> list[str]:
    """A verdict for an editor: the rating, whose statement, and each piece of evidence."""
    whose = f"{verdict['source']} says" if verdict["of"] == "dispute" else "claim"
    lines = [f"verdict: {verdict['rating']}: {verdict['fact']}: {whose} {verdict['claim_reviewed']!r} "
             f"(at {verdict['file']}:{verdict['line']})"]
    for evidence in verdict["evidence"]:
        where = evidence["source"] or f"{evidence['url']} (accessed {evidence['accessed']})"
        lines.append(f"  evidence: {where}: {evidence['quote']!r}")
    return lines


def summary_line(doc: dict[str, Any]) -> str:
    s = doc["summary"]
    return (
        f"{s['facts']} facts ({s['facts_failed']} failing), {s['citations']} citations: {s['passed']} passed, "
        f"{s['failed']} failed; {s['dispute_quotes']} disputing quotes ({s['dispute_quotes_failed']} failed); "
        f"{s['contradictions']} contradictions, {s['disputes']} disputes, {s['warnings']} warnings; "
        f"{s['errors']} errors"
    )


def text_lines(doc: dict[str, Any], sources_display: str) -> list[str]:
    """The CLI's output: input errors, failing facts, rule findings, then the summary."""
    lines = [f"{e['file']}:{e['line']}:{e['column']}: {e['message']}" for e in doc["errors"]]
    for entry in doc["facts"]:
        if not entry["ok"] or any(needs_attention(c) for c in entry["citations"] + entry["disputed_by"]):
            lines.extend(fact_failure_lines(entry, sources_display, with_errors=False))
    for rule in doc["contradictions"]:
        if not rule["ok"]:
            lines.extend(rule_lines(rule))
    for verdict in doc.get("verdicts", ()):
        lines.extend(verdict_lines(verdict))
    lines.append(summary_line(doc))
    return lines
