"""Which cues of a sentence count for its certainty and polarity: the scope of a hedge or a negation.

A hedge lowers the claim only where it is the first (later hedges qualify a part, not
the whole), and not in a second clause after a semicolon, ", and" or ", but"; a
negation denies what is held only in the main clause (not after a semicolon, in a
concessive clause, in a second clause joined by ", and"/", but" or by " and" with its own
subject ("Kim attended and Putin did not"), or right after a "but" (or "but that")
setting a part against the first: "found errors but nothing that would change the
outcome"; a "But" opening the sentence sets nothing against anything), not in the
words naming or describing the speaker ("Seoul, which has no nuclear weapons, said ...")
and not in what the speaker adds after the verb (", adding that no damage ...": another
claim). The negation of the verb of saying itself
always counts.

A negation inside a relative clause ("a provocation which can never be tolerated")
describes a noun of what is held and denies nothing of it.

A question asserts nothing: whoever asks "Will Kim attend the summit?" is committed
neither to Kim attending nor to his staying away (FactBank's Uu), so a sentence that
is a question, or opens with a quoted one ("“Will they come?” Kim said."), is
``uncommitted`` and denies nothing, whatever its hedges and negations; so is one that
asks indirectly ("Reporters asked whether Kim visited Moscow", "refused to say whether").
A question opening the sentence and answered in words of commitment ("Asked whether X,
Peskov denied it") is left out (:func:`answered`): the answer sets what is held, and so
does a yes ("..., Peskov said they had", "said yes", "confirmed it"): ``certain``.

A verb of saying after the holder's own ("Park said Kim cannot rule out a visit", "...
said they did not deny it") is no holder's, but its band still qualifies what is held:
it applies as a hedge does.
"""

from __future__ import annotations

import re

from factlog.drafting._cues import CueKind
from factlog.drafting._findcues import Found
from factlog.model._scales import Certainty

__all__ = ["answered", "asks", "certainty_of", "denies", "first_hedge", "qualifying", "question_first", "second_clause"]

_CONCESSIVE = re.compile(r"\b(?:even though|although|though|whereas|while|despite|even if)\b", re.IGNORECASE)
_COORDINATED = re.compile(r"[\s”\"’']*(?:and|but)\s", re.IGNORECASE)
"""A second clause: ", and ...", ", but ..." (after a closing quotation mark too: '"a facility," but did not')."""
_CONTRASTED = re.compile(r"\S\s+but\s+(?:that\s+)?$", re.IGNORECASE)
"""A negation right after "but" (or "but that") with words before it ("fair but nobody ..."): a contrasted part."""
_OWN_SUBJECT = re.compile(
    r"\b(?:[a-z]{4,}ed|is|are|was|were|will|would|has|have|had|did|does|can|could|must|should)\b.*"
    r"\band\s+(?:(?:the|a|an|his|her|its|their)\s+[a-z][\w'-]*|[A-Z][\w'-]*|he|she|they|it|we|I|you)"
    r"(?:\s+[\w'-]+){0,2}\s+$"
)
"""A second clause joined by " and " with its own subject before a negation: "Kim attended and Putin did not"."""
_YES = re.compile(
    r"\s*(?:that\s+)?(?:yes|so|it|(?:they|he|she|it|we|I)\s+(?:had|have|has|did|do|does|was|were|is|are|would|will))"
    r"[\s.!”\"’']*$",
    re.IGNORECASE,
)
"""A yes to an opening question, ending the sentence: "..., Peskov said they had.", "said yes", "confirmed it"."""
_JOINED = re.compile(r";|\b(?:and|but)\b", re.IGNORECASE)
"""What joins a second clause to the first: a later saying there is its own, not a qualifier of the first."""
_RELATIVE = re.compile(r"\b(?:which|who|whom|whose)\b", re.IGNORECASE)
"""A relative clause's first word: what follows describes a noun before it."""
_DESCRIBING = re.compile(r"\s*(?:,|(?:who|which|that|whose)\b)")
"""What opens words describing a speaker after the name: an apposition or a relative clause."""
_QUESTION = re.compile(r"\?[\s”\"’'»)\]]*$|^\s*[“\"][^“”\"]*\?\s*[”\"]")
"""A question mark ending the sentence (closing marks after it allowed), or one ending a quotation opening it."""
_ASKED_FIRST = re.compile(
    r"\s*(?:when\s+|after\s+being\s+|upon\s+being\s+)?(?:asked|questioned|pressed)\b[^,;“”\"]*,", re.IGNORECASE
)
"""A question the speaker is answering, opening the sentence: "Asked whether troops had crossed, Peskov said ..."."""
_ADDING = re.compile(r",\s*(?:adding|noting|stressing|insisting)\b", re.IGNORECASE)
"""The joint of a second claim after a verb of saying: "..., Lee told a briefing, adding that ..."."""


