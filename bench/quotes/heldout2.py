"""A second hand-written held-out set for the quote matcher, written independently of generate.py and heldout.py.

    python bench/quotes/run.py --heldout2     # prints the table, writes bench/quotes/HELDOUT2.md

Every case is (category, expected pass/fail, source, quote, why). Labels follow issue 3's semantics; batch 1 (357
cases) was labelled and committed before the matcher was first run on it, batches 2 (63) and 3 (36) each before the
matcher was run on them, and no label was changed after a run. Where the issue does not settle a case the why starts with
`AMBIGUOUS:` and the label is the strict reading. Sources: the five seed articles, docstrings of stdlib modules
(heapq, timeit, statistics, functools.lru_cache, textwrap.TextWrapper, random, fractions.Fraction), Debian's
bzip2 copyright file and the sortedcontainers METADATA (a hypothesis dependency). A source that is missing on the
machine is left out, with its cases, and named in the output. Deterministic: no randomness, fixed order.
"""
from __future__ import annotations

import inspect
import sys
from dataclasses import dataclass, replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
PASS, FAIL = "pass", "fail"

SEEDS = {
    "000": "000_12e6b7cc27e0264f.txt",
    "001": "001_2afa2717bd8a4cc8.txt",
    "002": "002_e6b1a6874fc6dd1e.txt",
    "003": "003_1288ced4304eb56c.txt",
    "004": "004_3c3116bf203ab6e7.txt",
}
BZIP2 = Path("/usr/share/doc/bzip2/copyright")


def _docstring(dotted: str) -> str:
    module, _, attr = dotted.partition(":")
    obj = __import__(module)
    for part in filter(None, attr.split(".")):
        obj = getattr(obj, part)
    return inspect.getdoc(obj) + "\n"


def _metadata(dist: str) -> str | None:
    from importlib import metadata

    try:
        return metadata.distribution(dist).read_text("METADATA")
    except metadata.PackageNotFoundError:
        return None


def load_sources() -> tuple[dict[str, str], list[str]]:
    """Source key -> text, and the keys that are missing on this machine."""
    texts: dict[str, str] = {}
    for key, name in SEEDS.items():
        texts[key] = (REPO / "seeds" / name).read_bytes().decode("utf-8-sig")
    for key, dotted in (
        ("heapq", "heapq"),
        ("timeit", "timeit"),
        ("statistics", "statistics"),
        ("lru_cache", "functools:lru_cache"),
        ("textwrap", "textwrap:TextWrapper"),
        ("random", "random"),
        ("fraction", "fractions:Fraction.__new__"),
    ):
        texts[key] = _docstring(dotted)
    missing = []
    if BZIP2.is_file():
        texts["bzip2-copyright"] = BZIP2.read_text(encoding="utf-8")
    else:
        missing.append(str(BZIP2))
    meta = _metadata("sortedcontainers")
    if meta is not None:
        texts["sortedcontainers"] = meta
    else:
        missing.append("sortedcontainers METADATA")
    return texts, missing


@dataclass(frozen=True)
class Case:
    category: str
    expect: str
    source: str
    quote: str
    why: str
    found_in: str = ""  # wrong source: where the quote really stands
    strict: bool = False
    too_short: bool = False  # must fail with status too-short


def P(category, source, quote, why, **kw):
    return Case(category, PASS, source, quote, why, **kw)


def F(category, source, quote, why, **kw):
    return Case(category, FAIL, source, quote, why, **kw)


NB, THIN, ZW, SHY = "\u00a0", "\u2009", "\u200b", "\u00ad"

