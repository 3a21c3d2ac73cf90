"""Hypothesis strategies for factlog's model: every generated claim set is valid."""

from __future__ import annotations

import calendar
import datetime
import functools

import attrs
from hypothesis import strategies as st

from factlog import (
    Acknowledgement,
    Attribution,
    Certainty,
    Claim,
    ClaimSet,
    DateValue,
    Entity,
    EntityKind,
    Estimate,
    Evidence,
    Interval,
    Mode,
    PartialDate,
    Pattern,
    Polarity,
    Predicate,
    PredicateKind,
    Proposition,
    Quantity,
    Regarding,
    Reliability,
    Retraction,
    Source,
    SourceDate,
    SourceKind,
    StanceKind,
    TextValue,
    WrittenWhen,
)
from factlog.analysis._discovery import Vote
from factlog.checks._findings import Finding, Severity, finding_id
from factlog.model._coherence import inverse_names
from factlog.model._vocabulary import fold, object_key
from tests import helpers

ids = st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True)
texts = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30).filter(lambda s: s.strip())
words = st.text("abcdefghij ", min_size=1, max_size=12).filter(lambda s: s.strip())


@st.composite
def partial_dates(draw: st.DrawFn, years: tuple[int, int] = (1990, 2030)) -> PartialDate:
    year = draw(st.integers(*years))
    precision = draw(st.sampled_from(["year", "month", "day"]))
    if precision == "year":
        return PartialDate(year)
    month = draw(st.integers(1, 12))
    if precision == "month":
        return PartialDate(year, month)
    return PartialDate(year, month, draw(st.integers(1, calendar.monthrange(year, month)[1])))


@st.composite
def intervals(draw: st.DrawFn, years: tuple[int, int] = (1990, 2030), open_ends: bool = True) -> Interval:
    first = draw(partial_dates(years))
    second = draw(partial_dates(years))
    if first.first_day > second.last_day:
        first, second = second, first
    if draw(st.booleans()):
        return Interval(first, first)
    start: PartialDate | None = first
    end: PartialDate | None = second
    if open_ends and draw(st.integers(0, 5)) == 0:
        start, end = draw(st.sampled_from([(None, second), (first, None)]))
    return Interval(start, end)


@st.composite
def edtf_dates(draw: st.DrawFn, years: tuple[int, int] = (1990, 2030)) -> PartialDate:
    """Any date factlog reads: plain, qualified, with unspecified digits, a season or a time of day."""
    form = draw(st.sampled_from(["plain", "unspecified", "season", "time"]))
    if form == "unspecified":
        digits = draw(st.integers(1, 2))
        year = draw(st.integers(*years)) // 10**digits * 10**digits
        date = PartialDate(year, unspecified=digits)
    elif form == "season":
        date = PartialDate(draw(st.integers(*years)), draw(st.integers(21, 24)))
    elif form == "time":
        day = draw(partial_dates(years).filter(lambda d: d.day is not None))
        clock = f"{draw(st.integers(0, 23)):02d}:{draw(st.integers(0, 59)):02d}"
        if draw(st.booleans()):
            clock += f":{draw(st.integers(0, 59)):02d}"
        return PartialDate(day.year, day.month, day.day, time=clock)
    else:
        date = draw(partial_dates(years))
    approximate, uncertain = draw(st.booleans()), draw(st.booleans())
    return attrs.evolve(date, approximate=approximate, uncertain=uncertain)


@st.composite
def edtf_intervals(draw: st.DrawFn, closed: bool = False) -> Interval:
    """Any interval factlog reads, with EDTF dates and (unless ``closed``) open or unknown ends."""
    first, second = draw(edtf_dates()), draw(edtf_dates())
    if first.first_day > second.last_day:
        first, second = second, first
    if draw(st.booleans()):
        return Interval(first, first)
    ends = ["both"] if closed else ["both", "open start", "open end", "unknown start", "unknown end"]
    shape = draw(st.sampled_from(ends))
    if shape == "both":
        return Interval(first, second)
    if shape.endswith("start"):
        return Interval(None, second, start_unknown=shape.startswith("unknown"))
    return Interval(first, None, end_unknown=shape.startswith("unknown"))


numbers = st.one_of(
    st.integers(-(10**12), 10**12), st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12)
)


@st.composite
def quantities(draw: st.DrawFn) -> Quantity:
    amount = draw(numbers)
    lower = draw(st.none() | st.just(amount) | numbers.filter(lambda n: n <= amount))
    upper = draw(st.none() | numbers.filter(lambda n: n >= amount))
    unit = draw(st.none() | words | st.sampled_from(["km", "miles", "minutes", "hours", "months", "years"]))
    estimate = draw(st.none() | st.sampled_from(Estimate))
    if estimate is None:
        return Quantity(amount=amount, lower=lower, upper=upper, unit=unit)
    if estimate.vague is not None:
        return Quantity(estimate=estimate, unit=unit)
    return Quantity(amount=amount, estimate=estimate, unit=unit)


