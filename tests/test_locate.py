"""checker.match.locate, category by category (issue #3): each with a quote that must pass and one that must fail,
from the seeds."""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

import pytest

from checker.cite import find_elsewhere
from checker.match import Document, MatchOptions, contains, locate
from checker.model import Citation, Selector
from checker.sources import Library
from tests.conftest import SEEDS

S0, S1, S2, S3, S4 = (
    "000_12e6b7cc27e0264f.txt", "001_2afa2717bd8a4cc8.txt", "002_e6b1a6874fc6dd1e.txt",
    "003_1288ced4304eb56c.txt", "004_3c3116bf203ab6e7.txt",
)
STRICT = MatchOptions(strict=True)


@lru_cache(maxsize=None)
def seed(name: str) -> Document:
    return Document.read(SEEDS / name, name)


def passes(quote: str, name: str = S0, options: MatchOptions = MatchOptions(), statuses=("verbatim", "normalized")):
    match = locate(quote, seed(name), options)
    assert match.ok, (match.status, match.differences, match.diff)
    assert match.status in statuses, (match.status, match.differences)
    return match


def fails(quote: str, name: str = S0, options: MatchOptions = MatchOptions(), naming: str = ""):
    match = locate(quote, seed(name), options)
    assert not match.ok, (match.status, match.matched)
    assert naming in " ".join(match.differences), match.differences
    return match


def spanned(match, name: str = S0) -> list[str]:
    return [seed(name).text[s.start : s.end] for s in match.spans]


# ---- verbatim -----------------------------------------------------------------------------------


def test_verbatim_quote_passes_with_its_exact_span():
    quote = "By Saturday afternoon Telegram was a ghost town for Islamic extremists."
    match = passes(quote, statuses=("verbatim",))
    assert spanned(match) == [quote]
    assert (match.spans[0].line, match.spans[0].column) == (7, 5)


def test_one_word_changed_in_a_verbatim_sentence_fails():
    fails("By Saturday afternoon Telegram was a ghost town for Islamist extremists.", S2)


# ---- typography -----------------------------------------------------------------------------------


@pytest.mark.parametrize("quote", [
    '"It came on TamTam two minutes before any announcement on the handful of Telegram channels '
    'that were still up," he said.',
    "«It came on TamTam two minutes before any announcement»",
    "Visit Insider's homepage for more stories.",
    "The web- and app-based chat groups are the last stable area",
    "the group can work openly - even if only in a virtual sense",
    "the group can work openly -- even if only in a virtual sense",
    "By Saturday\u00a0afternoon Telegram was a ghost\ttown for\r\nIslamic extremists",
    "a much less well-known appli\u00adcation developed by a Russian social media network",
    "\ufeffMost of the groups he fol\u200blowed had conducted a cyber withdrawal",
    "a much less well-known appli-\ncation developed by a Russian social media network",
    "the crackdown on ISIS-linked Telegram accounts had been years in the making",
])
def test_typography_passes(quote):
    passes(quote)


@pytest.mark.parametrize("quote, name", [
    ("the ﬁrst reports appeared about the involvement of a terrorist organization", S1),
    ("Nearly ５,０００ accounts and over 26,000 items", S3),
])
def test_compatibility_forms_pass(quote, name):
    passes(quote, name)


@pytest.mark.parametrize("quote", [
    "Visit Insiders homepage for more stories.",  # an apostrophe is not a quote mark
    "the crackdown on ISIS-linked Telegram accounts had been years in the Making",  # case past the first letter
])
def test_typography_does_not_hide_a_changed_character(quote):
    match = locate(quote, seed(S0))
    assert match.status not in ("verbatim", "normalized")
    assert not locate(quote, seed(S0), STRICT).ok


def test_modifier_letter_apostrophe_is_an_apostrophe():
    passes("But the mystery surrounding TamTam isnʼt only because itʼs a new app.", S4)


def test_compound_hyphenated_at_its_own_hyphen_across_a_line_break():
    passes("a much less well-\nknown application developed by a Russian social media network", options=STRICT)


