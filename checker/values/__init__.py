"""Typed values (date, quantity, entity, boolean, text): read from fact YAML, found in quote text, compared.

A date is an interval of days (one day, a month or a year) with an optional weekday and part of day;
a quantity is an interval of numbers built from its qualifier ("nearly 5,000" is [4,500, 5,000)).
Dates in quotes ("Friday", "last Saturday, November 30", "on Tuesday") resolve against the
source's publication date: a bare weekday is the latest such day on or before publication
(news style: "Friday" in a Friday paper is that day), "last X" the latest strictly before it,
"next X" the first after it. This is small and specific enough that our own code is clearer
than a general parser (dateparser resolves weekdays against *now* and guesses silently).
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from checker.values.dates import (  # noqa: F401  (re-exported)
    DateMention, find_dates, mention_supports, parse_published, read_date, resolve_weekday,
)
from checker.values.quantities import (  # noqa: F401
    APPROX, VAGUE, find_counts, find_quantities, find_versions, numbers_in, parse_number,
)
from checker.values.types import (  # noqa: F401
    MONTHS, PARTS, WEEKDAYS, BadValue, Boolean, DateValue, EntityRef, Quantity, Text, Value, interval_text, number_text,
    type_name,
)

# ---- reading values from fact YAML ----------------------------------------------------------


def read_value(raw: Any, like: Value | None = None, entity_ids: set[str] | frozenset = frozenset()) -> Value:
    """A fact's `value` (or a dispute's `says`) as a typed value; a scalar is read in the type of `like`."""
    if isinstance(raw, dict):
        return _read_mapping(raw)
    if isinstance(raw, bool):
        return Boolean(raw)
    if like is not None:
        return _read_scalar_as(raw, type(like))
    if isinstance(raw, (int, float)):
        return _quantity_value(raw, None)
    if isinstance(raw, str):
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw.strip()):
            return read_date(raw)
        if raw in entity_ids:
            return EntityRef(raw)
        return Text(raw)
    raise BadValue(
        f"cannot read {raw!r} as a value: "
        "write {date: ...}, {quantity: ...}, {entity: ...}, {boolean: ...} or {text: ...}"
    )


def _read_mapping(raw: dict) -> Value:
    if "date" in raw:
        value = read_date(str(raw["date"]), raw.get("precision", "day"))
        return replace(value, weekday=raw.get("weekday"), part=raw.get("part_of_day"))
    if "quantity" in raw:
        return _quantity_value(raw["quantity"], raw.get("unit"))
    if "entity" in raw:
        return EntityRef(str(raw["entity"]))
    if "boolean" in raw:
        if not isinstance(raw["boolean"], bool):
            raise BadValue(f"boolean {raw['boolean']!r} must be true or false")
        return Boolean(raw["boolean"])
    if "text" in raw:
        return Text(str(raw["text"]))
    raise BadValue(f"a value needs one of: date, quantity, entity, boolean, text (got {', '.join(map(str, raw))})")


def _read_scalar_as(raw: Any, kind: type) -> Value:
    if kind is DateValue:
        return read_date(str(raw))
    if kind is Quantity:
        return _quantity_value(raw, None)
    if kind is EntityRef:
        return EntityRef(str(raw))
    if kind is Boolean:
        if isinstance(raw, str) and raw.lower() in ("true", "false", "yes", "no"):
            return Boolean(raw.lower() in ("true", "yes"))
        raise BadValue(f"{raw!r} is not a boolean: write true or false")
    return Text(str(raw))


def _quantity_value(raw: Any, unit: str | None) -> Quantity:
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        return Quantity(float(raw), float(raw), float(raw), "", number_text(raw), unit=unit)
    found = find_quantities(str(raw))
    if len(found) != 1:
        raise BadValue(
            f"cannot read quantity {raw!r}: write a number with its qualifier as the source has it, "
            "e.g. 'nearly 5,000', '50 or so', 'dozens'"
        )
    return replace(found[0], unit=unit)


# ---- comparing ------------------------------------------------------------------------------


def agree(a: Value, b: Value) -> bool:
    """Can both be true of one thing? Dates and quantities agree when their intervals meet."""
    if type(a) is not type(b):
        return False
    if isinstance(a, DateValue):
        return a.low <= b.high and b.low <= a.high and _same_or_unknown(a.part, b.part)
    if isinstance(a, Quantity):
        return overlap(a, b)
    if isinstance(a, Text):
        return _fold(a.text) == _fold(b.text)
    return a == b


def _same_or_unknown(x: str | None, y: str | None) -> bool:
    return x is None or y is None or x == y


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def overlap(a: Quantity, b: Quantity) -> bool:
    """Whether two quantity intervals share a number (open ends excluded)."""
    if a.low > b.high or b.low > a.high:
        return False
    if a.low == b.high:
        return not (a.low_open or b.high_open)
    if b.low == a.high:
        return not (b.low_open or a.high_open)
    return True
