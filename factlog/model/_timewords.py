"""Time expressions found in a sentence, and weekdays written beside the wrong date.

:func:`find_time_expressions` finds the forms :func:`~factlog.resolve_when` reads in a
sentence, with their character spans (for drafting); :func:`weekday_mismatches` reports
a weekday written beside a date it does not fall on ("Wednesday, 30 October 2025").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

import attrs

from factlog.errors import TimeExpressionError, expect
from factlog.model._dates import Interval, PartialDate
from factlog.model._relative import _FUTURE, _MONTH, _NUMBER, _WEEKDAY, _WEEKDAYS, _parse_absolute, resolve_when

__all__ = ["TimeExpression", "WeekdayMismatch", "find_time_expressions", "weekday_mismatches"]


@attrs.frozen
class TimeExpression:
    """A time expression found in a sentence: its character span and what it resolves to."""

    start: int
    """Offset of the first character (Python string offsets)."""
    end: int
    """Offset after the last character."""
    text: str
    """The words as written."""
    when: Interval
    """What the words mean, against the anchor."""


@attrs.frozen
class WeekdayMismatch:
    """A weekday written beside a date it does not fall on."""

    start: int
    """Offset of the weekday's first character."""
    end: int
    """Offset after the date's last character."""
    text: str
    """The words as written, e.g. 'Wednesday, 30 October 2025'."""
    written: str
    """The weekday written, e.g. 'Wednesday'."""
    actual: str
    """The weekday the date falls on, e.g. 'Thursday'."""


_CLAUSE = re.compile(r"[,;.!?]")
# A past or perfect auxiliary: "had sent", "has met", "was sent", "did not send"; not "has to" (obligation).
_PAST = re.compile(r"\b(?:(?:has|have|had)(?:n't)?\s+(?!to\b)[a-z]|(?:was|were|did)(?:n't)?\b)", re.IGNORECASE)
# A verb of commitment or intent before an infinitive looks ahead, whatever its tense: "has
# pledged to send grain this year" speaks of the whole year, not of the part gone by.
_PROSPECTIVE = re.compile(
    r"\b(?:pledged|promised|vowed|agreed|decided|hoped|intended|aimed|sought|wanted|offered|committed|"
    r"threatened|undertaken|undertook|resolved|prepared|ready|due|set|poised|likely|going)\s+to\s+[a-z]",
    re.IGNORECASE,
)


@functools.cache
def _finder() -> re.Pattern[str]:
    return re.compile("|".join(rf"(?:{item})" for item in _FINDER_PATTERNS), re.IGNORECASE)


_FINDER_PATTERNS = (
    rf"(?:(?:on )?(?:{_WEEKDAY}),? )?[0-9]{{1,2}}(?:st|nd|rd|th)? (?:{_MONTH}),? [0-9]{{4}}",
    rf"(?:(?:on )?(?:{_WEEKDAY}),? )?(?:{_MONTH}) [0-9]{{1,2}}(?:st|nd|rd|th)?,? [0-9]{{4}}",
    r"(?:on )?[0-9]{4}-[0-9]{2}-[0-9]{2}",
    r"today|yesterday|tomorrow",
    r"(?:earlier|later) this (?:week|month|year)",
    rf"(?:(?:{_NUMBER}) (?:day|week|month|year)s? )?(?:after|before) (?:the|a|an) [a-z]+(?: [a-z]+)?",
    rf"(?:{_NUMBER}) (?:day|week|month|year)s? (?:ago|later|from now)",
    rf"in (?:{_NUMBER}) (?:day|week|month|year)s?",
    rf"(?:within|in|over|during) the (?:past|last|next|coming) (?:{_NUMBER}) (?:day|week|month|year)s?",
    r"(?:this|last|past|previous|next|coming) (?:day|week|month|year)",
    rf"since (?:(?:{_MONTH})(?: [0-9]{{4}})?|[0-9]{{4}}|(?:{_WEEKDAY})|(?:the|a|an) [a-z]+)",
    rf"(?:in |on )?(?:(?:last|next|this) )?(?:{_MONTH})(?: [0-9]{{4}})?",
    rf"(?:on )?(?:(?:last|next|this) )?(?:{_WEEKDAY})",
    r"in [0-9]{4}",
)