_TEXT_VALUES = texts.map(lambda t: TextValue(text=t))
_DATE_VALUES = (intervals() | edtf_intervals()).map(lambda i: DateValue(date=i))
_QUANTITIES = quantities()


def objects(entity_ids: list[str]) -> st.SearchStrategy[object]:
    return st.one_of(
        st.none(),
        st.sampled_from(entity_ids),
        st.lists(st.sampled_from(entity_ids), min_size=1, max_size=3, unique=True).map(tuple),
        _TEXT_VALUES,
        _DATE_VALUES,
        _QUANTITIES,
    )


@st.composite
def patterns(draw: st.DrawFn, ranked: bool = False) -> Pattern:
    """An everyday pattern: 'the last X was in Y', 'the first X since Y', 'the first in N years'.

    With ``ranked`` (the predicate has a rank) also 'the highest-level X since Y'.
    """
    kind = draw(st.sampled_from(["last", "since", "years", *(["highest_since"] if ranked else [])]))
    value: object = draw(st.integers(1, 30)) if kind == "years" else draw(intervals(open_ends=False))
    return Pattern(**{kind: value}, until=draw(st.none() | partial_dates()))  # type: ignore[arg-type]


# The strategies claim_sets draws from that depend on nothing it drew: built once, not once a draw
# (building and validating them again for every claim was most of the time of the tests that use it).
_ENTITY_IDS = st.lists(ids, min_size=1, max_size=6, unique=True)
_ALIAS_POOL = st.lists(words, max_size=6, unique_by=lambda w: "-".join(w.casefold().split()))
_PREDICATE_IDS = st.lists(ids.map(lambda i: f"p-{i}"), min_size=1, max_size=4, unique=True)
_SOURCE_IDS = st.lists(ids.map(lambda i: f"s-{i}"), min_size=1, max_size=4, unique=True)
_ENTITY_KINDS = st.sampled_from(EntityKind)
_RELIABILITIES = st.sampled_from(Reliability)
_PREDICATE_KINDS = st.sampled_from(PredicateKind)
_SOURCE_KINDS = st.sampled_from(SourceKind)
_POLARITIES = st.sampled_from(Polarity)
_CERTAINTIES = st.sampled_from(Certainty)
_MODES = st.sampled_from(Mode)
_START = st.integers(0, 5000)
_STANCES = st.sampled_from(StanceKind)
_ECHOES = st.sampled_from(["none", "denied", "exclusive", "other value"])
_ON = st.none() | partial_dates()
_WIKIDATA = st.none() | st.integers(1, 10**6).map(lambda n: f"Q{n}")
_TOLERANCE = st.sampled_from([0.0, 0.1, 0.25])
_RANK = st.just({}) | st.integers(0, 3).map(lambda rank: {"scale": "level", "rank": rank})
_MARGIN = st.none() | st.builds(Quantity, amount=st.integers(1, 60), unit=st.sampled_from([None, "minutes", "km"]))
_STATED = st.none() | partial_dates() | edtf_intervals(closed=True)
_SOURCE_DATES = st.lists(st.tuples(edtf_intervals(closed=True), st.sampled_from(["byline", "metadata"])), max_size=2)
_RETRIEVED = st.none() | st.datetimes(
    min_value=datetime.datetime(2000, 1, 1), max_value=datetime.datetime(2030, 1, 1)
).map(lambda d: d.replace(tzinfo=datetime.UTC))
_QUALIFIERS = st.dictionaries(st.sampled_from(["place", "role"]), words, max_size=2)
_WHEN = st.none() | intervals() | edtf_intervals()
_PATTERNS = {ranked: st.none() | patterns(ranked=ranked) for ranked in (False, True)}
_CUE = st.none() | words
_OCCURRENCE = st.none() | st.integers(1, 3)
_FINDING_IDS = st.lists(st.from_regex(r"f-[0-9a-f]{8}", fullmatch=True), max_size=2, unique=True)


@functools.cache
def _claim_ids(most: int) -> st.SearchStrategy[list[str]]:
    return st.lists(ids.map(lambda i: f"c-{i}"), min_size=0, max_size=most, unique=True)


