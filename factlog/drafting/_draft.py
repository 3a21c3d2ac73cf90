"""``factlog.draft``: a first claim set from an article's raw text, for an analyst to review."""

from __future__ import annotations

import hashlib

import attrs

from factlog.drafting._attribution import Reading, read_sentence
from factlog.drafting._consistency import consistent, with_references
from factlog.drafting._coordinated import coordinated
from factlog.drafting._dateline import Dateline, find_dateline, with_dateline_whole
from factlog.drafting._holders import Holders
from factlog.drafting._holderwords import PRONOUN
from factlog.drafting._names import INVISIBLE, Names
from factlog.drafting._patternhints import pattern_note
from factlog.drafting._propositions import dayless_note, office_titles, one_day, sentence_proposition
from factlog.drafting._quote_marks import single_as_double
from factlog.drafting._quotes import OPENING, Quotation, quotation_after, quotation_at
from factlog.drafting._segment import sentences, visible
from factlog.drafting._times import named_time
from factlog.errors import InputError
from factlog.model import (
    Attribution,
    Claim,
    ClaimSet,
    Evidence,
    Interval,
    Mode,
    PartialDate,
    Polarity,
    Proposition,
    Source,
)
from factlog.model._fields import ID

__all__ = ["draft"]

_TITLE_LENGTH = 160
_WITHOUT_INVISIBLE = dict.fromkeys(map(ord, INVISIBLE))
_LONGEST_QUOTATION = 20_000
"""The most characters read ahead, from where a quotation opens, for the speaker named where it closes.

A quotation of any number of sentences is its closing speaker's ("“... eleven sentences
...,” Lee said."); past this length (some 3,000 words, longer than any statement a story
quotes whole) its sentences are an unnamed speaker's, so that an opening mark left
unclosed reads no further than this. A paragraph opening without a mark ends it sooner.
"""
_LONGEST_SOURCE_ID = 160  # claim ids add "-001-office-1" and must stay within 200 characters


def _date(published: PartialDate | Interval | str | None) -> Interval | None:
    """The publication date as a closed interval (a day, a month, or a span of days)."""
    if published is None:
        return None
    if isinstance(published, PartialDate):
        return Interval(published, published)
    try:
        found = published if isinstance(published, Interval) else Interval.parse(published)
    except (ValueError, TypeError) as error:
        raise InputError(f"published: {error}") from None
    if not found.closed:
        raise InputError(f"published: expected a date or an interval with two dates, got {found}")
    return found


def _statement_of_office(holders: Holders, proposition: Proposition, polarity: Polarity) -> str:
    person = holders.used[proposition.subject].name
    office = holders.used[str(proposition.object)].name
    if polarity is Polarity.DENIED:
        return f"{person} no longer holds the office of {office}."
    return f"{person} holds the office of {office}."


