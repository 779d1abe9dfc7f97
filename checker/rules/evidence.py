"""Whether a quote states a value: the shared reading behind value agreement, disputes and rule messages."""
from __future__ import annotations

import re
from datetime import date

from checker.values import (
    DateMention, DateValue, EntityRef, Quantity, Value, find_dates, find_quantities, interval_text,
    mention_supports,
)


def backs(value: Value, quote: str, published: date | None, entities: dict, source: str = "") -> tuple[bool, str]:
    """(True, '') when `quote` states `value`; else (False, what the quote does say) for the editor."""
    if isinstance(value, DateValue):
        return _date_backed(value, find_dates(quote, published), source)
    if isinstance(value, Quantity):
        return _quantity_backed(value, find_quantities(quote))
    if isinstance(value, EntityRef):
        return _entity_backed(value, quote, entities)
    return True, ""  # booleans and free text are not read from prose


def _date_backed(value: DateValue, mentions: list[DateMention], source: str) -> tuple[bool, str]:
    for mention in mentions:
        if mention_supports(value, mention) and (not value.part or not mention.part or value.part == mention.part):
            return True, ""
    if not mentions:
        return False, "states no date"
    return False, "says " + ", ".join(describe_mention(m, source) for m in mentions)


def describe_mention(mention: DateMention, source: str = "") -> str:
    if mention.resolved is not None:
        return f"{mention.text!r} = {mention.resolved}"
    if mention.relative or mention.year is None:
        return (
            f"{mention.text!r}, which cannot be dated: "
            f"the sources metadata (sources.yaml) gives no published date for {source or 'its source'}"
        )
    return f"{mention.text!r} ({mention.note})"


def _quantity_backed(value: Quantity, found: list[Quantity]) -> tuple[bool, str]:
    same = [q for q in found if _same_number(value, q)]
    for quantity in same:
        if (quantity.low, quantity.high, quantity.low_open, quantity.high_open) == (
            value.low, value.high, value.low_open, value.high_open
        ):
            return True, ""
    if same:
        quantity = same[0]
        if not value.qualifier:
            return False, (
                f"says {quantity.text!r}, but the value drops {quantity.qualifier!r}: write quantity: '{quantity.text}'"
            )
        return False, f"says {quantity.text!r} ({_range(quantity)}), not {value.text!r} ({_range(value)})"
    if not found:
        return False, "states no number"
    return False, "says " + ", ".join(repr(q.text) for q in found)


def _same_number(a: Quantity, b: Quantity) -> bool:
    if a.anchor is None or b.anchor is None:
        return a.anchor is None and b.anchor is None and a.qualifier == b.qualifier
    return abs(a.anchor - b.anchor) < 1e-9


def _range(q: Quantity) -> str:
    return interval_text(q)


def _entity_backed(value: EntityRef, quote: str, entities: dict) -> tuple[bool, str]:
    entity = entities.get(value.id)
    if entity is None:
        return True, ""  # integrity reports the unknown id
    names = spellings(entity)
    if any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", quote, re.IGNORECASE) for name in names):
        return True, ""
    return False, f"does not name {entity.get('name', value.id)} (spellings: {', '.join(names)})"


def spellings(entity) -> list[str]:
    """An entity's name and every registered alias, deduplicated, in order."""
    names = [entity.get("name")] + list(entity.get("aliases") or [])
    return list(dict.fromkeys(n for n in names if isinstance(n, str) and n.strip()))