HEADED = (
    "TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION\n\n"
    '1. Definitions. "License" shall mean the terms and conditions for use, reproduction, and distribution '
    "as defined by Sections 1 through 9 of this document.\n"
)


def test_a_verbatim_quote_after_an_all_caps_heading_passes():
    doc = Document.from_text(HEADED, "Apache-2.0")
    match = locate("terms and conditions for use, reproduction, and distribution", doc)
    assert match.ok and match.status == "verbatim"
    assert doc.text[match.spans[0].start : match.spans[0].end] == (
        "terms and conditions for use, reproduction, and distribution"
    )


def test_a_byte_identical_occurrence_is_preferred():
    passes("The Islamic State claimed responsibility for", S4, statuses=("verbatim",))


# ---- case of the first letter ------------------------------------------------------------------


def test_case_of_the_first_letter_passes():
    passes("the crackdown on ISIS-linked Telegram accounts had been years in the making")
    passes("Following the London Bridge terror attack on Friday")


def test_case_changed_inside_a_name_is_not_typography():
    match = locate("Following the london Bridge terror attack on Friday", seed(S0))
    assert match.status == "fuzzy"
    assert not locate("Following the london Bridge terror attack on Friday", seed(S0), STRICT).ok


# ---- elision --------------------------------------------------------------------------------------


@pytest.mark.parametrize("mark", ["...", ". . .", "…", "[...]", "[…]"])
def test_elision_within_a_paragraph_passes_with_a_span_per_part(mark):
    quote = f"Van Ostaeyen made a wild discovery {mark} Most of the groups he followed had conducted a cyber withdrawal"
    match = passes(quote, statuses=("elided",))
    assert spanned(match) == [
        "Van Ostaeyen made a wild discovery", "Most of the groups he followed had conducted a cyber withdrawal"
    ]


ACROSS = (
    "A single tweet pointed the way to ISIS’s new online home ... "
    "Most of the groups he followed had conducted a cyber withdrawal"
)


def test_elision_across_paragraphs_fails():
    fails(ACROSS)


def test_elision_across_paragraphs_says_so():
    fails(ACROSS, naming="an ellipsis may not join separate passages")


def test_elision_across_paragraphs_passes_with_a_wide_enough_gap():
    quote = (
        "A single tweet pointed the way to ISIS’s new online home ... Belgian terrorism researcher Pieter Van Ostaeyen"
    )
    fails(quote)
    passes(quote, options=MatchOptions(max_gap=200), statuses=("elided",))


def test_elided_parts_out_of_order_fail():
    fails("Most of the groups he followed had conducted a cyber withdrawal ... Van Ostaeyen made a wild discovery")


# ---- brackets -------------------------------------------------------------------------------------


@pytest.mark.parametrize("quote, name", [
    ("[T]hey probably had already set up TamTam", S0),
    ("[ISIS] claimed responsibility for the incident where two people were stabbed to death", S4),
    ("Isil used its Nashir News Agency channel on [the app] TamTam to issue a claim of responsibility", S3),
    ("It linked to a discussion group on [TamTam], a much less well-known application", S0),
    ("“I was following around 50 groups [before the crackdown],” he said.", S0),
])
def test_brackets_pass(quote, name):
    passes(quote, name, statuses=("elided", "normalized", "verbatim"))


def test_a_bracket_does_not_excuse_the_words_around_it():
    fails(
        "[ISIS] claimed responsibility for the incident where three people were stabbed to death", S4, naming='"three"'
    )


def test_a_bracket_may_not_stand_for_a_number():
    fails("saw the [60] or so groups he had infiltrated go dark", S0)


def test_a_bracket_may_not_drop_a_negation():
    fails("said the official, who as a police officer [can] be named in the media")


def test_a_bracket_may_not_add_a_negation():
    fails("By Saturday afternoon Telegram was [not] a ghost town for Islamic extremists")


def test_a_bracket_at_the_edge_may_not_carry_a_number():
    fails("[6,000] accounts and over 26,000 items, including videos", S3)


