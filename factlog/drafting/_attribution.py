"""Who says a sentence, through whom, how firmly, and whether they deny it: read from its cues.

The first reporting cue of a sentence decides the holder:

* "according to X" — X is the holder; "X citing Y" or "X quoting Y" makes Y the holder
  and X a relay ("according to state media reports citing KCNA": KCNA, via state media),
  and so does a speaker after it ("According to KCNA, Kim said ...": Kim, via KCNA);
  "statements from", "reports by" and the like before a name are dropped;
* "X said in a statement carried by Y" — X the holder, Y a relay;
* a verb of saying with its subject before it ("Analysts note that ...", "Moscow has
  denied ...") or after it at the end ("..., the ministry said.");
* "X quoted Y as saying", "Y was quoted by X as saying" — Y the holder, X a relay;
* "X learned from Y that", "X was told by Y that" — Y the holder, X a relay;
* a name after a headline's colon or dash ("Russia Did Not Send Troops: Lavrov"), read
  by :mod:`factlog.drafting._headlines`, when no cue names a holder;
* "widely regarded" and other sayings without a sayer — an anonymous holder.

The phrases naming the speaker are read by :mod:`factlog.drafting._speakers`.

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
from factlog.drafting._headlines import headline_holder
from factlog.drafting._quote_marks import plain_quotes
from factlog.drafting._scope import asks, certainty_of, denies, qualifying
from factlog.drafting._speakers import (
    CITING_AFTER,
    WHEN,
    noun_phrase,
    phrase_after,
    sources,
    split_relays,
    subject_after,
    subject_before,
)
from factlog.model._kinds import Mode
from factlog.model._scales import Certainty, Polarity

__all__ = ["Reading", "read_sentence"]

_QUOTED = re.compile(r"[“\"]([^”\"]*)[”\"]")
_PASSIVE = re.compile(r"\b(?:was|were|is|are|been|being|be)(?:\s+(?:also|widely|not))?$", re.IGNORECASE)
_RELATIVE = re.compile(r"(?:who|whom|whose|which)\s", re.IGNORECASE)
_AGENT = re.compile(r"^\s+by\s+")
_RUN_ON_HOLDER = re.compile(r"(?P<holder>[A-Z][A-Z0-9&.-]+|(?:[\w.'’-]+\s+)*?[a-z][\w-]*)\s+(?=[A-Z])")
"""A holder run into the clause after "According to" with no comma: "KCNA Kim attended", "state media Kim ..."."""
_RUN_ON_INSTITUTION = re.compile(
    r"(?P<holder>(?:the\s+)?(?:[A-Z][\w’'.&-]*\s+){0,5}(?:Agency|Service|Ministry|Office|Council|Committee|"
    r"Commission|Department|Bureau|Institute|Command|News|Times|Post|Press|Journal|Network|Television|Radio|"
    r"Broadcasting))\s+(?=[A-Z])"
)
"""An institution's name run into the clause: "the Korean Central News Agency Kim attended" ends at "Agency"."""
_RUN_ON_TITLE = re.compile(
    r"\b(?i:leader|spokes(?:man|woman|person)|minister|secretary|director|chief|envoy|ambassador|general|commander|"
    r"chairman|chairwoman|president|governor|mayor|premier|head|official|diplomat|adviser|advisor|aide)$"
)
"""A one-person title ending a run-on holder: the name after it is the holder's ("leader Kim Jong Un the test ...")."""
_RUN_ON_NAME = re.compile(r"\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}(?=\s+[a-z])")
_OBJECT_RELATIVE = re.compile(r",\s*(?:which|whom)\s+[^,;:“”\"]{1,60}$", re.IGNORECASE)
"""A verb of saying in a clause about a noun before it ("the visit, which Seoul reported"): not the sentence's."""
_NOT_A_HEAD = re.compile(r"\b(?:the|a|an|of|for|in|on|at|to|and|by|from|with)$", re.IGNORECASE)
_SEEN_BY = re.compile(
    r"(?:^|,\s*)(?:[\w'’-]+\s+){0,4}?(?i:records|documents|data|figures|files|papers|images|imagery|photographs|"
    r"photos|pictures|footage|emails|minutes|logs|filings|statistics)(?:\s+|\s*,\s*)"
    r"(?:seen|obtained|reviewed|examined|analy[sz]ed)\s+by\s+(?P<holder>[^,;:“”\"]{1,60}?)\s*,?\s*$"
)
# How or when the records were seen ends the phrase naming who saw them: "CPA under a freedom of information request".
_SEEN_HOW = re.compile(r"\s+(?:under|in|on|at|from|during|through|after|before|via|with)\s")
# A verb of saying under negation ("has yet to confirm", "did not say") is nobody's saying.
_UNSAID = re.compile(
    r"\b(?:yet to|not|n't|never|declined to|refused to|(?:did|does|do|has|have|had) not)\s*$", re.IGNORECASE
)
# A speaker that is nobody: "Nobody said ...", "No official said ...", "None of them said ...".
_NOBODY = re.compile(
    r"(?:nobody|no one|no-one|none|neither|nothing|not (?:a single|one|any|a)\s+[a-z][\w-]*|"
    r"no\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\b.*",
    re.I,
)
# A verb of saying with nothing said: "They said nothing", "declined to comment".
_SAID_NOTHING = re.compile(r"\s*(?:nothing|no more|little|none)\b", re.IGNORECASE)
# An outer relay at the end of a sentence whose speaker is named earlier: "..., according
# to KCNA.", "..., Yonhap reported, citing a source.", "..., which cited Yonhap.".
_CARRIED_IN = (
    r"in\s+(?:(?:an?|his|her|its|their)\s+)?(?:[\w-]+\s+){1,2}?(?:carried|relayed|published|broadcast|aired)\s+by"
)
"""The words a carrier follows: "in a speech carried by", "in televised remarks aired by"."""
_TAIL = re.compile(
    # A comma before a trailing relay, or none before "in a speech carried by X": the words say it is a relay.
    rf"(?:,\s*|\s+(?={_CARRIED_IN}\s))(?:according to\s+(?P<according>[^,;:“”\"]{{1,80}}?)|"
    r"(?!(?:citing|quoting)\s)(?P<reporter>[^,;:“”\"]{1,60}?)\s+(?:reported|reports|said|says)|"
    r"(?:which|who)\s+(?:cited|quoted)\s+(?P<cited>[^,;:“”\"]{1,80}?)|"
    rf"(?:{_CARRIED_IN}|(?:carried|relayed|published)\s+by)\s+(?P<carrier>[^,;:“”\"]{{1,60}}?))"
    rf"(?:\s+{WHEN})?"
    r"(?P<citing>(?:,?\s*(?:citing|quoting|(?:which|who) (?:cited|quoted))\s+[^,;:“”\"]{1,80}?)*)"
    r"\s*[.!?]?[”\"]?\s*$",
    re.IGNORECASE,
)
_LEARNED_FROM = re.compile(r"(?:learned|learnt|learns|heard|hears) from", re.IGNORECASE)
_BODY_NOUN = re.compile(
    r"\b(?:ministry|department|office|government|agency|embassy|council|committee|commission|police|military|"
    r"army|authorities|administration|spokes(?:man|woman|person)|presidency|cabinet|secretariat|bureau|service)$",
    re.IGNORECASE,
)
"""The last word of a phrase naming a body ("the ministry"): somebody who can be learned from, not a thing."""
_QUOTED_AS = re.compile(r"(?:quoted|quotes|quoting)\s*(?P<whom>.*?)\s*as saying", re.IGNORECASE | re.DOTALL)
_TOLD = re.compile(
    r"(?:told|tells)\s+(?P<whom>[^,;:.“”\"]{1,60}?)(?=\s*(?:$|[,;:.“”\"]|\s(?:that|on|in|at|last|this|late)\s))"
)
_ADDRESSEE_NAME = re.compile(r"(?P<name>(?:the\s+)?[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*)*)\s+[a-z]")
"""A name told, then what was told with no "that" between: "TASS" in "TASS the talks went well"."""
_TIME_BEFORE_CITING = re.compile(rf"\s+{WHEN}(?=,\s*(?:citing|quoting)\s)", re.IGNORECASE)
"""A time between a verb of saying and a citation: "reported on Friday, citing ..."."""
_NOUN_BEFORE = re.compile(
    r"\b(?:media|news|press|the|these|those|such|recent|earlier|some|many|several|unconfirmed|intelligence|his|her|"
    r"their|its|our|western|foreign|local|state|official|previous|similar)\s+$",
    re.IGNORECASE,
)
"""A word before "reports" or "claims" that makes it a noun: "Western media reports that ...", "these claims"."""
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
    addressee: str | None = None
    """Whom the holder told ("Peskov told TASS"): a relay when it is a news outlet, which the drafter decides."""


