"""Assessment: independent origins, belief, status, credibility, acceptance, as-of."""

from __future__ import annotations

import random

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factlog
from factlog import Acceptance as Label
from factlog import Claim, ClaimSet, Credibility, Status, TextValue
from factlog.analysis._origins import may_share_origin
from factlog.assessment._methods import METHODS
from tests.helpers import claim, echo_cluster, world
from tests.strategies import claim_sets


def accuracy(claims: ClaimSet | factlog.Assessment, truth: dict[str, str], method: str = "accucopy") -> float:
    """The share of questions whose leading value is the true one (1/k for a k-way tie that holds it).

    Of the claims assessed with ``method``, or of an assessment already made.
    """
    assessment = claims if isinstance(claims, factlog.Assessment) else factlog.assess(claims, method=method)
    leading = assessment.leading()
    credit = 0.0
    for items in leading.values():
        subject = items[0].key.split()[0]
        if any(item.value == TextValue(text=truth[subject]) for item in items):
            credit += 1 / len(items)
    return credit / len(truth)


def test_a_declared_echo_fools_only_the_claim_count() -> None:
    """One origin echoed by ten declared copies: the methods over origins find the truth, a claim count does not."""
    claims, truth = echo_cluster(seed=2025, questions=200)
    scores = {method: accuracy(claims, truth, method) for method in METHODS}
    assert scores["accucopy"] >= 0.90
    assert scores["accuvote"] >= 0.90
    assert scores["majority"] < 0.5


def test_an_undeclared_echo_is_found_by_the_default_method() -> None:
    """Ten outlets repeating one origin in their own voice, nothing declared: only AccuCopy sees through them."""
    claims, truth = echo_cluster(seed=2025, questions=200, declared=False)
    assessment = factlog.assess(claims)
    assert assessment.method == "accucopy"
    assert accuracy(assessment, truth) >= 0.95
    assert accuracy(claims, truth, "accuvote") < 0.5
    assert len(assessment.dependences) == 55  # every pair among the echoed origin and its ten copiers


def test_without_copiers_the_default_is_at_least_as_good_as_majority() -> None:
    """All twenty sources independent: the default method is no worse than counting."""
    claims, truth = echo_cluster(seed=7, questions=200, copied=False)
    assert accuracy(claims, truth, "accucopy") >= accuracy(claims, truth, "majority")


def test_truthfinder_reports_its_own_trust() -> None:
    """With --method truthfinder the learned weights are TruthFinder's trust, one per source, with claim counts."""
    claims, _ = echo_cluster(seed=3, questions=50, copied=False)
    assessment = factlog.assess(claims, method="truthfinder")
    assert assessment.method == "truthfinder"
    assert {trust.source for trust in assessment.sources} >= {"origin-0", "echoed"}
    assert all(trust.claims == 50 and 0 < trust.accuracy < 1 for trust in assessment.sources)


@pytest.fixture(scope="module")
def corpus_assessment() -> factlog.Assessment:
    return factlog.assess(factlog.load("sources/"))


def _about(assessment: factlog.Assessment, claim_id: str) -> factlog.PropositionAssessment:
    [item] = assessment.about(claim_id)
    return item


def test_weapons_transfer_is_never_refuted_by_the_accused(corpus_assessment: factlog.Assessment) -> None:
    """The accused's denials leave the allegation disputed or denied by an interested party."""
    item = _about(corpus_assessment, "weapons-allegation")
    assert item.status in (Status.DISPUTED, Status.DENIED_BY_INTERESTED_PARTY)
    assert all(origin.interested for origin in item.opposing)


def test_li_qiang_visit_rests_on_independent_origins(corpus_assessment: factlog.Assessment) -> None:
    """KCNA, the Chinese Foreign Ministry and the reference set: confirmed or corroborated."""
    item = _about(corpus_assessment, "li-visit-announced-kcna")
    assert item.status in (Status.CONFIRMED, Status.CORROBORATED)
    assert {origin.speaks_for for origin in item.supporting} >= {"dprk", "prc", "reference-set"}


def test_state_media_alone_is_single_source(corpus_assessment: factlog.Assessment) -> None:
    """Choe meeting Lavrov rests on 'state media reports' alone."""
    item = _about(corpus_assessment, "choe-to-meet-lavrov")
    assert item.status is Status.SINGLE_SOURCE
    assert item.credibility is not Credibility.CONFIRMED