def test_bracket_before_punctuation_passes():
    passes("I followed about 50 groups [emphasis added] (before overclocking).", S1, statuses=("elided",))


def test_bracket_stands_for_nothing_when_the_text_runs_on():
    match = passes("looking for clues about the attack. But then the [sic] groups", S0, statuses=("elided",))
    assert spanned(match)[0].endswith("But then the groups")


# ---- fuzzy slips ----------------------------------------------------------------------------------


SLIPPED = (
    "Using that lead, Van Ostaeyen made a wild discovrey: "
    "Most of the groups he followed had conducted a cyber withdrawal"
)


def test_a_slip_passes_as_fuzzy_and_shows_the_difference():
    match = passes(SLIPPED, statuses=("fuzzy",))
    assert "[-discovery-]{+discovrey+}" in match.diff


def test_a_slip_fails_under_strict():
    match = locate(SLIPPED, seed(S0), STRICT)
    assert (match.status, match.ok) == ("fuzzy", False)


def test_too_many_slips_fail():
    fails(
        "Usingg that lead, Van Ostaeyen made a wild discovrey: "
        "Most of the grups he followed had conducted a cyber withdrawal"
    )


def test_a_slip_in_the_second_word_is_a_slip():
    passes("the swtichover was highlighted by a claim of responsibility by ISIS for", statuses=("fuzzy",))


def test_a_misspelt_number_word_is_never_taken_for_a_slip():
    # policy: a number word (single, several, couple...) is never fuzzy-matched; the editor must copy it exactly
    match = fails("A singel tweet pointed the way to ISIS’s new online home")
    assert "a changed number" in match.differences[0]


def test_singular_for_plural_is_a_changed_word():
    fails("its purge would only drive jihadist underground where the authorities could not see", S3)


# ---- numbers --------------------------------------------------------------------------------------


@pytest.mark.parametrize("quote, name, token", [
    ("It came on TamTam three minutes before any announcement", S0, '"three" where the source says "two"'),
    ("saw the 60 or so groups he had infiltrated go dark starting on Friday evening", S0, '"60"'),
    ("Nearly 6,000 accounts and over 26,000 items", S3, '"6,000"'),
    ("a major crackdown that began on Nov 26", S0, '"26"'),
    ("It was launched in 2018 and operates through a Russian social networking platform", S3, '"2018"'),
    ("ISIS’s claim of responsibility for the London Bridge attack came second on TamTam", S0, '"second"'),
    ("saw the or so groups he had infiltrated go dark starting on Friday evening", S0, '"50"'),
])
def test_a_changed_number_fails_naming_the_token(quote, name, token):
    match = fails(quote, name, naming=token)
    assert f"{name}:" in " ".join(match.differences)


def test_the_number_as_written_passes():
    passes("It came on TamTam two minutes before any announcement", statuses=("verbatim",))


def test_a_dropped_minus_sign_fails():
    doc = Document.from_text("Overnight the temperature dropped to -5 degrees in the valley.", "weather.txt")
    assert not locate("the temperature dropped to 5 degrees in the valley", doc).ok
    assert locate("the temperature dropped to \u22125 degrees in the valley", doc).status == "normalized"


# ---- negation -------------------------------------------------------------------------------------


@pytest.mark.parametrize("quote, name", [
    ("said the official, who as a police officer can be named in the media", S0),
    ("cautioned that it would be easy to root out the group for online platforms", S3),
    ("to show the public that this stuff will be tolerated", S0),
    ("these actions were committed with complaints from law enforcement agencies", S1),
    ("It is a coincidence that the channel closing operation on Telegram was not started just a few days before", S1),
    ("ISIS’s claim of responsibility for the London Bridge attack came first on TamTam, Telegram", S0),
])
def test_a_negation_added_or_removed_fails(quote, name):
    fails(quote, name)


def test_the_negation_as_written_passes():
    passes("said the official, who as a police officer cannot be named in the media")


LICENCE = ("Each Contributor hereby grants to You a perpetual, worldwide, non-exclusive, no-charge, royalty-free,"
           " irrevocable copyright license. It is a no-fault policy and not a contested one. The call is a no-op"
           " in the default build. No-one knew the cost of the fix. There is no charge for the service.")