@st.composite
def claim_sets(draw: st.DrawFn, max_claims: int = 8) -> ClaimSet:
    """A valid claim set in which every reference resolves."""
    entity_ids = draw(_ENTITY_IDS)
    alias_pool = draw(_ALIAS_POOL)
    alias_pool = [a for a in alias_pool if "-".join(a.casefold().split()) not in entity_ids]
    entities = []
    taken: set[str] = set()
    for index, entity_id in enumerate(entity_ids):
        aliases = tuple(alias_pool[index :: len(entity_ids)])
        name = draw(texts)
        if fold(name) in taken:  # a name two entities share is ambiguous where a claim uses it
            name = f"{name} {entity_id}"
        taken.add(fold(name))
        entities.append(
            Entity(
                id=entity_id,
                name=name,
                kind=draw(_ENTITY_KINDS),
                aliases=aliases,
                affiliation=draw(st.none() | st.sampled_from(entity_ids[:index])) if index else None,
                reliability=draw(_RELIABILITIES),
                anonymous=draw(st.booleans()),
                wikidata=draw(_WIKIDATA),
            )
        )
    predicate_ids = draw(_PREDICATE_IDS)
    predicates = []
    for predicate_id in predicate_ids:
        symmetric = draw(st.booleans())
        predicates.append(
            Predicate(
                id=predicate_id,
                label=draw(words),
                kind=draw(_PREDICATE_KINDS),
                functional=draw(st.booleans()),
                symmetric=symmetric,
                inverse=None if symmetric else draw(st.none() | st.just(f"inv-{predicate_id}")),
                tolerance=draw(_TOLERANCE),
                **draw(_RANK),
                margin=draw(_MARGIN),
            )
        )
    source_ids = draw(_SOURCE_IDS)
    sources = tuple(
        Source(
            id=source_id,
            title=draw(texts),
            publisher=draw(st.sampled_from(entity_ids)),
            kind=draw(_SOURCE_KINDS),
            published=draw(_STATED),
            dates=tuple(SourceDate(date=date, where=where) for date, where in draw(_SOURCE_DATES)),
            derived_from=tuple(draw(st.lists(st.sampled_from(source_ids[:index]), unique=True)) if index else ()),
            url=draw(st.none() | st.just(f"https://example.org/{source_id}")),
            retrieved=draw(_RETRIEVED),
        )
        for index, source_id in enumerate(source_ids)
    )
    claim_ids = draw(_claim_ids(max_claims))
    all_predicates = predicate_ids + [p.inverse for p in predicates if p.inverse]
    ranked = {name for p in predicates if p.rank is not None for name in (p.id, p.inverse) if name}
    # Entities may be named as the text writes them: by an alias, in any case.
    names = st.sampled_from(entity_ids) | st.sampled_from(alias_pool or entity_ids).map(str.upper)
    # Built once a set, not once a claim.
    values, predicates_drawn, sources_drawn, vias = (
        objects(entity_ids),
        st.sampled_from(all_predicates),
        st.sampled_from(source_ids),
        st.lists(names, max_size=2),
    )
    claims = []
    for index, claim_id in enumerate(claim_ids):
        proposition = None
        pattern = None
        if draw(st.booleans()):
            predicate = draw(predicates_drawn)
            obj = draw(values)
            if predicate.startswith("inv-") and not isinstance(obj, str):
                obj = entity_ids[0]
            proposition = Proposition(
                subject=draw(names),
                predicate=predicate,
                object=obj,  # type: ignore[arg-type]
                qualifiers=draw(_QUALIFIERS),
                when=draw(_WHEN),
            )
            pattern = draw(_PATTERNS[predicate in ranked])
            if pattern is not None and pattern.last is not None:
                proposition = attrs.evolve(proposition, when=None)
        quote = draw(texts)
        start = draw(_START)
        spanned = draw(st.booleans())
        claims.append(
            Claim(
                id=claim_id,
                statement=draw(texts),
                proposition=proposition,
                polarity=Polarity.AFFIRMED if pattern is not None else draw(_POLARITIES),
                certainty=draw(_CERTAINTIES),
                attribution=Attribution(
                    holder=draw(names),
                    via=tuple(draw(vias)),
                    mode=draw(_MODES),
                    cue=draw(_CUE),
                ),
                evidence=(
                    Evidence(
                        source=draw(sources_drawn),
                        quote=quote,
                        start=start if spanned else None,
                        end=start + len(quote) if spanned else None,
                        occurrence=None if spanned else draw(_OCCURRENCE),
                    ),
                ),
                stated=draw(_STATED),
                pattern=pattern,
                answers=tuple(draw(st.lists(st.sampled_from(claim_ids[:index]), unique=True)) if index else ()),
                draft=draw(st.booleans()),
            )
        )
    acknowledged = tuple(Acknowledgement(finding=finding, note=draw(texts)) for finding in draw(_FINDING_IDS))
    return ClaimSet(
        entities=tuple(entities),
        predicates=tuple(predicates),
        sources=sources,
        claims=tuple(claims),
        acknowledged=acknowledged,
    )


