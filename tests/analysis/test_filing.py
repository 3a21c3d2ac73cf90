"""The index's filing loop against the plain reading of each claim (what it did for every claim before)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import attrs
import pytest
from hypothesis import given, settings

from factlog.analysis._entry import ANY_TIME, Entry, new_entry, object_slot, reading_fields
from factlog.analysis._index import Index
from factlog.analysis._patterns import readings
from factlog.model._claimset import ClaimSet
from factlog.model._nouns import Proposition
from factlog.model._scales import Certainty, Polarity
from tests.helpers import claim as make_claim
from tests.strategies import claim_sets, crowded_claim_sets, linked_claim_sets, written_claim_sets


def _reference(index: Index, entry: Entry) -> tuple[Any, ...]:
    """The fields of a claim's own entry as ``reading_fields`` gives them for its first reading."""
    claim, vocabulary = entry.claim, index.vocabulary
    if claim.proposition is None:
        return (None, None, None, ANY_TIME, None, claim.polarity)
    first = readings(claim, entry.stated, vocabulary)[0]
    return (*reading_fields(vocabulary, {}, first.proposition), first.polarity)


def _assert_read_afresh(claims: ClaimSet) -> None:
    index = Index.of(claims)
    for entry in [*index.entries, *(reading for implied in index.implied.values() for reading in implied)]:
        # kept in the entry, for its own reading and each implied one: the rules read no claim object for them
        assert (entry.id, entry.certainty, entry.sources[:1]) == (
            entry.claim.id,
            entry.claim.certainty,
            (entry.claim.evidence[0].source,),
        )
    for entry in index.entries:
        assert type(entry) is Entry
        found = (entry.proposition, entry.key, entry.predicate, entry.span, entry.core, entry.polarity)
        assert found == _reference(index, entry)
        proposition = entry.claim.proposition
        if proposition is not None and entry.claim.pattern is None and not isinstance(proposition.object, tuple):
            assert type(entry.proposition) is Proposition
            # normalise returns the claim's own proposition when canonical; so does the index
            assert (entry.proposition is proposition) == (index.vocabulary.normalise(proposition) is proposition)


@settings(max_examples=80, deadline=None)
@given(written_claim_sets())
def test_every_entry_reads_its_claim_as_the_vocabulary_normalises_it(claims: ClaimSet) -> None:
    """Aliases, inverse and symmetric predicates, qualifiers, quantities: each entry as read afresh, of its own type."""
    _assert_read_afresh(claims)


@settings(max_examples=40, deadline=None)
@given(claim_sets(max_claims=12) | linked_claim_sets() | crowded_claim_sets())
def test_every_entry_of_any_claim_set_reads_its_claim_afresh(claims: ClaimSet) -> None:
    """Patterns, texts, dates, regarding and answers links: each entry as read afresh too."""
    _assert_read_afresh(claims)


@settings(max_examples=60, deadline=None)
@given(written_claim_sets() | linked_claim_sets())
def test_the_groups_hold_every_reading_in_order(claims: ClaimSet) -> None:
    """By key, slot and object: the readings of the claims (own and implied) in the order of the claims."""
    _assert_groups_hold_every_reading(claims)


@settings(max_examples=40, deadline=None)
@given(claim_sets(max_claims=12) | crowded_claim_sets())
def test_patterns_and_lists_of_objects_are_filed_in_order_with_the_other_claims(claims: ClaimSet) -> None:
    """The readings a pattern or several objects imply go into the groups the one way the others do, in order."""
    _assert_groups_hold_every_reading(claims)


def _assert_groups_hold_every_reading(claims: ClaimSet) -> None:
    index = Index.of(claims)
    by_key: dict[Any, list[int]] = defaultdict(list)
    by_slot: dict[Any, list[int]] = defaultdict(list)
    by_object: dict[Any, list[int]] = defaultdict(list)
    for entry in index.entries:
        for reading in (entry, *index.implied.get(entry.id, ())):
            if reading.proposition is None:
                continue
            by_key[reading.key].append(reading.position)
            proposition = reading.proposition
            by_slot[(proposition.subject, proposition.predicate, proposition.qualifiers)].append(reading.position)
            if isinstance(proposition.object, str):
                by_object[object_slot(reading)].append(reading.position)
                declared = reading.predicate
                one_partner = (
                    declared is not None and declared.symmetric and (declared.functional or declared.inverse_functional)
                )
                if one_partner and proposition.object != proposition.subject:  # under its other entity's slot too
                    by_slot[object_slot(reading)].append(reading.position)
    by_holder: dict[Any, list[int]] = defaultdict(list)
    by_source: dict[Any, list[int]] = defaultdict(list)
    for entry in index.entries:  # each claim once, by its holder's id and under each of its sources
        by_holder[index.vocabulary.entity(entry.claim.attribution.holder)].append(entry.position)
        for source in entry.claim.sources:
            by_source[source].append(entry.position)
        assert index.by_id[entry.id] is entry
    assert list(index.by_id) == [entry.id for entry in index.entries]
    groups = (("by_key", by_key), ("by_slot", by_slot), ("by_object", by_object))
    for name, expected in (*groups, ("by_holder", by_holder), ("by_source", by_source)):
        got = {key: [e.position for e in group] for key, group in getattr(index, name).items() if group}
        assert got == dict(expected), name
        assert list(got) == list(expected), name


def test_a_new_entry_equals_the_one_its_class_makes_and_stays_frozen() -> None:
    """``new_entry`` gives an ``Entry`` equal to ``Entry(...)``, with the same hash, that refuses assignment."""
    written = make_claim("c7", certainty="possible")
    made = new_entry(
        written,
        3,
        None,
        None,
        None,
        holder="h",
        speaks_for="s",
        stated=None,
        sources=("s1",),
        span=(1, 2),
        polarity=Polarity.AFFIRMED,
        core=(1, 1),
    )
    expected = Entry(written, 3, None, None, None, "h", "s", None, ("s1",), (1, 2), Polarity.AFFIRMED, (1, 1))
    assert type(made) is Entry
    assert (made.id, made.certainty) == (expected.id, expected.certainty) == ("c7", Certainty.POSSIBLE)
    assert made == expected
    assert hash(made) == hash(expected)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        made.position = 4  # type: ignore[misc]