@attrs.frozen
class _Drafter:
    """What every sentence of one article is drafted with."""

    source: str
    date: Interval | None
    holders: Holders
    outlet: str
    vocabulary: dict[str, str]
    figures: dict[str, str]

    def _attributions(
        self, reading: Reading, before: Attribution | None, wire: tuple[str, ...], opener: Attribution | None = None
    ) -> list[Attribution]:
        """Who holds the sentence: one attribution, or one per holder joined by "and".

        ``wire`` is the agencies of the story's dateline, if any: the relays after the outlet.

        A sentence that is only a quotation is the words of the previous sentence's
        speaker ("“We will respond,” Lavrov said. “Nobody should doubt it.”"), or of an
        unnamed speaker when the sentence before was the outlet's own voice. A sentence
        inside a quotation opened before it (``opener`` is whoever opened it, when named)
        is the opener's words.
        """
        if reading.quoted:
            known = opener if opener is not None else before
            if known is not None and known.holder != self.outlet:
                return [Attribution(holder=known.holder, via=known.via, mode=Mode.DIRECT_QUOTE)]
            speaker = self.holders.resolve("an unnamed speaker")
            return [Attribution(holder=speaker, via=self._via(speaker, wire), mode=Mode.DIRECT_QUOTE)]
        if not reading.holders:
            return [Attribution(holder=self.outlet, mode=reading.mode, cue=reading.cue)]
        relays = [self.holders.resolve(phrase) for phrase in reading.holders[:-1]]
        told = None if reading.addressee is None else self.holders.outlet(reading.addressee)
        if told is not None:
            relays.insert(0, told)  # "a source told Yonhap": Yonhap had it from the source
        last = reading.holders[-1]
        result = []
        # "The chief and his deputy both said", no list of names: "both" (read before it) is no part of the holder.
        for holder in coordinated(self.holders, last) or (self.holders.resolve(last.removeprefix("both ")),):
            via = self._via(holder, wire, *relays)
            result.append(Attribution(holder=holder, via=via, mode=reading.mode, cue=reading.cue))
        return result

    def _via(self, holder: str, wire: tuple[str, ...], *relays: str) -> tuple[str, ...]:
        """The relays between the holder and the source, outermost first: the outlet, the wire, the rest."""
        chain = (self.outlet, *wire, *relays)
        return tuple(dict.fromkeys(item for item in chain if item != holder))

    def sentence_claims(
        self,
        claim_id: str,
        text: str,
        span: tuple[int, int],
        before: Attribution | None,
        wire: tuple[str, ...] = (),
        *,
        quotation: Quotation | None = None,
        continued: bool = False,
    ) -> list[Claim]:
        """The claims of one sentence (one per holder): attribution, certainty, polarity and any proposition.

        ``span`` is the sentence's ``(start, end)`` in ``text``; ``before`` the attribution
        of the sentence before in the same paragraph, if any; ``wire`` the entities of the
        dateline's agencies, relaying the story to the outlet, outermost first;
        ``quotation`` the quotation the sentence stands in, when it goes on after it;
        ``continued`` whether that quotation was open at the sentence's start.
        """
        start, end = span
        sentence = text[start:end]
        reading = read_sentence(sentence, quoting=quotation is not None, continued=continued)
        speaker = None if quotation is None else quotation.speaker
        attributions = self._attributions(reading, before, wire, speaker)
        if not reading.holders and not reading.quoted:
            self.holders.mention(sentence)  # "Kim Jong Un inspected a factory. He said ...": he is Kim
        told = bool(reading.holders) and not PRONOUN.match(reading.holders[-1])  # "she said" tells no gender
        speakers = tuple(attribution.holder for attribution in attributions) if told else ()
        self.holders.note_people(sentence, speakers)  # "spokesperson Mao Ning spoke. ... Mao said": Mao Ning
        proposition = None
        note = None
        if reading.polarity is Polarity.AFFIRMED:
            # A denied sentence ("the last visit was in 2019") denies something other than its verb's relation.
            named = named_time(sentence, self.date)
            # Time words that cannot be read give no time: the publication date is never put in their place.
            proposition = sentence_proposition(
                self.holders.names,
                self.vocabulary,
                self.figures,
                sentence,
                named=named.when,
                published=None if named.note else self.date,
            )
            note = named.note if proposition is not None else None
        if proposition is not None:
            for entity in (proposition.subject, proposition.object):
                if isinstance(entity, str):
                    self.holders.use(entity)
        return [
            Claim(
                id=claim_id if number == 1 else f"{claim_id}-holder-{number}",
                statement=" ".join(sentence.translate(_WITHOUT_INVISIBLE).split()),
                proposition=proposition,
                polarity=reading.polarity,
                certainty=reading.certainty,
                attribution=attribution,
                evidence=(Evidence(source=self.source, quote=sentence, start=start, end=end),),
                notes=note if note is not None else pattern_note(sentence),
                draft=True,
            )
            for number, attribution in enumerate(attributions, 1)
        ]

    def closing_speaker(
        self, text: str, spans: list[tuple[int, int]], opening: int, wire: tuple[str, ...]
    ) -> Attribution | None:
        """Who is named where a quotation opening in sentence number ``opening`` closes, if anyone.

        "“We will respond. Nobody should doubt it.¶“Our patience is not endless,” Lavrov
        said.": the quotation's sentences are Lavrov's from the first, as news style writes
        a speaker named at the close. None when it closes on no speaker, or never does.
        """
        quotation: Quotation | None = Quotation()
        for index in range(opening, len(spans)):
            first, end = spans[index]
            if end - spans[opening][0] > _LONGEST_QUOTATION:
                return None
            sentence = text[first:end].lstrip(INVISIBLE)
            new_paragraph = "\n" in text[spans[index - 1][1] : first]
            going_on, still_open = quotation_at(sentence, quotation, new_paragraph=new_paragraph)
            if going_on is not quotation:
                return None  # a paragraph opening without a mark ended it
            if not still_open:
                reading = read_sentence(sentence, quoting=True, continued=True)
                return self._attributions(reading, None, wire)[0] if reading.holders else None
        return None

    def office_claims(self, claim_id: str, text: str, start: int, end: int) -> list[Claim]:
        """A claim for each office title before a name in the sentence, quoting the title."""
        sentence = text[start:end]
        claims = []
        found_titles = office_titles(self.holders.names, set(self.vocabulary), sentence, self.date)
        for index, found in enumerate(found_titles, 1):
            for entity in (found.proposition.subject, str(found.proposition.object)):
                self.holders.use(entity)
            quote = sentence[found.start : found.end]
            # "Former" denies the office on the day of writing, never over a coarser date (docs/tutorial.md):
            # a denial over the month would also deny an appointment made earlier that month.
            dayless = found.polarity is Polarity.DENIED and not one_day(self.date)
            claims.append(
                Claim(
                    id=f"{claim_id}-office-{index}",
                    statement=_statement_of_office(self.holders, found.proposition, found.polarity),
                    proposition=None if dayless else found.proposition,
                    polarity=found.polarity,
                    attribution=Attribution(holder=self.outlet, mode=Mode.IMPLIED),
                    evidence=(
                        Evidence(source=self.source, quote=quote, start=start + found.start, end=start + found.end),
                    ),
                    notes=dayless_note(self.date) if dayless else None,
                    draft=True,
                )
            )
        return claims


