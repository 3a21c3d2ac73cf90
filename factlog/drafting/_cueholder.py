"""The holder one reporting or according cue names, and the span of what they hold.

"according to X", "X said in a statement carried by Y", "records seen by X show", "X
quoted Y as saying", "X learned from Y that", a passive with "by", and a verb of saying
with its subject before or after it; the citations right after the speaker ("citing Y,
which cited Z") are the innermost holders. :mod:`factlog.drafting._attribution` decides
which cue of a sentence names its holder.
"""

from __future__ import annotations

import re

import attrs

from factlog.drafting import _attributionwords as words
from factlog.drafting._cues import CueKind
from factlog.drafting._findcues import Found
from factlog.drafting._speakers import CITING_AFTER, phrase_after, sources, split_relays, subject_after, subject_before

__all__ = ["cue_holder"]

_RELATIVE_ON_SUBJECT = re.compile(r",\s*(?:who|which)\s+$")
"""A relative clause on the subject opening right before a passive: its teller tells the subject, who speaks later."""


def cue_holder(sentence: str, item: Found) -> tuple[tuple[str, ...], tuple[int, int]] | None:
    """Holder phrases and the content span for one reporting or according cue, or None."""
    if item.cue.kind is CueKind.ACCORDING:
        if "carried by" in item.text.casefold():
            carrier, _ = phrase_after(sentence, item.end)
            speaker = subject_before(sentence, item)
            if speaker is None or not carrier:
                return None
            return (*split_relays(carrier), *speaker), (0, len(sentence))
        phrase, end = phrase_after(sentence, item.end)
        run_on = None
        if item.start == 0 and not sentence[end:].strip(" .!?"):
            run_on = words.RUN_ON_INSTITUTION.match(phrase) or words.RUN_ON_HOLDER.match(phrase)
        if run_on is not None and not words.NOT_A_HEAD.search(run_on["holder"]):
            # "According to KCNA Kim attended.": without a comma, the holder ends where a name begins,
            # unless a one-person title stands before the name: "leader Kim Jong Un" is Kim.
            phrase = run_on["holder"]
            if words.RUN_ON_TITLE.search(phrase) and (
                name := words.RUN_ON_NAME.match(run_on.string, run_on.end("holder"))
            ):
                phrase += name.group(0)
            end = sentence.index(phrase, item.end) + len(phrase)
        cited, end = _citations(sentence, end)
        holders = (*split_relays(phrase), *cited)
        if not holders:
            return None
        content = (end, len(sentence)) if item.start == 0 else (0, item.start)
        return holders, content
    if item.cue.kind is CueKind.DOCUMENTARY:
        # "Customs records seen by CPA show ...": CPA's, through the records; "Data show ..." is nobody's.
        seen = words.SEEN_BY.search(sentence[: item.start])
        holders = () if seen is None else split_relays(words.SEEN_HOW.split(seen["holder"], maxsplit=1)[0])
        return (holders, (item.end, len(sentence))) if holders else None
    quoting = words.QUOTED_AS.fullmatch(item.text)
    if quoting is not None:
        return _quoted_as_saying(sentence, item, quoting["whom"])
    if words.LEARNED_FROM.fullmatch(item.text):
        return _learned_from(sentence, item)
    if words.AGENT.match(sentence[item.end :]) and not words.PASSIVE.search(sentence[: item.start].rstrip()):
        return None  # "In remarks reported by KCNA, Kim said": a participle, no verb; the carrier is a relay
    if (passive := words.PASSIVE.search(sentence[: item.start].rstrip())) is not None:
        # "No injuries were reported": a passive names no speaker, unless "by" does.
        agent = words.AGENT.match(sentence[item.end :])
        if agent is None or _RELATIVE_ON_SUBJECT.search(sentence, 0, passive.start()):
            return None  # "The soldiers, who were told by their commander that ..., said": the soldiers' verb decides
        phrase, end = phrase_after(sentence, item.end + agent.end())
        told = item.text.casefold() in {"told", "tells"}
        learner = subject_before(sentence, attrs.evolve(item, start=passive.start())) if told else None
        if learner is not None:
            return (*learner, *split_relays(phrase)), (end, len(sentence))  # "Xinhua was told by the ministry that"
        return split_relays(phrase), (0, item.start)
    if words.OBJECT_RELATIVE.search(sentence, 0, item.start):
        return None  # "Pyongyang has not confirmed the visit, which Seoul reported": Seoul reported the visit only
    subject = subject_before(sentence, item)
    if subject is not None:
        if words.NOBODY.fullmatch(subject[-1]):
            return None  # "Nobody said ...": no speaker, and the negation denies
        cited, end = _citations(sentence, item.end)  # "Yonhap reported, citing a source, that ..."
        opening = words.OPENING_QUOTE.match(sentence)
        rest = sentence[end:].strip()
        if (
            opening is not None
            and sentence.find(subject[-1], opening.end()) >= 0
            and not rest.strip(".!?")[:1].isalnum()
        ):
            # "“...,” the official said(, asking not to be named).": the quotation is what is held
            return (*subject, *cited), (0, opening.end())
        return (*subject, *cited), (end, len(sentence))
    subject = subject_after(sentence, item)
    if subject is not None and not words.NOBODY.fullmatch(subject[-1]):
        return subject, (0, item.start)
    return None


def _quoted_as_saying(sentence: str, item: Found, whom: str) -> tuple[tuple[str, ...], tuple[int, int]] | None:
    """Who speaks when an outlet quotes: "KCNA quoted Kim as saying" (or "Kim was quoted by KCNA as saying") is Kim."""
    passive = words.PASSIVE.search(sentence[: item.start].rstrip())
    if passive is not None:
        speaker = subject_before(sentence, attrs.evolve(item, start=passive.start()))
        carrier = re.match(r"by\s+(?P<whom>.+)", whom, re.IGNORECASE)
        relays = split_relays(carrier["whom"]) if carrier is not None else ()
        return ((*relays, *speaker), (item.end, len(sentence))) if speaker else None
    quoter = subject_before(sentence, item) or subject_after(sentence, item)
    quoted = split_relays(whom)
    if quoter is None or not quoted:
        return None
    content = (item.end, len(sentence)) if sentence.find(quoter[-1]) < item.start else (0, item.start)
    return (*quoter, *quoted), content


def _learned_from(sentence: str, item: Found) -> tuple[tuple[str, ...], tuple[int, int]] | None:
    """Who speaks when somebody learns from them: "Xinhua learned from the ministry that X" is the ministry's.

    None when what it was learned from is no one ("Russia learned from its mistakes").
    """
    phrase, end = phrase_after(sentence, item.end)
    speaker = split_relays(phrase)
    if not speaker or not (sources(phrase) or words.BODY_NOUN.search(speaker[-1])):
        return None
    learner = subject_before(sentence, item) or ()
    cited, end = _citations(sentence, end)
    return (*learner, *speaker, *cited), (end, len(sentence))


def _citations(sentence: str, end: int) -> tuple[tuple[str, ...], int]:
    """Whom the speaker cites right after ``end`` (", citing Y, which cited Z"), innermost last, and where that ends."""
    cited: list[str] = []
    time = words.TIME_BEFORE_CITING.match(sentence, end)
    if time is not None:
        end = time.end()  # "Yonhap reported on Friday, citing two officials": the time is no citation
    while (match := CITING_AFTER.match(sentence, end)) is not None:
        cited += sources(match["whom"])
        end = match.end()
    return tuple(cited), end
