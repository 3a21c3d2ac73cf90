"""Strategies for the model's values: ids, texts, partial dates and intervals, quantities, patterns, time words."""

from __future__ import annotations

import calendar
import datetime
import functools
import operator
import string

import attrs
from hypothesis import strategies as st

from factlog import (
    DateValue,
    Estimate,
    Interval,
    PartialDate,
    Pattern,
    Quantity,
    TextValue,
)

# Built from sampled characters, not from the regex [a-z][a-z0-9-]{0,10}: the same strings, at a fraction of the cost.
ids = st.builds(
    operator.add,
    st.sampled_from(string.ascii_lowercase),
    st.text(string.ascii_lowercase + string.digits + "-", max_size=10),
)
texts = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30).filter(lambda s: s.strip())
words = st.text("abcdefghij ", min_size=1, max_size=12).filter(lambda s: s.strip())


# The strategies the date strategies draw from, built once (not once a draw, and not once a claim of a claim set).
_PRECISIONS = st.sampled_from(["year", "month", "day"])
_MONTHS = st.integers(1, 12)
_MONTH_DAYS = {length: st.integers(1, length) for length in (28, 29, 30, 31)}
_SEASONS = st.integers(21, 24)
_UNSPECIFIED = st.integers(1, 2)
_EDTF_FORMS = st.sampled_from(["plain", "unspecified", "season", "time"])
_HOURS, _MINUTES = st.integers(0, 23), st.integers(0, 59)


@functools.cache
def _years(years: tuple[int, int]) -> st.SearchStrategy[int]:
    return st.integers(*years)


@functools.cache
def _days(years: tuple[int, int]) -> st.SearchStrategy[datetime.date]:
    """Every day of the years, drawn as a day number (no filter to throw away the year and month dates)."""
    first, last = datetime.date(years[0], 1, 1), datetime.date(years[1], 12, 31)
    return st.integers(first.toordinal(), last.toordinal()).map(datetime.date.fromordinal)


@functools.cache
@st.composite
def partial_dates(draw: st.DrawFn, years: tuple[int, int] = (1990, 2030)) -> PartialDate:
    year = draw(_years(years))
    precision = draw(_PRECISIONS)
    if precision == "year":
        return PartialDate(year)
    month = draw(_MONTHS)
    if precision == "month":
        return PartialDate(year, month)
    return PartialDate(year, month, draw(_MONTH_DAYS[calendar.monthrange(year, month)[1]]))


_ONE_IN_SIX = st.integers(0, 5)


@functools.cache
@st.composite
def intervals(draw: st.DrawFn, years: tuple[int, int] = (1990, 2030), open_ends: bool = True) -> Interval:
    first = draw(partial_dates(years))
    second = draw(partial_dates(years))
    if first.first_day > second.last_day:
        first, second = second, first
    if draw(st.booleans()):
        return Interval(first, first)
    start: PartialDate | None = first
    end: PartialDate | None = second
    if open_ends and draw(_ONE_IN_SIX) == 0:
        start, end = (None, second) if draw(st.booleans()) else (first, None)
    return Interval(start, end)


@functools.cache
@st.composite
def edtf_dates(draw: st.DrawFn, years: tuple[int, int] = (1990, 2030)) -> PartialDate:
    """Any date factlog reads: plain, qualified, with unspecified digits, a season or a time of day."""
    form = draw(_EDTF_FORMS)
    if form == "unspecified":
        digits = draw(_UNSPECIFIED)
        year = draw(_years(years)) // 10**digits * 10**digits
        date = PartialDate(year, unspecified=digits)
    elif form == "season":
        date = PartialDate(draw(_years(years)), draw(_SEASONS))
    elif form == "time":
        day = draw(_days(years))
        clock = f"{draw(_HOURS):02d}:{draw(_MINUTES):02d}"
        if draw(st.booleans()):
            clock += f":{draw(_MINUTES):02d}"
        return PartialDate(day.year, day.month, day.day, time=clock)
    else:
        date = draw(partial_dates(years))
    approximate, uncertain = draw(st.booleans()), draw(st.booleans())
    return attrs.evolve(date, approximate=approximate, uncertain=uncertain)


_CLOSED_ENDS = st.just("both")
_ENDS = st.sampled_from(["both", "open start", "open end", "unknown start", "unknown end"])


@functools.cache
@st.composite
def edtf_intervals(draw: st.DrawFn, closed: bool = False) -> Interval:
    """Any interval factlog reads, with EDTF dates and (unless ``closed``) open or unknown ends."""
    first, second = draw(edtf_dates()), draw(edtf_dates())
    if first.first_day > second.last_day:
        first, second = second, first
    if draw(st.booleans()):
        return Interval(first, first)
    shape = draw(_CLOSED_ENDS if closed else _ENDS)
    if shape == "both":
        return Interval(first, second)
    if shape.endswith("start"):
        return Interval(None, second, start_unknown=shape.startswith("unknown"))
    return Interval(first, None, end_unknown=shape.startswith("unknown"))


