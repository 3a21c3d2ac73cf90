"""Time as reporters write it: relative expressions resolved against the day they were said."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

import factlog
from factlog import (
    Interval,
    PartialDate,
    TimeExpressionError,
    find_time_expressions,
    resolve_when,
    weekday_mismatches,
)

ANCHOR = "2025-10-30"  # a Thursday
EVENTS = {"the strike": Interval.parse("2025-10-20"), "summit": Interval.parse("2025-06-24/2025-06-25")}


@pytest.mark.parametrize(
    ("words", "meaning"),
    [
        ("yesterday", "2025-10-29"),
        ("today", "2025-10-30"),
        ("on Tuesday", "2025-10-28"),
        ("Thursday", "2025-10-30"),
        ("last Thursday", "2025-10-23"),
        ("last Tuesday", "2025-10-21"),
        ("last Wednesday", "2025-10-22"),
        ("last Sunday", "2025-10-26"),
        ("next Tuesday", "2025-11-04"),
        ("last week", "2025-10-20/2025-10-26"),
        ("this week", "2025-10-27/2025-11-02"),
        ("this month", "2025-10"),
        ("last year", "2024"),
        ("earlier this year", "2025-01-01/2025-10-30"),
        ("later this month", "2025-10-30/2025-10-31"),
        ("two days after the strike", "2025-10-22"),
        ("three days before the summit", "2025-06-21"),
        ("after the strike", "2025-10-21/.."),
        ("before the strike", "../2025-10-19"),
        ("since the strike", "2025-10-20/2025-10-30"),
        ("in six years", "2031"),
        ("a few months ago", "2025-01/2025-07"),
        ("3 days ago", "2025-10-27"),
        ("in the past two weeks", "2025-10-16/2025-10-30"),
        ("since 2019", "2019/2025-10-30"),
        ("in October", "2025-10"),
        ("in November", "2024-11"),
        ("last October", "2024-10"),
        ("in October 2024", "2024-10"),
        ("30 October 2025", "2025-10-30"),
        ("October 30, 2025", "2025-10-30"),
        ("on Thursday, 30 October 2025", "2025-10-30"),
        ("On Thursday, October 30, 2025", "2025-10-30"),
        ("on 2025-10-30", "2025-10-30"),
        ("in 2019", "2019"),
        ("in the next two weeks", "2025-10-30/2025-11-13"),
        ("three weeks later", "2025-11-17/2025-11-23"),
        ("a year from now", "2026"),
        ("two months after the summit", "2025-08"),
        ("during the summit", "2025-06-24/2025-06-25"),
        ("this October", "2025-10"),
        ("next October", "2026-10"),
        ("since Tuesday", "2025-10-28/2025-10-30"),
    ],
)
def test_expression_meaning(words: str, meaning: str) -> None:
    """Each documented form means the documented span, said on Thursday 30 October 2025."""
    assert str(resolve_when(words, ANCHOR, events=EVENTS)) == meaning


def test_future_tense_takes_the_next_month() -> None:
    """'in November' said of what will happen is the next November, not the last."""
    assert str(resolve_when("in November", ANCHOR, future=True)) == "2025-11"


def test_future_words_in_the_expression_count() -> None:
    """A future marker in the words themselves ('next') needs no flag."""
    assert str(resolve_when("next month", ANCHOR)) == "2025-11"


def test_coarse_anchor_gives_the_union() -> None:
    """'yesterday' said some day in October 2025 is some day from 30 September to 30 October."""
    assert str(resolve_when("yesterday", "2025-10")) == "2025-09-30/2025-10-30"


def test_interval_anchor() -> None:
    """An anchor given as an interval (a publication date known to two days) widens the answer."""
    assert str(resolve_when("yesterday", Interval.parse("2025-06-24/2025-06-25"))) == "2025-06-23/2025-06-24"


def test_partial_date_anchor() -> None:
    """A PartialDate is an anchor as good as its string."""
    assert resolve_when("yesterday", PartialDate(2025, 10, 30)) == Interval.parse("2025-10-29")


def test_unknown_event_is_an_error_naming_the_known_ones() -> None:
    """An event that was not named is refused, listing the events that were."""
    with pytest.raises(TimeExpressionError, match="summit"):
        resolve_when("two days after the parade", ANCHOR, events=EVENTS)


def test_unknown_form_is_an_error() -> None:
    """Words that are no known time form raise TimeExpressionError, a ValueError."""
    with pytest.raises(ValueError, match="cannot resolve"):
        resolve_when("once upon a time", ANCHOR)


@pytest.mark.parametrize(
    ("words", "message"),
    [
        ("after the war", "still going"),
        ("two days after the war", "open-ended"),
        ("before the past", "open start"),
        ("since before the strike", "needs a start"),
        ("31 February 2025", "not a date"),
    ],
)
def test_impossible_resolutions_are_errors(words: str, message: str) -> None:
    """Open-ended events, a 'since' without a start and impossible dates are refused, saying why."""
    events = {**EVENTS, "the war": Interval.parse("2022/.."), "the past": Interval.parse("../2000")}
    with pytest.raises(TimeExpressionError, match=message):
        resolve_when(words, ANCHOR, events=events)


def test_open_anchor_is_refused() -> None:
    """An anchor without both ends cannot anchor anything."""
    with pytest.raises(TimeExpressionError, match="both ends"):
        resolve_when("yesterday", "2025/..")


def test_find_time_expressions_spans_and_meanings() -> None:
    """The finder returns each expression with its offsets and its meaning, in order."""
    sentence = "On Tuesday, two days after the strike, officials said the visit will be in November."
    found = find_time_expressions(sentence, ANCHOR, events=EVENTS)
    assert [(sentence[f.start : f.end], str(f.when)) for f in found] == [
        ("On Tuesday", "2025-10-28"),
        ("two days after the strike", "2025-10-22"),
        ("in November", "2025-11"),
    ]


def test_finder_keeps_on_weekday_and_full_date() -> None:
    """'On Thursday, 30 October 2025' opening a sentence is found whole, with its date."""
    sentence = "On Thursday, 30 October 2025, the army attacked."
    found = find_time_expressions(sentence, "2025-10-31")
    assert [(f.text, str(f.when)) for f in found] == [("On Thursday, 30 October 2025", "2025-10-30")]


def test_finder_skips_unknown_events() -> None:
    """'after the war' is not reported when no event called the war is given."""
    assert find_time_expressions("Prices rose after the war.", ANCHOR) == []


def test_weekday_mismatch_reported() -> None:
    """'Wednesday, 30 October 2025' is reported: that day is a Thursday."""
    (found,) = weekday_mismatches("Published Wednesday, 30 October 2025.")
    assert (found.text, found.written, found.actual) == ("Wednesday, 30 October 2025", "Wednesday", "Thursday")


def test_weekday_match_not_reported() -> None:
    """A weekday that matches its date, in any of the usual orders, is not reported."""
    assert weekday_mismatches("Thursday, 30 October 2025; Thursday October 30, 2025; Thursday 2025-10-30.") == []


@given(st.dates(datetime.date(1900, 1, 8), datetime.date(2100, 12, 24)), st.integers(0, 6))
def test_weekday_is_within_the_past_week(day: datetime.date, target: int) -> None:
    """'on <weekday>' is one of the seven days ending on the anchor, and falls on that weekday."""
    name = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")[target]
    found = resolve_when(f"on {name}", PartialDate.from_date(day))
    assert found.start == found.end
    assert found.start is not None
    assert found.start.earliest.weekday() == target
    assert 0 <= (day - found.start.earliest).days < 7


@given(st.dates(datetime.date(1900, 1, 15), datetime.date(2100, 12, 24)), st.integers(0, 6))
def test_last_weekday_is_that_day_of_last_week_never_yesterday(day: datetime.date, target: int) -> None:
    """'last <weekday>' falls on that weekday inside 'last week' (Monday to Sunday), whatever the anchor's day."""
    name = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")[target]
    found = resolve_when(f"last {name}", PartialDate.from_date(day))
    week = resolve_when("last week", PartialDate.from_date(day))
    assert found.start == found.end
    assert found.start is not None
    assert week.start is not None
    assert week.end is not None
    assert found.start.earliest.weekday() == target
    assert week.start.earliest <= found.start.earliest <= week.end.latest


