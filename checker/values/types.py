"""The value types: a date (an interval of days), a quantity (an interval of numbers), an entity, a boolean, text."""
from __future__ import annotations

import calendar
import math
from dataclasses import dataclass
from datetime import date
from typing import Union

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
PARTS = ("morning", "afternoon", "evening", "night")
MONTHS = {name: i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name: i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["Sept"] = 9


class BadValue(ValueError):
    """A value in a fact file that cannot be read; the message says what to write instead."""


# ---- the value types ------------------------------------------------------------------------


@dataclass(frozen=True)
class DateValue:
    """Days [low, high] (one day, a month or a year), with the weekday and part of day if stated."""

    low: date
    high: date
    precision: str = "day"  # day | week | month | year
    weekday: str | None = None
    part: str | None = None

    def __str__(self) -> str:
        if self.precision == "year":
            text = f"{self.low.year}"
        elif self.precision == "month":
            text = f"{self.low:%Y-%m}"
        elif self.precision == "week":
            text = f"the week of {self.low.isoformat()}"
        else:
            text = self.low.isoformat()
        extra = " ".join(x for x in (self.weekday, self.part) if x)
        return f"{text} ({extra})" if extra else text


@dataclass(frozen=True)
class Quantity:
    """A number as written, as an interval: `anchor` is the number stated, `qualifier` the word(s) around it."""

    low: float
    high: float
    anchor: float | None = None  # None for a vague word ("dozens", "a handful")
    qualifier: str = ""  # "" for an exact number; "nearly", "over", "dozens" ...
    text: str = ""
    low_open: bool = False
    high_open: bool = False
    unit: str | None = None

    def __str__(self) -> str:
        written = self.text or number_text(self.anchor)
        if self.qualifier == "" or (self.low == self.high):
            return written
        return f"{written} ({interval_text(self)})"


@dataclass(frozen=True)
class EntityRef:
    id: str

    def __str__(self) -> str:
        return self.id


@dataclass(frozen=True)
class Boolean:
    value: bool

    def __str__(self) -> str:
        return "true" if self.value else "false"


@dataclass(frozen=True)
class Text:
    text: str

    def __str__(self) -> str:
        return repr(self.text)


Value = Union[DateValue, Quantity, EntityRef, Boolean, Text]
TYPE_NAMES = {DateValue: "date", Quantity: "quantity", EntityRef: "entity", Boolean: "boolean", Text: "text"}


def type_name(value: Value) -> str:
    return TYPE_NAMES[type(value)]


def number_text(x: float | None) -> str:
    if x is None:
        return "?"
    if x == math.inf:
        return "∞"
    x = round(x, 6)
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,.2f}".rstrip("0")


def interval_text(q: Quantity) -> str:
    if q.low == q.high:
        return number_text(q.low)
    if q.high == math.inf:
        return f"{'more than' if q.low_open else 'at least'} {number_text(q.low)}"
    left, right = "(" if q.low_open else "[", ")" if q.high_open else "]"
    return f"{left}{number_text(q.low)}–{number_text(q.high)}{right}"