def _quoted_spans(sentence: str) -> list[tuple[int, int]]:
    """The spans inside the outermost quotation marks ('“..., Kim said ‘...’ to us,” Putin said': one span).

    A quotation left open runs to the end of the sentence: it goes on in the next one.
    """
    spans: list[tuple[int, int]] = []
    depth, start, straight = 0, 0, False
    for index, char in enumerate(sentence):
        opens = char == "“" or (char == '"' and not straight)
        if opens:
            if depth == 0:
                start = index
            depth += 1
            straight = straight or char == '"'
        elif char in {"”", '"'} and depth:
            depth -= 1
            straight = straight and char != '"'
            if depth == 0:
                spans.append((start, index + 1))
    if depth:
        spans.append((start, len(sentence)))
    return spans


def _in_quotation(item: Found, spans: list[tuple[int, int]]) -> bool:
    """Whether a cue stands inside a quotation: the quoted speaker's words, not the sentence's verb of saying."""
    return any(start < item.start < end for start, end in spans)


def _holds(item: Found, used: Found | None, content: tuple[int, int]) -> bool:
    """Whether a cue counts for what is held: not when it follows the verb and what is held ends before it.

    '“...,” the official said, asking not to be identified.': the words after the speaker
    describe the saying, and deny nothing of the quotation before it.
    """
    return used is None or item is used or item.start < used.end or content[1] > used.start


