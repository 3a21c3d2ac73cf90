"""The time a sentence names, read by ``find_time_expressions`` and dateutil; never one it does not name.

A sentence's time words are read by :func:`factlog.find_time_expressions`, and a day
and a month without a year ("2 December", "Dec. 2", "the 2nd of December") by
dateutil, in the year the month alone resolves to ("in December", written on
2026-05-12, is December 2025). Words that look like a time but are neither ("the
1990s", "fiscal year 2026", "the 3rd", "the day before yesterday") and dates that do
not exist ("February 30", "Dec. 32") give no time at all, with a note quoting them
(each phrase whole: "before 2019", "late 2025", "two days before the summit") and
saying why: the publication date is never put in their place.

The part of a month is a third of it: "early November" (the beginning of) is days 1-10,
"mid-November" (the middle of) days 11-20, "late November" (the end of) day 21 to the
month's end; the part of a year likewise a third: "early 2025" is January to April,
"mid-2025" May to August, "late 2025" September to December ("late last year" too).
"""

from __future__ import annotations

import calendar
import datetime
import re

import attrs

from factlog.model import Interval, PartialDate, find_time_expressions, resolve_when

__all__ = ["UNDATED", "WEEKDAYS", "NamedTime", "named_time", "undated"]

WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
"""The days of the week, as an alternation for patterns."""

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
_DOT = r"\.?"
_PART = (
    r"(?:(?P<part>early|mid|late)(?:\s*-\s*|\s+)|(?:the\s+)?(?P<which>beginning|start|middle|end)\s+of\s+(?:the\s+)?)"
)
_PART_OF = re.compile(
    rf"(?<![\w-]){_PART}(?:"
    rf"(?P<month>(?-i:{_MONTH_WORD.removesuffix(_DOT)})(?:\.(?=,?\s+\d{{4}}))?)(?!\w)(?:,?\s+(?P<year>\d{{4}})(?!\w))?"
    r"|(?P<alone>\d{4})(?![\w-])"
    r"|(?P<relative>(?:this|last|next|past|previous|coming)\s+(?:month|year))(?![\w-]))",
    re.IGNORECASE,
)
"""The part of a month or a year: "mid-November", "early Nov. 2025", "the end of November", "late 2025",
"late last year", "early next month"."""
_THIRD = {"early": 0, "beginning": 0, "start": 0, "mid": 1, "middle": 1, "late": 2, "end": 2}
"""Which third of the month or year each word names: days 1-10, 11-20, 21-end; January-April, May-August, September-."""
_UNTIL = r"\s*(?:-|–|—|\bto\b|\band\b|\bthrough\b|\buntil\b|\btill\b)\s*"
_ORDINAL = r"(?:st|nd|rd|th)?"
_RANGE = re.compile(
    rf"(?<![\w.])(?:(?:from|between)\s+)?(?:"
    rf"(?P<d1>\d{{1,2}}){_ORDINAL}(?:\s+(?:of\s+)?(?P<m1>{_MONTH_WORD}))?{_UNTIL}(?P<d2>\d{{1,2}}){_ORDINAL}\s+(?:of\s+)?"
    rf"(?P<m2>{_MONTH_WORD})"
    rf"|(?P<m3>{_MONTH_WORD})\s+(?P<d3>\d{{1,2}}){_ORDINAL}{_UNTIL}(?:(?P<m4>{_MONTH_WORD})\s+)?(?P<d4>\d{{1,2}}){_ORDINAL}"
    r")(?![\w-])(?:,?\s+(?P<year>\d{4})(?!\w))?"
)
"""A span of days: "29-30 November", "between 28 and 30 November", "Nov. 30-Dec. 1", "from 26 to 28 December"."""
_DURATION_AFTER = re.compile(
    r"\b(?:first|last|only|[a-z]{3,}est)\b(?:\s+[\w-]+){0,4}\s+$|\b(?:for|over|within)\s+(?:the\s+)?(?:past|last|next)?\s*$",
    re.IGNORECASE,
)
"""Words before "in five years" that make it a duration, no date: "for the first time in five years"."""
_SPAN_OF_TIME = re.compile(r"in\s+(?:[\w-]+\s+)?(?:years?|months?|weeks?|days?|decades?|centuries|century)", re.I)
"""A length of time after "in" ("in five years", "in a decade"): a date only when nothing makes it a duration."""
_TIMEY = re.compile(
    r"(?<![\w-])(?:"
    r"(?:1[0-9]|20)\d\d(?:s|'s|’s)?(?!\s+[a-z]+s\b)"  # a year or a decade ("the 1990s"), not "2000 troops"
    r"|(?:the\s+)?\d{1,2}(?:st|nd|rd|th)(?!\s+(?:time|times|round|consecutive|largest|biggest|place|term)\b)"
    r"|(?:fiscal|financial|academic|school|budget|tax)\s+year"
    r"|Q[1-4]|H[12]|(?:first|second|third|fourth|final|last)\s+(?:quarter|half)"
    r"|(?:the\s+)?day\s+(?:before|after)\s+(?:yesterday|tomorrow)"
    r"|(?:\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+few|several|a\s+couple\s+of)"
    r"\s+(?:day|week|month|year)s?\s+(?:before|after)\s+(?:the|an?|his|her|its|their)\s+[\w-]+(?:\s+[\w-]+)??"
    r"(?=[\s,.;:!?)]|$)(?:\s+(?:in|of)\s+(?:1[0-9]|20)\d\d)?"
    r"|(?:before|after)\s+(?:the|an?)\s+[\w-]+(?:\s+[\w-]+)?\s+(?:in|of)\s+(?:1[0-9]|20)\d\d"
    r"|yesterday|today|tomorrow|tonight"
    r"|(?:last|next|this|past|coming|previous)\s+(?:decade|century|quarter|spring|summer|autumn|fall|winter|"
    r"weekend|night|season|term)"
    r"|(?:over|during|at|on|by|for|across)\s+the\s+weekend"
    r"|(?:mid|early|late)-\w+"
    rf"|{_MONTH_WORD}(?=\s+\d)"
    r"|(?:Christmas|New\s+Year(?:['’]s)?|Easter|Thanksgiving|Independence|Victory|Liberation|Labou?r|Memorial|"
    r"Armistice|Election)(?:\s+(?:Day|Eve))?"
    r"|(?:in|during|over|by)\s+the\s+(?:spring|summer|autumn|fall|winter)(?!\s+of\b)"
    r"|(?<=on\s)\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{1,2}/\d{1,2}/\d{2,4}"
    r")(?![\w-])",
    re.IGNORECASE,
)
"""Words that name a time: each must lie inside a time that was read, or the sentence's time is unknown."""


