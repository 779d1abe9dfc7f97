"""A labelled case and the categories of the table, in the order the issue lists them."""
from __future__ import annotations

from dataclasses import dataclass

PASS, FAIL = "pass", "fail"
TYPO = ("verbatim", "normalized")


@dataclass(frozen=True)
class Case:
    category: str
    expect: str  # pass | fail
    quote: str
    source: str
    statuses: tuple[str, ...] = ()  # must-pass: the statuses that count as right; must-fail: a required status, if any
    strict: bool = False
    found_in: str = ""  # wrong source: where find_elsewhere must find the quote
    origin: str = "generated"
