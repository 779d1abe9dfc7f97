"""Waivers: an editor accepts one rule finding on one fact (`waive:`), naming the rule, the token or value, and why.

A finding names what it is about in `Finding.tokens` ("License", "Nearly 6,000", "2019-11-30"); a waiver on one
of the finding's facts, naming its rule (kind or id) and one of those tokens, makes it pass with the reason.
A waiver that matches no finding is stale; one naming a rule that does not run is an integrity error.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Iterable

from checker.model import Fact, Waiver
from checker.values import DateValue, Quantity, Text, Value, number_text


@dataclass(eq=False)
class Pending:
    """A fact's waiver while the rules run: `used` once it has waived a finding."""

    fact: Fact
    waiver: Waiver
    used: bool = False

    @property
    def names(self) -> str:
        """What the waiver names, for messages: 'License', or the value 6000."""
        if self.waiver.token is not None:
            return repr(self.waiver.token)
        return f"the value {self.waiver.value}"

    @property
    def where(self) -> str:
        return f"{self.fact.file}:{self.waiver.line}"


def value_tokens(value: Value | None) -> tuple[str, ...]:
    """How a waiver may name a value: 2019-11-30, 'nearly 5,000' or 5000, tamtam, true, the text."""
    if value is None:
        return ()
    if isinstance(value, DateValue):
        return (value.low.isoformat(), str(value))
    if isinstance(value, Quantity):
        return (value.text, number_text(value.anchor)) if value.anchor is not None else (value.text,)
    if isinstance(value, Text):
        return (value.text,)
    return (str(value),)


def pending(facts: Iterable[Fact]) -> list[Pending]:
    return [Pending(fact, waiver) for fact in facts for waiver in fact.waivers]


def fold(text: object) -> str:
    """Tokens compare case-blind, spaces collapsed, thousands separators dropped: '6,000' is 6000."""
    return re.sub(r"(?<=\d),(?=\d{3}\b)", "", " ".join(str(text).casefold().split()))


def find(waivers: list[Pending], facts: list[Fact], rule_names: tuple[str, ...],
         tokens: Iterable[str]) -> Pending | None:
    """The first waiver on one of `facts`, for one of `rule_names`, naming one of `tokens`."""
    folded = {fold(token) for token in tokens}
    for candidate in waivers:
        waiver = candidate.waiver
        named = waiver.token if waiver.token is not None else waiver.value
        if waiver.rule in rule_names and fold(named) in folded and any(f is candidate.fact for f in facts):
            return candidate
    return None


def unknown_rule(candidate: Pending, running: set[str], kinds: set[str]) -> str:
    """Why a waiver's rule does not run ('' when it does): an unknown name, or a kind nothing declares."""
    rule = candidate.waiver.rule
    if rule in running:
        return ""
    if rule in kinds:
        return f"names rule kind '{rule}', which no rules: entry declares: declare it or remove the waiver"
    close = difflib.get_close_matches(rule, sorted(running), n=1)
    hint = f"did you mean '{close[0]}'?" if close else f"rules that run: {', '.join(sorted(running))}"
    return f"names unknown rule '{rule}': {hint}"


def stale_message(candidate: Pending, rule: str) -> str:
    return (f"{candidate.fact.id}: stale waiver at {candidate.where}: {rule} no longer finds {candidate.names} on this "
            f"fact: remove the waiver (its reason was: {candidate.waiver.reason})")
