"""Readings a newcomer's trial got wrong: firm futures, "did not confirm", answers to questions, callings."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import factlog
from tests.drafting.registries import BUNDLED_REGISTRY, NIS_REGISTRY


def _claim(text: str) -> tuple[factlog.Claim, factlog.ClaimSet]:
    """The last sentence claim (office titles left out) of a draft with the bundled registry, and the draft."""
    drafted = factlog.draft(
        text, source="post", published="2026-05-12", publisher="Harbour Post", registry=BUNDLED_REGISTRY
    )
    claims = [claim for claim in drafted.claims if "-office-" not in claim.id and "-holder-" not in claim.id]
    return claims[-1], drafted


def _reading(text: str) -> tuple[str, str, str]:
    """(holder name, certainty, polarity) of the last sentence of ``text``."""
    claim, drafted = _claim(text)
    return drafted.entity_by_id[claim.attribution.holder].name, claim.certainty.value, claim.polarity.value


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministry did not confirm the report.",
        "The ministry didn't confirm the report.",
        "The ministry did not immediately confirm the report.",
        "The ministry does not confirm the report.",
    ],
)
def test_not_confirming_is_the_speakers_uncommitted_answer(sentence: str) -> None:
    """'The ministry did not confirm the report' is the ministry's, committed to nothing (Uu), not a denial."""
    assert _reading(sentence) == ("The ministry", "uncommitted", "affirmed")


@given(
    first=st.sampled_from(
        [
            "The ministry did not confirm the report",
            "The ministry did not rule out talks",
            "The ministry said talks went well",
            "The ministry said China will send a delegation",
        ]
    ),
    second=st.sampled_from(
        [
            ", and said it would investigate",
            ", but said it would not comment further",
            ", and said talks may resume",
            "; it could respond later",
            ", and did not say when",
        ]
    ),
)
def test_a_second_clause_neither_lowers_nor_flips_the_first(first: str, second: str) -> None:
    """What a clause after ', and', ', but' or ';' says leaves the first clause's holder, certainty and polarity."""
    assert _reading(f"{first}{second}.") == _reading(f"{first}.")


def test_a_conjunction_before_a_second_verb_is_no_speaker() -> None:
    """'The ministry has yet to confirm the report, and said ...' proposes no holder named "and"."""
    claim, drafted = _claim("The ministry has yet to confirm the report, and said it would investigate.")
    assert drafted.entity_by_id[claim.attribution.holder].name != "and"
    assert (claim.certainty.value, claim.attribution.cue) == ("certain", None)


@pytest.mark.parametrize(
    ("answer", "certainty", "polarity"),
    [
        ("Peskov said he could not rule it out", "possible", "affirmed"),
        ('Peskov said, "We cannot rule it out."', "possible", "affirmed"),
        ("Peskov said they may have", "possible", "affirmed"),
        ("Peskov denied it", "certain", "denied"),
        ("Peskov said they had not", "certain", "denied"),
        ("Peskov declined to comment", "uncommitted", "affirmed"),
    ],
)
def test_an_answer_in_words_of_commitment_outweighs_the_question(answer: str, certainty: str, polarity: str) -> None:
    """'Asked whether X, Peskov denied it' is Peskov's denial; '..., he could not rule it out' his possible."""
    sentence = f"Asked whether troops had crossed the border, {answer}"
    assert _reading(sentence.rstrip(".") + ("" if sentence.endswith('"') else ".")) == ("Peskov", certainty, polarity)


@pytest.mark.parametrize(
    "sentence",
    [
        "Peskov called the report a provocation.",
        "Peskov called the report “a provocation.”",
        "Peskov called the reports a deliberate provocation.",
        "Peskov branded the allegations Western propaganda.",
        "Peskov dismissed the claims as disinformation.",
        "Peskov called the story a hoax.",
    ],
)
def test_calling_a_report_a_hostile_invention_is_the_callers_denial(sentence: str) -> None:
    """'Peskov called the report a provocation' (slander, propaganda, a hoax ...) is Peskov's denial, as 'absurd' is."""
    assert _reading(sentence) == ("Peskov", "certain", "denied")


def _holder_of(text: str, registry: factlog.ClaimSet | None = None) -> factlog.Entity:
    """The holder of the last sentence of ``text``, drafted with ``registry``."""
    drafted = factlog.draft(text, source="post", publisher="Harbour Post", registry=registry)
    return drafted.entity_by_id[drafted.claims[-1].attribution.holder]


@given(
    owner=st.sampled_from(["South Korea's", "S. Korea's", "Seoul's", "the Republic of Korea's"]),
    body=st.sampled_from(["spy agency", "intelligence agency", "intelligence service", "state spy agency"]),
    where=st.sampled_from(["before", "after"]),
)
def test_a_countrys_spy_agency_is_the_registrys_intelligence_body_of_that_country(
    owner: str, body: str, where: str
) -> None:
    """'South Korea's spy agency' (S. Korea's, Seoul's; intelligence service) is the NIS, speaking for South Korea."""
    speaker = f"{owner} {body}"
    sentence = f"{speaker[0].upper()}{speaker[1:]} said Kim visited Moscow."
    if where == "after":
        sentence = f"Kim visited Moscow, {speaker} said."
    assert _holder_of(sentence, NIS_REGISTRY).id == "nis"