def _sole_quoted_speaker(paragraph: list[Claim], outlet: str, sentence: str) -> Attribution | None:
    """The one speaker of a paragraph, when it has exactly one and quotes them, if ``sentence`` opens a quotation.

    "Lee said the plan had failed. “We warned them twice,” Lee said." ¶ "“Nobody
    listened.”": the quotation alone in the next paragraph is Lee's, and so when the others
    spoke only in paraphrase and Lee's quotation closes the paragraph ("Belek and Sato
    rejected the claims. “We counted every ballot,” Belek said."). With two speakers
    quoted (or none) nothing says whose it is.
    """
    if not sentence.lstrip(INVISIBLE).startswith(tuple(OPENING)):
        return None
    speakers = {claim.attribution.holder for claim in paragraph if claim.attribution.holder != outlet}
    quoted = [claim for claim in paragraph if claim.attribution.mode is Mode.DIRECT_QUOTE]
    if len({claim.attribution.holder for claim in quoted}) == 1 and paragraph[-1] is quoted[-1]:
        return quoted[-1].attribution if quoted[-1].attribution.holder != outlet else None
    if len(speakers) != 1:
        return None
    return quoted[-1].attribution if quoted and quoted[-1].attribution.holder in speakers else None


def _check(text: object, source: object, publisher: object) -> None:
    """Raise :class:`InputError` for a text, source id or publisher that cannot be drafted."""
    if not isinstance(text, str):
        raise InputError(f"expected the article's text as a string, got {type(text).__name__}")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise InputError("the article's text holds a lone surrogate: it is not valid Unicode") from None
    if not isinstance(source, str) or ID.fullmatch(source) is None or len(source) > _LONGEST_SOURCE_ID:
        raise InputError(
            "source: expected an id like 'li-qiang-visit' (lowercase letters, digits, '.', '_', ':', '-', starting"
            f" with a letter or digit) of at most {_LONGEST_SOURCE_ID} characters, got {source!r}"
        )
    if publisher is not None and (not isinstance(publisher, str) or not publisher.strip()):
        raise InputError(f"publisher: expected a name, got {publisher!r}")


