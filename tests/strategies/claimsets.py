"""Strategies for whole claim sets: every generated set is valid, its ids and references resolved."""

from __future__ import annotations

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
    Entity,
    EntityKind,
    Evidence,
    Mode,
    Polarity,
    Predicate,
    PredicateKind,
    Proposition,
    Quantity,
    Regarding,
    Reliability,
    Source,
    SourceDate,
    SourceKind,
    StanceKind,
)
from factlog.model._vocabulary import fold
from tests.strategies.values import edtf_intervals, ids, intervals, objects, partial_dates, patterns, texts, words

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
STANCES = st.sampled_from(StanceKind)
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
_FINDING_IDS = st.lists(st.text("0123456789abcdef", min_size=8, max_size=8).map("f-".__add__), max_size=2, unique=True)


@functools.cache
def _earlier(count: int) -> st.SearchStrategy[int | None]:
    """None, or the place of one of ``count`` things listed before."""
    return st.none() | st.integers(0, count - 1)


@functools.cache
def place_of(count: int) -> st.SearchStrategy[int]:
    """The place of one of ``count`` things."""
    return st.integers(0, count - 1)


@functools.cache
def _places(count: int, most: int | None = None) -> st.SearchStrategy[list[int]]:
    """The places of distinct things among ``count``, in any order (at most ``most``)."""
    return st.lists(st.sampled_from(range(count)), unique=True, max_size=most)


def _at(listed: list[str], place: int | None) -> str | None:
    return None if place is None else listed[place]


@functools.cache
def _some_places(count: int) -> st.SearchStrategy[list[int]]:
    """The places of one or two distinct things among ``count``, in any order."""
    return st.lists(st.sampled_from(range(count)), min_size=1, max_size=2, unique=True)


_REGARDING_DAYS = st.integers(0, 30)


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
                affiliation=_at(entity_ids, draw(_earlier(index))) if index else None,
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
                inverse=None if symmetric or draw(st.booleans()) else f"inv-{predicate_id}",
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
            publisher=entity_ids[draw(place_of(len(entity_ids)))],
            kind=draw(_SOURCE_KINDS),
            published=draw(_STATED),
            dates=tuple(SourceDate(date=date, where=where) for date, where in draw(_SOURCE_DATES)),
            derived_from=tuple(source_ids[n] for n in draw(_places(index))) if index else (),
            url=None if draw(st.booleans()) else f"https://example.org/{source_id}",
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
                answers=tuple(claim_ids[n] for n in draw(_places(index))) if index else (),
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
        attrs.evolve(entity, part_of=tuple(entity_ids[n] for n in draw(_places(number, 1)))) if number else entity
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
                exclusive_with=tuple(others[n] for n in draw(_places(len(others), 1))) if others else (),
            )
        )
    rebuilt = []
    for number, claim in enumerate(claims.claims):
        earlier = [other.id for other in claims.claims[:number]]
        regarding = None
        if earlier and draw(st.booleans()):
            stance = draw(STANCES)
            regarding = Regarding(
                claims=tuple(earlier[n] for n in draw(_some_places(len(earlier)))),
                party=entity_ids[draw(place_of(len(entity_ids)))],
                stance=stance,
                days=draw(_REGARDING_DAYS) if stance is StanceKind.AFTER else None,
            )
        proposition = claim.proposition
        if proposition is not None and draw(st.booleans()):  # a place qualifier, widened by part_of
            place = entity_ids[draw(place_of(len(entity_ids)))]
            proposition = attrs.evolve(proposition, qualifiers={"place": place})
        rebuilt.append(attrs.evolve(claim, regarding=regarding, proposition=proposition))
    return attrs.evolve(claims, entities=entities, predicates=tuple(predicates), claims=tuple(rebuilt))
