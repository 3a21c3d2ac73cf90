"""Partial dates and intervals, checked against a day-by-day reference."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factlog import Interval, PartialDate
from factlog.model._dates import hull_ends
from tests.strategies import intervals, partial_dates

# A small window keeps the day-by-day reference cheap; open ends reach past it.
YEARS = (2019, 2020)
BEFORE = datetime.date(2018, 12, 31)
AFTER = datetime.date(2021, 1, 1)


def _days(date: PartialDate | None, open_day: datetime.date) -> list[datetime.date]:
    """Every day a partial date may be, by walking the calendar from its text."""
    if date is None:
        return [open_day]
    text = str(date)
    found = []
    day = datetime.date(int(text[:4]), 1, 1)
    while day.year == int(text[:4]):
        if day.isoformat().startswith(text):
            found.append(day)
        day += datetime.timedelta(days=1)
    return found


def _readings(interval: Interval) -> list[tuple[datetime.date, datetime.date]]:
    """Every precise (start, end) reading of an interval, start never after end."""
    starts = _days(interval.start, BEFORE)
    ends = _days(interval.end, AFTER)
    return [(s, e) for s in starts for e in ends if s <= e]


def _reference(a: Interval, b: Interval) -> dict[str, bool]:
    ra, rb = _readings(a), _readings(b)
    # Reduce each side to the extremes of its readings: exact for these monotone relations.
    a_s_min, a_s_max = min(s for s, _ in ra), max(s for s, _ in ra)
    a_e_min, a_e_max = min(e for _, e in ra), max(e for _, e in ra)
    b_s_min, b_s_max = min(s for s, _ in rb), max(s for s, _ in rb)
    b_e_min, b_e_max = min(e for _, e in rb), max(e for _, e in rb)
    return {
        "overlaps": a_s_min <= b_e_max and b_s_min <= a_e_max,
        "overlaps!": a_s_max <= b_e_min and b_s_max <= a_e_min,
        "before": a_e_min < b_s_max,
        "before!": a_e_max < b_s_min,
        "contains!": a_s_max <= b_s_min and b_e_max <= a_e_min,
        # The widest reading of a is a reading; if any contains a reading of b, it does.
        "contains": any(a_s_min <= sb and eb <= a_e_max for sb, eb in rb),
    }


@settings(max_examples=150)
@given(intervals(YEARS), intervals(YEARS))
def test_relations_agree_with_day_level_reference(a: Interval, b: Interval) -> None:
    """Every relation, possible and definite, matches brute force over precise readings."""
    expected = _reference(a, b)
    assert a.overlaps(b) == expected["overlaps"]
    assert a.overlaps(b, definitely=True) == expected["overlaps!"]
    assert a.before(b) == expected["before"]
    assert a.before(b, definitely=True) == expected["before!"]
    assert a.contains(b, definitely=True) == expected["contains!"]
    assert a.contains(b) == expected["contains"]
    assert b.after(a, definitely=True) == expected["before!"]


@given(intervals(), intervals())
def test_definite_implies_possible(a: Interval, b: Interval) -> None:
    """What holds in every reading holds in some reading."""
    if a.overlaps(b, definitely=True):
        assert a.overlaps(b)
    if a.before(b, definitely=True):
        assert a.before(b)
        assert not a.overlaps(b)
    if a.contains(b, definitely=True):
        assert a.contains(b)


@given(intervals(), intervals())
def test_overlap_is_symmetric(a: Interval, b: Interval) -> None:
    """a overlaps b exactly when b overlaps a, in both strengths."""
    assert a.overlaps(b) == b.overlaps(a)
    assert a.overlaps(b, definitely=True) == b.overlaps(a, definitely=True)


@given(partial_dates())
def test_partial_date_text_round_trips(date: PartialDate) -> None:
    """A partial date reads back from its own text."""
    assert PartialDate.parse(str(date)) == date
    assert date.earliest <= date.latest


@given(intervals())
def test_interval_text_round_trips(interval: Interval) -> None:
    """An interval reads back from its own text."""
    assert Interval.parse(str(interval)) == interval


@given(intervals())
def test_a_parsed_interval_keeps_what_one_made_keeps(interval: Interval) -> None:
    """An interval read from its text is an Interval with the fields, span, exactness and text of one made whole."""
    parsed = Interval._parse(str(interval))
    kept = ("start", "end", "start_unknown", "end_unknown", "exact", "span", "state_span", "_text")
    assert type(parsed) is Interval
    assert [getattr(parsed, name) for name in kept] == [getattr(interval, name) for name in kept]


def test_year_possibly_but_not_definitely_overlaps_its_month() -> None:
    """2019 and 2019-06 may overlap; they need not."""
    year, june = Interval.parse("2019"), Interval.parse("2019-06")
    assert year.overlaps(june)
    assert not year.overlaps(june, definitely=True)
    assert not year.before(june, definitely=True)


def test_open_end_reaches_any_later_date() -> None:
    """2025-01-20/.. overlaps every later day and no earlier one."""
    since = Interval.parse("2025-01-20/..")
    assert since.overlaps(Interval.parse("2030-05"), definitely=True)
    assert Interval.parse("2024").before(since, definitely=True)
    assert str(Interval.parse("../2019")) == "../2019"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2025-13", "month must be between 1 and 12"),
        ("2025-02-30", "2025-02 has no day 30"),
        ("25-10", "expected a partial date"),
        ("2025/2019", "interval ends before it starts"),
        ("../..", "at least one bound"),
        ("0000", "year must be between 1 and 9999"),
    ],
)
def test_invalid_dates_are_refused(text: str, message: str) -> None:
    """Malformed and impossible dates raise ValueError saying why."""
    with pytest.raises(ValueError, match=message):
        Interval.parse(text)


def test_sort_keys_order_by_first_day() -> None:
    """Dates sort by their first possible day, then their last."""
    dates = [PartialDate.parse(t) for t in ["2020", "2019-06", "2019", "2019-06-15"]]
    assert [str(d) for d in sorted(dates, key=lambda d: d.sort_key)] == ["2019", "2019-06", "2019-06-15", "2020"]
    assert PartialDate.from_date(datetime.date(2025, 10, 10)).precision == "day"


@given(st.dates(datetime.date(1, 1, 1), datetime.date(9999, 12, 31)))
def test_day_precise_date_is_one_day(day: datetime.date) -> None:
    """A day-precise partial date covers exactly that day."""
    date = PartialDate.from_date(day)
    assert date.earliest == date.latest == day


@pytest.mark.parametrize("texts", [("2015", "2015-01"), ("2015-01", "2015"), ("2015-12", "2015", "2015-01-01")])
def test_hull_ends_take_the_widest_of_a_tie_in_any_order(texts: tuple[str, ...]) -> None:
    """Of starts on one first day, and of ends on one last day, the widest: 2015 whatever the order."""
    first, last = hull_ends(Interval.parse(text) for text in texts)
    assert (str(first.start), str(last.end)) == ("2015", "2015")
