"""A wire story's dateline: "VELMORA, May 12 (CPA) - ..." names the place, the day and the agency.

A dateline opens the story's first paragraph: a place in capitals, then a date, an
agency in parentheses, or both, then a dash ("WASHINGTON, Oct. 9 (Reuters) -",
"SEOUL, May 12 (Yonhap) --", "LONDON (CPA) —"). It is no part of the first sentence's
claim; the agency is the relay through which the outlet has the story.
"""

from __future__ import annotations

import re
import unicodedata

import attrs

__all__ = ["Dateline", "find_dateline", "with_dateline_whole"]

_MONTH = r"(?i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-zA-Z]*\.?"
_WORD = r"[^\W\d_](?:[^\W\d_]|[.'’/-])*"
"""A word of a place: letters of any script (the whole place is then required in capitals), with . ' / - inside."""
_DATE = (
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?"
    # Any script's day and month: "12 May", "8 октября", "10월 8일", "10月8日", and German "8. Oktober".
    r"|\d{1,4}\.?\s*[^\W\d_]{1,12}\.?(?:,?\s*\d{1,4}\.?\s*[^\W\d_]{0,12}\.?){0,2})"
)
# A wire's slug before the dateline: "UPDATE 2-", "CORRECTED-", "EXCLUSIVE-".
_SLUG = r"(?:UPDATE|CORRECTED|REFILE|RPT|WRAPUP|EXCLUSIVE)(?:\s*\d+)?(?:\s*[-–—:]\s*|\s+)"
_DATELINE = re.compile(
    rf"(?P<slug>{_SLUG})?"
    rf"(?P<place>{_WORD}(?:\s+{_WORD}){{0,3}})?"
    # AP's form names the country or state after the city: "SEOUL, South Korea (AP) —", "DOVER, Del. (AP) —".
    r"(?:\s*,\s*(?P<region>[A-Z][a-z]+\.?(?:\s+[A-Z][a-z]+\.?){0,2})(?=\s*[(（]))?"
    rf"(?:\s*[,，、]\s*(?P<date>{_DATE}))?"
    r"(?:\s*[(（](?P<agency>[^()（）\n]{1,60})[)）])?"
    r"\s*(?:(?:--|[-–—])\s+|[－―—]\s*)"  # a hyphen needs a space after it ("NORTH-EAST" is a word); a wide dash not
)
_KOREAN = re.compile(
    r"[(（](?P<place>[^()（）=＝\n]{1,20})[=＝](?P<agency>[^()（）\n]{1,30})[)）]\s*(?:[^=＝\n]{1,30}?[=＝]\s*)?"
)
"""The Korean form: "(서울=연합뉴스) 홍길동 기자 = ...", place and agency in parentheses, the reporter before "="."""
_SLASHED = re.compile(
    rf"(?P<place>{_WORD}(?:\s+{_WORD}){{0,3}})\s*,\s*(?P<date>{_DATE})\.?\s*/(?P<agency>[^/\n]{{1,30}})/\.?\s*"
)
"""TASS's form: "MOSCOW, December 2. /TASS/. ...", the agency between slashes."""
_LETTERS = 2
_LOWER_AGENCY = 4
"""The longest agency written in lowercase ("dpa"): longer lowercase words in parentheses are a caption's."""
_CAPTIONS = frozenset(
    (
        *("video", "videos", "photo", "photos", "picture", "pictures", "graphic", "graphics", "live", "watch"),
        *("audio", "updated", "update", "opinion", "analysis", "exclusive", "explainer", "factbox", "poll"),
        *("map", "interactive", "corrected", "podcast"),
    )
)
"""Words in parentheses after a headline in capitals ("... (VIDEO) - "): a caption's, not an agency."""
_REPEATS = 3


@attrs.frozen
class Dateline:
    """A dateline found at the start of a sentence."""

    end: int
    """Where the sentence proper starts: the offset just after the dash and its spaces."""
    place: str
    """The place as written ("VELMORA"); empty after a slug alone ("UPDATE 2 (Reuters) - ")."""
    agency: str | None
    """The agency in parentheses ("CPA"), if any: the first, when datelines follow each other."""
    agencies: tuple[str, ...] = ()
    """Every agency of the datelines that follow each other, outermost (first written) first."""