CASES = [
    # ---------------------------------------------------------------- verbatim spans: length and position
    P("verbatim", "000", "But then the groups began to disappear.", "last sentence of a paragraph, with its full stop"),
    P("verbatim", "000", "In the wake of Friday’s terror attack near London Bridge", "first words of a paragraph"),
    P("verbatim", "000", "Some suspect those groups are traps for unsophisticated supporters.", "last sentence of a paragraph"),
    P("verbatim", "000", "A crackdown by security services began in late November.", "a bullet line, without its bullet"),
    P("verbatim", "000", "Belgian terrorism researcher Pieter Van Ostaeyen, who specializes in tracking foreign fighters who have joined ISIS, saw the 50 or so groups he had infiltrated go dark starting on Friday evening after the London attack. By Saturday afternoon Telegram was a ghost town for Islamic extremists. But a single tweet from an anonymous ISIS supporter gave him something to work with: It linked to a discussion group on TamTam, a much less well-known application developed by a Russian social media network.", "a full long paragraph"),
    P("verbatim", "000", "“It came on TamTam two minutes before any announcement on the handful of Telegram channels that were still up,” he said.", "a full paragraph of quoted speech with its attribution"),
    P("verbatim", "000", "“I was following around 50 groups [before the crackdown],” he said.", "the source's own square brackets, copied"),
    P("verbatim", "000", "“[They were] highly useful to keep an eye on ISIS. Now [only] two [are] left.”", "the source's own brackets at the very end of the article's speech"),
    P("verbatim", "000", "ISIS’s claim of responsibility for the London Bridge attack came first on TamTam", "a verbatim prefix of a headline (truncation at the end is no omission)"),
    P("verbatim", "001", "Scotland Yard acknowledged the incident as a terrorist attack.", "last sentence of a paragraph"),
    P("verbatim", "001", "I followed about 50 groups (before overclocking). (This) was extremely useful to keep an eye on ISIS.", "parentheses in the source"),
    P("verbatim", "001", "– Michael Krona (@GlobalMedia_) December 2, 2019", "a tweet attribution: handle, date"),
    P("verbatim", "001", "And here we are, #IS booted off of Tam Tam less than 24 hours later.", "hashtags and a time span"),
    P("verbatim", "001", "experimented with platforms such as Facebook, Twitter, rocket.chat, Baaz, TikTok, Threema, and even Google+.", "a list with code-ish names"),
    P("verbatim", "003", "Nearly 5,000 accounts and over 26,000 items, including videos, publications, social media accounts and communication channels deemed to be terrorist propaganda, were shut down.", "numbers with thousands separators"),
    P("verbatim", "003", "5,000 accounts and over 26,000 items", "a span starting mid-sentence (the quote does not claim 'nearly' is absent)"),
    P("verbatim", "003", "It was launched in 2017 and operates through a Russian social networking platform called Odnoklassniki", "a year and a name"),
    P("verbatim", "004", "its small size — 16 MB on Android phones and about 60 MB for iPhone users — and its claim", "numbers with units and em dashes"),
    P("verbatim", "004", "The Islamic State claimed responsibility for the incident where two people were stabbed to death and three others injured by 28-year-old British citizen Usman Khan of Pakistani origin.", "a full sentence with number words and a hyphenated age"),
    P("verbatim", "heapq", "Heaps are arrays for which a[k] <= a[2*k+1] and a[k] <= a[2*k+2] for", "code-ish brackets that are the source's own, up to a line end"),
    P("verbatim", "heapq", "Our heappop() method returns the smallest item, not the largest.", "a full list item"),
    P("verbatim", "timeit", "-r/--repeat N: how many times to repeat the timer (default 5)", "an option line"),
    P("verbatim", "timeit", "increasing numbers from the sequence 1, 2, 5, 10, 20, 50, ... until the", "the source's own literal ellipsis in a number sequence"),
    P("verbatim", "statistics", "This should be interpreted in this way: you have two data points in the class", "first line of a paragraph"),
    P("verbatim", "lru_cache", "For example, f(3.0) and f(3) will be treated as distinct calls with", "calls with decimals"),
    P("verbatim", "fraction", "Takes a string like '3/2' or '1.5', another Rational instance, a", "fractions and decimals in straight quotes"),
    P("verbatim", "random", "The period is 2**19937-1.", "a short code-ish number (4 words)"),
    P("verbatim", "bzip2-copyright", "1. Redistributions of source code must retain the above copyright", "a numbered clause"),
    P("verbatim", "sortedcontainers", "It's also 66% less overhead than a typical binary tree implementation", "a percentage"),
    P("verbatim", "sortedcontainers", "Performance is a feature and testing has 100% coverage with unit tests and hours of stress.", "last sentence of a paragraph"),
    # ---------------------------------------------------------------- typography
    P("typography", "000", "Visit Insider's homepage for more stories.", "straight apostrophe for curly"),
    P("typography", "000", "Visit Insider\u2032s homepage for more stories.", "a prime for the apostrophe"),
    P("typography", "000", "\"They probably had already set up TamTam\" in case of being shut down by Telegram, he said", "straight double quotes for curly"),
    P("typography", "000", "«They probably had already set up TamTam» in case of being shut down by Telegram", "guillemets for curly quotes"),
    P("typography", "000", "The web- and app-based chat groups are the last stable area in which the group can work openly - even if only in a virtual sense.", "hyphen for an em dash"),
    P("typography", "000", "the group can work openly – even if only in a virtual sense", "en dash for an em dash"),
    P("typography", "000", "the group can work openly -- even if only in a virtual sense", "AMBIGUOUS: a double hyphen for an em dash (a dash difference)"),
    P("typography", "000", "the group can work openly—even if only in a virtual sense", "AMBIGUOUS: em dash without its spaces (white space difference)"),
    P("typography", "000", "a much less well\u2011known application developed by a Russian social media network", "non-breaking hyphen"),
    P("typography", "000", f"scores of groups with{NB}thousands of subscribers had been booted off Telegram", "a no-break space"),
    P("typography", "000", f"scores of groups with thousands{THIN}of subscribers had been booted off Telegram", "a thin space"),
    P("typography", "000", "scores of groups with\tthousands of subscribers   had been booted off Telegram", "a tab and a run of spaces"),
    P("typography", "000", "scores of groups with thousands of subscribers had been booted off\r\nTelegram as part of a major crackdown", "a CRLF line break inside the quote"),
    P("typography", "000", f"ISIS sympathisers all but disappeared from the mes{SHY}saging app Telegram", "a soft hyphen inside a word"),
    P("typography", "000", f"ISIS sympathisers all but dis{ZW}appeared from the messaging app Telegram", "a zero-width space inside a word"),
    P("typography", "000", "ISIS sympathisers all but disappeared from the messag-\ning app Telegram", "a word hyphenated across a line break in the quote"),
    P("typography", "000", "who specializes in tracking foreign \ufb01ghters who have joined ISIS", "an fi ligature (compatibility form)"),
    P("typography", "000", "ISIS’s claim of responsibility for the London Bridge attack came \ufb01rst on TamTam, not Telegram", "an fi ligature in a headline"),
    P("typography", "000", "following the London Bridge terror attack on Friday, ISIS sympathisers", "lower-cased first letter"),
    P("typography", "003", "TamTam acts as a private messaging application but also has a “channels” function like Telegram", "curly quotes for the source's straight ones"),
    P("typography", "003", "TamTam acts as a private messaging application but also has a ‘channels’ function like Telegram", "AMBIGUOUS: single curly quotes for straight double ones (a quote-mark difference)"),
    P("typography", "003", "“For the time being, for as far as we know, IS is not present on the internet anymore and we will see how fast, if ever, they will regain service,”", "quoted speech with curly quotes for straight"),
    P("typography", "003", "Mr Amarasingam warned that an attempt to drive Isil followers offline could make it harder for governments to monitor their activities.", "verbatim, trailing space in source after another paragraph"),
    P("typography", "004", "TamTam isn't only because it's a new app", "straight apostrophes for curly ones"),
    P("typography", "heapq", "Heaps are arrays for which a[k] <= a[2*k+1] and a[k] <= a[2*k+2] for all k, counting elements from 0.", "quote runs across the source's line break"),
    P("typography", "heapq", "For the sake of comparison, non-existing elements are considered to be infinite.", "across a line break, double space before in source"),
    P("typography", "timeit", "See also Tim Peters’ introduction to the Algorithms chapter in the Python Cookbook, published by O’Reilly.", "curly apostrophes for straight, across a line break"),
    P("typography", "bzip2-copyright", "2. The origin of this software must not be misrepresented; you must not claim that you wrote the original software.", "across an indented line break"),
    P("typography", "bzip2-copyright", "THIS SOFTWARE IS PROVIDED BY THE AUTHOR “AS IS” AND ANY EXPRESS OR IMPLIED WARRANTIES", "AMBIGUOUS: curly quotes for TeX-style `` ''"),
    P("typography", "bzip2-copyright", "Copyright: 1996–2010 Julian R Seward", "en dash in a year range"),
    P("typography", "sortedcontainers", "It’s also 66% less overhead than a typical binary tree implementation (e.g. Red–Black Tree, AVL-Tree, AA-Tree, Splay-Tree, Treap, etc.)", "curly apostrophe, en dash for hyphen, across a line break"),
    P("typography", "textwrap", "Off by default because the algorithm is (unavoidably) imperfect.", "across a line break, parentheses"),
    P("typography", "statistics", "calculated the mean, you can pass it as the optional second argument to the four “spread” functions", "curly quotes for straight, across a line break"),
    P("typography", "random", "uniform triangular normal (Gaussian) lognormal negative exponential", "a list on separate indented lines quoted with single spaces"),
    P("typography", "bzip2-copyright", "2012-2015 Santiago Ruano Rinco\u0301n", "decomposed accent (NFD) for composed"),
    P("typography", "001", "Members of the \"Islamic State\" (an organization banned in the territory of the Russian Federation)", "straight quotes in a parenthesised aside"),
    # ---------------------------------------------------------------- elisions
    P("elision", "000", "Belgian terrorism researcher Pieter Van Ostaeyen ... saw the 50 or so groups he had infiltrated go dark", "spaced three dots replacing a relative clause"),
    P("elision", "000", "Belgian terrorism researcher Pieter Van Ostaeyen … saw the 50 or so groups he had infiltrated go dark", "a single ellipsis character"),
    P("elision", "000", "Belgian terrorism researcher Pieter Van Ostaeyen . . . saw the 50 or so groups he had infiltrated go dark", "spaced dots . . ."),
    P("elision", "000", "Belgian terrorism researcher Pieter Van Ostaeyen [...] saw the 50 or so groups he had infiltrated go dark", "bracketed [...]"),
    P("elision", "000", "Belgian terrorism researcher Pieter Van Ostaeyen […] saw the 50 or so groups he had infiltrated go dark", "bracketed ellipsis character"),
    P("elision", "000", "Belgian terrorism researcher Pieter Van Ostaeyen...saw the 50 or so groups he had infiltrated go dark", "AMBIGUOUS: ellipsis without surrounding spaces"),
    P("elision", "000", "... the groups began to disappear.", "leading ellipsis, 5 words"),
    P("elision", "000", "A single tweet from an anonymous ISIS supporter gave him something to work with ...", "AMBIGUOUS: trailing ellipsis and capitalised first letter ('a single' in source)"),
    P("elision", "000", "“I mean it was the most obvious honey pot ever,” said one researcher ... “All the groups go down and the chat room moderators move everyone to TamTam.”", "ellipsis across a long gap in one paragraph, speech marks on both parts"),
    P("elision", "000", "It was clearly a planned coordinated effort ... but there’s still a couple of groups on Telegram asking people to subscribe.", "ellipsis inside one sentence"),
    P("elision", "000", "All the groups go down ... It was clearly a planned coordinated effort ... I sensed it was an intelligence service", "two ellipses, three parts in order"),
    P("elision", "000", "In the wake of Friday’s terror attack near London Bridge, terrorism researchers combed chat groups.... But then the groups began to disappear.", "AMBIGUOUS: four dots (full stop + ellipsis) in the newsroom style"),
    P("elision", "003", "Nearly 5,000 accounts and over 26,000 items ... were shut down.", "ellipsis hiding a list, numbers kept"),
    P("elision", "003", "A spokesman for TamTam said: “We are strongly against the presence of any sort of content by terrorist organisations on our platform. ... Every user can help us to clear up the platform", "ellipsis replacing a whole sentence in quoted speech"),
    P("elision", "004", "The creator of TamTam is a Russian Internet company called Mail.Ru Group ... It became available for downloads some time in early 2017.", "ellipsis over most of a paragraph"),
    P("elision", "heapq", "Heaps are arrays for which ... counting elements from 0.", "ellipsis over code and a line break"),
    P("typography", "heapq", "The interesting property of a heap is that a[0] is always its smallest element", "across a line break, code brackets of the source"),
    P("elision", "timeit", "If -n is not given, a suitable number of loops is calculated ... until the total time is at least 0.2 seconds.", "ellipsis over the source's literal '...'"),
    P("elision", "bzip2-copyright", "If you use this software in a product, an acknowledgment ... would be appreciated but is not required.", "ellipsis across an indented line break"),
    P("elision", "sortedcontainers", "All of the operations shown above run in faster than linear time. ... Each reference requires eight bytes in the sorted container.", "ellipsis over two sentences of one paragraph"),
    P("elision", "statistics", "you have two data points in the class interval 1.5-2.5, three data points in the class interval 2.5-3.5 ... The median of these data points is 2.8333...", "an elision plus the source's own trailing dots"),
    F("elision-bad", "000", "By Saturday afternoon scores of groups ... were working as hard as ISIS itself to get around the ban", "ellipsis across paragraphs (same paragraph by default)"),
    F("elision-bad", "000", "But then the groups began to disappear. ... In the wake of Friday’s terror attack near London Bridge", "parts out of order"),
    F("elision-bad", "000", "saw the 50 or so groups he had infiltrated go dark ... Pieter Van Ostaeyen", "parts out of order in one paragraph"),
    F("elision-bad", "heapq", "Our heappop() method returns ... the largest.", "ellipsis hiding 'the smallest item, not' reverses the meaning"),
    F("elision-bad", "000", "who as a police officer ... can be named in the media", "ellipsis hiding 'cannot' is a removed negation"),
    F("elision-bad", "000", "Belgian terrorism researcher Pieter Van Ostaeyen ... saw the 60 or so groups he had infiltrated go dark", "elided quote with a changed number"),
    F("elision-bad", "000", "Belgian terrorism researcher Pieter Van Ostaeyen ... saw the 50 or so groups he had infiltrated go dark starting on Saturday evening", "elided quote with a changed day"),
    F("elision-bad", "heapq", "Heaps are arrays for which ... counting elements from 1.", "elided quote with a changed number"),
    F("elision-bad", "000", "By Saturday afternoon Telegram was a ghost town for Islamic extremists ... Some suspect those groups are traps", "parts from different paragraphs"),
    F("elision-bad", "000", "By Saturday afternoon Telegram was a ghost town ... Nearly 5,000 accounts and over 26,000 items", "second part from another source"),
    F("elision-bad", "heapq", "Heaps are arrays ... Our heappop() method returns the smallest item", "parts from different paragraphs of a docstring"),
    F("elision-bad", "000", "saw the ... groups he had infiltrated go dark starting on Friday evening", "AMBIGUOUS: ellipsis hiding the count '50 or so' (a number removed)"),
    F("elision-bad", "timeit", "Execution time of this setup statement is ... timed.", "ellipsis hiding NOT"),
    F("elision-bad", "bzip2-copyright", "an acknowledgment in the product documentation would be appreciated but is ... required.", "ellipsis hiding 'not'"),
    F("elision-bad", "001", "Last Saturday, November 30, ... Usman Khan attacked people at the Fishmongers Hall in Paris.", "elided quote with a changed place"),
    # ---------------------------------------------------------------- brackets
    P("brackets", "000", "[T]hey probably had already set up TamTam", "bracketed capital replacing a letter"),
    P("brackets", "000", "[T]errorism researchers were working as hard as ISIS itself to get around the ban", "bracketed capital, mid-sentence start"),
    P("brackets", "000", "[Van Ostaeyen] said, suspecting that this was a prepared move.", "bracketed name replacing 'he'"),
    P("brackets", "004", "[ISIS] claimed responsibility for London Bridge attack by Usman Khan of Pakistani origin", "bracketed acronym replacing 'the Islamic State'"),
    P("brackets", "004", "[TamTam] became available for downloads some time in early 2017.", "bracket replacing 'It'"),
    P("brackets", "004", "the authorities there [in Iran] blocked the app in April 2018 without giving any reason", "bracketed insertion matching nothing"),
    P("brackets", "001", "As Peter Van Ostyen [sic] found out, “dozens of groups with thousands of members” fell silent on Friday night.", "[sic] after the source's own misspelling"),
    P("brackets", "000", "The crackdown on ISIS-linked Telegram accounts had been years in the making, a Belgian police official closely involved in the Europol-led effort told [Business] Insider.", "bracketed clarification inserted"),
    P("brackets", "003", "“A week after [Van Der Sypt's] announcement, I woke up with 1,200 messages on TamTam from almost 100 ISIS channels,” he said.", "bracket replacing 'his' with a name"),
    P("brackets", "heapq", "[heappop() returns] the smallest item, not the largest.", "AMBIGUOUS: bracket replacing 'Our heappop() method returns' (29 chars)"),
    P("brackets", "000", "[they were] keen to suppress the groups online", "AMBIGUOUS: bracket replacing 'authorities are'; lower-case bracket at start"),
    F("brackets-bad", "000", "It was [not] a coincidence that the anti-Telegram operation was started just a few days before the London attack", "AMBIGUOUS: a bracketed negation inserted reverses the meaning"),
    F("brackets-bad", "003", "[Exactly 6,000] accounts and over 26,000 items", "bracket replacing 'Nearly 5,000' with another number"),
    F("brackets-bad", "003", "Amarnath Amarasingam, a research fellow at the Institute for Strategic Dialogue, cautioned that it would [now] be easy to root out the group", "bracket replacing 'not'"),
    F("brackets-bad", "000", "as part of a [minor] crackdown that began on Nov 25", "AMBIGUOUS: bracket replacing 'major' with its opposite"),
    F("brackets-bad", "000", "Pieter Van Ostaeyen [the researcher] saw the 50 or so groups", "AMBIGUOUS: bracket standing for 64 characters of source ('who specializes ... ISIS,'), over the bound"),
    F("brackets-bad", "003", "[Hundreds of] accounts and over 26,000 items", "AMBIGUOUS: bracket hiding the quantifier 'Nearly 5,000'"),
    F("brackets-bad", "000", "[They] probably had already set up TamTam in case of being shut down by Telegram, he said, suspecting that this was a random move.", "bracket fine, but 'prepared' became 'random'"),
    # ---------------------------------------------------------------- transcription slips (fuzzy, must pass)
    P("slip", "000", "ISIS sympathisers all but dissappeared from the messaging app Telegram", "letter doubled in a long word"),
    P("slip", "000", "terrorism reserachers combed chat groups popular with ISIS supporters", "letters swapped"),
    P("slip", "000", "saw the 50 or so groups he had infiltrsted go dark starting on Friday evening", "letter mistyped (adjacent key)"),
    P("slip", "000", "Using that lead, Van Ostaeyen made a wild discovry: Most of the groups he followed", "letter dropped"),
    P("slip", "000", "By Saturday afternoon Telegram was a ghost twon for Islamic extremists.", "swap in a 4-letter word"),
    P("slip", "000", "But a single tweet from an anonymous ISIS supporter gave hmi something to work with", "swap in a 3-letter word"),
    P("slip", "000", "the most obvious honey pot ever,” said one researcher, who asked not to be named mocking Western inteligence services", "letter dropped, long quote"),
    P("slip", "000", "The migration to TamTam seems likely to be short-lived. On Monday night, in response to multiple questions from journalists and analysts about the TamTam’s sudden burst of popularity among extremist groups, TamTam also begann blocking groups.", "one doubled letter in a 240-character paragraph"),
    P("slip", "003", "Islamic State followers have migrated to a new messaging service following a purge on their preferred platfroms", "swap in a long word"),
    P("slip", "003", "cautioned that it would not be easy to root out teh group for online platforms", "swap in 'the'"),
    P("slip", "003", "The free chat and video call messaging app is availble on both Google Play and the App Store.", "letter dropped"),
    P("slip", "004", "Its uniquenes lies in the fact that it can be operated even in low network areas.", "final letter dropped"),
    P("slip", "004", "Media reports last year had cited Russian authorities cracking down on Telegram, telling Internet service providers to block the messenger aplication.", "letter dropped"),
    P("verbatim", "heapq", "This makes the relationship between the index for a node and the indexes for its children slightly less obvious", "control: verbatim across line break"),
    P("slip", "heapq", "but is more suitable since Python uses 0-based indexnig.", "swap at word end"),
    P("slip", "timeit", "This module avoids a number of common traps for measuring execution tmies.", "swap across line break"),
    P("slip", "bzip2-copyright", "Altered source versions must be plainly markd as such", "letter dropped"),
    P("slip", "sortedcontainers", "Many will attest that you can get really far without one, but the momment you", "letter doubled"),
    P("slip", "000", "After the loss of ISIS’ physical territory in Syria and Iraq, authorities are keen to supress the groups online", "doubled letter written once"),
    P("slip", "001", "With his knife, he injured several peopel, two of whom died.", "swap in a short quote (one slip in ~60 chars)"),
    P("slip", "003", "Quraysh, a pro-Isil media group, warned Telegram that its purge would only drive jihadists undergruond where the authorities could not see what they were doing.", "swap in a long quote"),
    P("slip", "000", "A single tweet pointed the way to ISIS’s new onlien home", "swap in a heading"),
    P("slip", "003", "There is also an active debate happening in supporter networks about the pros and cons of all these platfomrs", "swap"),
    P("slip", "000", "terrorism researchers combed chat groups popular with ISIS supporters on the messaging app Telegram lookng for clues about the attack. But then the groups began to dissapear.", "two slips in a 170-character quote (within two per hundred)"),
    P("slip", "000", "As of Tuesday afternoon, according to Van Ostaeyen, all the groups had disappeared from TamTam while Telegram had only two actve groups.", "AMBIGUOUS: a slip in a word right next to a number"),
    P("verbatim", "000", "Multiple researchers noted that on Friday and Saturday a handful of previously secure extremist chat groups had re-formed despite the ban", "control: verbatim"),
    P("verbatim", "000", "a Belgian police official closely involved in the Europol-led effort told Insider", "control: verbatim hyphenated name compound"),
    F("slip-too-many", "000", "scores of gruops with thousnads of subscirbers", "three slips in 45 characters"),
    F("slip-too-many", "000", "the grops began to dissapear", "two slips in a 28-character quote"),
    F("slip-too-many", "heapq", "Our hepapop() mehtod retruns the smallest item", "three slips in 46 characters"),
    F("slip-strict", "000", "ISIS sympathisers all but dissappeared from the messaging app Telegram", "a slip under strict mode fails", strict=True),
    F("slip-strict", "003", "The free chat and video call messaging app is availble on both Google Play and the App Store.", "a slip under strict mode fails", strict=True),
    F("slip-not-ordinary", "000", "Belgian terrorism researcher Pieter Van Ostayen, who specializes in tracking foreign fighters", "a misspelled surname (dropped letter) is a changed name"),
    F("slip-not-ordinary", "000", "“They probably had already set up TamTm” in case of being shut down by Telegram", "a misspelled app name"),
    F("slip-not-ordinary", "004", "attack by 28-year-old British citizen Usman Kahn of Pakistani origin", "swapped letters in a surname"),
    F("slip-not-ordinary", "003", "Amarnath Amarasinghan, a research fellow at the Institute for Strategic Dialogue", "a mistyped surname"),
    F("slip-not-ordinary", "000", "a Belgian police official closely involved in the Europl-led effort told Insider", "a misspelled agency name"),
    F("slip-not-ordinary", "000", "saw the 50 or so groups he had infiltrated go dark starting on Firday evening after the London attack", "AMBIGUOUS: a misspelled weekday (a proper name)"),
    F("slip-not-ordinary", "heapq", "heapush(heap, item) # pushes a new item on the heap", "AMBIGUOUS: a code identifier misspelled is not an ordinary word"),
    F("slip-not-ordinary", "bzip2-copyright", "WARRANTIES OF MERCHANTIBILITY AND FITNESS FOR A PARTICULAR PURPOSE", "AMBIGUOUS: slip in an upper-case word (brief: slips only in lower-case words)"),
    F("slip-not-ordinary", "000", "Mutliple researchers noted that on Friday and Saturday a handful of previously secure extremist chat groups", "AMBIGUOUS: slip in a capitalised word (brief: lower-case words only)"),
    F("slip-not-ordinary", "random", "The period is 2**19973-1.", "swapped digits in a number"),
    F("slip-real-word", "003", "Islamic State followers have migrated to a new messaging service following a purge form their preferred platforms", "'on' replaced by the real word 'form'"),
    F("slip-real-word", "000", "By Saturday afternoon scores of groups with thousands of subscribers had been booted off Telegram as part of a major crackdown that began from Nov 25", "'on' replaced by the real word 'from'"),
    F("slip-real-word", "000", "Using that lead, Van Ostaeyen made a mild discovery", "'wild' -> 'mild', one letter, a different word"),
    F("slip-real-word", "000", "But then the groups begin to disappear.", "'began' -> 'begin', a tense change one letter away"),
    F("slip-real-word", "003", "Mr Amarasingam warned that an attempt to drive Isil followers offline could make it harder for governments to monitor there activities.", "AMBIGUOUS: 'their' -> 'there', a homophone that is a different word"),
    F("slip-real-word", "000", "But even as prosectors and police officials in Europe claimed it as a major victory", "AMBIGUOUS: 'prosecutors' -> 'prosectors', a dropped letter that makes another real word"),
    F("slip-real-word", "000", "The formality of the switchover was highlighted by a claim of responsibility by ISIS for the London attack, where two victims and the attacker were filled", "'killed' -> 'filled'"),
    F("slip-real-word", "004", "The messenger app’s popularity is still limited, even through it had claimed a rise in user base after Russia began to block Telegram.", "'though' -> 'through', one letter added, a different word"),
    F("slip-real-word", "000", "the last stable area in which the group can walk openly", "'work' -> 'walk', a different word"),
    F("slip-real-word", "heapq", "Our heappop() method returns the smallest item, now the largest.", "'not' -> 'now', one letter, removes the negation"),
    F("slip-real-word", "001", "This was the result of a massive sweep of such accounts by the Telegram administration, which began in November 25.", "'on' -> 'in'"),
    F("slip-real-word", "003", "It was launched in 2017 and operates though a Russian social networking platform called Odnoklassniki", "'through' -> 'though', one letter dropped, a different word"),
    # ---------------------------------------------------------------- numbers
    F("number", "000", "saw the 40 or so groups he had infiltrated go dark", "50 -> 40"),
    F("number", "000", "a major crackdown that began on Nov 26", "25 -> 26"),
    F("number", "000", "“It came on TamTam three minutes before any announcement", "two -> three (number word)"),
    F("number", "000", "“It came on TamTam 2 minutes before any announcement on the handful of Telegram channels", "AMBIGUOUS: number word 'two' written as a digit"),
    F("number", "000", "all the groups had disappeared from TamTam while Telegram had only three active groups.", "two -> three at the end"),
    F("number", "000", "for the London attack, where victims and the attacker were killed", "'two' removed"),
    F("number", "003", "Nearly 5,000 accounts and over 36,000 items", "26,000 -> 36,000"),
    F("number", "003", "Nearly 5000 accounts and over 26,000 items", "AMBIGUOUS: the same number without its thousands separator"),
    F("number", "003", "Nearly 5,500 accounts and over 26,000 items", "5,000 -> 5,500"),
    F("number", "003", "I woke up with 1,200 messages on TamTam from almost 1,000 ISIS channels", "100 -> 1,000"),
    F("number", "003", "It was launched in 2016 and operates through a Russian social networking platform", "year 2017 -> 2016"),
    F("number", "003", "Eric Van Der Sypt, Belgium’s Federal Prosecutor, said at a press conference on November 24.", "date 25 -> 24"),
    F("number", "001", "Last Saturday, November 30, 29-year-old Usman Khan attacked people at the Fishmongers Hall in London.", "age 28 -> 29"),
    F("number", "001", "– Charlie Winter (@charliewinter) December 3, 2018", "year 2019 -> 2018"),
    F("number", "001", "And here we are, #IS booted off of Tam Tam less than 48 hours later.", "24 -> 48 hours"),
    F("number", "001", "It is ironic that this particular messenger, owned by Mail.Ru Group, was positioned in April 2019 as a replacement", "2018 -> 2019"),
    F("number", "004", "its small size — 16 MB on Android phones and about 16 MB for iPhone users", "60 -> 16 (a digit dropped)"),
    F("number", "004", "its small size — 16 GB on Android phones and about 60 MB for iPhone users", "unit MB -> GB"),
    F("number", "004", "where two people were stabbed to death and four others injured", "three -> four"),
    F("number", "heapq", "Heaps are arrays for which a[k] <= a[2*k+1] and a[k] <= a[2*k+3] for", "index 2 -> 3 inside code brackets (not an editor's bracket)"),
    F("number", "heapq", "Heaps are arrays for which a[k] <= a[2*k+2] and a[k] <= a[2*k+2] for", "1 -> 2 inside code brackets"),
    F("number", "heapq", "We use 1-based indexing.", "0 -> 1 (short quote)"),
    F("number", "timeit", "-r/--repeat N: how many times to repeat the timer (default 3)", "default 5 -> 3"),
    F("number", "timeit", "until the total time is at least 0.5 seconds.", "decimal 0.2 -> 0.5"),
    F("number", "timeit", "until the total time is at least 2 seconds.", "0.2 -> 2"),
    F("number", "timeit", "increasing numbers from the sequence 1, 2, 5, 10, 20, 50, 100, ... until the", "a number added to a sequence"),
    F("number", "timeit", "increasing numbers from the sequence 1, 2, 10, 20, 50, ... until the", "a number removed from a sequence"),
    F("number", "statistics", "you have two data points in the class interval 1.5-2.5, three data points in the class interval 2.5-4.5", "range end 3.5 -> 4.5"),
    F("number", "statistics", "The median of these data points is 2.8444...", "decimal digits changed"),
    F("number", "statistics", "Calculate the median, or 75th percentile, of data grouped into class intervals", "50th -> 75th (ordinal)"),
    F("number", "statistics", ">>> mean([-1.0, 2.5, 3.25, 5.75])\n2.652", "result digits swapped"),
    F("number", "statistics", ">>> mean([1.0, 2.5, 3.25, 5.75])", "a minus sign dropped"),
    F("number", "lru_cache", "For example, f(3.0) and f(4) will be treated as distinct calls", "3 -> 4 in a call"),
    F("number", "fraction", "Takes a string like '2/3' or '1.5', another Rational instance", "fraction 3/2 -> 2/3"),
    F("number", "fraction", "Takes a string like '3/2' or '1.25', another Rational instance", "1.5 -> 1.25"),
    F("number", "fraction", ">>> Fraction('3.1415') # conversion from numeric string\nFraction(6283, 2001)", "denominator changed"),
    F("number", "random", "uniform bytes (values between 0 and 256)", "255 -> 256"),
    F("number", "random", "distributions on the circle (angles 0 to pi)", "2pi -> pi"),
    F("number", "random", "The period is 2**19937+1.", "-1 -> +1 (a sign)"),
    F("number", "bzip2-copyright", "Copyright: 1996-2012 Julian R Seward", "year range end changed"),
    F("number", "bzip2-copyright", "3. Redistributions of source code must retain the above copyright", "clause number 1 -> 3"),
    F("number", "sortedcontainers", "It's also 60% less overhead than a typical binary tree implementation", "66% -> 60%"),
    F("number", "sortedcontainers", "Each reference requires four bytes in the sorted container.", "eight -> four"),
    F("number", "sortedcontainers", "When the sorted list is multiplied by ten million, it stores ten thousand references to each of", "million -> thousand"),
    F("number", "sortedcontainers", "Performance is a feature and testing has 10% coverage with unit tests and hours of stress.", "100% -> 10%"),
    F("number", "sortedcontainers", "you're faced with two dozen different implementations", "a number word added"),
    # ---------------------------------------------------------------- negation
    F("negation", "000", "the official, who as a police officer can be named in the media", "cannot -> can"),
    F("negation", "000", "to show the public that this stuff will be tolerated?", "won’t -> will"),
    F("negation", "000", "ISIS’s claim of responsibility for the London Bridge attack came first on TamTam, and Telegram", "'not' -> 'and'"),
    F("negation", "000", "Some suspect those groups are not traps for unsophisticated supporters.", "negation added"),
    F("negation", "003", "cautioned that it would be easy to root out the group for online platforms", "'not' removed"),
    F("negation", "003", "IS is present on the internet anymore and we will see how fast", "'not' removed"),
    F("negation", "003", "where the authorities could see what they were doing.", "'not' removed at the end"),
    F("negation", "003", "but many were not still active when the Telegraph checked on Tuesday.", "'not' added"),
    F("negation", "004", "But the mystery surrounding TamTam is only because it’s a new app.", "isn’t -> is"),
    F("negation", "004", "So far, TamTam has responded to how the IS came to using its services", "hasn’t -> has"),
    F("negation", "004", "though the authorities there blocked the app in April 2018 with giving any reason", "without -> with"),
    F("negation", "004", "but it is surprising given all one needs to access this free for all platform is a phone number", "isn’t -> is"),
    F("negation", "001", "these actions were committed with complaints from law enforcement agencies", "without -> with"),
    F("negation", "001", "access to which will be so easy to obtain not only for researchers", "'not so easy' -> 'so easy'"),
    F("negation", "heapq", "Our heappop() method returns the smallest item, the largest.", "'not' dropped (also a word left out)"),
    F("negation", "heapq", "These two make it possible to view the heap as a regular Python list with surprises", "without -> with"),
    F("negation", "timeit", "Execution time of this setup statement is timed.", "NOT dropped"),
    F("negation", "timeit", "The code here does try to hide it, but you should be aware of it.", "doesn't -> does"),
    F("negation", "bzip2-copyright", "an acknowledgment in the product documentation would be appreciated but is required.", "'not' dropped"),
    F("negation", "bzip2-copyright", "4. The name of the author may be used to endorse or promote products derived from this software", "'may not' -> 'may'"),
    F("negation", "bzip2-copyright", "you must claim that you wrote the original software.", "'must not' -> 'must'"),
    F("negation", "sortedcontainers", "There's a need to install a C compiler or pre-build and distribute custom extensions.", "no -> a"),
    F("negation", "lru_cache", "Arguments to the cached function must not be hashable.", "negation added"),
    F("negation", "textwrap", "Note that if expand_tabs is true and replace_whitespace is true, every tab will be converted to a single space!", "false -> true (an opposite, not on a list)"),
    # ---------------------------------------------------------------- names, days, places
    F("name", "000", "Belgian terrorism researcher Peter Van Ostaeyen, who specializes in tracking foreign fighters", "Pieter -> Peter (the spelling of another seed)"),
    F("name", "000", "ISIS supporters move from Telegram to WhatsApp post London Bridge attack", "TamTam -> WhatsApp"),
    F("name", "000", "a Belgian police official closely involved in the Interpol-led effort told Insider", "Europol -> Interpol"),
    F("name", "000", "saw the 50 or so groups he had infiltrated go dark starting on Thursday evening after the London attack", "Friday -> Thursday"),
    F("name", "000", "As of Wednesday afternoon, according to Van Ostaeyen, all the groups had disappeared from TamTam", "Tuesday -> Wednesday"),
    F("name", "000", "After the loss of ISIS’ physical territory in Syria and Iran, authorities are keen", "Iraq -> Iran (one letter)"),
    F("name", "000", "A man holds a smartphone showing the Islamic State logo in front of a screen showing the Telegram logo in this picture illustration taken in Sarajevo, Bosnia and Herzegovina November 18, 2015.", "Zenica -> Sarajevo"),
    F("name", "003", "It was launched in 2017 and operates through a Russian social networking platform called VKontakte", "Odnoklassniki -> VKontakte"),
    F("name", "003", "but many were still active when the Telegram checked on Tuesday.", "Telegraph -> Telegram"),
    F("name", "003", "said at a press conference on December 25.", "November -> December"),
    F("name", "004", "The creator of TamTam is a Russian Internet company called Yandex Group", "Mail.Ru -> Yandex"),
    F("name", "004", "In recent times, Facebook-owned WhatsApp has faced similar requests from the Pakistani government", "Indian -> Pakistani"),
    F("name", "001", "Last Saturday, November 30, 28-year-old Usman Khan attacked people at the Fishmongers Hall in Manchester.", "London -> Manchester"),
    F("name", "timeit", "See also Tim Peters' introduction to the Algorithms chapter in the Python Cookbook, published by Wiley.", "O'Reilly -> Wiley"),
    F("name", "statistics", "correlation         Spearman's correlation coefficient for two variables.", "Pearson's -> Spearman's"),
    F("name", "bzip2-copyright", "Copyright: 1996-2010 Julian Seward", "middle initial R dropped (a word left out of a name)"),
    F("name", "bzip2-copyright", "2012-2015 Santiago Ruano Rincon", "AMBIGUOUS: accent dropped from a surname"),
    P("verbatim", "random", "General notes on the underlying Mersenne Twister core generator", "a proper name, verbatim"),
    F("name", "random", "General notes on the underlying Marsenne Twister core generator", "a misspelled proper name"),
    # ---------------------------------------------------------------- case
    F("case", "003", "“THE NEGATIVE implications of this are significant.", "AMBIGUOUS: upper case beyond the first letter"),
    F("case", "000", "By Saturday afternoon Telegram was a ghost town for islamic extremists.", "AMBIGUOUS: case changed beyond the first letter"),
    F("case", "000", "ISIS supporters move from telegram to TamTam post London Bridge attack", "AMBIGUOUS: a proper name lower-cased"),
    F("case", "bzip2-copyright", "This software is provided by the author ``as is'' and any express or implied warranties", "AMBIGUOUS: an all-caps clause quoted in sentence case (strict: only the first letter's case is free)"),
    # ---------------------------------------------------------------- word swapped: tense, modal, article, preposition, plural, prefix, opposites
    F("swap", "000", "But then the groups had begun to disappear.", "tense: began -> had begun"),
    F("swap", "000", "By Tuesday, however, even those groups have disappeared.", "tense: had -> have"),
    F("swap", "003", "Mr Amarasingam warned that an attempt to drive Isil followers offline would make it harder for governments", "modal: could -> would"),
    F("swap", "003", "It could mean that governments would be left in the dark about what the Islamic State is saying", "modal: will -> would"),
    F("swap", "003", "TamTam has begun a larger purge on some of the accounts", "smaller -> larger"),
    F("swap", "000", "as part of the major crackdown that began on Nov 25", "article a -> the"),
    F("swap", "000", "It linked to the discussion group on TamTam", "article a -> the"),
    F("swap", "000", "Many of them ended up on TamTam, the Russian messaging app.", "article a -> the"),
    F("swap", "001", "after active blocking of chats on Telegram began to create chats in the Russian messenger TamTam", "preposition in -> on"),
    F("swap", "003", "Isil used its Nashir News Agency channel in TamTam to issue a claim of responsibility", "preposition on -> in"),
    F("swap", "003", "Isil used its Nashir News Agency channel on TamTam to issue a claim of responsibility for the London Bridge attack before the weekend.", "preposition over -> before"),
    F("swap", "000", "where two victims and the attackers were killed", "singular -> plural"),
    F("swap", "003", "Nearly 5,000 account and over 26,000 items", "plural -> singular"),
    F("swap", "bzip2-copyright", "1. Redistribution of source code must retain the above copyright", "plural -> singular in a clause"),
    F("swap", "004", "where two people were stabbed to death and three other injured", "AMBIGUOUS: 'others' -> 'other' (one letter, grammar changes)"),
    F("swap", "000", "Some suspect those groups are traps for sophisticated supporters.", "un- prefix dropped"),
    F("swap", "003", "jihadists have begun opening up accounts on relatively known service TamTam", "un- prefix dropped"),
    F("swap", "003", "which allows users to broadcast their messages to a limited audience", "unlimited -> a limited"),
    F("swap", "heapq", "For the sake of comparison, existing elements are considered to be infinite.", "non- prefix dropped"),
    F("swap", "000", "The migration to TamTam seems likely to be long-lived.", "short -> long"),
    F("swap", "000", "a much more well-known application developed by a Russian social media network", "less -> more"),
    F("swap", "000", "The web- and app-based chat groups are the first stable area in which the group can work openly", "last -> first"),
    F("swap", "heapq", "Our heappop() method returns the largest item, not the smallest.", "opposites exchanged"),
    F("swap", "heapq", "item = heappop(heap) # pops the largest item from the heap", "smallest -> largest"),
    F("swap", "heapq", "This makes the relationship between the index for a node and the indexes for its children slightly more obvious", "less -> more"),
    F("swap", "timeit", "until the total time is at most 0.2 seconds.", "least -> most"),
    F("swap", "timeit", "-p/--process: use time.perf_counter() (default is time.process_time())", "code tokens exchanged"),
    F("swap", "timeit", "-n/--repeat N: how many times to repeat the timer (default 5)", "option letter r -> n"),
    F("swap", "lru_cache", "If *typed* is True, arguments of different types will be cached together.", "separately -> together"),
    F("swap", "lru_cache", "If *maxsize* is set to None, the LRU features are enabled and the cache", "disabled -> enabled"),
    F("swap", "lru_cache", "Most-recently-used cache decorator.", "Least -> Most"),
    F("swap", "statistics", "stdev               Population standard deviation of data.", "near-duplicate row: stdev is Sample"),
    F("swap", "statistics", "median_low          High median of data.", "near-duplicate row: low -> high"),
    F("swap", "sortedcontainers", "All of the operations shown above run in slower than linear time.", "faster -> slower"),
    F("swap", "sortedcontainers", "The above demo also takes over a gigabyte of memory to run.", "nearly -> over"),
    F("order", "textwrap", "drop_whitespace (default: true) Drop trailing and leading whitespace from lines.", "word order (leading and trailing)"),
    F("swap", "004", "It became available for downloads some time in late 2017.", "early -> late"),
    F("swap", "random", "It is one of the least extensively tested generators in existence.", "most -> least"),
    # ---------------------------------------------------------------- word order
    F("order", "000", "But even as police officials and prosecutors in Europe claimed it as a major victory", "two nouns swapped"),
    F("order", "003", "The free chat and video call messaging app is available on both the App Store and Google Play.", "list order swapped"),
    F("order", "sortedcontainers", "the moment you **really need** a sorted dict, sorted list, or sorted set", "list order swapped"),
    F("order", "lru_cache", "View the cache statistics named tuple (hits, misses, currsize, maxsize)", "tuple fields swapped"),
    F("order", "000", "By Saturday afternoon Telegram was a town ghost for Islamic extremists.", "adjacent words swapped"),
    F("order", "003", "an active debate happening in supporter networks about the cons and pros of all these platforms", "fixed phrase reversed"),
    # ---------------------------------------------------------------- omission without an ellipsis
    F("omission", "000", "ISIS sympathisers disappeared from the messaging app Telegram.", "'all but' dropped"),
    F("omission", "000", "Many of them ended up on TamTam, a messaging app.", "'Russian' dropped"),
    F("omission", "000", "terrorism researchers combed chat groups on the messaging app Telegram looking for clues", "'popular with ISIS supporters' dropped"),
    F("omission", "003", "Nearly 5,000 accounts and 26,000 items", "'over' dropped"),
    F("omission", "003", "The free chat and video call messaging app is available on Google Play and the App Store.", "'both' dropped"),
    F("omission", "textwrap", "Off by default because the algorithm is imperfect.", "'(unavoidably)' dropped"),
    F("omission", "timeit", "-u/--unit: set the output time unit (nsec, msec, or sec)", "'usec' dropped from a list"),
    F("omission", "random", "uniform triangular normal (Gaussian) negative exponential", "'lognormal' dropped from a list"),
    F("omission", "heapq", "heapify(x)           # transforms list into a heap, in-place, in time", "'linear' dropped"),
    F("omission", "000", "Belgian terrorism researcher Pieter Van Ostaeyen saw the 50 or so groups he had infiltrated go dark", "a relative clause dropped without an ellipsis"),
    F("omission", "004", "The Islamic State claimed responsibility for the incident where two people were stabbed to death by 28-year-old British citizen Usman Khan", "'and three others injured' dropped"),
    # ---------------------------------------------------------------- stitched without an ellipsis
    F("stitched", "000", "By Saturday afternoon Telegram was a ghost town for Islamic extremists. Some suspect those groups are traps for unsophisticated supporters.", "two paragraphs joined"),
    F("stitched", "000", "“They probably had already set up TamTam” in case of being shut down by Telegram, he said. “There were hundreds of channels there.”", "sentences skipped inside one paragraph"),
    F("stitched", "bzip2-copyright", "2. The origin of this software must not be misrepresented as being the original software.", "clause 2's start with clause 3's end (near-duplicate wording)"),
    F("stitched", "heapq", "Heaps are arrays for which a[k] <= a[2*k+1] and a[k] <= a[2*k+2] for all k. heap[0] is the smallest item, and heap.sort() maintains the heap invariant!", "start and end of the docstring joined"),
    F("stitched", "003", "Islamic State followers have migrated to a new messaging service operated through a Russian social networking platform called Odnoklassniki", "two paragraphs blended mid-sentence"),
    F("stitched", "000", "A single tweet pointed the way to ISIS’s new online home on TamTam, not Telegram", "a heading joined to another heading's tail"),
    F("stitched", "statistics", "mean                Arithmetic mean (average) of data. fmean Fast, floating point arithmetic mean. median Median (middle value) of data.", "table rows with rows skipped"),
    # ---------------------------------------------------------------- near-duplicates and passages shared between sources
    P("near-duplicate", "000", "By Saturday afternoon Telegram was a ghost town for Islamic extremists.", "appears twice in 000 (bullet and body)"),
    P("near-duplicate", "000", "By Saturday afternoon Telegram was a ghost town for Islamic extremists. But a single tweet from an anonymous ISIS supporter", "the body occurrence, continuing"),
    P("near-duplicate", "002", "By Saturday afternoon Telegram was a ghost town for Islamic extremists.\nMany of them ended up on TamTam, a Russian messaging app.", "two consecutive lines of 002"),
    P("near-duplicate", "002", "Using that lead, Van Ostaeyen made a wild discovery: Most of the groups he followed had conducted a cyber withdrawal from Telegram in favor of TamTam.", "in 002's copy of 000"),
    P("near-duplicate", "statistics", "stdev               Sample standard deviation of data.", "the right row of two near-identical rows"),
    P("near-duplicate", "statistics", "pstdev Population standard deviation of data.", "the other row, white space collapsed"),
    P("near-duplicate", "bzip2-copyright", "3. Altered source versions must be plainly marked as such, and must not be misrepresented as being the original software.", "one of two near-identical clauses"),
    P("near-duplicate", "000", "The crackdown on ISIS-linked Telegram accounts had been years in the making", "once in 000"),
    F("near-duplicate-bad", "000", "By Saturday afternoon Telegram was a ghost town for Islamic extremists. But a single tweet from an anonymous ISIS supporter gave him nothing to work with", "near-duplicate context, negated end"),
    F("near-duplicate-bad", "002", "“They probably had already set up TamTam” in case of being shut down by Telegram, he said, suspecting that this was a prepared move.", "002 is cut off at 'he …read more'"),
    # ---------------------------------------------------------------- wrong source
    F("wrong-source", "000", "Nearly 5,000 accounts and over 26,000 items, including videos, publications, social media accounts", "from 003", found_in="003"),
    F("wrong-source", "002", "The crackdown on ISIS-linked Telegram accounts had been years in the making", "002 is a truncated copy of 000", found_in="000"),
    F("wrong-source", "003", "Its uniqueness lies in the fact that it can be operated even in low network areas.", "from 004", found_in="004"),
    F("wrong-source", "004", "Last Saturday, November 30, 28-year-old Usman Khan attacked people at the Fishmongers Hall in London.", "from 001", found_in="001"),
    F("wrong-source", "000", "It is a coincidence that the channel closing operation on Telegram was started just a few days before the London attack.", "001's translated wording", found_in="001"),
    F("wrong-source", "004", "The free chat and video call messaging app is available on both Google Play and the App Store.", "003's version of 004's sentence", found_in="003"),
    F("wrong-source", "textwrap", "Our heappop() method returns the smallest item, not the largest.", "from heapq", found_in="heapq"),
    F("wrong-source", "sortedcontainers", "The origin of this software must not be misrepresented", "from the bzip2 copyright", found_in="bzip2-copyright"),
    F("wrong-source", "001", "Many of them ended up on TamTam, a Russian messaging app.", "in 000 and 002", found_in="000"),
    P("verbatim", "statistics", "Calculate the standard deviation of sample data", "a short heading-like sentence"),
    # ---------------------------------------------------------------- too short
    F("too-short", "000", "ghost town", "two words", too_short=True),
    F("too-short", "000", "Telegram", "one name", too_short=True),
    F("too-short", "000", "a major crackdown", "three words", too_short=True),
    F("too-short", "heapq", "heap[0]", "one code token", too_short=True),
    F("too-short", "000", "Nov 25", "a date", too_short=True),
    F("too-short", "000", "...", "an ellipsis alone", too_short=True),
    F("too-short", "003", "“It is hard”", "three words in quotes", too_short=True),
    F("too-short", "000", "the ... groups", "AMBIGUOUS: two words around an ellipsis", too_short=True),
]


