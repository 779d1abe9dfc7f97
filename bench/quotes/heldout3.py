"""Third held-out set: hand-written quotes, labelled by issue 3 BEFORE the matcher was run on them.

    python bench/quotes/run.py --heldout3     # prints the table, writes bench/quotes/HELDOUT3.md

Written by an independent tester who did not read heldout.py, heldout2.py, must_pass.py, must_fail.py,
generate.py or tests/test_locate.py. Sources: the five seeds, and real English text on a Debian +
Python 3.11 machine of kinds the other sets do not use: stdlib module docstrings (argparse, csv, heapq,
unittest, collections, itertools), /usr/share/doc/base-files/README, the 9.1 section of GNU coreutils
NEWS (/usr/share/doc/coreutils/NEWS.gz) and the METADATA long descriptions of pyspellchecker and
rapidfuzz in the virtualenv. A source missing on this machine is left out and named.

Each case: category, expected pass/fail, quote, source key, one-line why. `AMBIGUOUS:` marks a case
issue 3 does not settle; its label is the strict reading.
"""
from __future__ import annotations

import gzip
import importlib
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SITE = Path(sys.prefix) / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}" / "site-packages"

S0, S1, S2, S3, S4 = (
    "000_12e6b7cc27e0264f.txt",
    "001_2afa2717bd8a4cc8.txt",
    "002_e6b1a6874fc6dd1e.txt",
    "003_1288ced4304eb56c.txt",
    "004_3c3116bf203ab6e7.txt",
)
MODULES = ("argparse", "csv", "heapq", "unittest", "collections", "itertools")


def load_sources() -> tuple[dict[str, str], list[str]]:
    """Source key -> text; and the sources missing on this machine."""
    texts: dict[str, str] = {}
    missing: list[str] = []
    for name in (S0, S1, S2, S3, S4):
        texts[name] = (REPO / "seeds" / name).read_bytes().decode("utf-8-sig")
    for module in MODULES:
        texts[module] = importlib.import_module(module).__doc__
    readme = Path("/usr/share/doc/base-files/README")
    if readme.is_file():
        texts["base-files"] = readme.read_text(encoding="utf-8")
    else:
        missing.append(str(readme))
    news = Path("/usr/share/doc/coreutils/NEWS.gz")
    if news.is_file():
        lines = gzip.decompress(news.read_bytes()).decode("utf-8").splitlines(keepends=True)
        heads = [i for i, line in enumerate(lines) if line.startswith("* Noteworthy changes")]
        texts["coreutils"] = "".join(lines[: heads[1]])  # up to the 9.0 section: the 9.1 release notes
    else:
        missing.append(str(news))
    for key, dist in (("pyspellchecker", "pyspellchecker-0.9.1"), ("rapidfuzz", "rapidfuzz-3.14.6")):
        meta = SITE / f"{dist}.dist-info" / "METADATA"
        if meta.is_file():
            texts[key] = meta.read_text(encoding="utf-8").split("\n\n", 1)[1]  # the long description
        else:
            missing.append(str(meta))
    return texts, missing


PASS, FAIL = "pass", "fail"
CASES: list[tuple[str, str, str, str, str]] = []


def P(category: str, quote: str, source: str, why: str) -> None:
    CASES.append((category, PASS, quote, source, why))


def F(category: str, quote: str, source: str, why: str) -> None:
    CASES.append((category, FAIL, quote, source, why))


# ---------------------------------------------------------------- must pass: typography
T = "typography"
P(T, '"They probably had already set up TamTam" in case of being shut down by Telegram', S0, "straight double quotes for curly")
P(T, "ISIS's claim of responsibility for the London Bridge attack came first on TamTam, not Telegram", S0, "straight apostrophe in a headline")
P(T, "the group can work openly -- even if only in a virtual sense", S0, "typewriter double hyphen for an em dash")
P(T, "its small size - 16 MB on Android phones and about 60 MB for iPhone users - and its claim", S4, "hyphens for em dashes around a parenthetical")
P(T, "also has a «channels» function like Telegram, which allows users to broadcast their messages", S3, "guillemets for straight quotes")
P(T, "in what was seen as a \u2032replacement\u2032 app", S4, "primes for curly single quotes")
P(T, "but there's still a couple of groups on Telegram asking people to subscribe", S0, "straight apostrophe in a contraction")
P(T, "But the mystery surrounding TamTam isn't only because it's a new app.", S4, "two contractions, straight apostrophes")
P(T, '"The most obvious honey pot ever"', S0, "quoting a headline that is itself a quotation, straight quotes")
P(T, "'For the time being, for as far as we know, IS is not present on the internet anymore", S3, "single for double quote mark at the start")
P(T, "specifies a one-character string to use as the field separator.  It defaults to \u2018,\u2019.", "csv", "curly single quotes around a comma; quote spans the docstring's line break")
P(T, "TamTam's licence agreement stipulates a ban on the promotion of violence, extremism and terrorism", S3, "straight apostrophe in a possessive")
P(T, 'decrypt people\'s private messages on the ground of "national security"', S4, "straight quotes for curly, inner quotation")
P(T, "the last stable area in which the group can work openly\u2014even if only in a virtual sense", S0, "em dash closed up (white space only)")
P(T, "The terror organisation has admitted to carrying out several attacks in the past \u2013 by releasing audios, videos on social media", S4, "en dash for em dash")
P(T, "The crackdown on ISIS\u2010linked Telegram accounts had been years in the making", S0, "U+2010 hyphen in a compound")
P(T, "\u2018cp \u2014preserve=ownership A B\u2019 no longer ignores the umask when creating B.", "coreutils", "word-processor autocorrect: -- became an em dash, straight quotes became curly")
P(T, "heap[0] is the smallest item, and heap.sort() maintains the heap invariant!", "heapq", "code in prose across a line break")
P(T, "The crackdown on ISIS linked Telegram accounts had been years in the making", S0, "AMBIGUOUS: hyphen in a compound replaced by a space (a dash/hyphen difference)")
P(T, "\u201cIt came on TamTam two minutes before any announcement on the handful of Telegram channels that were still up,\u201d he said.", S0, "verbatim, with attribution")

# ---------------------------------------------------------------- must pass: copy-paste artefacts
C = "copy-paste artefacts"
P(C, "terror\u00adism researchers combed chat groups popular with ISIS supporters", S0, "soft hyphen inside a word")
P(C, "By Saturday afternoon Telegram\u200b was a ghost town for Islamic extremists.", S0, "zero-width space")
P(C, "Belgian terrorism researcher Pieter Van Ostae-\nyen, who specializes in tracking foreign fighters", S0, "PDF hyphenation inside a surname")
P(C, "But a single tweet from an anonymous ISIS supporter\ngave him something to work with", S0, "line break inside the quote")
P(C, "A crackdown by  security services began in late November.", S0, "doubled space")
P(C, "authorities are keen to suppress the groups online, the police official said", S0, "source has a doubled space, quote has one")
P(C, "Many of them ended up on\tTamTam, a Russian messaging app.", S0, "tab for a space")
P(C, "Those files are con\ufb01guration files, so they are completely under the control of the system admin.", "base-files", "fi ligature; source breaks the line")
P(C, "\uff34\uff41\uff4d\uff34\uff41\uff4d acts as a private messaging application but also has a", S3, "full-width letters (NFKC)")
P(C, "A week after his announcement,I woke up with 1,200 messages on TamTam", S3, "missing space after a comma")
P(C, "TamTam\u2019s licence agreement stipulates a ban on the promotion of violence, extremism and terrorism.Every user can help us to clear up the platform", S3, "missing space after a full stop")
P(C, "Packages uploaded for unstable reach\r\ntesting after ten days", "base-files", "CRLF inside the quote")
P(C, "16\u00a0MB on Android phones and about 60\u00a0MB for iPhone users", S4, "NBSP between number and unit")
P(C, "the add_argument() method is used to popu-\nlate the parser with actions for optional and positional arguments", "argparse", "PDF hyphenation of an ordinary word")
P(C, "This module contains the core framework classes that form the basis of specific test cases and suites", "unittest", "quote joins an indented line break")
P(C, "Last Saturday, November 30, 28\u2011year\u2011old Usman Khan attacked people at the Fishmongers Hall in London.", S1, "non-breaking hyphens in an age")
P(C, "It became available for down-\nloads some time in early 2017.", S4, "PDF hyphenation")
P(C, "\ufeffIn the wake of Friday\u2019s terror attack near London Bridge", S0, "byte-order mark pasted at the start")
P(C, "It then compares all permutations (insertions, deletions, replacements, and transpositions) to known words in a word frequency list.", "pyspellchecker", "parenthetical list across line breaks")
P(C, "Following the London Bridge terror attack on Friday, ISIS sympathisers all but disappeared from the messaging app Telegram.", S2, "verbatim from the copy")
P(C, "Achieving FHS compliance by upgrading would be tricky and prone to\n error in certain cases", "base-files", "quote keeps the source's line break plus a stray space")
P(C, "Those words that are found more often in the frequency list are more likely the correct results.", "pyspellchecker", "AMBIGUOUS: **bold** markup dropped (punctuation inside the quote)")