def _inner_speaker(
    sentence: str, cues: list[Found], holders: tuple[str, ...], content: tuple[int, int]
) -> tuple[tuple[str, ...], tuple[int, int]]:
    """A speaker inside "according to": "According to KCNA, Kim said ..." is Kim's, via KCNA."""
    for item in cues:
        if item.start < content[0] or item.cue.kind is not CueKind.REPORTING:
            continue
        if _PASSIVE.search(sentence[: item.start].rstrip()) or _UNSAID.search(sentence[: item.start]):
            return holders, content
        subject = subject_before(sentence, item)
        if subject is not None and sentence.find(subject[-1], content[0]) >= content[0]:
            return (*holders, *subject), (item.end, len(sentence))
        return holders, content
    return holders, content


def _mode(sentence: str, attributed: bool, used: Found | None) -> Mode:
    """Direct quote when quotation marks hold half the attributed sentence, or all that is held before its speaker."""
    quoted = sum(len(match.group(0)) for match in _QUOTED.finditer(sentence))
    if attributed and quoted * 2 >= len(sentence):
        return Mode.DIRECT_QUOTE
    opening = _OPENING_QUOTE.match(sentence)
    if used is not None and opening is not None and used.start >= opening.end():
        return Mode.DIRECT_QUOTE  # "“The visit will deepen ties,” a spokesperson told a briefing": all held is quoted
    return Mode.PARAPHRASE if attributed else Mode.ASSERTED


def _holder(sentence: str, item: Found) -> tuple[tuple[str, ...], tuple[int, int]] | None:
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
            run_on = _RUN_ON_INSTITUTION.match(phrase) or _RUN_ON_HOLDER.match(phrase)
        if run_on is not None and not _NOT_A_HEAD.search(run_on["holder"]):
            # "According to KCNA Kim attended.": without a comma, the holder ends where a name begins,
            # unless a one-person title stands before the name: "leader Kim Jong Un" is Kim.
            phrase = run_on["holder"]
            if _RUN_ON_TITLE.search(phrase) and (name := _RUN_ON_NAME.match(run_on.string, run_on.end("holder"))):
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
        seen = _SEEN_BY.search(sentence[: item.start])
        holders = () if seen is None else split_relays(_SEEN_HOW.split(seen["holder"], maxsplit=1)[0])
        return (holders, (item.end, len(sentence))) if holders else None
    quoting = _QUOTED_AS.fullmatch(item.text)
    if quoting is not None:
        return _quoted_as_saying(sentence, item, quoting["whom"])
    if _LEARNED_FROM.fullmatch(item.text):
        return _learned_from(sentence, item)
    if _AGENT.match(sentence[item.end :]) and not _PASSIVE.search(sentence[: item.start].rstrip()):
        return None  # "In remarks reported by KCNA, Kim said": a participle, no verb; the carrier is a relay
    if (passive := _PASSIVE.search(sentence[: item.start].rstrip())) is not None:
        # "No injuries were reported": a passive names no speaker, unless "by" does.
        agent = _AGENT.match(sentence[item.end :])
        if agent is None:
            return None
        phrase, end = phrase_after(sentence, item.end + agent.end())
        told = item.text.casefold() in {"told", "tells"}
        learner = subject_before(sentence, attrs.evolve(item, start=passive.start())) if told else None
        if learner is not None:
            return (*learner, *split_relays(phrase)), (end, len(sentence))  # "Xinhua was told by the ministry that"
        return split_relays(phrase), (0, item.start)
    if _OBJECT_RELATIVE.search(sentence, 0, item.start):
        return None  # "Pyongyang has not confirmed the visit, which Seoul reported": Seoul reported the visit only
    subject = subject_before(sentence, item)
    if subject is not None:
        if _NOBODY.fullmatch(subject[-1]):
            return None  # "Nobody said ...": no speaker, and the negation denies
        cited, end = _citations(sentence, item.end)  # "Yonhap reported, citing a source, that ..."
        opening = _OPENING_QUOTE.match(sentence)
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
    if subject is not None and not _NOBODY.fullmatch(subject[-1]):
        return subject, (0, item.start)
    return None


