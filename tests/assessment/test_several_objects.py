"""A claim naming several objects in a one-value slot, and one holder giving rival values: what each stands against.

A claim "a leads [b, c]" on a functional predicate backs b and backs c; it stands
against the other values of the slot, never against its own objects (``conflicting_values``
still reports b against c: at most one can be true, so the values stay rivals). Where a
holder's rival values are equally strong, the holder is listed against another value
with the claims of all of them, whatever the names.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

import factlog
import factlog.dask
from factlog.assessment._methods import METHODS
from tests import renaming
from tests.helpers import claim, world
from tests.strategies import ids

FEW = settings(max_examples=60)


def _items(claims: factlog.ClaimSet) -> dict[str, factlog.PropositionAssessment]:
    return {str(item.value): item for item in factlog.assess(claims).propositions}


def _claims(origins: tuple[factlog.OriginWeight, ...]) -> list[tuple[str, ...]]:
    return [origin.claims for origin in origins]


def test_a_claim_naming_two_leaders_backs_each_and_refutes_neither() -> None:
    """'Ruritania is led by Alice and Bob' alone: both values backed by the author, neither opposed, a tie."""
    items = _items(world(claim("both", "ruritania", "leader-of", ("alice", "bob"))))
    assert sorted(items) == ["alice", "bob"]
    for item in items.values():
        assert (_claims(item.supporting), item.opposing) == ([("both",)], ())
        assert item.status is factlog.Status.SINGLE_SOURCE
        assert item.labels == (("both", item.acceptance),)
        assert not any(reason.startswith("also against:") for reason in item.reasons)
    assert items["alice"].belief == items["bob"].belief
    assert items["alice"].tie


def test_a_claim_naming_two_leaders_stands_against_the_other_values_only() -> None:
    """Against the wire's Carol: the author backs Alice and Bob, and is listed against Carol with its one claim."""
    items = _items(
        world(
            claim("both", "ruritania", "leader-of", ("alice", "bob")),
            claim("carol", "ruritania", "leader-of", "carol", holder="wire", source="s2"),
        )
    )
    for value in ("alice", "bob"):
        assert (_claims(items[value].supporting), _claims(items[value].opposing)) == ([("both",)], [("carol",)])
        assert not any(reason.startswith("also against:") for reason in items[value].reasons)
    assert (_claims(items["carol"].supporting), _claims(items["carol"].opposing)) == ([("carol",)], [("both",)])


def test_a_rival_value_in_another_claim_of_the_holder_is_also_against() -> None:
    """The author's own claim for Carol beside its claim for Alice and Bob: listed for each, also against it."""
    items = _items(
        world(
            claim("both", "ruritania", "leader-of", ("alice", "bob")),
            claim("carol", "ruritania", "leader-of", "carol"),
        )
    )
    for item in items.values():
        assert any(reason.startswith("also against: The author") for reason in item.reasons), item.value


def test_the_check_and_the_assessment_both_keep_the_objects_rivals() -> None:
    """conflicting_values reports Alice against Bob in one claim; their beliefs share one slot (sum at most 1)."""
    claims = world(claim("both", "ruritania", "leader-of", ("alice", "bob")))
    [finding] = [f for f in factlog.check(claims).findings if f.rule == "conflicting_values"]
    assert finding.claims == (("alice", ("both",)), ("bob", ("both",)))
    items = _items(claims)
    assert items["alice"].belief + items["bob"].belief <= 1


def test_a_holder_of_two_rival_values_is_listed_against_a_third_with_both_claims() -> None:
    """The author's Alice and Bob (two claims, equally strong) against the wire's Carol: both claims, in any naming."""
    for first, second in (("alice", "bob"), ("bob", "alice")):
        items = _items(
            world(
                claim("one", "ruritania", "leader-of", first),
                claim("two", "ruritania", "leader-of", second),
                claim("carol", "ruritania", "leader-of", "carol", holder="wire", source="s2"),
            )
        )
        assert _claims(items["carol"].opposing) == [("one", "two")]
        assert "2 claims from one origin, The author, count once" in items["carol"].reasons


def test_a_holder_of_two_rival_values_from_different_sources_is_listed_against_a_third_with_both() -> None:
    """As above, the Bob claim cited from two stories: still both claims against Carol, and both stories, in any naming.

    Which of two equally strong stances is named must not depend on how the values sort,
    even where one of them cites more sources than the other.
    """
    for first, second in (("alice", "bob"), ("bob", "alice")):
        bob = claim("two", "ruritania", "leader-of", second)
        bob = attrs.evolve(bob, evidence=(*bob.evidence, attrs.evolve(bob.evidence[0], source="s3")))
        items = _items(
            world(
                claim("one", "ruritania", "leader-of", first),
                bob,
                claim("carol", "ruritania", "leader-of", "carol", holder="wire", source="s2"),
            )
        )
        [against] = items["carol"].opposing
        assert (against.claims, against.sources) == (("one", "two"), ("s1", "s3"))


