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

The holder one cue names is read by :mod:`factlog.drafting._cueholder`, the phrases naming
the speaker by :mod:`factlog.drafting._speakers`.

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

from factlog.drafting import _attributionwords as words
from factlog.drafting._cueholder import cue_holder
from factlog.drafting._cues import CueKind
from factlog.drafting._findcues import Found, find_cues
from factlog.drafting._headlines import headline_holder
from factlog.drafting._quote_marks import plain_quotes
from factlog.drafting._scope import answered, asks, certainty_of, denies, first_hedge, qualifying, question_first
from factlog.drafting._speakers import (
    CITING_AFTER,
    noun_phrase,
    phrase_after,
    sources,
    split_relays,
    subject_before,
)
from factlog.model._kinds import Mode
from factlog.model._scales import Certainty, Polarity

__all__ = ["Reading", "read_sentence"]


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


def _quoted_spans(sentence: str, *, continued: bool = False) -> list[tuple[int, int]]:
    """The spans inside the outermost quotation marks ('“..., Kim said ‘...’ to us,” Putin said': one span).

    A quotation left open runs to the end of the sentence: it goes on in the next one.
    ``continued`` says a quotation is open at the sentence's start: it runs to the first
    closing mark ('We will win,” she said.'), a mark opening the sentence opening it again.
    """
    spans: list[tuple[int, int]] = []
    depth, start, straight = 0, 0, False
    first = 0
    if continued:
        reopened = 1 if sentence[:1] in {"“", '"'} else 0
        closing = min((at for at in (sentence.find(mark, reopened) for mark in '”"') if at >= 0), default=-1)
        if closing < 0:
            return [(0, len(sentence))]
        spans.append((0, closing + 1))
        first = closing + 1
    for index, char in enumerate(sentence[first:], first):
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
        if words.PASSIVE.search(sentence[: item.start].rstrip()) or words.UNSAID.search(sentence[: item.start]):
            return holders, content
        subject = subject_before(sentence, item)
        if subject is not None and sentence.find(subject[-1], content[0]) >= content[0]:
            return (*holders, *subject), (item.end, len(sentence))
        return holders, content
    return holders, content


_TOLD_INSIDE = frozenset(("told", "tells"))
_PRONOUN = re.compile(r"he|she|it|they|we|i|you", re.IGNORECASE)
_THAT = re.compile(r"\bthat\s+", re.IGNORECASE)
_IN_RELATIVE = re.compile(r",\s*(?:which|who|whom)\s[^,;:“”\"]*$", re.IGNORECASE)
"""A relative clause open before a telling: what it tells is about the noun before it, not what is held."""
_TOLD_THAT = re.compile(r"\s*(?:[^,;:.“”\"]{0,60}?\s)?that\s", re.IGNORECASE)


def _nested(
    sentence: str, speaking: list[Found], used: Found, holders: tuple[str, ...], content: tuple[int, int]
) -> tuple[tuple[str, ...], tuple[int, int]]:
    """The innermost source of reporting nested in what is held, the outer speakers its relays, outermost first.

    "The captain told investigators that the harbour master had told him that the
    channel was clear" is the harbour master's, via the captain; "The official said aid
    agencies had been told by the provincial authorities that ..." the provincial
    authorities', via the official and the aid agencies. Only "told" nests, with "that"
    after it: the words told are what the teller holds. A pronoun telling ("Kim said he
    told Putin that ...") is the speaker's own telling, no nesting.
    """
    for item in speaking:
        if item.start < used.end or item.text.casefold() not in _TOLD_INSIDE or item.cue.kind is not CueKind.REPORTING:
            continue
        if _IN_RELATIVE.search(sentence, used.end, item.start):
            continue  # "Lee told Yonhap that the unit, which had been told by Moscow that ..., was ready": Lee's
        that = _THAT.search(sentence, used.end, item.start)
        begin = that.end() if that is not None else used.end
        inner = cue_holder(sentence[begin:], attrs.evolve(item, start=item.start - begin, end=item.end - begin))
        if inner is None or not inner[0] or inner[1][0] < item.end - begin or _PRONOUN.fullmatch(inner[0][-1]):
            return holders, content  # "Kim said he told Putin that ...": the speaker's own telling, Kim's
        if _TOLD_THAT.match(sentence, begin + inner[1][0]) is None:
            return holders, content
        first, last = inner[1]
        return _nested(sentence, speaking, item, (*holders, *inner[0]), (begin + first, begin + last))
    return holders, content


def _within(
    sentence: str, speaking: list[Found], used: Found, holders: tuple[str, ...], content: tuple[int, int]
) -> tuple[tuple[str, ...], tuple[int, int]]:
    """The speaker inside what is held, when there is one: "According to KCNA, Kim said", nested telling."""
    if used.cue.kind is CueKind.ACCORDING and used.start == 0:
        return _inner_speaker(sentence, speaking, holders, content)
    if used.cue.kind is CueKind.REPORTING:
        return _nested(sentence, speaking, used, holders, content)
    return holders, content