def find_time_expressions(
    sentence: str,
    anchor: PartialDate | Interval | str,
    *,
    events: Mapping[str, Interval] | None = None,
    future: bool | None = None,
    past: bool | None = False,
) -> list[TimeExpression]:
    """The time expressions of a sentence, in order, each with its span and meaning.

    Finds the forms :func:`resolve_when` reads (longest match first, never
    overlapping) and resolves each against ``anchor``; "after the strike" is kept only
    when ``events`` names the strike. ``future`` ``None`` looks for a future tense in
    the clause of each expression (up to the nearest comma, semicolon or full stop).
    ``past`` is passed to :func:`resolve_when` ("this year" said of the past ends at the
    anchor); ``None`` looks for a past or perfect auxiliary in the clause ("had sent",
    "has met", "was sent", "did not send"), and a future there wins, as does a verb of
    commitment or intent before an infinitive ("has pledged to send"). Only auxiliaries
    are read: a bare past ("sent") is no sign, since the verb alone cannot be told from
    a participle or an adjective.
    Nothing is raised for words that only look like a time; :class:`~factlog.ArgumentError`
    (a :class:`ValueError`) for a ``sentence`` that is no :class:`str`.
    """
    expect(sentence, str, "factlog.find_time_expressions: sentence", "a str")
    found: list[TimeExpression] = []
    for match in _finder().finditer(sentence):
        start, end = match.span()
        if (start > 0 and sentence[start - 1].isalnum()) or (end < len(sentence) and sentence[end].isalnum()):
            continue
        if future is None:
            clause = _CLAUSE.split(sentence[:start])[-1] + sentence[start:end] + _CLAUSE.split(sentence[end:])[0]
            ahead = bool(_FUTURE.search(clause))
        else:
            ahead = future
        if past is None:
            clause = _CLAUSE.split(sentence[:start])[-1] + " " + _CLAUSE.split(sentence[end:])[0]
            before = bool(_PAST.search(clause)) and not ahead and not _PROSPECTIVE.search(clause)
        else:
            before = past
        try:
            when = resolve_when(match.group(0), anchor, events=events, future=ahead, past=before)
        except TimeExpressionError:
            continue
        found.append(TimeExpression(start, end, match.group(0), when))
    return found


@functools.cache
def _weekday_date() -> re.Pattern[str]:
    return re.compile(_WEEKDAY_DATE, re.IGNORECASE)


_WEEKDAY_DATE = (
    rf"\b(?P<weekday>{_WEEKDAY}),? (?:the )?(?P<date>[0-9]{{1,2}}(?:st|nd|rd|th)? (?:of )?(?:{_MONTH}),? [0-9]{{4}}"
    rf"|(?:{_MONTH}) [0-9]{{1,2}}(?:st|nd|rd|th)?,? [0-9]{{4}}|[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}})\b"
)


def weekday_mismatches(text: str) -> list[WeekdayMismatch]:
    """Weekdays written beside a full date they do not fall on, in order.

    "Wednesday, 30 October 2025" is reported (30 October 2025 is a Thursday);
    "Thursday, 30 October 2025", "Thursday October 30, 2025" and "Thursday
    2025-10-30" are not. Dates without a year are not checked. Each mismatch gives its
    ``(start, end)`` Python string offsets in ``text``. Raises :class:`~factlog.ArgumentError`
    for a ``text`` that is no :class:`str`, nothing else: a date that does not exist
    ("Monday, 30 February 2025") is not checked either.
    """
    expect(text, str, "factlog.weekday_mismatches: text", "a str")
    found: list[WeekdayMismatch] = []
    if "day" not in text.casefold():  # every weekday's name ends so: most texts need no regex
        return found
    for match in _weekday_date().finditer(text):
        date = _parse_absolute(match["date"].replace(" of ", " "))
        if date is None or date.day is None:
            continue
        actual = _WEEKDAYS[date.earliest.weekday()]
        if actual != match["weekday"].lower():
            found.append(
                WeekdayMismatch(match.start(), match.end(), match.group(0), match["weekday"], actual.capitalize())
            )
    return found
