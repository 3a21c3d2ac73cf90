"""Strategies for crowded data: many sources on one question, slot values, votes, news and Markdown text."""

from __future__ import annotations

import attrs
from hypothesis import strategies as st

from factlog import (
    Certainty,
    Claim,
    ClaimSet,
    DateValue,
    Estimate,
    Interval,
    Polarity,
    Predicate,
    PredicateKind,
    Quantity,
    Regarding,
    StanceKind,
    TextValue,
)
from factlog.analysis._discovery import Vote
from factlog.model._vocabulary import object_key
from tests.strategies.claimsets import STANCES, claim_sets, place_of
from tests.strategies.values import intervals, objects, partial_dates

# What crowded_claim_sets draws that depends on nothing drawn: built once, not once a draw.
_ECHOES = st.sampled_from(["none", "denied", "exclusive", "other value"])
_ON = st.none() | partial_dates()
_AFTER_DAYS = st.integers(1, 400)

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


def exclusive_echo(claim: Claim, predicate: str, ranked: set[str]) -> Claim:
    """The claim affirmed of an exclusive ``predicate`` instead, its id ``y-`` and its own; ``ranked``: scaled ones.

    A ``highest_since`` pattern asks for a rank: kept only where ``predicate`` has one
    (a set with it on a predicate without rank is refused, :class:`~factlog.FieldError`).
    """
    assert claim.proposition is not None
    pattern = claim.pattern
    if pattern is not None and pattern.highest_since is not None and predicate not in ranked:
        pattern = None
    other_side = attrs.evolve(claim.proposition, predicate=predicate)
    return attrs.evolve(claim, id=f"y-{claim.id}", proposition=other_side, polarity=Polarity.AFFIRMED, pattern=pattern)


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
    ranked = {p.id for p in predicates if p.scale is not None}  # where a highest_since pattern may go
    rewritten = []
    for claim in claims.claims:
        first = claim.evidence[0]
        if len(names) > 1 and draw(st.booleans()):
            others = [s for s in names if s != first.source]
            other = others[draw(place_of(len(others)))]
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
            rewritten.append(exclusive_echo(claim, partner[proposition.predicate], ranked))
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
        stance = draw(STANCES)
        regarding = Regarding(
            claims=(claim.id, *claim.answers[:1]),
            party=entities[draw(place_of(len(entities)))],
            stance=stance,
            on=draw(_ON) if stance is not StanceKind.AFTER else None,
            days=draw(_AFTER_DAYS) if stance is StanceKind.AFTER else None,
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
