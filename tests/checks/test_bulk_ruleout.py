"""The index's shortcuts and the rules' bulk rule-outs, against the plain computations they replace."""

from __future__ import annotations

from typing import Any
from unittest import mock

import attrs
from hypothesis import given, settings

from factlog.analysis import _phrasing as phrasing
from factlog.analysis._entry import ANY_TIME, certain_days
from factlog.analysis._index import Entry, Index
from factlog.analysis._patterns import readings
from factlog.analysis._places import PartOf
from factlog.checks import _slotvalues, _values, conflicting_holders, conflicting_values
from factlog.checks._copying import Copy, copy_votes
from factlog.checks._engine import _run
from factlog.checks._rules import DEFAULT_RULES
from factlog.model._claimset import ClaimSet
from factlog.model._kinds import PredicateKind
from factlog.model._scales import Certainty, Polarity
from factlog.model._vocabulary import canonical_key, object_key
from tests.checks.test_check_properties import claim_lists
from tests.helpers import world
from tests.strategies import claim_sets, crowded_claim_sets, linked_claim_sets

_GUARDED = {
    "opposed_claims",
    "conflicting_values",
    "conflicting_holders",
    "hollow_corroboration",
    "interested_denial",
    "self_contradiction",
    "shared_wording",
    "understated_certainty",
}


class _Unguarded(list[Entry]):
    """A group that says it holds ten claims more than it does: no rule rules it out by its size."""

    def __len__(self) -> int:
        size = super().__len__()
        return size + 10 if size else 0


def _unguarded(index: Index) -> Index:
    def wrap(groups: dict[Any, list[Entry]]) -> dict[Any, list[Entry]]:
        return {key: _Unguarded(group) for key, group in groups.items()}

    return attrs.evolve(index, by_key=wrap(index.by_key), by_slot=wrap(index.by_slot), by_object=wrap(index.by_object))


@settings(max_examples=40, deadline=None)
@given(claim_lists().map(lambda claims: world(*claims)) | crowded_claim_sets())
def test_groups_ruled_out_by_their_size_give_no_finding(claims: ClaimSet) -> None:
    """Each rule that passes over groups of one claim finds what it finds when it looks at every group."""
    index = Index.of(claims)
    plain = _unguarded(index)
    for rule in DEFAULT_RULES:
        if rule.__name__ in _GUARDED:
            assert _run(rule, index) == _run(rule, plain), rule.__name__


@settings(max_examples=25, deadline=None)
@given(linked_claim_sets())
def test_every_entry_reads_its_proposition_as_direct_lookups_would(claims: ClaimSet) -> None:
    """An entry's proposition, key, predicate, span and core are those of a fresh lookup of its reading."""
    index = Index.of(claims)
    vocabulary = index.vocabulary
    for own in index.entries:
        told = readings(own.claim, own.stated, vocabulary) if own.claim.proposition is not None else []
        for entry in [own, *index.implied.get(own.id, [])]:
            if not told:
                assert (entry.proposition, entry.key, entry.predicate, entry.core) == (None, None, None, None)
                assert entry.span == ANY_TIME
                continue
            normal = vocabulary.normalise(told[entry.part].proposition)
            predicate = vocabulary.predicate(normal.predicate)
            kind = None if predicate is None else predicate.kind
            when = normal.when
            span = ANY_TIME if when is None else when.state_span if kind is PredicateKind.STATE else when.span
            assert entry.proposition == normal
            assert entry.key == canonical_key(normal)
            assert entry.predicate is predicate
            assert entry.polarity is told[entry.part].polarity
            assert entry.span == span
            assert entry.core == certain_days(when, event=kind is PredicateKind.EVENT)


@settings(max_examples=25, deadline=None)
@given(linked_claim_sets() | claim_sets())
def test_wider_and_narrower_keys_are_the_broader_keys_the_index_holds(claims: ClaimSet) -> None:
    """With places within places or without, the family lookups find what a scan of every key finds."""
    index = Index.of(claims)
    keys = list(index.by_key)
    for key in keys:
        assert set(index.wider_keys(key)) == {k for k in index.broader_keys(key) if k in index.by_key}
        assert set(index.narrower_keys(key)) == {k for k in keys if key in index.broader_keys(k)}