# ---------------------------------------------------------------- must pass: trimmed, headlines, edges
E = "trimmed & edges"
P(E, "ISIS's claim of responsibility for the London Bridge attack came first on TamTam", S0, "headline trimmed at the end")
P(E, "Isil finds new online home after Telegram messaging service purge", S3, "headline verbatim")
P(E, "TamTam is new ISIS favourite after Telegram", S4, "headline first sentence")
P(E, "the crackdown on ISIS-linked Telegram accounts had been years in the making", S0, "first letter lower-cased")
P(E, "Scores of groups with thousands of subscribers had been booted off Telegram", S0, "first letter capitalised mid-sentence")
P(E, "By Saturday afternoon Telegram was a ghost town for Islamic extremists,", S0, "trailing comma for a full stop")
P(E, "For the time being, for as far as we know, IS is not present on the internet anymore.", S3, "full stop added where the source sentence continues")
P(E, "There were hundreds of channels there.", S0, "last sentence of a speech")
P(E, "This may be more efficient, by avoiding user space copies", "coreutils", "fragment across a line break")
P(E, "Heap queue algorithm (a.k.a. priority queue).", "heapq", "abbreviation with dots, parenthetical")
P(E, "The module supports three basic APIs: reading, writing, and registration of dialects.", "csv", "list after a colon")
P(E, "produces highly informative usage messages", "argparse", "list item, exactly four words")
P(E, "dict subclass that remembers the order entries were added", "collections", "table row trimmed")
P(E, "Functional tools for creating and using iterators.", "itertools", "first line")
P(E, "Python unit testing framework, based on Erich Gamma's JUnit and Kent Beck's Smalltalk testing framework", "unittest", "possessives, names, line break")
P(E, "Scotland Yard acknowledged the incident as a terrorist attack.", S1, "verbatim sentence")
P(E, "New Delhi: The terrorist group Islamic State informed the world about the attack on London Bridge", S4, "dateline kept")
P(E, "cautioned that it would not be easy to root out the group for online platforms", S3, "trimmed start")
P(E, "Hats off to @tamtamchat for dislodging it so comprehensively.", S1, "tweet with handle")
P(E, "And here we are, #IS booted off of Tam Tam less than 24 hours later.", S1, "tweet with hashtag and number")
P(E, "The release managers asked me not to touch /etc/issue", "base-files", "path in prose")
P(E, "It had also garnered users in Iran, though the authorities there blocked the app in April 2018 without giving any reason.", S4, "verbatim")
P(E, "\u201cIt came on TamTam two minutes before any announcement", S0, "opening quote mark kept, closing dropped (end punctuation)")
P(E, "isil had used encrypted messaging app Telegram", S3, "first letter of a name lower-cased (the quote's first letter)")
P(E, "\u2026even when there\u2019s a slow Internet connection", S4, "leading ellipsis, trimmed inner quotation")

# ---------------------------------------------------------------- must pass: numbers quoted right
N = "numbers quoted right"
P(N, "Nearly 5,000 accounts and over 26,000 items", S3, "thousands separators")
P(N, "16 MB on Android phones and about 60 MB for iPhone users", S4, "numbers with units")
P(N, "\u2013 Charlie Winter (@charliewinter) December 3, 2019", S1, "date in a byline")
P(N, "* Noteworthy changes in release 9.1 (2022-04-15) [stable]", "coreutils", "version, ISO date, the source's own brackets")
P(N, "before adjusting it to the correct value. [bug introduced in coreutils-8.17]", "coreutils", "the source's own bracketed note with a version")
P(N, "'dd count=100KiB' now copies 100 KiB of data, not 102,400 blocks of data.", "coreutils", "units and a big number")
P(N, "lookup increases processing per file by about 30%.", "coreutils", "percentage")
P(N, "timeout --foreground --kill-after=... will now exit with status 137", "coreutils", "the source's own literal ... inside an option")
P(N, "Note 1: Since base-files version 6.10, /etc/profile is automatically upgraded", "base-files", "version 6.10")
P(N, "the GNU LGPL (versions 2, 2.1, or 3), and the GNU FDL (versions 1.2 or 1.3)", "base-files", "list of versions across a line break")
P(N, "Heaps are arrays for which a[k] <= a[2*k+1] and a[k] <= a[2*k+2] for all k", "heapq", "the source's own square brackets in formulas")
P(N, "count(start=0, step=1) --> start, start+step, start+2*step, ...", "itertools", "formula ending in the source's own ...")
P(N, "Python 3.11 or later", "rapidfuzz", "version 3.11")
P(N, "taken in Zenica, Bosnia and Herzegovina November 18, 2015.", S0, "full date")
P(N, "was positioned in April 2018 as a replacement for \u201cCart\u201d.", S1, "month and year")
P(N, "It was launched in 2017 and operates through a Russian social networking platform called Odnoklassniki", S3, "year")
P(N, "saw the 50 or so groups he had infiltrated go dark", S0, "approximate number")
P(N, "now suppresses excess trailing digits, instead of always padding them with zeros to 9 digits", "coreutils", "digit in prose across a line break")
P(N, "28-year-old British citizen Usman Khan of Pakistani origin", S4, "hyphenated age")
P(N, "lookup increases processing per file by about 30\u00a0%.", "coreutils", "NBSP before the percent sign (white space)")
P(N, "Nearly 5000 accounts and over 26000 items", S3, "AMBIGUOUS: thousands separators dropped (punctuation inside the quote, same numbers)")
P(N, "allows for the setting of the Levenshtein Distance (up to two) to check.", "pyspellchecker", "number word in a parenthetical")

