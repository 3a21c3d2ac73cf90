"""Intervals of partial dates, and the date forms of :mod:`factlog.model._partial`.

An :class:`Interval` runs from a start to an end, each a :class:`PartialDate`, open
(``..``: still going, or since always) or unknown (empty: it stopped, or started, at a
time not given). The date forms and their meanings are told in
:mod:`factlog.model._partial`.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Iterable
from typing import Any

import attrs

from factlog._echo import echoed
from factlog.errors import DateError, FieldTypeError, expect
from factlog.model._cached import unpickled
from factlog.model._fields import instance_of
from factlog.model._partial import _NEG_INF, _OPEN, _POS_INF, PartialDate, _bool, date_shaped, parse_date

__all__ = ["Interval", "PartialDate", "as_interval", "closed_interval", "hull_ends", "parse_date", "parse_interval"]


def _check_interval(instance: Interval, attribute: attrs.Attribute[Any] | None, value: object) -> None:
    del attribute, value
    start, end = instance.start, instance.end
    if start is not None and end is not None and start.first_day > end.last_day:
        raise DateError(f"interval ends before it starts: {_text(instance)}")
    if (instance.start_unknown and start is not None) or (instance.end_unknown and end is not None):
        raise DateError("an unknown end has no date")
    if start is None and end is None:
        raise DateError("an interval needs at least one date")


_optional_date = attrs.validators.optional(instance_of(PartialDate))


class _SpanSlots:
    """What an :class:`Interval` computes when it is made, kept in slots read at slot speed.

    (Not :class:`functools.cached_property`: see :mod:`factlog.model._cached`.)
    """

    __slots__ = {
        "_text": "The EDTF text, as ``str()`` gives it (intervals read from files are shared: parse_interval).",
        "exact": "Whether every bound is given and neither approximate nor uncertain (open ends are exact).",
        "span": "``(start_low, end_high)``: every day any reading may cover, as ordinals.",
        "state_span": (
            "The days a state over this interval is committed to, as ordinals: :attr:`span`, except that"
            " an unknown end commits only to the start (it held then, and stopped at a time not given),"
            " and an unknown start only to the end."
        ),
    }
    exact: bool
    span: tuple[int, int]
    state_span: tuple[int, int]
    _text: str


@attrs.frozen(order=False)
class Interval(_SpanSlots):
    """A span of time between two partial dates; ``None`` is an open end, or an unknown one.

    Besides its fields it keeps :attr:`exact`, :attr:`span`, :attr:`state_span` and its
    text, computed when it is made (equality, hashing and pickling look at the fields only).
    """

    start: PartialDate | None = attrs.field(validator=_optional_date)
    end: PartialDate | None = attrs.field(validator=_optional_date)
    start_unknown: bool = attrs.field(default=False, kw_only=True, validator=_bool)
    """With no start: it began at a time not given (``/2019``), rather than always (``../2019``)."""
    end_unknown: bool = attrs.field(default=False, kw_only=True, validator=[_bool, _check_interval])
    """With no end: it stopped at a time not given (``2019/``), rather than going on (``2019/..``)."""

    @classmethod
    def parse(cls, text: str) -> Interval:
        """Read ``2019``, ``2019/2025-10``, ``2025-01-20/..``, ``../2019``, ``2019/`` or ``/2019``.

        Each end is any form :meth:`PartialDate.parse` reads. Raises :class:`~factlog.errors.DateError`.
        """
        return parse_interval(text) if isinstance(text, str) else cls._parse(text)

    @classmethod
    def _parse(cls, text: str) -> Interval:
        if not isinstance(text, str):
            raise DateError(f"expected a date or interval string, got {echoed(text)}")
        if "/" not in text:
            day = parse_date(text)
            return cls._of(day, day, start_unknown=False, end_unknown=False)
        first, _, second = text.partition("/")
        if first in (_OPEN, "") and second in (_OPEN, ""):
            raise DateError(f"an interval needs at least one bound, got {echoed(text)}")
        if not (_an_end(first) and _an_end(second)):  # 10/05/2025, 2025/10, 10/05/2025/2026, 2019/soon
            raise DateError(
                f"expected a date written year first (2025-10-05) or an interval whose two ends '/' separates"
                f" (2025-04/2025-06), got {echoed(text)}"
            )
        start = None if first in (_OPEN, "") else parse_date(first)
        end = None if second in (_OPEN, "") else parse_date(second)
        return cls._of(start, end, start_unknown=first == "", end_unknown=second == "")

    @classmethod
    def _of(
        cls, start: PartialDate | None, end: PartialDate | None, *, start_unknown: bool, end_unknown: bool
    ) -> Interval:
        """An interval of parsed ends: they are of their types, so only the interval's own check runs.

        (The type validators of ``__init__`` would only repeat what parsing guarantees; a
        file's intervals are parsed by the ten thousand.)
        """
        if cls is not Interval:
            return cls(start, end, start_unknown=start_unknown, end_unknown=end_unknown)
        # Filled as a _Filling, whose slots plain assignment sets, then made an Interval (as
        # the generated readers fill theirs): about half the time of object.__setattr__ calls.
        interval: Any = object.__new__(_Filling)
        interval.start = start
        interval.end = end
        interval.start_unknown = start_unknown
        interval.end_unknown = end_unknown
        _check_interval(interval, None, None)
        interval.exact, interval.span, interval.state_span, interval._text = _computed(interval)
        interval.__class__ = Interval
        made: Interval = interval
        return made

    @classmethod
    def between(cls, start: str | None, end: str | None) -> Interval:
        """An interval from two date strings, ``None`` for an open end.

        Raises :class:`~factlog.DateError` (a :class:`ValueError`) for an end that is no
        partial date (or no string), an end before the start, or two ``None``.
        """
        return cls(None if start is None else PartialDate.parse(start), None if end is None else PartialDate.parse(end))

    def __attrs_post_init__(self) -> None:
        self._fill_slots()

    def _fill_slots(self) -> None:
        """Compute what the interval keeps besides its fields (every constructor calls this)."""
        exact, span, state_span, text = _computed(self)
        fill = object.__setattr__
        fill(self, "exact", exact)
        fill(self, "span", span)
        fill(self, "state_span", state_span)
        fill(self, "_text", text)

    def __reduce__(self) -> tuple[Any, ...]:
        return unpickled, (type(self), self.__getstate__())

    def __str__(self) -> str:
        return self._text

    @property
    def closed(self) -> bool:
        """Whether both ends are dates."""
        return self.start is not None and self.end is not None

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
            return self.end_high if self.start_unknown else _NEG_INF
        return min(self.start.last_day, self.end_high)

    @property
    def end_high(self) -> int:
        """The latest day any reading may end, as an ordinal."""
        return _POS_INF if self.end is None else self.end.last_day

    @property
    def end_low(self) -> int:
        """The earliest day any reading may end, as an ordinal."""
        if self.end is None:
            return self.start_low if self.end_unknown else _POS_INF
        return max(self.end.first_day, self.start_low)

    @property
    def first_day(self) -> int:
        """:attr:`start_low`: the first day of the span, as an ordinal."""
        return self.start_low

    @property
    def last_day(self) -> int:
        """:attr:`end_high`: the last day of the span, as an ordinal."""
        return self.end_high

    @property
    def earliest(self) -> datetime.date:
        """The first day of a closed interval; raises :class:`ValueError` for an open start."""
        if self.start is None:
            raise DateError(f"{self} has no first day")
        return self.start.earliest

    @property
    def latest(self) -> datetime.date:
        """The last day of a closed interval; raises :class:`ValueError` for an open end."""
        if self.end is None:
            raise DateError(f"{self} has no last day")
        return self.end.latest

    @property
    def sort_key(self) -> tuple[int, int]:
        """Orders intervals by their earliest start, then their latest end."""
        return (self.start_low, self.end_high)

    def overlaps(self, other: Interval, *, definitely: bool = False) -> bool:
        """Whether the two intervals share a day (in every reading, if ``definitely``).

        Compared day by day (ordinals of :attr:`span`). Raises :class:`~factlog.ArgumentError`
        for an ``other`` that is no :class:`Interval` (a :class:`PartialDate` included).
        """
        _expect_interval(other, "Interval.overlaps")
        if definitely:
            return self.start_high <= other.end_low and other.start_high <= self.end_low
        return self.start_low <= other.end_high and other.start_low <= self.end_high

    def before(self, other: Interval, *, definitely: bool = False) -> bool:
        """Whether this interval ends before the other starts (in every reading, if ``definitely``).

        Compared day by day. Raises :class:`~factlog.ArgumentError` for an ``other`` that
        is no :class:`Interval`.
        """
        _expect_interval(other, "Interval.before")
        if definitely:
            return self.end_high < other.start_low
        return self.end_low < other.start_high

    def after(self, other: Interval, *, definitely: bool = False) -> bool:
        """Whether this interval starts after the other ends: ``other.before(self)``.

        Raises :class:`~factlog.ArgumentError` for an ``other`` that is no :class:`Interval`.
        """
        _expect_interval(other, "Interval.after")
        return other.before(self, definitely=definitely)

    def contains(self, other: Interval, *, definitely: bool = False) -> bool:
        """Whether every day of the other interval lies inside this one (in every reading, if ``definitely``).

        Raises :class:`~factlog.ArgumentError` for an ``other`` that is no :class:`Interval`.
        """
        _expect_interval(other, "Interval.contains")
        if definitely:
            return self.start_high <= other.start_low and other.end_high <= self.end_low
        first = max(self.start_low, other.start_low)
        last = min(self.end_high, other.end_high)
        return first <= other.start_high and last >= other.end_low and first <= last


def _computed(interval: Interval) -> tuple[bool, tuple[int, int], tuple[int, int], str]:
    """What an interval keeps besides its fields: ``exact``, ``span``, ``state_span`` and its text."""
    start, end = interval.start, interval.end
    start_unknown, end_unknown = interval.start_unknown, interval.end_unknown
    low = _NEG_INF if start is None else start.first_day
    high = _POS_INF if end is None else end.last_day
    first, last = low, high
    if end_unknown and start is not None:
        last = start.last_day
    if start_unknown and end is not None:
        first = end.first_day
    exact = not (start_unknown or end_unknown or _inexact(start) or _inexact(end))
    return exact, (low, high), (first, last), _text(interval)


def _text(interval: Interval) -> str:
    """The EDTF text of an interval: its date's when it is one date, else its two ends."""
    start, end = interval.start, interval.end
    if start is not None and (start is end or start == end):
        return start._text
    before = ("" if interval.start_unknown else _OPEN) if start is None else start._text
    after = ("" if interval.end_unknown else _OPEN) if end is None else end._text
    return f"{before}/{after}"


def _inexact(date: PartialDate | None) -> bool:
    return date is not None and (date.approximate or date.uncertain)


# An Interval whose slots plain assignment sets (a frozen class refuses it): Interval._of fills
# one, then assigns its __class__, which CPython allows from a subclass that adds no slots.
_Filling = type(
    "Interval",
    (Interval,),
    {"__slots__": (), "__setattr__": object.__setattr__, "__delattr__": object.__delattr__, "__module__": __name__},
)


def _expect_interval(other: object, method: str) -> None:
    expect(other, Interval, f"{method}: other", "an Interval (for a PartialDate d, Interval(d, d))")


def _an_end(text: str) -> bool:
    """Whether ``text`` (either side of an interval's one ``/``) is written as an end: a partial date, ``..``, nothing.

    A text with a second ``/``, or a day or month first, is none: the interval is then
    told as written, with how dates and intervals are written, not by the end alone.
    """
    return text in (_OPEN, "") or date_shaped(text)


# Intervals repeat constantly in a corpus: parse each text once.
@functools.lru_cache(maxsize=65536)
def parse_interval(text: str) -> Interval:
    """:meth:`Interval.parse`, for a string; each text is parsed once."""
    return Interval._parse(text)


def as_interval(value: PartialDate | Interval | None) -> Interval | None:
    """A partial date as the interval from it to itself; intervals and None unchanged."""
    return Interval(value, value) if isinstance(value, PartialDate) else value


def closed_interval(instance: object, attribute: attrs.Attribute[Any], value: Interval | None) -> None:
    """An attrs validator: None, or an interval whose two ends are dates (no open or unknown end).

    Raises :class:`~factlog.FieldTypeError` for what is no interval, :class:`~factlog.DateError`
    for an interval with an open or unknown end.
    """
    if value is None:
        return
    if not isinstance(value, Interval):
        raise FieldTypeError(
            f"{type(instance).__name__}.{attribute.name}",
            f"expected a date or an interval, got {echoed(value)} ({type(value).__name__})",
        )
    if not value.closed:
        raise DateError(f"{attribute.name}: expected a date or an interval with two dates, got {value}")


def hull_ends(intervals: Iterable[Interval]) -> tuple[Interval, Interval]:
    """The interval that starts first and the one that ends last, whatever the order they come in.

    Of starts on one first day the widest is taken (``2015`` before ``2015-01``), and of
    ends on one last day the widest too (``2015`` after ``2015-12``), then the text and
    the unknown-end flag: ``2015`` and ``2015-01`` span ``2015`` in either order, where
    taking the first of a tie gave ``2015-01–2015`` in one. Raises :class:`ValueError`
    for no intervals.
    """
    timed = list(intervals)
    first = min(timed, key=_start_order)
    last = max(timed, key=_end_order)
    return first, last


def _start_order(interval: Interval) -> tuple[int, int, str, bool]:
    start = interval.start
    return (
        (interval.start_low, 0, "", interval.start_unknown)
        if start is None
        else (start.first_day, -start.last_day, start._text, False)
    )


def _end_order(interval: Interval) -> tuple[int, int, str, bool]:
    end = interval.end
    return (
        (interval.end_high, 0, "", interval.end_unknown)
        if end is None
        else (end.last_day, -end.first_day, end._text, False)
    )
