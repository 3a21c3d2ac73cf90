"""What factlog concludes depends on what ids refer to, never on how they are spelled, sorted or declared in order.

Each property renames one kind of id (or all) one to one in a way that changes how they
sort (:mod:`tests.renaming`), or shuffles the order of the declarations, or splits the
set into two files read in either order, and compares what a user reads in the old names:
the findings (rule, severity, sides), every method's assessment (status, credibility,
belief to the printed places, origins for and against) and the events' conflicts.
Finding ids are hashes of the claim ids and change with them; the order of findings
may follow the ids; neither is compared.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import attrs
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import factlog
from benchmarks.generate import generate
from tests import renaming
from tests.strategies import echoed_claim_sets, ids, linked_claim_sets

ALL = renaming.KINDS
KINDS = st.sampled_from([(kind,) for kind in ALL] + [ALL])
METHODS = ("majority", "accuvote", "accucopy", "truthfinder")


def _read(claims: factlog.ClaimSet, back: renaming.Names, methods: tuple[str, ...] = METHODS) -> list[object]:
    return [
        renaming.findings(claims, back),
        renaming.conflicts(claims, back),
        *(renaming.assessed(claims, back, method) for method in methods),
    ]


@settings(max_examples=25)
@given(linked_claim_sets(max_claims=8), KINDS, st.sampled_from(renaming.WAYS), st.integers(0, 99))
def test_renaming_ids_leaves_the_conclusions_unchanged(
    claims: factlog.ClaimSet, kinds: tuple[str, ...], way: str, seed: int
) -> None:
    """Entity, alias, predicate, source and claim ids renamed: the same findings, assessments and conflicts."""
    renamed, back = renaming.renamed_set(claims, kinds, way, seed)
    assert _read(renamed, back) == _read(claims, {})


@settings(max_examples=15)
@given(echoed_claim_sets(), KINDS, st.sampled_from(renaming.WAYS), st.integers(0, 99))
def test_renaming_ids_leaves_echoes_unchanged(
    claims: factlog.ClaimSet, kinds: tuple[str, ...], way: str, seed: int
) -> None:
    """Publishers printing one wording: renamed ids give the same shared_wording findings and origins counted."""
    renamed, back = renaming.renamed_set(claims, kinds, way, seed)
    assert _read(renamed, back) == _read(claims, {})


_PAIRS = (
    factlog.Predicate(id="p-one", label="one", kind=factlog.PredicateKind.STATE, symmetric=True, functional=True),
    factlog.Predicate(
        id="p-two", label="two", kind=factlog.PredicateKind.EVENT, symmetric=True, inverse_functional=True
    ),
    factlog.Predicate(
        id="p-ally", label="ally", kind=factlog.PredicateKind.STATE, symmetric=True, exclusive_with=("p-war",)
    ),
    factlog.Predicate(id="p-war", label="war", kind=factlog.PredicateKind.STATE),
)


@st.composite
def symmetric_claim_sets(draw: st.DrawFn) -> factlog.ClaimSet:
    """Two to eight claims pairing three or four entities under symmetric predicates, one to one or exclusive."""
    entities = draw(st.lists(ids, min_size=3, max_size=4, unique=True))
    sources = ("s-a", "s-b")
    claims = []
    for number in range(draw(st.integers(2, 8))):
        when = draw(st.sampled_from([None, "2025", "2025-03", "2024/2026"]))
        proposition = factlog.Proposition(
            subject=draw(st.sampled_from(entities)),
            predicate=draw(st.sampled_from([p.id for p in _PAIRS])),
            object=draw(st.sampled_from(entities)),
            when=None if when is None else factlog.Interval.parse(when),
        )
        claims.append(
            factlog.Claim(
                id=f"c-{number}",
                statement=f"Statement {number}.",
                proposition=proposition,
                polarity=draw(st.sampled_from([factlog.Polarity.AFFIRMED] * 3 + [factlog.Polarity.DENIED])),
                certainty=draw(st.sampled_from(list(factlog.Certainty))),
                attribution=factlog.Attribution(holder=draw(st.sampled_from(entities))),
                evidence=(factlog.Evidence(source=draw(st.sampled_from(sources)), quote="quote"),),
            )
        )
    return factlog.ClaimSet(
        entities=tuple(factlog.Entity(id=e, name=e.upper(), kind=factlog.EntityKind.PERSON) for e in entities),
        predicates=_PAIRS,
        sources=tuple(
            factlog.Source(id=s, title=s, publisher=entities[0], published=factlog.PartialDate.parse("2025-10"))
            for s in sources
        ),
        claims=tuple(claims),
    )


@settings(max_examples=40)
@given(symmetric_claim_sets(), st.sampled_from(("reverse", "shuffle")), st.integers(0, 99))
def test_renaming_the_entities_of_symmetric_pairs_leaves_the_conclusions_unchanged(
    claims: factlog.ClaimSet, way: str, seed: int
) -> None:
    """Entities of symmetric one-to-one and exclusive pairs renamed in reverse or shuffled: pairs sort the other way."""
    renamed, back = renaming.renamed_set(claims, ("entity",), way, seed)
    assert _read(renamed, back) == _read(claims, {})


def _inverses_declared(claims: factlog.ClaimSet) -> factlog.ClaimSet:
    """``claims`` with each inverse a predicate names declared too, from no end of its own."""
    named = [predicate for predicate in claims.predicates if predicate.inverse is not None]
    declared = tuple(
        factlog.Predicate(id=predicate.inverse, label=f"{predicate.label} (inverse)", kind=predicate.kind)
        for predicate in named
        if predicate.inverse is not None
    )
    return attrs.evolve(claims, predicates=claims.predicates + declared)


@settings(max_examples=40)
@given(linked_claim_sets(max_claims=8), st.sampled_from(renaming.WAYS), st.integers(0, 99))
def test_renaming_predicates_declared_with_their_inverses_leaves_the_conclusions_unchanged(
    claims: factlog.ClaimSet, way: str, seed: int
) -> None:
    """Each inverse declared alone beside the predicate naming it, the predicates renamed: the same conclusions."""
    claims = _inverses_declared(claims)
    renamed, back = renaming.renamed_set(claims, ("predicate",), way, seed)
    assert _read(renamed, back) == _read(claims, {})


@st.composite
def inverses_from_both_ends(draw: st.DrawFn) -> factlog.ClaimSet:
    """A linked claim set whose inverses are declared too, naming back, each end with its own flags and exclusions.

    Sets whose claims the pairs now refuse (the canonical end changed: a claim turned
    round needs an entity object) are not drawn.
    """
    claims = draw(linked_claim_sets(max_claims=8))
    plain = [p.id for p in claims.predicates if p.inverse is None]
    declared = tuple(
        factlog.Predicate(
            id=predicate.inverse,
            label=f"{predicate.label} (inverse)",
            kind=predicate.kind,
            inverse=predicate.id,
            functional=draw(st.booleans()),
            inverse_functional=draw(st.booleans()),
            exclusive_with=tuple(draw(st.lists(st.sampled_from(plain), max_size=1))) if plain else (),
        )
        for predicate in claims.predicates
        if predicate.inverse is not None
    )
    try:
        return attrs.evolve(claims, predicates=claims.predicates + declared)
    except factlog.FieldError:
        assume(False)
        raise


@settings(max_examples=40)
@given(inverses_from_both_ends(), st.sampled_from(("reverse", "shuffle")), st.integers(0, 99))
def test_renaming_predicates_declared_from_both_ends_leaves_the_conclusions_unchanged(
    claims: factlog.ClaimSet, way: str, seed: int
) -> None:
    """Each end of an inverse pair naming the other, with its own flags: renamed, the same conclusions."""
    renamed, back = renaming.renamed_set(claims, ("predicate",), way, seed)
    assert _read(renamed, back) == _read(claims, {})


@pytest.mark.parametrize("way", renaming.WAYS)
def test_renaming_every_id_of_a_generated_set_leaves_the_conclusions_unchanged(way: str) -> None:
    """120 claims of the benchmarks' generator (copies, relays, inverses, denials): every kind renamed at once."""
    document = generate(120, seed=2)
    document["acknowledged"] = []
    claims = factlog.loads(json.dumps(document))
    renamed, back = renaming.renamed_set(claims, ALL, way, seed=2)
    assert _read(renamed, back) == _read(claims, {})


