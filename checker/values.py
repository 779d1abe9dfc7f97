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

import calendar
import math
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any, Union

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
    precision: str = "day"  # day | month | year
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
        written = self.text or _number(self.anchor)
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


def _number(x: float | None) -> str:
    if x is None:
        return "?"
    if x == math.inf:
        return "∞"
    x = round(x, 6)
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,.2f}".rstrip("0")


def interval_text(q: Quantity) -> str:
    if q.low == q.high:
        return _number(q.low)
    if q.high == math.inf:
        return f"{'more than' if q.low_open else 'at least'} {_number(q.low)}"
    left, right = "(" if q.low_open else "[", ")" if q.high_open else "]"
    return f"{left}{_number(q.low)}–{_number(q.high)}{right}"


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
    raise BadValue(f"cannot read {raw!r} as a value: write {{date: ...}}, {{quantity: ...}}, {{entity: ...}}, {{boolean: ...}} or {{text: ...}}")


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


def read_date(text: str, precision: str = "day") -> DateValue:
    """'2019-11-29' as a DateValue; with precision month/year, the whole month/year."""
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise BadValue(f"{text!r} is not a calendar date: write YYYY-MM-DD, e.g. 2019-11-29") from None
    if precision == "year":
        return DateValue(date(day.year, 1, 1), date(day.year, 12, 31), "year")
    if precision == "month":
        return DateValue(day.replace(day=1), _month_end(day.year, day.month), "month")
    return DateValue(day, day, "day")


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _quantity_value(raw: Any, unit: str | None) -> Quantity:
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        return Quantity(float(raw), float(raw), float(raw), "", _number(raw), unit=unit)
    found = find_quantities(str(raw))
    if len(found) != 1:
        raise BadValue(
            f"cannot read quantity {raw!r}: write a number with its qualifier as the source has it, e.g. 'nearly 5,000', '50 or so', 'dozens'"
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


# ---- quantities in text ---------------------------------------------------------------------

WORD_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
MULTIPLIERS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
               "m": 1_000_000, "bn": 1_000_000_000, "k": 1_000}
# vague amounts: the interval each is read as
VAGUE = {
    "couple": (2, 3), "few": (2, 5), "several": (3, 9), "handful": (2, 9), "dozen": (12, 12), "dozens": (24, 99),
    "scores": (40, 199), "hundreds": (200, 999), "thousands": (2_000, 9_999), "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999), "millions": (2_000_000, 999_999_999),
}
APPROX = 0.1  # "about", "around", "some", "50 or so": ±10 %
BEFORE = {  # qualifier before the number -> kind
    "exactly": "exact", "precisely": "exact", "about": "approx", "around": "approx", "approximately": "approx",
    "roughly": "approx", "some": "approx", "an estimated": "approx", "estimated": "approx", "circa": "approx",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "just under": "nearly", "just shy of": "nearly",
    "under": "below", "less than": "below", "fewer than": "below", "below": "below",
    "up to": "at-most", "at most": "at-most", "no more than": "at-most",
    "over": "above", "more than": "above", "above": "above", "in excess of": "above", "upwards of": "above",
    "just over": "just-over", "at least": "at-least", "no fewer than": "at-least", "no less than": "at-least",
}
AFTER = {"or so": "approx", "-odd": "approx", "odd": "approx", "or more": "at-least", "plus": "at-least", "+": "at-least"}

_NUM_WORD = "|".join(sorted(WORD_NUMBERS, key=len, reverse=True))
_NUMBER = (
    rf"(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|(?:{_NUM_WORD})(?:-(?:{_NUM_WORD}))?)"
    rf"(?:\s*(?P<mult>hundred|thousand|million|billion|bn|m|k)\b)?"
)
_BEFORE = "|".join(sorted((re.escape(k) for k in BEFORE), key=len, reverse=True))
_AFTER = r"(?P<after>\s+or so|-odd|\s+odd|\s+or more|\s*\+|\s+plus)?"
_RANGE = rf"(?:between\s+)?(?P<lo>\d[\d,.]*)\s*(?:-|–|to|and)\s*(?P<hi>\d[\d,.]*)(?:\s*(?P<rmult>hundred|thousand|million|billion)\b)?"
_VAGUE = "|".join(sorted((re.escape(k) for k in VAGUE), key=len, reverse=True))
QUANTITY_RE = re.compile(
    rf"(?<![\w.,])(?:(?P<range>{_RANGE})|(?:(?P<vq>about|around|some)\s+)?(?:(?:a|the)\s+)?(?P<vague>{_VAGUE})(?!\w)"
    rf"|(?:(?P<before>{_BEFORE})\s+)?{_NUMBER}{_AFTER})(?![\w])",
    re.IGNORECASE,
)