@pytest.mark.parametrize("quote", [
    "grants to You a perpetual, worldwide, non-exclusive, ... royalty-free, irrevocable copyright license",
    "It is a ... policy and not a contested one",
    "The call is a ... in the default build",
])
def test_no_in_a_hyphenated_compound_is_no_negation(quote):
    assert locate(quote, doc_of(LICENCE)).status == "elided"


@pytest.mark.parametrize("quote, naming", [
    ("It is a no-fault policy and ... a contested one", 'leaves out "not", a negation'),
    ("default build. ... knew the cost of the fix", 'leaves out "No one", a negation'),  # no-one is nobody
    ("There is a charge for the service", 'quote says "a" where the source says "no" — a negation added or removed'),
])
def test_no_as_a_word_and_no_one_still_negate(quote, naming):
    match = locate(quote, doc_of(LICENCE))
    assert not match.ok and naming in " ".join(match.differences), match.differences


def test_a_compound_left_out_without_an_ellipsis_is_no_negation_but_still_fails():
    match = locate("It is a fault policy and not a contested one", doc_of(LICENCE))
    assert not match.ok
    assert "negation" not in " ".join(match.differences), match.differences


# ---- names ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("quote, name, token", [
    ("It came on Telegram two minutes before any announcement", S0, '"Telegram"'),
    ("Following the London Bridge terror attack on Saturday", S0, '"Saturday"'),
    ("which is owned by the Russian company Yandex", S3, '"Yandex"'),
    ("Belgian terrorism researcher Pieter Van Ostayen, who specializes in tracking foreign fighters", S0, '"Ostayen"'),
    ("Amarnath Amarasinghe, a research fellow at the Institute for Strategic Dialogue", S3, "Amarasinghe"),
])
def test_a_changed_or_misspelled_name_fails(quote, name, token):
    fails(quote, name, naming=token)
    fails(quote, name, options=MatchOptions(slips_per_100=10))


# ---- swapped words --------------------------------------------------------------------------------


@pytest.mark.parametrize("quote, name", [
    ("ISIS’s claim of responsibility for the London Bridge attack came last on TamTam, not Telegram", S0),
    ("It came on TamTam two minutes after any announcement", S0),
    ("The migration to TamTam seems likely to be long-lived", S0),
    ("ISIS supporters move form Telegram to TamTam post London Bridge attack", S0),
    ("who specializes in tracking foreign fighters how have joined ISIS", S0),
    ("the last stable area in which the group can walk openly", S0),
    ("By Saturday afternoon Telegram was a ghost ship for Islamic extremists", S0),
])
def test_a_swapped_word_fails(quote, name):
    fails(quote, name, naming="quote says")


# ---- omissions and stitching ----------------------------------------------------------------------


def test_words_left_out_without_an_ellipsis_fail():
    fails("By Saturday afternoon Telegram was a ghost town for extremists", naming="leaves out")


def test_passages_stitched_without_an_ellipsis_fail():
    fails(
        "By Saturday afternoon Telegram was a ghost town for Islamic extremists. "
        "By Tuesday, however, even those groups had disappeared.",
        S2,
    )


# ---- wrong source ---------------------------------------------------------------------------------


def test_a_quote_from_another_source_fails_and_is_found_there():
    quote = "Nearly 5,000 accounts and over 26,000 items, including videos"
    fails(quote, S0)
    found = find_elsewhere(Citation(S0, quote, "facts.yaml", 1), Library(SEEDS), MatchOptions())
    assert found is not None and found[0] == S3 and found[1].line == 9


def test_a_quote_in_its_own_source_is_contained():
    assert contains("Nearly 5,000 accounts and over 26,000 items", seed(S3)) is not None
    assert contains("Nearly 5,000 accounts and over 26,000 items", seed(S0)) is None


# ---- too short ------------------------------------------------------------------------------------


