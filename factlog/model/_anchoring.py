"""What :func:`~factlog.resolve_when` is given, checked: the words, the anchor, the events and the counts.

Each wrong type or value is a :class:`~factlog.errors.TimeExpressionError` saying what
was given, never a bare ``AttributeError`` or ``TypeError`` from deeper down.
"""

from __future__ import annotations

import datetime
import re

from factlog._echo import echoed
from factlog.errors import DateError, TimeExpressionError
from factlog.model._dates import Interval, PartialDate

__all__ = ["MAX_COUNT", "anchor_span", "event_span", "out_of_range", "words_of"]

MAX_COUNT = 999
"""The largest count written in digits that a time expression may give ("in 999 days")."""

_TOO_BIG = re.compile(r"(?<![0-9])([0-9]{4,})\s+(?:day|week|month|year)s?\b", re.IGNORECASE)


def words_of(text: object) -> str:
    """``text`` if it is a string; else a TimeExpressionError."""
    if not isinstance(text, str):
        raise TimeExpressionError(f"a time expression is a string such as 'on Tuesday', not {text!r}")
    return text


def anchor_span(anchor: object) -> Interval:
    """An anchor's days: from a PartialDate, an Interval with both ends, a ``datetime.date`` or a date string."""
    if isinstance(anchor, datetime.date):
        anchor = PartialDate.from_date(anchor)
    if isinstance(anchor, str):
        try:
            anchor = Interval.parse(anchor)
        except DateError as error:
            raise TimeExpressionError(f"the anchor {anchor!r} is not a date: {error}") from None
    if isinstance(anchor, PartialDate):
        return Interval(anchor, anchor)
    if not isinstance(anchor, Interval):
        raise TimeExpressionError(
            f"an anchor is a PartialDate, an Interval, a datetime.date or a date string, not {anchor!r}"
        )
    if anchor.start is None or anchor.end is None:
        raise TimeExpressionError(f"an anchor needs both ends, got {anchor}")
    return anchor


def event_span(name: str, value: object) -> Interval:
    """An event's days given as an Interval or its text."""
    if isinstance(value, (Interval, str)):
        return value if isinstance(value, Interval) else Interval.parse(value)
    raise TimeExpressionError(f"event {name!r}: expected an Interval or a date string, got {echoed(value)}")


def out_of_range(text: str) -> str | None:
    """The message for a count above :data:`MAX_COUNT` in ``text`` ("in 1000 days"), or None."""
    found = _TOO_BIG.search(text)
    if found is None:
        return None
    return (
        f"the number {found[1]} in {text!r} is out of range: a count of days, weeks, months or years"
        f" goes up to {MAX_COUNT}"
    )