def test_reference_date_wins_over_the_article(corpus_assessment: factlog.Assessment) -> None:
    """Zhao Leji's visit: the reference date is accepted, the article's 'earlier this year' rejected."""
    assert corpus_assessment.label("ref-zhao-visit-date") is Label.ACCEPTED
    assert corpus_assessment.label("zhao-visit-date-this-year") is Label.REJECTED


def _reversal() -> ClaimSet:
    """Russia calls the troop reports fake in 2024-11, then confirms them in 2025-04."""
    return world(
        claim(
            "reports",
            "dprk",
            "deploys-troops-to",
            "russia",
            "2024-10/2025-04",
            holder="wire",
            source="s2",
            stated="2024-10",
        ),
        claim(
            "fake",
            "dprk",
            "deploys-troops-to",
            "russia",
            "2024-10/2025-04",
            denied=True,
            holder="russia",
            stated="2024-11",
        ),
        claim(
            "confirmed",
            "dprk",
            "deploys-troops-to",
            "russia",
            "2024-10/2025-04",
            holder="russia",
            source="s5",
            stated="2025-04",
        ),
    )


def test_as_of_uses_only_what_was_said_by_then() -> None:
    """On 2024-11-30 Russia still denied; by 2025-05 it had confirmed, and its denial no longer counts."""
    then = factlog.assess(_reversal(), as_of="2024-11-30")
    [before] = then.propositions
    assert [o.speaks_for for o in before.opposing] == ["russia"]
    assert before.status is Status.DENIED_BY_INTERESTED_PARTY
    assert "confirmed" not in before.claim_ids
    later = factlog.assess(_reversal(), as_of="2025-05-31")
    [after] = later.propositions
    assert after.opposing == ()
    assert {o.speaks_for for o in after.supporting} == {"russia", "wire"}
    assert after.belief > before.belief
    assert dict(after.labels)["fake"] is Label.REJECTED


def test_unknown_method_is_refused() -> None:
    """A method name that does not exist is a ValueError naming the choices."""
    with pytest.raises(ValueError, match="accuvote, majority, truthfinder"):
        factlog.assess(world(claim("a")), method="oracle")


def test_credibility_one_only_with_independent_reliable_origins() -> None:
    """Two reliable, independent origins confirm (grade 1); one voice repeated does not."""
    graded = world(claim("a", holder="mfa-prc"), claim("b", holder="wire", source="s2"))
    entities = tuple(
        attrs.evolve(e, reliability=factlog.Reliability.B) if e.id in ("mfa-prc", "wire") else e
        for e in graded.entities
    )
    [confirmed] = factlog.assess(attrs.evolve(graded, entities=entities)).propositions
    assert confirmed.status is Status.CONFIRMED
    assert confirmed.credibility is Credibility.CONFIRMED
    echoed = world(claim("a", holder="mfa-prc"), claim("b", holder="mfa-prc", source="s2", via=("wire",)))
    [repeated] = factlog.assess(attrs.evolve(echoed, entities=entities)).propositions
    assert repeated.status is Status.SINGLE_SOURCE
    assert repeated.credibility is not Credibility.CONFIRMED


@st.composite
def votes(draw: st.DrawFn) -> list[Claim]:
    """Claims for and against one proposition from a few holders, some of them relayed."""
    holders = ["author", "wire", "kcna", "mfa-prc", "analysts", "tabloid", "russia", "paper-a"]
    count = draw(st.integers(1, 8))
    return [
        claim(
            f"c{n}",
            denied=draw(st.booleans()),
            certainty=draw(st.sampled_from(["certain", "probable", "possible"])),
            holder=draw(st.sampled_from(holders)),
            source=draw(st.sampled_from(["s1", "s2", "s5"])),
        )
        for n in range(count)
    ]


def _belief(claims: list[Claim], method: str = "accucopy") -> float:
    [item] = factlog.assess(world(*claims), method=method).propositions
    return item.belief


