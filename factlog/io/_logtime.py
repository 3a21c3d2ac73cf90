"""Times in the claim log: UTC only, as fixed-width text so that text order is time order."""

from __future__ import annotations

import datetime
import re

from factlog.errors import ArgumentError

__all__ = ["parse_time", "timestamp"]


def timestamp(moment: datetime.datetime) -> str:
    """The fixed-width UTC text of a time (so that text order is time order)."""
    if moment.utcoffset() != datetime.timedelta(0):
        raise ArgumentError(f"log times are UTC, got {moment!r}")
    return moment.astimezone(datetime.UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def parse_time(value: str | datetime.datetime, *, strict: bool = False) -> datetime.datetime:
    """A UTC time from an aware datetime or ISO 8601 text; :class:`~factlog.ArgumentError` otherwise.

    Without ``strict`` text means the end of what it names, as a date does (what ``--as-of
    2025-10-31`` means: the whole day): a time to the second means the end of that second,
    to the minute the end of that minute, so that ``--as-of`` the time an append printed,
    or the clock's time to the second just after it, includes that append (stored times
    have microseconds). Text without an offset is UTC. With ``strict`` (times in records)
    the offset is required and the time is read as written.
    """
    if isinstance(value, datetime.datetime):
        moment = value
    else:
        try:
            moment = datetime.datetime.fromisoformat(value)
        except (TypeError, ValueError):
            raise ArgumentError(f"expected a UTC time like 2025-10-30T12:00:00Z, got {value!r}") from None
    if moment.tzinfo is None:
        if strict or not isinstance(value, str):
            raise ArgumentError(f"expected a UTC time with its offset (Z), got {value!r}")
        moment = moment.replace(tzinfo=datetime.UTC)
    if not strict and isinstance(value, str):
        moment += _rest_of(value)
    if strict and moment.utcoffset() != datetime.timedelta(0):
        raise ArgumentError(f"expected a UTC time (Z), got {value!r}")
    return moment.astimezone(datetime.UTC)


_TIME = re.compile(r"\d{4}-?\d{2}-?\d{2}.(\d{2})(?::?(\d{2}))?(?::?(\d{2}))?([.,]\d+)?")
"""The date, separator, hours, minutes, seconds and fraction of ISO 8601 text (basic or extended)."""


def _rest_of(value: str) -> datetime.timedelta:
    """How long after its start the span ``value`` names lasts: to the end of its last unit written."""
    found = _TIME.match(value)
    if found is None:  # a date alone: the rest of its day
        return datetime.timedelta(days=1, microseconds=-1)
    _, minutes, seconds, fraction = found.groups()
    if fraction is not None:
        return datetime.timedelta(0)
    unit = datetime.timedelta(hours=1) if minutes is None else datetime.timedelta(minutes=1)
    return (datetime.timedelta(seconds=1) if seconds is not None else unit) - datetime.timedelta(microseconds=1)
