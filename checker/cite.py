"""Facts -> FactResults: every citation (and every disputing quote) located in its source, one document at a time."""
from __future__ import annotations

from checker.match import MatchOptions, contains, locate, options_for
from checker.model import Citation, CitationResult, Fact, FactResult, Match, Problem, Span
from checker.sources import Library, SourceError

CITATIONS, DISPUTES = "citations", "disputes"


def verify_facts(facts: list[Fact], library: Library, options: MatchOptions) -> list[FactResult]:
    """Locate every quote of every valid fact, grouped by source so each document is read and normalized once."""
    results = {fact: FactResult(fact, citations=[], problems=list(fact.problems)) for fact in facts}
    for _source, jobs in _by_source(facts).items():
        for fact, kind, index, citation in jobs:
            verdict = verify_citation(citation, fact, library, options, results[fact])
            getattr(results[fact], kind).append((index, verdict))
    for result in results.values():
        result.citations = [verdict for _, verdict in sorted(result.citations, key=lambda item: item[0])]
        result.disputes = [verdict for _, verdict in sorted(result.disputes, key=lambda item: item[0])]
    return [results[fact] for fact in facts]


def _by_source(facts: list[Fact]) -> dict[str, list[tuple[Fact, str, int, Citation]]]:
    grouped: dict[str, list[tuple[Fact, str, int, Citation]]] = {}
    for fact in facts:
        if fact.problems:
            continue
        quoted = [(CITATIONS, i, c) for i, c in enumerate(fact.citations)]
        quoted += [(DISPUTES, i, d.citation) for i, d in enumerate(fact.disputes)]
        for kind, index, citation in quoted:
            grouped.setdefault(citation.source, []).append((fact, kind, index, citation))
    return dict(sorted(grouped.items()))


def verify_citation(
    citation: Citation, fact: Fact, library: Library, options: MatchOptions, result: FactResult
) -> CitationResult:
    """One citation's verdict; a missing source becomes the fact's input problem."""
    try:
        document = library.document(citation.source)
    except SourceError as error:
        result.problems.append(Problem(citation.file, citation.source_line, citation.source_column, str(error)))
        return CitationResult(citation, Match(status="missing-source", ok=False, score=0.0), message=str(error))
    match = locate(citation.quote, document, options_for(options, citation.strict, fact.strict), citation.selector)
    found_in = None if match.ok or match.status == "too-short" else find_elsewhere(citation, library, options)
    message = explain(citation, match, found_in)
    return CitationResult(citation, match, found_in=found_in, message=message)


def find_elsewhere(citation: Citation, library: Library, options: MatchOptions) -> tuple[str, Span] | None:
    """Another source in the library where the quote does stand, as (name, span), or None."""
    for name in library.names():
        if name == citation.source:
            continue
        try:
            other = library.document(name)
        except SourceError:
            continue
        match = contains(citation.quote, other, options)
        if match is not None:
            return name, match.spans[0]
    return None


def explain(citation: Citation, match: Match, found_in: tuple[str, Span] | None) -> str:
    """One line an editor can act on; empty for a clean pass."""
    parts = list(match.differences)
    if match.moved:
        parts.append(match.moved)
    if not parts and not match.ok:
        where = f"{citation.source}:{match.spans[0].line}" if match.spans else citation.source
        parts.append(f"{match.status} at {where}")
    if found_in is not None:
        name, span = found_in
        parts.append(f"the quote is not in {citation.source} but was found in {name}:{span.line}")
    return "; ".join(parts)