def parse_number(text: str, mult: str | None = None) -> float | None:
    """'5,000' -> 5000.0, 'twenty-eight' -> 28.0, ('1.5', 'million') -> 1500000.0."""
    text = text.lower()
    if text[0].isdigit():
        value = float(text.replace(",", ""))
    else:
        parts = text.split("-")
        if not all(p in WORD_NUMBERS for p in parts):
            return None
        value = float(sum(WORD_NUMBERS[p] for p in parts))
    return value * MULTIPLIERS[mult.lower()] if mult else value


def find_quantities(text: str) -> list[Quantity]:
    """Every number in `text`, with its qualifier, as a Quantity (vague words included)."""
    found = []
    dates = [(d.start(), d.end()) for d in DATE_RE.finditer(text)]
    for m in QUANTITY_RE.finditer(text):
        if any(m.start() < end and start < m.end() for start, end in dates):
            continue  # "November 30" is a date, not a count of 30
        quantity = _quantity_from_match(m)
        if quantity is not None:
            found.append(quantity)
    return found


def _quantity_from_match(m: re.Match) -> Quantity | None:
    written = m.group(0).strip()
    if m.group("range"):
        lo, hi = (parse_number(m.group(g).rstrip(",."), m.group("rmult")) for g in ("lo", "hi"))
        if lo is None or hi is None or lo > hi:
            return None
        return Quantity(lo, hi, None, "range", written)
    if m.group("vague"):
        core = m.group("vague").lower()
        lo, hi = VAGUE[core]
        if m.group("vq"):
            lo, hi = _r(lo * (1 - APPROX)), _r(hi * (1 + APPROX))
        return Quantity(float(lo), float(hi), None, core, written)
    anchor = parse_number(m.group("num"), m.group("mult"))
    if anchor is None:
        return None
    kind = BEFORE.get((m.group("before") or "").lower(), "exact")
    after = (m.group("after") or "").strip().lower()
    if after:
        kind = AFTER.get(after, kind)
    qualifier = " ".join(x for x in ((m.group("before") or "").lower(), after) if x)
    return _interval_for(anchor, kind, qualifier, written)


def _r(x: float) -> float:
    return round(x, 9)  # 50 * 1.1 is 55, not 55.000000000000007


def _interval_for(n: float, kind: str, qualifier: str, written: str) -> Quantity:
    if kind == "approx":
        return Quantity(_r(n * (1 - APPROX)), _r(n * (1 + APPROX)), n, qualifier, written)
    if kind == "nearly":
        return Quantity(_r(n * (1 - APPROX)), n, n, qualifier, written, high_open=True)
    if kind == "below":
        return Quantity(0.0, n, n, qualifier, written, high_open=True)
    if kind == "at-most":
        return Quantity(0.0, n, n, qualifier, written)
    if kind == "above":
        return Quantity(n, math.inf, n, qualifier, written, low_open=True)
    if kind == "just-over":
        return Quantity(n, _r(n * (1 + APPROX)), n, qualifier, written, low_open=True)
    if kind == "at-least":
        return Quantity(n, math.inf, n, qualifier, written)
    return Quantity(n, n, n, qualifier, written)


def numbers_in(text: str) -> set[float]:
    """Every number written in `text` (digits or words, dates included): what a quote can back."""
    found = {q.anchor for q in find_quantities(text) if q.anchor is not None}
    for m in QUANTITY_RE.finditer(text):
        if m.group("range"):
            found.update(x for x in (parse_number(m.group("lo").rstrip(",.")), parse_number(m.group("hi").rstrip(",."))) if x is not None)
    found.update(float(x) for x in re.findall(r"(?<!\d)\d+(?!\d)", text))
    return found