@st.composite
def linked_claim_sets(draw: st.DrawFn, max_claims: int = 12) -> ClaimSet:
    """A valid claim set whose groups also link across slots.

    Places within places (``part_of``, each entity within one listed before it), inverse
    functional and exclusive predicates, places as qualifiers, and claims about claims
    (``regarding``), on top of :func:`claim_sets`.
    """
    claims = draw(claim_sets(max_claims=max_claims))
    entity_ids = [entity.id for entity in claims.entities]
    entities = tuple(
        attrs.evolve(entity, part_of=tuple(draw(st.lists(st.sampled_from(entity_ids[:number]), max_size=1))))
        if number
        else entity
        for number, entity in enumerate(claims.entities)
    )
    plain = [p.id for p in claims.predicates if p.inverse is None]  # symmetric ones too: read from either end
    predicates = []
    for predicate in claims.predicates:
        others = [other for other in plain if other != predicate.id and predicate.id in plain]
        predicates.append(
            attrs.evolve(
                predicate,
                inverse_functional=draw(st.booleans()),
                exclusive_with=tuple(draw(st.lists(st.sampled_from(others), max_size=1))) if others else (),
            )
        )
    rebuilt = []
    for number, claim in enumerate(claims.claims):
        earlier = [other.id for other in claims.claims[:number]]
        regarding = None
        if earlier and draw(st.booleans()):
            stance = draw(_STANCES)
            regarding = Regarding(
                claims=tuple(draw(st.lists(st.sampled_from(earlier), min_size=1, max_size=2, unique=True))),
                party=draw(st.sampled_from(entity_ids)),
                stance=stance,
                days=draw(st.integers(0, 30)) if stance is StanceKind.AFTER else None,
            )
        proposition = claim.proposition
        if proposition is not None and draw(st.booleans()):  # a place qualifier, widened by part_of
            place = draw(st.sampled_from(entity_ids))
            proposition = attrs.evolve(proposition, qualifiers={"place": place})
        rebuilt.append(attrs.evolve(claim, regarding=regarding, proposition=proposition))
    return attrs.evolve(claims, entities=entities, predicates=tuple(predicates), claims=tuple(rebuilt))


# Statements built from everything Markdown gives a meaning to: line breaks, HTML, links, NUL, escapes.
_MARKDOWN_PIECES = [
    *"\r\n\t \\`*_[]()<>|#!~&{}+-=.:/1aZ\"'",
    "\x00",
    "\x1b",
    "<b>",
    "http://x",
    "\r\n",
    "    ",
    "&amp;",
]
markdown_hostile_text = (
    st.lists(st.sampled_from(_MARKDOWN_PIECES), min_size=1, max_size=20).map("".join).filter(str.strip)
)

NEWS_WORDS = (
    "said",
    "told",
    "according to",
    "citing",
    "denied",
    "dismissed",
    "may",
    "reportedly",
    "is expected to",
    "not",
    "no longer",
    "former",
    "U.S.",
    "Oct.",
    "President",
    "Kim",
    "KCNA",
    "Pyongyang",
    "analysts",
    "two people familiar with the matter",
    "a senior official",
    "on Tuesday",
    "last week",
    "earlier this year",
    "in 2019",
    "11,000 troops",
    "visited",
    "met",
    "attend",
    "the",
    "a",
    "of",
    "and",
    "“",
    "”",
    '"',
    ",",
    ".",
    ";",
    ":",
    "?",
    "!",
    "\n",
    "\n\n",
    " ",
    "Mr.",
    "3 p.m.",
    "May",
    "may",
)


@st.composite
def discovery_votes(draw: st.DrawFn, max_votes: int = 24) -> list[Vote]:
    """Votes over a few questions, answers and sources, with weights in (0, 1]."""
    return draw(
        st.lists(
            st.builds(
                Vote,
                question=st.sampled_from(["q0", "q1", "q2", "q3"]),
                answer=st.sampled_from(["a", "b", "c"]),
                source=st.sampled_from(["s0", "s1", "s2", "s3", "s4"]),
                weight=st.sampled_from([0.25, 0.5, 1.0]),
            ),
            min_size=1,
            max_size=max_votes,
        )
    )


@st.composite
def news_texts(draw: st.DrawFn) -> str:
    """Text that looks like news (cue words, names, quotes, dates) mixed with arbitrary characters."""
    parts = draw(st.lists(st.sampled_from(NEWS_WORDS) | st.text(max_size=8), max_size=40))
    return " ".join(parts)


