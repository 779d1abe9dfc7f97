"""How a passage is set in a source, and how an editor copies it: the differences the checker must forgive or catch.

`typeset` is what a publisher does to a paragraph (curly quotes, en dashes, no-break spaces, its own line width);
`slip` is one wrong letter, as a hurried editor types it. Both take the generator's seeded Random.
"""
from __future__ import annotations

import random
import re
import textwrap

NBSP = "\u00a0"
SHORT_WORD_SPACE = re.compile(r"(?:(?<=\b\w)|(?<=\b\w\w)) ")
OPENING_DOUBLE = re.compile(r'"(?=\w)')
APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
OPENING_SINGLE = re.compile(r"(?<!\w)'(?=\w)")
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def curly(text: str) -> str:
    """Straight quote marks and apostrophes as a typesetter curls them."""
    text = OPENING_DOUBLE.sub("\u201c", text).replace('"', "\u201d")
    text = APOSTROPHE.sub("\u2019", text)
    return OPENING_SINGLE.sub("\u2018", text).replace("'", "\u2019")


def typeset(paragraph: str, rng: random.Random) -> str:
    """The paragraph as a publisher sets it: curly quotes, an en dash for ' - ', a no-break space after some
    short words, and lines re-broken at the publisher's width."""
    text = curly(paragraph.replace("\n", " ")).replace(" - ", " \u2013 ")
    text = SHORT_WORD_SPACE.sub(lambda m: NBSP if rng.random() < 0.3 else " ", text)
    width = rng.choice((60, 72, 80))
    return textwrap.fill(text, width=width, break_long_words=False, break_on_hyphens=False)


def slip(quote: str, rng: random.Random) -> str | None:
    """The quote with one letter wrong (replaced, dropped or doubled) in one of its longer words; None without one."""
    words = [m for m in re.finditer(r"[A-Za-z]{5,}", quote)]
    if not words:
        return None
    word = rng.choice(words)
    at = rng.randrange(word.start() + 1, word.end() - 1)  # never the first letter: "the" stays a word
    how = rng.choice(("replace", "drop", "double"))
    if how == "replace":
        other = rng.choice([c for c in LETTERS if c != quote[at].lower()])
        return quote[:at] + other + quote[at + 1 :]
    if how == "drop":
        return quote[:at] + quote[at + 1 :]
    return quote[:at] + quote[at] + quote[at:]