def qualifying(sentence: str, cues: list[Found], used: Found | None, naming: tuple[CueKind, ...]) -> list[Found]:
    """The cues that qualify what is held: all but the ``naming`` kinds, the ``used`` one, and later modal sayings.

    A verb of saying after ``used`` ("Park said Kim cannot rule out a visit") names no
    holder of its own, but its band, below ``certain``, qualifies what is held, unless
    a second clause holds it ("... said it was concerned but declined to comment").
    """
    return [
        item
        for item in cues
        if item is used
        or item.cue.kind not in naming
        or (
            used is not None
            and item.start >= used.end
            and item.cue.kind is CueKind.REPORTING
            and item.cue.band < Certainty.CERTAIN
            and not item.cue.denies
            and _JOINED.search(sentence, used.end, item.start) is None
        )
    ]


def denies(sentence: str, applying: list[Found], used: Found | None, holders: tuple[str, ...]) -> bool:
    """Whether a cue that applies to the sentence denies what is held (see the module); ``used`` names the holder."""
    if any(item.cue.asks for item in applying):
        return False  # an indirect question asserts nothing, as a question does
    return any(
        item.cue.denies
        and _main_clause(sentence, item)
        and not _OWN_SUBJECT.search(
            sentence, used.end if used is not None and used.end <= item.start else 0, item.start
        )
        and (
            item is used
            or not (_in_holder(sentence, item, holders) or _in_speaker_words(sentence, item, used, holders))
        )
        and not _added(sentence, item, used)
        for item in applying
    )


def asks(sentence: str) -> bool:
    """Whether the sentence is a question, or opens with a quoted one: it asserts nothing (see the module)."""
    return _QUESTION.search(sentence) is not None


def certainty_of(cues: list[Found], own_voice: bool, sentence: str = "", held: int = 0) -> Certainty:
    """The reporting cue's band, lowered by the first hedge (later hedges qualify a part, not the whole).

    An indirect question ("asked whether") makes it ``uncommitted`` wherever it stands. A
    hedge in a second clause of what is held, from ``held`` on ("... did not confirm the
    report, and said it would investigate"; "... will send a delegation, and may send
    observers") qualifies that clause, not the first; so does a hedge after a negation
    that "but" sets against the first part ("found irregularities but nothing that would
    change the outcome").
    """
    if any(item.cue.asks for item in cues):
        return Certainty.UNCOMMITTED
    negations = (item for item in cues if item.cue.kind is CueKind.NEGATION)
    contrast = next((item.start for item in negations if _CONTRASTED.search(sentence, 0, item.start)), None)
    if contrast is not None:
        cues = [item for item in cues if item.start < contrast]
    reporting = [item.cue.band for item in cues if item.cue.kind in (CueKind.PASSIVE, CueKind.REPORTING)]
    hedges = [
        item.cue.band
        for item in cues
        if item.cue.kind in (CueKind.HEDGE, CueKind.INFERENCE)
        and (own_voice or not item.cue.own_voice_only)
        and not second_clause(sentence, held, item)
    ]
    return min([*reporting, *hedges[:1]], default=Certainty.CERTAIN)