# Batch 2: written after batch 1 had been run, and labelled before the matcher was run on it.
CASES += [
    # slips in short words, number words, negation words
    P("slip-2", "000", "ISIS sympathisers all but disappeared frmo the messaging app Telegram", "swap in a 4-letter function word (not a word)"),
    P("slip-2", "003", "A joint initiative between social networks, including Telegram, Google, Facebook and Twitter, as well as the EU law enforcement agency Europol, last week led ot one of the biggest crack downs", "swap in a 2-letter word"),
    F("slip-2", "000", "It came on TamTam tow minutes before any announcement on the handful of Telegram channels", "'two' -> 'tow': a number word slipped into another real word"),
    F("slip-2", "004", "where two people were stabbed to death and thre others injured", "AMBIGUOUS: a misspelled number word"),
    P("slip-2", "000", "said the official, who as a police officer canot be named in the media", "AMBIGUOUS: 'cannot' -> 'canot', a slip in a negation that keeps the negation"),
    F("slip-2", "000", "said the official, who as a police officer can be named in the media.", "negation removed (control for the above)"),
    F("slip-2", "003", "Every user can help us to clean up the platform, as one can report any chat or channel and our support team will promptly respond.", "'clear' -> 'clean', one letter, a different word"),
    F("slip-2", "000", "the ISIS groups all began to show lots of activity that made it easier to identify them and take them dawn", "'down' -> 'dawn', a different word"),
    P("slip-2", "000", "“It was a coincidence that the anti-Telegram operation was started just a few days before the London attack but it was a very helpful one because as London happened, the ISIS groups all began to show lots of activty that made it easier to identfy them and take them down,” the police official said.", "two slips in a 290-character paragraph"),
    F("slip-2", "000", "“It was a coincidence that the anti-Telegram operation was started just a few days before the London attack but it was a very helpful one because as London happened, the ISIS groups all began to show lots of activity that made it harder to identify them and take them down,” the police official said.", "one opposite (easier -> harder) buried in a long paragraph"),
    F("slip-2", "000", "“It was a coincidence that the anti-Telegram operation was started just a few days before the London attack but it was a very helpful one because as London happened, the ISIS groups all began to show lots of activity that made it easier to identify them and take down,” the police official said.", "one word ('them') left out of a long paragraph"),
    F("slip-2", "000", "“It was a coincidence that the anti-Telegram operation was started just a few days before a London attack but it was a very helpful one because as London happened, the ISIS groups all began to show lots of activity that made it easier to identify them and take them down,” the police official said.", "article the -> a in a long paragraph"),
    F("slip-2", "000", "“It was a coincidence that the anti-Telegram operation was started just a few weeks before the London attack but it was a very helpful one", "days -> weeks"),
    F("slip-2", "003", "“A week after his announcement, I woke up with 1,200 messages on TamTam from almost 100 ISIS chanels,” he said, adding that the", "text past the paragraph's end added"),
    P("slip-2", "000", "Visit Insider's homepage for more storeis.", "a slip plus a straight apostrophe"),
    F("slip-2", "000", "scores of groups with thousands of subscribers had been booted of Telegram", "AMBIGUOUS: 'off' -> 'of', a dropped letter that makes another word"),
    F("slip-2", "heapq", "heap[0] is the smallest item, and heap.sotr() maintains the heap invariant!", "AMBIGUOUS: a slip inside a code token"),
    # additions
    F("added", "000", "as part of a very major crackdown that began on Nov 25", "a word added"),
    F("added", "000", "ISIS sympathisers all but completely disappeared from the messaging app Telegram", "a word added"),
    F("added", "000", "But then the the groups began to disappear.", "AMBIGUOUS: a word doubled"),
    F("added", "heapq", "Heap queue algorithm (a.k.a. priority queues).", "plural s added"),
    F("added", "001", "Hats off to @tamtamchat for dislodging it so comprehensively. Now just keep up the pressure! https://t.co/iBocq2cwrk", "case of one letter in a link"),
    F("added", "001", "Hats off to @tam_tamchat for dislodging it so comprehensively.", "a handle changed"),
    F("added", "001", "The amount of links to new official outlets on #TamTam from #ISIS central as well as pro #IS media collectives being published, is staggering.", "a hashtag changed"),
    F("added", "bzip2-copyright", "Copyright: 1996-2010 Julian R Seward <jseward@bzip2.org>", "an e-mail address changed"),
    # punctuation and apostrophes that carry meaning
    F("punct", "000", "to show the public that this stuff won’t be tolerated. Of course.", "AMBIGUOUS: question mark -> full stop"),
    F("punct", "001", "Hats off to @tamtamchat for dislodging it so comprehensively. Now just keep up the pressure.", "AMBIGUOUS: exclamation mark -> full stop"),
    F("punct", "004", "It's uniqueness lies in the fact that it can be operated even in low network areas.", "AMBIGUOUS: 'Its' -> 'It's'"),
    F("punct", "000", "After the loss of ISIS’s physical territory in Syria and Iraq", "AMBIGUOUS: possessive ’ -> ’s"),
    F("punct", "statistics", ">>> mean([-1.0, 2.5, 3.25, 5.75])\n26.25", "decimal point moved"),
    F("punct", "fraction", ">>> Fraction(10, 8)\nFraction(-5, 4)", "a minus sign dropped from an argument"),
    P("punct", "fraction", ">>> Fraction(10, \u22128)\nFraction(\u22125, 4)", "AMBIGUOUS: U+2212 minus for hyphen-minus (a dash difference)"),
    P("punct", "statistics", "you have two data points in the class interval 1.5\u20132.5, three data points in the class interval 2.5\u20133.5", "en dash in numeric ranges"),
    F("punct", "000", "But then the groups began to disappear,", "AMBIGUOUS: full stop -> comma at the end"),
    F("punct", "001", "– Michael Krona (@GlobalMedia_) 2 December 2019", "AMBIGUOUS: date reformatted"),
    F("punct", "000", "as part of a major crackdown that began on November 25", "AMBIGUOUS: 'Nov' expanded to 'November'"),
    # spelling variants and white space inside words
    P("variant", "000", "ISIS sympathizers all but disappeared from the messaging app Telegram", "AMBIGUOUS: American spelling of a British word"),
    P("variant", "000", "had conducted a cyber withdrawal from Telegram in favour of TamTam", "AMBIGUOUS: British spelling of an American word"),
    P("variant", "003", "We are strongly against the presence of any sort of content by terrorist organizations on our platform.", "AMBIGUOUS: -ize for -ise"),
    P("variant", "000", "By Saturday afternoon Telegram was a ghosttown for Islamic extremists.", "AMBIGUOUS: a space dropped between two words"),
    P("variant", "heapq", "heapify(x)           # transforms list into a heap, in place, in linear time", "AMBIGUOUS: hyphen -> space in 'in-place'"),
    P("variant", "heapq", "item = heappushpop(heap, item) # pushes a new item and then returns the smallest item; the heap size is unchanged", "AMBIGUOUS: the continuation line's '#' left out"),
    P("variant", "statistics", "median_high High median of data.", "table row, white space collapsed"),
    # elisions and duplicates
    F("elision-2", "000", "It linked to a discussion group on TamTam ... a ghost town for Islamic extremists", "second part stands earlier in the paragraph (and in an earlier one), never after"),
    F("elision-2", "heapq", "These two make it possible to view the heap ... heap[0] is the largest item", "elided quote with an opposite"),
    P("elision-2", "heapq", "These two make it possible to view the heap ... heap[0] is the smallest item, and heap.sort() maintains the heap invariant!", "elision in the last paragraph"),
    P("elision-2", "000", "By Saturday afternoon ... Telegram was a ghost town for Islamic extremists. But a single tweet", "a short first part that occurs three times"),
    F("elision-2", "000", "ISIS supporters move from Telegram to TamTam ... Following the London Bridge terror attack on Friday", "title and first bullet are separate paragraphs"),
    P("elision-2", "003", "“TamTam has already started taking down some accounts, but ... it is hard to keep up.”", "ellipsis inside speech at the end"),
    F("elision-2", "003", "“TamTam has already started taking down some accounts, but ... it is easy to keep up.”", "elided speech with an opposite"),
    F("elision-2", "001", "According to Van Ostyen, they are already blocked.", "the source spells this occurrence 'Van Ostein'"),
    P("elision-2", "001", "According to Van Ostein, they are already blocked.", "the source's own odd spelling"),
    P("elision-2", "000", "ISIS supporters move from Telegram to TamTam post London Bridge attack – Business Insider", "title line repeated in the source"),
    # brackets, more shapes
    P("brackets-2", "004", "[Two] people were stabbed to death and three others injured", "bracketed capital for a number word (same number)"),
    P("brackets-2", "003", "[Amarasingam] told the Telegraph followers are experimenting with a whole host of platforms", "bracket replacing 'he'"),
    F("brackets-2", "003", "[Amarasingam] told the Telegraph followers are experimenting with a whole host of platforms from Hoop, to Rocket Chat, to Signal.", "bracket fine, Riot -> Signal"),
    P("brackets-2", "000", "the official, who as a police officer cannot be named in the media[, said]", "AMBIGUOUS: bracketed words at the end"),
    F("brackets-2", "003", "Nearly 5,000 accounts and over 26,000 items [were] deemed to be terrorist propaganda", "AMBIGUOUS: bracket replacing 'including videos, ... channels' (100+ chars) over the bound"),
    # too short / borderline
    F("too-short-2", "000", "Of course.", "two words", too_short=True),
    F("too-short-2", "001", "Victory!", "one word", too_short=True),
    P("too-short-2", "001", "Now two are left.", "four words, 17 characters: at the default thresholds"),
    # wrong source with a slip
    F("wrong-source-2", "000", "Nearly 5,000 acounts and over 26,000 items", "from 003, and with a slip"),
    F("wrong-source-2", "003", "Multiple researchers noted that on Friday and Saturday", "from 000", found_in="000"),
]


