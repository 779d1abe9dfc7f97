"""Dates as texts state them ("Friday", "last Saturday, November 30", "April last year"), resolved against a
publication date."""
from __future__ import annotations

import calendar
import re
from functools import lru_cache
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from checker.values.types import MONTHS, PARTS, WEEKDAYS, BadValue, DateValue


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
    r"(?<!\w)(?P<word>[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight|[Ll]ast night"
    r"|[Tt]his (?:morning|afternoon|evening))(?!\w)"
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
    return list(_dates(text, published))


@lru_cache(maxsize=1 << 14)
def _dates(text: str, published: date | None) -> tuple[DateMention, ...]:
    """find_dates, read once per text: several rules read the dates of each claim and quote."""
    dates = [_explicit(m, published) for m in DATE_RE.finditer(text)]
    weekdays = [m for m in WEEKDAY_RE.finditer(text)]
    mentions = []
    for wd in weekdays:
        joined = next(
            (d for d in dates if 0 <= d.start - wd.end() <= 2 and text[wd.end():d.start] in ("", " ", ", ", ",")), None
        )
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
    return tuple(sorted(mentions, key=lambda m: m.start))


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
        published = raw
    else:
        try:
            published = date.fromisoformat(str(raw)) if raw else None
        except ValueError:
            return None
    # At the calendar's edge 'next year' or 'tomorrow' would overflow: such a date is an error in sources.yaml.
    return published if published is None or date(2, 1, 1) <= published <= date(9998, 12, 31) else None
