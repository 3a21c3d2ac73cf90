"""Times in the claim log: UTC only, as fixed-width text so that text order is time order."""

from __future__ import annotations

import datetime

from factlog.errors import ArgumentError

__all__ = ["parse_time", "timestamp"]


def timestamp(moment: datetime.datetime) -> str:
    """The fixed-width UTC text of a time (so that text order is time order)."""
    if moment.utcoffset() != datetime.timedelta(0):
        raise ArgumentError(f"log times are UTC, got {moment!r}")
    return moment.astimezone(datetime.UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def parse_time(value: str | datetime.datetime, *, strict: bool = False) -> datetime.datetime:
    """A UTC time from an aware datetime or ISO 8601 text; :class:`~factlog.ArgumentError` otherwise.

    Without ``strict`` a bare date or time means the end of that day or moment, in UTC
    (what ``--as-of 2025-10-31`` means); with it (times in records) the offset is required.
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
        if len(value) <= 10:
            moment += datetime.timedelta(days=1, microseconds=-1)
    if strict and moment.utcoffset() != datetime.timedelta(0):
        raise ArgumentError(f"expected a UTC time (Z), got {value!r}")
    return moment.astimezone(datetime.UTC)
