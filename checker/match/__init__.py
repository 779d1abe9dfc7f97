"""The matcher: where a quote stands in its source, and whether it still says what the source says.

It owns everything between a quote as an editor wrote it and a `Match`: typography-neutral text with
an offset map back to the original (normalize), a source read once (document), the quote's parts,
[insertions] and options (quote, brackets), the word-level verdict on each difference (differences),
and the search itself (locate). The rest of checker imports only what is re-exported here.
"""
from checker.match.differences import is_english_word
from checker.match.document import Document
from checker.match.locate import contains, locate, occurrences
from checker.match.normalize import normalize
from checker.match.quote import MatchOptions, options_for

__all__ = ["Document", "MatchOptions", "contains", "is_english_word", "locate", "normalize", "occurrences",
           "options_for"]
