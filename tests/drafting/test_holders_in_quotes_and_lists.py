"""Who holds a sentence when words of saying stand inside a quotation, names come in lists, or a pronoun refers back."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factlog
from factlog.model._scales import Polarity


def _draft(text: str) -> factlog.ClaimSet:
    return factlog.draft(text, source="post", published="2026-05-12", publisher="Harbour Post")


def _chain(text: str, claim: int = 0) -> list[str]:
    """A claim's relays after the outlet, then its holder, by entity name."""
    drafted = _draft(text)
    attribution = drafted.claims[claim].attribution
    return [drafted.entity_by_id[entity].name for entity in (*attribution.via[1:], attribution.holder)]


@pytest.mark.parametrize(
    ("sentence", "chain"),
    [
        ("“It is hard to say whether this is a provocation,” said Yang Moo-jin, a professor.", ["Yang Moo-jin"]),
        ("“We believe it is operational,” the official said, asking not to be identified.", ["the official"]),
        ("“Kim said ‘Lavrov told me so’ to us,” Putin said.", ["Putin"]),
        ('"Kim told us the talks will resume," Putin said.', ["Putin"]),
    ],
)
def test_a_verb_of_saying_inside_a_quotation_is_the_quoted_speakers_not_the_sentences(
    sentence: str, chain: list[str]
) -> None:
    """'“It is hard to say ...,” said Yang': the speaker named outside the quotation holds it."""
    assert _chain(f"Talks.\n\n{sentence}", claim=1) == chain


def test_a_negation_in_a_participle_after_the_speaker_denies_nothing_of_the_quotation() -> None:
    """'“...,” the official said, asking not to be identified.': the quotation is affirmed."""
    drafted = _draft("Talks.\n\n“We believe it is operational,” the official said, asking not to be identified.")
    assert drafted.claims[1].polarity is Polarity.AFFIRMED


def test_a_descriptor_after_a_quotation_with_a_relative_clause_speaks_and_the_outlet_told_relays() -> None:
    """'“...,” one European diplomat, who asked not to be named, told AFP.': the diplomat's, via AFP."""
    text = "Talks.\n\n“Nobody here believes the denial,” one European diplomat, who asked not to be named, told AFP."
    assert _chain(text, claim=1) == ["AFP", "one European diplomat"]


@pytest.mark.parametrize(
    ("text", "holder"),
    [
        ("Kim Jong Un inspected a factory on Monday.\nHe said production must double.", "Kim Jong Un"),
        (
            "Kim Yo Jong, the sister of Kim Jong Un, visited the border.\n“They will pay,” she said.",
            "Kim Yo Jong",
        ),
        ("Lee said talks failed.\nPark Jin visited Seoul on Monday.\nHe said talks would resume.", "Park Jin"),
    ],
)
def test_he_or_she_is_the_person_named_last_even_in_the_outlets_voice(text: str, holder: str) -> None:
    """'Kim Jong Un inspected a factory. He said ...': he is Kim Jong Un, not an unnamed speaker."""
    drafted = _draft(f"Talks.\n\n{text}")
    assert drafted.entity_by_id[drafted.claims[-1].attribution.holder].name == holder


@pytest.mark.parametrize(
    ("sentence", "holder"),
    [
        ("Talks will resume, according to the Joint Chiefs of Staff.", "Joint Chiefs of Staff"),
        ("Talks will resume, according to the Ministry of Unification.", "Ministry of Unification"),
        (
            "Talks will resume, according to images analyzed by the Center for Strategic and International Studies.",
            "Center for Strategic and International Studies",
        ),
        ("Talks will resume, according to Lee of the Ministry of Unification.", "Lee"),
    ],
)
def test_according_to_a_name_with_of_or_for_in_it_keeps_the_whole_name(sentence: str, holder: str) -> None:
    """'according to the Joint Chiefs of Staff' is the Joint Chiefs of Staff, not 'Joint Chiefs'."""
    assert _chain(f"Talks.\n\n{sentence}", claim=1) == [holder]


_PLACES = factlog.loads(
    '{"format": "factlog", "version": 1, "entities": ['
    '{"id": "china", "name": "China", "kind": "country", "aliases": ["Beijing"]},'
    '{"id": "japan", "name": "Japan", "kind": "country", "aliases": ["Tokyo"]}]}'
)


