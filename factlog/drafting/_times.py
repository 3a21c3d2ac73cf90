"""The time a sentence names, read by ``find_time_expressions`` and dateutil; never one it does not name.

A sentence's time words are read by :func:`factlog.find_time_expressions`, and a day
and a month without a year ("2 December", "Dec. 2", "the 2nd of December") by
dateutil, in the year the month alone resolves to ("in December", written on
2026-05-12, is December 2025). Words that look like a time but are neither ("the
1990s", "fiscal year 2026", "the 3rd", "the day before yesterday") and dates that do
not exist ("February 30", "Dec. 32") give no time at all, with a note saying why: the
publication date is never put in their place.
"""

from __future__ import annotations

import datetime
import re

import attrs

from factlog.model import Interval, PartialDate, find_time_expressions

__all__ = ["NamedTime", "named_time"]

_MONTH_WORD = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY_MONTH = re.compile(
    rf"(?<![\w.])(?:(?:the\s+)?(?P<day1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month1>{_MONTH_WORD})"
    rf"|(?P<month2>{_MONTH_WORD})\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?(?![\d,]\d))(?!\w)"
    r"(?:,?\s+(?P<year>\d{4})(?!\w))?"
)
"""A day and a month, with a year or without: "2 December", "December 2", "Dec. 2, 2025", "the 2nd of Dec"."""
_TIMEY = re.compile(
    r"(?<![\w-])(?:"
    r"(?:1[0-9]|20)\d\d(?:s|'s|’s)?(?!\s+[a-z]+s\b)"  # a year or a decade ("the 1990s"), not "2000 troops"
    r"|(?:the\s+)?\d{1,2}(?:st|nd|rd|th)(?!\s+(?:time|times|round|consecutive|largest|biggest|place|term)\b)"
    r"|(?:fiscal|financial|academic|school|budget|tax)\s+year"
    r"|Q[1-4]|H[12]|(?:first|second|third|fourth|final|last)\s+(?:quarter|half)"
    r"|(?:the\s+)?day\s+(?:before|after)\s+(?:yesterday|tomorrow)"
    r"|yesterday|today|tomorrow|tonight"
    r"|(?:last|next|this|past|coming|previous)\s+(?:decade|century|quarter|spring|summer|autumn|fall|winter|"
    r"weekend|night|season|term)"
    r"|(?:mid|early|late)-\w+"
    rf"|{_MONTH_WORD}(?=\s+\d)"
    r")(?![\w-])",
    re.IGNORECASE,
)
"""Words that name a time: each must lie inside a time that was read, or the sentence's time is unknown."""


_VERB_MONTHS = frozenset({"may", "march", "august"})


@attrs.frozen
class NamedTime:
    """The time a sentence names: ``when`` None and a ``note`` when its time words cannot be read."""

    when: Interval | None = None
    note: str | None = None


def _day_of(match: re.Match[str], month: Interval | None) -> tuple[Interval | None, str | None]:
    """The day a day-and-month names, in the year written or the month's; or why there is none."""
    from dateutil import parser  # noqa: PLC0415 - kept out of `import factlog`

    day = match["day1"] or match["day2"]
    written = (match["month1"] or match["month2"]).rstrip(".")
    year = match["year"]
    if year is None:
        if month is None or month.start is None or month.end is None or month.start.year != month.end.year:
            return None, f"the year of {match.group().strip()!r} is not known"
        year = str(month.start.year)
    try:
        found = parser.parse(f"{day} {written} {year}", default=datetime.datetime(2000, 1, 1))
    except (ValueError, OverflowError):
        return None, f"{match.group().strip()!r} names no day that exists"
    date = PartialDate(found.year, found.month, found.day)
    return Interval(date, date), None


def _month_alone(sentence: str, match: re.Match[str], published: Interval) -> Interval | None:
    """The month of a day-and-month without a year, as ``find_time_expressions`` reads the month by itself."""
    written = match["month1"] or match["month2"]
    start = match.start("month1") if match["month1"] else match.start("month2")
    spelled = re.sub(r"\.$", "", written)
    from dateutil import parser  # noqa: PLC0415 - kept out of `import factlog`

    try:
        number = parser.parse(f"1 {spelled} 2000").month
    except (ValueError, OverflowError):
        return None
    full = datetime.date(2000, number, 1).strftime("%B")
    # The month word alone in its sentence, spelled out, so that its tense is read as written.
    probe = sentence[:start] + full + " " * max(0, len(written) - len(full)) + sentence[start + len(written) :]
    for found in find_time_expressions(probe, published, past=None):
        if found.start <= start < found.end and found.when.start is not None and found.when.start.month == number:
            return found.when
    return None


def named_time(sentence: str, published: Interval | None) -> NamedTime:
    """The time the sentence's words name (the first, in order), against the publication date.

    Nothing when the sentence names no time or there is no publication date; nothing,
    and a note, when it has time words that cannot be read or name a day that does
    not exist. The sentence's tense is read: "has met officials this year" is the year
    up to the publication date, not the whole year.
    """
    if published is None:
        return NamedTime()
    read: list[tuple[int, int, Interval]] = []
    for match in _DAY_MONTH.finditer(sentence):
        month = None if match["year"] else _month_alone(sentence, match, published)
        when, problem = _day_of(match, month)
        if when is None:
            return NamedTime(note=_note(problem or match.group()))
        read.append((match.start(), match.end(), when))
    for found in find_time_expressions(sentence, published, past=None):
        if found.text.casefold() in _VERB_MONTHS and found.text.islower():
            continue  # "may", "march": a verb more often than a month ("yesterday" is read)
        if any(start < found.end and found.start < end for start, end, _ in read):
            continue  # "December" of "2 December": the day is read already
        read.append((found.start, found.end, found.when))
    for timey in _TIMEY.finditer(sentence):
        if not any(start <= timey.start() and timey.end() <= end for start, end, _ in read):
            return NamedTime(note=_note(f"{timey.group()!r} is not a time factlog can read"))
    if not read:
        return NamedTime()
    return NamedTime(when=min(read, key=lambda item: item[0])[2])


def _note(problem: str) -> str:
    return (
        f"factlog draft left out the proposition's time: {problem}, and the publication date is not put in its"
        " place. Give the time by hand."
    )