@st.composite
def one_value_slots(draw: st.DrawFn) -> factlog.ClaimSet:
    """Claims on one or two functional predicates, some naming several objects, from few holders.

    A holder often gives rival values in separate claims; claims are certain to possible,
    some denied, some stated later than others (a changed stance).
    """
    entities = draw(st.lists(ids, min_size=4, max_size=6, unique=True))
    predicates = (
        factlog.Predicate(id="p-leads", label="is led by", kind=factlog.PredicateKind.STATE, functional=True),
        factlog.Predicate(id="p-hit", label="hit", kind=factlog.PredicateKind.EVENT, functional=True),
    )
    sources = ("s-a", "s-b", "s-c")
    holders = entities[:3]
    made = []
    for number in range(draw(st.integers(2, 9))):
        objects = draw(st.lists(st.sampled_from(entities[1:]), min_size=1, max_size=3, unique=True))
        stated = draw(st.sampled_from([None, None, "2025-10", "2025-11"]))
        made.append(
            factlog.Claim(
                id=f"c-{number}",
                statement=f"Statement {number}.",
                proposition=factlog.Proposition(
                    subject=entities[0],
                    predicate=draw(st.sampled_from(["p-leads", "p-leads", "p-hit"])),
                    object=tuple(objects) if len(objects) > 1 or draw(st.booleans()) else objects[0],
                    when=factlog.Interval.parse(draw(st.sampled_from(["2025", "2025-03"]))),
                ),
                polarity=draw(st.sampled_from([factlog.Polarity.AFFIRMED] * 4 + [factlog.Polarity.DENIED])),
                certainty=draw(st.sampled_from([factlog.Certainty.CERTAIN] * 2 + list(factlog.Certainty))),
                attribution=factlog.Attribution(holder=draw(st.sampled_from(holders))),
                evidence=(factlog.Evidence(source=draw(st.sampled_from(sources)), quote="quote"),),
                stated=None if stated is None else factlog.Interval.parse(stated),
            )
        )
    return factlog.ClaimSet(
        entities=tuple(factlog.Entity(id=e, name=e.upper(), kind=factlog.EntityKind.PERSON) for e in entities),
        predicates=predicates,
        sources=tuple(
            factlog.Source(id=s, title=s, publisher=entities[-1], published=factlog.PartialDate.parse("2025-10"))
            for s in sources
        ),
        claims=tuple(made),
    )


@FEW
@given(one_value_slots())
def test_each_affirmed_claim_backs_each_of_its_objects_and_never_opposes_them(claims: factlog.ClaimSet) -> None:
    """No stance changed (all stated alike): no origin listed against a value names a claim that affirms it."""
    claims = attrs.evolve(claims, claims=tuple(attrs.evolve(c, stated=None) for c in claims.claims))
    affirmed = factlog.Polarity.AFFIRMED
    names = {c.id: c.proposition.object for c in claims.claims if c.proposition is not None and c.polarity is affirmed}
    for item in factlog.assess(claims).propositions:
        naming = {c for c, obj in names.items() if item.value in (obj if isinstance(obj, tuple) else (obj,))}
        against = {c for origin in item.opposing for c in origin.claims}
        assert not naming & against, (item.key, naming & against)


@FEW
@given(one_value_slots(), st.sampled_from(METHODS))
def test_every_way_of_assessing_weighs_several_objects_alike(claims: factlog.ClaimSet, method: str) -> None:
    """assess, assess_lines in bins of one component and the synchronous Dask path: the same JSON bytes."""
    plain = factlog.render_assessment_json(factlog.assess(claims, method=method))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "claims.jsonl"
        path.write_text(factlog.dumps_lines(claims), encoding="utf-8")
        streamed = factlog.assess_lines(path, method=method, batch=2, bin_size=1)
        out = factlog.render_assessment_json(streamed)
    assert out == plain
    distributed = factlog.dask.assess(claims, method=method, partitions=2)
    assert factlog.render_assessment_json(distributed) == plain


@settings(max_examples=200)  # a holder's two rival values against a third, tied, renamed to sort the other way
@given(one_value_slots(), st.sampled_from(renaming.KINDS), st.sampled_from(renaming.WAYS), st.integers(0, 99))
def test_renaming_leaves_who_is_against_each_value_unchanged(
    claims: factlog.ClaimSet, kind: str, way: str, seed: int
) -> None:
    """Entities, sources, predicates or claims renamed: the same origins (and their claims) for and against."""
    renamed, back = renaming.renamed_set(claims, (kind,), way, seed)
    for method in ("majority", "accucopy"):
        assert renaming.assessed(renamed, back, method) == renaming.assessed(claims, {}, method)