# ---------------------------------------------------------------- must pass: ellipsis
L = "ellipsis"
P(L, "Van Ostaeyen made a wild discovery ... Most of the groups he followed had conducted a cyber withdrawal from Telegram", S0, "ellipsis replaces a colon")
P(L, "It was clearly a planned coordinated effort \u2026 but there\u2019s still a couple of groups on Telegram asking people to subscribe.", S0, "clause omitted")
P(L, "TamTam acts as a private messaging application . . . which allows users to broadcast their messages to an unlimited audience.", S3, "spaced ellipsis")
P(L, "Nearly 5,000 accounts and over 26,000 items [...] were shut down.", S3, "bracketed ellipsis over a list")
P(L, "Packages uploaded for unstable reach testing after ten days, provided they are built for every released architecture ... and their dependencies may be met in testing.", "base-files", "list item omitted across lines")
P(L, "The Islamic State claimed responsibility for the incident ... by 28-year-old British citizen Usman Khan", S4, "middle omitted")
P(L, "I was following around 50 groups ... highly useful to keep an eye on ISIS", S0, "omits the source's own bracketed insertions, same paragraph")
P(L, "This module provides classes that assist in the reading and writing of Comma Separated Value (CSV) files ... The module supports three basic APIs", "csv", "omits sentences within one paragraph")
P(L, "... the ISIS claimed the London Bridge attack on an application about which little is known", S4, "leading ellipsis")
P(L, "A carbon copy of Telegram messenger, TamTam\u2019s entry into the social media market has remained shrouded in mystery...", S4, "trailing ellipsis")
P(L, "Multiple researchers noted that ... a handful of previously secure extremist chat groups had re-formed ... and were calling for people to relax", S0, "two ellipses")
P(L, "ISIS sympathisers all but disappeared\u2026from the messaging app Telegram", S0, "closed-up ellipsis omitting nothing")
P(L, "cp, mv, and install now use openat-like syscalls when copying to a directory. ... should be more efficient.", "coreutils", "ellipsis after a full stop")
P(L, "\u201cThe negative implications of this are significant. \u2026 particularly as it morphs into a new, post-territorial insurgency", S3, "sentence-level omission inside a speech")
P(L, "The amount of links to new official outlets on #TamTam ... is staggering.", S1, "tweet, hashtags")
P(L, "Isil used its Nashir News Agency channel on TamTam [\u2026] over the weekend.", S3, "bracketed ellipsis character")
P(L, "I followed about 50 groups \u2026 Now two are left.", S1, "omits the middle of a paragraph")

# ---------------------------------------------------------------- must pass: brackets
B = "brackets"
P(B, "[Van Ostaeyen] made a wild discovery: Most of the groups he followed", S0, "bracket repeats the source's words")
P(B, "[H]e said, suspecting that this was a prepared move", S0, "case change in brackets")
P(B, "\u201c[ISIS sympathisers] probably had already set up TamTam\u201d", S0, "bracket replaces a pronoun")
P(B, "It could mean that governments will be left in the dark about what the Islamic State [ISIS] is saying", S3, "bracketed gloss inserted")
P(B, "[TamTam's] uniqueness lies in the fact that it can be operated even in low network areas.", S4, "bracket replaces 'Its'")
P(B, "[FileType is] a factory for defining types of files to be created.", "argparse", "bracket replaces 'FileType --', next letter lower-cased")
P(B, "[Khan] injured several people, two of whom died.", S1, "bracket replaces 'With his knife, he'")
P(B, "\u201cA week after [Telegram's] announcement, I woke up with 1,200 messages on TamTam from almost 100 ISIS channels,\u201d", S3, "bracket replaces 'his'")
P(B, "[the] heap size is unchanged", "heapq", "bracket repeats an article")
P(B, "[A]lthough many CSV files are simple to parse", "csv", "capital in brackets")
P(B, "[T]errorism researchers were working as hard as ISIS itself to get around the ban", S0, "capital in brackets")
P(B, "\u201c[The groups] all began to show lots of activity \u2026 easier to identify them and take them down,\u201d", S0, "bracket plus ellipsis")
P(B, "[On macOS,] fmt no longer corrupts multi-byte characters", "coreutils", "bracket equal to the source text")

# ---------------------------------------------------------------- must pass: transcription slips
S = "slips & spelling variants"
P(S, "terrorism researchers combed chat groups populer with ISIS supporters", S0, "mistyped letter, not a word")
P(S, "a much less well-known aplication developed by a Russian social media network", S0, "dropped doubled letter")
P(S, "cautioned that it would not be easy to root out the group for onlien platforms", S3, "swapped letters")
P(S, "Its uniqueness lies in the fact that it can be operated even in low netwrok areas.", S4, "swapped letters")
P(S, "Achieving FHS compliance by upgrading would be tricky and prone to error in certian cases", "base-files", "swapped letters")
P(S, "the format is not formally defined by a stable specificaton", "csv", "dropped letter")
P(S, "Errors raised while parsing the command-line are caught by ArgumentParser and emmitted as command-line messages.", "argparse", "doubled letter")
P(S, "This makes the relationship between the index for a node and the indexes for its children slightly less obvius", "heapq", "dropped letter")
P(S, "Further information is available in the bundled documentaion", "unittest", "dropped letter")
P(S, "This avoids some race conditions and should be more efficent.", "coreutils", "dropped letter")
P(S, "ls no longer colors files with capabilities by default, as file-based capabilities are very rarely used", "coreutils", "editor corrects the source's own typo 'capabilties'")
P(S, "ISIS sympathizers all but disappeared from the messaging app Telegram.", S0, "American spelling of 'sympathisers'")
P(S, "TamTam's license agreement stipulates a ban on the promotion of violence", S3, "American 'license' for 'licence'")
P(S, "TamTam is new ISIS favorite after Telegram", S4, "American 'favorite'")
P(S, "We are strongly against the presence of any sort of content by terrorist organizations on our platform.", S3, "American 'organizations'")
P(S, "had conducted a cyber withdrawal from Telegram in favour of TamTam", S0, "British 'favour'")
P(S, "ISIS supporters massively migrated to the russian TamTam messenger", S1, "a name's letter case")
P(S, "It linked to a discussion group on Tamtam, a much less well-known application", S0, "a name's letter case inside")
P(S, "Islamic State followers have migrated to a new messaging service following a purge on thier preferred platforms", S3, "swapped letters")
P(S, "the chat room moderaters move everyone to TamTam", S0, "mistyped letter")
P(S, "with services being availble even under slow Internet speed", S4, "dropped letter")
P(S, "With the help of automatic algorithms and operational work with user complaints, this activity quikcly decreased.", S1, "swapped letters")
P(S, "By Saturday afternoon, Telegram was a ghost town for Islamic extremists.", S0, "comma added inside the quote")
P(S, "Isil had used encrypted messaging app Telegram; but jihadists have begun opening up accounts", S3, "semicolon for a comma")
P(S, "By Saturday Afternoon Telegram was a ghost town for Islamic extremists.", S0, "changed case inside the quote")
P(S, "The messenger apps popularity is still limited, even though it had claimed a rise in user base", S4, "AMBIGUOUS: apostrophe dropped from a possessive (punctuation slip)")

