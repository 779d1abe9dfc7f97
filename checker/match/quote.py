"""The quote as an editor wrote it: parts between ellipses, [insertions], and how strictly to match it."""
from __future__ import annotations

import re
from array import array
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache

from checker.match.differences import Comparison
from checker.match.normalize import DASHES, INVISIBLE, PLACEHOLDER, Normalized, Word, normalize, words

ELLIPSIS = re.compile(r"\s*(?:\[\s*(?:\.\s*){2}\.\s*\]|\[\s*\u2026\s*\]|\.\s?\.\s?\.|\u2026)\s*")
BRACKET = re.compile(r"\[([^\[\]]*)\]")


@dataclass(frozen=True)
class MatchOptions:
    """How strictly quotes are matched (from [tool.factcheck], the command line, or a fact's `strict`)."""

    strict: bool = False  # fail transcription slips (status fuzzy) too
    min_words: int = 4  # a quote with fewer words is too short to prove anything
    min_chars: int = 15
    max_gap: int | None = None  # characters allowed between elided parts; None: the same paragraph
    max_bracket: int = 60  # characters of the source an editor's [insertion] may stand for
    slips_per_100: float = 2.0  # transcription slips allowed per hundred characters (at least one)


def options_for(project: MatchOptions, *said: bool | None) -> MatchOptions:
    """The options one quote is matched with: `said` are the strict settings from the most specific level to the
    least (a citation's, then its fact's); the first one said wins, else the project's (pyproject or command line).

    Every caller that locates a quote (citations, disputing quotes, coverage) resolves strictness here, and only here.
    """
    strict = next((level for level in said if level is not None), project.strict)
    return project if strict == project.strict else replace(project, strict=strict)


@dataclass(frozen=True, kw_only=True)
class Part:
    """One stretch of a quote between ellipses, normalized; PLACEHOLDER marks each [bracket]."""

    text: str  # normalized, stripped of leading/trailing punctuation
    brackets: tuple[str, ...]
    original: str
    marked: str = field(default="", repr=False)  # the stretch as written, each [bracket] replaced by PLACEHOLDER
    origin: array = field(default_factory=lambda: array("I"), repr=False, compare=False)  # text[i] is marked[origin[i]]

    @cached_property
    def words(self) -> tuple[Word, ...]:
        """The words of `text` (insertions left out), each as written: read only when the quote is compared word by
        word (a quote that stands as written never is)."""
        written = words(Normalized(self.text, self.origin), self.marked)
        return tuple(word for word in written if PLACEHOLDER not in word.text)

    @cached_property
    def size(self) -> tuple[int, int]:
        """(words as written, characters of text) outside its insertions: what says whether it is too short."""
        written = written_words(BRACKET.sub(" ", self.original) if self.brackets else self.original)
        return written, len(self.text.replace(PLACEHOLDER, ""))

    def within(self, start: int, end: int) -> Part:
        """The part made of text[start:end] (its punctuation at both ends trimmed)."""
        first, last = content_bounds(self.text[start:end])
        start, end = start + first, start + last
        return Part(text=self.text[start:end], brackets=(), original=self.original, marked=self.marked,
                    origin=self.origin[start:end])


@dataclass(frozen=True, kw_only=True)
class Found:
    """Where one part stands: normalized [start, end), and how it compares with the source there."""

    start: int
    end: int
    comparison: Comparison = Comparison()
    notes: tuple[str, ...] = ()
    score: float = 100.0


def parse_quote(quote: str) -> list[Part]:
    """The quote's parts (split at ellipses), each normalized with its brackets replaced by PLACEHOLDER."""
    return list(_parsed(quote))


@lru_cache(maxsize=4096)
def _parsed(quote: str) -> tuple[Part, ...]:
    """A quote is parsed once however many sources it is looked for in (a failing one: every candidate source)."""
    parts = [_part(raw, tuple(BRACKET.findall(raw)), BRACKET.sub(PLACEHOLDER, raw)) for raw in ELLIPSIS.split(quote)]
    return tuple(part for part in parts if part is not None)


def literal_part(quote: str) -> Part | None:
    """The whole quote as one part, its ellipses and brackets taken as text: for a source that has them too."""
    return _part(quote, (), quote)


def _part(raw: str, brackets: tuple[str, ...], marked: str) -> Part | None:
    normalized = normalize(marked)
    start, end = content_bounds(normalized.text)
    if start >= end or normalized.text[start:end] == PLACEHOLDER:
        return None
    return Part(text=normalized.text[start:end], brackets=brackets, original=raw, marked=marked,
                origin=normalized.origin[start:end])


def is_content(char: str) -> bool:
    """A letter, digit, underscore (@GlobalMedia_) or insertion: what a quote's ends are trimmed to."""
    return char.isalnum() or char in ("_", PLACEHOLDER)


CONTENT = re.compile(f"[\\w{PLACEHOLDER}]")  # what is_content says yes to (\\w: a letter, digit or underscore)


def content_bounds(text: str) -> tuple[int, int]:
    """Trim leading and trailing punctuation and spaces: quoting conventions, not content."""
    first = CONTENT.search(text)
    if first is None:
        return 0, 0
    start, end = first.start(), len(text) - CONTENT.search(text[::-1]).start()
    signed = start > 0 and text[start - 1] in DASHES and text[start].isdigit()  # -5,000 keeps its sign
    return start - signed, end


_WITHOUT_INVISIBLE = {ord(c): None for c in INVISIBLE}
_DASH_AT_LETTER = re.compile(
    rf"[{re.escape(''.join(DASHES))}](?=[^\W\d_])|(?<=[^\W\d_])[{re.escape(''.join(DASHES))}]"
)
_ALNUM = re.compile(r"[^\W_]")


def written_words(text: str) -> int:
    """Words as written, however typed: "9.1 (2022-04-15)" is two, "According-According" two, "28-year-old" three."""
    text = _DASH_AT_LETTER.sub(" ", text.translate(_WITHOUT_INVISIBLE))
    return len([word for word in text.split() if _ALNUM.search(word)])


def too_short(parts: list[Part], options: MatchOptions) -> str:
    """Why the quote is too short to stand for anything ('' when it is long enough)."""
    count = sum(p.size[0] for p in parts)
    chars = sum(p.size[1] for p in parts)
    if count < options.min_words or chars < options.min_chars:
        return (
            f"the quote is too short to prove anything ({count} words, {chars} characters; at least "
            f"{options.min_words} words and {options.min_chars} characters): quote more of the passage"
        )
    return ""