@pytest.mark.parametrize(
    "sentence",
    [
        "Western diplomats in Beijing say talks failed.",
        "The Asahi Shimbun, citing three government sources in Tokyo, reported that the site had been expanded.",
    ],
)
def test_a_place_inside_a_descriptor_is_where_the_people_are_not_who_speaks(sentence: str) -> None:
    """'Western diplomats in Beijing say' is an anonymous group speaking for no one, not China."""
    drafted = factlog.draft(f"Talks.\n\n{sentence}", source="post", publisher="Harbour Post", registry=_PLACES)
    holder = drafted.entity_by_id[drafted.claims[1].attribution.holder]
    assert (holder.anonymous, holder.affiliation) == (True, None)
    assert holder.id not in {"china", "japan"}


@pytest.mark.parametrize(
    ("sentence", "speaks_for"),
    [
        ("China's embassy in Tokyo called the report “a provocation.”", "china"),
        ("Japan's consulate in Beijing said the talks failed.", "japan"),
    ],
)
def test_a_place_after_a_possessed_body_is_where_it_stands_not_whose_it_is(sentence: str, speaks_for: str) -> None:
    """'Russia's embassy in Washington' is an anonymous body speaking for Russia, never for the place it stands in."""
    drafted = factlog.draft(f"Talks.\n\n{sentence}", source="post", publisher="Harbour Post", registry=_PLACES)
    holder = drafted.entity_by_id[drafted.claims[1].attribution.holder]
    assert (holder.anonymous, holder.affiliation) == (True, speaks_for)


def test_an_apposition_then_a_time_before_the_verb_still_describes_the_name_before_it() -> None:
    """'Kim Yo Jong, the sister of Kim Jong Un, on Monday warned ...' is Kim Yo Jong's, not Kim Jong Un's."""
    registry = factlog.loads(
        '{"format": "factlog", "version": 1, "entities": [{"id": "kim", "name": "Kim Jong Un", "kind": "person"}]}'
    )
    text = "Talks.\n\nKim Yo Jong, the sister of Kim Jong Un, on Monday warned of countermeasures, according to KCNA."
    drafted = factlog.draft(text, source="post", publisher="Harbour Post", registry=registry)
    assert drafted.entity_by_id[drafted.claims[1].attribution.holder].name == "Kim Yo Jong"


@pytest.mark.parametrize(
    ("sentence", "holders"),
    [
        (
            "Anna Bell, Carl Dean, Eva Frost, Gus Hale and Ida Jones said talks would resume.",
            ["Anna Bell", "Carl Dean", "Eva Frost", "Gus Hale", "Ida Jones"],
        ),
        (
            "Unification Minister Kim Yung-ho, Defense Minister Shin Won-sik and Chang Ho-jin said talks would resume.",
            ["Kim Yung-ho", "Shin Won-sik", "Chang Ho-jin"],
        ),
        ("Unification Minister Kim Yung-ho and Chang Ho-jin said talks would resume.", ["Kim Yung-ho", "Chang Ho-jin"]),
    ],
)
def test_every_name_of_a_list_holds_whatever_its_length_or_titles(sentence: str, holders: list[str]) -> None:
    """Five names, or names with titles, before 'said' are one holder each, never one merged entity."""
    drafted = _draft(f"Talks.\n\n{sentence}")
    assert [drafted.entity_by_id[claim.attribution.holder].name for claim in drafted.claims[1:]] == holders


@pytest.mark.parametrize(
    ("sentence", "chain"),
    [
        ("Choe told TASS the talks went well.", ["TASS", "Choe"]),
        ("Choe told the Associated Press the talks failed.", ["AP", "Choe"]),
        (
            "The troops had been withdrawn, Yonhap reported on Friday, citing two NIS officials.",
            ["Yonhap", "two NIS officials"],
        ),
        ("Lee said that troops may be redeployed in early 2026, citing intelligence reports.", ["Lee"]),
    ],
)
def test_an_outlet_told_without_that_or_cited_after_a_time_is_a_relay(sentence: str, chain: list[str]) -> None:
    """'Choe told TASS the talks went well' is Choe's via TASS; 'citing intelligence reports' is no relay."""
    assert _chain(f"Talks.\n\n{sentence}", claim=1) == chain