@pytest.mark.parametrize("quote", ["the attack", "TamTam", "Now two", "it was a"])
def test_a_too_short_quote_is_an_error(quote):
    match = locate(quote, seed(S0))
    assert (match.status, match.ok) == ("too-short", False)


def test_a_quote_just_long_enough_passes():
    passes("Many of them ended up")
    assert locate("Many of them ended up", seed(S0), replace(MatchOptions(), min_words=6)).status == "too-short"


# ---- locators -------------------------------------------------------------------------------------


def test_a_selector_picks_the_pinned_occurrence_and_reports_a_move():
    quote = "By Saturday afternoon Telegram was a ghost town for Islamic extremists."
    pinned = locate(quote, seed(S0), selector=Selector(lines=(20, 20)))
    assert pinned.ok and pinned.spans[0].line == 20 and not pinned.moved
    moved = locate(quote, seed(S0), selector=Selector(lines=(40, 41)))
    assert moved.ok and "found at" in moved.moved


def test_brackets_and_ellipses_the_source_itself_has_are_text():
    doc = Document.from_text("He said he followed around 50 groups [before the crackdown] and he …read more", "x.txt")
    assert locate("around 50 groups [before the crackdown]", doc).status == "verbatim"  # not too short: 6 words stand
    assert locate("followed around 50 groups [before the crackdown] and he …read more", doc).status == "verbatim"
    assert locate("around 50 groups [today]", doc).status == "too-short"  # 3 words of the source and an insertion


# ---- found by the held-out set (bench/quotes/heldout.py) ------------------------------------------


def doc_of(text: str) -> Document:
    return Document.from_text(text, "t.txt")


def test_a_minus_sign_after_a_quote_mark_is_still_a_sign():
    doc = doc_of('The offsets were "UTC", "+100" and "-500" in the table.')
    assert not locate('were "UTC", "+100" and "500" in the table', doc).ok


def test_case_inside_a_link_is_meaning_but_inside_a_handle_a_slip():
    doc = doc_of("Hats off to @tamtamchat for it. pic.twitter.com/IforByxBNe was the picture he shared.")
    assert not locate("for it. pic.twitter.com/IforByxBNE was the picture", doc).ok
    assert locate("Hats off to @TamTamChat for it", doc).status == "fuzzy"


def test_a_changed_symbol_is_a_change_but_a_dropped_bullet_or_hashtag_mark_is_not():
    doc = doc_of("Usage grew by 50% of screen time ✅ today.\n  • Many of them left. And here we are, #IS booted off.")
    assert not locate("Usage grew by 50 of screen time today", doc).ok
    assert not locate("Usage grew by 50% of screen time ❌ today", doc).ok
    assert locate("And here we are, IS booted off", doc).ok


def test_a_decomposed_accent_is_the_accented_letter():
    doc = doc_of("Thanks to Guido Gu\u0308nther for the patch.")
    match = locate("Thanks to Guido Günther for the patch", doc)
    assert match.status == "normalized" and doc.text[match.spans[0].start : match.spans[0].end].endswith("patch")


def test_british_and_american_spellings_are_slips_not_other_words():
    doc = doc_of("The organisation said its favourite sympathisers would stay.")
    assert locate("The organization said its favorite sympathizers would stay", doc).status == "fuzzy"
    assert not locate("The organisation said its favourite sympathisers would go", doc).ok


def test_an_ellipsis_may_not_hide_a_negation_or_a_short_count():
    fails("cautioned that it would ... be easy to root out the group for online platforms", S3, naming="a negation")
    fails(
        "where two people were stabbed to death and ... others injured by 28-year-old British citizen",
        S4,
        naming="a number",
    )
    passes("It came on TamTam two minutes before any announcement ... that were still up", statuses=("elided",))


def test_a_bracket_may_not_replace_the_sources_own_words():
    fails(
        "the ISIS groups all began to show lots of activity that made it [harder] to identify them",
        naming="replaces the source's own words",
    )
    passes("ISIS’s claim of responsibility for [the attack] came first on TamTam", statuses=("elided",))


