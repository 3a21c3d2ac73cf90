"""Partial dates and intervals: the EDTF level 0 and 1 forms factlog reads and writes.

A :class:`PartialDate` has year, season, month or day precision (``2019``, ``2025-21``,
``2025-10``, ``2025-10-10``), or a day with a time of day in UTC
(``2025-10-30T14:05Z``), and stands for every day it might be. An :class:`Interval` runs
from a start to an end; an end may be open (``2025-01-20/..``: still going, or since
always) or unknown (``2019/``: it ended, nobody says when); a single partial date is the
interval from it to itself (``2019`` is "some time in 2019" for an event, "throughout
2019" for a state).

The forms follow the Extended Date/Time Format (EDTF), Library of Congress, 2019
(ISO 8601-2:2019), level 1, as far as they mean something for claims:

* **qualifiers** ``1961~`` (approximate), ``2019?`` (uncertain), ``2019%`` (both), on the
  whole date. A qualified date *widens* its span, by one unit of its precision: a year
  ±1 year, a season or month ±1 month, a day ±7 days (EDTF gives the syntax, not the
  width; these widths are factlog's, chosen to be the smallest step a reporter's
  "circa" rounds to). Uncertain and approximate widen alike. A qualified date is
  :attr:`~PartialDate.exact` false, and a finding that rests on it is at most a warning;
* **unspecified digits** ``201X`` (2010 to 2019), ``19XX``, ``1XXX``: the year's last
  one to three digits are a range;
* **seasons** ``YYYY-21`` to ``YYYY-24``, spring, summer, autumn and winter (EDTF level
  1 codes), read as Northern-hemisphere meteorological seasons: March–May, June–August,
  September–November, and December to the next February;
* **unknown ends** ``2019/`` and ``/2019``, which are not the open ends ``2019/..`` and
  ``../2019``: an open end says the span goes on, an unknown one only that it stopped
  (or started) at a time not given;
* **times of day**, ``2025-10-30T14:05Z`` or with an offset (``T16:05+02:00``), always
  written back in UTC, which may move the day.

Digits are ASCII only (``[0-9]``): Arabic-Indic or full-width digits are refused.
EDTF's per-part qualifiers (``2019-10?-12``), level 2 seasons and sets are not read.

Because bounds are imprecise, every relation comes in two strengths: ``definitely``
(true for every precise reading of both intervals) and the default, *possibly* (true for
at least one). ``2019`` possibly overlaps ``2019-06`` but does not definitely overlap it,
and ``2019`` is not definitely before ``2019-06``.

Days are proleptic Gregorian, years 1 to 9999.
"""

from __future__ import annotations

import calendar
import datetime
import functools
import re
from typing import Any

import attrs

from factlog._echo import echoed
from factlog.errors import DateError
from factlog.model._cached import unpickled
from factlog.model._fields import instance_of

__all__ = ["PartialDate", "date_shaped", "parse_date"]

_DATE = re.compile(
    r"(?P<year>[0-9]{4}|[0-9]{3}X|[0-9]{2}XX|[0-9]XXX)"
    r"(?:-(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2})"
    r"(?:T(?P<time>[0-9]{2}:[0-9]{2}(?::[0-9]{2})?)(?P<zone>Z|[+-][0-9]{2}:[0-9]{2}))?)?)?"
    r"(?P<qualifier>[?~%])?"
)
_OPEN = ".."
# Open ends are further than any real day, so comparisons need no special case.
_NEG_INF = 0
_POS_INF = datetime.date.max.toordinal() + 1
_FIRST = datetime.date.min.toordinal()
_LAST = datetime.date.max.toordinal()
SEASONS = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 14)}
"""EDTF season codes to their first and last month (13 and 14 are the next year's)."""
_SEASON_NAMES = {21: "spring", 22: "summer", 23: "autumn", 24: "winter"}
_WIDEN = {"year": 0, "season": 1, "month": 1, "day": 7}  # year: by calendar years, below
_TIME = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?")


