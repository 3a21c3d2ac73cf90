"""Finding the cues of the cue table in a sentence, and telling a title-case headline.

:func:`find_cues` tries every cue of :data:`factlog.drafting._cues.CUES` on a sentence
and keeps the longest of overlapping finds; a capital inside a sentence is a name, not a
cue, but in a title-case headline (:func:`title_case`) every word has one.
"""

from __future__ import annotations

import re

import attrs

from factlog.drafting._cues import CUES, Cue

__all__ = ["Found", "find_cues", "title_case"]


@attrs.frozen
class Found:
    """A cue found in a sentence."""

    cue: Cue
    start: int
    end: int
    text: str


_OPENING = " “\"‘'«„(["
"""What may stand before a sentence's first word: spaces and opening quotation marks ("“Nobody believes it,” ...")."""
_QUOTATION_OPENS = re.compile(r"(?:^|[\s:,])[“\"«„]\s*$")
"""An opening quotation mark right before a word: it opens a quoted sentence ('Kim said: “Nobody came.'), and its
first word's capital tells nothing."""
_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_TITLE_SHARE = 0.8


def title_case(sentence: str) -> bool:
    """Whether a sentence is a headline in title case: no final stop, and its longer words capitalised.

    "Pyongyang Fires Missile Into Sea, Seoul Says": words of four letters or more are
    counted (short ones such as "to", "of" stay lower case in title case); at least
    four in five must start with a capital, and there must be three of them.
    """
    if sentence.rstrip(" ”\"’'").endswith((".", "!", "?")):
        return False
    words = [word for word in _WORD.findall(sentence) if len(word) >= 4]
    capitals = sum(1 for word in words if word[:1].isupper())
    return len(words) >= 3 and capitals >= _TITLE_SHARE * len(words)


def find_cues(sentence: str) -> list[Found]:
    """Every cue of :data:`CUES` in a sentence, in order of position; overlapping finds keep the longest."""
    headline = title_case(sentence)
    found = [
        Found(cue, match.start(), match.end(), match.group())
        for cue in CUES
        for match in cue.pattern.finditer(sentence)
        # A capital inside a sentence is a name ("United States", "May"), not a cue, but for its first
        # word and the first word of a quotation ('Kim said: “Nobody came.'); in a title-case headline
        # every word has one, so there it tells nothing ("..., Seoul Says").
        if headline
        or not match.group()[:1].isupper()
        or not sentence[: match.start()].strip(_OPENING)
        or _QUOTATION_OPENS.search(sentence, 0, match.start()) is not None
    ]
    found.sort(key=lambda item: (item.start, -(item.end - item.start)))
    kept: list[Found] = []
    for item in found:
        if kept and item.start < kept[-1].end:
            continue
        kept.append(item)
    return kept