def _quoted_as_saying(sentence: str, item: Found, whom: str) -> tuple[tuple[str, ...], tuple[int, int]] | None:
    """Who speaks when an outlet quotes: "KCNA quoted Kim as saying" (or "Kim was quoted by KCNA as saying") is Kim."""
    passive = _PASSIVE.search(sentence[: item.start].rstrip())
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
    if not speaker or not (sources(phrase) or _BODY_NOUN.search(speaker[-1])):
        return None
    learner = subject_before(sentence, item) or ()
    cited, end = _citations(sentence, end)
    return (*learner, *speaker, *cited), (end, len(sentence))


def _citations(sentence: str, end: int) -> tuple[tuple[str, ...], int]:
    """Whom the speaker cites right after ``end`` (", citing Y, which cited Z"), innermost last, and where that ends."""
    cited: list[str] = []
    time = _TIME_BEFORE_CITING.match(sentence, end)
    if time is not None:
        end = time.end()  # "Yonhap reported on Friday, citing two officials": the time is no citation
    while (match := CITING_AFTER.match(sentence, end)) is not None:
        cited += sources(match["whom"])
        end = match.end()
    return tuple(cited), end


def _tail_relays(sentence: str, used: Found) -> tuple[tuple[str, ...], tuple[str, ...], int] | None:
    """An outer relay closing a sentence whose speaker comes before it: (relays, cited, where it starts).

    "Kim said talks would resume, according to KCNA." is Kim's, via KCNA; "..., Yonhap
    reported, citing a source." via Yonhap and the source; "..., which cited Yonhap."
    makes Yonhap the holder, via whoever cited it.
    """
    tail = _TAIL.search(sentence)
    if tail is None or tail.start() < used.end:
        return None
    outer = tail["according"] or tail["reporter"] or tail["carrier"]
    if outer is not None and not noun_phrase(outer):
        return None
    citing = tuple(phrase for match in CITING_AFTER.finditer(tail["citing"]) for phrase in sources(match["whom"]))
    if outer is not None:
        return (*split_relays(outer), *citing), (), tail.start()  # "KCNA reported, citing Yonhap": both outside
    return (), (*sources(tail["cited"]), *citing), tail.start()


def _says_nothing(sentence: str, item: Found) -> bool:
    """Whether a verb of saying names no speaker: negated, with nothing said, or a noun ("media reports that")."""
    if item.cue.kind is not CueKind.REPORTING:
        return False
    if _UNSAID.search(sentence[: item.start]) or _SAID_NOTHING.match(sentence, item.end):
        return True  # "has yet to confirm", "said nothing": nobody says anything
    # "Western media reports that X are false, Lavrov said": a noun, the subject of what is said.
    return (
        item.text.casefold() in {"reports", "claims", "notes"}
        and _NOUN_BEFORE.search(sentence[: item.start]) is not None
    )