# Batch 3: written after batch 2 had been run, and labelled before the matcher was run on it.
CASES += [
    P("batch3-pass", "000", "“I was following around 50 groups [before the crackdown],” he said. ... Now [only] two [are] left.", "the source's own brackets in an elided quote"),
    P("batch3-pass", "000", "[The] ISIS groups all began to show lots of activity that made it easier to identify them", "bracketed capital article at the start"),
    P("batch3-pass", "000", "[E]ven those groups had disappeared.", "bracketed capital letter at the start of a bullet's tail"),
    P("batch3-pass", "000", "[ISIS]'s new online home", "AMBIGUOUS: an attached bracket in a five-word heading tail"),
    P("batch3-pass", "000", "a handful of previously secure extremist chat groups had reformed despite the ban", "AMBIGUOUS: hyphen dropped ('re-formed'), a hyphen difference by rule 1 though the meaning shifts"),
    P("batch3-pass", "000", "But then the groups began to disappear.\n\nBy Saturday afternoon scores of groups with thousands of subscribers", "AMBIGUOUS: two adjacent paragraphs, nothing left out"),
    P("batch3-pass", "003", "The negative implications of this are significant. It could mean that governments will be left in the dark", "quote mark of the source left out at the start"),
    P("batch3-pass", "004", "So far, TamTam hasn't responded to how the IS came to using its services, but it isn't surprising", "straight apostrophes in two negations"),
    P("batch3-pass", "004", "But while this is the first time the ISIS used TamTam to claim a terror attack ... BBC’s monitoring group had noted that the IS had set up several channels in TamTam", "elision inside a paragraph, ordinal kept"),
    P("batch3-pass", "004", "The case is currently in the Supreme Court.", "short last sentence of a paragraph"),
    P("batch3-pass", "004", "In recent times, Facebook-owned WhatsApp has faced similar requests from the Indian government, which has asked the service provider to help it decrypt people’s private messages on the ground of “national security”.", "quoted words inside a sentence"),
    P("batch3-pass", "004", "on the ground of \"national security\". The case is currently in the Supreme Court.", "straight quotes for curly around a phrase"),
    F("batch3-fail", "000", "the anti-Telegram operation was started just a few days after the London attack", "before -> after"),
    F("batch3-fail", "000", "It was a coincidence that the Telegram operation was started just a few days before the London attack", "'anti-' dropped"),
    F("batch3-fail", "003", "Quraysh, an anti-Isil media group, warned Telegram that its purge would only drive jihadists underground", "pro- -> anti-"),
    F("batch3-fail", "003", "particularly as it morphs into a new, territorial insurgency in the wake of the loss of its physical caliphate", "'post-' dropped"),
    F("batch3-fail", "000", "a Belgian police official closely involved in the Europol-backed effort told Insider", "-led -> -backed"),
    F("batch3-fail", "003", "Almost 5,000 accounts and over 26,000 items", "Nearly -> Almost (a synonym is still another word)"),
    F("batch3-fail", "003", "Nearly 5,000 accounts and more than 26,000 items", "AMBIGUOUS: 'over' paraphrased as 'more than'"),
    F("batch3-fail", "003", "I woke up with 1200 messages on TamTam from almost 100 ISIS channels", "AMBIGUOUS: thousands separator dropped"),
    F("batch3-fail", "004", "But while this is the second time the ISIS used TamTam to claim a terror attack", "first -> second"),
    F("batch3-fail", "004", "But while this is the 1st time the ISIS used TamTam to claim a terror attack", "AMBIGUOUS: 'first' written as '1st'"),
    F("batch3-fail", "004", "In recent times, Facebook-owned WhatsApp had faced similar requests from the Indian government", "tense has -> had"),
    F("batch3-fail", "004", "The case was currently in the Supreme Court.", "tense is -> was"),
    F("batch3-fail", "004", "The almost hassle-free use, with services being available even under slow Internet speed, will very well turn TamTam the next best thing", "modal 'may very well' -> 'will very well'"),
    F("batch3-fail", "004", "This time, the ISIS claimed the London Bridge attack on an application about which a little is known", "article added: 'little' -> 'a little' reverses the sense"),
    F("batch3-fail", "004", "it isn’t surprising given all one needs to access this free for all platform is two phone numbers", "a phone number -> two phone numbers"),
    F("batch3-fail", "004", "it isn’t surprising given all one needs to access this free for all platform is a phone numbers", "singular -> plural"),
    P("batch3-pass", "004", "The terror group, which had established a virtual base on Telegram, had to shift its focus when the company began to respond to its propaganda by “banning thousands of bots and channels linked to terrorist propaganda, including those of Islamic State”.", "a long verbatim sentence ending in speech marks"),
    F("batch3-fail", "004", "“banning thousands of bots and channels linked to terrorist propaganda, excluding those of Islamic State”", "including -> excluding"),
    F("batch3-fail", "004", "“banning hundreds of bots and channels linked to terrorist propaganda", "thousands -> hundreds"),
    F("batch3-fail", "000", "[Fifty] or so groups he had infiltrated go dark", "AMBIGUOUS: bracketed number word for the source's digits '50' (strict: the number's form changed)"),
    F("batch3-fail", "000", "I was following around 50 groups [before the crackdown],” he said. “[They were] highly useful to keep an eye on ISIS. Now [only] three [are] left.", "two -> three among the source's own brackets"),
    F("batch3-fail", "000", "“I was following around 50 groups [after the crackdown],” he said.", "the source's own bracket text changed (before -> after)"),
    F("batch3-fail", "000", "The web- and app-based chat groups are the last stable area in which the group can work openly — even if only in a real sense.", "virtual -> real at the end of a long sentence"),
    F("batch3-fail", "003", "TamTam acts as a public messaging application but also has a \"channels\" function like Telegram", "private -> public"),
]