@st.composite
def crowded_claim_sets(draw: st.DrawFn) -> ClaimSet:
    """A claim set dense in findings: exclusive predicates, missing documents, claims read in two sources.

    For the properties that compare ways of checking (single process, incremental,
    distributed): every rule should have something to find in many examples.
    """
    claims = draw(claim_sets(max_claims=12))
    ids = [p.id for p in claims.predicates]
    partner = {p: ids[(n + 1) % len(ids)] for n, p in enumerate(ids) if len(ids) > 1 and draw(st.booleans())}
    predicates = tuple(
        attrs.evolve(
            p, exclusive_with=(partner[p.id],) if p.id in partner else (), inverse_functional=draw(st.booleans())
        )
        for p in claims.predicates
    )
    sources = tuple(
        attrs.evolve(s, document=f"missing/{s.id}.txt") if draw(st.booleans()) else s for s in claims.sources
    )
    names = [s.id for s in sources]
    values = objects([e.id for e in claims.entities])  # built once a set, not once a claim
    rewritten = []
    for claim in claims.claims:
        first = claim.evidence[0]
        if len(names) > 1 and draw(st.booleans()):
            other = draw(st.sampled_from([s for s in names if s != first.source]))
            claim = attrs.evolve(claim, evidence=(first, attrs.evolve(first, source=other)))  # noqa: PLW2901
        rewritten.append(claim)
        proposition = claim.proposition
        if proposition is None:
            continue
        # Echoes of the claim that other rules must catch, with ids no drawn claim has.
        echo = draw(_ECHOES)
        if echo == "denied":
            flipped = Polarity.DENIED if claim.polarity is Polarity.AFFIRMED else Polarity.AFFIRMED
            rewritten.append(
                attrs.evolve(claim, id=f"x-{claim.id}", polarity=flipped, certainty=Certainty.CERTAIN, pattern=None)
            )
        elif echo == "exclusive" and proposition.predicate in partner:
            other_side = attrs.evolve(proposition, predicate=partner[proposition.predicate])
            rewritten.append(
                attrs.evolve(claim, id=f"y-{claim.id}", proposition=other_side, polarity=Polarity.AFFIRMED)
            )
        elif echo == "other value":
            value = draw(values)
            if not proposition.predicate.startswith("inv-") or isinstance(value, str):
                changed = attrs.evolve(proposition, object=value)
                rewritten.append(attrs.evolve(claim, id=f"z-{claim.id}", proposition=changed))
    # Claims about claims: a party's stance on a claim, and on the claim it answers.
    entities = [e.id for e in claims.entities]
    for claim in claims.claims:
        if claim.proposition is None or not draw(st.booleans()):
            continue
        stance = draw(_STANCES)
        regarding = Regarding(
            claims=(claim.id, *claim.answers[:1]),
            party=draw(st.sampled_from(entities)),
            stance=stance,
            on=draw(_ON) if stance is not StanceKind.AFTER else None,
            days=draw(st.integers(1, 400)) if stance is StanceKind.AFTER else None,
        )
        about = attrs.evolve(claim, id=f"r-{claim.id}", proposition=None, pattern=None, answers=(), regarding=regarding)
        rewritten.append(about)
    return attrs.evolve(claims, predicates=predicates, sources=sources, claims=tuple(rewritten))


@st.composite
def slot_values(draw: st.DrawFn, max_size: int = 14) -> tuple[dict[str, object], Predicate]:
    """The typed values of one functional slot, keyed as assessment keys them, and its predicate.

    Small amounts and a few years, so that ranges meet and nest; a unit that does not
    convert now and then, so that quantities fall apart; entities and texts besides.
    """
    amounts = st.integers(0, 40)
    quantity = st.one_of(
        amounts.map(lambda n: Quantity(amount=n)),
        st.tuples(amounts, amounts, amounts).map(lambda t: Quantity(amount=sorted(t)[1], lower=min(t), upper=max(t))),
        st.tuples(amounts, st.sampled_from([Estimate.ABOUT, Estimate.AT_LEAST, Estimate.UP_TO])).map(
            lambda t: Quantity(amount=t[0], estimate=t[1])
        ),
    )
    unit = draw(st.sampled_from([None, None, "km", "troops"]))
    objects = st.one_of(
        st.tuples(quantity, st.sampled_from([unit, unit, unit, "miles"])).map(lambda t: attrs.evolve(t[0], unit=t[1])),
        partial_dates((2000, 2002)).map(lambda d: DateValue(date=Interval(d, d))),
        intervals((2000, 2002), open_ends=False).map(lambda i: DateValue(date=i)),
        st.sampled_from(["alpha", "beta", "gamma"]),
        st.sampled_from(["one", "two"]).map(lambda t: TextValue(text=t)),
    )
    values = {str(object_key(value)): value for value in draw(st.lists(objects, max_size=max_size))}
    tolerance = draw(st.sampled_from([0.0, 0.1, 0.3]))
    margin = draw(st.sampled_from([None, Quantity(amount=2, unit=unit)]))
    predicate = Predicate(
        id="p", label="p", kind=PredicateKind.STATE, functional=True, tolerance=tolerance, margin=margin
    )
    return dict(sorted(values.items())), predicate


