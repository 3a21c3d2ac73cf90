"""Sentences a newcomer's articles had: times beside the verb, reversed citations, quoting, bare appositions."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import factlog


def _draft(text: str, published: str | None = "2026-05-12") -> factlog.ClaimSet:
    return factlog.draft(text, source="post", published=published, publisher="Harbour Post")


def _chain(text: str) -> list[str]:
    """The first claim's relays after the outlet, then its holder, by entity name."""
    drafted = _draft(text)
    attribution = drafted.claims[0].attribution
    return [drafted.entity_by_id[entity].name for entity in (*attribution.via[1:], attribution.holder)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Pentagon on Tuesday said the missile was a new type.",
        "The Pentagon last week said the missile was a new type.",
        "The Pentagon late on Dec. 2 said the missile was a new type.",
        "The Pentagon earlier this week alleged that the missile was a new type.",
    ],
)
def test_a_time_between_the_speaker_and_the_verb_is_no_part_of_the_holder(sentence: str) -> None:
    """'The Pentagon on Tuesday said' is the Pentagon's: the time phrase says when, not who."""
    assert _chain(sentence) == ["Pentagon"]


@given(
    speaker=st.sampled_from(["The Pentagon", "The ministry", "Kim Yo Jong", "Two diplomats", "The JCS"]),
    when=st.sampled_from(
        ["on Tuesday", "last week", "late on Dec. 2", "earlier this month", "on 2 December", "yesterday", "in May"]
    ),
    verb=st.sampled_from(["said", "alleged", "has said", "told reporters"]),
)
def test_any_time_phrase_before_the_verb_leaves_the_speaker_as_written(speaker: str, when: str, verb: str) -> None:
    """Whatever the speaker, the time phrase and the verb, '<speaker> <time> <verb> ...' is the speaker's.

    A proposed name is written without the article before it ("The Pentagon" is "Pentagon").
    """
    expected = {"The Pentagon": "Pentagon", "The JCS": "JCS"}.get(speaker, speaker)
    assert _chain(f"{speaker} {when} {verb} talks would resume.") == [expected]


@pytest.mark.parametrize(
    ("sentence", "chain"),
    [
        ("Kim said talks would resume, KCNA reported on Wednesday.", ["KCNA", "Kim"]),
        ("Kim said talks would resume, KCNA reported late on Wednesday.", ["KCNA", "Kim"]),
        (
            "Kim said talks would resume, state media KCNA reported on Wednesday, citing Yonhap.",
            ["KCNA", "Yonhap", "Kim"],
        ),
        ("Kim said talks would resume, according to KCNA on Wednesday.", ["KCNA", "Kim"]),
    ],
)
def test_a_relay_closing_the_sentence_is_kept_when_a_time_follows_its_verb(sentence: str, chain: list[str]) -> None:
    """'..., KCNA reported on Wednesday.' relays Kim's words as '..., KCNA reported.' does."""
    assert _chain(sentence) == chain


@pytest.mark.parametrize(
    ("sentence", "chain"),
    [
        (
            "According to two diplomatic sources cited by Reuters, talks would resume.",
            ["Reuters", "two diplomatic sources"],
        ),
        ("According to a government source quoted by Yonhap, talks would resume.", ["Yonhap", "a government source"]),
        ("Two diplomatic sources, cited by Reuters, said talks would resume.", ["Reuters", "Two diplomatic sources"]),
    ],
)
def test_cited_by_makes_the_citer_the_relay_and_the_cited_the_holder(sentence: str, chain: list[str]) -> None:
    """'Y cited by X' is 'X citing Y' the other way round: Y's words, through X."""
    assert _chain(sentence) == chain


@pytest.mark.parametrize(
    ("sentence", "chain"),
    [
        ("Kim was quoted by KCNA as saying that talks would resume.", ["KCNA", "Kim"]),
        ("Kim was quoted as saying that talks would resume.", ["Kim"]),
        ("KCNA quoted Kim as saying talks would resume.", ["KCNA", "Kim"]),
        ("Talks would resume, Yonhap quoted a government source as saying.", ["Yonhap", "a government source"]),
        ("Talks would resume, a government source told Yonhap.", ["Yonhap", "a government source"]),
        ("Peskov told TASS that talks would resume.", ["TASS", "Peskov"]),
    ],
)
def test_a_speaker_quoted_by_or_talking_to_an_outlet_holds_it_through_the_outlet(
    sentence: str, chain: list[str]
) -> None:
    """'X quoted Y as saying', 'Y was quoted by X as saying', 'Y told X' (X an outlet): Y's words, via X."""
    assert _chain(sentence) == chain


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Mao Ning, Foreign Ministry spokesperson, said talks would resume.", "Mao Ning"),
        ("Kim Jong Un, general secretary of the WPK, said that talks would resume.", "Kim Jong Un"),
        ("Lavrov, Russia's foreign minister, said talks would resume.", "Lavrov"),
        ("“We will respond resolutely,” said Kim Yo Jong, the sister of Kim Jong Un.", "Kim Yo Jong"),
        ("“We will respond,” said Kim Yo Jong, vice department director of the WPK Central Committee.", "Kim Yo Jong"),
    ],
)
def test_a_description_between_commas_without_an_article_leaves_the_name_the_holder(
    sentence: str, speaker: str
) -> None:
    """'X, general secretary of the WPK, said', '..., said X, the sister of Y.': the role describes X, X speaks."""
    assert _chain(sentence) == [speaker]


