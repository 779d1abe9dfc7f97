"""single-value and quantities: two facts about one subject and property must be able to both be true."""
from __future__ import annotations

from itertools import combinations
from typing import Iterator

from checker.rules.engine import Context, Finding, Side, Spec, rule, sources_of
from checker.rules.waivers import value_tokens
from checker.values import Quantity, agree, type_name

ADVICE = "keep the value the evidence supports and record the other source under disputed_by with a resolution"


@rule("single-value", required=("properties",))
def single_value(ctx: Context, spec: Spec) -> Iterator[Finding]:
    """Flags a subject whose single-valued property has two different values across facts.

    Why: an event has one date and a company one owner; two values mean one fact is wrong or the
    sources disagree, and the suite must say which it holds. Dates agree when their days (or
    months, years) meet; quantities are left to the `quantities` rule.
    Example: `attack-date` says 2019-11-29 and `attack-day-russian` says 2019-11-30, both
    `about: london-bridge-attack, property: date`, with `{kind: single-value, properties: [date]}`.
    """
    facts = [f for f in spec.facts if ctx.value(f) is not None and not isinstance(ctx.value(f), Quantity)]
    yield from conflicts(ctx, facts, "has two values")


@rule("quantities", always=True)
def quantities(ctx: Context, spec: Spec) -> Iterator[Finding]:
    """Flags two facts about the same quantity whose intervals do not overlap.

    Why: "nearly 5,000" ([4,500, 5,000)) and "over 6,000" cannot both count the same accounts;
    "50 or so" and "dozens" can. Qualifiers make the intervals (see docs/rules.md).
    Example: `europol-accounts` value `{quantity: nearly 5,000}` and `accounts-shut` value
    `{quantity: over 6,000}`, both `about: europol-takedown, property: accounts-shut`.
    """
    facts = [f for f in spec.facts if isinstance(ctx.value(f), Quantity)]
    yield from conflicts(ctx, facts, "has two counts that cannot both be true")


def conflicts(ctx: Context, facts: list, what: str) -> Iterator[Finding]:
    groups: dict[tuple[str, str], list] = {}
    for fact in facts:
        if fact.about is not None and fact.property is not None:
            groups.setdefault((fact.about, fact.property), []).append(fact)
    for (about, prop), group in groups.items():
        for a, b in combinations(group, 2):
            yield from ctx.guard([a, b], lambda: _disagreement(ctx, a, b, f"{about} {prop} {what}"))


def _disagreement(ctx: Context, a, b, what: str) -> Iterator[Finding]:
    va, vb = ctx.value(a), ctx.value(b)
    if agree(va, vb):
        return
    where_a, locations_a = ctx.evidence(a)
    where_b, locations_b = ctx.evidence(b)
    kinds = "" if type(va) is type(vb) else f" (a {type_name(va)} and a {type_name(vb)})"
    yield Finding(
        f"{what}{kinds}: {va} in {a.id} ({where_a}) and {vb} in {b.id} ({where_b})",
        [a, b], locations_a + locations_b, advice=ADVICE,
        sides=[Side(a, va, sources_of(ctx, a)), Side(b, vb, sources_of(ctx, b))],
        tokens=value_tokens(va) + value_tokens(vb),
    )