@pytest.mark.parametrize(
    ("text", "holders"),
    [
        ("Bybit Chief Executive Ben Zhou said the exchange remained solvent.", ["Ben Zhou"]),
        ("Samara Gov. Vyacheslav Fedorishchev said a fire broke out.", ["Vyacheslav Fedorishchev"]),
        (
            "Blockchain analysis firm Elliptic said funds were laundered.\nIt was the largest heist, Elliptic said.",
            ["Elliptic", "Elliptic"],
        ),
        (
            "Rep. Lee Seong-kweun of the ruling People Power Party said 100 soldiers died.",
            ["Lee Seong-kweun"],
        ),
        ("Mao Ning said talks failed.\nThe talks will resume, Mao said.", ["Mao Ning", "Mao Ning"]),
    ],
)
def test_titles_and_descriptions_before_a_name_are_no_part_of_the_holder(text: str, holders: list[str]) -> None:
    """'Bybit Chief Executive Ben Zhou' is Ben Zhou; 'Mao' after 'Mao Ning' is Mao Ning."""
    drafted = _draft(f"Talks.\n\n{text}")
    assert [drafted.entity_by_id[claim.attribution.holder].name for claim in drafted.claims[1:]] == holders


def test_an_acronym_after_a_body_that_people_are_of_is_the_bodys_alias() -> None:
    """'Two officials of the National Intelligence Service (NIS)': NIS names the service, which they speak for."""
    drafted = _draft(
        "Talks.\n\nTwo officials of the National Intelligence Service (NIS) told lawmakers that troops were sent."
        "\nThe NIS said troops were sent."
    )
    group, service = (drafted.entity_by_id[claim.attribution.holder] for claim in drafted.claims[1:])
    assert (service.name, service.aliases) == ("National Intelligence Service", ("NIS",))
    assert (group.anonymous, group.affiliation) == (True, service.id)


@pytest.mark.parametrize(
    ("headline", "holder"),
    [
        ("Lavrov: Russia has no plans to deploy troops in Asia", "Lavrov"),
        ("Kim: We will never abandon nuclear weapons", "Kim"),
        ("Analysis: why the talks failed again", "Harbour Post"),
        ("Busan Port Fire: What We Know", "Harbour Post"),
    ],
)
def test_a_name_before_a_headlines_colon_holds_the_sentence_after_it(headline: str, holder: str) -> None:
    """'Lavrov: Russia has no plans ...' is Lavrov's; a label or a title-case topic before the colon names nobody."""
    drafted = _draft(f"{headline}\n\nTalks went on.")
    assert drafted.entity_by_id[drafted.claims[0].attribution.holder].name == holder


def test_an_agency_proposed_by_one_storys_dateline_and_anothers_body_is_proposed_alike() -> None:
    """A dateline's 'Yonhap' and a body's 'Yonhap reported' propose one entity, so the drafts merge."""
    wire = factlog.draft(
        "Talks set\n\nSEOUL, Nov 20 (Yonhap) -- Talks will resume, the ministry said.",
        source="a",
        publisher="Wire Desk",
    )
    body = factlog.draft("Talks set\n\nTalks will resume, Yonhap reported.", source="b", publisher="Harbour Post")
    merged = wire.merge(body)
    assert merged.entity_by_id["yonhap"] == wire.entity_by_id["yonhap"] == body.entity_by_id["yonhap"]


def test_a_publisher_proposed_by_one_draft_and_named_in_another_is_proposed_alike() -> None:
    """The publisher 'Harbour Post' of one draft and a holder 'Harbour Post' in another are one entity."""
    own = factlog.draft("Talks set\n\nTalks will resume.", source="a", publisher="Harbour Post")
    cited = factlog.draft("Talks set\n\nTalks will resume, Harbour Post reported.", source="b", publisher="Wire Desk")
    assert own.merge(cited).entity_by_id["harbour-post"] == cited.entity_by_id["harbour-post"]