def _carrier(sentence: str, item: Found) -> tuple[str, ...] | None:
    """Who carried the words of whoever speaks next, when a cue only names a carrier; else None.

    "In remarks reported by KCNA, Kim said" (a participle, no verb) and "In a speech
    carried by KCNA, Kim said" (opening the sentence): KCNA, a relay of Kim's words.
    """
    agent = _AGENT.match(sentence[item.end :])
    passive = _PASSIVE.search(sentence[: item.start].rstrip()) is not None
    if item.cue.kind is CueKind.REPORTING and agent is not None and not passive:
        return split_relays(phrase_after(sentence, item.end + agent.end())[0])
    if item.cue.kind is CueKind.ACCORDING and "carried by" in item.text.casefold() and item.start == 0:
        return split_relays(phrase_after(sentence, item.end)[0])
    return None


def _addressee(sentence: str, used: Found | None, holders: tuple[str, ...]) -> str | None:
    """Whom the holder told ("Peskov told TASS": TASS), or None.

    Without "that" after it ("Choe told TASS the talks went well") the name ends where the
    words in lower case begin.
    """
    told = _TOLD.match(sentence, used.start) if used is not None and holders else None
    if told is None:
        return None
    whom = told["whom"].strip()
    named = _ADDRESSEE_NAME.match(whom)
    return named["name"] if named is not None else whom


def read_sentence(sentence: str, *, quoting: bool = False) -> Reading:
    """The attribution, certainty and polarity the cues of one sentence give.

    ``quoting`` says the sentence stands inside a quotation that goes on after it: without
    a speaker of its own it is ``quoted``, as a sentence that is only a quotation is.
    """
    sentence = plain_quotes(sentence)
    spans = _quoted_spans(sentence)
    # A verb of saying inside a quotation is the quoted speaker's ("“It is hard to say ...,” said Yang").
    cues = find_cues(sentence)
    speaking = [item for item in cues if item.cue.kind not in _NAMING or not _in_quotation(item, spans)]
    holders: tuple[str, ...] = ()
    cue: str | None = None
    anonymous = False
    content = (0, len(sentence))
    used: Found | None = None
    carriers: tuple[str, ...] = ()
    for item in speaking:
        carrier = _carrier(sentence, item)
        if carrier is not None:
            carriers = (*carriers, *carrier)
            continue
        if _says_nothing(sentence, item):
            continue
        if item.cue.kind in _NAMING:
            found = _holder(sentence, item)
            if found is not None and found[0]:
                holders, content = found
                holders = (*(c for c in carriers if c not in holders), *holders)
                cue, used = item.text, item
                if item.cue.kind is CueKind.ACCORDING and item.start == 0:
                    holders, content = _inner_speaker(sentence, speaking, holders, content)
                tail = _tail_relays(sentence, item)
                if tail is not None:
                    relays, cited, start = tail
                    holders = (*relays, *holders, *cited)
                    content = (content[0], min(content[1], start))
                break
        elif item.cue.kind is CueKind.PASSIVE:
            holders, cue, anonymous, used = ("wide opinion",), item.text, True, item
            content = (item.end, len(sentence))
            break
    if not holders and not quoting and (headline := headline_holder(sentence)) is not None:
        holders, content, cue = headline
    quoted = not holders and (quoting or _WHOLLY_QUOTED.match(sentence.strip()) is not None)
    own_voice = not holders and not quoted
    applying = [item for item in qualifying(sentence, cues, used, _NAMING) if _holds(item, used, content)]
    question = asks(sentence)  # a question asserts nothing: uncommitted, no denial (FactBank's Uu)
    certainty = Certainty.UNCOMMITTED if question else certainty_of(applying, own_voice)
    denied = not question and denies(sentence, applying, used, holders)
    mode = Mode.DIRECT_QUOTE if quoted else _mode(sentence, not own_voice, used)
    if own_voice and any(item.cue.kind is CueKind.INFERENCE for item in cues):
        mode = Mode.IMPLIED
        cue = next(item.text for item in cues if item.cue.kind is CueKind.INFERENCE)
    elif own_voice:
        hedges = [item for item in applying if item.cue.kind is CueKind.HEDGE]
        cue = "?" if question else hedges[0].text if hedges else None
    return Reading(
        addressee=_addressee(sentence, used, holders),
        holders=holders,
        cue=cue,
        mode=mode,
        certainty=certainty,
        polarity=Polarity.DENIED if denied else Polarity.AFFIRMED,
        anonymous=anonymous,
        content=content,
        quoted=quoted,
    )
