"""What the model classes keep besides their fields: filled by every way of making an object, read at slot speed."""

from __future__ import annotations

import calendar
import datetime
import pickle
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factlog
from factlog import ClaimSet, Interval, PartialDate, WrittenWhen
from factlog.checks import check
from factlog.model import Claim, Vocabulary
from factlog.model._partial import SEASONS
from tests.helpers import ROOT, remade
from tests.strategies import claim_sets, edtf_dates, edtf_intervals

CORPUS = factlog.load(ROOT / "sources")
_OPEN_START, _OPEN_END = 0, datetime.date.max.toordinal() + 1


def _month_bound(day: datetime.date, step: int) -> int:
    index = day.year * 12 + day.month - 1 + step
    year, month = divmod(index, 12)
    if not 1 <= year <= 9999:
        return (datetime.date.min if step < 0 else datetime.date.max).toordinal()
    last = 1 if step < 0 else calendar.monthrange(year, month + 1)[1]
    return datetime.date(year, month + 1, last).toordinal()


def _date_days(date: PartialDate) -> tuple[int, int]:
    """The first and last day of a date, from its fields alone (an oracle written apart from the model)."""
    if date.month is None:
        first = datetime.date(date.year, 1, 1)
        last = datetime.date(date.year + 10**date.unspecified - 1, 12, 31)
    elif date.month in SEASONS:
        low, high = SEASONS[date.month]
        first = datetime.date(date.year, low, 1)
        year, month = (date.year + 1, high - 12) if high > 12 else (date.year, high)
        last = datetime.date(year, month, calendar.monthrange(year, month)[1])
    else:
        first = datetime.date(date.year, date.month, date.day or 1)
        last = datetime.date(date.year, date.month, date.day or calendar.monthrange(date.year, date.month)[1])
    if not (date.approximate or date.uncertain):
        return first.toordinal(), last.toordinal()
    if date.month is None:
        low = datetime.date(date.year - 1, 1, 1) if date.year > 1 else datetime.date.min
        high = datetime.date(last.year + 1, 12, 31) if last.year < 9999 else datetime.date.max
        return low.toordinal(), high.toordinal()
    if date.day is not None:
        return first.toordinal() - 7, last.toordinal() + 7
    return _month_bound(first, -1), _month_bound(last, 1)


def _kept(value: PartialDate | Interval) -> dict[str, Any]:
    names = ("first_day", "last_day", "sort_key") if isinstance(value, PartialDate) else ("exact", "span", "state_span")
    return {name: getattr(value, name) for name in (*names, "_text")}


def _remade(value: Any) -> list[Any]:
    """The same value made every way the library and its users make one, and parsed from its text."""
    return [*remade(value), type(value).parse(str(value))]


@given(edtf_dates())
def test_a_date_keeps_its_days_and_text(date: PartialDate) -> None:
    """A date's first and last day, sort key and text are those computed from its fields."""
    low, high = _date_days(date)
    assert (date.first_day, date.last_day, date.sort_key) == (low, high, (low, high))
    assert PartialDate.parse(str(date)) == date


@given(edtf_intervals())
def test_an_interval_keeps_its_spans(interval: Interval) -> None:
    """An interval's span, state span, exactness and text are those computed from its fields."""
    start, end = interval.start, interval.end
    low = _OPEN_START if start is None else _date_days(start)[0]
    high = _OPEN_END if end is None else _date_days(end)[1]
    assert interval.span == (low, high)
    first = end.first_day if interval.start_unknown and end is not None else low
    last = start.last_day if interval.end_unknown and start is not None else high
    assert interval.state_span == (first, last)
    dates = [date for date in (start, end) if date is not None]
    unknown = interval.start_unknown or interval.end_unknown
    assert interval.exact == (not unknown and all(not (d.approximate or d.uncertain) for d in dates))
    assert Interval.parse(str(interval)) == interval


@given(st.one_of(edtf_dates(), edtf_intervals()))
def test_every_way_of_making_a_date_or_interval_fills_what_it_keeps(value: PartialDate | Interval) -> None:
    """Constructor, evolve, pickle, copy, deepcopy and parse give equal objects keeping equal values."""
    for made in _remade(value):
        assert made == value
        assert hash(made) == hash(value)
        assert _kept(made) == _kept(value)


def test_words_keep_their_days_and_their_words() -> None:
    """A WrittenWhen, resolved or pending, keeps its spans and survives pickling with its words."""
    resolved = WrittenWhen.resolve("on Tuesday", "2025-10-30")
    again = pickle.loads(pickle.dumps(resolved))
    assert again.written == "on Tuesday"
    assert _kept(again) == _kept(resolved) == _kept(Interval(resolved.start, resolved.end))
    pending = WrittenWhen.pending("last week")
    assert pickle.loads(pickle.dumps(pending)).written == "last week"
    assert pending.span == (_OPEN_START, _OPEN_END)


@pytest.mark.parametrize("name", ["first_day", "sort_key", "_text"])
def test_what_a_date_keeps_is_frozen(name: str) -> None:
    """Assigning or deleting a kept value raises FrozenInstanceError, as for a field."""
    date = PartialDate(2019)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(date, name, 1)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        delattr(date, name)


@pytest.mark.parametrize("name", ["span", "exact", "entity_by_id"])
def test_what_an_interval_or_a_claim_set_keeps_is_frozen(name: str) -> None:
    """Assigning a kept value of an interval or a claim set raises FrozenInstanceError."""
    value: object = CORPUS if name == "entity_by_id" else Interval.parse("2019/2020")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(value, name, None)


@pytest.mark.parametrize("cls", [Claim, Interval, PartialDate, ClaimSet, WrittenWhen, check(CORPUS).__class__])
def test_the_model_classes_have_no_getattr_hook(cls: type) -> None:
    """No __getattr__ (attrs adds one for functools.cached_property): it would slow every attribute read."""
    assert not hasattr(cls, "__getattr__")
    assert "__dict__" not in dir(cls)


@settings(max_examples=25)
@given(claim_sets())
def test_a_claim_set_builds_its_maps_on_reading_and_keeps_them(claims: ClaimSet) -> None:
    """Each map by id holds each item under its id, is built once, and is rebuilt after pickling."""
    for section, name in [("entities", "entity_by_id"), ("sources", "source_by_id"), ("claims", "claim_by_id")]:
        built = getattr(claims, name)
        assert built == {item.id: item for item in getattr(claims, section)}
        assert getattr(claims, name) is built
        assert getattr(pickle.loads(pickle.dumps(claims)), name) == built


@settings(max_examples=25)
@given(claim_sets())
def test_a_claims_sources_are_its_evidence_sources_once_each(claims: ClaimSet) -> None:
    """Claim.sources lists each evidence source once, in evidence order."""
    for claim in claims.claims:
        expected: list[str] = []
        for evidence in claim.evidence:
            if evidence.source not in expected:
                expected.append(evidence.source)
        assert claim.sources == tuple(expected)


def test_a_report_keeps_its_vocabulary() -> None:
    """Report.vocabulary is the vocabulary of the claims, built once, rebuilt after pickling."""
    report = check(CORPUS)
    assert report.vocabulary is report.vocabulary
    assert report.vocabulary.names == Vocabulary.of(CORPUS).names
    assert pickle.loads(pickle.dumps(report)).vocabulary.names == report.vocabulary.names