def test_the_agency_is_the_news_agency_named_last_even_as_whom_somebody_told() -> None:
    """'... Yonhap reported. ... two sources told Reuters. ... the agency said.': Reuters, not Yonhap."""
    drafted = _draft(
        "Talks set\n\nMOSCOW, Nov 20 (Reuters) - Talks failed, the ministry said.\n\n"
        "Choe visited Moscow, Yonhap reported.\n\n"
        "Xi will visit, two sources told Reuters.\n\nKim met Xi, the agency said."
    )
    assert drafted.entity_by_id[drafted.claims[-1].attribution.holder].name == "Reuters"


def test_an_agency_written_in_english_or_by_its_own_name_is_one_entity() -> None:
    """'dpa' and 'the German Press Agency' are one agency, neither anonymous."""
    drafted = _draft(
        "Talks set\n\nTalks failed, dpa reported.\n\nTalks resumed, the German Press Agency reported.\n\n"
        "Lee told German Press Agency that talks failed."
    )
    first, second, third = drafted.claims[1:]
    assert first.attribution.holder == second.attribution.holder == third.attribution.via[-1] == "dpa"
    assert not drafted.entity_by_id["dpa"].anonymous


def test_he_after_a_registry_person_in_the_outlets_voice_is_that_person_copied_into_the_draft() -> None:
    """'Kim Jong Un inspected a factory. He said ...' with Kim in the registry: Kim, defined in the draft."""
    registry = factlog.loads(
        '{"format": "factlog", "version": 1, "entities": [{"id": "kim", "name": "Kim Jong Un", "kind": "person"}]}'
    )
    text = "Talks.\n\nKim Jong Un inspected a factory.\n\nHe said production must double."
    drafted = factlog.draft(text, source="post", publisher="Harbour Post", registry=registry)
    assert drafted.claims[-1].attribution.holder == "kim"
    assert "kim" in drafted.entity_by_id


def test_citing_a_body_written_with_the_makes_it_the_holder_via_the_speaker() -> None:
    """'“...,” Lee said, citing the NIS.' is the NIS's words, via Lee."""
    assert _chain("Talks.\n\n“The soldiers lack training,” Lee said, citing the NIS.", claim=1) == ["Lee", "NIS"]


def test_an_acronym_that_is_the_agencys_own_name_is_no_alias_of_it() -> None:
    """'the Korean Central News Agency (KCNA)' proposes KCNA as another story's 'KCNA said' does: they merge."""
    spelled = _draft("Talks.\n\nLee said talks failed in a statement carried by the Korean Central News Agency (KCNA).")
    short = factlog.draft("Talks.\n\nTalks failed, KCNA said.", source="other", publisher="Harbour Post")
    assert spelled.claims[1].attribution.via[-1] == short.claims[1].attribution.holder == "kcna"
    assert spelled.merge(short).entity_by_id["kcna"].aliases == ()


@settings(max_examples=25, deadline=None)
@given(
    verb=st.sampled_from(["say", "said", "told us", "reported", "believe", "claimed", "denied", "according to"]),
    speaker=st.sampled_from(["Putin", "Lavrov", "Anna Bell", "the official", "a spokesman"]),
    marks=st.sampled_from([("“", "”"), ('"', '"'), ("«", "»")]),
)
def test_no_words_inside_a_quotation_ever_name_its_speaker(verb: str, speaker: str, marks: tuple[str, str]) -> None:
    """Whatever verb of saying stands inside the quotation, the speaker named after it holds the sentence."""
    opening, closing = marks
    text = f"Talks.\n\n{opening}Kim {verb} the talks will resume,{closing} {speaker} said."
    assert _chain(text, claim=1) == [speaker]


def test_she_after_a_longer_name_than_a_registry_alias_is_the_longer_name() -> None:
    """With 'Kim' an alias of Kim Jong Un, 'Kim Yo Jong ... visited. “...,” she said' is Kim Yo Jong's."""
    registry = factlog.loads(
        '{"format": "factlog", "version": 1, "entities": [{"id": "kim", "name": "Kim Jong Un", "kind": "person",'
        ' "aliases": ["Kim"]}]}'
    )
    text = "Talks.\n\nKim Yo Jong, the sister of Kim Jong Un, visited the border.\n“They will pay,” she said."
    drafted = factlog.draft(text, source="post", publisher="Harbour Post", registry=registry)
    assert drafted.entity_by_id[drafted.claims[-1].attribution.holder].name == "Kim Yo Jong"