# ---------------------------------------------------------------- must fail: numbers
n = "number changed"
F(n, "Nearly 6,000 accounts and over 26,000 items", S3, "5,000 -> 6,000")
F(n, "Nearly 5,000 accounts and over 26,500 items", S3, "26,000 -> 26,500")
F(n, "16 MB on Android phones and about 50 MB for iPhone users", S4, "60 -> 50")
F(n, "16 GB on Android phones and about 60 MB for iPhone users", S4, "unit MB -> GB")
F(n, "I was following around 60 groups", S0, "50 -> 60")
F(n, "It came on TamTam three minutes before any announcement", S0, "two -> three")
F(n, "It came on TamTam two hours before any announcement", S0, "unit minutes -> hours")
F(n, "Last Saturday, November 30, 29-year-old Usman Khan attacked people", S1, "age 28 -> 29")
F(n, "By Tuesday, December 4, the TamTam administration was aware of a sudden increase", S1, "date 3 -> 4")
F(n, "I woke up with 1,300 messages on TamTam from almost 100 ISIS channels", S3, "1,200 -> 1,300")
F(n, "I woke up with 1,200 messages on TamTam from almost 1,000 ISIS channels", S3, "100 -> 1,000")
F(n, "It was launched in 2016 and operates through a Russian social networking platform", S3, "year")
F(n, "though the authorities there blocked the app in April 2019 without giving any reason", S4, "year")
F(n, "* Noteworthy changes in release 9.2 (2022-04-15)", "coreutils", "version 9.1 -> 9.2")
F(n, "before adjusting it to the correct value. [bug introduced in coreutils-8.71]", "coreutils", "version inside the source's own brackets 8.17 -> 8.71")
F(n, "'dd count=100KiB' now copies 100 MiB of data, not 102,400 blocks of data.", "coreutils", "unit KiB -> MiB")
F(n, "lookup increases processing per file by about 3%.", "coreutils", "30% -> 3%")
F(n, "now copies 100 KiB of data, not 102,500 blocks of data", "coreutils", "102,400 -> 102,500")
F(n, "Note 2: Since base-files version 6.10, /etc/profile is automatically upgraded", "base-files", "note number 1 -> 2")
F(n, "Since base-files version 6.1, /etc/profile is automatically upgraded", "base-files", "version 6.10 -> 6.1 (digit dropped)")
F(n, "Packages uploaded for unstable reach testing after five days", "base-files", "ten -> five")
F(n, "the GNU LGPL (versions 2, 2.2, or 3), and the GNU FDL", "base-files", "version 2.1 -> 2.2")
F(n, "Python 3.10 or later", "rapidfuzz", "version 3.11 -> 3.10")
F(n, "Python 3.1 or later", "rapidfuzz", "version 3.11 -> 3.1")
F(n, "We use 1-based indexing.  This makes the relationship between the index", "heapq", "0-based -> 1-based")
F(n, "The module supports four basic APIs: reading, writing, and registration of dialects.", "csv", "three -> four")
F(n, "implements the interface described by PEP 350", "csv", "PEP 305 -> 350 (digits swapped)")
F(n, "as part of a major crackdown that began on Nov 26", S0, "date 25 -> 26")
F(n, "where three victims and the attacker were killed", S0, "two -> three")
F(n, "#IS booted off of Tam Tam less than 42 hours later", S1, "24 -> 42")
F(n, "\u2013 Michael Krona (@GlobalMedia_) December 3, 2019", S1, "December 2 -> 3 (the 3 stands elsewhere)")
F(n, "find permutations within an edit distance of 3 from the original word", "pyspellchecker", "2 -> 3")
F(n, "two people were stabbed to death and two others injured", S4, "three -> two")
F(n, "this is the second time the ISIS used TamTam to claim a terror attack", S4, "ordinal first -> second")
F(n, "It came on TamTam 2 minutes before any announcement", S0, "AMBIGUOUS: number word written as a digit, same value; strict reading fails")
F(n, "Heaps are arrays for which a[k] <= a[2*k+1] and a[k] <= a[2*k+3] for all k", "heapq", "2 -> 3 inside the source's own brackets")
F(n, "* Noteworthy changes in release 9.1 (2022-04-16) [stable]", "coreutils", "ISO date day changed")
F(n, "tee(it, n=3) --> (it1, it2 , ... itn) splits one iterator into n", "itertools", "default 2 -> 3")
F(n, "taken in Zenica, Bosnia and Herzegovina November 18, 2016.", S0, "year")
F(n, "where two victims and two attackers were killed", S0, "number added (the attacker -> two attackers)")
F(n, "allows for the setting of the Levenshtein Distance (up to three) to check.", "pyspellchecker", "two -> three in a parenthetical")
F(n, "timeout --foreground --kill-after=... will now exit with status 173", "coreutils", "137 -> 173 after the source's literal ...")

# ---------------------------------------------------------------- must fail: negation
g = "negation"
F(g, "cautioned that it would be easy to root out the group for online platforms", S3, "'not' dropped")
F(g, "For the time being, for as far as we know, IS is present on the internet anymore", S3, "'not' dropped")
F(g, "said the official, who as a police officer can be named in the media", S0, "cannot -> can")
F(g, "said one researcher, who asked to be named mocking Western intelligence services", S0, "'not' dropped")
F(g, "ISIS's claim of responsibility for the London Bridge attack came first on TamTam and Telegram", S0, "'not' -> 'and'")
F(g, "Quraysh, a pro-Isil media group, warned Telegram that its purge would only drive jihadists underground where the authorities could see what they were doing.", S3, "'not' dropped at the end of a long sentence")
F(g, "these actions were committed with complaints from law enforcement agencies", S1, "without -> with")
F(g, "access to which will be so easy to obtain not only for researchers", S1, "'not' dropped (one 'not' remains)")
F(g, "So far, TamTam has responded to how the IS came to using its services", S4, "hasn't -> has")
F(g, "but it is surprising given all one needs to access this free for all platform is a phone number", S4, "isn't -> is")
F(g, "But the mystery surrounding TamTam is only because it's a new app.", S4, "isn't -> is")
F(g, "it is possible because of the way the testing distribution works", "base-files", "'not' dropped")
F(g, "then /etc/debian_version is a reliable way to know that anymore", "base-files", "'not' dropped across a line break")
F(g, "The release managers asked me to touch /etc/issue", "base-files", "'not' dropped")
F(g, "some files from base-files do match the ones which are installed on a fresh install", "base-files", "'not' dropped")
F(g, "chmod -R now exits with error status when encountering symlinks.", "coreutils", "'no longer' -> 'now'")
F(g, "'cp --preserve=ownership A B' still ignores the umask when creating B.", "coreutils", "'no longer' -> 'still'")
F(g, "The flags count_bytes, skip_bytes and seek_bytes are therefore obsolescent and are documented, though they still work.", "coreutils", "'no longer' dropped")
F(g, "the API of the formatter objects is not considered an implementation detail", "argparse", "still -> not")
F(g, "to show the public that this stuff will be tolerated", S0, "won't -> will be")
F(g, "cautioned that it wouldn't be easy to root out the group for online platforms", S3, "AMBIGUOUS: 'would not' contracted, same meaning; strict reading fails")
F(g, "(This) was extremely useful to keep an eye on ISIS. Now none are left.", S1, "two -> none")
F(g, "For longer words, it is highly recommended to use a distance of 1 and the default 2.", "pyspellchecker", "'not' dropped")
F(g, "TamTam has begun a smaller purge on some of the accounts, but many were not still active", S3, "'not' added")
F(g, "it can't be operated even in low network areas", S4, "negation added as n't")
F(g, "so it is not a goal of base-files, and it is planned to be", "base-files", "nor -> and")
F(g, "No files would be processed correctly, but the exit status was incorrect.", "coreutils", "All -> No")
F(g, "This module is free software, and you may not redistribute it", "unittest", "'not' added")
F(g, "Changes in the default files are important enough to warn the user", "base-files", "'not' dropped")

