"""Cues of commitment: indirect questions, wishes and failures, not ruling out, not denying, idioms of "no"."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factlog
from factlog import Certainty, Claim, Polarity
from tests.drafting.registries import BUNDLED_REGISTRY


def claim_of(sentence: str) -> Claim:
    """The first claim of a sentence drafted alone, with the bundled registry, published 20 November 2026."""
    drafted = factlog.draft(sentence, source="c", published="2026-11-20", registry=BUNDLED_REGISTRY)
    return drafted.claims[0]


def reading(sentence: str) -> tuple[Certainty, Polarity]:
    """The certainty and polarity of a sentence's first claim."""
    claim = claim_of(sentence)
    return claim.certainty, claim.polarity


@pytest.mark.parametrize(
    "sentence",
    [
        "Reporters asked if Kim Jong Un visited Moscow in September.",
        "Reporters asked whether Kim Jong Un had not visited Moscow.",
        "Analysts wondered whether Kim Jong Un would visit Moscow.",
        "Lawmakers questioned whether Kim Jong Un visited Moscow.",
        'Asked whether Kim Jong Un would visit Moscow, Peskov said: "Anything is possible."',
        "Peskov refused to say whether Kim Jong Un would visit Moscow.",
    ],
)
def test_an_indirect_question_holds_what_it_asks_uncommitted(sentence: str) -> None:
    """'Reporters asked if Kim visited Moscow': asked, not asserted (FactBank's Uu), and denied by nothing in it."""
    assert reading(sentence) == (Certainty.UNCOMMITTED, Polarity.AFFIRMED)


def test_an_indirect_questions_proposition_is_uncommitted() -> None:
    """The visit asked about keeps its proposition, held uncommitted, as a direct question's is."""
    claim = claim_of("Reporters asked if Kim Jong Un visited Moscow in September.")
    assert claim.proposition is not None
    assert claim.proposition.predicate == "visits"
    assert claim.certainty is Certainty.UNCOMMITTED


@pytest.mark.parametrize(
    "sentence",
    ["Kim Jong Un failed to visit Moscow in September.", "Kim Jong Un refused to meet Putin."],
)
def test_failing_or_refusing_to_act_denies_the_act(sentence: str) -> None:
    """'failed to visit', 'refused to meet': the event did not happen (CT-), and no visit or meeting is proposed."""
    claim = claim_of(sentence)
    assert (claim.polarity, claim.proposition) == (Polarity.DENIED, None)


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(["hoped", "wanted", "tried", "planned", "intended", "sought", "wished"]),
    st.sampled_from(["meet Choe Son-hui", "visit Moscow"]),
)
def test_a_wish_or_an_attempt_holds_the_event_uncommitted(verb: str, event: str) -> None:
    """'Lavrov hoped (wanted, tried ...) to meet Choe': the meeting uncommitted; 'tried to demonstrate': the attempt."""
    assert reading(f"Lavrov {verb} to {event} on Tuesday.") == (Certainty.UNCOMMITTED, Polarity.AFFIRMED)
    assert reading("Lavrov tried to demonstrate resolve.") == (Certainty.CERTAIN, Polarity.AFFIRMED)


@pytest.mark.parametrize(
    ("sentence", "holder"),
    [
        ("Peskov did not rule it out.", "peskov"),
        ('Park said, "We cannot rule it out."', "park"),
        ("Park said Kim cannot rule out a visit.", "park"),
        ("The Kremlin has not ruled anything out.", "kremlin"),
    ],
)
def test_not_ruling_it_out_is_the_speakers_possible_affirmation(sentence: str, holder: str) -> None:
    """'did not rule it out' (an object between), and after a verb of saying: the speaker's, possible, affirmed."""
    claim = claim_of(sentence)
    assert (claim.attribution.holder, claim.certainty, claim.polarity) == (
        holder,
        Certainty.POSSIBLE,
        Polarity.AFFIRMED,
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministry did not deny that troops had been sent.",
        "Moscow refused to deny that troops had been sent.",
        "Moscow declined to deny that troops had been sent.",
        "Pyongyang has not disputed that troops were sent.",
    ],
)
def test_not_denying_commits_to_nothing(sentence: str) -> None:
    """'did not deny', 'refused to deny': no commitment either way (Uu), neither a denial nor an assertion."""
    assert reading(sentence) == (Certainty.UNCOMMITTED, Polarity.AFFIRMED)


def test_no_sign_that_commits_to_nothing() -> None:
    """'There was no sign that X, the JCS said' is 'no evidence that X': uncommitted, no denial."""
    sentence = "There was no sign that the crossing was intentional, the JCS said."
    assert reading(sentence) == (Certainty.UNCOMMITTED, Polarity.AFFIRMED)