numbers = st.one_of(
    st.integers(-(10**12), 10**12), st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12)
)


_AMOUNT_BOUNDS = st.sampled_from(["none", "amount", "beyond"])
_UNITS = st.none() | words | st.sampled_from(["km", "miles", "minutes", "hours", "months", "years"])
_ESTIMATES = st.none() | st.sampled_from(Estimate)


@st.composite
def quantities(draw: st.DrawFn) -> Quantity:
    amount = draw(numbers)
    # A bound beyond the amount is the nearer of a number drawn and the amount: every number on its side of the
    # amount, and no filter that throws the whole example away when three numbers in a row fall on the wrong side.
    bound = draw(_AMOUNT_BOUNDS)
    lower = None if bound == "none" else amount if bound == "amount" else min(draw(numbers), amount)
    upper = None if draw(st.booleans()) else max(draw(numbers), amount)
    unit = draw(_UNITS)
    estimate = draw(_ESTIMATES)
    if estimate is None:
        return Quantity(amount=amount, lower=lower, upper=upper, unit=unit)
    if estimate.vague is not None:
        return Quantity(estimate=estimate, unit=unit)
    return Quantity(amount=amount, estimate=estimate, unit=unit)


_TEXT_VALUES = texts.map(lambda t: TextValue(text=t))
_DATE_VALUES = (intervals() | edtf_intervals()).map(lambda i: DateValue(date=i))
_QUANTITIES = quantities()


def objects(entity_ids: list[str]) -> st.SearchStrategy[object]:
    return st.one_of(
        st.none(),
        st.sampled_from(entity_ids),
        st.lists(st.sampled_from(entity_ids), min_size=1, max_size=3, unique=True).map(tuple),
        _TEXT_VALUES,
        _DATE_VALUES,
        _QUANTITIES,
    )


_PATTERN_KINDS = {
    ranked: st.sampled_from(["last", "since", "years", *(["highest_since"] if ranked else [])])
    for ranked in (False, True)
}
_PATTERN_YEARS = st.integers(1, 30)
_UNTIL = st.none() | partial_dates()


@st.composite
def patterns(draw: st.DrawFn, ranked: bool = False) -> Pattern:
    """An everyday pattern: 'the last X was in Y', 'the first X since Y', 'the first in N years'.

    With ``ranked`` (the predicate has a rank) also 'the highest-level X since Y'.
    """
    kind = draw(_PATTERN_KINDS[ranked])
    value: object = draw(_PATTERN_YEARS) if kind == "years" else draw(intervals(open_ends=False))
    return Pattern(**{kind: value}, until=draw(_UNTIL))  # type: ignore[arg-type]


time_words = st.sampled_from(
    [
        "on Tuesday",
        "last week",
        "this month",
        "earlier this year",
        "in six years",
        "two days ago",
        "yesterday",
        "in October",
        "two days after the strike",
        "before the port strike",
        "since the strike",
        "October 2025",
        "Wednesday, 29 October 2025",
    ]
)
"""A proposition's ``when`` in words, of each form resolve_when reads (events: "the strike", "the port strike")."""

anchor_days = st.dates(min_value=datetime.date(2021, 1, 1), max_value=datetime.date(2030, 12, 31))
"""A day words for time are counted from."""


def wrong_arguments() -> st.SearchStrategy[object]:
    """Values no public function takes as its first argument: no text, path, factlog object or empty list.

    Lists and dicts hold numbers (a list of numbers is no list of paths, ids or rows); a
    list is never empty, as an empty list of rows or events is a right argument.
    """
    return st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=False),
        st.lists(st.integers(), min_size=1, max_size=3),
        st.dictionaries(st.integers(), st.integers(), max_size=2),
        st.builds(object),
    )


def slips(key: str) -> frozenset[str]:
    """Every key one slip from ``key``: a letter left out, doubled, or swapped with the next."""
    return frozenset(
        [key[:i] + key[i + 1 :] for i in range(len(key))]
        + [key[:i] + key[i] + key[i:] for i in range(len(key))]
        + [key[:i] + key[i + 1] + key[i] + key[i + 2 :] for i in range(len(key) - 1)]
    )


def extra_keys(names: list[str]) -> st.SearchStrategy[str]:
    """A key none of ``names`` is: one slip from one of them, or any snake_case word (a key of another object)."""
    slipped = st.sampled_from(sorted(names)).flatmap(lambda name: st.sampled_from(sorted(slips(name))))
    snake = st.builds(
        operator.add, st.sampled_from(string.ascii_lowercase), st.text(string.ascii_lowercase + "_", max_size=11)
    )
    return st.one_of(slipped, snake).filter(lambda key: key not in names)