# ---- dates in text --------------------------------------------------------------------------

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = "|".join(WEEKDAYS)
_PART = "|".join(PARTS)
_ORD = r"(?:st|nd|rd|th)?"
DATE_RE = re.compile(
    rf"(?<![\w-])(?:(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}})"
    rf"|(?P<d1>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<m1>{_MONTH})\b\.?(?:,?\s+(?P<y1>\d{{4}})\b)?"
    rf"|(?P<m2>{_MONTH})\b\.?\s+(?P<d2>\d{{1,2}}){_ORD}(?!\d)(?:,?\s+(?P<y2>\d{{4}})\b)?"
    rf"|(?P<m3>{_MONTH})\b\.?\s+(?P<y3>\d{{4}})\b)"
)
WEEKDAY_RE = re.compile(
    rf"(?<!\w)(?:(?P<rel>[Ll]ast|[Tt]his past|[Nn]ext|[Tt]his)\s+)?(?P<wd>{_WEEKDAY})(?:['’]s)?"
    rf"(?:\s+(?P<part>{_PART}))?(?!\w)"
)
YEAR_RE = re.compile(
    r"(?<!\w)(?:in|since|from|until|till|by|during|before|after|early|late|mid|of|year)[\s-]+(?P<y>(?:19|20)\d{2})(?![\w,]|-\d)",
    re.IGNORECASE,
)
PERIOD_RE = re.compile(
    rf"(?<!\w)(?:(?P<month>{_MONTH})\b\.?\s+)?(?P<rel>[Ll]ast|[Tt]his|[Nn]ext)\s+(?P<unit>year|month|week)(?!\w)"
)
RELATIVE_RE = re.compile(
    r"(?<!\w)(?P<word>[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight|[Ll]ast night|[Tt]his (?:morning|afternoon|evening))(?!\w)"
)
RELATIVE_DAYS = {"today": (0, None), "yesterday": (-1, None), "tomorrow": (1, None), "tonight": (0, "night"),
                 "last night": (-1, "night"), "this morning": (0, "morning"), "this afternoon": (0, "afternoon"),
                 "this evening": (0, "evening")}


@dataclass(frozen=True)
class DateMention:
    """A date as a text states it, and the date it resolves to (None when it cannot be resolved)."""

    text: str
    start: int
    end: int
    weekday: str | None = None
    part: str | None = None
    relation: str | None = None  # last | next | this | None (a bare weekday)
    day: int | None = None
    month: int | None = None
    year: int | None = None  # as written
    resolved: DateValue | None = None
    note: str = ""  # why it did not resolve, or how it did

    @property
    def relative(self) -> bool:
        """A weekday or 'yesterday' with no calendar date: its date depends on the publication date."""
        return self.month is None

    def weekday_misfit(self) -> str | None:
        """'Saturday, November 29, 2019' -> the weekday that date really was; None when it fits or is unknown."""
        if self.weekday and self.resolved and self.resolved.precision == "day" and self.month is not None:
            actual = WEEKDAYS[self.resolved.low.weekday()]
            return actual if actual != self.weekday else None
        return None


def find_dates(text: str, published: date | None = None) -> list[DateMention]:
    """Every date stated in `text`, resolved against `published` (the source's publication date)."""
    dates = [_explicit(m, published) for m in DATE_RE.finditer(text)]
    weekdays = [m for m in WEEKDAY_RE.finditer(text)]
    mentions = []
    for wd in weekdays:
        joined = next((d for d in dates if 0 <= d.start - wd.end() <= 2 and text[wd.end():d.start] in ("", " ", ", ", ",")), None)
        if joined is not None:
            dates.remove(joined)
            mentions.append(_with_weekday(joined, wd, text))
        else:
            mentions.append(_weekday(wd, published))
    mentions.extend(dates)
    mentions.extend(_relative_word(m, published) for m in RELATIVE_RE.finditer(text))
    periods = [_period(m, published) for m in PERIOD_RE.finditer(text)]
    mentions.extend(periods)
    taken = [(m.start, m.end) for m in mentions]
    for m in YEAR_RE.finditer(text):
        if not any(m.start("y") < end and start < m.end() for start, end in taken):
            year = int(m.group("y"))
            value = DateValue(date(year, 1, 1), date(year, 12, 31), "year")
            mentions.append(DateMention(m.group("y"), m.start("y"), m.end(), year=year, resolved=value))
    return sorted(mentions, key=lambda m: m.start)


def _period(m: re.Match, published: date | None) -> DateMention:
    """'last year', 'April last year', 'this month', 'last week', counted from the publication date."""
    rel, unit = m.group("rel").lower(), m.group("unit")
    month = MONTHS[m.group("month")] if m.group("month") else None
    mention = DateMention(m.group(0), m.start(), m.end(), relation=rel, month=month if unit == "year" else None)
    if published is None:
        return replace(mention, note=f"{m.group(0)!r} with no publication date for the source")
    step = {"last": -1, "this": 0, "next": 1}[rel]
    if unit == "year":
        year = published.year + step
        value = (DateValue(date(year, month, 1), _month_end(year, month), "month") if month
                 else DateValue(date(year, 1, 1), date(year, 12, 31), "year"))
    elif unit == "month":
        index = published.year * 12 + published.month - 1 + step
        year, month_ = divmod(index, 12)
        value = DateValue(date(year, month_ + 1, 1), _month_end(year, month_ + 1), "month")
    else:
        monday = published - timedelta(days=published.weekday()) + timedelta(weeks=step)
        value = DateValue(monday, monday + timedelta(days=6), "week")
    return replace(mention, year=value.low.year, resolved=value, note=f"counted from publication date {published}")


