"""Who says a sentence, through whom, how firmly, and whether they deny it: read from its cues.

The first reporting cue of a sentence decides the holder:

* "according to X" — X is the holder; "X citing Y" or "X quoting Y" makes Y the holder
  and X a relay ("according to state media reports citing KCNA": KCNA, via state media),
  and so does a speaker after it ("According to KCNA, Kim said ...": Kim, via KCNA);
  "statements from", "reports by" and the like before a name are dropped;
* "X said in a statement carried by Y" — X the holder, Y a relay;
* a verb of saying with its subject before it ("Analysts note that ...", "Moscow has
  denied ...") or after it at the end ("..., the ministry said.");
* "widely regarded" and other sayings without a sayer — an anonymous holder.

A verb of saying under negation ("Pyongyang has yet to confirm ...") names no holder:
nobody said anything, and the next cue decides. A sentence that is a quotation and
nothing else names nobody but is somebody's words (``quoted``): the drafter gives it the
speaker of the sentence before. Any other sentence without a reporting cue is the
outlet's own voice. A sentence is a direct quote when quotation marks hold at least half
of it, or when it opens with a quotation and names its speaker after it. Certainty is the lowest
band among the cues that apply (hedges in the outlet's own voice include a future
"will"); any denial or negation cue makes the claim a denial; quotation marks around
at least half the sentence make it a direct quote.
"""

from __future__ import annotations

import re

import attrs

from factlog.drafting._cues import CueKind, Found, find_cues
from factlog.model._kinds import Mode
from factlog.model._scales import Certainty, Polarity

__all__ = ["Reading", "read_sentence"]

_END_OF_PHRASE = re.compile(r"[,;:.!?“”\"(]|\s(?:that|as|of|in|on|for|who|which|when|to|and said)\s")
_CITING = re.compile(r"\s+(?:citing|quoting|cited by|carried by|relayed by)\s+", re.IGNORECASE)
_FRAME = re.compile(
    r"^(?:(?:a |the )?(?:statements?|reports?|comments?|remarks?|a report|an announcement|a readout|"
    r"a transcript|sources?|data|figures|information)\s+(?:from|by|of|released by|issued by)\s+)",
    re.IGNORECASE,
)
_LEADING = re.compile(r"^(?:recent|also|but|and|however|meanwhile)\s+", re.IGNORECASE)
_QUOTED = re.compile(r"[“\"]([^”\"]*)[”\"]")
_SUBJECT_WORDS = 9
_CONCESSIVE = re.compile(r"\b(?:even though|although|though|whereas|while|despite|even if)\b", re.IGNORECASE)
_COORDINATED = re.compile(r"\s*(?:and|but)\s", re.IGNORECASE)
_AUXILIARY = re.compile(
    r"\s+(?:has|have|had|also|reportedly|have also|has also|had also|later|earlier|previously)$", re.IGNORECASE
)
_PASSIVE = re.compile(r"\b(?:was|were|is|are|been|being|be)(?:\s+(?:also|widely|not))?$", re.IGNORECASE)
_RELATIVE = re.compile(r"(?:who|whom|whose|which)\s", re.IGNORECASE)
_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|did|does|can|could|may|might)\b", re.IGNORECASE)
_AGENT = re.compile(r"^\s+by\s+")
_SEEN_BY = re.compile(
    r"(?:^|,\s*)(?:[\w'’-]+\s+){0,4}?(?i:records|documents|data|figures|files|papers|images|photographs|"
    r"footage|emails|minutes|logs|filings|statistics)\s+(?:seen|obtained|reviewed|examined)\s+by\s+"
    r"(?P<holder>[^,;:“”\"]{1,60}?)\s*$"
)
# How or when the records were seen ends the phrase naming who saw them: "CPA under a freedom of information request".
_SEEN_HOW = re.compile(r"\s+(?:under|in|on|at|from|during|through|after|before|via|with)\s")
# A verb of saying under negation ("has yet to confirm", "did not say") is nobody's saying.
_UNSAID = re.compile(
    r"\b(?:yet to|not|n't|never|declined to|refused to|(?:did|does|do|has|have|had) not)\s*$", re.IGNORECASE
)
_NAMING = (CueKind.ACCORDING, CueKind.REPORTING, CueKind.DOCUMENTARY)
_OPENING_QUOTE = re.compile(r"^[“\"][^“”\"]+[”\"]")
_WHOLLY_QUOTED = re.compile(r"^[“\"][^“”\"]*[”\"][.!?]?$")


@attrs.frozen
class Reading:
    """What the cues of one sentence say about it."""

    holders: tuple[str, ...] = ()
    """Holder phrases as written, outermost relay first, the holder last; empty for the outlet's voice."""
    cue: str | None = None
    """The cue words as written."""
    mode: Mode = Mode.ASSERTED
    """asserted (own voice), paraphrase, direct-quote or implied."""
    certainty: Certainty = Certainty.CERTAIN
    """The lowest band among the cues that apply."""
    polarity: Polarity = Polarity.AFFIRMED
    """denied when a denial or negation cue applies."""
    anonymous: bool = False
    """Whether the holder is a saying without a sayer ("widely regarded")."""
    quoted: bool = False
    """Whether the sentence is a quotation and nothing else: somebody's words, though it names nobody."""
    content: tuple[int, int] = (0, 0)
    """The span of what is held, without the attribution."""