# ---------------------------------------------------------------- must fail: names
m = "name changed"
F(m, "Many of them ended up on Telegram, a Russian messaging app.", S0, "TamTam -> Telegram")
F(m, "By Sunday afternoon Telegram was a ghost town for Islamic extremists.", S0, "Saturday -> Sunday")
F(m, "Belgian terrorism researcher Pieter Van Ostayen, who specializes in tracking foreign fighters", S0, "misspelled surname")
F(m, "Members of the terrorist organization reported this through their news agency Nashir.", S1, "Amaq -> Nashir")
F(m, "Eric Van Der Sijpt, Belgium's Federal Prosecutor, said at a press conference", S3, "misspelled surname")
F(m, "The free chat and video call messaging app is available on both Apple Play and the App Store.", S3, "Google -> Apple")
F(m, "The creator of TamTam is a Russian Internet company called Yandex Group", S4, "Mail.Ru -> Yandex")
F(m, "Google-owned WhatsApp has faced similar requests from the Indian government", S4, "Facebook -> Google")
F(m, "It had also garnered users in Iraq, though the authorities there blocked the app", S4, "Iran -> Iraq (one letter)")
F(m, "After the loss of ISIS' physical territory in Syria and Iran", S0, "Iraq -> Iran (one letter)")
F(m, "\u2013 Charlie Winters (@charliewinter) December 3, 2019", S1, "surname with a letter added")
F(m, "Amarnath Amarasingam, a research fellow at the Institute for Strategic Dialog", S3, "AMBIGUOUS: American spelling inside an institution's name; strict reading fails")
F(m, "go dark starting on Saturday evening after the London attack", S0, "Friday -> Saturday")
F(m, "ArgumentError -- The exception raised by HelpFormatter objects", "argparse", "class name changed")
F(m, "On Linux, 'cp A B' no longer miscopies when A is in an APFS file system", "coreutils", "macOS -> Linux")
F(m, "dd now supports the aliases iseek=N for skip=N, and oseek=N for seek=N, like OpenBSD and other operating systems.", "coreutils", "FreeBSD -> OpenBSD")
F(m, "CNN's monitoring group had noted that the IS had set up several channels in TamTam", S4, "BBC -> CNN")
F(m, "OrderedDict  dict subclass for counting hashable objects", "collections", "Counter -> OrderedDict")
F(m, "Peter Van Ostaeyen discovered a tweet that clarified the situation", S1, "surname spelled as in 000, not as in the cited 001")
F(m, "the IS groups all began to show lots of activity", S0, "acronym ISIS -> IS")
F(m, "ISIS used its Nashir News Agency channel on TamTam", S3, "Isil -> ISIS")
F(m, "Neil Basu, US top cop who killed London Bridge attack suspect", S4, "UK -> US")
F(m, "According to Van Ostyen, they are already blocked.", S1, "Ostein -> Ostyen (the spelling used elsewhere in the source)")
F(m, "The Islamic State claimed responsibility for the incident where two people were stabbed to death and three others injured by 28-year-old British citizen Usman Khan of Indian origin.", S4, "Pakistani -> Indian at the end of a long sentence")

# ---------------------------------------------------------------- must fail: small-word swaps
w = "small-word swap"
F(w, "terrorism researchers combed chat groups popular with ISIS supporters on a messaging app Telegram", S0, "the -> a")
F(w, "The case is currently at the Supreme Court.", S4, "in -> at")
F(w, "a much less well-known application developed for a Russian social media network", S0, "by -> for")
F(w, "TamTam acts like a private messaging application but also has a", S3, "as -> like")
F(w, "You should consider the testing or unstable distributions as two sides of the same coin.", "base-files", "and -> or")
F(w, "have no RC-bugs and their dependencies must be met in testing.", "base-files", "may -> must")
F(w, "it identifies one of the dialects previously registered by the module.", "csv", "with -> by")
F(w, "subclasses of Action must be defined and passed as the action= argument.", "argparse", "may -> must")
F(w, "cp, mv, or install now use openat-like syscalls when copying to a directory.", "coreutils", "and -> or")
F(w, "The free chat and video call messaging application is available on Google Play or App Store", S4, "and -> or")
F(w, "including Telegram, Google, Facebook or Twitter, as well as the EU law enforcement agency Europol", S3, "and -> or")
F(w, "ISIS sympathisers all but disappeared on the messaging app Telegram.", S0, "from -> on")
F(w, "terrorism researchers were working as hard as ISIS itself to get around a ban", S0, "the -> a")
F(w, "which is owned by a Russian company Mail.Ru", S3, "the -> a")
F(w, "supports many languages including English, Spanish, German, French", "pyspellchecker", "multiple -> many")
F(w, "but on the little-known Russian app called TamTam messenger", S4, "a -> the")
F(w, "list-like container with fast appends and pops on both end", "collections", "either -> both")
F(w, "Packages uploaded for unstable reach testing before ten days", "base-files", "after -> before")
F(w, "It was there on Saturday afternoon, a few minutes after Telegram, the first reports appeared", S1, "before -> after")
F(w, "no longer fails with \"Operation not supported\" when A and B are in a different tmpfs file system", "coreutils", "the same -> a different")

# ---------------------------------------------------------------- must fail: inflection
i = "inflection (number, tense, degree)"
F(i, "terrorism researcher combed chat groups popular with ISIS supporters", S0, "plural -> singular")
F(i, "scores of groups with thousands of subscribers has been booted off Telegram", S0, "had -> has")
F(i, "Isil has used encrypted messaging app Telegram", S3, "had -> has")
F(i, "TamTam has begun a small purge on some of the accounts", S3, "smaller -> small")
F(i, "But what could possibly attract most users towards TamTam", S4, "more -> most")
F(i, "advertisements promoting TamTam begin to appear on Telegram channels", S4, "began -> begin")
F(i, "dircolors took a new --print-ls-colors option", "coreutils", "takes -> took")
F(i, "Readers and writers supported a dialect argument", "csv", "support -> supported")
F(i, "some files from base-files do not match the one which is installed", "base-files", "plural -> singular")
F(i, "Some suspect those groups were traps for unsophisticated supporters.", S0, "are -> were")
F(i, "Most of the group he followed had conducted a cyber withdrawal from Telegram", S0, "groups -> group")
F(i, "The problem is that in open resources it is easier to follow ISIS supporters.", S1, "very easy -> easier")
F(i, "Media report last year had cited Russian authorities cracking down on Telegram", S4, "reports -> report")
F(i, "The interesting property of a heap is that a[0] is always its smaller element.", "heapq", "smallest -> smaller")
F(i, "handled both optional and positional arguments", "argparse", "handles -> handled")
F(i, "many are still active when the Telegraph checked on Tuesday", S3, "were -> are")
F(i, "Those words that are found most often in the frequency list", "pyspellchecker", "more -> most")
F(i, "the 50 or so groups he has infiltrated go dark", S0, "had -> has")
F(i, "The migration to TamTam seemed likely to be short-lived.", S0, "seems -> seemed")
F(i, "telegram looking for clues about the attacks. But then the groups began to disappear.", S0, "attack -> attacks")
F(i, "the ISIS groups all began to show lots of activities that made it easier to identify them", S0, "activity -> activities")
F(i, "a Belgian police official closely involved in the Europol-led efforts told Insider", S0, "effort -> efforts")

