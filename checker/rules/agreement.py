"""value-agreement (always on): a fact's value, and the numbers and dates in its claim, are read from its own quotes."""
from __future__ import annotations

import re
from typing import Iterator

from checker.model import Location
from checker.rules.engine import Context, Finding, Spec, rule
from checker.rules.evidence import backs
from checker.rules.waivers import value_tokens
from checker.values import (
    WEEKDAYS, DateMention, DateValue, EntityRef, Quantity, find_counts, find_dates, find_quantities, find_versions,
    mention_supports, numbers_in, overlap, parse_number,
)

SKIPPED_WORDS = {"one"}  # "one of the biggest": a pronoun more often than a count


@rule("value-agreement", always=True)
def value_agreement(ctx: Context, spec: Spec) -> Iterator[Finding]:
    """Flags a value, or a number or date in the claim, that none of the fact's quotes states
    (warns on a part of day, or an entity, that no quote gives).

    Why: the structured value is what the other rules compare, and the claim is what readers see;
    neither may drift from the evidence. Relative dates ("Friday") count from the source's
    publication date in sources.yaml. A number that is part of a name or an identifier ("the Boeing
    737", "an iPhone 11", "Claim 0021", "9/11") is no count; `numbers_not_stated: ["101"]` on the
    fact exempts one the rule cannot tell, and is flagged once the claim drops it or a quote states it.
    Example: `value: {quantity: 6000}` citing "Nearly 5,000 accounts ... were shut down".
    """
    yield from ctx.each(spec.facts, lambda fact: _agreement(ctx, fact))


def _agreement(ctx: Context, fact) -> Iterator[Finding]:
    if fact in ctx.value_errors:
        line = fact.line_of("value")
        yield Finding(f"{fact.id}: value cannot be read: {ctx.value_errors[fact]}", [fact],
                      [Location(fact.file, line, fact.id, "value")])
    value = ctx.value(fact)
    if value is not None and ctx.citations(fact) and fact not in ctx.support:
        finding = _unbacked_value(ctx, fact, value)
        finding.severity = "warning" if isinstance(value, EntityRef) else None  # "the official" names no alias
        yield finding
    elif isinstance(value, DateValue) and value.part and not _part_stated(ctx, fact, value):
        line = fact.line_of("value")
        yield Finding(f"{fact.id}: value says {value.part} (at {fact.file}:{line}) but no quote gives a part of day "
                      f"for {value.low}: drop part_of_day or cite the passage that states it", [fact],
                      [Location(fact.file, line, fact.id, "value")], severity="warning", tokens=(value.part,))
    yield from _claim_drift(ctx, fact)
    yield from _stale_numbers_not_stated(ctx, fact)


def _part_stated(ctx: Context, fact, value: DateValue) -> bool:
    """Does some quote state the value's date with its part of day ("Saturday afternoon")?"""
    for cited in ctx.citations(fact):
        for mention in find_dates(cited.citation.quote, ctx.published(cited.citation.source)):
            if mention.part == value.part and mention_supports(value, mention):
                return True
    return False


def _unbacked_value(ctx: Context, fact, value) -> Finding:
    details, locations = [], [Location(fact.file, fact.line_of("value"), fact.id, "value")]
    for cited in ctx.citations(fact):
        source = cited.citation.source
        _, detail = backs(value, cited.citation.quote, ctx.published(source), ctx.entities, ctx.source_path(source))
        details.append(f"the quote at {ctx.quote_where(fact, cited)} {detail}")
        locations += ctx.quote_locations(fact, cited)
    message = (f"{fact.id}: value {value} (at {fact.file}:{fact.line_of('value')}) is not stated by any of its quotes: "
               + "; ".join(details) + ". Correct the value, or cite the passage that states it")
    return Finding(message, [fact], locations, tokens=value_tokens(value))