def _check_date(instance: PartialDate, attribute: attrs.Attribute[Any], value: object) -> None:
    del attribute, value  # the check looks at all the fields together
    if not 1 <= instance.year <= 9999:
        raise DateError(f"year must be between 1 and 9999, got {instance.year}")
    if instance.unspecified:
        if not 1 <= instance.unspecified <= 3 or instance.year % 10**instance.unspecified:
            raise DateError(f"{instance.unspecified} unspecified digits do not fit the year {instance.year}")
        if instance.month is not None:
            raise DateError("a year with unspecified digits has no month")
    if instance.month is None:
        if instance.day is not None:
            raise DateError("a day needs a month")
        return
    if instance.month in SEASONS:
        if instance.day is not None:
            raise DateError("a season has no day")
        if instance.month == 24 and instance.year == 9999:
            raise DateError("winter 9999 ends after the last year")
        return
    if not 1 <= instance.month <= 12:
        raise DateError(f"month must be between 1 and 12 (or a season, 21 to 24), got {instance.month}")
    if instance.day is not None:
        last = calendar.monthrange(instance.year, instance.month)[1]
        if not 1 <= instance.day <= last:
            raise DateError(f"{instance.year:04d}-{instance.month:02d} has no day {instance.day}")
    if instance.time is not None:
        if instance.day is None:
            raise DateError("a time of day needs a day")
        if _TIME.fullmatch(instance.time) is None:
            raise DateError(f"expected a UTC time like 14:05 or 14:05:30, got {echoed(instance.time)}")
        if instance.approximate or instance.uncertain:
            raise DateError("a date with a time of day cannot be approximate or uncertain")


_bool = instance_of(bool)


class _DaySlots:
    """What a :class:`PartialDate` computes when it is made, kept in slots read at slot speed.

    (Not :class:`functools.cached_property`: see :mod:`factlog.model._cached`.)
    """

    __slots__ = {
        "_text": "The EDTF text, as ``str()`` gives it.",
        "first_day": ":attr:`~PartialDate.earliest` as a proleptic Gregorian ordinal.",
        "last_day": ":attr:`~PartialDate.latest` as a proleptic Gregorian ordinal.",
        "sort_key": "Orders dates by their first, then their last possible day: ``(first_day, last_day)``.",
    }
    first_day: int
    last_day: int
    sort_key: tuple[int, int]
    _text: str