def test_a_registry_without_places_within_places_files_no_family() -> None:
    """No entity lies within another: nothing is wider or narrower, and no family is kept."""
    assert not PartOf({"a": (), "b": ()}).nested
    assert PartOf({"a": ("b",), "b": ()}).nested


def _reference_votes(index: Index) -> list[Copy]:
    """copy_votes as first written: every lookup made for every claim."""
    found: list[Copy] = []
    for entry in index.entries:
        source = index.claims.source_by_id.get(entry.claim.evidence[0].source)
        declared = source is not None and bool(source.derived_from) and index.publisher(source.id) == entry.holder
        if entry.proposition is None or entry.claim.certainty is Certainty.UNCOMMITTED or declared:
            continue
        if entry.predicate is None or not entry.predicate.functional or entry.predicate.symmetric:
            continue  # a symmetric pair is a yes or no question, whichever way its ids sort
        slot = (entry.proposition.subject, entry.proposition.predicate, entry.proposition.qualifiers)
        question = "slot " + repr((slot, entry.proposition.when))
        answer = repr(object_key(entry.proposition.object))
        if entry.claim.polarity is Polarity.DENIED:
            answer = "not " + answer
        found.append((entry.id, question, answer, entry.speaks_for))
    return found


@settings(max_examples=25, deadline=None)
@given(crowded_claim_sets())
def test_copy_votes_word_each_claim_as_a_lookup_per_claim_would(claims: ClaimSet) -> None:
    """Remembering questions, answers and declared copies changes no record."""
    index = Index.of(claims)
    assert copy_votes(index) == _reference_votes(index)


def _reference_by_holders(index: Index, entries: list[Entry], *, times: bool) -> str:
    """phrasing.by_holders as first written: every name and time worded at every call."""
    spans: dict[str, dict[str, None]] = {}
    for entry in entries:
        found = spans.setdefault(index.name(entry.holder), {})
        if times:
            found[phrasing.span(entry.when) or "no date"] = None
    return phrasing.join(f"{name} ({', '.join(items)})" if items else name for name, items in spans.items())


@settings(max_examples=25, deadline=None)
@given(linked_claim_sets())
def test_holders_are_worded_as_phrasing_words_them(claims: ClaimSet) -> None:
    """Words remembered across calls (a slot's, a rule's) give the text of words found afresh, in any grouping."""
    index = Index.of(claims)
    entries = index.entries
    for predicate in claims.predicates:
        values = _slotvalues.Values(index, predicate, lambda _: None)
        said: dict[int, tuple[str, str]] = {}
        for times in (False, True):
            for group in (entries, entries[::-1], entries[: len(entries) // 2], [*entries, *entries]):
                expected = _reference_by_holders(index, group, times=times)
                assert values.by_holders(group, times=times) == expected
                assert phrasing.by_holders(index, group, times=times, said=said) == expected


class _OwnTables(_slotvalues.Values):
    """A slot's values that share nothing with the other slots of its predicate, each value's key found from it."""

    def __init__(
        self, index: Index, predicate: Any, value_of: Any, shared: Any = None, names: Any = None, *, keyed: bool = False
    ) -> None:
        del shared, names, keyed  # the slot's own tables and names; object_key of each value, not the claim's key
        super().__init__(index, predicate, value_of)


@settings(max_examples=25, deadline=None)
@given(claim_lists().map(lambda claims: world(*claims)) | crowded_claim_sets())
def test_slots_of_one_predicate_share_conversions_without_changing_a_finding(claims: ClaimSet) -> None:
    """Conversions and counted sets handed from slot to slot give what each slot's own would give."""
    index = Index.of(claims)
    for rule in (conflicting_values, conflicting_holders):
        shared = _run(rule, index)
        with mock.patch.object(_values, "Values", _OwnTables):
            assert _run(rule, index) == shared