def draft(
    text: str,
    *,
    source: str,
    published: PartialDate | Interval | str | None = None,
    publisher: str | None = None,
    registry: ClaimSet | None = None,
    title: str | None = None,
    document: str = "document.txt",
) -> ClaimSet:
    """A draft claim set for an article: every sentence a claim, each marked ``draft``.

    ``text`` is the article as stored (offsets are Python string offsets into it);
    ``source`` the id to give it; ``published`` its date (a :class:`PartialDate`, a
    closed :class:`Interval`, or text such as ``"2025-10"`` or
    ``"2025-10-06/2025-10-08"``), the anchor of relative times; ``publisher`` the name
    (or id) of the outlet, looked up in the registry, else a new media outlet
    (default: ``<source>-publisher``); ``registry`` a claim set whose entities resolve
    holders and whose predicates are the vocabulary propositions may use; ``document``
    the file name the text is stored under beside the claims file, whose SHA-256 is
    recorded. Returns a claim set with one source, its claims (in sentence order, with a
    claim for each further holder a sentence joins with "and", ``ID-holder-2`` ...; then
    office-title claims) and the entities they name (registry ones copied unchanged).
    A proposition that would make the draft contradict itself is left out. Raises
    :class:`InputError` for an id or date that cannot be used.
    """
    _check(text, source, publisher)
    date = _date(published)
    # 'We will respond. Nobody should doubt it,' Lavrov said: read as “...” (same offsets); quoted as stored.
    stored, text = text, single_as_double(text)
    registry = ClaimSet() if registry is None else registry
    holders = Holders(Names(registry.entities), scope=source)
    drafter = _Drafter(
        source=source,
        date=date,
        holders=holders,
        outlet=holders.publisher(publisher, source),
        vocabulary={predicate.id: predicate.label for predicate in registry.predicates},
        figures={predicate.id: predicate.label for predicate in registry.predicates if predicate.functional},
    )
    # A line of zero-width spaces, byte-order marks or controls only shows nothing: no sentence, no claim.
    spans = [span for span in with_dateline_whole(text, sentences(text)) if visible(text[span[0] : span[1]])]
    claims: list[Claim] = []
    extra: list[Claim] = []
    before: Attribution | None = None
    paragraph = 0  # where the claims of the sentence's paragraph start
    dateline: Dateline | None = None
    dateline_first = False
    wire: tuple[str, ...] = ()
    quotation: Quotation | None = None  # a quotation open at the end of the sentence before
    for number, (first, end) in enumerate(spans, 1):
        # A byte-order mark or zero-width character before a sentence is no part of it (nor hides its dateline);
        # the quote stays a span of the stored text, starting after them.
        start = first + len(text[first:end]) - len(text[first:end].lstrip(INVISIBLE))
        new_paragraph = number > 1 and "\n" in text[spans[number - 2][1] : first]
        if new_paragraph:
            # A new paragraph: a quotation there does not continue the last one, but one opening it is, in news
            # style, the words of the one speaker of the paragraph before who closed a quotation of theirs.
            before, paragraph = _sole_quoted_speaker(claims[paragraph:], drafter.outlet, text[start:end]), len(claims)
        if dateline is None and (first == 0 or text[first - 1] == "\n"):
            # "VELMORA, May 12 (CPA) - ...": the dateline is no part of the claim; its agency relays the rest.
            dateline = find_dateline(text[start:end])
            if dateline is not None:
                dateline_first = number == 1
                start += dateline.end
                wire = tuple(dict.fromkeys(holders.agency(agency, drafter.outlet) for agency in dateline.agencies))
        # ... but one left open and opening the next paragraph again goes on in it (quotation_at).
        inside, still_open = quotation_at(text[start:end], quotation, new_paragraph=new_paragraph)
        continued = quotation is not None and inside is not None  # the quotation was open at the sentence's start
        if quotation is None and inside is not None:  # a quotation opens here, its speaker not named before it
            inside = Quotation(drafter.closing_speaker(text, spans, number, wire))
        found = drafter.sentence_claims(
            f"{source}-{number:03d}", text, (start, end), before, wire, quotation=inside, continued=continued
        )
        claims += found
        before = found[-1].attribution
        quotation = quotation_after(inside, still_open, before, drafter.outlet)
        extra += drafter.office_claims(found[0].id, text, start, end)
    outlet = drafter.outlet
    if title is None and spans:
        # The first sentence, without its dateline: "VELMORA, May 12 (CPA) - " is no part of a title.
        opening = spans[0][0] + (dateline.end if dateline is not None and dateline_first else 0)
        title = stored[opening : spans[0][1]]
    heading = " ".join((title or source).split())[:_TITLE_LENGTH] or source
    used_predicates = with_references(registry, {c.proposition.predicate for c in (*claims, *extra) if c.proposition})
    result = ClaimSet(
        entities=tuple(holders.used.values()),
        predicates=tuple(p for p in registry.predicates if p.id in used_predicates),
        sources=(
            Source(
                id=source,
                title=heading,
                publisher=outlet,
                published=date,
                language="en",
                document=document,
                sha256=hashlib.sha256(stored.encode("utf-8")).hexdigest(),
            ),
        ),
        claims=tuple(_as_stored(claim, stored) for claim in (*claims, *extra)),
    )
    return consistent(result)


def _as_stored(claim: Claim, stored: str) -> Claim:
    """A claim whose quote and statement were read with single quotation marks as double ones, as the text has them."""
    evidence = claim.evidence[0]
    if evidence.start is None or evidence.end is None or stored[evidence.start : evidence.end] == evidence.quote:
        return claim
    quote = stored[evidence.start : evidence.end]
    statement = " ".join(quote.translate(_WITHOUT_INVISIBLE).split())
    read = " ".join(evidence.quote.translate(_WITHOUT_INVISIBLE).split())
    return attrs.evolve(
        claim,
        statement=statement if claim.statement == read else claim.statement,
        evidence=(attrs.evolve(evidence, quote=quote), *claim.evidence[1:]),
    )