@given(votes(), st.randoms(use_true_random=False))
def test_belief_does_not_depend_on_claim_order(claims: list[Claim], rng: random.Random) -> None:
    """Shuffling the claims gives the same belief, status and labels."""
    shuffled = list(claims)
    rng.shuffle(shuffled)
    assert factlog.assess(world(*claims)).propositions == factlog.assess(world(*shuffled)).propositions


@given(votes(), st.data())
def test_a_relay_of_an_existing_claim_adds_no_belief(claims: list[Claim], data: st.DataObject) -> None:
    """The same holder's claim repeated through another outlet leaves belief unchanged."""
    original = data.draw(st.sampled_from(claims))
    relayed = attrs.evolve(
        original,
        id="relayed",
        attribution=attrs.evolve(original.attribution, via=("paper-b",)),
        evidence=(attrs.evolve(original.evidence[0], source="s4"),),
    )
    assert _belief([*claims, relayed]) == pytest.approx(_belief(claims))


@given(votes(), st.sampled_from(["certain", "probable", "possible"]))
def test_an_independent_supporting_origin_never_lowers_belief(claims: list[Claim], certainty: str) -> None:
    """Without copy detection, adding a new, independent holder that affirms never lowers belief.

    (AccuCopy may judge a newcomer that agrees on everything a copier, and discount it
    together with the holder it seems to repeat: that is the point of it.)
    """
    newcomer = claim("newcomer", holder="western-intelligence", source="s5", certainty=certainty)
    assert _belief([*claims, newcomer], "accuvote") >= _belief(claims, "accuvote")


@settings(max_examples=100)
@given(claim_sets(max_claims=12), st.data())
def test_one_origin_is_never_ruled_out_wrongly(claims: ClaimSet, data: st.DataObject) -> None:
    """Where the quick test rules out a single origin, the union-find finds two or more."""
    # Many claims in their publisher's own voice, so that speakers join through derived sources.
    publisher = {source.id: source.publisher for source in claims.sources}
    own_voice = [
        attrs.evolve(c, attribution=attrs.evolve(c.attribution, holder=publisher[c.evidence[0].source]))
        if data.draw(st.integers(0, 3))  # three claims in four
        else c
        for c in claims.claims
    ]
    index = factlog.Index.of(attrs.evolve(claims, claims=tuple(own_voice)))
    entries = index.entries
    pairs = [[first, second] for position, first in enumerate(entries) for second in entries[position + 1 :]]
    groups = [index.entries, *index.by_key.values(), *index.by_source.values(), *pairs]
    for group in groups:
        if group and not may_share_origin(index, group):
            assert len(factlog.origins(index, group)) >= 2


def test_the_beliefs_only_path_gives_the_same_beliefs_without_explanations() -> None:
    """explain=False gives the same beliefs, statuses and credibility, with no reasons, labels or acceptance."""
    claims = factlog.load("sources/")
    full, lean = factlog.assess(claims), factlog.assess(claims, explain=False)
    assert [(i.key, i.belief, i.status, i.credibility) for i in full.propositions] == [
        (i.key, i.belief, i.status, i.credibility) for i in lean.propositions
    ]
    assert all(i.reasons == () and i.labels == () and i.acceptance is None for i in lean.propositions)


@settings(max_examples=30, deadline=None)
@given(claim_sets(max_claims=12))
def test_about_and_label_agree_with_a_scan_of_every_proposition(claims: ClaimSet) -> None:
    """`about` and `label`, answered from a map built once, equal a scan of every proposition (the oracle)."""
    result = factlog.assess(claims)
    for claim_id in [c.id for c in claims.claims]:
        scanned = [item for item in result.propositions if claim_id in item.claim_ids]
        assert result.about(claim_id) == scanned
        assert result.label(claim_id) == (dict(scanned[0].labels)[claim_id] if scanned else None)


def test_about_reads_each_propositions_labels_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Asking about every claim reads each assessment's labels once in all, not once per claim."""
    claims = world(*(claim(f"c{n}", holder="wire" if n % 2 else "author", denied=n % 3 == 0) for n in range(30)))
    result = factlog.assess(claims)
    reads = []
    original = factlog.PropositionAssessment.claim_ids
    monkeypatch.setattr(
        factlog.PropositionAssessment, "claim_ids", property(lambda item: reads.append(1) or original.fget(item))
    )
    for item in claims.claims:
        result.about(item.id)
        result.label(item.id)
    assert reads == []
