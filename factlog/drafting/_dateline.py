"""A wire story's dateline: "VELMORA, May 12 (CPA) - ..." names the place, the day and the agency.

A dateline opens the story's first paragraph: a place in capitals, then a date, an
agency in parentheses, or both, then a dash ("WASHINGTON, Oct. 9 (Reuters) -",
"SEOUL, May 12 (Yonhap) --", "LONDON (CPA) —"). It is no part of the first sentence's
claim; the agency is the relay through which the outlet has the story.
"""

from __future__ import annotations

import re

import attrs

__all__ = ["Dateline", "find_dateline"]

_MONTH = r"(?i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-zA-Z]*\.?"
_WORD = r"[^\W\d_](?:[^\W\d_]|[.'’/-])*"
"""A word of a place: letters of any script (the whole place is then required in capitals), with . ' / - inside."""
_DATELINE = re.compile(
    rf"(?P<place>{_WORD}(?:\s+{_WORD}){{0,3}})"
    rf"(?:,\s+(?P<date>(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})(?:,?\s+\d{{4}})?))?"
    r"(?:\s*\((?P<agency>[^()\n]{1,60})\))?"
    r"\s*(?:--|[-–—])\s+"
)
_LETTERS = 2
_LOWER_AGENCY = 4
"""The longest agency written in lowercase ("dpa"): longer lowercase words in parentheses are a caption's."""


@attrs.frozen
class Dateline:
    """A dateline found at the start of a sentence."""

    end: int
    """Where the sentence proper starts: the offset just after the dash and its spaces."""
    place: str
    """The place as written ("VELMORA")."""
    agency: str | None
    """The agency in parentheses ("CPA"), if any."""


def find_dateline(sentence: str) -> Dateline | None:
    """The dateline a sentence opens with, or None.

    The place must be in capitals of any script (two letters or more; "SÃO PAULO",
    "BEIJING/SEOUL"), and a date ("May 12", "12 May", "MAY 12, 2025") or an agency must
    follow it: "VELMORA, May 12 (CPA) - ..." and "LONDON (CPA) - ..." are datelines,
    "NATO - ...", "May 12 - ...", "LONDON ( ) - ..." and "KIM (pictured) - ..." are not
    (an agency is capitalised, or a short lowercase name such as "dpa").
    """
    match = _DATELINE.match(sentence)
    if match is None:
        return None
    agency = None if match["agency"] is None else " ".join(match["agency"].split()) or None
    if agency is not None and agency[0].islower() and (" " in agency or len(agency) > _LOWER_AGENCY):
        return None  # a caption's words, "KIM (pictured) - ", not an agency ("dpa" is one)
    if match["date"] is None and agency is None:
        return None
    place = match["place"]
    if sum(1 for letter in place if letter.isalpha()) < _LETTERS or place.upper() != place:
        return None
    return Dateline(end=match.end(), place=place, agency=agency)