_VERB_MONTHS = frozenset({"may", "march", "august"})
_ANCHOR = Interval.parse("2000-01-01")
"""A day to find time words against when the article has no date: what they name is not kept."""


@attrs.frozen
class NamedTime:
    """The time a sentence names: ``when`` None and a ``note`` when its time words cannot be read."""

    when: Interval | None = None
    note: str | None = None


def _day_of(match: re.Match[str], month: Interval | None) -> tuple[Interval | None, str | None]:
    """The day a day-and-month names, in the year written or the month's; or why there is none."""
    written = match["month1"] or match["month2"]
    return _one_day(match["day1"] or match["day2"], written, match["year"], month, match.group().strip())


def _one_day(
    day: str, written: str, year: str | None, month: Interval | None, phrase: str
) -> tuple[Interval | None, str | None]:
    """One day of a month word, in the year written or the one ``month`` (the month alone) falls in."""
    from dateutil import parser  # noqa: PLC0415 - kept out of `import factlog`

    if year is None:
        if month is None or month.start is None or month.end is None or month.start.year != month.end.year:
            return None, f"the year of {phrase!r} is not known"
        year = str(month.start.year)
    try:
        found = parser.parse(f"{day} {written.rstrip('.')} {year}", default=datetime.datetime(2000, 1, 1))
    except (ValueError, OverflowError):
        return None, f"{phrase!r} names no day that exists"
    date = PartialDate(found.year, found.month, found.day)
    return Interval(date, date), None


def _month_alone(sentence: str, match: re.Match[str], published: Interval) -> Interval | None:
    """The month of a day-and-month without a year, as ``find_time_expressions`` reads the month by itself."""
    start = match.start("month1") if match["month1"] else match.start("month2")
    return _month_in(sentence, start, match["month1"] or match["month2"], published)