def _explicit(m: re.Match, published: date | None) -> DateMention:
    g = m.groupdict()
    if g["iy"]:
        day, month, year = int(g["id"]), int(g["im"]), int(g["iy"])
    elif g["m3"]:
        day, month, year = None, MONTHS[g["m3"]], int(g["y3"])
    else:
        day = int(g["d1"] or g["d2"])
        month = MONTHS[g["m1"] or g["m2"]]
        year = int(g["y1"] or g["y2"]) if (g["y1"] or g["y2"]) else None
    text = m.group(0).rstrip(".") if not g["m3"] else m.group(0)
    mention = DateMention(text, m.start(), m.start() + len(text), day=day, month=month, year=year)
    return _resolve_explicit(mention, published)


def _resolve_explicit(mention: DateMention, published: date | None) -> DateMention:
    day, month, year = mention.day, mention.month, mention.year
    note = ""
    if year is None and published is not None and day is not None:
        year, note = _infer_year(day, month, published), f"year from publication date {published}"
    if year is None:
        return replace(mention, note="no year: the source has no publication date")
    try:
        if day is None:
            resolved = DateValue(date(year, month, 1), _month_end(year, month), "month")
        else:
            resolved = DateValue(date(year, month, day), date(year, month, day), "day")
    except ValueError:
        return replace(mention, note=f"{mention.text!r} is not a calendar date")
    return replace(mention, resolved=resolved, note=note)


def _infer_year(day: int, month: int, published: date) -> int:
    """The year that puts day/month nearest before publication (allowing a week ahead)."""
    for year in (published.year + 1, published.year, published.year - 1):
        try:
            if date(year, month, day) <= published + timedelta(days=7):
                return year
        except ValueError:
            continue
    return published.year


def _with_weekday(mention: DateMention, wd: re.Match, text: str) -> DateMention:
    start = wd.start()
    rel = (wd.group("rel") or "").lower() or None
    resolved = replace(mention.resolved, weekday=wd.group("wd"), part=wd.group("part")) if mention.resolved else None
    return replace(mention, text=text[start:mention.end], start=start, weekday=wd.group("wd"), part=wd.group("part"),
                   relation=rel, resolved=resolved)


def _weekday(m: re.Match, published: date | None) -> DateMention:
    rel = (m.group("rel") or "").lower() or None
    mention = DateMention(m.group(0), m.start(), m.end(), weekday=m.group("wd"), part=m.group("part"), relation=rel)
    if published is None:
        return replace(mention, note="a weekday with no publication date for the source to count from")
    day = resolve_weekday(m.group("wd"), published, rel)
    return replace(mention, resolved=DateValue(day, day, "day", m.group("wd"), m.group("part")),
                   note=f"{m.group(0)!r} counted back from publication date {published}")


def resolve_weekday(weekday: str, published: date, relation: str | None = None) -> date:
    """The date a weekday names in a text published on `published`.

    bare / "this past": the latest such day on or before publication; "last": strictly before;
    "next": strictly after; "this": the one in the publication's own week (Monday to Sunday).
    """
    target = WEEKDAYS.index(weekday)
    back = (published.weekday() - target) % 7
    if relation == "last":
        return published - timedelta(days=back or 7)
    if relation == "next":
        return published + timedelta(days=(target - published.weekday()) % 7 or 7)
    if relation == "this":
        return published + timedelta(days=target - published.weekday())
    return published - timedelta(days=back)


def _relative_word(m: re.Match, published: date | None) -> DateMention:
    word = m.group("word").lower()
    offset, part = RELATIVE_DAYS[word]
    mention = DateMention(m.group(0), m.start(), m.end(), part=part, relation=word)
    if published is None:
        return replace(mention, note=f"{word!r} with no publication date for the source")
    day = published + timedelta(days=offset)
    return replace(mention, resolved=DateValue(day, day, "day", None, part))


def mention_supports(value: DateValue, mention: DateMention) -> bool:
    """Does what the text states fit the value, at least as precisely as the value states it?"""
    if mention.resolved is not None:
        got = mention.resolved
        return value.low <= got.low and got.high <= value.high
    if mention.month is not None and mention.day is not None and value.precision == "day":
        return (value.low.month, value.low.day) == (mention.month, mention.day)  # no year known: day and month agree
    return False


def parse_published(raw: Any) -> date | None:
    """sources.yaml `published:` as a date, or None."""
    if isinstance(raw, date):
        return raw
    try:
        return date.fromisoformat(str(raw)) if raw else None
    except ValueError:
        return None
