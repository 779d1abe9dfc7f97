"""The benchmark's real English prose: the five seed articles, two of Debian's common licenses, the Zen of Python.

Every source is read from where a fresh Debian + Python machine keeps it (nothing is copied into the
repository): seeds/*.txt, /usr/share/common-licenses/{GPL-3,Apache-2.0} (package base-files) and the
Zen of Python, ROT13-decoded from the stdlib module `this`. A source that is missing is left out and
named by `missing()`, so the table says what it was computed on.
"""
from __future__ import annotations

import codecs
import contextlib
import io
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
LICENSES = Path("/usr/share/common-licenses")
LICENSE_FILES = ("Apache-2.0", "GPL-3")
ZEN = "zen-of-python"

INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
QUOTES = "\"'\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a\u2032\u2033\u02bc`\u00b4"
DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"


def sources() -> dict[str, str]:
    """Source name -> original text, sorted by name (seed names first: they start with digits)."""
    found = {path.name: path.read_bytes().decode("utf-8-sig") for path in sorted(SEEDS.glob("*.txt"))}
    for name in LICENSE_FILES:
        if (LICENSES / name).is_file():
            found[name] = (LICENSES / name).read_text(encoding="utf-8")
    found[ZEN] = zen_of_python()
    return dict(sorted(found.items()))


def missing() -> list[str]:
    return [str(LICENSES / name) for name in LICENSE_FILES if not (LICENSES / name).is_file()]


def zen_of_python() -> str:
    with contextlib.redirect_stdout(io.StringIO()):
        import this  # prints the Zen on first import
    return codecs.decode(this.s, "rot13") + "\n"


def fold(text: str) -> str:
    """An oracle independent of checker.match.normalize: compatibility forms, case, quote marks, dashes and
    white space folded, punctuation dropped; words separated by single spaces, padded with spaces.
    Used only to check that a generated must-fail quote really is absent from a source."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"[-\u2010\u00ad]\r?\n[ \t]*(?=[a-z])", "", text)  # line-break hyphenation
    text = "".join("" if c in INVISIBLE else c for c in text)
    text = "".join(" " if c in DASHES else c for c in text)
    text = "".join("" if c in QUOTES else c for c in text)
    return " " + " ".join(re.findall(r"\w+", text)) + " "


def stands_in(quote: str, source: str) -> bool:
    """Whether the quote's words stand, in order and contiguous, in the source (per `fold`)."""
    return fold(quote) in _folded_source(source)


@lru_cache(maxsize=32)
def _folded_source(source: str) -> str:
    return fold(source)
