"""Normalisation: proposition keys are equal exactly when propositions say the same."""

from __future__ import annotations

import attrs
from hypothesis import given
from hypothesis import strategies as st

from factlog import ClaimSet, Entity, EntityKind, Predicate, PredicateKind, Proposition, TextValue, Vocabulary

ENTITIES = (
    Entity(id="dprk", name="North Korea", kind=EntityKind.COUNTRY, aliases=("DPRK", "Pyongyang", "North Korea")),
    Entity(id="russia", name="Russia", kind=EntityKind.COUNTRY, aliases=("Moscow",)),
    Entity(id="prc", name="China", kind=EntityKind.COUNTRY, aliases=("Beijing",)),
)
PREDICATES = (
    Predicate(
        id="supplies-weapons-to", label="supplies weapons to", kind=PredicateKind.STATE, inverse="receives-weapons-from"
    ),
    Predicate(id="allied-with", label="is allied with", kind=PredicateKind.STATE, symmetric=True),
    Predicate(id="visits", label="visits", kind=PredicateKind.EVENT),
)
VOCABULARY = Vocabulary.of(ClaimSet(entities=ENTITIES, predicates=PREDICATES))
NAMES = {
    "dprk": ["dprk", "DPRK", "pyongyang", "north-korea", "North  Korea"],
    "russia": ["russia", "Moscow"],
    "prc": ["prc", "BEIJING"],
}

entity = st.sampled_from(sorted(NAMES))
predicate = st.sampled_from(["supplies-weapons-to", "allied-with", "visits"])


@st.composite
def spellings(draw: st.DrawFn) -> tuple[Proposition, Proposition]:
    """One proposition and another way of writing it."""
    subject, obj, name = draw(entity), draw(entity), draw(predicate)
    place = draw(st.sampled_from(["prc", "russia"]))
    canonical = Proposition(subject=subject, predicate=name, object=obj, qualifiers={"place": place})
    alias_subject, alias_object = draw(st.sampled_from(NAMES[subject])), draw(st.sampled_from(NAMES[obj]))
    rewritten = Proposition(
        subject="-".join(alias_subject.casefold().split()),
        predicate=name,
        object="-".join(alias_object.casefold().split()),
        qualifiers={"place": draw(st.sampled_from(NAMES[place]))},
    )
    if name == "supplies-weapons-to" and draw(st.booleans()):
        rewritten = attrs.evolve(
            rewritten, subject=rewritten.object, object=rewritten.subject, predicate="receives-weapons-from"
        )
    if name == "allied-with" and draw(st.booleans()):
        rewritten = attrs.evolve(rewritten, subject=rewritten.object, object=rewritten.subject)
    return canonical, rewritten


@given(spellings())
def test_key_is_invariant_under_aliases_inverse_and_symmetry(pair: tuple[Proposition, Proposition]) -> None:
    """Aliases, the inverse predicate and a swapped symmetric pair give the same key."""
    canonical, rewritten = pair
    assert VOCABULARY.key(canonical) == VOCABULARY.key(rewritten)


def _meaning(subject: str, predicate: str, obj: str) -> tuple[str, str, str] | frozenset[str]:
    """What a proposition of the test's entities says, worked out by hand from the declarations above."""
    if predicate == "allied-with":  # symmetric: the order of the pair does not matter
        return frozenset((subject, obj))
    return (subject, predicate, obj)


@given(entity, entity, predicate, entity, entity, predicate)
def test_key_differs_when_meaning_differs(s1: str, o1: str, p1: str, s2: str, o2: str, p2: str) -> None:
    """Keys are equal exactly when the hand-worked meanings are equal, whatever alias is written."""
    a = Proposition(subject=NAMES[s1][-1].casefold().replace("  ", "-"), predicate=p1, object=o1)
    b = Proposition(subject=s2, predicate=p2, object=NAMES[o2][-1].casefold().replace("  ", "-"))
    assert (VOCABULARY.key(a) == VOCABULARY.key(b)) == (_meaning(s1, p1, o1) == _meaning(s2, p2, o2))


def test_inverse_is_turned_to_the_declared_direction() -> None:
    """'Russia receives weapons from Pyongyang' becomes 'dprk supplies-weapons-to russia'."""
    normal = VOCABULARY.normalise(Proposition(subject="moscow", predicate="receives-weapons-from", object="pyongyang"))
    assert (normal.subject, normal.predicate, normal.object) == ("dprk", "supplies-weapons-to", "russia")


def test_qualifiers_and_literal_text_count_in_the_key() -> None:
    """Different qualifiers are different propositions; text literals ignore case and spacing."""
    base = Proposition(subject="dprk", predicate="visits", object=TextValue(text="The  Parade"))
    assert VOCABULARY.key(base) == VOCABULARY.key(attrs.evolve(base, object=TextValue(text="the parade")))
    assert VOCABULARY.key(base) != VOCABULARY.key(attrs.evolve(base, qualifiers={"place": "prc"}))


def test_both_directions_declared_picks_the_smaller_id() -> None:
    """When a predicate and its inverse are both declared, the smaller id is canonical."""
    predicates = (
        Predicate(id="b-hosts", label="hosts", kind=PredicateKind.EVENT, inverse="a-visits"),
        Predicate(id="a-visits", label="visits", kind=PredicateKind.EVENT, inverse="b-hosts"),
    )
    vocabulary = Vocabulary.of(ClaimSet(entities=ENTITIES, predicates=predicates))
    normal = vocabulary.normalise(Proposition(subject="prc", predicate="b-hosts", object="dprk"))
    assert (normal.subject, normal.predicate, normal.object) == ("dprk", "a-visits", "prc")
    assert vocabulary.predicate("b-hosts") is predicates[1]


def test_unknown_names_pass_through() -> None:
    """A name no entity has stays as written (reference checks report it)."""
    assert VOCABULARY.entity("atlantis") == "atlantis"
    assert not VOCABULARY.knows_entity("atlantis")
    assert VOCABULARY.knows_predicate("receives-weapons-from")


@given(spellings())
def test_normalisation_is_idempotent(pair: tuple[Proposition, Proposition]) -> None:
    """Normalising a normalised proposition changes nothing, however it was first written."""
    for proposition in pair:
        once = VOCABULARY.normalise(proposition)
        assert VOCABULARY.normalise(once) == once
