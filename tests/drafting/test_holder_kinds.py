"""Who holds reported speech: learning from someone, calling reports false, headline colons, lists, citations."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import factlog
from tests.drafting.registries import BUNDLED_REGISTRY


def _draft(text: str, registry: factlog.ClaimSet | None = None) -> factlog.ClaimSet:
    return factlog.draft(text, source="post", published="2026-11-20", publisher="Harbour Post", registry=registry)


def _chain(text: str, registry: factlog.ClaimSet | None = None) -> list[str]:
    """The first claim's relays after the outlet, then its holder, by entity name."""
    drafted = _draft(text, registry)
    attribution = drafted.claims[0].attribution
    return [drafted.entity_by_id[entity].name for entity in (*attribution.via[1:], attribution.holder)]


@pytest.mark.parametrize(
    ("sentence", "chain"),
    [
        ("Xinhua learned from the ministry that talks would resume.", ["Xinhua", "the ministry"]),
        ("Xinhua has learned from the Foreign Ministry that talks would resume.", ["Xinhua", "Foreign Ministry"]),
        (
            "Yonhap learned from a government source on Monday that talks would resume.",
            ["Yonhap", "a government source"],
        ),
        ("Reporters heard from officials that talks would resume.", ["Reporters", "officials"]),
        ("Xinhua was told by the ministry that talks would resume.", ["Xinhua", "the ministry"]),
    ],
)
def test_whom_a_learner_learned_from_holds_it_and_the_learner_relays(sentence: str, chain: list[str]) -> None:
    """'X learned from Y that ...' is Y's, via X: X reports what Y told it."""
    assert _chain(sentence) == chain


def test_learning_from_a_thing_names_no_holder() -> None:
    """'Russia learned from its mistakes' names nobody (the outlet's voice); 'from the ministry' names the ministry."""
    assert _chain("Russia learned from its mistakes that talks help.") == ["Harbour Post"]
    assert _chain("Russia learned from the ministry that talks help.") == ["Russia", "the ministry"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Lavrov called the allegations 'absurd'.",
        "Lavrov called the allegations “absurd”.",
        "Lavrov called the report false.",
        "Lavrov described Western media reports of troop movements as baseless.",
        "Lavrov branded the accusations a fabrication.",
        "Lavrov said the allegations were absurd.",
    ],
)
def test_calling_what_others_say_false_is_the_callers_denial(sentence: str) -> None:
    """'X called the allegations 'absurd'' (false, baseless, a fabrication ...) is X's denial, not the outlet's word."""
    drafted = _draft(sentence)
    claim = drafted.claims[0]
    assert (drafted.entity_by_id[claim.attribution.holder].name, claim.polarity) == ("Lavrov", factlog.Polarity.DENIED)


def test_calling_something_other_than_a_report_false_is_no_denial() -> None:
    """'Lavrov called the talks useful' denies nothing (the outlet's voice); 'called the report false' is his denial."""
    useful, false = (
        _draft(text).claims[0] for text in ("Lavrov called the talks useful.", "Lavrov called the report false.")
    )
    assert (useful.attribution.holder, useful.polarity) == ("harbour-post", factlog.Polarity.AFFIRMED)
    assert (false.attribution.holder, false.polarity) == ("lavrov", factlog.Polarity.DENIED)


@pytest.mark.parametrize(
    "headline",
    [
        "Russia Did Not Send Troops: Lavrov",
        "Russia did not send troops - Lavrov",
        "“Russia did not send troops”: Lavrov",
    ],
)
def test_a_name_after_a_headlines_colon_or_dash_holds_the_headline(headline: str) -> None:
    """'Russia Did Not Send Troops: Lavrov' is Lavrov's denial, not the outlet's."""
    drafted = _draft(f"{headline}\nMOSCOW was calm on Friday.")
    claim = drafted.claims[0]
    assert (drafted.entity_by_id[claim.attribution.holder].name, claim.polarity) == ("Lavrov", factlog.Polarity.DENIED)


def test_a_label_or_a_date_after_a_headlines_colon_or_dash_holds_nothing() -> None:
    """'...: Analysis', '...: What We Know', '...: Live Updates', '... - November' say what and when; ': Lavrov' who."""
    headlines = (
        "Missile Fired Into Sea: Analysis",
        "Busan Port Fire: What We Know",
        "Kim Jong Un Meets Putin in Moscow: Live Updates",
        "Talks Resume in Seoul After Long Pause - November",
        "Missile Fired Into Sea: Lavrov",
    )
    holders = [_draft(headline).claims[0].attribution.holder for headline in headlines]
    assert holders == ["harbour-post"] * 4 + ["lavrov"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Lavrov, the foreign minister, and Putin said talks would resume.",
        "Lavrov, Russia's foreign minister, and Putin said talks would resume.",
        "Lavrov, 74, and Putin said talks would resume.",
        "Lavrov, the foreign minister, and Putin, the president, said talks would resume.",
    ],
)
def test_an_apposition_inside_a_list_of_holders_leaves_every_name_a_holder(sentence: str) -> None:
    """'Lavrov, the foreign minister, and Putin said' is held by Lavrov and by Putin, not by Putin alone."""
    drafted = _draft(sentence, BUNDLED_REGISTRY)
    assert [claim.attribution.holder for claim in drafted.claims] == ["sergey-lavrov", "vladimir-putin"]


