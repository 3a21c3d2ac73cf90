"""What the assessment classes compute once and keep: right on first reading, kept, never part of identity.

Assessment, LinesAssessment, Question and ValueIndex keep these values by
``cached_slot`` (not ``functools.cached_property``, for which attrs adds a ``__getattr__``
that slows every attribute read of the class); as in ``tests/model/test_kept.py``, every
way of making an object gives an equal one that computes equal values.
"""

from __future__ import annotations

import pickle
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factlog
from factlog.analysis._discovery import Vote
from factlog.analysis._discovery._index import ValueIndex
from factlog.analysis._index import Index
from factlog.assessment._assessment import known_by, weight
from factlog.assessment._questions import Question, questions
from tests.helpers import ROOT, remade
from tests.strategies import claim_sets, linked_claim_sets

FEW = settings(max_examples=25)
QUESTION_KEPT = ("_claims_by_answer", "_rank", "_slot_sides", "_stances", "supported")


def _about_by_scan(assessment: factlog.Assessment, claim: str) -> list[tuple[factlog.PropositionAssessment, Any]]:
    """The assessments that weigh a claim, with its label: a scan of every proposition (the oracle)."""
    return [(item, dict(item.labels)[claim]) for item in assessment.propositions if claim in dict(item.labels)]


@pytest.mark.parametrize("cls", [factlog.Assessment, factlog.LinesAssessment, Question, ValueIndex])
def test_the_assessment_classes_have_no_getattr_hook(cls: type) -> None:
    """No __getattr__ (attrs adds one for functools.cached_property): it would slow every attribute read."""
    assert not hasattr(cls, "__getattr__")
    assert "__dict__" not in dir(cls)


@FEW
@given(st.one_of(claim_sets(max_claims=10), linked_claim_sets(max_claims=10)))
def test_an_assessment_finds_each_claim_as_a_scan_does(claims: factlog.ClaimSet) -> None:
    """about and label give what a scan of the propositions gives, for every claim (label for an unknown id too)."""
    assessment = factlog.assess(claims)
    assert assessment.label("no-such-claim") is None
    for claim in [c.id for c in claims.claims]:
        found = _about_by_scan(assessment, claim)
        assert assessment.about(claim) == [item for item, _ in found]
        assert assessment.label(claim) == (found[0][1] if found else None)


@FEW
@given(claim_sets(max_claims=8))
def test_every_way_of_making_an_assessment_keeps_its_lookups_apart(claims: factlog.ClaimSet) -> None:
    """Remade assessments are equal, hash, print and answer alike; the kept map is built once and not copied."""
    assessment = factlog.assess(claims)
    ids = [claim.id for claim in claims.claims]
    text, number = repr(assessment), hash(assessment)
    answers = [assessment.about(claim) for claim in ids]
    assert assessment._by_claim is assessment._by_claim
    assert (repr(assessment), hash(assessment)) == (text, number)
    for made in remade(assessment):
        assert made == assessment
        assert (repr(made), hash(made)) == (text, number)
        assert [made.about(claim) for claim in ids] == answers


def test_an_evolved_assessment_looks_up_its_own_propositions() -> None:
    """attrs.evolve with other propositions gives lookups of those, not the kept ones of the original."""
    assessment = factlog.assess(factlog.load(ROOT / "sources"))
    claim = assessment.propositions[0].claim_ids[0]
    assert assessment.about(claim)
    emptied = attrs.evolve(assessment, propositions=())
    assert emptied.about(claim) == []
    assert emptied.label(claim) is None


def test_a_kept_lookup_cannot_be_assigned() -> None:
    """Assigning what an assessment keeps raises FrozenInstanceError, as for a field."""
    assessment = factlog.assess(factlog.load(ROOT / "sources"))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        assessment._by_claim = {}  # type: ignore[misc]


@FEW
@given(st.one_of(claim_sets(max_claims=10), linked_claim_sets(max_claims=10)))
def test_a_question_keeps_what_it_computes(claims: factlog.ClaimSet) -> None:
    """Each kept value of a question is what its method computes, kept after the first reading, and remade."""
    for question in questions(Index.of(known_by(claims, None)), weight):
        for name in QUESTION_KEPT:
            if name == "_slot_sides" and question.layout is None:
                continue
            computed = getattr(Question, name).compute(question)
            kept = getattr(question, name)
            assert kept == computed
            assert getattr(question, name) is kept
            for made in remade(question)[:3]:
                assert getattr(made, name) == computed
        assert question.supported == frozenset(v.answer for v in question.votes if v.current and v.weight > 0)


def test_a_question_keeps_nothing_in_its_fields() -> None:
    """What a question keeps is in no field: its repr is the same before and after reading it."""
    question = next(q for q in questions(Index.of(factlog.load(ROOT / "sources")), weight) if q.layout is not None)
    before = repr(question)
    for name in QUESTION_KEPT:
        getattr(question, name)
    assert repr(question) == before
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        question.supported = frozenset()  # type: ignore[misc]


@given(st.lists(st.tuples(st.sampled_from("qr"), st.sampled_from("ab"), st.sampled_from("stu")), max_size=12))
def test_a_value_index_keeps_which_values_are_informative(votes: list[tuple[str, str, str]]) -> None:
    """A value is informative when another source answers its question: computed once, kept, rebuilt on pickling."""
    index = ValueIndex.of(Vote(q, a, s, 1.0) for q, a, s in votes)
    expected = []
    for start, end in index.q_range:
        sources = {source for v in range(start, end) for source in index.value_votes.row_ids(v)}
        expected += [len(sources) > 1] * (end - start)
    assert index.informative == tuple(expected)
    assert index.informative is index.informative
    assert pickle.loads(pickle.dumps(index)).informative == tuple(expected)