def _month_in(sentence: str, start: int, written: str, published: Interval) -> Interval | None:
    """The month a month word at ``start`` names, read alone in its sentence so that its tense is read as written."""
    from dateutil import parser  # noqa: PLC0415 - kept out of `import factlog`

    try:
        number = parser.parse(f"1 {written.rstrip('.')} 2000").month
    except (ValueError, OverflowError):
        return None
    full = datetime.date(2000, number, 1).strftime("%B")
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
        first = [match for match in (_PART_OF.search(sentence), _TIMEY.search(sentence)) if match is not None]
        timey = min(first, key=lambda match: (match.start(), -match.end()), default=_DAY_MONTH.search(sentence))
        words = _phrase(sentence, timey)[2] if timey else None
        words = words or next((f.text for f in find_time_expressions(sentence, _ANCHOR)), None)
        return NamedTime() if words is None else NamedTime(note=UNDATED.format(words=words.strip()))
    read: list[tuple[int, int, Interval | None]] = []
    problems: list[str] = []  # each phrase that failed, in its own words; its span is read as no time
    for match in _PART_OF.finditer(sentence):
        part = _part_of(sentence, match, published)
        if part is None:
            problems.append(f"the year of {match.group().strip()!r} is not known")
        read.append((match.start(), match.end(), part))
    for match in _RANGE.finditer(sentence):
        when, problem = _span_of(sentence, match, published)
        if when is None:
            problems.append(problem or match.group())
        read.append((match.start(), match.end(), when))
    for match in _DAY_MONTH.finditer(sentence):
        if any(start <= match.start() < end for start, end, _ in read):
            continue  # a bound of a span read already, or a month of "early November 2" (no date: a note)
        month = None if match["year"] else _month_alone(sentence, match, published)
        when, problem = _day_of(match, month)
        if when is None:
            problems.append(problem or match.group())
        read.append((match.start(), match.end(), when))
    note = None
    for found in find_time_expressions(sentence, published, past=None):
        if found.text.casefold() in _VERB_MONTHS and found.text.islower():
            continue  # "may", "march": a verb more often than a month ("yesterday" is read)
        of_date = _weekday_of_date(sentence, found.start, found.end, read)
        if of_date is not None:
            # "on Monday 13 October", "Thursday, Oct. 3": the written date wins over the weekday before it.
            weekday, when = of_date
            day = when.start
            if (
                day is not None
                and day.month is not None
                and day.day is not None
                and datetime.date(day.year, day.month, day.day).strftime("%A").casefold() != weekday.casefold()
            ):
                note = _mismatch(found.text, weekday, when)
            read.append((found.start, found.end, None))
            continue
        if any(start < found.end and found.start < end for start, end, _ in read):
            continue  # "December" of "2 December": the day is read already
        if _SPAN_OF_TIME.fullmatch(found.text) and _DURATION_AFTER.search(sentence[: found.start]):
            read.append((found.start, found.end, None))  # "the first time in five years": a duration
            continue
        read.append((found.start, found.end, found.when))
    unread: list[tuple[int, int, str]] = []
    for timey in _TIMEY.finditer(sentence):
        if not any(start <= timey.start() and timey.end() <= end for start, end, _ in read):
            phrase = _phrase(sentence, timey)
            if not any(start <= phrase[0] and phrase[1] <= end for start, end, _ in unread):
                unread.append(phrase)
    if unread:
        problems.append(_not_read([words for _, _, words in sorted(unread)]))
    if problems:
        return NamedTime(note=_note("; ".join(problems)))
    dated = [(start, when) for start, _, when in read if when is not None]
    if not dated:
        return NamedTime()
    return NamedTime(when=min(dated, key=lambda item: item[0])[1], note=note)


_WEEKDAY = re.compile(rf"(?:on\s+)?(?P<weekday>{WEEKDAYS})", re.IGNORECASE)
_WEEKDAY_JOINT = re.compile(r",?\s*(?:the\s+)?")


_MODIFIERS = re.compile(
    r"(?:\b(?:(?:before|after|until|till|by|around|circa|about|since|from|between|early|mid|late|the)\b[\s-]*"
    r"|(?:spring|summer|autumn|fall|winter)(?:\s+of)?\s+))+$",
    re.IGNORECASE,
)
"""Words before unread time words that belong to them: "before 2019", "late 2025", "the spring of 2019"."""
_SECOND_BOUND = re.compile(
    r"\s*(?:-|–|—|\band\b|\bto\b|\buntil\b|\bthrough\b)\s*(?:1[0-9]|20)\d\d(?:s|'s|’s)?(?![\w-])"
)
"""The second year of "between 2019 and 2021", "from 2019 to 2021"."""


