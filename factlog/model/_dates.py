"""Partial dates and intervals: the EDTF level 0/1 subset factlog reads and writes.

A :class:`PartialDate` has year, month or day precision (``2019``, ``2025-10``,
``2025-10-10``) and stands for every day it might be. An :class:`Interval` runs from a
start to an end, either of which may be open (``2025-01-20/..``, ``../2019``); a single
partial date is the interval from it to itself (``2019`` is "some time in 2019" for an
event, "throughout 2019" for a state).

Because bounds are imprecise, every relation comes in two strengths: ``definitely``
(true for every precise reading of both intervals) and the default, *possibly* (true for
at least one). ``2019`` possibly overlaps ``2019-06`` but does not definitely overlap it,
and ``2019`` is not definitely before ``2019-06``.

Days are proleptic Gregorian, years 1 to 9999. EDTF's qualifiers (``?``, ``~``),
unspecified digits (``201X``) and seasons are not part of the subset.
"""

from __future__ import annotations

import calendar
import datetime
import functools
import re

import attrs

from factlog.errors import DateError

__all__ = ["Interval", "PartialDate"]

_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_OPEN = ".."
# Open ends are further than any real day, so comparisons need no special case.
_NEG_INF = 0
_POS_INF = datetime.date.max.toordinal() + 1


def _check_date(instance: PartialDate, attribute: attrs.Attribute[int | None], value: int | None) -> None:
    del attribute, value  # the check looks at all three fields together
    if not 1 <= instance.year <= 9999:
        raise DateError(f"year must be between 1 and 9999, got {instance.year}")
    if instance.month is None:
        if instance.day is not None:
            raise DateError("a day needs a month")
        return
    if not 1 <= instance.month <= 12:
        raise DateError(f"month must be between 1 and 12, got {instance.month}")
    if instance.day is not None:
        last = calendar.monthrange(instance.year, instance.month)[1]
        if not 1 <= instance.day <= last:
            raise DateError(f"{instance.year:04d}-{instance.month:02d} has no day {instance.day}")


@attrs.frozen(order=False)
class PartialDate:
    """A calendar date known to the year, the month or the day."""

    year: int = attrs.field(validator=attrs.validators.instance_of(int))
    month: int | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(int))
    )
    day: int | None = attrs.field(
        default=None, validator=[attrs.validators.optional(attrs.validators.instance_of(int)), _check_date]
    )

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
        return parse_date(text) if isinstance(text, str) else cls._parse(text)

    @classmethod
    def _parse(cls, text: str) -> PartialDate:
        match = _DATE.fullmatch(text) if isinstance(text, str) else None
        if match is None:
            raise DateError(f"expected a partial date like 2025, 2025-10 or 2025-10-10, got {text!r}")
        year, month, day = match.groups()
        try:
            return cls(int(year), None if month is None else int(month), None if day is None else int(day))
        except ValueError as error:
            raise DateError(f"invalid date {text!r}: {error}") from None

    @classmethod
    def from_date(cls, day: datetime.date) -> PartialDate:
        """The day-precise partial date of a :class:`datetime.date`."""
        return cls(day.year, day.month, day.day)

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @property
    def precision(self) -> str:
        """``year``, ``month`` or ``day``."""
        return "year" if self.month is None else "month" if self.day is None else "day"

    @property
    def earliest(self) -> datetime.date:
        """The first day the date might be."""
        return datetime.date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> datetime.date:
        """The last day the date might be."""
        month = self.month or 12
        return datetime.date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    @functools.cached_property
    def first_day(self) -> int:
        """:attr:`earliest` as a proleptic Gregorian ordinal."""
        return self.earliest.toordinal()

    @functools.cached_property
    def last_day(self) -> int:
        """:attr:`latest` as a proleptic Gregorian ordinal."""
        return self.latest.toordinal()

    @functools.cached_property
    def sort_key(self) -> tuple[int, int]:
        """Orders dates by their first, then their last possible day."""
        return (self.first_day, self.last_day)


def _check_interval(
    instance: Interval, attribute: attrs.Attribute[PartialDate | None], value: PartialDate | None
) -> None:
    del attribute, value
    if instance.start is not None and instance.end is not None and instance.start.first_day > instance.end.last_day:
        raise DateError(f"interval ends before it starts: {instance}")


