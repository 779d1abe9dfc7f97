"""Consistency rules over the whole suite: every rule kind is registered here, in one place.

A kind is one small function in its own module (see docs/rules.md for the YAML that declares
each, with a failing example). Integrity, value agreement, calendar, quantities, names,
corroboration and disputes always run; single-value and before run where a fact file declares them.
"""
from __future__ import annotations

from checker.model import Problem, RuleResult
from checker.rules import (
    agreement, attribution, calendar, conflicts, corroboration, disputes, integrity, names, order, support, verdicts,
)
from checker.rules.engine import Kind, build_context, plan, run

KINDS: dict[str, Kind] = {
    function.kind.name: function.kind
    for function in (
        integrity.integrity,
        agreement.value_agreement,
        calendar.calendar,
        conflicts.single_value,
        conflicts.quantities,
        order.before,
        names.names,
        corroboration.corroboration,
        support.support,
        attribution.attribution,
        verdicts.verdicts,
        disputes.disputes,
    )
}


def check_rules(suite, fact_results, library, metadata) -> tuple[list[RuleResult], list[Problem]]:
    """Rule results for the suite, and the declarations too bad to run (input errors at their file:line)."""
    ctx = build_context(suite, fact_results, library, metadata)
    specs, problems = plan(suite, ctx, KINDS)
    return run(specs, ctx), problems
