"""A proposition one unreliable or unknown source alone speaks to: truth cannot be judged, in every method."""

from __future__ import annotations

import json

import attrs
from hypothesis import given
from hypothesis import strategies as st

import factlog
from factlog import ClaimSet, Credibility, Entity, EntityKind, Likelihood, Reliability, Status
from factlog.assessment._methods import METHODS
from factlog.report._disputes import assessment_view
from tests.helpers import claim, world

# F: the outlets, Russia (a party to the weapons), analysts (anonymous); E: the tabloid; D: KCNA (North Korea's);
# B: the agency added below.
_HOLDERS = ("author", "wire", "paper-a", "tabloid", "kcna", "russia", "analysts", "agency")
_AGENCY = Entity(id="agency", name="The agency", kind=EntityKind.MEDIA_OUTLET, reliability=Reliability.B)

# The ICD 203 words each Admiralty grade may be printed with: the bands of Credibility.from_belief.
_WORDS = {
    Credibility.CONFIRMED: {Likelihood.VERY_LIKELY, Likelihood.ALMOST_CERTAIN},
    Credibility.PROBABLY_TRUE: {Likelihood.LIKELY, Likelihood.VERY_LIKELY, Likelihood.ALMOST_CERTAIN},
    Credibility.POSSIBLY_TRUE: {Likelihood.ROUGHLY_EVEN_CHANCE},
    Credibility.DOUBTFUL: {Likelihood.UNLIKELY},
    Credibility.IMPROBABLE: {Likelihood.VERY_UNLIKELY, Likelihood.ALMOST_NO_CHANCE},
}


def _with_agency(claims: ClaimSet) -> ClaimSet:
    return attrs.evolve(claims, entities=(*claims.entities, _AGENCY))


def _lone_e_report() -> ClaimSet:
    """The tabloid (E), alone, says North Korea supplies Russia with weapons."""
    return world(claim("orbit", holder="tabloid"))


def _lone_f_accusation() -> ClaimSet:
    """An ungraded (F) outlet accuses North Korea; KCNA, North Korea's, denies it: one credible origin."""
    return world(claim("accuses", holder="author"), claim("denies", holder="kcna", source="s2", denied=True))


def _line(assessment: factlog.Assessment) -> str:
    return factlog.render_assessment_text(assessment).splitlines()[1].strip()


def test_a_lone_unreliable_report_cannot_be_judged_in_any_method() -> None:
    """The tabloid's report alone: credibility 6, no ICD 203 words; a B agency's, or two origins, keep their grade."""
    for method in METHODS:
        [graded] = factlog.assess(_with_agency(world(claim("a", holder="agency"))), method=method).propositions
        assert (graded.status, graded.credibility) == (Status.SINGLE_SOURCE, Credibility.PROBABLY_TRUE)
        two = world(claim("a", holder="tabloid"), claim("b", holder="wire", source="s2"))
        [corroborated] = factlog.assess(two, method=method).propositions
        assert corroborated.status is Status.CORROBORATED
        assert corroborated.credibility is not Credibility.CANNOT_BE_JUDGED
        assessment = factlog.assess(_lone_e_report(), method=method)
        [item] = assessment.propositions
        assert (item.status, item.credibility) == (Status.SINGLE_SOURCE, Credibility.CANNOT_BE_JUDGED), method
        assert _line(assessment).startswith("single-source; credibility 6 — truth cannot be judged; belief "), method
        [written] = json.loads(factlog.render_assessment_json(assessment))["propositions"]
        assert (written["credibility"], written["likelihood"]) == (6, None)
        assert assessment_view(item).likelihood == ""


def test_the_reason_names_the_lone_origin_and_its_grade() -> None:
    """A reason line says what the grade rests on: one origin, graded E (unreliable), and nothing else credible."""
    [item] = factlog.assess(_lone_e_report()).propositions
    assert (
        "truth cannot be judged: it rests on one origin, A tabloid, graded E (unreliable), and no other credible"
        " origin confirms or contradicts it; the belief, the method's, weighs that source alone"
    ) in item.reasons


def test_a_single_ungraded_accusation_denied_by_the_accused_cannot_be_judged() -> None:
    """An F outlet's accusation against the accused's denial: the denial is no credible origin, so grade 6."""
    for method in METHODS:
        [item] = factlog.assess(_lone_f_accusation(), method=method).propositions
        assert item.status is Status.DENIED_BY_INTERESTED_PARTY, method
        assert item.credibility is Credibility.CANNOT_BE_JUDGED, method
        assert any(
            reason.startswith("truth cannot be judged: it rests on one origin, The author") for reason in item.reasons
        )


_votes = st.lists(
    st.tuples(st.sampled_from(_HOLDERS), st.booleans(), st.sampled_from(["certain", "probable", "possible"])),
    min_size=1,
    max_size=5,
)


@given(_votes, st.sampled_from(METHODS))
def test_the_words_never_say_more_than_the_grade_and_one_unreliable_origin_says_nothing(
    votes: list[tuple[str, bool, str]], method: str
) -> None:
    """Every method: the ICD 203 words lie in the grade's band; one credible origin alone, graded E or F, is grade 6."""
    claims = _with_agency(
        world(
            *(
                claim(f"c{n}", holder=holder, denied=denied, certainty=certainty, source=("s1", "s2", "s5")[n % 3])
                for n, (holder, denied, certainty) in enumerate(votes)
            )
        )
    )
    assessment = factlog.assess(claims, method=method)
    documents = json.loads(factlog.render_assessment_json(assessment))["propositions"]
    for item, written in zip(assessment.propositions, documents, strict=True):
        credible = {(o.speaks_for, o.label): o for o in (*item.supporting, *item.opposing) if not o.interested}
        lone = len(credible) == 1 and next(iter(credible.values())).reliability in (Reliability.E, Reliability.F)
        if lone:
            assert item.credibility is Credibility.CANNOT_BE_JUDGED
        if item.credibility is Credibility.CANNOT_BE_JUDGED:
            assert written["likelihood"] is None
        else:
            assert Likelihood(written["likelihood"]) in _WORDS[item.credibility]