# ---------------------------------------------------------------- must fail: real-word substitutions
r = "real-word substitution"
F(r, "A crackdown by security services began in early November.", S0, "late -> early")
F(r, "go dark starting on Friday evening before the London attack", S0, "after -> before")
F(r, "ISIS's claim of responsibility for the London Bridge attack came last on TamTam, not Telegram", S0, "first -> last")
F(r, "But while this is the last time the ISIS used TamTam to claim a terror attack", S4, "first -> last")
F(r, "but only has a \"channels\" function like Telegram", S3, "also -> only")
F(r, "while Telegram had just two active groups", S0, "only -> just (synonym, still a different word)")
F(r, "its purge would also drive jihadists underground", S3, "only -> also")
F(r, "existing elements are considered to be infinite", "heapq", "non- dropped: the quote starts inside the compound 'non-existing' and reverses it")
F(r, "jihadists have begun opening up accounts on relatively known service TamTam", S3, "un- dropped")
F(r, "The migration to TamTam seems unlikely to be short-lived.", S0, "un- added")
F(r, "A crackdown by secret services began in late November.", S0, "security -> secret")
F(r, "which allows users to broadcast their messages to a limited audience", S3, "unlimited -> limited")
F(r, "which have the standard and long-obsolete \".\" separator", "coreutils", "non- dropped")
F(r, "as file-based capabilties are very frequently used", "coreutils", "rarely -> frequently")
F(r, "a handful of previously insecure extremist chat groups had re-formed despite the ban", S0, "in- added")
F(r, "The messenger app's popularity is still unlimited", S4, "un- added")
F(r, "a much more well-known application developed by a Russian social media network", S0, "less -> more")
F(r, "The informality of the switchover was highlighted by a claim of responsibility", S0, "in- added")
F(r, "terrorists and their supporters will have more channels for communication", S1, "fewer -> more")
F(r, "something like line.split(\",\") is bound to succeed", "csv", "fail -> succeed")
F(r, "Its uniqueness lies in the fact that it can be operated even in high network areas.", S4, "low -> high")
F(r, "so long as this copyright message and disclaimer are removed in their original form", "unittest", "retained -> removed")
F(r, "Quraysh, an anti-Isil media group, warned Telegram", S3, "pro- -> anti-")
F(r, "It was a coincidence that the pro-Telegram operation was started just a few days before the London attack", S0, "anti- -> pro-")
F(r, "terrorism researchers searched chat groups popular with ISIS supporters", S0, "combed -> searched")
F(r, "I mean it was the most obvious honey trap ever", S0, "pot -> trap")
F(r, "pops and returns smallest item, and adds new item; the heap size is changed", "heapq", "unchanged -> changed")
F(r, "Changes in the default files are not urgent enough to warn the user", "base-files", "important -> urgent")
F(r, "scores of groups with thousands of subscribers had been booed off Telegram", S0, "booted -> booed (a real word one letter away)")
F(r, "where they continue to communicate and shape propaganda", S3, "share -> shape (a real word one letter away)")
F(r, "it can be operated even in slow network areas", S4, "low -> slow (a real word one letter away)")
F(r, "who specializes in tracking former fighters who have joined ISIS", S0, "foreign -> former")
F(r, "so that the latest Debian version is shown when used by tools like reportbug", "base-files", "exact -> latest")
F(r, "is simple enough that parsing lines of a CSV file", "csv", "subtle -> simple")
F(r, "Iterators terminating on the longest input sequence", "itertools", "shortest -> longest")
F(r, "It became available for downloads some time in late 2017.", S4, "early -> late")
F(r, "With the help of automatic algorithms and operational work with user complaints, this activity quickly increased.", S1, "decreased -> increased")
F(r, "the chat room moderators move everyone to Telegram", S0, "name swap at the end")
F(r, "Every user can help us to clean up the platform", S3, "clear -> clean (a real word one letter away)")
F(r, "It is ironic that this particular messenger, owned by Mail.Ru Group, was positioned in April 2018 as a replacement for \u201cCard\u201d.", S1, "Cart -> Card inside an inner quotation")

# ---------------------------------------------------------------- must fail: omission without an ellipsis
o = "omission without ellipsis"
F(o, "Belgian terrorism researcher Pieter Van Ostaeyen saw the 50 or so groups he had infiltrated go dark", S0, "relative clause dropped")
F(o, "Nearly 5,000 accounts and over 26,000 items were shut down.", S3, "list dropped")
F(o, "Van Ostaeyen made a wild discovery: Most of the groups he followed had conducted a cyber withdrawal in favor of TamTam.", S0, "'from Telegram' dropped")
F(o, "It could mean that governments will be left in the dark about what the Islamic State is saying online", S3, "'and doing' dropped")
F(o, "\u201cI was following around 50 groups,\u201d he said.", S0, "AMBIGUOUS: the source's own '[before the crackdown]' dropped without an ellipsis; strict reading fails")
F(o, "provided they are built for every released architecture and their dependencies may be met in testing.", "base-files", "'have no RC-bugs' dropped")
F(o, "cat now uses the copy_file_range syscall when doing simple copies between regular files.", "coreutils", "'if available,' dropped")
F(o, "saw the groups he had infiltrated go dark starting on Friday evening", S0, "'50 or so' dropped")
F(o, "he injured several people, who died.", S1, "'two of whom' dropped")
F(o, "The terror organisation has admitted to carrying out several attacks by releasing audios", S4, "'in the past' dropped")
F(o, "a handful of secure extremist chat groups had re-formed despite the ban", S0, "'previously' dropped")
F(o, "Islamic State followers have migrated to a messaging service following a purge", S3, "'new' dropped")
F(o, "the format is not defined by a stable specification", "csv", "'formally' dropped")
F(o, "the add_argument() method is used to populate the parser with actions for positional arguments", "argparse", "'optional and' dropped")
F(o, "These two make it possible to view the heap as a regular Python list: heap[0] is the smallest item", "heapq", "'without surprises' dropped")
F(o, "It uses a Levenshtein Distance algorithm to find permutations within an edit distance of 2", "pyspellchecker", "AMBIGUOUS: the reST link markup and URL dropped; strict reading fails")
F(o, "where two people were stabbed to death by 28-year-old British citizen Usman Khan", S4, "'and three others injured' dropped")
F(o, "all the groups had disappeared from TamTam while Telegram had two active groups", S0, "'only' dropped")
F(o, "terrorism researchers were working as hard as ISIS to get around the ban", S0, "'itself' dropped")

# ---------------------------------------------------------------- must fail: words added
a = "words added"
F(a, "By Saturday afternoon Telegram was a ghost town for Islamic extremists and researchers.", S0, "words added at the end")
F(a, "The free chat and video call messaging app is available on both Google Play and the App Store for free", S3, "words added at the end")
F(a, "A crackdown by European security services began in late November.", S0, "adjective added")
F(a, "Its uniqueness lies in the fact that it can be operated even in low network areas, experts say.", S4, "attribution added")
F(a, "printf now supports printing the numeric value of multi-byte characters correctly.", "coreutils", "adverb added at the end")
F(a, "Looking at the contents of your /etc/apt/sources.list file is probably a much better and safer way.", "base-files", "'and safer' added")
F(a, "terrorism researchers were working twice as hard as ISIS itself", S0, "'twice' added")
F(a, "Scotland Yard quickly acknowledged the incident as a terrorist attack.", S1, "adverb added")
F(a, "Isil had mostly used encrypted messaging app Telegram", S3, "'mostly' added")
F(a, "Our heappop() method always returns the smallest item, not the largest.", "heapq", "'always' added")
F(a, "The module supports three basic APIs: reading, writing, sniffing, and registration of dialects.", "csv", "list item added")
F(a, "Many of them ended up on TamTam, a Russian messaging app owned by Mail.Ru.", S0, "clause added at the end")
F(a, "The case is currently in the Supreme Court of India.", S4, "'of India' added")
F(a, "wrapper around dictionary objects for easier and faster dict subclassing", "collections", "'and faster' added")
F(a, "Hats off to @tamtamchat for dislodging it so comprehensively and so quickly.", S1, "words added at the end of a tweet")