def test_a_future_will_inside_a_quotation_does_not_lower_the_speakers_claim() -> None:
    """'“We will respond,” said X, the sister of Y.' is X's, certain: a future "will" hedges only the outlet's voice."""
    claim = _draft("“We will respond resolutely,” said Kim Yo Jong, the sister of Kim Jong Un.").claims[0]
    assert (claim.certainty, claim.attribution.mode) == (factlog.Certainty.CERTAIN, factlog.Mode.DIRECT_QUOTE)


@pytest.mark.parametrize(
    "sentence",
    [
        "Western media reports that troops remain in the region are “pure fiction,” Lavrov stressed.",
        "These claims that troops remain in the region are baseless, Lavrov said.",
    ],
)
def test_reports_as_a_noun_is_no_cue_and_a_verdict_of_falsity_denies(sentence: str) -> None:
    """'Media reports that X are pure fiction, Lavrov stressed': Lavrov's, denying X; 'reports' names no speaker."""
    drafted = _draft(sentence)
    claim = drafted.claims[0]
    assert (drafted.entity_by_id[claim.attribution.holder].name, claim.polarity) == ("Lavrov", factlog.Polarity.DENIED)


@pytest.mark.parametrize(
    "sentence",
    [
        "It remains unclear whether talks will resume.",
        "It is not clear whether talks will resume.",
        "It was not immediately known whether talks had resumed.",
        "It is still uncertain when talks will resume.",
    ],
)
def test_unclear_whether_is_uncommitted_and_denies_nothing(sentence: str) -> None:
    """'It remains unclear whether X', 'It is not clear whether X': FactBank's Uu, neither asserted nor denied."""
    claim = _draft(sentence).claims[0]
    assert (claim.certainty, claim.polarity) == (factlog.Certainty.UNCOMMITTED, factlog.Polarity.AFFIRMED)


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("The Secret Intelligence Service said talks would resume.", "Secret Intelligence Service"),
        ("The National Intelligence Service said talks would resume.", "National Intelligence Service"),
    ],
)
def test_an_institutions_name_in_title_case_is_one_named_holder(sentence: str, name: str) -> None:
    """'The Secret Intelligence Service' is named whole: no title before a name ('Service'), and no descriptor."""
    drafted = _draft(sentence)
    holder = drafted.entity_by_id[drafted.claims[0].attribution.holder]
    assert (holder.name, holder.anonymous) == (name, False)


def test_an_acronym_in_parentheses_is_an_alias_of_the_proposed_holder() -> None:
    """'The National Intelligence Service (NIS) said ... The NIS added ...': one entity, aliased NIS."""
    drafted = _draft("The National Intelligence Service (NIS) said talks would resume. The NIS added that they had.")
    first, second = (claim.attribution.holder for claim in drafted.claims)
    assert (first, drafted.entity_by_id[first].aliases) == (second, ("NIS",))


def test_a_registry_name_with_its_acronym_in_parentheses_matches_without_them() -> None:
    """A registry entity named 'Korean Central News Agency (KCNA)' is 'the Korean Central News Agency' and 'KCNA'."""
    registry = factlog.loads(
        '{"format": "factlog", "version": 1, "entities": [{"id": "kcna", "name": "Korean Central News Agency (KCNA)",'
        ' "kind": "media-outlet"}]}'
    )
    for sentence in ("The Korean Central News Agency said talks would resume.", "KCNA said talks would resume."):
        drafted = factlog.draft(sentence, source="post", published="2026-05-12", registry=registry)
        assert drafted.claims[0].attribution.holder == "kcna"


