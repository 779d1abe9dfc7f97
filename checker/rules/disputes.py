"""disputes (always on): each acknowledged disagreement is listed with its resolution, or flagged when stale."""
from __future__ import annotations

from typing import Iterator

from checker.model import Location
from checker.rules.engine import Context, Finding, Spec, rule


@rule("disputes", always=True)
def disputes(ctx: Context, spec: Spec) -> Iterator[Finding]:
    """Lists every `disputed_by` entry (it passes, with its resolution) and flags a stale one:
    the disputing source now agrees with the fact's value, or its quote no longer says what
    `says` records.

    Why: an exemption must not outlive its reason; once the value or the source changes, the
    acknowledgement hides nothing and should go (or be rewritten).
    Example: `value: {date: 2019-11-30}` with `disputed_by: [{..., says: 2019-11-30}]`.
    """
    for info in ctx.disputes:
        if info.fact in spec.facts and info not in ctx.acknowledged:  # one that acknowledged a finding is listed there
            yield from ctx.guard([info.fact], lambda: _entry(ctx, info))


def _entry(ctx: Context, info) -> Iterator[Finding]:
    stale = info.stale
    where = Location(info.fact.file, info.dispute.line, info.fact.id, "dispute")
    if stale:
        yield Finding(f"{info.fact.id}: stale dispute at {info.fact.file}:{info.dispute.line}: {stale}; "
                      "remove the disputed_by entry or bring it up to date", [info.fact], [where])
    else:
        value = ctx.value(info.fact)
        held = f"holds {value}" if value is not None else "has no structured value"
        yield Finding(f"{info.fact.id} {held}; {info.dispute.citation.source} says {info.says} "
                      f"(quote at {ctx.quote_where(info.fact, info.result) if info.result else info.fact.file})",
                      [info.fact], [where] + (ctx.quote_locations(info.fact, info.result) if info.result else []),
                      dispute=info)