@st.composite
def dated_slot_claims(draw: st.DrawFn, max_size: int = 12) -> list[tuple[object, Interval, str]]:
    """The value, valid time and certainty of each claim of one functional slot, every claim dated.

    Few values given many times, over terms of a few years that overlap in chains, so
    that the sets of claims alive together follow each other with the same values
    clashing, or with a value more or less; figures in units that convert or not (a
    ``distance`` with a margin in km), places, and date values (``2011~`` among them).
    """
    values = st.one_of(
        st.sampled_from(["dprk", "russia", "prc"]),
        st.builds(
            Quantity,
            amount=st.integers(1, 6).map(lambda n: n * 500),
            unit=st.sampled_from([None, "km", "miles", "troops"]),
        ),
        st.sampled_from(["2011", "2011-06", "2011~", "2012"]).map(lambda text: DateValue(date=Interval.parse(text))),
    )
    few = draw(st.lists(values, min_size=1, max_size=4))
    return [
        (
            draw(st.sampled_from(few)),
            draw(intervals((2010, 2013))),
            draw(st.sampled_from(["certain", "certain", "probable", "possible"])),
        )
        for _ in range(draw(st.integers(2, max_size)))
    ]


@st.composite
def mixed_unit_slots(draw: st.DrawFn, max_size: int = 10) -> tuple[dict[str, object], Predicate]:
    """A functional slot of figures in units that convert (km, miles, metres) and units that do not (troops, tanks).

    Each figure gives a unit; a margin, when drawn, is in km (it does not convert for troops).
    """
    figures = st.builds(
        Quantity,
        amount=st.integers(0, 40),
        unit=st.sampled_from(["km", "miles", "m", "troops", "tanks"]),
        estimate=st.sampled_from([None, Estimate.ABOUT]),
    )
    values = {str(object_key(value)): value for value in draw(st.lists(figures, max_size=max_size))}
    predicate = Predicate(
        id="p",
        label="p",
        kind=PredicateKind.STATE,
        functional=True,
        tolerance=draw(st.sampled_from([0.0, 0.1, 0.3])),
        margin=draw(st.sampled_from([None, Quantity(amount=2, unit="km")])),
    )
    return dict(sorted(values.items())), predicate


@st.composite
def many_question_votes(draw: st.DrawFn, max_votes: int = 120) -> list[Vote]:
    """Votes over up to 30 questions and 7 sources: pairs of sources share values on many questions."""
    return draw(
        st.lists(
            st.builds(
                Vote,
                question=st.sampled_from([f"q{q:02d}" for q in range(30)]),
                answer=st.sampled_from(["a", "b", "c", "d"]),
                source=st.sampled_from([f"s{s}" for s in range(7)]),
                weight=st.sampled_from([0.25, 0.5, 1.0]),
            ),
            min_size=1,
            max_size=max_votes,
        )
    )


time_words = st.sampled_from(
    [
        "on Tuesday",
        "last week",
        "this month",
        "earlier this year",
        "in six years",
        "two days ago",
        "yesterday",
        "in October",
        "two days after the strike",
        "before the port strike",
        "since the strike",
        "October 2025",
        "Wednesday, 29 October 2025",
    ]
)
"""A proposition's ``when`` in words, of each form resolve_when reads (events: "the strike", "the port strike")."""

anchor_days = st.dates(min_value=datetime.date(2021, 1, 1), max_value=datetime.date(2030, 12, 31))
"""A day words for time are counted from."""


def wrong_arguments() -> st.SearchStrategy[object]:
    """Values no public function takes as its first argument: no text, path, factlog object or empty list.

    Lists and dicts hold numbers (a list of numbers is no list of paths, ids or rows); a
    list is never empty, as an empty list of rows or events is a right argument.
    """
    return st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=False),
        st.lists(st.integers(), min_size=1, max_size=3),
        st.dictionaries(st.integers(), st.integers(), max_size=2),
        st.builds(object),
    )


# What findings_with_dates draws that depends on nothing drawn: built once, not once a finding.
_RULES = st.sampled_from(["opposed_claims", "conflicting_values", "undeclared_copying", "unknown_rule"])
_SIDES = st.lists(st.tuples(words, st.lists(ids, max_size=4)), max_size=3)
_SEVERITIES = st.sampled_from(list(Severity))
_MESSAGES = st.one_of(texts, st.text(max_size=3000))
_NOTES = st.none() | texts


@st.composite
def findings_with_dates(draw: st.DrawFn, max_size: int = 40) -> list[tuple[Finding, tuple[int, int]]]:
    """Findings of a few rules (shared ids, long messages, acknowledged ones), each with a first date's sort key."""
    found = []
    for _ in range(draw(st.integers(0, max_size))):
        rule = draw(_RULES)
        claims = draw(_SIDES)
        own = finding_id(rule, [claim for _, side in claims for claim in side])
        finding = Finding(
            rule=rule,
            severity=draw(_SEVERITIES),
            message=draw(_MESSAGES),
            claims=claims,
            id=draw(st.sampled_from(["f-" + "0" * 20, "f-" + "1" * 20, own])),
            acknowledged=draw(st.booleans()),
            note=draw(_NOTES),
        )
        found.append((finding, (draw(st.integers(0, 3)), draw(st.integers(0, 3)))))
    return found


