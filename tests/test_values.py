"""Typed values: quantities with qualifiers as intervals, dates in text resolved against a publication date."""
from __future__ import annotations

import math
from datetime import date, timedelta

import pytest
from hypothesis import given, strategies as st

from checker.values import (
    WEEKDAYS, BadValue, Boolean, DateValue, EntityRef, Quantity, Text, agree, find_counts, find_dates, find_quantities,
    find_versions, numbers_in,
    overlap, read_value, resolve_weekday,
)
from checker.values.quantities import BEFORE

PUBLISHED = date(2019, 12, 3)  # a Tuesday


@pytest.mark.parametrize("text, low, high, qualifier", [
    ("Nearly 5,000 accounts", 4500, 5000, "nearly"),
    ("over 26,000 items", 26000, math.inf, "over"),
    ("the 50 or so groups", 45, 55, "or so"),
    ("dozens of groups", 24, 99, "dozens"),
    ("scores of groups", 40, 199, "scores"),
    ("the handful of Telegram channels", 2, 9, "handful"),
    ("almost 100 ISIS channels", 90, 100, "almost"),
    ("1,200 messages", 1200, 1200, ""),
    ("two minutes", 2, 2, ""),
    ("twenty-eight people", 28, 28, ""),
    ("at least 5,000", 5000, math.inf, "at least"),
    ("fewer than 10", 0, 10, "fewer than"),
    ("between 40 and 50 people", 40, 50, "range"),
    ("1.5 million users", 1_500_000, 1_500_000, ""),
    ("some 300 fighters", 270, 330, "some"),
    ("a few newspapers", 2, 5, "few"),
])
def test_quantities_are_intervals(text, low, high, qualifier):
    [quantity] = find_quantities(text)
    assert (quantity.low, quantity.high, quantity.qualifier) == (pytest.approx(low), high, qualifier)


def test_open_ends_do_not_overlap():
    nearly, at_least = find_quantities("nearly 5,000 or at least 5,000")
    assert not overlap(nearly, at_least)
    assert overlap(*find_quantities("50 or so and dozens"))


def test_numbers_inside_dates_are_not_counts():
    assert [q.text for q in find_quantities("Last Saturday, November 30, 28-year-old Usman Khan")] == ["28"]
    assert {30.0, 28.0} <= numbers_in("Last Saturday, November 30, 28-year-old Usman Khan")


@pytest.mark.parametrize("text, resolved", [
    ("In the wake of Friday’s terror attack", "2019-11-29 (Friday)"),
    ("By Saturday afternoon Telegram was a ghost town", "2019-11-30 (Saturday afternoon)"),
    ("As of Tuesday afternoon", "2019-12-03 (Tuesday afternoon)"),  # the publication day itself
    ("last Tuesday", "2019-11-26 (Tuesday)"),
    ("next Friday", "2019-12-06 (Friday)"),
    ("On Monday night", "2019-12-02 (Monday night)"),
    ("Last Saturday, November 30, the attack", "2019-11-30 (Saturday)"),
    ("a crackdown that began on Nov 25", "2019-11-25"),
    ("on 29 November 2019", "2019-11-29"),
    ("in April last year", "2018-04"),
    ("reports last year", "2018"),
    ("launched in 2017", "2017"),
    ("in November 2019", "2019-11"),
    ("yesterday", "2019-12-02"),
    ("last week", "the week of 2019-11-25"),
])
def test_dates_in_text_resolve_against_the_publication_date(text, resolved):
    [mention] = find_dates(text, PUBLISHED)
    assert str(mention.resolved) == resolved


def test_a_date_late_in_the_year_before_a_january_paper_is_last_year():
    [mention] = find_dates("on December 30", date(2020, 1, 2))
    assert mention.resolved.low == date(2019, 12, 30)


def test_without_a_publication_date_weekdays_stay_unresolved():
    [weekday] = find_dates("Friday’s attack")
    [day] = find_dates("on November 30")
    assert weekday.resolved is None and "no publication date" in weekday.note
    assert (day.resolved, day.month, day.day) == (None, 11, 30)


def test_a_weekday_that_does_not_fit_its_date():
    [mention] = find_dates("Saturday, November 29", PUBLISHED)
    assert mention.weekday_misfit() == "Friday"
    [fits] = find_dates("Saturday, November 30", PUBLISHED)
    assert fits.weekday_misfit() is None


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 1, 1)), st.sampled_from(WEEKDAYS),
       st.sampled_from([None, "last", "next", "this"]))
def test_a_resolved_weekday_is_that_weekday_within_a_week(published, weekday, relation):
    day = resolve_weekday(weekday, published, relation)
    assert WEEKDAYS[day.weekday()] == weekday
    window = {None: (-6, 0), "last": (-7, -1), "next": (1, 7), "this": (-6, 6)}[relation]
    assert published + timedelta(days=window[0]) <= day <= published + timedelta(days=window[1])