# ---------------------------------------------------------------- runner


class Library:
    """The sources as a library for cite.find_elsewhere (names() and document(name))."""

    def __init__(self, documents):
        self.documents = documents

    def names(self):
        return sorted(self.documents)

    def document(self, name):
        return self.documents[name]


class Citation:
    def __init__(self, quote: str, source: str):
        self.quote, self.source = quote, source


def judge(case: Case, documents, library) -> tuple[str, object, str]:
    """('right' | 'wrong PASS' | 'wrong FAIL' | 'wrong status', the match, what the matcher said)."""
    from checker.cite import find_elsewhere
    from checker.match import MatchOptions, locate

    options = replace(MatchOptions(), strict=case.strict)
    match = locate(case.quote, documents[case.source], options, selector=None)
    said = f"{match.status} ok={match.ok}"
    if case.expect == PASS:
        return ("right" if match.ok else "wrong FAIL"), match, said
    if match.ok:
        return "wrong PASS", match, said
    if case.too_short and match.status != "too-short":
        return "wrong status", match, said
    if case.found_in:
        found = find_elsewhere(Citation(case.quote, case.source), library, options)
        said += f", found in {found[0] if found else None}"
        if not found or found[0] != case.found_in:
            return "wrong status", match, said
    return "right", match, said


