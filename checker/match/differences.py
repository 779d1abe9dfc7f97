"""Quote words against source words: which differences are transcription slips, which change the meaning.

A slip is a letter doubled, dropped, swapped or mistyped inside an ordinary lower-case word,
where the quote's spelling is not itself an English word; a changed case or punctuation mark
is a slip too. Everything else changes what the quote says and never passes: a number, a
negation, a name, a word swapped for another (opposites included, from no list of pairs: any
real word in place of another), words left out or added.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Callable, Container, Sequence

from rapidfuzz.distance import OSA

from checker.match.normalize import DASHES, SINGLE_QUOTES, Word

NEGATIONS = frozenset(
    "not no never none nobody nothing nowhere neither nor without cannot cant dont doesnt didnt isnt arent "
    "wasnt werent wont wouldnt shouldnt couldnt hasnt havent hadnt aint".split()
)
NUMBER_WORDS = frozenset(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds "
    "thousand thousands million millions billion billions trillion dozen dozens score scores half twice once "
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth twentieth thirtieth "
    "hundredth thousandth millionth single double triple couple pair few several many most all both".split()
)
NEGATING_COMPOUNDS = frozenset(["no-one"])  # a hyphenated compound that is itself a negation ("no-one knew")
INFLECTIONS = frozenset(["s", "es", "ed", "d", "ing", "er", "ers", "ly", "'s"])
SPELLING_VARIANTS = [
    (re.compile(r"is(e|ed|es|ing|ation|ations|er|ers)$"), r"iz\1"),
    (re.compile(r"(?<=\w{3})our(s|ed|ing|ite|ites|able|ful)?$"), r"or\1"),
    (re.compile(r"([^aeiou])re(s|d)?$"), r"\1er\2"),
    (re.compile(r"ence(s|d)?$"), r"ense\1"),
    (re.compile(r"([aeiou])ll(ed|ing|er|ers)$"), r"\1l\2"),
    (re.compile(r"ogue(s)?$"), r"og\1"),
]
MEANINGFUL_SYMBOLS = frozenset("%\u2030\u2031\u00b0/&+")
QUANTIFIERS = frozenset("few several many most all both single double triple couple pair half".split())
CONTEXT_WORDS = 4
Locator = Callable[[int], str]  # a normalized source offset -> "file:line"


@dataclass(frozen=True)
class Comparison:
    """The verdict on one aligned quote/source pair of word lists."""

    changes: tuple[str, ...] = ()  # differences that change the meaning: never pass
    slips: tuple[str, ...] = ()  # transcription slips: pass as fuzzy unless strict
    slip_count: int = 0
    diff: str = ""


@dataclass(frozen=True)
class Passage:
    """Words to compare, and the normalized text they stand in (for the punctuation between them)."""

    text: str
    words: Sequence[Word]


@dataclass(frozen=True)
class _Sides:
    """Everything one comparison reads: the quote's passage, the source's, and how to name a source place."""

    quote: Passage
    source: Passage
    where: Locator
    vocabulary: Container[str]


@dataclass(frozen=True)
class _Step:
    """What one aligned stretch adds to a comparison: diff pieces, changes of meaning, slips and how many count."""

    pieces: tuple[tuple[str, ...], ...] = ()
    changes: tuple[str, ...] = ()
    slips: tuple[str, ...] = ()
    slip_count: int = 0


_NO_STEP = _Step()


def compare(quote: Passage, source: Passage, where: Locator, vocabulary: Container[str] = frozenset()) -> Comparison:
    """Align the words, classify every difference, and render the word-level diff.

    `where` names a normalized source offset ("file:line"); `vocabulary` holds the source's own words:
    a quote's spelling found there is a word, not a slip.
    """
    sides = _Sides(quote, source, where, vocabulary)
    steps: list[_Step] = []
    matcher = SequenceMatcher(None, [w.text for w in quote.words], [w.text for w in source.words], autojunk=False)
    for op, q1, q2, s1, s2 in matcher.get_opcodes():
        if op == "equal":
            for offset in range(q2 - q1):
                steps.append(_equal_word(sides, q1 + offset, s1 + offset))
                steps.append(_separator(sides, q1 + offset, s1 + offset))
        else:
            steps.append(_changed(sides, q1, q2, s1, s2))
    return Comparison(
        changes=tuple(change for step in steps for change in step.changes),
        slips=tuple(slip for step in steps for slip in step.slips),
        slip_count=sum(step.slip_count for step in steps),
        diff=render([piece for step in steps for piece in step.pieces]),
    )


def _equal_word(sides: _Sides, qi: int, si: int) -> _Step:
    """Two words equal once normalized: the same, or in another letter case (a slip, unless in a link or code)."""
    quote, where = sides.quote.words, sides.where
    q, s = quote[qi], sides.source.words[si]
    first_letter = qi == next((i for i, w in enumerate(quote) if any(c.isalpha() for c in w.text)), 0)
    if _letters(q.original) == _letters(s.original) or (
        first_letter and _first_letter_case_only(q.original, s.original)
    ):
        return _Step(pieces=(("=", s.original),))
    pieces = (("~", s.original, q.original),)
    if s.tag == "/" or any(c.isdigit() for c in s.text):  # t.co/iBocq2cwrK: in a link or code, case is meaning
        change = f'quote writes "{q.original}" where the source has "{s.original}" — a changed link, handle or code'
        return _Step(pieces=pieces, changes=(f"{change} ({where(s.start)})",))
    slip = f'quote writes "{q.original}" where the source has "{s.original}": letter case ({where(s.start)})'
    return _Step(pieces=pieces, slips=(slip,), slip_count=1)


def _separator(sides: _Sides, qi: int, si: int) -> _Step:
    """Punctuation between two matching words: a changed or missing mark is a slip."""
    quote, source = sides.quote.words, sides.source.words
    if qi + 1 >= len(quote) or si + 1 >= len(source) or quote[qi + 1].text != source[si + 1].text:
        return _NO_STEP
    q_sep = sides.quote.text[quote[qi].end : quote[qi + 1].start].replace(" ", "")
    s_sep = sides.source.text[source[si].end : source[si + 1].start].replace(" ", "")
    if q_sep == s_sep:
        return _NO_STEP
    q_pair, s_pair = f"{quote[qi].text}{q_sep} {quote[qi + 1].text}", f"{source[si].text}{s_sep} {source[si + 1].text}"
    pieces = (("~", s_sep or "·", q_sep or "·"),)
    written, where = f'quote writes "{q_pair}" where the source has "{s_pair}"', sides.where(source[si].start)
    # % + $ ° / or an emoji carries meaning, and a question is not a statement
    if any(meaningful_symbol(c) for c in q_sep + s_sep) or ("?" in q_sep) != ("?" in s_sep):
        return _Step(pieces=pieces, changes=(f"{written} — a changed symbol ({where})",))
    return _Step(pieces=pieces, slips=(f"{written}: punctuation ({where})",), slip_count=1)


def _changed(sides: _Sides, q1: int, q2: int, s1: int, s2: int) -> _Step:
    """Words that differ, quote[q1:q2] for source[s1:s2]: a spacing or spelling slip, or a change of meaning."""
    context, where = sides.source.words, sides.where
    quote, source = sides.quote.words[q1:q2], context[s1:s2]
    said, has = _phrase(quote), _phrase(source)
    if not source:
        before = f' after "{context[s1 - 1].original}"' if s1 else ""
        line = where(context[s1 - 1].end if s1 else (context[0].start if context else 0))
        change = f'quote adds "{said}"{before}, which the source does not have ({line})'
        return _Step(pieces=(("+", said),), changes=(change,))
    if not quote:
        change = f'quote leaves out "{has}" (mark an omission with "..."; {where(source[0].start)})'
        return _Step(pieces=(("-", has),), changes=(change,))
    same_letters = "".join(w.text for w in quote) == "".join(w.text for w in source)
    if same_letters and any(_broken_at_line_end(w) for w in (*source, *quote)):
        return _Step(pieces=(("=", has),))  # "well-known" for a source's "well-\nknown": the hyphen is the word's own
    pieces = (("~", has, said),)
    if same_letters:
        # white space only: shown, but not counted against the slips allowed
        slip = f'quote writes "{said}" where the source has "{has}": spacing ({where(source[0].start)})'
        return _Step(pieces=pieces, slips=(slip,))
    if len(quote) == len(source):
        kinds = [slip_or_change(q, s, sides.vocabulary) for q, s in zip(quote, source)]
        if all(kind == "slip" for kind in kinds):
            # a British/American spelling is house style, not a slip of the hand: shown, not counted
            distance = sum(
                OSA.distance(q.text, s.text) for q, s in zip(quote, source) if not spelling_variant(q.text, s.text)
            )
            kind = "a transcription slip" if distance else "a spelling variant"
            slip = f'quote says "{said}" where the source says "{has}": {kind} ({where(source[0].start)})'
            return _Step(pieces=pieces, slips=(slip,), slip_count=distance)
        reason = next(kind for kind in kinds if kind != "slip")
    else:
        reason = _meaning(list(quote) + list(source))
    change = f'quote says "{said}" where the source says "{has}" — {reason} ({where(source[0].start)})'
    return _Step(pieces=pieces, changes=(change,))


def slip_or_change(quote: Word, source: Word, vocabulary: Container[str] = frozenset()) -> str:
    """'slip' when `quote` can only be a misspelling of `source`; otherwise why it changes the meaning."""
    meaning = _meaning([quote, source])
    if meaning != "a different word":
        return meaning
    if len(source.text) < 3 or not source.text.isalpha() or not quote.text.replace("'", "").isalpha():
        return "a different word"
    if spelling_variant(quote.text, source.text):
        return "slip"
    if is_english_word(quote.text) and not is_english_word(source.text) and OSA.distance(quote.text, source.text) <= 1:
        return "slip"  # the source's own misspelling, corrected by the editor: "capabilities" for "capabilties"
    if is_english_word(quote.text) or quote.text in vocabulary:
        return f'a different word ("{quote.text}" is a word of its own, not a misspelling)'
    if _inflected(quote.text, source.text):
        return f'a different form of the word ("{quote.text}" for "{source.text}")'
    allowed = 1 if len(source.text) < 8 else 2
    return "slip" if OSA.distance(quote.text, source.text) <= allowed else "a different word"


def _meaning(words: list[Word]) -> str:
    """What kind of change a run of differing words is, from the most serious down."""
    if any(is_number(w.text) for w in words):
        return "a changed number"
    if any(negates(w) for w in words):
        return "a negation added or removed"
    if any(looks_like_name(w) for w in words):
        return "a changed name"
    return "a different word"


def looks_like_name(word: Word) -> bool:
    """Capitalised mid-sentence, or capitalised inside the word (TamTam), or at a sentence's start but no
    English word."""
    letters = _letters(word.original)
    if word.tag or "_" in word.text:
        return True
    if not letters[:1].isupper():
        return False
    if any(c.isupper() for c in letters[1:]) or not word.initial:
        return True
    return not is_english_word(word.text)


def is_number(text: str) -> bool:
    return any(c.isdigit() for c in text) or text in NUMBER_WORDS or re.fullmatch(r"\d+(st|nd|rd|th)", text) is not None


def is_count(text: str) -> bool:
    """A number that counts (digits, cardinals, ordinals), not a vague quantifier like "many" or "all"."""
    return is_number(text) and text not in QUANTIFIERS


def is_negation(text: str) -> bool:
    return text.replace("'", "") in NEGATIONS or text.endswith("n't")


def negates(word: Word) -> bool:
    """A negation as a word of its own ("no charge"), not as part of a hyphenated compound that names a thing
    ("no-charge", "no-fault", "no-op"); a compound that is itself a negation ("no-one") still counts."""
    return is_negation(word.text) and (not word.compound or word.compound in NEGATING_COMPOUNDS)


@lru_cache(maxsize=1)
def _dictionary():
    from spellchecker import SpellChecker  # loads an English word list once, on first need

    return SpellChecker(distance=1)


def is_english_word(text: str) -> bool:
    """Whether `text` is a word of English (pyspellchecker's word list), so not a misspelling of another."""
    dictionary = _dictionary()
    return text in dictionary or (
        text.endswith("s") and (text[:-1] in dictionary or text.endswith("es") and text[:-2] in dictionary)
    )


def _letters(text: str) -> str:
    """The letters and digits of `text` in compatibility form (a ligature is its letters), case kept."""
    return "".join(c for c in unicodedata.normalize("NFKC", text) if c.isalnum() and c not in SINGLE_QUOTES)


def meaningful_symbol(char: str) -> bool:
    """A character whose change changes the meaning: a currency, maths or other symbol, an emoji, %, /, &.
    Sentence punctuation, bullets, # and @ are typography."""
    return char in MEANINGFUL_SYMBOLS or unicodedata.category(char) in ("Sc", "Sm", "So")


def spelling_variant(a: str, b: str) -> bool:
    """British and American spellings of one word (organisation/organization, favourite/favorite, centre/center)."""
    return a != b and _american(a) == _american(b)


def _american(word: str) -> str:
    for pattern, replacement in SPELLING_VARIANTS:
        word = pattern.sub(replacement, word)
    return word


def _first_letter_case_only(quote: str, source: str) -> bool:
    """Whether two spellings differ only in the case of their first letter ("they" for "They")."""
    quote, source = _letters(quote), _letters(source)
    first = next((i for i, c in enumerate(source) if c.isalpha()), 0)
    return quote[:first] == source[:first] and quote[first + 1 :] == source[first + 1 :]


def _inflected(a: str, b: str) -> bool:
    """Whether two spellings are one word with different endings (jihadist/jihadists, study/studies), not a slip."""
    shorter, longer = sorted((a, b), key=len)
    if longer.startswith(shorter) and longer[len(shorter):] in INFLECTIONS and longer != shorter + shorter[-1:]:
        return True  # a doubled last letter is a slip
    return shorter.endswith("y") and longer in (shorter[:-1] + "ies", shorter[:-1] + "ied")


def _broken_at_line_end(word: Word) -> bool:
    return "\n" in word.original and any(c in DASHES or c == "\u00ad" for c in word.original)


def _phrase(words: list[Word]) -> str:
    return " ".join(w.original for w in words)


def render(pieces: list[tuple]) -> str:
    """Word-level diff, source against quote: `[-source-]{+quote+}`, long unchanged runs shortened to …"""
    out: list[str] = []
    run: list[str] = []
    for piece in pieces + [None]:
        if piece is not None and piece[0] == "=":
            run.append(piece[1])
            continue
        out.extend(_context(run, first=not out, last=piece is None))
        run = []
        if piece is None:
            break
        if piece[0] == "~":
            out.append(f"[-{piece[1]}-]{{+{piece[2]}+}}")
        else:
            out.append(f"[-{piece[1]}-]" if piece[0] == "-" else f"{{+{piece[1]}+}}")
    return " ".join(out)


def _context(run: list[str], first: bool, last: bool) -> list[str]:
    if first and last:
        return run
    keep_before = 0 if first else CONTEXT_WORDS
    keep_after = 0 if last else CONTEXT_WORDS
    if len(run) <= keep_before + keep_after + 1:
        return run
    return run[:keep_before] + ["…"] + run[len(run) - keep_after :]