@attrs.frozen(order=False)
class PartialDate(_DaySlots):
    """A calendar date known to the year, season, month or day (or the minute, in UTC).

    Besides its fields it keeps :attr:`first_day`, :attr:`last_day`, :attr:`sort_key`
    and its text, computed when it is made (equality, hashing and pickling look at the
    fields only).
    """

    year: int = attrs.field(validator=instance_of(int))
    month: int | None = attrs.field(default=None, validator=attrs.validators.optional(instance_of(int)))
    """1 to 12, or an EDTF season code 21 (spring) to 24 (winter)."""
    day: int | None = attrs.field(default=None, validator=attrs.validators.optional(instance_of(int)))
    time: str | None = attrs.field(default=None, kw_only=True, validator=attrs.validators.optional(instance_of(str)))
    """Time of day in UTC, ``HH:MM`` or ``HH:MM:SS``."""
    unspecified: int = attrs.field(default=0, kw_only=True, validator=instance_of(int))
    """How many of the year's last digits are unspecified (``201X``: 1)."""
    approximate: bool = attrs.field(default=False, kw_only=True, validator=_bool)
    """EDTF ``~``: about this date."""
    uncertain: bool = attrs.field(default=False, kw_only=True, validator=[_bool, _check_date])
    """EDTF ``?``: perhaps this date."""

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, and the EDTF level 1 forms of the module.

        Raises :class:`~factlog.errors.DateError` naming the text for anything else, including digits
        that are not ASCII.
        """
        return parse_date(text) if isinstance(text, str) else cls._parse(text)

    @classmethod
    def _parse(cls, text: str) -> PartialDate:
        match = _DATE.fullmatch(text) if isinstance(text, str) else None
        if match is None:
            raise DateError(
                "expected a partial date like 2025, 2025-10, 2025-10-10, 2025-10-10T14:05Z, 1961~, 2019?, 201X"
                f" or 2025-21 (ASCII digits), got {echoed(text)}"
            )
        year, month, day, time, zone, qualifier = match.groups()
        unspecified = year.count("X")
        try:
            date = cls(
                int(year.replace("X", "0")),
                None if month is None else int(month),
                None if day is None else int(day),
                time=time,
                unspecified=unspecified,
                approximate=qualifier in ("~", "%"),
                uncertain=qualifier in ("?", "%"),
            )
            return date if zone is None or zone == "Z" else date._to_utc(zone)
        except (ValueError, OverflowError) as error:
            raise DateError(f"invalid date {text!r}: {error}") from None

    def _to_utc(self, zone: str) -> PartialDate:
        assert self.month is not None
        assert self.day is not None
        assert self.time is not None
        sign = 1 if zone[0] == "+" else -1
        hours, minutes = int(zone[1:3]), int(zone[4:6])
        if hours > 23 or minutes > 59:
            raise DateError(f"no such UTC offset {zone}")
        parts = [int(part) for part in self.time.split(":")]
        local = datetime.datetime(
            self.year, self.month, self.day, parts[0], parts[1], parts[2] if len(parts) == 3 else 0
        )
        utc = local - sign * datetime.timedelta(hours=hours, minutes=minutes)
        clock = utc.strftime("%H:%M:%S" if len(parts) == 3 else "%H:%M")
        return PartialDate(utc.year, utc.month, utc.day, time=clock)

    @classmethod
    def from_date(cls, day: datetime.date) -> PartialDate:
        """The day-precise partial date of a :class:`datetime.date` (a datetime gives its day); raises nothing."""
        return cls(day.year, day.month, day.day)

    def __attrs_post_init__(self) -> None:
        self._fill_slots()

    def _fill_slots(self) -> None:
        """Compute what the date keeps besides its fields (every constructor calls this)."""
        low, high = _bounds(self)
        fill = object.__setattr__
        fill(self, "first_day", low)
        fill(self, "last_day", high)
        fill(self, "sort_key", (low, high))
        fill(self, "_text", _text(self))

    def __reduce__(self) -> tuple[Any, ...]:
        return unpickled, (type(self), self.__getstate__())

    def __str__(self) -> str:
        return self._text

    @property
    def precision(self) -> str:
        """``year``, ``season``, ``month``, ``day`` or ``time``."""
        if self.month is None:
            return "year"
        if self.month in SEASONS:
            return "season"
        return "month" if self.day is None else "day" if self.time is None else "time"

    @property
    def exact(self) -> bool:
        """Neither approximate nor uncertain."""
        return not (self.approximate or self.uncertain)

    @property
    def season(self) -> str | None:
        """``spring``, ``summer``, ``autumn`` or ``winter`` for a season, else None."""
        return _SEASON_NAMES.get(self.month or 0)

    @property
    def earliest(self) -> datetime.date:
        """The first day the date might be (widened when approximate or uncertain)."""
        return datetime.date.fromordinal(self.first_day)

    @property
    def latest(self) -> datetime.date:
        """The last day the date might be (widened when approximate or uncertain)."""
        return datetime.date.fromordinal(self.last_day)


def _bounds(date: PartialDate) -> tuple[int, int]:
    """The first and last day ``date`` may be, as ordinals (widened when it is approximate or uncertain)."""
    year, month = date.year, date.month
    if month is None:
        first = datetime.date(year, 1, 1)
        last = datetime.date(year + 10**date.unspecified - 1, 12, 31)
    elif month in SEASONS:
        low, high = SEASONS[month]
        first = datetime.date(year, low, 1)
        end_year, end_month = (year + 1, high - 12) if high > 12 else (year, high)
        last = datetime.date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])
    else:
        first = datetime.date(year, month, date.day or 1)
        last = datetime.date(year, month, date.day or calendar.monthrange(year, month)[1])
    low_day, high_day = first.toordinal(), last.toordinal()
    if date.exact:
        return low_day, high_day
    precision = date.precision
    if precision == "year":
        low_day = datetime.date(year - 1, 1, 1).toordinal() if year > 1 else _FIRST
        high_day = datetime.date(last.year + 1, 12, 31).toordinal() if last.year < 9999 else _LAST
    elif precision == "day":
        low_day, high_day = max(_FIRST, low_day - 7), min(_LAST, high_day + 7)
    else:
        low_day = _month_step(first, -1)
        high_day = _month_step(last, 1)
    return low_day, high_day


def _text(date: PartialDate) -> str:
    """The EDTF text of ``date``."""
    if date.month is None:
        text = f"{date.year:04d}"
        text = text[: 4 - date.unspecified] + "X" * date.unspecified
    elif date.day is None:
        text = f"{date.year:04d}-{date.month:02d}"
    else:
        text = f"{date.year:04d}-{date.month:02d}-{date.day:02d}"
        if date.time is not None:
            text += f"T{date.time}Z"
    return text + ("%" if date.approximate and date.uncertain else "~" if date.approximate else "?" * date.uncertain)


def _month_step(day: datetime.date, step: int) -> int:
    """The first day of the month before ``day``'s (step -1), or the last of the month after (1)."""
    month = day.year * 12 + day.month - 1 + step
    year, month = divmod(month, 12)
    if not 1 <= year <= 9999:
        return _FIRST if step < 0 else _LAST
    if step < 0:
        return datetime.date(year, month + 1, 1).toordinal()
    return datetime.date(year, month + 1, calendar.monthrange(year, month + 1)[1]).toordinal()


# Dates repeat constantly in a corpus: parse each text once.
def date_shaped(text: str) -> bool:
    """Whether ``text`` is written as a partial date (its digits may still name no day: ``2025-13``)."""
    return _DATE.fullmatch(text) is not None


@functools.lru_cache(maxsize=65536)
def parse_date(text: str) -> PartialDate:
    """:meth:`PartialDate.parse`, for a string; each text is parsed once."""
    return PartialDate._parse(text)
