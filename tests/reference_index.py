"""The word index's document words and build as written before issue 8's faster build (checker/index.py): the
reference the fast build is proven equal to (tests/test_index.py), on the seeds and on noisy text. A Python loop over
every quote mark, every word decoded from bytes, postings appended one by one: for tests only."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from checker.match import normalize

PLACEHOLDER = "\ue000"  # the matcher's stand-in for an [insertion]: a letter to it
NON_ASCII = re.compile(r"[^\x00-\x7f]")
MAX_REPLACED = 64  # distinct non-ASCII characters replaced one by one in bytes; beyond, the text is translated as str
# a hyphen (or soft hyphen) ending a line: the matcher may join the words around it
LINE_BREAK = re.compile(r"[-\u2010\u00ad][ \t]*\r?\n[ \t]*")

_FOLDED: dict[int, str] = {}  # character -> how the matcher writes it between two letters (letters, digits, spaces)
_DROPPED: dict[str, bool] = {}  # character -> whether the matcher drops it unless it stands between two letters


def _fold_table(chars: Iterable[str]) -> dict[int, str]:
    """The translation table covering `chars`: each one as the matcher's normalize writes it between two letters,
    with everything but letters and digits turned into a space."""
    for char in chars:
        if ord(char) not in _FOLDED:
            folded = normalize(f"a{char}a").text
            inner = folded[1:-1] if len(folded) >= 2 and folded[0] == folded[-1] == "a" else " "
            kept = "".join(c if c.isalnum() else " " for c in inner)
            _FOLDED[ord(char)] = re.sub(" +", " ", kept)  # ", " between letters is one break, as "," alone
    return _FOLDED


def document_words(text: str) -> set[str]:
    """Every word the matcher's normalization of `text` can contain (and a few more): what the index keeps."""
    odd = set() if text.isascii() else set(NON_ASCII.findall(text))
    found = _words(text, odd)
    marks = "".join(sorted(c for c in odd if unicodedata.combining(c)))
    if marks:  # the matcher composes an accent typed apart with the letter before it, as folded ("ß\u0301": "sś")
        composed = _accents_composed(text, marks)
        odd_composed = set(NON_ASCII.findall(composed))
        found.update(_words(composed, odd_composed))
        # a quote mark after an accent typed apart was not between two letters as written: the matcher drops it
        # ("A\u0301`00" is "á00"), where the composed text has it between two: both readings are indexed
        dropped = [c for c in ("'", "`", *odd_composed) if _dropped_outside_words(c) and c in composed]
        found.update(_folded_words(_quote_marks_dropped(composed, dropped, everywhere=True), odd_composed))
    return found


def _words(text: str, odd: set[str]) -> set[str]:
    """The words of `text` folded character by character, its quote marks dropped as the matcher drops them, and
    the words hyphenated across its line breaks joined too."""
    text = _quote_marks_dropped(text, [c for c in ("'", "`", *odd) if _dropped_outside_words(c) and c in text])
    return _folded_words(text, odd) | _joined_across_line_breaks(text)


def _accents_composed(text: str, marks: str) -> str:
    """`text` with each character followed by combining accents replaced by what the matcher makes of them: the
    character folded, each accent composed with it while they compose into one character, the rest kept."""
    def composed(found: re.Match) -> str:
        folded = normalize(f"a{found.group()}a").text
        return folded[1:-1] if len(folded) >= 2 and folded[0] == folded[-1] == "a" else found.group()

    accents = re.escape(marks)
    return re.sub(f"[^{accents}][{accents}]+", composed, text, flags=re.DOTALL)


def _dropped_outside_words(char: str) -> bool:
    """A quote mark the matcher keeps as an apostrophe between two letters and drops elsewhere (’, `, ')."""
    if char not in _DROPPED:
        _DROPPED[char] = normalize(f"a{char}a").text == "a'a" and normalize(f"a{char}").text == "a"
    return _DROPPED[char]


def _quote_marks_dropped(text: str, marks: list[str], everywhere: bool = False) -> str:
    """`text` without the quote marks the matcher drops: those not between two letters or digits (as written), or
    every one of them (`everywhere`)."""
    if not marks:
        return text
    kept, at = [], 0
    for found in re.finditer(f"[{re.escape(''.join(marks))}]", text):
        index = found.start()
        if not everywhere and 0 < index < len(text) - 1 and _letter(text[index - 1]) and _letter(text[index + 1]):
            continue
        kept.append(text[at:index])
        at = index + 1
    kept.append(text[at:])
    return "".join(kept)


def _letter(char: str) -> bool:
    return char.isalnum() or char == PLACEHOLDER


def _folded_words(text: str, odd: set[str]) -> set[str]:
    """The words of `text` folded by the table: as bytes (translated, each non-ASCII character replaced by its
    folding), which runs at memory speed; as a string when the text has too many distinct non-ASCII characters."""
    if len(odd) > MAX_REPLACED:
        return set(text.translate(_fold_table(set(text))).split())
    table = _fold_table(odd)
    data = text.encode("utf-8")
    for char in odd:
        data = data.replace(char.encode("utf-8"), table[ord(char)].encode("utf-8"))
    translation, dropped = _ascii_translation()
    return {word.decode("utf-8") for word in set(data.translate(translation, dropped).split())}


@lru_cache(maxsize=1)
def _ascii_translation() -> tuple[bytes, bytes]:
    """The fold table for ASCII as a bytes translation (and the bytes it drops); bytes of UTF-8 sequences kept."""
    table = _fold_table(chr(code) for code in range(128))
    folded = [table[code] for code in range(128)]
    assert all(len(f) <= 1 and f.isascii() for f in folded), "an ASCII character folds to several"
    translation = bytes(ord(f) if f else code for code, f in enumerate(folded)) + bytes(range(128, 256))
    return translation, bytes(code for code, f in enumerate(folded) if not f)


def _joined_across_line_breaks(text: str) -> set[str]:
    """The words of each chain of pieces hyphenated across line breaks ("announce-\\nment"), joined in every run."""
    chains: list[list[str]] = []
    previous_end = reach = -1  # the last break's end, and where the piece after it ends (the next white space)
    for found in LINE_BREAK.finditer(text):
        after_end = _piece_end(text, found.end())
        if chains and reach > found.start():  # no white space since the last break: the same chain goes on
            chains[-1][-1] = text[previous_end : found.start()]
            chains[-1].append(text[found.end() : after_end])
        else:
            chains.append([text[_piece_start(text, found.start()) : found.start()], text[found.end() : after_end]])
        previous_end, reach = found.end(), after_end
    words: set[str] = set()
    for pieces in chains:
        for first in range(len(pieces)):
            for last in range(first + 1, len(pieces)):
                joined = "".join(pieces[first : last + 1])
                words.update(joined.translate(_fold_table(set(joined))).split())
    return words


def _piece_start(text: str, end: int) -> int:
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return start


def _piece_end(text: str, start: int) -> int:
    end = start
    while end < len(text) and not text[end].isspace():
        end += 1
    return end


def build(texts: Iterable[tuple[str, str | None]]) -> tuple[list[str], dict[str, list[int]]]:
    """SourceIndex.build as it was: (names, postings)."""
    names: list[str] = []
    postings: dict[str, list[int]] = {}
    for number, (name, text) in enumerate(texts):
        names.append(name)
        for word in document_words(text) if text is not None else ():
            postings.setdefault(word, []).append(number)
    return names, postings