def _claim_drift(ctx: Context, fact) -> Iterator[Finding]:
    cites = ctx.citations(fact)
    if not cites or not fact.claim:
        return
    quotes = [(c.citation.quote, ctx.published(c.citation.source)) for c in cites]
    mentions = [m for quote, published in quotes for m in find_dates(quote, published)]
    quantities = [q for quote, _ in quotes for q in find_quantities(quote)]
    numbers = set().union(*(numbers_in(quote) for quote, _ in quotes))
    numbers |= {float(m.resolved.low.year) for m in mentions if m.resolved is not None}  # "last year" backs "2018"
    line = fact.line_of("claim")
    where = ", ".join(f"{fact.file}:{c.citation.line}" for c in cites)
    for said in find_dates(fact.claim):
        if said.relation in ("last", "next", "this", None) and not any(_date_backed(said, m) for m in mentions):
            yield Finding(f"{fact.id}: the claim says {said.text!r} (at {fact.file}:{line}) but none of its quotes "
                          f"({where}) states that date: make the claim say what the quotes say", [fact],
                          [Location(fact.file, line, fact.id, "claim")], tokens=(said.text,))
    versions = {v.lower().lstrip("v") for quote, _ in quotes for v in find_versions(quote)}
    for said in find_versions(fact.claim):
        if said.lower().lstrip("v") not in versions:
            yield Finding(f"{fact.id}: the claim says version {said!r} (at {fact.file}:{line}) but no quote states "
                          f"that version ({where}): make the claim say what the quotes say", [fact],
                          [Location(fact.file, line, fact.id, "claim")], tokens=(said,))
    for said in find_counts(fact.claim):
        if said.text.lower() in SKIPPED_WORDS or any(_names(token, said) for token in fact.numbers_not_stated):
            continue
        problem = _number_problem(said, quantities, numbers)
        if problem:
            yield Finding(f"{fact.id}: the claim says {said.text!r} (at {fact.file}:{line}) but {problem} ({where}): "
                          f"make the claim say what the quotes say", [fact],
                          [Location(fact.file, line, fact.id, "claim")], tokens=value_tokens(said))


def _names(token: str, said: Quantity) -> bool:
    """Does a `numbers_not_stated` token name this number of the claim ("737", "0021", "6,000")?"""
    number = parse_number(token) if token[:1].isdigit() else None
    return token.casefold() == said.text.casefold() or number is not None and number == said.anchor


def _stale_numbers_not_stated(ctx: Context, fact) -> Iterator[Finding]:
    """A `numbers_not_stated` token the claim no longer has, or that a quote now states, exempts nothing."""
    line = fact.line_of("numbers_not_stated")
    for token in fact.numbers_not_stated:
        stating = next((c for c in ctx.citations(fact) if _stands_in(token, c.citation.quote)), None)
        if not _stands_in(token, fact.claim):
            why = "the claim no longer has it"
        elif stating is not None:
            why = f"the quote at {ctx.quote_where(fact, stating)} states it"
        else:
            continue
        yield Finding(f"{fact.id}: numbers_not_stated names {token!r} (at {fact.file}:{line}) but {why}: remove it "
                      "from numbers_not_stated", [fact], [Location(fact.file, line, fact.id, "numbers_not_stated")])


def _stands_in(token: str, text: str) -> bool:
    return re.search(rf"(?<![\w.,]){re.escape(token)}(?!\w|[.,]\d)", text, re.IGNORECASE) is not None


def _number_problem(said: Quantity, quantities: list[Quantity], numbers: set[float]) -> str:
    if said.anchor is None:
        return "" if any(overlap(said, q) for q in quantities) else "no quote gives a number in that range"
    if said.anchor not in numbers:
        return "no quote states that number"
    if said.qualifier and said.qualifier != "range":
        same = [q for q in quantities if q.anchor == said.anchor]
        if same and not any(overlap(said, q) for q in same):
            return f"its quote says {same[0].text!r}, which cannot be {said.text!r}"
    return ""


def _date_backed(said: DateMention, quoted: DateMention) -> bool:
    """Does a date the quote states (resolved against its source) back a date the claim states?"""
    got = quoted.resolved
    if said.weekday is None and said.month is None:  # "in 2017"; a relative "last year" in a claim is not checked
        return said.year is None or (got is not None and got.low.year == said.year == got.high.year)
    if said.month is not None:
        if said.day is None:
            return (
                (got is not None and (got.low.year, got.low.month) == (said.year, said.month))
                or quoted.month == said.month
            )
        same_day = (got.low.month, got.low.day) == (said.month, said.day) if got and got.precision == "day" else (
            (quoted.month, quoted.day) == (said.month, said.day))
        return same_day and (said.year is None or got is None or got.low.year == said.year)
    weekday = quoted.weekday or (WEEKDAYS[got.low.weekday()] if got is not None and got.precision == "day" else None)
    return weekday == said.weekday and (said.part is None or quoted.part == said.part)

