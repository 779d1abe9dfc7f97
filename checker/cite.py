"""Facts -> FactResults: every citation located in its source, grouped so each document is read once."""
from __future__ import annotations

from dataclasses import replace

from checker.locate import Document, MatchOptions, contains, locate
from checker.model import Citation, CitationResult, Fact, FactResult, Match, Problem
from checker.sources import Library, SourceError


def verify_facts(facts: list[Fact], library: Library, options: MatchOptions) -> list[FactResult]:
    """Locate every citation of every valid fact, one source document at a time."""
    results = {id(fact): FactResult(fact, citations=[], problems=list(fact.problems)) for fact in facts}
    slots: dict[int, list[CitationResult | None]] = {id(f): [None] * len(f.citations) for f in facts}
    for source, jobs in _by_source(facts).items():
        for fact, index, citation in jobs:
            slots[id(fact)][index] = verify_citation(citation, fact, library, options, results[id(fact)])
    for fact in facts:
        results[id(fact)].citations = [c for c in slots[id(fact)] if c is not None]
    return [results[id(fact)] for fact in facts]


def _by_source(facts: list[Fact]) -> dict[str, list[tuple[Fact, int, Citation]]]:
    grouped: dict[str, list[tuple[Fact, int, Citation]]] = {}
    for fact in facts:
        if fact.problems:
            continue
        for index, citation in enumerate(fact.citations):
            grouped.setdefault(citation.source, []).append((fact, index, citation))
    return dict(sorted(grouped.items()))


def verify_citation(
    citation: Citation, fact: Fact, library: Library, options: MatchOptions, result: FactResult
) -> CitationResult:
    """One citation's verdict; a missing source becomes the fact's input problem."""
    try:
        document = library.document(citation.source)
    except SourceError as error:
        result.problems.append(Problem(citation.file, citation.source_line, 1, str(error)))
        return CitationResult(citation, Match(status="missing-source", ok=False, score=0.0), message=str(error))
    strict = citation.strict if citation.strict is not None else fact.strict
    match = locate(citation.quote, document, _with_strict(options, strict), citation.selector)
    found_in = None if match.ok or match.status == "too-short" else find_elsewhere(citation, library, options)
    return CitationResult(citation, match, found_in=found_in, message=explain(citation, match, document, found_in))


def _with_strict(options: MatchOptions, strict: bool) -> MatchOptions:
    return options if strict == options.strict else replace(options, strict=strict)


def find_elsewhere(citation: Citation, library: Library, options: MatchOptions):
    """Another source in the library where the quote does stand, as (name, span), or None."""
    for name in library.names():
        if name == citation.source:
            continue
        try:
            other = library.document(name)
        except SourceError:
            continue
        match = contains(citation.quote, other, options)
        if match is not None and match.spans:
            return name, match.spans[0]
    return None


def explain(citation: Citation, match: Match, document: Document, found_in) -> str:
    """One line an editor can act on; empty for a clean pass."""
    where = f"{citation.source}:{match.spans[0].line}" if match.spans else citation.source
    if match.status in ("verbatim", "normalized", "elided") and match.ok and not match.differences:
        return ""
    parts = [f"{d} ({where})" for d in match.differences] or [f"{match.status} at {where}"]
    if found_in is not None:
        name, span = found_in
        parts.append(f"the quote is not in {citation.source} but was found in {name}:{span.line}")
    return "; ".join(parts)