def _phrase_after(sentence: str, start: int) -> tuple[str, int]:
    rest = sentence[start:]
    stop = _END_OF_PHRASE.search(rest)
    end = len(rest) if stop is None else stop.start()
    if stop is not None and rest[stop.start()] == "." and re.match(r"[A-Z]\.", rest[max(0, stop.start() - 1) :]):
        # An abbreviation such as "U.S." ends no phrase; take the rest up to a comma.
        comma = re.search(r"[,;:!?“”\"]", rest)
        end = len(rest) if comma is None else comma.start()
    phrase = rest[:end].strip().rstrip(".")
    return phrase, start + end


def _split_relays(phrase: str) -> tuple[str, ...]:
    parts = [part.strip() for part in _CITING.split(phrase) if part.strip()]
    return tuple(_clean(part) for part in parts if _clean(part))


def _clean(phrase: str) -> str:
    phrase = _FRAME.sub("", phrase.strip())
    phrase = _LEADING.sub("", phrase)
    return phrase.strip(" ,;")


def _subject_before(sentence: str, found: Found) -> str | None:
    before = sentence[: found.start].rstrip()
    before = _AUXILIARY.sub("", before).rstrip()
    if before.endswith(","):
        # An apposition: "The operator, Namhae Port Services, said"; the name between the commas speaks.
        parts = [part.strip() for part in re.split(r"[,;:“”\"]", before[:-1])]
        if len(parts) >= 2 and parts[-1][:1].isupper() and len(parts[-1].split()) <= _SUBJECT_WORDS:
            return _clean(parts[-1]) or None
        if len(parts) >= 2 and _RELATIVE.match(parts[-1]) and _noun_phrase(parts[-2]):
            # "The ministry, which has a spokesman, said": the relative clause describes the speaker before it.
            return _clean(parts[-2]) or None
        return None
    if before.endswith(("”", '"')):
        return None
    clause = re.split(r"[,;:“”\"]", before)[-1].strip()
    words = clause.split()
    if not words or len(words) > _SUBJECT_WORDS:
        return None
    return _clean(clause) or None


def _noun_phrase(text: str) -> bool:
    """Whether a clause part can be a speaker: short, with no finite verb ("The ministry", not "The port was shut")."""
    return 0 < len(text.split()) <= _SUBJECT_WORDS and _FINITE.search(text) is None


def _subject_after(sentence: str, found: Found) -> str | None:
    """Inverted or trailing attribution: '..., X said.' or '..., said X.'."""
    before = sentence[: found.start].rstrip()
    after = sentence[found.end :].strip()
    trailing = re.fullmatch(r"(.*)[,”\"]\s*([^,“”\"]{1,80})", before, re.DOTALL)
    if trailing and re.fullmatch(r"(?:\s*(?:on|in|at|late|earlier|later|this|last)\b[^.]*)?[.!?]?[”\"]?", after):
        return _clean(trailing.group(2)) or None
    inverted = re.match(r"([^,.;:“”\"]{1,80})[.!?]?$", after)
    if before.endswith((",", "”", '"')) and inverted:
        return _clean(inverted.group(1)) or None
    return None


def _inner_speaker(
    sentence: str, cues: list[Found], holders: tuple[str, ...], content: tuple[int, int]
) -> tuple[tuple[str, ...], tuple[int, int]]:
    """A speaker inside "according to": "According to KCNA, Kim said ..." is Kim's, via KCNA."""
    for item in cues:
        if item.start < content[0] or item.cue.kind is not CueKind.REPORTING:
            continue
        if _PASSIVE.search(sentence[: item.start].rstrip()) or _UNSAID.search(sentence[: item.start]):
            return holders, content
        subject = _subject_before(sentence, item)
        if subject is not None and sentence.find(subject, content[0]) >= content[0]:
            return (*holders, *_split_relays(subject)), (item.end, len(sentence))
        return holders, content
    return holders, content


def _lowest(cues: list[Found], own_voice: bool) -> Certainty:
    """The reporting cue's band, lowered by the first hedge (later hedges qualify a part, not the whole)."""
    reporting = [item.cue.band for item in cues if item.cue.kind in (CueKind.PASSIVE, CueKind.REPORTING)]
    hedges = [
        item.cue.band
        for item in cues
        if item.cue.kind in (CueKind.HEDGE, CueKind.INFERENCE) and (own_voice or not item.cue.own_voice_only)
    ]
    return min([*reporting, *hedges[:1]], default=Certainty.CERTAIN)