def _phrase(sentence: str, timey: re.Match[str]) -> tuple[int, int, str]:
    """The whole phrase of time words that could not be read: "before 2019", not "2019"; with its span."""
    start, end = timey.span()
    before = _MODIFIERS.search(sentence, 0, start)
    if before is not None:
        start = before.start()
    if re.match(r"(?:from|between)\b", sentence[start:end], re.IGNORECASE):
        second = _SECOND_BOUND.match(sentence, end)
        end = second.end() if second is not None else end
    return start, end, sentence[start:end].strip()


def _not_read(phrases: list[str]) -> str:
    """What the note says of the phrases not read, each quoted: "'before 2019' is not a time factlog can read"."""
    if len(phrases) == 1:
        return f"{phrases[0]!r} is not a time factlog can read"
    listed = ", ".join(repr(words) for words in phrases[:-1])
    return f"{listed} and {phrases[-1]!r} are not times factlog can read"


def _part_of(sentence: str, match: re.Match[str], published: Interval) -> Interval | None:
    """The third of a month or a year a part names ("mid-November": days 11-20); None when its year is not known."""
    third = _THIRD[(match["part"] or match["which"]).casefold()]
    if match["alone"] is not None:
        whole: Interval | None = Interval.parse(match["alone"])
    elif match["relative"] is not None:
        whole = resolve_when(match["relative"], published)
    elif match["year"] is None:
        whole = _month_in(sentence, match.start("month"), match["month"], published)
    else:
        whole = _month_in(f"in {match['month']} {match['year']}", 3, match["month"], published)
    if whole is None or whole.start is None or whole.start != whole.end or whole.start.day is not None:
        return None  # no single month or year: "late last month" against a publication month spans two
    year, number = whole.start.year, whole.start.month
    if number is None:
        first, last_month = 4 * third + 1, 4 * third + 4
        return Interval(PartialDate(year, first, 1), PartialDate(year, last_month, _days_in(year, last_month)))
    last = (10, 20, _days_in(year, number))[third]
    return Interval(PartialDate(year, number, 10 * third + 1), PartialDate(year, number, last))


def _days_in(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _weekday_of_date(
    sentence: str, start: int, end: int, read: list[tuple[int, int, Interval | None]]
) -> tuple[str, Interval] | None:
    """The weekday written and the date it stands before ("Monday 13 October"), or None when it names its own day."""
    weekday = _WEEKDAY.fullmatch(sentence, start, end)
    if weekday is None:
        return None
    joint = _WEEKDAY_JOINT.match(sentence, end)
    after = joint.end() if joint is not None else end
    for day_start, _, when in read:
        if day_start == after and when is not None:
            return weekday["weekday"], when
    return None


def _mismatch(written: str, weekday: str, when: Interval) -> str:
    """The note on a weekday that is not the day of the date written after it."""
    return (
        f"factlog draft read the date written, {when}, and not {written!r}: {when} is not a {weekday.capitalize()}."
        " Check the day by hand."
    )


def _span_of(sentence: str, match: re.Match[str], published: Interval) -> tuple[Interval | None, str | None]:
    """The days from the first to the last of a span ("29-30 November"), each in the year its month resolves to."""
    last_month = match["m2"] or match["m4"] or match["m3"]
    first_month = match["m1"] or match["m3"] or match["m2"]
    bounds = ((match["d1"] or match["d3"], first_month), (match["d2"] or match["d4"], last_month))
    days: list[Interval] = []
    for day, month_word in bounds:
        month = None
        if match["year"] is None:
            probe = sentence[: match.start()] + f"in {month_word}" + sentence[match.end() :]
            month = _month_in(probe, match.start() + 3, month_word, published)
        when, problem = _one_day(day, month_word, match["year"], month, match.group().strip())
        if when is None:
            return None, problem
        days.append(when)
    first, last = days
    if first.start is None or last.end is None or last.last_day < first.first_day:
        return None, f"{match.group().strip()!r} ends before it starts"
    return Interval(first.start, last.end), None


UNDATED = (
    "factlog draft left out the proposition's time: {words!r} is read against the publication date, and none"
    " was given (--published, or published= in Python). Give the time by hand, or draft again with it."
)
"""The note on a claim whose time words had no publication date to be read against."""


def undated(note: str | None) -> bool:
    """Whether a claim's note says its time words were not read for want of a publication date."""
    head, _, tail = UNDATED.partition("{words!r}")
    return note is not None and note.startswith(head) and note.endswith(tail)


def _note(problem: str) -> str:
    return (
        f"factlog draft left out the proposition's time: {problem}, and the publication date is not put in its"
        " place. Give the time by hand."
    )
