"""``as_of`` text read to the end of its last unit: ISO 8601 shapes, offsets, times the calendar cannot hold."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factlog import ArgumentError
from factlog.io._logtime import parse_time

UNITS = {
    "%Y-%m-%dT%H": datetime.timedelta(hours=1),
    "%Y%m%dT%H": datetime.timedelta(hours=1),
    "%Y-%m-%dT%H:%M": datetime.timedelta(minutes=1),
    "%Y%m%dT%H%M": datetime.timedelta(minutes=1),
    "%Y-%m-%dT%H:%M:%S": datetime.timedelta(seconds=1),
    "%Y%m%dT%H%M%S": datetime.timedelta(seconds=1),
    "%Y-%m-%d": datetime.timedelta(days=1),
    "%Y%m%d": datetime.timedelta(days=1),
}
MICROSECOND = datetime.timedelta(microseconds=1)


@given(
    st.datetimes(min_value=datetime.datetime(1, 1, 2), max_value=datetime.datetime(9999, 12, 30)),
    st.sampled_from(sorted(UNITS)),
    st.sampled_from(["", "Z", "+00:00", "+05:30", "-08:00", "+0530", "-11"]),
)
def test_text_means_the_end_of_its_last_unit(moment: datetime.datetime, shape: str, offset: str) -> None:
    """Oracle: the moment written to a unit, offset given or UTC, is read as the last microsecond of that unit."""
    written = moment.strftime(shape.replace("%Y", f"{moment.year:04d}"))  # %Y pads no year below 1000
    start = datetime.datetime.strptime(written, shape)
    zone = offset if "T" in shape else ""  # a date alone takes no offset
    text = written + zone
    shift = datetime.datetime.fromisoformat(f"2000-01-01T00:00{zone}").utcoffset() if zone else None
    expected = start + UNITS[shape] - MICROSECOND - (shift or datetime.timedelta(0))
    assert parse_time(text) == expected.replace(tzinfo=datetime.UTC)


@pytest.mark.parametrize(
    "text", ["9999-12-31T23:59-01:00", "0001-01-01T00:00+01:00", "9999-12-31T23:59:59.999999-00:01"]
)
def test_a_time_whose_utc_is_past_the_calendar_is_refused(text: str) -> None:
    """A time whose offset moves it past year 9999 or before year 1 is an ArgumentError, not an OverflowError."""
    with pytest.raises(ArgumentError, match="out of range"):
        parse_time(text)


@pytest.mark.parametrize("text", ["2025-10-30T12.5", "2025-10-30T12:30.5", "2025-10-30T12,5Z", "20251030T1230.25"])
def test_a_fraction_of_an_hour_or_a_minute_is_refused(text: str) -> None:
    """ISO 8601 reads 12:30.5 as 12:30:30; Python's reader took it as 12:30:00.5: refused rather than misread."""
    with pytest.raises(ArgumentError, match="fraction"):
        parse_time(text)


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("2025-W44", "2025-11-02T23:59:59.999999"),
        ("2025W44", "2025-11-02T23:59:59.999999"),
        ("2025-W44-1", "2025-10-27T23:59:59.999999"),
    ],
)
def test_a_week_means_its_last_day(text: str, end: str) -> None:
    """An ISO week without its day names the week (Monday to Sunday), read to its end, as a date is to its day's."""
    assert parse_time(text) == datetime.datetime.fromisoformat(end).replace(tzinfo=datetime.UTC)
