"""corroboration (always on): a fact that requires N sources has N independent ones; copies count once."""
from __future__ import annotations

from typing import Iterator

from checker.model import Location
from checker.rules.engine import Context, Finding, Spec, rule


@rule("corroboration", params={"min_sources": "int"}, always=True)
def corroboration(ctx: Context, spec: Spec) -> Iterator[Finding]:
    """Flags a fact with fewer independent sources than it requires (`requires_sources: N` on the
    fact, or `min_sources: N` on a declared rule), counting a copy, truncated copy, excerpt,
    translation or rewrite (sources.yaml `lineage:`) as its original. Warns when a fact cites
    several sources that are all one original and says nothing about it (`independence:`).

    Why: a story syndicated three times is one witness, not three.
    Example: `requires_sources: 2` citing 000 and 002, where 002 is `lineage: {kind: copy, of: 000}`.
    """
    yield from ctx.each(spec.facts, lambda fact: _shortfall(ctx, fact, spec.params.get("min_sources") or 0))


def _shortfall(ctx: Context, fact, min_sources: int) -> Iterator[Finding]:
    needed = max(fact.requires_sources or 0, min_sources)
    cited = [c for c in ctx.citations(fact) if c.ok]
    lines = {c.citation.source: f"{fact.file}:{c.citation.line}" for c in reversed(cited)}  # first quote per source
    groups = _by_original(ctx, [c.citation.source for c in cited])
    quotes = [location for c in cited for location in ctx.quote_locations(fact, c)]
    if needed and len(groups) < needed:
        note = f" (independence: {fact.independence})" if fact.independence else ""
        where = Location(fact.file, fact.line_of("requires_sources"), fact.id, "requires_sources")
        yield Finding(f"{fact.id} requires {needed} independent sources but has {len(groups)}: "
                      f"{_explain(ctx, groups, lines)}{note}. "
                      f"Cite an independent source, or lower requires_sources and explain why in independence:",
                      [fact], [where] + quotes, tokens=(str(needed),))
    elif len(lines) > len(groups) == 1 and fact.independence is None:
        yield Finding(f"{fact.id} cites {len(lines)} sources but they are one original: "
                      f"{_explain(ctx, groups, lines)}. Say so in independence:, or cite an independent source",
                      [fact], quotes, severity="warning", tokens=tuple(groups))


def original(ctx: Context, source: str) -> str:
    """The source this one derives from, followed to the end of its lineage (cycles stop)."""
    seen = {source}
    while True:
        info = ctx.metadata.get(source)
        parent = getattr(info, "lineage_of", None) if info is not None else None
        if not parent or parent in seen:
            return source
        seen.add(parent)
        source = parent


def _by_original(ctx: Context, sources: list[str]) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    for source in dict.fromkeys(sources):
        groups.setdefault(original(ctx, source), []).append(source)
    return groups


def _explain(ctx: Context, groups: dict[str, list[str]], lines: dict[str, str]) -> str:
    """'000.txt (facts/a.yaml:9) with 002.txt (truncated-copy of 000.txt, facts/a.yaml:10), counted once'."""
    if not groups:
        return "no citation that passes"
    parts = []
    for root, members in groups.items():
        derived = [m for m in members if m != root]
        kinds = ", ".join(
            f"{m} ({getattr(ctx.metadata.get(m), 'lineage_kind', None) or 'derived'} of {root}, {lines[m]})"
            for m in derived
        )
        head = f"{root} ({lines[root]})" if root in lines else f"{root} (not cited)"
        parts.append(head + (f" with {kinds}, counted once" if derived else ""))
    return "; ".join(parts)
