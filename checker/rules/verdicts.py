"""verdicts (always on): each verdict rests on evidence that stands, and agrees with what the suite holds."""
from __future__ import annotations

from datetime import date
from typing import Iterator

from checker.match import contains
from checker.model import Evidence, Location, Verdict
from checker.rules.engine import Context, Finding, Spec, rule

RATINGS = ("false", "misleading", "unsupported", "accurate")


@rule("verdicts", always=True)
def verdicts(ctx: Context, spec: Spec) -> Iterator[Finding]:
    """Flags a `verdict:` (on a fact, or on a dispute: what the record says of that source's statement)
    whose evidence does not hold: a quoted passage that does not stand in its source, an outside record
    whose access date is no date, or whose quote is missing; and a dispute rated `accurate` while the fact
    holds the opposite value (the fact would then be the one that is wrong).

    Why: "not settled" is not the same as "wrong"; a verdict says a source is wrong against the record,
    and must carry the record it rests on, checked like any quote.
    Example: `verdict: {rating: false, evidence: [{source: 000.txt, quote: "on Saturday"}]}` where 000.txt
    says "on Friday".
    """
    yield from ctx.each(spec.facts, lambda fact: _unfounded(ctx, fact))


def _unfounded(ctx: Context, fact) -> Iterator[Finding]:
    judged = [(fact.verdict, "the fact's claim")] if fact.verdict is not None else []
    judged += [(d.verdict, f"the dispute at {fact.file}:{d.line} ({d.citation.source})")
               for d in fact.disputes if d.verdict is not None]
    for verdict, what in judged:
        for evidence in verdict.evidence:
            problem = _evidence_problem(ctx, evidence)
            if problem:
                yield Finding(f"{fact.id}: the verdict on {what} rests on evidence at {fact.file}:{evidence.line} "
                              f"that {problem}", [fact], [Location(fact.file, evidence.line, fact.id, "evidence")],
                              tokens=(evidence.quote,))
        if verdict.rating == "accurate" and what != "the fact's claim":
            yield _accurate_dispute(fact, verdict, what)


def _evidence_problem(ctx: Context, evidence: Evidence) -> str:
    """Why the evidence does not hold, or ''."""
    if evidence.source is not None:
        try:
            document = ctx.library.document(evidence.source)
        except Exception:  # no such source, or no library
            return f"cites {evidence.source}, which cannot be read under {ctx.sources_display}/"
        if contains(evidence.quote, document) is None:
            return f"does not stand in {ctx.source_path(evidence.source)}: quote the passage as it stands"
        return ""
    try:
        date.fromisoformat(evidence.accessed or "")
    except ValueError:
        return f"gives accessed: {evidence.accessed!r}, which is no date (YYYY-MM-DD)"
    return ""


def _accurate_dispute(fact, verdict: Verdict, what: str) -> Finding:
    return Finding(f"{fact.id}: {what} is rated accurate (at {fact.file}:{verdict.line}), so the value the fact holds "
                   "is the wrong one: correct the fact's value and record the other side as the dispute, or rate "
                   "the dispute again", [fact], [Location(fact.file, verdict.line, fact.id, "verdict")],
                   tokens=("accurate",))