def test_names_in_a_list_written_with_commas_are_holders_each_when_none_is_known() -> None:
    """Without a registry, 'Lavrov, the foreign minister, and Putin' and 'Velmora, Tarsia and Orland' are lists."""
    lavrov = _draft("Lavrov, the foreign minister, and Putin said talks would resume.")
    velmora = _draft("Velmora, Tarsia and Orland said talks would resume.")
    marks = _draft("Marks and Spencer said talks would resume.")
    assert [[c.attribution.holder for c in drafted.claims] for drafted in (lavrov, velmora, marks)] == [
        ["lavrov", "putin"],
        ["velmora", "tarsia", "orland"],
        ["marks-and-spencer"],
    ]


@pytest.mark.parametrize(
    ("sentence", "chain"),
    [
        ("Officials said, citing intelligence reports, that talks would resume.", ["Officials"]),
        ("Officials, citing intelligence reports, said talks would resume.", ["Officials"]),
        ("According to officials citing intelligence reports, talks would resume.", ["officials"]),
        ("Talks would resume, officials said, citing intelligence assessments.", ["officials"]),
        ("Yonhap reported, citing recent intelligence assessments, that talks would resume.", ["Yonhap"]),
    ],
)
def test_a_record_cited_with_no_maker_named_is_no_holder(sentence: str, chain: list[str]) -> None:
    """'Officials said, citing intelligence reports, that ...' is the officials': the reports are what they rest on."""
    assert _chain(sentence) == chain


def test_a_source_cited_is_still_the_holder() -> None:
    """'Yonhap reported, citing an unnamed government source, ...' stays the source's, via Yonhap."""
    assert _chain("Yonhap reported, citing intelligence reports, that talks would resume.") == ["Yonhap"]
    assert _chain("Yonhap reported, citing an unnamed government source, that talks would resume.") == [
        "Yonhap",
        "an unnamed government source",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Kim said talks would resume in a speech carried by KCNA.",
        "Kim said talks would resume in remarks carried by KCNA.",
        "Kim said talks would resume in a televised speech broadcast by KCNA on Monday.",
        "In a speech carried by KCNA, Kim said talks would resume.",
    ],
)
def test_a_carrier_of_the_speech_is_a_relay_with_or_without_a_comma(sentence: str) -> None:
    """'... in a speech carried by KCNA' without a comma before it, or opening the sentence: Kim's, via KCNA."""
    assert _chain(sentence) == ["KCNA", "Kim"]


@pytest.mark.parametrize(
    ("sentence", "holder", "body"),
    [
        ("NIS officials said talks would resume.", "NIS officials", "NIS"),
        ("Foreign Ministry officials said talks would resume.", "Foreign Ministry officials", "Foreign Ministry"),
        ("A senior NIS official said talks would resume.", "A senior NIS official", "NIS"),
        ("Russian officials said talks would resume.", "Russian officials", None),
    ],
)
def test_people_of_a_named_body_are_an_anonymous_group_speaking_for_it(
    sentence: str, holder: str, body: str | None
) -> None:
    """'NIS officials said' is some people of the NIS (anonymous, speaking for it), not a body named 'NIS officials'."""
    drafted = _draft(sentence)
    entity = drafted.entity_by_id[drafted.claims[0].attribution.holder]
    affiliation = None if entity.affiliation is None else drafted.entity_by_id[entity.affiliation].name
    assert (entity.name, entity.anonymous, affiliation) == (holder, True, body)


def test_people_of_a_body_named_before_speak_for_it() -> None:
    """'The National Intelligence Service (NIS) said ... NIS officials added ...': the officials speak for it."""
    drafted = _draft(
        "The National Intelligence Service (NIS) said talks would resume. NIS officials added that they had."
    )
    first, second = (drafted.entity_by_id[claim.attribution.holder] for claim in drafted.claims)
    assert (second.anonymous, second.affiliation) == (True, first.id)


def test_people_of_a_registry_body_are_not_the_body() -> None:
    """'U.S. officials said' with the United States in the registry: anonymous officials speaking for it."""
    drafted = _draft("U.S. officials said talks would resume.", BUNDLED_REGISTRY)
    entity = drafted.entity_by_id[drafted.claims[0].attribution.holder]
    assert (entity.anonymous, entity.affiliation) == (True, "usa")


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        ("SEOUL, Nov 20 (Yonhap) -- The agency said talks would resume.", "Yonhap"),
        ("SEOUL, Nov 20 (Yonhap) -- Talks would resume, the news agency reported.", "Yonhap"),
        (
            "The International Atomic Energy Agency said talks would resume. The agency added that they had.",
            "International Atomic Energy Agency",
        ),
    ],
)
def test_the_agency_is_the_agency_named_last_the_datelines_included(text: str, agency: str) -> None:
    """'SEOUL, Nov 20 (Yonhap) -- The agency said ...' is Yonhap's, not an anonymous 'the agency'."""
    drafted = _draft(text)
    assert drafted.entity_by_id[drafted.claims[-1].attribution.holder].name == agency