_CANONICAL_NAMES = ("dprk", "russia", "prc", "kursk", "sudzha")
_WRITTEN_NAMES = ("DPRK", "Pyongyang", "north korea", "Moscow", "Beijing", "the Kursk region", "Sudzha")
_WRITTEN_PREDICATES = ("supplies-weapons-to", "receives-weapons-from", "allied-with", "fights-in", "troops-deployed")
_INVERSES = inverse_names(helpers.PREDICATES)


@st.composite
def written_claim_sets(draw: st.DrawFn, max_claims: int = 24) -> ClaimSet:
    """Claims of the shared world (``tests.helpers``) written as a text may write them.

    Entities by id, alias or name in any case, inverse and symmetric predicates either way
    round, qualifiers naming places by alias, quantities, several objects, no proposition:
    every way a proposition can differ from its canonical form, and the canonical forms.
    """
    names = st.sampled_from(_CANONICAL_NAMES) | st.sampled_from(_WRITTEN_NAMES)
    entities = names | st.lists(names, min_size=2, max_size=2).map(tuple)
    drawn = []
    for number in range(draw(st.integers(1, max_claims))):
        predicate = draw(st.sampled_from(_WRITTEN_PREDICATES))
        # A claim read the other way round needs entities as its object (ClaimSet refuses others).
        obj = draw(entities if predicate in _INVERSES else st.none() | st.integers(1, 3) | entities)
        if isinstance(obj, tuple) and len({fold(n) for n in obj}) < len(obj):
            obj = obj[0]
        drawn.append(
            helpers.claim(
                f"c{number}",
                draw(st.none() | names),
                predicate,
                obj,
                draw(st.none() | st.sampled_from(["2024", "2023/2025", "2025-03-01", "2019/"])),
                denied=draw(st.booleans()),
                qualifiers=draw(st.dictionaries(st.just("place"), names, max_size=1)),
                source=draw(st.sampled_from(["s1", "s2", "s3"])),
            )
        )
    return helpers.world(*drawn)


_TIED_WHENS = (
    "2015",
    "2015-01",
    "2015-01-01",
    "2015-12",
    "2015/2016",
    "2015-01/2015-06",
    "2014/2015",
    "2015-06/..",
    "../2015-01",
    "2015/",
    "/2015",
)


@st.composite
def tied_time_claim_sets(draw: st.DrawFn, max_claims: int = 6) -> ClaimSet:
    """Claims of one visit and one troop count at times that start or end on one day (``2015``, ``2015-01``, ...).

    For the properties of time labels: a proposition's span is the earliest start and the
    latest end of its claims, and these ties are where the claims' order could pick the words.
    """
    drawn = []
    for number in range(draw(st.integers(2, max_claims))):
        counted = draw(st.booleans())
        drawn.append(
            helpers.claim(
                f"t{number}",
                "dprk",
                "troops-deployed" if counted else "visits",
                draw(st.sampled_from([1000, 1100])) if counted else "russia",
                draw(st.sampled_from(_TIED_WHENS)),
                denied=draw(st.booleans()),
                source=draw(st.sampled_from(["s1", "s2", "s5"])),
                holder=draw(st.sampled_from(["author", "wire", "paper-b"])),
            )
        )
    return helpers.world(*drawn)


_LOG_WHENS = ("2025-10-20", "../2025-10-20", "2025-10-20/..", "two days after the strike", "on Tuesday", None)


def _log_when(text: str | None) -> Interval | None:
    """A ``when`` as a loaded file gives it: words resolved (their days do not matter: the log keeps the words)."""
    if text is None or text[0].isdigit() or text.startswith(".."):
        return None if text is None else Interval.parse(text)
    return WrittenWhen.resolve(text, "2025-10-30", events={"the strike": "2025-10-20"})


_LOG_ENTITIES = (
    Entity(id="strike", name="the strike", kind=EntityKind.EVENT),
    Entity(id="strike", name="the strike", kind=EntityKind.PLACE),
    Entity(id="other", name="The Strike", kind=EntityKind.EVENT),
    Entity(id="other", name="Other", kind=EntityKind.EVENT),
    Entity(id="dprk", name="North Korea", kind=EntityKind.COUNTRY),
    Entity(id="dprk", name="North Korea", kind=EntityKind.COUNTRY, aliases=("Pyongyang",)),
    Entity(id="film", name="North Korea", kind=EntityKind.OTHER),
    Entity(id="pyongyang", name="Pyongyang (city)", kind=EntityKind.PLACE),
    Entity(id="town", name="Pyongyang", kind=EntityKind.PLACE),
)
_LOG_PREDICATES = (
    Predicate(id="p", label="p", kind=PredicateKind.EVENT),
    Predicate(id="p", label="p", kind=PredicateKind.EVENT, inverse="q"),
    Predicate(id="p", label="p", kind=PredicateKind.EVENT, inverse="q2"),
    Predicate(id="r", label="r", kind=PredicateKind.EVENT, scale="level", rank=1),
    Predicate(id="r", label="r", kind=PredicateKind.EVENT),
)
_LOG_INVERSE_DECLARED = Predicate(id="q", label="q", kind=PredicateKind.EVENT)
"""Predicate ``q``: declared, the claims written with ``p``'s inverse ``q`` would be read forwards."""