def _one(sentence: str, start: int) -> tuple[int, str, str | None] | None:
    """One dateline at ``start``: (its end, the place, the agency), or None."""
    korean = _KOREAN.match(sentence, start)
    if korean is not None and korean["place"].strip() and korean["agency"].strip():
        return korean.end(), korean["place"].strip(), " ".join(korean["agency"].split())
    slashed = _SLASHED.match(sentence, start)
    if slashed is not None and slashed["agency"].strip() and slashed["place"].upper() == slashed["place"]:
        return slashed.end(), slashed["place"], " ".join(slashed["agency"].split())
    match = _DATELINE.match(sentence, start)
    if match is None:
        return None
    agency = None if match["agency"] is None else " ".join(match["agency"].split()) or None
    if agency is not None and agency[0].islower() and (" " in agency or len(agency) > _LOWER_AGENCY):
        return None  # a caption's words, "KIM (pictured) - ", not an agency ("dpa" is one)
    if agency is not None and unicodedata.normalize("NFKC", agency).casefold() in _CAPTIONS:
        return None  # "KIM MEETS PUTIN (VIDEO) - ": a headline and its caption
    if (match["date"] is None or match["region"] is not None) and agency is None:
        return None
    place = match["place"] or ""
    if not place and match["slug"] is None:
        return None
    # "Pyongyang, December 2 (KCNA) -- Kim ...": a place in title case is one when a date and an agency
    # both follow and a sentence starts after the dash ("Velmora, May 12 (CPA) - talks resumed." is none).
    after = sentence[match.end() : match.end() + 1]
    titled = match["date"] is not None and agency is not None and place.istitle() and after.isupper()
    if place and (sum(1 for letter in place if letter.isalpha()) < _LETTERS or (place.upper() != place and not titled)):
        return None
    return match.end(), place, agency


def find_dateline(sentence: str) -> Dateline | None:
    """The dateline a sentence opens with, or None.

    The place must be in capitals of any script (two letters or more; "SÃO PAULO",
    "BEIJING/SEOUL", "МОСКВА"), and a date ("May 12", "12 May", "MAY 12, 2025", "8. Oktober", "8
    октября", "10월 8일") or an agency must follow it, with ASCII or full-width
    punctuation: "VELMORA, May 12 (CPA) - ..." and "LONDON (CPA) - ..." are datelines,
    "NATO - ...", "May 12 - ...", "LONDON ( ) - ..." and "KIM (pictured) - ..." are not
    (an agency is capitalised, or a short lowercase name such as "dpa"; "(VIDEO)" and
    other captions are none). A wire's slug may open it ("UPDATE 2-SEOUL (Reuters) - ",
    "UPDATE 2 (Reuters) - "), AP's country or state after the place ("SEOUL, South Korea
    (AP) — ") is part of it, and Yonhap's Korean form is one ("(서울=연합뉴스) ... = ").
    Datelines that follow each other ("SEOUL (Yonhap) -- PYONGYANG (KCNA) -- ") are read
    as one, their agencies in order.
    """
    found = _one(sentence, 0)
    if found is None:
        return None
    end, place, agency = found
    agencies = [] if agency is None else [agency]
    for _ in range(_REPEATS):
        following = _one(sentence, end)
        if following is None:
            break
        end = following[0]
        if following[2] is not None:
            agencies.append(following[2])
    return Dateline(end=end, place=place, agency=agencies[0] if agencies else None, agencies=tuple(agencies))


def with_dateline_whole(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences with the first dateline inside one: "MOSCOW, December 2. /TASS/. Lavrov said ..." is one sentence.

    pysbd ends sentences inside TASS's dateline; the sentence the dateline ends in is joined to it.
    """
    for index, (start, _) in enumerate(spans):
        if start != 0 and text[start - 1] != "\n":
            continue
        line_end = text.find("\n", start)
        dateline = find_dateline(text[start : len(text) if line_end < 0 else line_end])
        if dateline is None:
            continue
        last = index
        while last + 1 < len(spans) and spans[last][1] <= start + dateline.end:
            last += 1
        return [*spans[:index], (start, spans[last][1]), *spans[last + 1 :]]
    return spans