@pytest.mark.parametrize(
    "text",
    [
        "The ministry said talks would resume. Talks would cover energy, it added.",
        "The Secret Intelligence Service said talks would resume. It added that they would cover energy.",
        "The JCS said talks would resume. It added that they would cover energy.",
    ],
)
def test_it_as_the_speaker_is_the_body_named_before(text: str) -> None:
    """'..., it added.' is the ministry, agency or outlet that spoke before, never an entity named "it"."""
    drafted = _draft(text)
    first, second = (claim.attribution.holder for claim in drafted.claims)
    assert (second, "it" in {entity.name.casefold() for entity in drafted.entities}) == (first, False)


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        ("MOSCOW, December 2. /TASS/. Kim said talks would resume.", "TASS"),
        ("Pyongyang, December 2 (KCNA) -- Kim said talks would resume.", "KCNA"),
        ("(서울=연합뉴스) 홍길동 기자 = Kim said talks would resume.", "Yonhap"),
    ],
)
def test_tass_kcna_and_korean_datelines_relay_the_story_by_the_agencys_name(text: str, agency: str) -> None:
    """TASS's '/TASS/.', KCNA's 'Pyongyang, December 2 (KCNA) --', Yonhap's '(서울=연합뉴스)': left out, a relay."""
    drafted = _draft(text)
    (claim,) = drafted.claims
    relay = drafted.entity_by_id[claim.attribution.via[1]]
    quote = claim.evidence[0].quote
    assert (relay.name, relay.id, quote) == (agency, agency.casefold(), "Kim said talks would resume.")


@pytest.mark.parametrize(
    ("sentence", "agency"),
    [
        ("Kim said talks would resume, Russia's TASS news agency reported.", "TASS"),
        ("The state-run Xinhua news agency said talks would resume.", "Xinhua"),
    ],
)
def test_a_well_known_agency_with_its_description_is_the_agency(sentence: str, agency: str) -> None:
    """'Russia's TASS news agency', 'the state-run Xinhua news agency': TASS and Xinhua, not descriptors of them."""
    drafted = _draft(sentence)
    attribution = drafted.claims[0].attribution
    named = {drafted.entity_by_id[entity].name for entity in (*attribution.via, attribution.holder)}
    assert agency in named


def test_he_after_an_unnamed_spokesman_is_the_spokesman() -> None:
    """'The spokesman said ... He stressed ...': the same spokesman, not another unnamed speaker."""
    drafted = _draft("The spokesman said talks would resume. He stressed that they would.")
    first, second = (claim.attribution.holder for claim in drafted.claims)
    assert second == first


@pytest.mark.parametrize(
    ("sentence", "chain"),
    [
        ("Talks would resume, Kim said, according to a KCNA report.", ["KCNA", "Kim"]),
        ("According to a Yonhap dispatch, talks would resume.", ["Yonhap"]),
    ],
)
def test_a_report_named_by_its_maker_is_the_makers(sentence: str, chain: list[str]) -> None:
    """'according to a KCNA report' is KCNA, not an entity named 'a KCNA report'."""
    assert _chain(sentence) == chain


def test_an_acronym_named_before_its_full_name_is_one_proposed_entity() -> None:
    """'JCS says' in a headline, 'the Joint Chiefs of Staff (JCS) said' below: one entity, the full name an alias."""
    drafted = _draft("Missile fired, JCS says\nThe Joint Chiefs of Staff (JCS) said a missile was fired.")
    first, second = (claim.attribution.holder for claim in drafted.claims)
    assert (second, "The Joint Chiefs of Staff" in drafted.entity_by_id[first].aliases) == (first, True)


def test_a_proposed_name_with_and_without_the_article_is_one_entity() -> None:
    """'The JCS said ...' and then 'JCS said ...': one proposed entity, whichever comes first."""
    drafted = _draft("The JCS said talks would resume. JCS said they would.")
    first, second = (claim.attribution.holder for claim in drafted.claims)
    assert second == first


@pytest.mark.parametrize(
    ("sentence", "chain"),
    [
        ("In remarks reported by KCNA, Kim said talks would resume.", ["KCNA", "Kim"]),
        ("The report was denied by Moscow.", ["Moscow"]),
    ],
)
def test_a_participle_with_by_relays_and_a_passive_with_by_names_the_speaker(sentence: str, chain: list[str]) -> None:
    """'remarks reported by KCNA' relays Kim's words; 'was denied by Moscow' is Moscow's denial."""
    assert _chain(sentence) == chain


@pytest.mark.parametrize(
    ("sentence", "chain"),
    [
        (
            "“We will respond,” said Kim Yo Jong, the sister of Kim Jong Un, in a statement carried by KCNA.",
            ["KCNA", "Kim Yo Jong"],
        ),
        (
            "Russian state news agency RIA Novosti, citing a source, reported that talks had ended.",
            ["RIA Novosti", "a source"],
        ),
        ("Talks had ended, according to satellite images analyzed by 38 North.", ["38 North"]),
    ],
)
def test_carriers_and_analysts_of_records_closing_or_opening_a_sentence_are_kept(
    sentence: str, chain: list[str]
) -> None:
    """'..., in a statement carried by KCNA.' relays; 'news agency RIA Novosti' is RIA; images analysed by X, X's."""
    assert _chain(sentence) == chain
