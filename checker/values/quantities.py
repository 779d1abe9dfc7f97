"""Numbers as texts write them, with their qualifiers ("nearly 5,000", "50 or so", "dozens"), as intervals."""
from __future__ import annotations

import math
import re
from functools import lru_cache

from checker.values.dates import DATE_RE
from checker.values.types import MONTHS, WEEKDAYS, Quantity

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
AFTER = {
    "or so": "approx", "-odd": "approx", "odd": "approx", "or more": "at-least", "plus": "at-least", "+": "at-least"
}

_NUM_WORD = "|".join(sorted(WORD_NUMBERS, key=len, reverse=True))
_NUMBER = (
    rf"(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|(?:{_NUM_WORD})(?:-(?:{_NUM_WORD}))?)"
    rf"(?:\s*(?P<mult>hundred|thousand|million|billion|bn|m|k)\b)?"
)
_BEFORE = "|".join(sorted((re.escape(k) for k in BEFORE), key=len, reverse=True))
_AFTER = r"(?P<after>\s+or so|-odd|\s+odd|\s+or more|\s*\+|\s+plus)?"
_RANGE = (
    r"(?:between\s+)?(?P<lo>\d[\d,.]*)\s*(?:-|–|to|and)\s*(?P<hi>\d[\d,.]*)"
    r"(?:\s*(?P<rmult>hundred|thousand|million|billion)\b)?"
)
_VAGUE = "|".join(sorted((re.escape(k) for k in VAGUE), key=len, reverse=True))
QUANTITY_RE = re.compile(
    rf"(?<![\w.,])(?:(?P<range>{_RANGE})|(?:(?P<vq>about|around|some)\s+)?(?:(?:a|the)\s+)?(?P<vague>{_VAGUE})(?!\w)"
    rf"|(?:(?P<before>{_BEFORE})\s+)?{_NUMBER}{_AFTER})(?![\w])",
    re.IGNORECASE,
)
# a version or other dotted identifier, not a decimal nor a count: "4.6.0", "1.07.1-3", "v2.1", "version 3.1"
VERSION_RE = re.compile(
    r"(?<![\w.])(?:v?\d+(?:\.\d+){2,}|v\d+(?:\.\d+)?|(?<=version )\d+(?:\.\d+)+)(?:-\d[\w.+~]*)?(?!\w|\.\d)",
    re.IGNORECASE,
)


def find_versions(text: str) -> list[str]:
    """The version strings in `text`, as written ("1.07.1-3", "4.6.0", "v2")."""
    return [m.group(0) for m in VERSION_RE.finditer(text)]


def _without_versions(text: str) -> str:
    """`text` with each version blanked out (same length, so offsets hold): its digits are no count."""
    return VERSION_RE.sub(lambda m: " " * len(m.group(0)), text)


def parse_number(text: str, mult: str | None = None) -> float | None:
    """'5,000' -> 5000.0, 'twenty-eight' -> 28.0, ('1.5', 'million') -> 1500000.0; None when it is no number."""
    text = text.lower()
    if text[0].isdigit():
        try:
            value = float(text.replace(",", ""))
        except ValueError:  # "1.2.3" slipped past the version pattern: not a number we can read
            return None
    else:
        parts = text.split("-")
        if not all(p in WORD_NUMBERS for p in parts):
            return None
        value = float(sum(WORD_NUMBERS[p] for p in parts))
    return value * MULTIPLIERS[mult.lower()] if mult else value


def find_quantities(text: str) -> list[Quantity]:
    """Every number in `text`, with its qualifier, as a Quantity (vague words included)."""
    return [quantity for _, quantity in _quantities(text)]


def find_counts(text: str) -> list[Quantity]:
    """The quantities in `text` that count or measure something: not a number that is part of a name or an
    identifier ("the Boeing 737", "an iPhone 11", "a Web 2.0 app", "Claim 0021", "9/11-era")."""
    text = SLASH_DATE_RE.sub(lambda m: " " * len(m.group(0)), text)
    return [quantity for m, quantity in _quantities(text) if not names_a_thing(text, m)]