@st.composite
def log_records(draw: st.DrawFn, words: bool = True) -> object:
    """One record of a claim log, from a small world whose records can refuse each other.

    Predicate ``p`` with no inverse, inverse ``q`` or inverse ``q2``, ``r`` with or
    without a rank, an event named "the strike" and a second event that may bear the
    name too; North Korea with or without its alias "Pyongyang", a film named "North
    Korea" too, a city whose id is "pyongyang", a town named "Pyongyang", a predicate
    ``q`` of its own; sources ``s1`` and ``s2`` with or without
    a date, each with or without deriving from the other; claims read either way round
    with an entity or a figure, naming North Korea by id, alias or name (as subject,
    holder, relay or qualifier), in words or dates, with or without a "highest since"
    pattern; retractions of those claims. Without ``words``, only what references
    change: no events, no ``r``, claims dated and without a pattern.
    """
    kind = draw(st.sampled_from(["entity", "entity", "predicate", "predicate", "source", "claim", "claim", "claim"]))
    kind = "retraction" if kind == "claim" and draw(st.integers(0, 5)) == 0 else kind
    if kind == "entity":
        return draw(st.sampled_from(_LOG_ENTITIES if words else _LOG_ENTITIES[4:]))
    if kind == "predicate":
        return draw(st.sampled_from([*(_LOG_PREDICATES if words else _LOG_PREDICATES[:3]), _LOG_INVERSE_DECLARED]))
    if kind == "source":
        published = draw(st.sampled_from([PartialDate.parse("2025-10-30"), None]))
        source, other = draw(st.sampled_from([("s1", "s2"), ("s2", "s1")]))
        derived = draw(st.sampled_from([(), (other,)]))
        return Source(id=source, title="Report", publisher="author", published=published, derived_from=derived)
    claim_id = draw(st.sampled_from(["c0", "c1", "c2", "c3"]))
    if kind == "retraction":
        return Retraction(claim=claim_id, reason="withdrawn")
    subjects = ["dprk", "strike", "the strike", "Pyongyang", "North Korea"] if words else ["dprk", "Pyongyang"]
    proposition = Proposition(
        subject=draw(st.sampled_from(subjects)),
        predicate=draw(st.sampled_from(["p", "q", "q", "q2", "r"] if words else ["p", "q", "q2"])),
        object=draw(st.sampled_from(["dprk", "dprk", Quantity(amount=5)] if words else ["dprk", "North Korea"])),
        qualifiers=draw(st.sampled_from([{}, {}, {"place": "North Korea"}])),
        when=_log_when(draw(st.sampled_from(_LOG_WHENS if words else _LOG_WHENS[:3]))),
    )
    quote = f"quote {claim_id}"
    polarity = draw(st.sampled_from([Polarity.AFFIRMED, Polarity.AFFIRMED, Polarity.DENIED]))
    ranked = words and polarity is Polarity.AFFIRMED and draw(st.booleans())  # a pattern is affirmed
    return Claim(
        id=claim_id,
        statement=f"Statement {claim_id}.",
        proposition=proposition,
        polarity=polarity,
        attribution=Attribution(
            holder=draw(st.sampled_from(["author", "author", "North Korea"])),
            via=draw(st.sampled_from([(), (), ("Pyongyang",)])),
        ),
        evidence=(Evidence(source=draw(st.sampled_from(["s1", "s2", "s9"])), quote=quote, start=0, end=len(quote)),),
        stated=draw(st.sampled_from([None, Interval.parse("2025-10-30")])),
        pattern=Pattern(highest_since=Interval.parse("2019")) if ranked else None,
    )


def _log_key(record: object) -> tuple[str, str]:
    if isinstance(record, Retraction):
        return "claim", record.claim
    return type(record).__name__.casefold(), str(getattr(record, "id", ""))


def _log_calls(records: st.SearchStrategy[object]) -> st.SearchStrategy[list[tuple[list[object], bool, str]]]:
    return st.lists(
        st.tuples(
            st.lists(records, min_size=1, max_size=3, unique_by=_log_key),
            st.sampled_from([True, True, False]),
            st.sampled_from(["append", "append", "append", "import"]),
        ),
        min_size=1,
        max_size=10,
    )


log_appends = _log_calls(log_records())
"""A sequence of calls: (records, ``replace``, ``append`` or ``import`` of them as a JSON Lines log, which
replaces whatever ``replace`` says); each call's records of distinct ids."""
log_reference_appends = _log_calls(log_records(words=False))
"""Calls as :data:`log_appends` gives them, of records that change only what references resolve to."""