@given(st.dates(datetime.date(1900, 1, 1), datetime.date(2100, 12, 31)), st.integers(1, 12))
def test_days_ago_is_subtraction(day: datetime.date, count: int) -> None:
    """'N days ago' is the anchor minus N days, for any anchor (an oracle by timedelta)."""
    found = resolve_when(f"{count} days ago", PartialDate.from_date(day))
    assert found == Interval.parse(str(PartialDate.from_date(day - datetime.timedelta(days=count))))


def test_an_event_may_be_given_as_a_date_string() -> None:
    """events={"the strike": "2025-10-20"} is read as the interval the string writes."""
    assert str(resolve_when("two days after the strike", "2025-10-30", events={"the strike": "2025-10-20"})) == (
        "2025-10-22"
    )


def test_an_event_of_another_type_is_a_factlog_error() -> None:
    """An event that is neither an Interval nor a string is a TimeExpressionError, not an AttributeError."""
    with pytest.raises(factlog.FactlogError, match="the strike"):
        resolve_when("after the strike", "2025-10-30", events={"the strike": 20251020})  # type: ignore[dict-item]


def test_a_datetime_date_anchors() -> None:
    """A datetime.date is an anchor, as the PartialDate of that day."""
    assert resolve_when("on Tuesday", datetime.date(2025, 10, 30)) == resolve_when("on Tuesday", "2025-10-30")


@pytest.mark.parametrize(
    ("text", "anchor", "message"),
    [
        ("on Tuesday", None, "anchor"),
        ("on Tuesday", 20251030, "anchor"),
        ("on Tuesday", "not a date", "anchor"),
        (None, "2025-10-30", "time expression"),
        (5, "2025-10-30", "time expression"),
    ],
)
def test_wrong_types_are_time_expression_errors(text: object, anchor: object, message: str) -> None:
    """No anchor, an anchor or words of the wrong type: TimeExpressionError saying which, not AttributeError."""
    with pytest.raises(TimeExpressionError, match=message):
        resolve_when(text, anchor)  # type: ignore[arg-type]


@pytest.mark.parametrize("words", ["in 1000 days", "in 999999999 years", "1000 days ago"])
def test_numbers_above_999_are_out_of_range(words: str) -> None:
    """A count above 999 is refused as out of range, not as an unknown form."""
    with pytest.raises(TimeExpressionError, match="out of range"):
        resolve_when(words, ANCHOR)