def _mode(
    sentence: str, attributed: bool, used: Found | None, spans: list[tuple[int, int]], *, continued: bool
) -> Mode:
    """Direct quote when quotation marks hold half the attributed sentence, or all that is held before its speaker.

    A sentence going on with a quotation opened before it ('We will win,” she said.') is
    a direct quote when its speaker follows the closing mark.
    """
    if continued and attributed and used is not None and spans and used.start >= spans[0][1]:
        return Mode.DIRECT_QUOTE
    # A quotation left open at the end counts: "Quist said: “We did not start this fight." goes on after it.
    quoted = sum(end - start for start, end in spans)
    if attributed and quoted * 2 >= len(sentence):
        return Mode.DIRECT_QUOTE
    opening = words.OPENING_QUOTE.match(sentence)
    if used is not None and opening is not None and used.start >= opening.end():
        return Mode.DIRECT_QUOTE  # "“The visit will deepen ties,” a spokesperson told a briefing": all held is quoted
    return Mode.PARAPHRASE if attributed else Mode.ASSERTED


def _tail_relays(sentence: str, used: Found) -> tuple[tuple[str, ...], tuple[str, ...], int] | None:
    """An outer relay closing a sentence whose speaker comes before it: (relays, cited, where it starts).

    "Kim said talks would resume, according to KCNA." is Kim's, via KCNA; "..., Yonhap
    reported, citing a source." via Yonhap and the source; "..., which cited Yonhap."
    makes Yonhap the holder, via whoever cited it.
    """
    tail = words.TAIL.search(sentence)
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
    if words.UNSAID.search(sentence[: item.start]) or words.SAID_NOTHING.match(sentence, item.end):
        return True  # "has yet to confirm", "said nothing": nobody says anything
    # "Western media reports that X are false, Lavrov said": a noun, the subject of what is said.
    return (
        item.text.casefold() in {"reports", "claims", "notes"}
        and words.NOUN_BEFORE.search(sentence[: item.start]) is not None
    )


def _carrier(sentence: str, item: Found) -> tuple[str, ...] | None:
    """Who carried the words of whoever speaks next, when a cue only names a carrier; else None.

    "In remarks reported by KCNA, Kim said" (a participle, no verb) and "In a speech
    carried by KCNA, Kim said" (opening the sentence): KCNA, a relay of Kim's words.
    """
    agent = words.AGENT.match(sentence[item.end :])
    passive = words.PASSIVE.search(sentence[: item.start].rstrip()) is not None
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
    told = words.TOLD.match(sentence, used.start) if used is not None and holders else None
    if told is None:
        return None
    whom = told["whom"].strip()
    named = words.ADDRESSEE_NAME.match(whom)
    return named["name"] if named is not None else whom


def _answering(sentence: str, speaking: list[Found]) -> list[Found]:
    """The cues that may name the speaker: not those of a question opening the sentence when the answer has one.

    "Asked about reports that X, Peskov denied it": "reports" is what Peskov was asked about, and names no holder.
    """
    asked = question_first(sentence)
    if not any(item.start >= asked for item in speaking):
        return speaking
    return [item for item in speaking if item.end > asked]


def read_sentence(sentence: str, *, quoting: bool = False, continued: bool = False) -> Reading:
    """The attribution, certainty and polarity the cues of one sentence give.

    ``quoting`` says the sentence stands inside a quotation that goes on after it: without
    a speaker of its own it is ``quoted``, as a sentence that is only a quotation is.
    ``continued`` says the quotation was open at the sentence's start: its words up to
    the closing mark are the quoted speaker's, and a verb of saying there names nobody.
    """
    sentence = plain_quotes(sentence)
    spans = _quoted_spans(sentence, continued=continued)
    # A verb of saying inside a quotation is the quoted speaker's ("“It is hard to say ...,” said Yang").
    cues = find_cues(sentence)
    speaking = [item for item in cues if item.cue.kind not in words.NAMING or not _in_quotation(item, spans)]
    holders: tuple[str, ...] = ()
    cue: str | None = None
    anonymous = False
    content = (0, len(sentence))
    used: Found | None = None
    carriers: tuple[str, ...] = ()
    for item in _answering(sentence, speaking):
        carrier = _carrier(sentence, item)
        if carrier is not None:
            carriers = (*carriers, *carrier)
            continue
        if _says_nothing(sentence, item):
            continue
        if item.cue.kind in words.NAMING:
            found = cue_holder(sentence, item)
            if found is not None and found[0]:
                holders, content = found
                holders = (*(c for c in carriers if c not in holders), *holders)
                cue, used = item.text, item
                holders, content = _within(sentence, speaking, item, holders, content)
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
    quoted = not holders and (quoting or words.WHOLLY_QUOTED.match(sentence.strip()) is not None)
    own_voice = not holders and not quoted
    applying = [item for item in qualifying(sentence, cues, used, words.NAMING) if _holds(item, used, content)]
    applying = answered(sentence, applying, used)
    question = asks(sentence)  # a question asserts nothing: uncommitted, no denial (FactBank's Uu)
    certainty = Certainty.UNCOMMITTED if question else certainty_of(applying, own_voice, sentence, content[0])
    denied = not question and denies(sentence, applying, used, holders)
    mode = Mode.DIRECT_QUOTE if quoted else _mode(sentence, not own_voice, used, spans, continued=continued)
    if own_voice and any(item.cue.kind is CueKind.INFERENCE for item in cues):
        mode = Mode.IMPLIED
        cue = next(item.text for item in cues if item.cue.kind is CueKind.INFERENCE)
    elif own_voice:
        cue = "?" if question else first_hedge(sentence, applying)
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