def naive_right(case: Case, texts: dict[str, str]) -> tuple[bool, str]:
    from rapidfuzz import fuzz

    passes = fuzz.partial_ratio(case.quote, texts[case.source]) >= 90
    right = passes == (case.expect == PASS)
    return right, "right" if right else ("wrong PASS" if passes else "wrong FAIL")


def evaluate():
    from checker.match import Document

    texts, missing = load_sources()
    documents = {name: Document.from_text(text, name) for name, text in texts.items()}
    library = Library(documents)
    cases = [c for c in CASES if c.source in texts and (not c.found_in or c.found_in in texts)]
    rows: dict[tuple[str, str], dict[str, int]] = {}
    wrong = []
    for case in cases:
        verdict, match, said = judge(case, documents, library)
        nright, nverdict = naive_right(case, texts)
        row = rows.setdefault((case.expect, case.category), dict.fromkeys(
            ("n", "ours", "naive", "ours wrong PASS", "ours wrong FAIL", "ours wrong status", "naive wrong PASS", "naive wrong FAIL"), 0))
        row["n"] += 1
        row["ours"] += verdict == "right"
        row["naive"] += nright
        if verdict != "right":
            row["ours " + verdict] += 1
            wrong.append((case, verdict, match, said))
        if not nright:
            row["naive " + nverdict] += 1
    return cases, rows, wrong, missing