@settings(max_examples=25)
@given(linked_claim_sets(max_claims=8), st.sampled_from(("entity", "source")), st.sampled_from(renaming.WAYS))
def test_accucopy_does_not_depend_on_the_names_of_the_parties(claims: factlog.ClaimSet, kind: str, way: str) -> None:
    """AccuCopy with the entities (the parties it weighs) or the sources renamed: the same assessment.

    Providers of a value tied on grade and informative claims are discounted by the mean
    over the orders of their tie (``docs/assessment.md``), never in the order of their names.
    """
    renamed, back = renaming.renamed_set(claims, (kind,), way, seed=5)
    assert renaming.assessed(renamed, back, "accucopy") == renaming.assessed(claims, {}, "accucopy")


@pytest.mark.parametrize("way", ["reverse", "shuffle", "0-prefix"])
def test_renaming_the_entities_of_a_generated_set_leaves_accucopy_unchanged(way: str) -> None:
    """200 generated claims (seed 5), the entities renamed: the same assessment.

    Discounted in the order of their names, tied parties made ``c64`` refuted under one
    naming and disputed under the reverse one, and moved 48 other beliefs.
    """
    document = generate(200, seed=5)
    document["acknowledged"] = []
    claims = factlog.loads(json.dumps(document))
    renamed, back = renaming.renamed_set(claims, ("entity",), way, seed=5)
    assert renaming.assessed(renamed, back, "accucopy") == renaming.assessed(claims, {}, "accucopy")


def _shuffled(document: dict[str, object], rng: random.Random) -> dict[str, object]:
    shuffled = dict(document)
    for section in ("entities", "predicates", "sources", "claims"):
        items = list(document.get(section, []))  # type: ignore[call-overload]
        rng.shuffle(items)
        shuffled[section] = items
    return shuffled


@settings(max_examples=20)
@given(linked_claim_sets(max_claims=8), st.integers(0, 99), st.booleans())
def test_the_order_of_declarations_and_files_leaves_the_conclusions_unchanged(
    tmp_path_factory: pytest.TempPathFactory, claims: factlog.ClaimSet, seed: int, flip: bool
) -> None:
    """Sections shuffled and split over two files, given in either order: the same conclusions as the set."""
    rng = random.Random(seed)
    document = _shuffled(json.loads(factlog.dumps(claims)), rng)
    parts: list[dict[str, object]] = [{"format": "factlog", "version": 1}, {"format": "factlog", "version": 1}]
    for section in ("entities", "predicates", "sources", "claims", "acknowledged"):
        items = list(document.get(section, []))  # type: ignore[call-overload]
        cut = rng.randrange(len(items) + 1)
        parts[0][section], parts[1][section] = items[:cut], items[cut:]
    folder = tmp_path_factory.mktemp("split")
    for name, part in zip(("a.json", "b.json"), parts[::-1] if flip else parts, strict=True):
        Path(folder, name).write_text(json.dumps(part), encoding="utf-8")
    assert _read(factlog.load(folder), {}, (*METHODS, "accucopy")) == _read(claims, {}, (*METHODS, "accucopy"))
