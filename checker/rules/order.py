"""before: one dated fact comes before another, optionally within (or at least) N days of it."""
from __future__ import annotations

from typing import Iterator

from checker.rules.engine import Context, Finding, Spec, rule
from checker.values import PARTS, DateValue


@rule(
    "before",
    params={"first": "fact", "then": "fact", "within_days": "days", "min_days": "days"},
    required=("first", "then"),
)
def before(ctx: Context, spec: Spec) -> Iterator[Finding]:
    """Flags two dated facts in the wrong order, or further apart (or closer) than declared.

    Why: a crackdown said to begin on 25 November cannot follow an attack on the 29th that it
    preceded; "a few days before" is a distance in time the dates must keep.
    Example: `{kind: before, first: crackdown-start, then: attack-date, within_days: 7}` with
    crackdown-start 2019-12-02 and attack-date 2019-11-29.
    """
    by_id = ctx.by_id
    first, then = by_id[spec.params["first"]], by_id[spec.params["then"]]
    yield from ctx.guard([first, then], lambda: _order(ctx, spec, first, then))


def _order(ctx: Context, spec: Spec, first, then) -> Iterator[Finding]:
    a, b = ctx.value(first), ctx.value(then)
    for fact, value in ((first, a), (then, b)):
        if not isinstance(value, DateValue):
            yield Finding(
                f"{fact.id} has no date value (value: {{date: YYYY-MM-DD}}) for rule {spec.name} to compare", [fact]
            )
    if not (isinstance(a, DateValue) and isinstance(b, DateValue)):
        return
    where_a, loc_a = ctx.evidence(first)
    where_b, loc_b = ctx.evidence(then)
    both = f"{first.id} is {a} ({where_a}); {then.id} is {b} ({where_b})"
    if a.low > b.high or (a.precision == b.precision == "day" and a.low == b.low and _later_part(a, b)):
        yield Finding(f"{first.id} must come before {then.id}, but it is later: {both}", [first, then], loc_a + loc_b)
        return
    gap_max, gap_min = (b.high - a.low).days, (b.low - a.high).days
    if "within_days" in spec.params and gap_min > spec.params["within_days"]:
        yield Finding(f"{then.id} must come within {spec.params['within_days']} days of {first.id}, "
                      f"but they are {gap_min} days apart: {both}",
                      [first, then], loc_a + loc_b)
    if "min_days" in spec.params and gap_max < spec.params["min_days"]:
        yield Finding(f"{then.id} must come at least {spec.params['min_days']} days after {first.id}, "
                      f"but they are {gap_max} days apart: {both}",
                      [first, then], loc_a + loc_b)


def _later_part(a: DateValue, b: DateValue) -> bool:
    return bool(a.part and b.part) and PARTS.index(a.part) > PARTS.index(b.part)