def second_clause(sentence: str, held: int, found: Found) -> bool:
    """Whether a semicolon or ", and" / ", but" stands between where what is held starts and a cue."""
    between = sentence[held : found.start]
    return ";" in between or any(_COORDINATED.match(part) for part in re.split(r"[,;]", between)[1:])


def _main_clause(sentence: str, found: Found) -> bool:
    """Whether a cue stands outside a concessive clause and before a semicolon's second clause."""
    before = sentence[: found.start]
    if ";" in before:
        return False
    parts = re.split(r"[,;]", before)
    clause = parts[-1]
    if (len(parts) > 1 and _COORDINATED.match(clause)) or (
        found.cue.kind is CueKind.NEGATION and _CONTRASTED.search(clause)
    ):
        # "The fire was put out, and there is no risk": the second clause, as after a semicolon; "found errors
        # but nothing that would change the outcome": what "but" sets against the first part, not the sentence.
        return False
    return _CONCESSIVE.search(clause) is None and _RELATIVE.search(clause) is None


def _in_holder(sentence: str, found: Found, holders: tuple[str, ...]) -> bool:
    """Whether a cue stands in a phrase naming who speaks ("officials with no authority"), not in what is said."""
    return any(
        match.start() <= found.start < match.end()
        for holder in holders
        for match in re.finditer(re.escape(holder), sentence)
    )


def _in_speaker_words(sentence: str, found: Found, used: Found | None, holders: tuple[str, ...]) -> bool:
    """Whether a cue stands in words describing the speaker before the verb ("Seoul, which has no ..., said")."""
    if used is None or not holders or found.start >= used.start:
        return False
    return any(
        match.end() <= found.start and _DESCRIBING.match(sentence, match.end()) is not None
        for match in re.finditer(re.escape(holders[-1]), sentence[: found.start])
    )


def _added(sentence: str, found: Found, used: Found | None) -> bool:
    """Whether a cue stands in what a speaker adds after the verb (", adding that no damage ..."): another claim."""
    if used is None or found.start <= used.end:
        return False
    joint = _ADDING.search(sentence, used.end)
    return joint is not None and joint.end() <= found.start


def first_hedge(sentence: str, applying: list[Found]) -> str | None:
    """The words of the first hedge of the outlet's own voice not in a second clause, the cue it is drafted with."""
    hedges = (item.text for item in applying if item.cue.kind is CueKind.HEDGE and not second_clause(sentence, 0, item))
    return next(hedges, None)


def question_first(sentence: str) -> int:
    """Where a question opening the sentence ends ("Asked about reports that X,"), or 0 without one.

    Its words are what the speaker was asked, not their saying: "reports" there names no holder.
    """
    asked = _ASKED_FIRST.match(sentence)
    return 0 if asked is None else asked.end()


def answered(sentence: str, applying: list[Found], used: Found | None) -> list[Found]:
    """The cues that apply once a question opening the sentence is answered in words of commitment.

    "Asked whether X, Peskov denied it" is Peskov's denial, "..., Peskov said he could not
    rule it out" his ``possible``: the answer's own cues (a denial, a hedge, a negation)
    set what is held, and the question's do not. A plain "..., Peskov said: 'Anything is
    possible.'" says nothing of how firmly X is held: the question keeps it ``uncommitted``.
    """
    asked = _ASKED_FIRST.match(sentence)
    if asked is None or used is None or used.start < asked.end():
        return applying
    answer = [item for item in applying if item.start >= asked.end()]
    committing = any(
        item.cue.denies or item.cue.band < Certainty.CERTAIN or item.cue.kind is CueKind.NEGATION
        for item in answer
        if not item.cue.own_voice_only
    )
    yes = used.cue.band is Certainty.CERTAIN and not used.cue.denies and _YES.match(sentence, used.end) is not None
    return answer if committing or yes else applying
