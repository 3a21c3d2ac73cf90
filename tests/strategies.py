"""Hypothesis strategies for factlog's model: every generated claim set is valid."""

from __future__ import annotations

import calendar
import datetime

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
    Evidence,
    Interval,
    Mode,
    PartialDate,
    Polarity,
    Predicate,
    PredicateKind,
    Proposition,
    Quantity,
    Reliability,
    Source,
    SourceKind,
    TextValue,
)

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


numbers = st.one_of(
    st.integers(-(10**12), 10**12), st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12)
)


@st.composite
def quantities(draw: st.DrawFn) -> Quantity:
    amount = draw(numbers)
    lower = draw(st.none() | st.just(amount) | numbers.filter(lambda n: n <= amount))
    upper = draw(st.none() | numbers.filter(lambda n: n >= amount))
    return Quantity(amount=amount, lower=lower, upper=upper, unit=draw(st.none() | words))


def objects(entity_ids: list[str]) -> st.SearchStrategy[object]:
    return st.one_of(
        st.none(),
        st.sampled_from(entity_ids),
        texts.map(lambda t: TextValue(text=t)),
        intervals().map(lambda i: DateValue(date=i)),
        quantities(),
    )


@st.composite
def claim_sets(draw: st.DrawFn, max_claims: int = 8) -> ClaimSet:
    """A valid claim set in which every reference resolves."""
    entity_ids = draw(st.lists(ids, min_size=1, max_size=6, unique=True))
    alias_pool = draw(st.lists(words, max_size=6, unique_by=lambda w: "-".join(w.casefold().split())))
    alias_pool = [a for a in alias_pool if "-".join(a.casefold().split()) not in entity_ids]
    entities = []
    for index, entity_id in enumerate(entity_ids):
        aliases = tuple(alias_pool[index :: len(entity_ids)])
        entities.append(
            Entity(
                id=entity_id,
                name=draw(texts),
                kind=draw(st.sampled_from(EntityKind)),
                aliases=aliases,
                affiliation=draw(st.none() | st.sampled_from(entity_ids)),
                reliability=draw(st.sampled_from(Reliability)),
                anonymous=draw(st.booleans()),
                wikidata=draw(st.none() | st.integers(1, 10**6).map(lambda n: f"Q{n}")),
            )
        )
    predicate_ids = draw(st.lists(ids.map(lambda i: f"p-{i}"), min_size=1, max_size=4, unique=True))
    predicates = []
    for predicate_id in predicate_ids:
        symmetric = draw(st.booleans())
        predicates.append(
            Predicate(
                id=predicate_id,
                label=draw(words),
                kind=draw(st.sampled_from(PredicateKind)),
                functional=draw(st.booleans()),
                symmetric=symmetric,
                inverse=None if symmetric else draw(st.none() | st.just(f"inv-{predicate_id}")),
                tolerance=draw(st.sampled_from([0.0, 0.1, 0.25])),
            )
        )
    source_ids = draw(st.lists(ids.map(lambda i: f"s-{i}"), min_size=1, max_size=4, unique=True))
    sources = tuple(
        Source(
            id=source_id,
            title=draw(texts),
            publisher=draw(st.sampled_from(entity_ids)),
            kind=draw(st.sampled_from(SourceKind)),
            published=draw(st.none() | partial_dates()),
            derived_from=tuple(draw(st.lists(st.sampled_from(source_ids[:index]), unique=True)) if index else ()),
            url=draw(st.none() | st.just(f"https://example.org/{source_id}")),
            retrieved=draw(
                st.none()
                | st.datetimes(min_value=datetime.datetime(2000, 1, 1), max_value=datetime.datetime(2030, 1, 1)).map(
                    lambda d: d.replace(tzinfo=datetime.UTC)
                )
            ),
        )
        for index, source_id in enumerate(source_ids)
    )
    claim_ids = draw(st.lists(ids.map(lambda i: f"c-{i}"), min_size=0, max_size=max_claims, unique=True))
    all_predicates = predicate_ids + [p.inverse for p in predicates if p.inverse]
    claims = []
    for index, claim_id in enumerate(claim_ids):
        proposition = None
        if draw(st.booleans()):
            predicate = draw(st.sampled_from(all_predicates))
            obj = draw(objects(entity_ids))
            if predicate.startswith("inv-") and not isinstance(obj, str):
                obj = entity_ids[0]
            proposition = Proposition(
                subject=draw(st.sampled_from(entity_ids)),
                predicate=predicate,
                object=obj,  # type: ignore[arg-type]
                qualifiers=draw(st.dictionaries(st.sampled_from(["place", "role"]), words, max_size=2)),
                when=draw(st.none() | intervals()),
            )
        quote = draw(texts)
        start = draw(st.integers(0, 5000))
        claims.append(
            Claim(
                id=claim_id,
                statement=draw(texts),
                proposition=proposition,
                polarity=draw(st.sampled_from(Polarity)),
                certainty=draw(st.sampled_from(Certainty)),
                attribution=Attribution(
                    holder=draw(st.sampled_from(entity_ids)),
                    via=tuple(draw(st.lists(st.sampled_from(entity_ids), max_size=2))),
                    mode=draw(st.sampled_from(Mode)),
                    cue=draw(st.none() | words),
                ),
                evidence=(
                    Evidence(
                        source=draw(st.sampled_from(source_ids)), quote=quote, start=start, end=start + len(quote)
                    ),
                ),
                stated=draw(st.none() | partial_dates()),
                answers=tuple(draw(st.lists(st.sampled_from(claim_ids[:index]), unique=True)) if index else ()),
            )
        )
    acknowledged = tuple(
        Acknowledgement(finding=finding, note=draw(texts))
        for finding in draw(st.lists(st.from_regex(r"f-[0-9a-f]{8}", fullmatch=True), max_size=2, unique=True))
    )
    return ClaimSet(
        entities=tuple(entities),
        predicates=tuple(predicates),
        sources=sources,
        claims=tuple(claims),
        acknowledged=acknowledged,
    )


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
        attrs.evolve(p, exclusive_with=(partner[p.id],)) if p.id in partner else p for p in claims.predicates
    )
    sources = tuple(
        attrs.evolve(s, document=f"missing/{s.id}.txt") if draw(st.booleans()) else s for s in claims.sources
    )
    names = [s.id for s in sources]
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
        echo = draw(st.sampled_from(["none", "denied", "exclusive", "other value"]))
        if echo == "denied":
            flipped = Polarity.DENIED if claim.polarity is Polarity.AFFIRMED else Polarity.AFFIRMED
            rewritten.append(attrs.evolve(claim, id=f"x-{claim.id}", polarity=flipped, certainty=Certainty.CERTAIN))
        elif echo == "exclusive" and proposition.predicate in partner:
            other_side = attrs.evolve(proposition, predicate=partner[proposition.predicate])
            rewritten.append(
                attrs.evolve(claim, id=f"y-{claim.id}", proposition=other_side, polarity=Polarity.AFFIRMED)
            )
        elif echo == "other value":
            value = draw(objects([e.id for e in claims.entities]))
            if not proposition.predicate.startswith("inv-") or isinstance(value, str):
                changed = attrs.evolve(proposition, object=value)
                rewritten.append(attrs.evolve(claim, id=f"z-{claim.id}", proposition=changed))
    return attrs.evolve(claims, predicates=predicates, sources=sources, claims=tuple(rewritten))