def test_reading_values():
    assert read_value({"date": "2019-11-29", "weekday": "Friday", "part_of_day": "afternoon"}) == DateValue(
        date(2019, 11, 29), date(2019, 11, 29), "day", "Friday", "afternoon")
    assert read_value({"date": "2018-04-01", "precision": "month"}).high == date(2018, 4, 30)
    assert read_value({"quantity": "nearly 5,000"}).low == 4500
    assert read_value({"entity": "tamtam"}) == EntityRef("tamtam")
    assert read_value({"boolean": False}) == Boolean(False)
    assert read_value("2019-11-29") == read_value({"date": "2019-11-29"})
    assert read_value("tamtam", entity_ids={"tamtam"}) == EntityRef("tamtam")
    assert read_value("a ghost town") == Text("a ghost town")
    assert isinstance(read_value(28), Quantity)


def test_scalars_are_read_in_the_type_of_the_value_they_dispute():
    assert read_value("2019-11-30", like=read_value("2019-11-29")) == read_value({"date": "2019-11-30"})
    assert read_value("over 6,000", like=read_value(5000)).high == math.inf
    assert read_value("amaq", like=EntityRef("nashir")) == EntityRef("amaq")


@pytest.mark.parametrize("raw, message", [
    ({"quantity": "lots"}, "cannot read quantity 'lots'"),
    ({"date": "2019-02-30"}, "'2019-02-30' is not a calendar date"),
    ("29/11/2019", None),
])
def test_unreadable_values_say_what_to_write(raw, message):
    if message is None:
        assert read_value(raw) == Text("29/11/2019")
        return
    with pytest.raises(BadValue, match=message):
        read_value(raw)


def test_agreement_by_type():
    assert agree(read_value({"date": "2019-11-29", "part_of_day": "evening"}), read_value({"date": "2019-11-29"}))
    assert not agree(
        read_value({"date": "2019-11-29", "part_of_day": "evening"}),
        read_value({"date": "2019-11-29", "part_of_day": "morning"}),
    )
    assert agree(read_value({"date": "2019-11-01", "precision": "month"}), read_value("2019-11-29"))
    assert not agree(read_value("2019-11-29"), read_value(2019))
    assert agree(Text("Mail.Ru Group"), Text("mail.ru group"))


@given(st.integers(min_value=1, max_value=10**9), st.sampled_from(sorted(BEFORE)))
def test_any_number_with_any_qualifier_reads_back_with_its_anchor(n, qualifier):
    [quantity] = find_quantities(f"{qualifier} {n:,} accounts")
    assert quantity.anchor == n and quantity.qualifier == qualifier
    contains_anchor = quantity.low <= n <= quantity.high and not (quantity.low == n and quantity.low_open) and not (
        quantity.high == n and quantity.high_open)
    assert contains_anchor == (qualifier not in ("nearly", "almost", "close to", "just under", "just shy of", "under",
                                                 "less than", "fewer than", "below", "over", "more than", "above",
                                                 "in excess of", "upwards of", "just over"))


@pytest.mark.parametrize("n", [0, 1, 12, 5000])
@pytest.mark.parametrize("qualifier", sorted(BEFORE))
def test_a_quantity_agrees_with_itself(n, qualifier):
    """The claim may say what its quote says: "Counts can be reduced below zero" backs itself (it read as nothing)."""
    [quantity] = find_quantities(f"{qualifier} {n:,} accounts")
    assert overlap(quantity, quantity), quantity


@pytest.mark.parametrize("text, versions, counts", [
    ("bc (1.07.1-3) unstable; urgency=medium", ["1.07.1-3"], []),
    ("4.6.0 fixed 5 bugs", ["4.6.0"], [5.0]),
    ("version 4.6 has 30 checks", ["4.6"], [30.0]),
    ("v2 of the app", ["v2"], []),
    ("between 1.5-2 million", [], [1.5e6]),  # a range, not a version
])
def test_version_strings_are_versions_not_decimals_or_counts(text, versions, counts):
    assert find_versions(text) == versions
    assert [q.low for q in find_quantities(text)] == counts
    assert not {4.6, 1.07, 7.0} & numbers_in(text)


@pytest.mark.parametrize("text, counts", [
    ("Telegram was the Boeing 737 of messengers.", []),
    ("He filmed it on an iPhone 11.", []),
    ("It is a Web 2.0 app.", []),
    ("A 9/11-era law, as Claim 0021 records.", []),
    ("The COVID-19 crisis closed 30 firms.", ["30"]),
    ("Nearly 6,000 accounts were shut down.", ["Nearly 6,000"]),
    ("In London 50 people were hurt.", ["50"]),
    ("Boeing 737 jets are grounded.", ["737"]),  # a sentence's first word: capitals say nothing
    ("The 50 groups went dark.", ["50"]),
])
def test_a_number_that_is_part_of_a_name_is_not_a_count(text, counts):
    assert [q.text for q in find_counts(text)] == counts
