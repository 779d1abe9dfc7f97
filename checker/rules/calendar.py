"""calendar (always on): a stated weekday fits its date, and a relative weekday resolves to one date."""
from __future__ import annotations

from datetime import date
from typing import Iterator

from checker.model import Location
from checker.rules.engine import Context, Finding, Spec, rule
from checker.values import WEEKDAYS, DateValue, find_dates


@rule("calendar", always=True)
def calendar(ctx: Context, spec: Spec) -> Iterator[Finding]:
    """Flags a weekday that does not fit its date, in a value, a claim or a quote, and one weekday
    that the fact's quotes, counted from their publication dates, put on two different dates.

    Why: "Saturday 29 November 2019" cannot be right (it was a Friday), so one half is wrong;
    "Friday" in two reports published a week apart is two different Fridays.
    Example: `value: {date: 2019-11-29, weekday: Saturday}`.
    """
    yield from ctx.each(spec.facts, lambda fact: _misfits(ctx, fact))


def _misfits(ctx: Context, fact) -> Iterator[Finding]:
    value = ctx.value(fact)
    if isinstance(value, DateValue):
        yield from _value_misfit(fact, value, f"{fact.file}:{fact.line_of('value')}", "value")
    yield from _claim_misfits(ctx, fact, value)
    yield from _quote_misfits(ctx, fact)
    yield from _two_dates_for_a_weekday(ctx, fact)
    for info in ctx.disputes_of(fact):
        if isinstance(info.says, DateValue):
            yield from _value_misfit(fact, info.says, f"{fact.file}:{info.dispute.line}", "the dispute's 'says'")


def _actual(day: date) -> str:
    return WEEKDAYS[day.weekday()]


def _value_misfit(fact, value: DateValue, where: str, what: str) -> Iterator[Finding]:
    if value.weekday and value.precision == "day" and _actual(value.low) != value.weekday:
        file, line = where.rsplit(":", 1)
        yield Finding(f"{fact.id}: {what} says {value.weekday} {value.low:%-d %B %Y} (at {where}), but that day was a "
                      f"{_actual(value.low)}: fix the date or the weekday", [fact],
                      [Location(file, int(line), fact.id, "value")], tokens=(value.weekday, value.low.isoformat()))


def _claim_misfits(ctx: Context, fact, value) -> Iterator[Finding]:
    line = fact.line_of("claim")
    default_year = value.low.year if isinstance(value, DateValue) else None
    for mention in find_dates(fact.claim):
        year = mention.year or default_year
        if not (mention.weekday and mention.day and mention.month and year):
            continue
        try:
            day = date(year, mention.month, mention.day)
        except ValueError:
            continue
        if _actual(day) != mention.weekday:
            yield Finding(f"{fact.id}: the claim says {mention.text!r} (at {fact.file}:{line}), but "
                          f"{day:%-d %B %Y} was a {_actual(day)}", [fact],
                          [Location(fact.file, line, fact.id, "claim")], tokens=(mention.text,))


def _quote_misfits(ctx: Context, fact) -> Iterator[Finding]:
    quoted = [(c, "quote") for c in ctx.citations(fact)]
    result = ctx.results.get(fact)
    quoted += [(d, "disputing quote") for d in (result.disputes if result else [])]
    for cited, what in quoted:
        for mention in find_dates(cited.citation.quote, ctx.published(cited.citation.source)):
            actual = mention.weekday_misfit()
            if actual:
                yield Finding(f"{fact.id}: the {what} at {ctx.quote_where(fact, cited)} says {mention.text!r}, but "
                              f"{mention.resolved.low:%-d %B %Y} was a {actual}: the source contradicts itself; "
                              f"do not rely on this passage for the date", [fact],
                              ctx.quote_locations(fact, cited, what.split()[-1]), tokens=(mention.text,))


def _two_dates_for_a_weekday(ctx: Context, fact) -> Iterator[Finding]:
    seen: dict[str, tuple[date, object, str]] = {}
    for cited in ctx.citations(fact):
        published = ctx.published(cited.citation.source)
        for mention in find_dates(cited.citation.quote, published):
            if not (mention.relative and mention.weekday and mention.resolved):
                continue
            day = mention.resolved.low
            first = seen.setdefault(mention.weekday, (day, cited, mention.text))
            if first[0] != day:
                other = first[1]
                yield Finding(
                    f"{fact.id}: {mention.weekday!s} means two dates in its quotes: "
                    f"{first[2]!r} at {ctx.quote_where(fact, other)} "
                    f"is {first[0]} (published {ctx.published(other.citation.source)}), {mention.text!r} at "
                    f"{ctx.quote_where(fact, cited)} is {day} (published {published}): "
                    "check the publication dates in sources.yaml",
                    [fact], ctx.quote_locations(fact, other) + ctx.quote_locations(fact, cited),
                    tokens=(mention.weekday,))
