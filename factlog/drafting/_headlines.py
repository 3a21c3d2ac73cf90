"""Who a headline names after its colon or dash: "Russia Did Not Send Troops: Lavrov" is Lavrov's.

"...: Analysis", "...: What We Know" and "... - November" name the kind of story or its
date, nobody; a headline is a line without final punctuation.
"""

from __future__ import annotations

import re

from factlog.drafting._names import VAGUE_NOUNS
from factlog.drafting._speakers import split_relays
from factlog.drafting._times import WEEKDAYS

__all__ = ["headline_holder"]

_HEADLINE_HOLDER = re.compile(
    r"(?P<said>\S.*?\S)\s*(?P<mark>:|\s[-–—])\s*"
    r"(?P<holder>(?:[A-Z][\w.’'&-]*(?:['’]s)?\s+){0,3}[A-Z][\w.’'&-]*|"
    rf"(?:[a-z][\w-]*\s+){{0,2}}(?:{VAGUE_NOUNS}))"
    r"\s*$"
)
"""A headline's holder after a colon or a dash: "Russia Did Not Send Troops: Lavrov", "Talks to resume - sources".

A descriptor in lower case is one too ("China will send delegation - spokeswoman"): the
words before it are the speaker's, so a "will" in them is the speaker's firm word.
"""
_LEADING_HOLDER = re.compile(
    rf"(?P<holder>(?:[A-Z][\w.’'&-]*\s+){{0,2}}[A-Z][\w.’'&-]*(?:\s+(?:{VAGUE_NOUNS}))?)"
    r"(?P<mark>:)\s+[“\"‘']?(?P<said>\S.*?\S)[”\"’']?\s*$"
)
"""A headline's holder before a colon: "Lavrov: Russia has no plans ...", "North Korea expert: ...".

German descriptors are one word ("Nordkorea-Experte: ..."), read as descriptors by
:func:`factlog.drafting._names.vague`.
"""
_SENTENCE_CASE = re.compile(r"\s[a-z][\w’'-]*\s+[a-z]")
"""Two words in lower case in a row: what follows the colon is a sentence, not a title ("What We Know")."""
_QUESTION_WORDS = frozenset(("what", "how", "why", "when", "where", "who", "which"))
_NOT_A_HOLDER = frozenset(
    (
        *("report", "reports", "analysis", "explainer", "factbox", "poll", "study", "survey", "update", "live"),
        *("video", "photos", "opinion", "editorial", "review", "interview", "profile", "timeline", "q&a", "exclusive"),
        *("breaking", "watch", "listen", "podcast", "latest", "today", "tonight", "yesterday", "week", "recap"),
        *("updates", "highlights", "photo", "pictures", "graphic", "map", "factcheck", "fact-check", "briefing"),
    )
)
"""Labels a headline ends with after a colon or a dash ("...: Analysis"): the kind of story, not who speaks."""
_NOT_A_NAME = frozenset(
    (
        *("a", "an", "the", "what", "how", "why", "when", "where", "who", "which", "we", "i", "you", "our", "your"),
        *("my", "it", "this", "that", "these", "those", "here", "there", "part", "day", "no", "not", "all", "more"),
    )
)
"""First words of what follows a headline's colon that is no name: "Busan Port Fire: What We Know"."""
_CALENDAR = re.compile(
    rf"(?i:{WEEKDAYS}|jan(?:uary)?|feb(?:ruary)?|march|april|june|july|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|"
    r"nov(?:ember)?|dec(?:ember)?)\.?"
)
"""A day or a month after a headline's dash ("... - November"): when, not who ("May" may be a name)."""
_HEADLINE_WORDS = 3


def headline_holder(sentence: str) -> tuple[tuple[str, ...], tuple[int, int], str] | None:
    """A headline's holder after a colon or a dash ("Russia Did Not Send Troops: Lavrov"): (holders, content, mark).

    Or before a colon, when a sentence in lower case follows it ("Lavrov: Russia has no plans
    to deploy troops"); "Analysis: ..." and "Busan Port Fire: What We Know" name nobody.

    Only in a line without final punctuation (a headline), after words of a clause (three
    or more), and never a label of the kind of story ("...: Analysis", "... - VIDEO").
    """
    if sentence.rstrip(" ”\"’'").endswith((".", "!", "?")):
        return None
    found = _HEADLINE_HOLDER.fullmatch(sentence.strip())
    if found is None or len(found["said"].split()) < _HEADLINE_WORDS:
        found = _LEADING_HOLDER.fullmatch(sentence.strip())
        if found is None or len(found["said"].split()) < _HEADLINE_WORDS or not _SENTENCE_CASE.search(found["said"]):
            return None
        if found["said"].split()[0].casefold() in _QUESTION_WORDS:
            return None  # "Busan Port Fire: what we know" names the story's kind
    holder = found["holder"]
    words = holder.casefold().split()
    if words[0] in _NOT_A_NAME or any(word in _NOT_A_HOLDER or _CALENDAR.fullmatch(word) for word in words):
        return None
    holders = split_relays(holder)
    start = sentence.index(found["said"])
    return (holders, (start, start + len(found["said"])), found["mark"].strip()) if holders else None