# ---------------------------------------------------------------- must fail: reordered or swapped
x = "reordered or swapped"
F(x, "Our heappop() method returns the largest item, not the smallest.", "heapq", "pair swapped")
F(x, "based on Kent Beck's JUnit and Erich Gamma's Smalltalk testing framework", "unittest", "names swapped")
F(x, "including Google, Telegram, Facebook and Twitter", S3, "AMBIGUOUS: list reordered, same set; strict reading fails")
F(x, "the attacker and two victims were killed", S0, "AMBIGUOUS: conjuncts reordered; strict reading fails")
F(x, "on Saturday and Friday a handful of previously secure extremist chat groups had re-formed", S0, "days swapped")
F(x, "16 MB for iPhone users and about 60 MB on Android phones", S4, "numbers and platforms swapped")
F(x, "Telegram, a pro-Isil media group, warned Quraysh", S3, "names swapped")
F(x, "even as police officials and prosecutors in Europe claimed it as a major victory", S0, "AMBIGUOUS: conjuncts reordered; strict reading fails")
F(x, "dd now supports the aliases iseek=N for seek=N, and oseek=N for skip=N", "coreutils", "option pair swapped")
F(x, "You should consider the unstable and testing distributions as two sides of the same coin.", "base-files", "AMBIGUOUS: conjuncts reordered; strict reading fails")
F(x, "A man holds a smartphone showing the Telegram logo in front of a screen showing the Islamic State logo", S0, "logos swapped")
F(x, "Telegram was by Saturday afternoon a ghost town for Islamic extremists.", S0, "word order changed")
F(x, "Heaps are arrays for which a[2*k+1] <= a[k] and a[2*k+2] <= a[k] for all k", "heapq", "inequality sides swapped")
F(x, "The free chat and video call messaging app is available on both the App Store and Google Play.", S3, "AMBIGUOUS: conjuncts reordered; strict reading fails")
F(x, "The creator of TamTam is a Russian Internet company called Odnoklassniki, while the messenger has been developed by its social network service provider arm, Mail.Ru Group.", S4, "roles swapped")

# ---------------------------------------------------------------- must fail: bad elisions, stitching, wrong source
e = "bad elision, stitching, wrong source"
F(e, "In the wake of Friday\u2019s terror attack near London Bridge ... TamTam also began blocking groups.", S0, "ellipsis across paragraphs")
F(e, "A single tweet pointed the way to ISIS\u2019s new online home \u2026 Van Ostaeyen made a wild discovery", S0, "ellipsis from a headline into the body")
F(e, "Our API differs from textbook heap algorithms as follows: ... Our heappop() method returns the smallest item, not the largest.", "heapq", "ellipsis across paragraphs (over a list item)")
F(e, "Many of them ended up on TamTam ... A crackdown by security services began in late November.", S0, "parts out of order")
F(e, "By Saturday afternoon Telegram was a ghost town for Islamic extremists on TamTam, a Russian messaging app.", S0, "stitched without an ellipsis")
F(e, "Isil had used encrypted messaging app Telegram, but jihadists have begun opening up accounts on Google Play", S3, "stitched tail")
F(e, "For the time being, for as far as we know, IS is \u2026 present on the internet anymore", S3, "AMBIGUOUS: the ellipsis omits exactly 'not' and reverses the meaning")
F(e, "said the official, who as a police officer \u2026 be named in the media", S0, "AMBIGUOUS: the ellipsis omits exactly 'cannot'")
F(e, "Nearly \u2026 26,000 items, including videos, publications", S3, "AMBIGUOUS: the ellipsis turns 'over 26,000' into 'nearly 26,000'")
F(e, "Islamic State followers have migrated to a new messaging service \u2026 jihadists have begun opening up accounts on relatively unknown service TamTam.", S3, "ellipsis across paragraphs")
F(e, "It linked to a discussion group on TamTam \u2026 But a single tweet from an anonymous ISIS supporter gave him something", S0, "parts out of order within a paragraph")
F(e, "\u201cI noticed an ISIS account linking to TamTam. So we decided to have a look.\u201d", S2, "stands in 000; the cited 002 is truncated before it")
F(e, "The free chat and video call messaging app is available on both Google Play and the App Store.", S4, "stands in 003; 004 words it differently")
F(e, "I was following around 50 groups", S1, "stands in 000; 001 translates it differently")
F(e, "Telegram had only two active groups ... Now [only] two [are] left.", S0, "ellipsis across paragraphs")
F(e, "chmod -R no longer exits with error status when encountering symlinks. ... cp no longer creates B with a too-generous SELinux security context", "coreutils", "ellipsis across paragraphs (separate NEWS items)")

# ---------------------------------------------------------------- must fail: too short
t = "too short"
F(t, "Telegram", S0, "one word")
F(t, "ghost town", S0, "two words")
F(t, "TamTam\u2019s licence", S3, "two words")
F(t, "a wild discovery", S0, "three words")
F(t, "It linked to", S0, "three words, 12 characters")
F(t, "0-based indexing", "heapq", "two words")
F(t, "9.1 (2022-04-15)", "coreutils", "two tokens")
F(t, "TamTam messenger", S4, "two words")
F(t, "Of course.", S0, "two words")
F(t, "Victory!", S1, "one word")


# ================================================================ batch 2 (labelled before running the matcher on it;
# written after the first run of the batch above, to probe its neighbourhood: compounds cut at a hyphen,
# missing spaces, counts around an ellipsis, brackets that change meaning, real-word typos)
H = "compound cut at a hyphen"
F(H, "Telegram operation was started just a few days before the London attack", S0, "quote starts inside 'anti-Telegram': drops 'anti-'")
F(H, "Isil media group, warned Telegram that its purge would only drive jihadists underground", S3, "quote starts inside 'pro-Isil'")
F(H, "standard and long-obsolete \".\" separator that causes problems on platforms", "coreutils", "quote starts inside 'nonstandard'")
F(H, "owned WhatsApp has faced similar requests from the Indian government", S4, "quote starts inside 'Facebook-owned'")
F(H, "existing elements are considered to be infinite.  The interesting property of a heap", "heapq", "quote starts inside 'non-existing', longer")
F(H, "linked Telegram accounts had been years in the making", S0, "AMBIGUOUS: quote starts inside 'ISIS-linked'; strict reading fails")
F(H, "informed the world about the attack on London Bridge not via Telegram chat this time, but on a little", S4, "AMBIGUOUS: quote ends inside 'little-known'; strict reading fails")

M2 = "missing space after punctuation"
P(M2, "By Saturday afternoon Telegram was a ghost town for Islamic extremists.But a single tweet from an anonymous ISIS supporter", S0, "no space after a full stop")
P(M2, "a private messaging application but also has a \"channels\" function like Telegram,which allows users to broadcast", S3, "no space after a comma")
P(M2, "With his knife,he injured several people, two of whom died.", S1, "no space after a comma")
P(M2, "Readers and writers support a dialect argument,which is a convenient handle on a group of settings.", "csv", "no space after a comma across the source's line break")
P(M2, "It is ironic that this particular messenger, owned by Mail.Ru Group, was positioned in April 2018", S1, "a name with its own dot (control: Mail.Ru)")
P(M2, "extremism and terrorism.Every user can help us to clear up the platform,as one can report any chat or channel", S3, "two missing spaces")

K = "counts around an ellipsis"
F(K, "where two \u2026 were killed", S0, "AMBIGUOUS: the ellipsis leaves out 'victims and the attacker': two killed for three")
F(K, "I woke up with \u2026 100 ISIS channels", S3, "the ellipsis swaps 1,200 (messages) for 100 (channels)")
F(K, "Multiple researchers noted that on Friday \u2026 a handful of previously secure extremist chat groups had re-formed", S0, "AMBIGUOUS: the ellipsis drops 'and Saturday' from a pair of days")
F(K, "16 MB on Android phones and about \u2026 iPhone users", S4, "the ellipsis hides '60 MB for'")
F(K, "Nearly 5,000 accounts and over \u2026 were shut down", S3, "AMBIGUOUS: 'over' left without its number")
P(L, "Packages uploaded for unstable reach testing after ten days \u2026 and their dependencies may be met in testing", "base-files", "the omission holds 'no' inside, not at an end, and is long")
P(L, "The Islamic State claimed responsibility for the incident \u2026 by 28-year-old British citizen Usman Khan of Pakistani origin.", S4, "a count right after a long omission (control)")