@lru_cache(maxsize=1 << 14)
def _quantities(text: str) -> tuple[tuple[re.Match, Quantity], ...]:
    """Each quantity of `text` with the match that found it: read once per text (several rules ask)."""
    found = []
    dates = [(d.start(), d.end()) for d in DATE_RE.finditer(text)]
    text = _without_versions(text)
    for m in QUANTITY_RE.finditer(text):
        if any(m.start() < end and start < m.end() for start, end in dates):
            continue  # "November 30" is a date, not a count of 30
        quantity = _quantity_from_match(m)
        if quantity is not None:
            found.append((m, quantity))
    return tuple(found)


# "9/11", "24/7", "11/29/2019": a date (or a schedule), not two counts
SLASH_DATE_RE = re.compile(r"(?<![\w/.,])(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?)(?![\w/]|[.,]\d)")
_WORD_BEFORE = re.compile(r"(?P<word>[^\W\d_][\w’']*)(?P<glue>[ -])$")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;][\"'’”)\]]*\s+|[\"“‘(\[•*-]\s*)$")
_COUNTED = re.compile(r"\s+(?:\w+s|people|men|women|children|staff|police|personnel)\b", re.IGNORECASE)
_NOT_NAMES = {word.title() for word in list(BEFORE) + list(WORD_NUMBERS)} | set(MONTHS) | set(WEEKDAYS)


def names_a_thing(text: str, m: re.Match) -> bool:
    """Whether the plain number matched by `m` is part of a name or an identifier rather than a count:
    a leading zero ("Claim 0021", "007"), or glued to the word before it when that word is a name — written
    in mixed case ("iPhone 11", "TamTam 2"), in capitals joined by a hyphen ("COVID-19"), or capitalised
    inside a sentence ("the Boeing 737", "a Web 2.0 app") unless what follows is counted ("in London 50
    people"). A number with a qualifier, a multiplier or thousands separators is always a count, and so is
    one after a sentence's first word ("Some 50 ...")."""
    number = m.group("num") or ""
    if not number[:1].isdigit() or m.group("before") or m.group("after") or m.group("mult") or "," in number:
        return False
    if len(number) > 1 and number.startswith("0") and number.isdigit():
        return True
    before = _WORD_BEFORE.search(text, 0, m.start("num"))
    if before is None:
        return False
    word, glue = before.group("word"), before.group("glue")
    if any(c.isupper() for c in word[1:]) and not word.isupper():
        return True  # iPhone, TamTam
    if word.isupper() and len(word) > 1:
        return glue == "-"  # COVID-19; "ISIS 50" may be a count
    if not word[0].isupper() or word in _NOT_NAMES:
        return False
    return _SENTENCE_START.search(text, 0, before.start()) is None and not _COUNTED.match(text, m.end())


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
        low = _r(n * (1 - APPROX)) if n > 0 else n - max(abs(n) * APPROX, 1.0)  # "nearly zero" is not empty
        return Quantity(low, n, n, qualifier, written, high_open=True)
    floor = 0.0 if n > 0 else -math.inf  # a count is not negative, but "below zero" is
    if kind == "below":
        return Quantity(floor, n, n, qualifier, written, high_open=True)
    if kind == "at-most":
        return Quantity(floor, n, n, qualifier, written)
    if kind == "above":
        return Quantity(n, math.inf, n, qualifier, written, low_open=True)
    if kind == "just-over":
        high = _r(n * (1 + APPROX)) if n > 0 else n + max(abs(n) * APPROX, 1.0)  # "just over zero" is not empty
        return Quantity(n, high, n, qualifier, written, low_open=True)
    if kind == "at-least":
        return Quantity(n, math.inf, n, qualifier, written)
    return Quantity(n, n, n, qualifier, written)


def numbers_in(text: str) -> set[float]:
    """Every number written in `text` (digits or words, dates included; versions are not numbers): what a quote
    can back."""
    text = _without_versions(text)
    found = {q.anchor for q in find_quantities(text) if q.anchor is not None}
    for m in QUANTITY_RE.finditer(text):
        if m.group("range"):
            found.update(
                x
                for x in (parse_number(m.group("lo").rstrip(",.")), parse_number(m.group("hi").rstrip(",.")))
                if x is not None
            )
    found.update(float(x) for x in re.findall(r"(?<!\d)\d+(?!\d)", text))
    return found