@pytest.mark.parametrize(
    ("text", "affiliation"),
    [
        ("Seoul's spy agency said Kim visited Moscow. The spy agency added he met Putin.", "rok"),
        ("South Korea said Kim visited Moscow. The spy agency said he met Putin.", None),
        ("North Korea's spy agency said Kim visited Moscow.", "dprk"),
    ],
)
def test_a_spy_agency_is_the_nis_only_when_it_is_south_koreas(text: str, affiliation: str | None) -> None:
    """'The spy agency' after Seoul's is the NIS; North Korea's is an anonymous body of North Korea, not the NIS."""
    holder = _holder_of(text, NIS_REGISTRY)
    assert (holder.id == "nis", holder.affiliation) == (affiliation == "rok", affiliation)


@pytest.mark.parametrize(
    "first",
    [
        "Mao Ning spoke at a briefing.",
        "Foreign Ministry spokesperson Mao Ning spoke on Monday.",
        "At a briefing with Foreign Ministry spokesperson Mao Ning, reporters asked about the talks.",
        "Foreign Ministry spokesperson Mao Ning said China will attend.",
    ],
)
@pytest.mark.parametrize("registry", [None, BUNDLED_REGISTRY])
def test_a_lone_name_is_the_person_named_in_full_before_wherever_named(
    first: str, registry: factlog.ClaimSet | None
) -> None:
    """'Mao said' after 'Mao Ning' was named, as a holder or in the outlet's own voice, is Mao Ning."""
    assert _holder_of(f"{first} Mao said China will send a delegation.", registry).name == "Mao Ning"


@pytest.mark.parametrize(
    ("headline", "name"),
    [
        ("Nordkorea-Experte: Raketentest war ein Fehlschlag", "Nordkorea-Experte"),
        ("Experten: Raketentest war ein Fehlschlag", "Experten"),
        ("North Korea expert: Missile test was a failure", "North Korea expert"),
        ("Expert: Missile test was a failure", "Expert"),
    ],
)
@pytest.mark.parametrize("registry", [None, BUNDLED_REGISTRY])
def test_an_expert_before_a_headlines_colon_is_an_anonymous_holder(
    headline: str, name: str, registry: factlog.ClaimSet | None
) -> None:
    """'Nordkorea-Experte: ...' (German or English) is an unnamed expert's, speaking for no one, not North Korea's."""
    holder = _holder_of(headline, registry)
    assert (holder.name, holder.anonymous, holder.affiliation) == (name, True, None)


@pytest.mark.parametrize("speaker", ["North Korea experts", "Russia analysts", "A North Korea expert"])
def test_experts_on_a_country_speak_for_no_one(speaker: str) -> None:
    """'North Korea experts said' are people who know about North Korea, not its officials: no affiliation."""
    holder = _holder_of(f"{speaker} said the test failed.", BUNDLED_REGISTRY)
    assert (holder.anonymous, holder.affiliation) == (True, None)


@given(
    speaker=st.sampled_from(["spokeswoman", "spokesman", "senior official", "ministry spokesperson", "experts"]),
    mark=st.sampled_from([" - ", ": "]),
    hedge=st.sampled_from(
        [("will", "certain"), ("may", "possible"), ("could", "possible"), ("is likely to", "probable")]
    ),
)
def test_a_headlines_speaker_after_its_dash_holds_the_future_as_firmly_as_stated(
    speaker: str, mark: str, hedge: tuple[str, str]
) -> None:
    """'China will send delegation to talks - spokeswoman': the speaker's firm word, not the outlet's "will"."""
    word, certainty = hedge
    claim, drafted = _claim(f"China {word} send delegation to talks{mark}{speaker}")
    assert (drafted.entity_by_id[claim.attribution.holder].name, claim.certainty.value) == (speaker, certainty)


@given(
    speaker=st.sampled_from(
        [
            "Foreign Ministry spokeswoman Mao Ning",
            "Foreign Ministry spokesman Mao Ning",
            "A Foreign Ministry spokeswoman",
            "The spokeswoman",
        ]
    ),
    hedge=st.sampled_from([("will", "certain"), ("would", "certain"), ("may", "possible"), ("could", "possible")]),
)
def test_a_spokeswomans_future_is_hers_as_firmly_as_she_states_it(speaker: str, hedge: tuple[str, str]) -> None:
    """'Foreign Ministry spokeswoman Mao Ning said China will send ...' is Mao Ning's, certain; "may" is possible."""
    word, certainty = hedge
    drafted = factlog.draft(f"{speaker} said China {word} send a delegation to the talks.", source="post")
    claim = drafted.claims[0]
    expected = "Mao Ning" if "Mao Ning" in speaker else speaker
    assert (drafted.entity_by_id[claim.attribution.holder].name, claim.certainty.value) == (expected, certainty)
