"""An origin counts at the grade of the holders whose words they are, never at a copying outlet's."""

from __future__ import annotations

import attrs
from hypothesis import given
from hypothesis import strategies as st

import factlog
from factlog import ClaimSet, Credibility, Evidence, Reliability
from factlog.assessment._methods import METHODS
from tests.helpers import claim, world

_GRADES = st.sampled_from(list(Reliability))


def _graded(claims: ClaimSet, grades: dict[str, Reliability]) -> ClaimSet:
    entities = tuple(
        attrs.evolve(entity, reliability=grades[entity.id]) if entity.id in grades else entity
        for entity in claims.entities
    )
    return attrs.evolve(claims, entities=entities)


def _wire_and_copy(wire: Reliability, paper: Reliability) -> ClaimSet:
    """The wire says it (ungraded: F) in its own story (s2); Paper A prints it as its own in its declared copy (s3)."""
    claims = world(claim("w", holder="wire", source="s2"), claim("p", holder="paper-a", source="s3"))
    return _graded(claims, {"wire": wire, "paper-a": paper})


@given(wire=_GRADES, paper=_GRADES)
def test_a_declared_copy_takes_the_copied_holders_grade(wire: Reliability, paper: Reliability) -> None:
    """Whatever grade the copying paper has, the one origin is graded as the wire, and weighs as the wire alone."""
    alone = world(claim("w", holder="wire", source="s2"))
    for method in ("accuvote", "majority"):
        [single] = factlog.assess(_graded(alone, {"wire": wire}), method=method).propositions
        [copied] = factlog.assess(_wire_and_copy(wire, paper), method=method).propositions
        [origin] = copied.supporting
        assert origin.reliability is wire
        assert origin.weight == single.supporting[0].weight
        assert copied.credibility is single.credibility


def test_a_d_agency_copied_by_an_ungraded_paper_stays_d() -> None:
    """A D wire with an ungraded paper's copy: D, and the credibility of the wire alone, not 6."""
    for method in METHODS:
        [item] = factlog.assess(_wire_and_copy(Reliability.D, Reliability.F), method=method).propositions
        assert item.supporting[0].reliability is Reliability.D
        assert item.credibility is not Credibility.CANNOT_BE_JUDGED


def test_an_e_agency_copied_by_an_ungraded_paper_is_e_and_weighs_nothing() -> None:
    """An E wire's words in an ungraded paper's copy: graded E, weight 0.00 (E's prior is an even chance)."""
    [item] = factlog.assess(_wire_and_copy(Reliability.E, Reliability.F)).propositions
    [origin] = item.supporting
    assert (origin.reliability, origin.weight) == (Reliability.E, 0.0)
    assert any("graded E (unreliable)" in reason for reason in item.reasons)


def test_an_a_outlets_copy_of_ungraded_words_is_graded_f() -> None:
    """An A paper's declared copy of an ungraded wire's words: one origin graded F, so truth cannot be judged."""
    for method in METHODS:
        [item] = factlog.assess(_wire_and_copy(Reliability.F, Reliability.A), method=method).propositions
        [origin] = item.supporting
        assert origin.reliability is Reliability.F, method
        assert item.credibility is Credibility.CANNOT_BE_JUDGED, method


def test_a_relayed_holders_words_copied_by_an_a_outlet_are_the_holders() -> None:
    """The wire quotes the author (ungraded); an A paper prints the words as its own in a declared copy: F, grade 6."""
    claims = world(claim("w", holder="author", source="s2", via=("wire",)), claim("p", holder="paper-a", source="s3"))
    [item] = factlog.assess(_graded(claims, {"paper-a": Reliability.A})).propositions
    [origin] = item.supporting
    assert origin.reliability is Reliability.F
    assert item.credibility is Credibility.CANNOT_BE_JUDGED


_WORDS = "North Korea has shipped artillery shells to Russia by rail through the border crossing at Tumangang"


def test_an_a_outlets_undeclared_echo_of_credited_words_is_the_holders() -> None:
    """The wire credits the words to the Kremlin spokesman; an A paper prints them as its own, undeclared: F, 6."""
    credited = claim("w", holder="peskov", source="s2", via=("wire",))
    echoed = claim("p", holder="author", source="s1")
    claims = world(
        attrs.evolve(credited, evidence=(Evidence(source="s2", quote=f"{_WORDS}, the spokesman said."),)),
        attrs.evolve(echoed, evidence=(Evidence(source="s1", quote=f"{_WORDS}."),)),
    )
    [item] = factlog.assess(_graded(claims, {"author": Reliability.A})).propositions
    [origin] = item.supporting
    assert "printing one wording" in origin.label
    assert origin.reliability is Reliability.F
    assert item.credibility is Credibility.CANNOT_BE_JUDGED
