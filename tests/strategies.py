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
    Pattern,
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
from factlog.model._vocabulary import fold

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
        st.lists(st.sampled_from(entity_ids), min_size=1, max_size=3, unique=True).map(tuple),
        texts.map(lambda t: TextValue(text=t)),
        intervals().map(lambda i: DateValue(date=i)),
        quantities(),
    )


@st.composite
def patterns(draw: st.DrawFn, ranked: bool = False) -> Pattern:
    """An everyday pattern: 'the last X was in Y', 'the first X since Y', 'the first in N years'.

    With ``ranked`` (the predicate has a rank) also 'the highest-level X since Y'.
    """
    kind = draw(st.sampled_from(["last", "since", "years", *(["highest_since"] if ranked else [])]))
    value: object = draw(st.integers(1, 30)) if kind == "years" else draw(intervals(open_ends=False))
    return Pattern(**{kind: value}, until=draw(st.none() | partial_dates()))  # type: ignore[arg-type]


@st.composite
def claim_sets(draw: st.DrawFn, max_claims: int = 8) -> ClaimSet:
    """A valid claim set in which every reference resolves."""
    entity_ids = draw(st.lists(ids, min_size=1, max_size=6, unique=True))
    alias_pool = draw(st.lists(words, max_size=6, unique_by=lambda w: "-".join(w.casefold().split())))
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
                kind=draw(st.sampled_from(EntityKind)),
                aliases=aliases,
                affiliation=draw(st.none() | st.sampled_from(entity_ids[:index])) if index else None,
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
                **draw(st.just({}) | st.integers(0, 3).map(lambda rank: {"scale": "level", "rank": rank})),
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
    ranked = {name for p in predicates if p.rank is not None for name in (p.id, p.inverse) if name}
    # Entities may be named as the text writes them: by an alias, in any case.
    names = st.sampled_from(entity_ids) | st.sampled_from(alias_pool or entity_ids).map(str.upper)
    claims = []
    for index, claim_id in enumerate(claim_ids):
        proposition = None
        pattern = None
        if draw(st.booleans()):
            predicate = draw(st.sampled_from(all_predicates))
            obj = draw(objects(entity_ids))
            if predicate.startswith("inv-") and not isinstance(obj, str):
                obj = entity_ids[0]
            proposition = Proposition(
                subject=draw(names),
                predicate=predicate,
                object=obj,  # type: ignore[arg-type]
                qualifiers=draw(st.dictionaries(st.sampled_from(["place", "role"]), words, max_size=2)),
                when=draw(st.none() | intervals()),
            )
            pattern = draw(st.none() | patterns(ranked=predicate in ranked))
            if pattern is not None and pattern.last is not None:
                proposition = attrs.evolve(proposition, when=None)
        quote = draw(texts)
        start = draw(st.integers(0, 5000))
        spanned = draw(st.booleans())
        claims.append(
            Claim(
                id=claim_id,
                statement=draw(texts),
                proposition=proposition,
                polarity=Polarity.AFFIRMED if pattern is not None else draw(st.sampled_from(Polarity)),
                certainty=draw(st.sampled_from(Certainty)),
                attribution=Attribution(
                    holder=draw(names),
                    via=tuple(draw(st.lists(names, max_size=2))),
                    mode=draw(st.sampled_from(Mode)),
                    cue=draw(st.none() | words),
                ),
                evidence=(
                    Evidence(
                        source=draw(st.sampled_from(source_ids)),
                        quote=quote,
                        start=start if spanned else None,
                        end=start + len(quote) if spanned else None,
                        occurrence=None if spanned else draw(st.none() | st.integers(1, 3)),
                    ),
                ),
                stated=draw(st.none() | partial_dates()),
                pattern=pattern,
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