def test_a_leading_bracket_may_not_hide_a_quantifier():
    fails("[Some] groups had disappeared from TamTam while Telegram had only two active groups")


# ---- found by the second held-out set (bench/quotes/heldout2.py) ----------------------------------


def test_a_slip_in_a_code_name_is_a_change():
    doc = doc_of("Use heappush(heap, item) to push the value item onto the heap.")
    assert not locate("Use heapush(heap, item) to push the value item onto the heap", doc).ok


def test_a_plural_of_a_known_word_is_a_word_not_a_slip():
    fails("But even as prosectors and police officials in Europe claimed it as a major victory")


def test_a_question_made_a_statement_is_a_change():
    doc = doc_of("Will this stuff be tolerated? Of course it will, he said.")
    assert not locate("Will this stuff be tolerated. Of course it will", doc).ok


def test_a_leading_bracket_may_stand_for_the_same_words():
    passes("[Two] people were stabbed to death and three others injured", S4, statuses=("elided", "normalized"))
    passes("ISIS’s claim of responsibility for the London Bridge attack came first on TamTam", statuses=("verbatim",))
    passes("A single tweet pointed the way to [ISIS]'s new online home", statuses=("elided",))


def test_the_sources_own_brackets_between_ellipses_are_text():
    doc = doc_of("These make it possible to view the heap as a regular list where heap[0] is the smallest item.")
    assert locate("These make it possible ... where heap[0] is the smallest item", doc).status == "elided"


# ---- found by the third held-out set (bench/quotes/heldout3.py) -----------------------------------


def test_a_quote_may_not_begin_or_end_inside_a_hyphenated_compound():
    fails("Telegram operation was started just a few days before the London attack", S0, naming="inside the compound")
    doc = doc_of("In heapq, non-existing elements are considered to be infinite.")
    assert not locate("existing elements are considered to be infinite", doc).ok


def test_a_place_inside_a_compound_gives_way_to_a_clean_one_further_on():
    """Found by Hypothesis: the first place the quote stood ended inside "According-According", and the quote
    failed though it stood, whole words, further on."""
    text = "The vote of non-existing members was void. Later, existing members were counted."
    match = locate("existing members", doc_of(text), MatchOptions(min_words=1, min_chars=1))
    assert match.ok and match.spans[0].start == text.index("Later, e") + 7, match


def test_an_ellipsis_may_not_join_the_words_around_a_number_to_another():
    doc = doc_of("Nearly 5,000 accounts and over 26,000 items were shut down, said Europol on Monday.")
    assert not locate("Nearly ... 26,000 items were shut down", doc).ok
    assert locate("Nearly 5,000 accounts ... were shut down, said Europol", doc).status == "elided"


def test_too_short_counts_words_as_written():
    doc = doc_of("Release 9.1 (2022-04-15) fixed the sort bug.")
    assert locate("9.1 (2022-04-15)", doc).status == "too-short"


def test_a_space_lost_after_punctuation_is_typography():
    passes(
        "By Saturday afternoon Telegram was a ghost town for Islamic extremists.But a single tweet",
        statuses=("normalized", "fuzzy"),
    )


def test_the_editor_may_correct_the_sources_own_misspelling():
    doc = doc_of("Note the file-based capabilties are very rarely used on such systems.")
    assert locate("the file-based capabilities are very rarely used", doc).status == "fuzzy"


# ---- found by the property tests ------------------------------------------------------------------


def test_a_quote_keeps_its_trailing_underscore_and_leading_minus():
    doc = doc_of("Thanks to Michael Krona (@GlobalMedia_) and a drop to -5,000 accounts at the end of the year.")
    assert locate("Thanks to Michael Krona (@GlobalMedia_", doc).status == "verbatim"
    assert locate("-5,000 accounts at the end", doc).status == "verbatim"
    assert not locate("5,000 accounts at the end", doc).ok


def test_written_words_do_not_depend_on_how_dashes_and_spaces_are_typed():
    from checker.match.quote import written_words

    assert written_words("According According - According-According-According") == 5
    assert written_words("9.1 (2022-04-15)") == 2