X2 = "brackets that change meaning"
F(X2, "For the time being, for as far as we know, IS is [still] present on the internet", S3, "bracket replaces 'not' with 'still'")
F(X2, "TamTam has [not] begun a smaller purge on some of the accounts", S3, "bracket inserts a negation")
F(X2, "where [three] victims and the attacker were killed", S0, "bracket replaces a number")
F(X2, "It came on TamTam [three] minutes before any announcement", S0, "bracket replaces a number word")
F(X2, "[Telegram] acts as a private messaging application but also has a", S3, "bracket replaces the name TamTam with another name")
F(X2, "It came on TamTam [2] minutes before any announcement", S0, "AMBIGUOUS: bracket writes the same number as a digit; strict reading fails")

R2 = "real-word typos and misspelled names"
F(R2, "ISIS sympathisers all but disappeared form the messaging app Telegram.", S0, "from -> form: a real word, per README never a slip")
F(R2, "By Saturday afternoon Telegarm was a ghost town for Islamic extremists.", S0, "misspelled name")
F(R2, "Belgian terrorism researcher Peiter Van Ostaeyen", S0, "misspelled first name")
F(R2, "to show the public that this stuff will not be tolerated", S0, "AMBIGUOUS: won't expanded to will not; strict reading fails")
F(R2, "Every user can help us to clear up the platform, as one can report any chat or channel and our support team will promptly respond.", S0, "stands in 003, cited to 000")
P(S, "terrorism researchers combed chat groups popular with ISIS supporters on teh messaging app", S0, "teh: not a word")
P(S, "Nearly 5,000 acounts and over 26,000 items", S3, "slip next to numbers")
P(S, "its claim to function 'even when there's a slow Internet connection'", S4, "single quotes for the inner double quotes")

# ---------------------------------------------------------------- the runner
def evaluate(texts: dict[str, str]) -> list[dict]:
    from rapidfuzz import fuzz

    from checker.match import Document, MatchOptions, locate

    documents = {name: Document.from_text(text, name) for name, text in texts.items()}
    rows = []
    for number, (category, expect, quote, source, why) in enumerate(CASES, 1):
        if source not in texts:
            continue
        match = locate(quote, documents[source], MatchOptions(), selector=None)
        naive = fuzz.partial_ratio(quote, texts[source]) >= 90
        message = "; ".join(match.differences) or (match.diff if not match.ok else "")
        rows.append(dict(number=number, category=category, expect=expect, quote=quote, source=source, why=why,
                         got=PASS if match.ok else FAIL, status=match.status, message=message,
                         matched=match.matched, naive=PASS if naive else FAIL))
    return rows


def table(rows: list[dict]) -> str:
    order = list(dict.fromkeys(row["category"] for row in rows))
    lines = [
        "| expect | category | cases | ours % | ours wrong PASS | ours wrong FAIL | naive % | naive wrong PASS | naive wrong FAIL |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]

    def line(label: str, group: str, items: list[dict]) -> str:
        n = len(items)
        ok = sum(r["got"] == r["expect"] for r in items)
        nv = sum(r["naive"] == r["expect"] for r in items)
        wp = sum(r["got"] == PASS and r["expect"] == FAIL for r in items)
        wf = sum(r["got"] == FAIL and r["expect"] == PASS for r in items)
        nwp = sum(r["naive"] == PASS and r["expect"] == FAIL for r in items)
        nwf = sum(r["naive"] == FAIL and r["expect"] == PASS for r in items)
        return f"| {group} | {label} | {n} | {100 * ok / n:.1f} | {wp} | {wf} | {100 * nv / n:.1f} | {nwp} | {nwf} |"

    for group in (PASS, FAIL):
        for category in order:
            items = [r for r in rows if r["category"] == category]
            if items[0]["expect"] == group:
                lines.append(line(category, f"must-{group}", items))
    lines.append(line("all categories", "all", rows))
    return "\n".join(lines)


NOTES = """## How the set was run

- Batch 1 (cases #1-#397) was labelled and committed before the matcher first ran on it. First run:
  388/397 right (97.7%), 3 wrong PASS, 6 wrong FAIL; naive 47.4%.
- Batch 2 (#398-#431) was written after that run, aimed at the neighbourhood of its failures (hyphenated
  compounds, missing spaces, counts next to an ellipsis, brackets that change meaning), and committed before
  the matcher ran on it: 18/34 right on its first run. It is a probe, not a blind sample.
- No label was changed after a result was seen. Labelling caveats, kept as committed: #42, #88 and #145 are
  `AMBIGUOUS` cases labelled *pass*, against the rule to label an ambiguous case by its strict reading
  (strictly they are fails: markup dropped, thousands separators dropped, an apostrophe dropped that turns a
  possessive into a plural), so the matcher's FAIL on them is defensible. #394 (`9.1 (2022-04-15)`, too short)
  is debatable: it is four tokens to the matcher and 16 characters, just over both minimums.
- After that run the matcher was corrected (commit after a84ed6c): quotes beginning or ending inside a
  hyphenated compound, an ellipsis joining the words around a number to another, too-short counted in words
  as written, a space lost after punctuation, an editor correcting the source's own misspelling. The table
  above is after those fixes, so only the first-run numbers are held-out measures."""


def report(rows: list[dict], missing: list[str]) -> str:
    wrong = [r for r in rows if r["got"] != r["expect"]]
    out = [
        "# Third held-out set: results",
        "",
        "Produced by `python bench/quotes/run.py --heldout3` (deterministic). The cases in `heldout3.py` were",
        "written and labelled by an independent tester and committed before the matcher was run on them.",
        "Sources: the five seeds; stdlib docstrings of argparse, csv, heapq, unittest, collections, itertools;",
        "/usr/share/doc/base-files/README; the 9.1 section of /usr/share/doc/coreutils/NEWS.gz; the METADATA",
        "long descriptions of pyspellchecker 0.9.1 and rapidfuzz 3.14.6. Naive: `rapidfuzz.fuzz.partial_ratio(quote, source) >= 90`.",
        "A wrong PASS is a quote that should fail but passed (dangerous); a wrong FAIL is a good quote refused.",
        "",
        table(rows),
        "",
    ]
    if missing:
        out += ["Sources missing on this machine (their cases left out): " + ", ".join(missing), ""]
    out += [NOTES, ""]
    for title, kind in (("Wrong PASS (should fail, passed)", (FAIL, PASS)), ("Wrong FAIL (should pass, failed)", (PASS, FAIL))):
        items = [r for r in wrong if (r["expect"], r["got"]) == kind]
        out += [f"## {title}: {len(items)}", ""]
        for r in items:
            out.append(f"- #{r['number']} **{r['category']}** ({r['source']}): quote `{r['quote']!r}`")
            out.append(f"  - why: {r['why']}")
            out.append(f"  - expected {r['expect']}, got {r['got']} (status `{r['status']}`); matched `{r['matched'][:200]!r}`")
            out.append(f"  - matcher: {r['message'][:400] or '(no message)'}")
        out.append("")
    return "\n".join(out)


def main() -> int:
    texts, missing = load_sources()
    rows = evaluate(texts)
    print(table(rows))
    print()
    wrong = [r for r in rows if r["got"] != r["expect"]]
    print(f"{len(rows)} cases, {len(wrong)} misclassified; HELDOUT3.md written")
    if missing:
        print("sources missing on this machine (left out):", ", ".join(missing))
    (HERE / "HELDOUT3.md").write_text(report(rows, missing), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    sys.exit(main())
