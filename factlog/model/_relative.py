"""Time as reporters write it: "on Tuesday", "last week", "two days after the strike".

:func:`resolve_when` turns one such expression into an :class:`~factlog.Interval`
against an anchor, normally the day the claim was stated. Finding them in a sentence,
and a weekday beside the wrong date, are in :mod:`factlog.model._timewords`.

Calendar arithmetic (a month back from 31 March, a year on from 29 February) is done by
python-dateutil's ``relativedelta``, and absolute dates in words ("30 October 2025",
"October 30, 2025") are read by ``dateutil.parser``: both well kept, small and pure
Python. dateparser was considered and not used: it answers with one instant, not the
span an expression covers ("last week" is seven days, not one), and its language data
is heavy. The rules of resolution are in ``docs/concepts.md`` ("Time as reporters
write it").
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Callable, Mapping

from factlog.errors import TimeExpressionError
from factlog.model._anchoring import anchor_span, event_span, out_of_range, words_of
from factlog.model._dates import Interval, PartialDate

__all__ = ["resolve_when"]


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH_NAMES = "january february march april may june july august september october november december"
_MONTHS = tuple(_MONTH_NAMES.split())
_NUMBERS = {
    "a": (1, 1),
    "an": (1, 1),
    "one": (1, 1),
    "two": (2, 2),
    "three": (3, 3),
    "four": (4, 4),
    "five": (5, 5),
    "six": (6, 6),
    "seven": (7, 7),
    "eight": (8, 8),
    "nine": (9, 9),
    "ten": (10, 10),
    "eleven": (11, 11),
    "twelve": (12, 12),
    "a couple of": (2, 2),
    "a couple": (2, 2),
    # The same ranges as vague figures (docs/format.md, "Figures"): wide on purpose, so
    # that a loose word never makes a contradiction on its own.
    "a few": (3, 9),
    "several": (3, 9),
}
_UNITS = ("day", "week", "month", "year")

_WEEKDAY = "|".join(_WEEKDAYS)
_MONTH = "|".join(_MONTHS)
_NUMBER = "|".join(sorted((re.escape(word) for word in _NUMBERS), key=len, reverse=True)) + r"|[0-9]{1,3}"
_UNIT = r"(?P<unit>day|week|month|year)s?"
_FUTURE = re.compile(r"\b(will|would|shall|is to|are to|plans? to|planned|scheduled|expected to|next)\b", re.I)


def _day(day: datetime.date) -> PartialDate:
    return PartialDate.from_date(day)


def _span(first: PartialDate, last: PartialDate) -> Interval:
    return Interval(first, last)


def _shift(day: datetime.date, unit: str, count: int) -> datetime.date:
    from dateutil.relativedelta import relativedelta  # noqa: PLC0415 - kept out of `import factlog`

    if unit in ("day", "week"):
        return day + datetime.timedelta(days=count * (7 if unit == "week" else 1))
    delta = relativedelta(months=count) if unit == "month" else relativedelta(years=count)
    shifted: datetime.date = day + delta
    return shifted


def _at_precision(day: datetime.date, unit: str) -> Interval:
    """The day, or the ISO week, month or year containing it."""
    if unit == "day":
        found = _day(day)
        return Interval(found, found)
    if unit == "week":
        monday = day - datetime.timedelta(days=day.weekday())
        return _span(_day(monday), _day(monday + datetime.timedelta(days=6)))
    if unit == "month":
        month = PartialDate(day.year, day.month)
        return Interval(month, month)
    year = PartialDate(day.year)
    return Interval(year, year)


def _hull(first: Interval, second: Interval) -> Interval:
    start = first.start if first.start_low <= second.start_low else second.start
    end = first.end if first.end_high >= second.end_high else second.end
    return Interval(start, end)


def _count(word: str) -> tuple[int, int]:
    word = " ".join(word.lower().split())
    return _NUMBERS[word] if word in _NUMBERS else (int(word), int(word))


_Handler = Callable[[re.Match[str], datetime.date, bool, Mapping[str, Interval]], Interval]


def _today(match: re.Match[str], day: datetime.date, future: bool, events: Mapping[str, Interval]) -> Interval:
    del future, events
    offset = {"today": 0, "yesterday": -1, "tomorrow": 1}[match["word"].lower()]
    return _at_precision(day + datetime.timedelta(days=offset), "day")


def _weekday(match: re.Match[str], day: datetime.date, future: bool, events: Mapping[str, Interval]) -> Interval:
    del events
    target = _WEEKDAYS.index(match["weekday"].lower())
    which = (match["which"] or "").lower()
    back = (day.weekday() - target) % 7
    ahead = (target - day.weekday()) % 7
    if which == "last":
        # "last Tuesday" is the Tuesday of last week, never yesterday: news usage, and inside "last week".
        found = day - datetime.timedelta(days=day.weekday() + 7 - target)
    elif which == "next":
        found = day + datetime.timedelta(days=ahead or 7)
    elif which == "this" or future:
        found = day + datetime.timedelta(days=ahead)
    else:
        found = day - datetime.timedelta(days=back)
    return _at_precision(found, "day")


def _this_unit(match: re.Match[str], day: datetime.date, future: bool, events: Mapping[str, Interval]) -> Interval:
    del future, events
    unit = match["unit"].lower()
    which = match["which"].lower()
    offset = {"this": 0, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}[which]
    return _at_precision(_shift(day, unit, offset), unit)


def _earlier_later(match: re.Match[str], day: datetime.date, future: bool, events: Mapping[str, Interval]) -> Interval:
    del future, events
    whole = _at_precision(day, match["unit"].lower())
    assert whole.start is not None
    assert whole.end is not None
    today = _day(day)
    if match["which"].lower() == "earlier":
        return _span(PartialDate.from_date(whole.start.earliest), today)
    return _span(today, PartialDate.from_date(whole.end.latest))


def _ago(match: re.Match[str], day: datetime.date, future: bool, events: Mapping[str, Interval]) -> Interval:
    del future, events
    unit = match["unit"].lower()
    low, high = _count(match["count"])
    sign = -1 if match["direction"].lower() == "ago" else 1
    return _hull(
        _at_precision(_shift(day, unit, sign * low), unit), _at_precision(_shift(day, unit, sign * high), unit)
    )


def _within(match: re.Match[str], day: datetime.date, future: bool, events: Mapping[str, Interval]) -> Interval:
    del future, events
    low, high = _count(match["count"])
    del low
    unit = match["unit"].lower()
    if match["which"].lower() in ("past", "last"):
        return _span(_day(_shift(day, unit, -high)), _day(day))
    return _span(_day(day), _day(_shift(day, unit, high)))


def _month_name(match: re.Match[str], day: datetime.date, future: bool, events: Mapping[str, Interval]) -> Interval:
    del events
    month = _MONTHS.index(match["month"].lower()) + 1
    which = (match["which"] or "").lower()
    if match["year"]:
        year = int(match["year"])
    elif which == "last":
        year = day.year if month < day.month else day.year - 1
    elif which == "next":
        year = day.year if month > day.month else day.year + 1
    elif which == "this":
        year = day.year
    elif future:
        year = day.year if month >= day.month else day.year + 1
    else:
        year = day.year if month <= day.month else day.year - 1
    found = PartialDate(year, month)
    return Interval(found, found)


def _year(match: re.Match[str], day: datetime.date, future: bool, events: Mapping[str, Interval]) -> Interval:
    del day, future, events
    found = PartialDate(int(match["year"]))
    return Interval(found, found)


def _absolute(match: re.Match[str], day: datetime.date, future: bool, events: Mapping[str, Interval]) -> Interval:
    del day, future, events
    found = _parse_absolute(match.group(0))
    if found is None:
        raise TimeExpressionError(f"not a date: {match.group(0)!r}")
    return Interval(found, found)


def _event(match: re.Match[str], day: datetime.date, future: bool, events: Mapping[str, Interval]) -> Interval:
    del day, future
    found = _find_event(match["event"], events)
    relation = match["relation"].lower()
    if match["count"] is None:
        return {"after": _after, "before": _before}.get(relation, lambda interval: interval)(found)
    low, high = _count(match["count"])
    unit = match["unit"].lower()
    sign = 1 if relation == "after" else -1
    base = found.end if relation == "after" else found.start
    if base is None:
        raise TimeExpressionError(f"the event {match['event']!r} is open-ended: nothing is {relation} it")
    first = _shift(base.earliest, unit, sign * (low if sign > 0 else high))
    last = _shift(base.latest, unit, sign * (high if sign > 0 else low))
    if unit == "day":
        return _span(_day(first), _day(last)) if first != last else _at_precision(first, "day")
    return _hull(_at_precision(first, unit), _at_precision(last, unit))


def _after(found: Interval) -> Interval:
    if found.end is None:
        raise TimeExpressionError(f"an event still going ({found}) has no 'after'")
    return Interval(_day(found.end.latest + datetime.timedelta(days=1)), None)


def _before(found: Interval) -> Interval:
    if found.start is None:
        raise TimeExpressionError(f"an event with an open start ({found}) has no 'before'")
    return Interval(None, _day(found.start.earliest - datetime.timedelta(days=1)))


def _named(match: re.Match[str], day: datetime.date, future: bool, events: Mapping[str, Interval]) -> Interval:
    del day, future
    return _find_event(match["event"], events)


class EventLookup(dict[str, Interval]):
    """Events by name that find one by a rule of their own (loading's: the Vocabulary's), passed through as given."""

    def find(self, name: str) -> Interval:
        """The days of the event written ``name``; raises :class:`TimeExpressionError` when there is none."""
        return _match_event(name, self)


def _find_event(name: str, events: Mapping[str, Interval]) -> Interval:
    return events.find(name) if isinstance(events, EventLookup) else _match_event(name, events)


def _match_event(name: str, events: Mapping[str, Interval]) -> Interval:
    wanted = _event_key(name)
    for key, value in events.items():
        if _event_key(key) == wanted:
            return value
    known = ", ".join(sorted(events)) or "none given"
    raise TimeExpressionError(f"unknown event {name!r} (known events: {known})")


def _event_key(name: str) -> str:
    words = name.casefold().split()
    return " ".join(words[1:] if words and words[0] in ("the", "a", "an") else words)


def _since(match: re.Match[str], day: datetime.date, future: bool, events: Mapping[str, Interval]) -> Interval:
    inner = _resolve_at(match["rest"], day, False, events)
    del future
    if inner.start is None:
        raise TimeExpressionError(f"'since' needs a start: {match.group(0)!r}")
    return Interval(inner.start, _day(day)) if inner.start.first_day <= _day(day).first_day else inner


# Order matters: the first pattern that matches the whole expression wins. Compiled on
# first use, so that `import factlog` stays quick.
@functools.cache
def _rules() -> tuple[tuple[re.Pattern[str], _Handler], ...]:
    return tuple((re.compile(pattern, re.IGNORECASE), handler) for pattern, handler in _RULE_PATTERNS)


_RULE_PATTERNS: tuple[tuple[str, _Handler], ...] = (
    (r"(?P<word>today|yesterday|tomorrow)", _today),
    (rf"(?:on )?(?:(?P<which>last|next|this) )?(?P<weekday>{_WEEKDAY})", _weekday),
    (rf"(?P<which>this|last|past|previous|next|coming) {_UNIT}", _this_unit),
    (r"(?P<which>earlier|later) this (?P<unit>week|month|year)", _earlier_later),
    (rf"(?P<count>{_NUMBER}) {_UNIT} (?P<direction>ago|later|from now)", _ago),
    (rf"in (?P<count>{_NUMBER}) {_UNIT}(?P<direction>)", _ago),
    (rf"(?:within|in|over|during) the (?P<which>past|last|next|coming) (?P<count>{_NUMBER}) {_UNIT}", _within),
    (
        rf"(?:(?P<count>{_NUMBER}) {_UNIT} )?(?P<relation>after|before|during|on the day of) (?P<event>.+)",
        _event,
    ),
    (rf"(?:in |on )?(?:(?P<which>last|next|this) )?(?P<month>{_MONTH})(?: (?P<year>[0-9]{{4}}))?", _month_name),
    (r"(?:in )?(?P<year>[0-9]{4})", _year),
    (r"since (?P<rest>.+)", _since),
    (r"(?P<event>(?:the|a|an) .+)", _named),
    (rf"(?:on )?(?:(?:{_WEEKDAY}),? )?[0-9]{{1,2}}(?:st|nd|rd|th)? (?:{_MONTH}),? [0-9]{{4}}", _absolute),
    (rf"(?:on )?(?:(?:{_WEEKDAY}),? )?(?:{_MONTH}) [0-9]{{1,2}}(?:st|nd|rd|th)?,? [0-9]{{4}}", _absolute),
    (r"(?:on )?[0-9]{4}-[0-9]{2}-[0-9]{2}", _absolute),
)


def _parse_absolute(text: str) -> PartialDate | None:
    from dateutil import parser  # noqa: PLC0415 - kept out of `import factlog`

    words = re.sub(r"^on ", "", text.strip(), flags=re.IGNORECASE)
    try:
        # Two different defaults tell which parts the text gave: those that differ were left out.
        first = parser.parse(words, default=datetime.datetime(2000, 1, 1))
        second = parser.parse(words, default=datetime.datetime(2001, 2, 2))
    except (ValueError, OverflowError):
        return None
    if first.year != second.year:
        return None
    if first.month != second.month:
        return PartialDate(first.year)
    if first.day != second.day:
        return PartialDate(first.year, first.month)
    return PartialDate(first.year, first.month, first.day)


def _resolve_at(text: str, day: datetime.date, future: bool, events: Mapping[str, Interval]) -> Interval:
    words = " ".join(text.split()).strip(" ,.;:")
    for pattern, handler in _rules():
        match = pattern.fullmatch(words)
        if match is not None:
            return handler(match, day, future, events)
    raise TimeExpressionError(out_of_range(words) or f"cannot resolve the time expression {text!r}")


def resolve_when(
    text: str,
    anchor: PartialDate | Interval | datetime.date | str,
    *,
    events: Mapping[str, Interval | str] | None = None,
    future: bool | None = None,
    past: bool = False,
) -> Interval:
    """The span of days a time expression means, said on ``anchor``.

    ``anchor`` is when the words were said or written: a claim's ``stated`` date or its
    source's ``published`` date, as a :class:`PartialDate`, an :class:`Interval`, the
    same as a string (``"2025-10-30"``), or a ``datetime.date`` (its day). A coarse
    anchor (``"2025-10"``) gives the union of the answers for each of its days.
    ``events`` names events for "two days after the strike" (without case, with or
    without "the"): an :class:`Interval` or its text each.

    The forms, with the meaning each gets (anchor Thursday 2025-10-30):

    * ``today``, ``yesterday``, ``tomorrow`` → that day;
    * ``on Tuesday`` → the latest Tuesday not after the anchor (2025-10-28) — past by
      default, as news reports, and the anchor's own day when it is a Tuesday (a wire
      story filed on Tuesday says "on Tuesday" of that day); the first one not before it
      when ``future`` is true or the words say so (``next Tuesday``); ``last Tuesday`` →
      the Tuesday of last week (2025-10-21), inside ``last week``, never the day before;
    * ``this week``/``last week``/``next week`` → Monday to Sunday (ISO weeks);
      ``this month``, ``last year`` → the month or year at that precision;
    * ``earlier this year`` → 1 January to the anchor; ``later this month`` → the
      anchor to the month's end;
    * ``two days ago``, ``a few months ago``, ``in six years``, ``three weeks later`` →
      shifted by that many units, at the unit's precision; "a few" and "several" are 3
      to 9, "a couple" is 2 (the ranges of vague figures in ``docs/format.md``);
    * ``in the past two weeks`` → from two weeks before the anchor to the anchor;
    * ``two days after the strike``, ``before the summit``, ``after the vote`` → from
      the named event (``after`` alone: from the day after it ends, open-ended);
    * ``in October`` → the latest October not after the anchor's month (2025-10),
      or the first not before it when ``future``; ``last October`` → strictly before;
    * ``since 2019``, ``since Tuesday``, ``since the strike`` → from there to the anchor;
    * ``2019``, ``October 2025``, ``30 October 2025``, ``October 30, 2025``,
      ``2025-10-30`` → as written (read by ``dateutil.parser``), also after "on" and a
      weekday (``on Thursday, 30 October 2025``: the date wins; a weekday that does
      not match it is reported by ``factlog.weekday_mismatches``).

    ``future`` ``None`` (the default) looks for a future tense in the words themselves
    ("will", "next", "planned", ...). ``past`` true says the words were used of the past
    ("had sent no grain this year": a past or perfect tense, which the words alone do
    not show): ``this week``, ``this month`` and ``this year`` then end at the anchor,
    as ``earlier this year`` does (1 January to the anchor), so that something that
    happens later in the year is not taken for what the words spoke of; a future (given
    or found) wins over ``past``. Raises :class:`TimeExpressionError` (a
    ``ValueError``) for a form not listed, an unknown event, a count above 999 ("in 1000
    days": out of range), or words or an anchor of another type (``None``).
    """
    text = words_of(text)
    span = anchor_span(anchor)
    assert span.start is not None
    assert span.end is not None
    ahead = bool(_FUTURE.search(text)) if future is None else future
    known = events if isinstance(events, EventLookup) else {n: event_span(n, v) for n, v in (events or {}).items()}
    if past and not ahead:
        text = _SO_FAR.sub(r"earlier this \g<unit>", text)
    first = _resolve_at(text, span.start.earliest, ahead, known)
    last = span.end.latest
    return first if last == span.start.earliest else _hull(first, _resolve_at(text, last, ahead, known))


# "this year" said of the past is the year so far: read as "earlier this year" (docs/concepts.md).
_SO_FAR = re.compile(r"^this (?P<unit>week|month|year)$", re.IGNORECASE)