@pytest.mark.parametrize(
    "sentence",
    [
        "This is a dangerous provocation which can never be tolerated, says KCNA commentary.",
        "Russia sent troops who never returned, the ministry said.",
        'Fedorishchev said a fire broke out at "an industrial facility," but did not name it.',
        "This is nothing but a provocation, the spokesman said.",
        "The drills are nothing less than a rehearsal for invasion, KCNA said.",
        "Kim has no choice but to respond, analysts said.",
        '"The talks are over," one European diplomat, who asked not to be named, told AFP.',
        '"The site is operational," the official said, asking not to be identified.',
    ],
)
def test_a_negation_that_denies_nothing_leaves_the_claim_affirmed(sentence: str) -> None:
    """A negation in a relative clause, after '," but', in 'nothing but' or 'not to be named' denies nothing."""
    assert reading(sentence)[1] is Polarity.AFFIRMED


def test_a_negation_of_the_main_clause_still_denies() -> None:
    """'“Nobody believes ...,”' (a capital after an opening mark), 'sent no troops', 'did not visit, which': denied."""
    sentences = [
        '"Nobody believes the denial," the official said.',
        "Russia sent no troops, the ministry said.",
        "Kim did not visit Moscow, which Seoul had expected.",
    ]
    assert [reading(sentence)[1] for sentence in sentences] == [Polarity.DENIED] * 3


@pytest.mark.parametrize(
    ("sentence", "holder", "cue"),
    [
        ("Russia's embassy called the drills \u201ca provocation.\u201d", "c:russia-s-embassy", "called"),
        ('The FBI attributed the hack to a group it calls "TraderTraitor."', "fbi", "attributed"),
    ],
)
def test_a_characterisation_or_an_attribution_names_its_holder(sentence: str, holder: str, cue: str) -> None:
    """'X called the drills “a provocation”', 'X attributed the hack to Y': X's, affirmed (calling names no falsity)."""
    claim = claim_of(sentence)
    assert (claim.attribution.holder, claim.attribution.cue, claim.polarity) == (holder, cue, Polarity.AFFIRMED)


def test_declining_to_comment_on_a_report_is_the_decliners_uncommitted_claim() -> None:
    """'Peskov declined to comment on a report ... that X': Peskov's, committed to nothing."""
    claim = claim_of(
        "Peskov declined to comment on a report by Japan's Kyodo news agency that the meeting might take place"
        " in Vladivostok."
    )
    assert (claim.attribution.holder, claim.certainty, claim.polarity) == (
        "peskov",
        Certainty.UNCOMMITTED,
        Polarity.AFFIRMED,
    )


@pytest.mark.parametrize(
    "sentence",
    ["Kim Jong Un to visit Moscow, Kremlin says", "Kim Jong Un will visit Moscow, the Kremlin said."],
)
def test_a_future_without_a_time_gets_no_time(sentence: str) -> None:
    """'Kim Jong Un to visit Moscow': no time (the publication day is not the visit's); one named or past keeps it."""
    proposition = claim_of(sentence).proposition
    assert proposition is not None
    assert (proposition.predicate, proposition.when) == ("visits", None)
    named = claim_of("Kim Jong Un will visit Moscow on Tuesday, the Kremlin said.").proposition
    past = claim_of("Kim Jong Un visited Moscow, the Kremlin said.").proposition
    assert [None if p is None else str(p.when) for p in (named, past)] == ["2026-11-24", "2026-11-20"]


def test_an_estimate_is_probable() -> None:
    """'X is estimated to possess ...': probable, as 'is believed to' is."""
    sentence = "North Korea is estimated to possess enough fissile material for 50 warheads, according to SIPRI."
    assert reading(sentence) == (Certainty.PROBABLE, Polarity.AFFIRMED)


def test_imagery_reviewed_by_someone_between_commas_is_theirs() -> None:
    """'The satellite imagery, reviewed by 38 North, shows ...': 38 North's, as 'records seen by CPA show' is CPA's."""
    claim = claim_of("The satellite imagery, reviewed by 38 North, shows new construction.")
    assert (claim.attribution.holder, claim.attribution.cue) == ("38-north", "shows")


def test_a_later_saying_in_a_second_clause_leaves_the_first_certain() -> None:
    """'X said it was concerned but declined to comment': certain; 'said Kim cannot rule out': possible."""
    concerned = "The ministry said it was following developments closely but declined to comment on the report."
    assert [reading(concerned)[0], reading("Park said Kim cannot rule out a visit.")[0]] == [
        Certainty.CERTAIN,
        Certainty.POSSIBLE,
    ]
