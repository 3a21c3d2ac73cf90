"""Times in the claim log: UTC only, as fixed-width text so that text order is time order."""

from __future__ import annotations

import datetime
import re

from factlog.errors import ArgumentError

__all__ = ["parse_start", "parse_time", "timestamp"]


def timestamp(moment: datetime.datetime) -> str:
    """The fixed-width UTC text of a time (so that text order is time order)."""
    if moment.utcoffset() != datetime.timedelta(0):
        raise ArgumentError(f"log times are UTC, got {moment!r}")
    return moment.astimezone(datetime.UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def parse_time(value: str | datetime.datetime, *, strict: bool = False) -> datetime.datetime:
    """A UTC time from an aware datetime or ISO 8601 text; :class:`~factlog.ArgumentError` otherwise.

    Without ``strict`` text means the end of what it names, as a date does (what ``--as-of
    2025-10-31`` means: the whole day; ``2025-10`` the whole month, ``2025`` the whole year,
    as ``assess --as-of`` reads them): a time to the second means the end of that second,
    to the minute the end of that minute, so that ``--as-of`` the time an append printed,
    or the clock's time to the second just after it, includes that append (stored times
    have microseconds), and a week without its day (``2025-W44``) the end of its Sunday.
    Text without an offset is UTC. With ``strict`` (times in records) the offset is
    required and the time is read as written. A fraction of an hour or a minute
    (``12:30.5``, which Python's reader takes for 12:30:00.5) and a time whose UTC falls
    outside years 1 to 9999 are refused.
    """
    if isinstance(value, datetime.datetime):
        moment = value
    elif not strict and isinstance(value, str) and _MONTH.fullmatch(value):
        return _end_of_month_or_year(value)
    else:
        try:
            moment = datetime.datetime.fromisoformat(value)
        except (TypeError, ValueError):
            raise ArgumentError(f"expected a UTC time like 2025-10-30T12:00:00Z, got {value!r}") from None
    if moment.tzinfo is None:
        if strict or not isinstance(value, str):
            raise ArgumentError(f"expected a UTC time with its offset (Z), got {value!r}")
        moment = moment.replace(tzinfo=datetime.UTC)
    if isinstance(value, str):
        _whole_seconds(value)
    if strict and moment.utcoffset() != datetime.timedelta(0):
        raise ArgumentError(f"expected a UTC time (Z), got {value!r}")
    try:
        if not strict and isinstance(value, str):
            moment += _rest_of(value)
        return moment.astimezone(datetime.UTC)
    except OverflowError:
        raise ArgumentError(f"{value!r} is out of range: its UTC time is not in the years 1 to 9999") from None


def parse_start(value: str) -> datetime.datetime:
    """The UTC time ISO 8601 text names, read as written: a date alone is its midnight (UTC), not its end.

    What ``log append --at`` dates an append at. Text without an offset is UTC; another
    offset is converted. Raises :class:`~factlog.ArgumentError` for text that is no date or
    time, a fraction of an hour or a minute, and a time outside years 1 to 9999 in UTC.
    """
    try:
        moment = datetime.datetime.fromisoformat(value)
    except ValueError:
        raise ArgumentError(f"expected a UTC time like 2025-10-30T12:00:00Z or a date, got {value!r}") from None
    _whole_seconds(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.UTC)
    try:
        return moment.astimezone(datetime.UTC)
    except OverflowError:
        raise ArgumentError(f"{value!r} is out of range: its UTC time is not in the years 1 to 9999") from None


_MONTH = re.compile(r"(\d{4})(?:-(\d{2}))?")
"""A year (``2026``) or a month (``2026-12``), which Python's reader refuses: read to their end, as a date is."""


def _end_of_month_or_year(value: str) -> datetime.datetime:
    """The last microsecond (UTC) of the year or month ``value`` names, as ``assess --as-of`` reads its last day."""
    found = _MONTH.fullmatch(value)
    assert found is not None
    year, month = int(found.group(1)), int(found.group(2) or 12)
    if not 1 <= month <= 12 or year < 1:
        raise ArgumentError(f"expected a UTC time like 2025-10-30T12:00:00Z, got {value!r}")
    if year == 9999 and month == 12:
        return datetime.datetime.max.replace(tzinfo=datetime.UTC)
    start = datetime.datetime(year + month // 12, month % 12 + 1, 1, tzinfo=datetime.UTC)
    return start - datetime.timedelta(microseconds=1)


_TIME = re.compile(r"\d{4}-?\d{2}-?\d{2}.(\d{2})(?::?(\d{2}))?(?::?(\d{2}))?([.,]\d+)?")
"""The date, separator, hours, minutes, seconds and fraction of ISO 8601 text (basic or extended)."""
_WEEK = re.compile(r"\d{4}-?W\d{2}")
"""An ISO 8601 week without its day (``2025-W44``, ``2025W44``), which Python reads as its Monday."""


def _whole_seconds(value: str) -> None:
    """Refuse a fraction of an hour or a minute: ISO 8601 reads ``12:30.5`` as 12:30:30, Python as 12:30:00.5."""
    found = _TIME.match(value)
    if found is not None and found.group(4) is not None and found.group(3) is None:
        raise ArgumentError(f"expected a fraction of a second only (12:30:30.5), got {value!r}")


def _rest_of(value: str) -> datetime.timedelta:
    """How long after its start the span ``value`` names lasts: to the end of its last unit written."""
    if _WEEK.fullmatch(value):  # a week: to the end of its Sunday
        return datetime.timedelta(days=7, microseconds=-1)
    found = _TIME.match(value)
    if found is None:  # a date alone: the rest of its day
        return datetime.timedelta(days=1, microseconds=-1)
    _, minutes, seconds, fraction = found.groups()
    if fraction is not None:
        return datetime.timedelta(0)
    unit = datetime.timedelta(hours=1) if minutes is None else datetime.timedelta(minutes=1)
    return (datetime.timedelta(seconds=1) if seconds is not None else unit) - datetime.timedelta(microseconds=1)