_optional_date = attrs.validators.optional(attrs.validators.instance_of(PartialDate))


@attrs.frozen(order=False)
class Interval:
    """A span of time between two partial dates; ``None`` is an open end."""

    start: PartialDate | None = attrs.field(validator=_optional_date)
    end: PartialDate | None = attrs.field(validator=[_optional_date, _check_interval])

    @classmethod
    def parse(cls, text: str) -> Interval:
        """Read ``2019``, ``2019/2025-10``, ``2025-01-20/..`` or ``../2019``."""
        return parse_interval(text) if isinstance(text, str) else cls._parse(text)

    @classmethod
    def _parse(cls, text: str) -> Interval:
        if not isinstance(text, str):
            raise DateError(f"expected a date or interval string, got {text!r}")
        if "/" not in text:
            day = PartialDate.parse(text)
            return cls(day, day)
        first, _, second = text.partition("/")
        if first == _OPEN and second == _OPEN:
            raise DateError(f"an interval needs at least one bound, got {text!r}")
        start = None if first == _OPEN else PartialDate.parse(first)
        end = None if second == _OPEN else PartialDate.parse(second)
        return cls(start, end)

    @classmethod
    def between(cls, start: str | None, end: str | None) -> Interval:
        """An interval from two date strings, ``None`` for an open end."""
        return cls(None if start is None else PartialDate.parse(start), None if end is None else PartialDate.parse(end))

    def __str__(self) -> str:
        if self.start is not None and self.start == self.end:
            return str(self.start)
        first = _OPEN if self.start is None else str(self.start)
        second = _OPEN if self.end is None else str(self.end)
        return f"{first}/{second}"

    # The four bounds of the precise readings: a reading starts on a day in
    # [start_low, start_high] and ends on a day in [end_low, end_high], never before it starts.
    @property
    def start_low(self) -> int:
        """The earliest day any reading may start, as an ordinal."""
        return _NEG_INF if self.start is None else self.start.first_day

    @property
    def start_high(self) -> int:
        """The latest day any reading may start, as an ordinal."""
        if self.start is None:
            return _NEG_INF
        return min(self.start.last_day, self.end_high)

    @property
    def end_high(self) -> int:
        """The latest day any reading may end, as an ordinal."""
        return _POS_INF if self.end is None else self.end.last_day

    @property
    def end_low(self) -> int:
        """The earliest day any reading may end, as an ordinal."""
        if self.end is None:
            return _POS_INF
        return max(self.end.first_day, self.start_low)

    @property
    def sort_key(self) -> tuple[int, int]:
        """Orders intervals by their earliest start, then their latest end."""
        return (self.start_low, self.end_high)

    def overlaps(self, other: Interval, *, definitely: bool = False) -> bool:
        """Whether the two intervals share a day (in every reading, if ``definitely``)."""
        if definitely:
            return self.start_high <= other.end_low and other.start_high <= self.end_low
        return self.start_low <= other.end_high and other.start_low <= self.end_high

    def before(self, other: Interval, *, definitely: bool = False) -> bool:
        """Whether this interval ends before the other starts (in every reading, if ``definitely``)."""
        if definitely:
            return self.end_high < other.start_low
        return self.end_low < other.start_high

    def after(self, other: Interval, *, definitely: bool = False) -> bool:
        """Whether this interval starts after the other ends."""
        return other.before(self, definitely=definitely)

    def contains(self, other: Interval, *, definitely: bool = False) -> bool:
        """Whether every day of the other interval lies inside this one."""
        if definitely:
            return self.start_high <= other.start_low and other.end_high <= self.end_low
        first = max(self.start_low, other.start_low)
        last = min(self.end_high, other.end_high)
        return first <= other.start_high and last >= other.end_low and first <= last


# Dates and intervals are immutable and repeat constantly in a corpus: parse each text once.
@functools.lru_cache(maxsize=65536)
def parse_date(text: str) -> PartialDate:
    """:meth:`PartialDate.parse`, for a string; each text is parsed once."""
    return PartialDate._parse(text)


@functools.lru_cache(maxsize=65536)
def parse_interval(text: str) -> Interval:
    """:meth:`Interval.parse`, for a string; each text is parsed once."""
    return Interval._parse(text)
