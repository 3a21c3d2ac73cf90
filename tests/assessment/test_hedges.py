"""What assessment may say on hedged words: no firmer than the origins for a proposition commit to."""

from __future__ import annotations

import json

import attrs
from hypothesis import given
from hypothesis import strategies as st

import factlog
from factlog import Claim, ClaimSet, Credibility, Likelihood, Reliability, Status
from factlog.assessment._methods import METHODS
from factlog.report._disputes import assessment_view
from tests.helpers import claim, world

_HOLDERS = ("author", "wire", "mfa-prc", "analysts", "tabloid", "paper-a", "russia", "kcna")


def graded(claims: ClaimSet, grade: Reliability = Reliability.B) -> ClaimSet:
    """The claims with the named outlets and the Chinese Foreign Ministry graded ``grade``."""
    entities = tuple(
        attrs.evolve(e, reliability=grade) if e.id in ("author", "wire", "mfa-prc", "paper-a") else e
        for e in claims.entities
    )
    return attrs.evolve(claims, entities=entities)


def _one(claims: ClaimSet, method: str = "accucopy") -> factlog.PropositionAssessment:
    [item] = factlog.assess(claims, method=method).propositions
    return item


def test_a_lone_possible_report_is_held_to_an_even_chance() -> None:
    """One B outlet's "reportedly" weighs 0.67 but reads possibly true, roughly even chance, and says why."""
    item = _one(graded(world(claim("a", certainty="possible"))))
    assert item.belief > 0.55  # the method's belief, as weighed, is left as it is
    assert (item.status, item.credibility) == (Status.SINGLE_SOURCE, Credibility.POSSIBLY_TRUE)
    assert item.likelihood is Likelihood.ROUGHLY_EVEN_CHANCE
    held = "held to roughly even chance: its origins for it say only that it is possible; the belief is the method's"
    assert item.reasons[-2] == held


def test_the_words_printed_and_written_are_held_too() -> None:
    """Text, JSON and the report's view all give the held words, beside the unheld belief."""
    assessment = factlog.assess(graded(world(claim("a", certainty="possible"))))
    text = factlog.render_assessment_text(assessment)
    assert "single-source; credibility 3 — possibly true (ICD 203: roughly even chance); belief 0.67" in text
    [written] = json.loads(factlog.render_assessment_json(assessment))["propositions"]
    assert (written["credibility"], written["likelihood"], written["belief"]) == (3, "roughly-even-chance", 0.6668)
    view = assessment_view(assessment.propositions[0])
    assert (view.credibility, view.likelihood) == (3, "roughly even chance")


hedged_votes = st.lists(
    st.tuples(st.sampled_from(_HOLDERS), st.booleans(), st.sampled_from(["certain", "probable", "possible"])),
    min_size=1,
    max_size=8,
)


def _claims(votes: list[tuple[str, bool, str]], affirmed: str) -> list[Claim]:
    """Claims of the drawn holders; every affirmation is ``affirmed``, denials keep their drawn certainty."""
    return [
        claim(f"c{n}", holder=holder, denied=denied, certainty=certainty if denied else affirmed, source="s1")
        for n, (holder, denied, certainty) in enumerate(votes)
    ]


@given(hedged_votes, st.sampled_from(METHODS), st.sampled_from(list(Reliability)))
def test_possibilities_alone_never_make_a_proposition_better_than_even(
    votes: list[tuple[str, bool, str]], method: str, grade: Reliability
) -> None:
    """Whatever the number of origins, their grades and the method: "possible" supporters give at best grade 3."""
    item = _one(graded(world(*_claims(votes, "possible")), grade), method)
    assert item.credibility <= Credibility.POSSIBLY_TRUE
    assert item.likelihood <= Likelihood.ROUGHLY_EVEN_CHANCE
    assert item.status is not Status.CONFIRMED


@given(hedged_votes, st.sampled_from(METHODS), st.sampled_from(list(Reliability)))
def test_one_probable_origin_never_reads_more_than_likely(
    votes: list[tuple[str, bool, str]], method: str, grade: Reliability
) -> None:
    """Possibilities and at most one independent "probable" origin for it: words no firmer than likely."""
    claims = _claims(votes, "possible")
    claims.append(claim("firm", holder="western-intelligence", certainty="probable", source="s5"))
    item = _one(graded(world(*claims), grade), method)
    assert item.likelihood <= Likelihood.LIKELY
    assert item.credibility <= Credibility.PROBABLY_TRUE