@pytest.mark.parametrize(
    ("sentence", "entity", "name"),
    [
        (
            "The Secret Intelligence Service said talks would resume.",
            "secret-intelligence-service",
            "Secret Intelligence Service",
        ),
        ("Xinhua learned from the Foreign Ministry that talks would resume.", "foreign-ministry", "Foreign Ministry"),
        (
            "The National Intelligence Service (NIS) said talks would resume.",
            "national-intelligence-service",
            "National Intelligence Service",
        ),
        ("The Korea Herald reported that talks would resume.", "korea-herald", "The Korea Herald"),
    ],
)
def test_a_proposed_name_leaves_out_the_article_before_it(sentence: str, entity: str, name: str) -> None:
    """'The Secret Intelligence Service said' proposes 'secret-intelligence-service'; a newspaper keeps its 'The'."""
    drafted = _draft(sentence)
    holder = drafted.claims[0].attribution.holder
    assert (holder, drafted.entity_by_id[holder].name) == (entity, name)


@pytest.mark.parametrize(
    "text",
    [
        "BERLIN, 8. Oktober (dpa) - Scholz said talks would resume.",
        "BERLIN, 8. Oktober 2026 (dpa) - Scholz said talks would resume.",
    ],
)
def test_a_german_dateline_with_a_dotted_day_is_a_dateline(text: str) -> None:
    """'BERLIN, 8. Oktober (dpa) - ...': the day's dot ends no sentence; dpa relays, and the quote starts after it."""
    drafted = _draft(text)
    (claim,) = drafted.claims
    assert claim.evidence[0].quote == "Scholz said talks would resume."
    assert _chain(text) == ["dpa", "Scholz"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Ministry of Trade, Industry and Energy said talks would resume.",
        "In Seoul, the Ministry of Trade, Industry and Energy said talks would resume.",
    ],
)
def test_a_name_ending_in_a_list_is_one_holder(sentence: str) -> None:
    """'The Ministry of Trade, Industry and Energy said' is the ministry's, not 'Industry and Energy''s."""
    drafted = _draft(sentence)
    assert [drafted.entity_by_id[claim.attribution.holder].name for claim in drafted.claims] == [
        "Ministry of Trade, Industry and Energy"
    ]


@given(
    body=st.sampled_from(["NIS", "JCS", "Foreign Ministry", "Defence Ministry", "Cabinet Office"]),
    members=st.sampled_from(["officials", "senior officials", "sources", "diplomats", "military officers"]),
    verb=st.sampled_from(["said", "told reporters", "have said", "confirmed"]),
)
def test_any_people_of_a_named_body_speak_for_it(body: str, members: str, verb: str) -> None:
    """'<body> <people> <verb> ...' is an anonymous group of the body's people, speaking for the body."""
    drafted = _draft(f"{body} {members} {verb} talks would resume.")
    entity = drafted.entity_by_id[drafted.claims[0].attribution.holder]
    assert entity.anonymous
    assert entity.affiliation is not None
    assert drafted.entity_by_id[entity.affiliation].name == body


@given(
    clause=st.sampled_from(["Russia Did Not Send Troops", "Talks Will Resume Next Week", "Missile Fired Into Sea"]),
    mark=st.sampled_from([": ", " - ", " — "]),
    name=st.sampled_from(["Lavrov", "Mao Ning", "Kremlin", "Seoul"]),
)
def test_any_name_after_a_headlines_mark_holds_it(clause: str, mark: str, name: str) -> None:
    """'<headline><colon or dash><name>' on a line of its own is the name's, with the clause as what is held."""
    drafted = _draft(f"{clause}{mark}{name}\nTalks went on.")
    assert drafted.entity_by_id[drafted.claims[0].attribution.holder].name == name


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("The minister said the talks would resume.", factlog.EntityKind.PERSON),
        ("A senior official said the talks would resume.", factlog.EntityKind.PERSON),
        ("Officials said the talks would resume.", factlog.EntityKind.GROUP),
        ("Two officials said the talks would resume.", factlog.EntityKind.GROUP),
        ("One official said the talks would resume.", factlog.EntityKind.PERSON),
    ],
)
def test_an_anonymous_descriptor_of_one_person_is_a_person_and_of_several_a_group(
    sentence: str, kind: factlog.EntityKind
) -> None:
    """'The minister' (one person by office, no count) is proposed a person; plurals and counts above one a group."""
    drafted = _draft(sentence)
    holder = drafted.entity_by_id[drafted.claims[0].attribution.holder]
    assert (holder.anonymous, holder.kind) == (True, kind)