def table(rows) -> str:
    lines = [
        "| expect | category | cases | ours % | naive % | ours wrong PASS | ours wrong FAIL | ours wrong status | naive wrong PASS | naive wrong FAIL |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    total = dict.fromkeys(next(iter(rows.values())), 0)
    for expect in (PASS, FAIL):
        for (e, category), row in rows.items():
            if e != expect:
                continue
            for key in total:
                total[key] += row[key]
            lines.append(_line(f"must-{expect}", category, row))
    lines.append(_line("all", "all categories", total))
    return "\n".join(lines)


def _line(expect: str, category: str, row) -> str:
    n = row["n"]
    return (f"| {expect} | {category} | {n} | {100 * row['ours'] / n:.1f} | {100 * row['naive'] / n:.1f} | "
            f"{row['ours wrong PASS']} | {row['ours wrong FAIL']} | {row['ours wrong status']} | "
            f"{row['naive wrong PASS']} | {row['naive wrong FAIL']} |")


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", "⏎")


def report(rows, wrong, missing) -> str:
    out = [
        "# Second held-out set: quote matcher accuracy",
        "",
        "Produced by `python bench/quotes/run.py --heldout2` from bench/quotes/heldout2.py (hand-written, labels fixed",
        "before the matcher was first run on it; `AMBIGUOUS:` cases are labelled by the strict reading of issue 3).",
        "\"naive\" passes a quote when `rapidfuzz.fuzz.partial_ratio(quote, source) >= 90`. \"wrong status\": a must-fail",
        "case that failed, but not as required (too-short, or the other source named by find_elsewhere).",
        "",
        "**First run (commit e301cf2), before any fix: 97.4% (444 of 456; 7 wrong PASS, all AMBIGUOUS; 5 wrong FAIL),",
        "naive 45.0%.** The matcher was then corrected for code names, plurals of known words, a question made a",
        "statement, a leading [bracket] for the same word, [ISIS]'s and the source's own brackets between ellipses;",
        "the table below is after that, so only the first-run number is a held-out measure.",
        "",
        table(rows),
        "",
    ]
    if missing:
        out += ["Sources missing on this machine (their cases left out): " + ", ".join(missing), ""]
    out += [f"## Misclassified by our matcher ({len(wrong)})", ""]
    for case, verdict, match, said in wrong:
        out += [
            f"- **{verdict}** [{case.category}] source `{case.source}`: quote `{_md(case.quote)}`",
            f"  - expected {case.expect}; got {said}; why: {case.why}",
            f"  - matcher: {_md('; '.join(match.differences) or '(no differences reported)')}",
            f"  - matched: `{_md(match.matched[:300])}`",
        ]
    return "\n".join(out) + "\n"


def main() -> int:
    cases, rows, wrong, missing = evaluate()
    text = report(rows, wrong, missing)
    print(table(rows))
    print()
    print(f"{len(cases)} cases; {len(wrong)} misclassified by our matcher; details in bench/quotes/HELDOUT2.md")
    if missing:
        print("sources missing on this machine (left out):", ", ".join(missing))
    (HERE / "HELDOUT2.md").write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    sys.exit(main())