def test_two_independent_probable_origins_confirm_each_other() -> None:
    """Leans add up: two independent reliable "probable" origins are confirmed and may read very likely."""
    claims = graded(
        world(claim("a", certainty="probable"), claim("b", holder="wire", source="s2", certainty="probable")),
        Reliability.A,
    )
    item = _one(claims)
    assert item.status is Status.CONFIRMED
    assert item.ceiling is None
    assert item.likelihood > Likelihood.LIKELY


def test_two_reliable_possible_origins_corroborate_but_do_not_confirm() -> None:
    """Two independent A-graded "reportedly"s: corroborated, possibly true, though the belief passes 0.8."""
    claims = graded(
        world(claim("a", certainty="possible"), claim("b", holder="wire", source="s2", certainty="possible")),
        Reliability.A,
    )
    item = _one(claims)
    assert item.belief >= 0.8
    assert (item.status, item.credibility) == (Status.CORROBORATED, Credibility.POSSIBLY_TRUE)


def test_a_firm_origin_lifts_the_ceiling_of_hedged_ones() -> None:
    """One "certain" origin for it: the hedges beside it cap nothing."""
    item = _one(graded(world(claim("a", certainty="possible"), claim("b", holder="wire", source="s2"))))
    assert item.ceiling is None
    assert item.credibility is Credibility.PROBABLY_TRUE


def test_an_interested_denial_alone_cannot_be_judged() -> None:
    """Only the accused's denial, nobody asserting: denied-by-interested-party, credibility 6."""
    item = _one(world(claim("denial", holder="kcna", denied=True)))
    assert item.supporting == ()
    assert item.opposing[0].interested
    assert (item.status, item.credibility) == (Status.DENIED_BY_INTERESTED_PARTY, Credibility.CANNOT_BE_JUDGED)
    text = factlog.render_assessment_text(factlog.assess(world(claim("denial", holder="kcna", denied=True))))
    assert "denied-by-interested-party; credibility 6 — truth cannot be judged; belief" in text


def test_a_credible_denial_alone_is_denied_not_single_source() -> None:
    """One graded origin (D) against it and nobody for it: denied (no origin is for it), graded by the belief."""
    claims = world(claim("denial", "prc", "visits", "russia", holder="kcna", denied=True))  # KCNA is no party to it
    item = _one(claims)
    assert (item.status, item.credibility) == (Status.DENIED, Credibility.DOUBTFUL)
    assert "denied; credibility 4 — doubtful" in factlog.render_assessment_text(factlog.assess(claims))


def test_a_lone_credible_denial_reads_denied_everywhere_but_claimreview() -> None:
    """JSON and Markdown say denied; ClaimReview reviews no proposition nobody makes, so never says it."""
    claims = world(claim("denial", holder="paper-a", denied=True))
    assessment = factlog.assess(claims)
    [item] = json.loads(factlog.render_assessment_json(assessment))["propositions"]
    assert item["status"] == "denied"
    assert "| denied |" in factlog.render_assessment_markdown(assessment)
    assert factlog.to_claimreview(assessment, claims, author="Desk", everything=True)["@graph"] == []


def test_two_credible_denials_alone_refute_it() -> None:
    """Two independent origins against it and nobody for it: refuted, whatever the belief."""
    item = _one(world(claim("a", holder="paper-a", denied=True), claim("b", holder="wire", source="s2", denied=True)))
    assert item.status is Status.REFUTED


def test_a_page_prints_no_likelihood_for_a_grade_that_cannot_be_judged() -> None:
    """Grade 6 has no ICD 203 words: the dispute page says none, as the text does, not the belief's band."""
    item = _one(world(claim("denial", holder="kcna", denied=True)))
    assert item.credibility is Credibility.CANNOT_BE_JUDGED
    assert assessment_view(item).likelihood == ""


@given(hedged_votes, st.sampled_from(METHODS))
def test_json_text_and_page_state_likelihood_words_alike(votes: list[tuple[str, bool, str]], method: str) -> None:
    """Grade 6 states no likelihood anywhere (JSON null); every other grade the same words in JSON, text and page."""
    assessment = factlog.assess(world(*_claims(votes, "possible")), method=method)
    [item] = assessment.propositions
    [written] = json.loads(factlog.render_assessment_json(assessment))["propositions"]
    text = factlog.render_assessment_text(assessment)
    view = assessment_view(item)
    if item.credibility is Credibility.CANNOT_BE_JUDGED:
        assert written["likelihood"] is None
        assert view.likelihood == ""
        assert "ICD 203" not in text
    else:
        words = item.likelihood.value
        assert written["likelihood"] == words
        assert view.likelihood == words.replace("-", " ")
        assert f"(ICD 203: {words.replace('-', ' ')})" in text