def _main_clause(sentence: str, found: Found) -> bool:
    """Whether a cue stands outside a concessive clause and before a semicolon's second clause."""
    before = sentence[: found.start]
    if ";" in before:
        return False
    clause = re.split(r"[,;]", before)[-1]
    if _COORDINATED.match(clause):
        return False  # "The fire was put out, and there is no risk": the second clause, as after a semicolon
    return _CONCESSIVE.search(clause) is None


def _in_holder(sentence: str, found: Found, holders: tuple[str, ...]) -> bool:
    """Whether a cue stands in a phrase naming who speaks ("officials with no authority"), not in what is said."""
    return any(
        match.start() <= found.start < match.end()
        for holder in holders
        for match in re.finditer(re.escape(holder), sentence)
    )


def _mode(sentence: str, attributed: bool) -> Mode:
    quoted = sum(len(match.group(0)) for match in _QUOTED.finditer(sentence))
    if attributed and quoted * 2 >= len(sentence):
        return Mode.DIRECT_QUOTE
    return Mode.PARAPHRASE if attributed else Mode.ASSERTED


def _holder(sentence: str, item: Found) -> tuple[tuple[str, ...], tuple[int, int]] | None:
    """Holder phrases and the content span for one reporting or according cue, or None."""
    if item.cue.kind is CueKind.ACCORDING:
        if "carried by" in item.text.casefold():
            carrier, _ = _phrase_after(sentence, item.end)
            speaker = _subject_before(sentence, item)
            if speaker is None or not carrier:
                return None
            return (*_split_relays(carrier), speaker), (0, len(sentence))
        phrase, end = _phrase_after(sentence, item.end)
        holders = _split_relays(phrase)
        if not holders:
            return None
        content = (end, len(sentence)) if item.start == 0 else (0, item.start)
        return holders, content
    if item.cue.kind is CueKind.DOCUMENTARY:
        # "Customs records seen by CPA show ...": CPA's, through the records; "Data show ..." is nobody's.
        seen = _SEEN_BY.search(sentence[: item.start])
        holders = () if seen is None else _split_relays(_SEEN_HOW.split(seen["holder"], maxsplit=1)[0])
        return (holders, (item.end, len(sentence))) if holders else None
    if _PASSIVE.search(sentence[: item.start].rstrip()):
        # "No injuries were reported": a passive names no speaker, unless "by" does.
        agent = _AGENT.match(sentence[item.end :])
        if agent is None:
            return None
        phrase, _ = _phrase_after(sentence, item.end + agent.end())
        return _split_relays(phrase), (0, item.start)
    subject = _subject_before(sentence, item)
    if subject is not None:
        return _split_relays(subject), (item.end, len(sentence))
    subject = _subject_after(sentence, item)
    if subject is not None:
        return _split_relays(subject), (0, item.start)
    return None


def read_sentence(sentence: str) -> Reading:
    """The attribution, certainty and polarity the cues of one sentence give."""
    cues = find_cues(sentence)
    holders: tuple[str, ...] = ()
    cue: str | None = None
    anonymous = False
    content = (0, len(sentence))
    used: Found | None = None
    for item in cues:
        if item.cue.kind is CueKind.REPORTING and _UNSAID.search(sentence[: item.start]):
            continue
        if item.cue.kind in _NAMING:
            found = _holder(sentence, item)
            if found is not None and found[0]:
                holders, content = found
                cue, used = item.text, item
                if item.cue.kind is CueKind.ACCORDING and item.start == 0:
                    holders, content = _inner_speaker(sentence, cues, holders, content)
                break
        elif item.cue.kind is CueKind.PASSIVE:
            holders, cue, anonymous, used = ("wide opinion",), item.text, True, item
            content = (item.end, len(sentence))
            break
    quoted = not holders and _WHOLLY_QUOTED.match(sentence.strip()) is not None
    own_voice = not holders and not quoted
    applying = [item for item in cues if item is used or item.cue.kind not in _NAMING]
    certainty = _lowest(applying, own_voice)
    denied = any(
        item.cue.denies and _main_clause(sentence, item) and (item is used or not _in_holder(sentence, item, holders))
        for item in applying
    )
    mode = Mode.DIRECT_QUOTE if quoted else _mode(sentence, not own_voice)
    opening = _OPENING_QUOTE.match(sentence)
    if used is not None and opening is not None and used.start >= opening.end():
        # "“The visit will deepen ties,” a spokesperson told a briefing": all that is held is quoted.
        mode = Mode.DIRECT_QUOTE
    if own_voice and any(item.cue.kind is CueKind.INFERENCE for item in cues):
        mode = Mode.IMPLIED
        cue = next(item.text for item in cues if item.cue.kind is CueKind.INFERENCE)
    elif own_voice:
        hedges = [item for item in applying if item.cue.kind is CueKind.HEDGE]
        cue = hedges[0].text if hedges else None
    return Reading(
        holders=holders,
        cue=cue,
        mode=mode,
        certainty=certainty,
        polarity=Polarity.DENIED if denied else Polarity.AFFIRMED,
        anonymous=anonymous,
        content=content,
        quoted=quoted,
    )
