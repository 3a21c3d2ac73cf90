"""Descriptions and pronouns pointing back read cautiously: a wrong holder is worse than an unnamed one."""

from __future__ import annotations

import pytest

import factlog


def _holders(text: str) -> list[str]:
    """The holder of each sentence's first claim, drafted with no registry."""
    claims = factlog.draft(text, source="s", published="2026-12-03", publisher="Harbour Post").claims
    return [claim.attribution.holder for claim in claims if "-holder-" not in claim.id and "-office-" not in claim.id]


def test_a_ministry_mentioned_since_leaves_the_ministry_unnamed() -> None:
    """ "the Defense Ministry published ..." after the Foreign Ministry's spokesman: "The ministry" may be either."""
    text = (
        "Foreign Ministry spokesman Ali Demir said the talks would resume in May.\n\n"
        "Separately, the Defense Ministry published a new budget, and the Finance Ministry was criticised.\n\n"
        "The ministry said the budget was final."
    )
    assert _holders(text)[-1] == "s:the-ministry"


@pytest.mark.parametrize(
    ("first", "second", "described"),
    [
        (
            "The Velmoran Farmers Union said prices had collapsed.",
            "Militants from the Red Hand group attacked a convoy near the border on Sunday.",
            "The group",
        ),
        (
            "The Democratic Party said the vote was fair.",
            "Prosecutors raided the offices of the People Power Party on Monday.",
            "The party",
        ),
    ],
)
def test_a_body_merely_mentioned_since_makes_a_description_ambiguous(first: str, second: str, described: str) -> None:
    """The body spoken of in the sentence before fits too: the description is no longer the speaker's before it."""
    text = f"{first}\n\n{second}\n\n{described} said the raid was politically motivated."
    assert _holders(text)[-1] == f"s:{described.casefold().replace(' ', '-')}"


def test_two_spokesmen_before_leave_the_spokesman_unnamed() -> None:
    """A ministry's spokesman and a party's both fit "The spokesman": it stays unnamed."""
    text = (
        "A spokesman for the ministry said the road was closed. "
        "Ali Demir, a spokesman for the opposition Green Party, said the closure was illegal. "
        "The spokesman said the road would reopen on Friday."
    )
    assert _holders(text)[-1] == "s:the-spokesman"


def test_a_person_named_only_in_a_quotation_is_no_antecedent() -> None:
    """ "“Trade Minister Ali Demir told us nothing,” said Lena Ortiz. The official added" is no word of Demir's."""
    text = (
        '"Trade Minister Ali Demir told us nothing," said Lena Ortiz, a farmer. The official added that talks resumed.'
    )
    assert _holders(text)[-1] == "s:the-official"


def test_an_honorific_in_a_quotation_tells_no_gender() -> None:
    """ "“Ms Silva lied,” said Jon Kaya. She said ..." is not Silva's: she is only spoken of in Kaya's words."""
    text = '"Ms Silva lied to the voters," said Jon Kaya. She said the vote would be fair.'
    assert "silva" not in _holders(text)[-1]


def test_a_description_reaches_back_no_further_than_three_sentences() -> None:
    """ "The official" four sentences after the spokesman named is an unnamed official."""
    filler = "Firefighters worked through the night. Residents gathered. Buses came. Volunteers helped. "
    text = (
        f"Interior Ministry spokesman Ali Demir said the fire was out. {filler}The official said the school was shut."
    )
    assert _holders(text)[-1] == "s:the-official"


def test_her_in_a_sentence_tells_no_gender() -> None:
    """ "Ali Demir said the nurse had risked her life": the nurse's "her"; "She" is not made Demir by it."""
    text = (
        "Ali Demir said the nurse had risked her life. Lena Ortiz said prices would fall. "
        "She added that the hospital would reopen."
    )
    assert _holders(text)[-1] == "lena-ortiz"


def test_a_ships_her_makes_no_captain_a_woman() -> None:
    """ "Captain Jon Park said the ship had lost her rudder" tells nothing of Park: "She" is the spokeswoman."""
    text = (
        "Navy spokeswoman Lena Ortiz said the frigate had been hit. "
        "Captain Jon Park said the ship had lost her rudder and was drifting. "
        "She added that the crew was safe."
    )
    assert _holders(text)[-1] == "lena-ortiz"


def test_chairman_tells_no_gender() -> None:
    """ "Lena Ortiz, the chairman of the port authority" is not told a man: "He" after "Mr Kaya" is Kaya."""
    text = (
        "Mr Kaya said the port was closed. Lena Ortiz, the chairman of the port authority, said the strike was over. "
        "He added that ships would sail on Monday."
    )
    assert _holders(text)[-1] == "kaya"


@pytest.mark.parametrize(
    "before",
    [
        "Police detained dozens of protesters outside the Interior Ministry on Tuesday.",
        "The Electoral Commission rejected the complaints of the opposition lawmakers on Monday.",
    ],
)
def test_they_after_people_in_the_plural_is_unnamed(before: str) -> None:
    """ "They said" after a body that acted on protesters or lawmakers is not the body's."""
    assert _holders(f"{before} They said they had been beaten.")[-1] == "s:an-unnamed-speaker"


def test_they_after_a_body_speaking_is_the_body() -> None:
    """ "The Farmers Union said .... They said ..." is still the union's."""
    text = "The Farmers Union said prices had collapsed. They said a strike would follow."
    holders = _holders(text)
    assert holders[-1] == holders[0] != "s:an-unnamed-speaker"


@pytest.mark.parametrize(
    "text",
    [
        "SEOUL (Reuters) - South Korea's National Intelligence Service said on Monday that the North sent troops.\n\n"
        "The agency said about 3,000 soldiers had been moved.",
        "GENEVA (Reuters) - UNHCR, the UN refugee agency, said on Monday that 5,000 people had fled.\n\n"
        "The agency said it needed more funds.",
    ],
)
def test_the_agency_after_an_agency_that_is_no_news_agency_is_not_the_datelines(text: str) -> None:
    """ "The agency" after the NIS or UNHCR is not Reuters: the news agency is no longer the agency named last."""
    holders = _holders(text)
    assert "reuters" not in holders[-1]


def test_the_agency_after_the_nis_is_the_nis() -> None:
    """ "South Korea's National Intelligence Service said .... The agency said" is the service's."""
    text = (
        "SEOUL (Reuters) - South Korea's National Intelligence Service said on Monday that the North sent troops.\n\n"
        "The agency said about 3,000 soldiers had been moved."
    )
    holders = _holders(text)
    assert holders[-1] == holders[0]


def test_an_owners_relative_meeting_and_saying_is_the_relative() -> None:
    """ "Kim Jong Un's sister met Lee, and said ..." is the sister's, as "Kim Jong Un's sister said ..." is."""
    met = _holders("Kim Jong Un's sister met Lee Jae-myung in Panmunjom, and said the border would stay open.")
    said = _holders("Kim Jong Un's sister said the border would stay open.")
    assert met == said == ["kim-jong-un-s-sister"]


@pytest.mark.parametrize(
    "before",
    [
        "Unification Minister Kim Yung-ho, Defense Minister Shin Won-sik and Foreign Minister Cho Tae-yul met.",
        "Kim Yung-ho said the talks went well after meeting Shin Won-sik and Cho Tae-yul.",
    ],
)
def test_both_is_no_organisation(before: str) -> None:
    """ "Both said ..." names no body called "Both": an anonymous holder, not an organisation."""
    draft = factlog.draft(f"{before} Both said the drills would go ahead.", source="s", published="2026-12-03")
    holder = draft.claims[-1].attribution.holder
    kinds = {entity.id: entity.kind for entity in draft.entities}
    assert holder.startswith("s:")
    assert kinds[holder] is not factlog.EntityKind.ORGANISATION


def test_told_by_in_a_relative_clause_on_the_subject_keeps_the_subject() -> None:
    """ "The soldiers, who were told by their commander that ..., said they were tired" is the soldiers'."""
    text = "The soldiers, who were told by their commander that they would go home, said they were tired."
    claim = factlog.draft(text, source="s", published="2026-12-03").claims[-1]
    assert claim.attribution.holder == "s:the-soldiers"
    assert claim.attribution.cue == "said"


def test_a_single_quoted_quotation_over_paragraphs_is_read_as_a_double_quoted_one() -> None:
    """ "'The flames came ... / 'Then the police arrived ...'" is no sentence in the outlet's own voice."""
    text = (
        "Fisherman Ali Demir, 54, described the night of the fire.\n\n"
        "'The flames came from the south. We had nowhere to go.\n\n"
        "'Then the police arrived. They said the fire was under control, but it was not.'"
    )
    single = [(claim.attribution.holder, claim.polarity) for claim in factlog.draft(text, source="s").claims]
    double = factlog.draft(text.replace("'", '"'), source="s").claims
    assert single == [(claim.attribution.holder, claim.polarity) for claim in double]
    assert all(holder != "s-publisher" for holder, _ in single[1:])


def test_an_agency_that_is_no_news_agency_is_no_media_outlet() -> None:
    """ "The International Atomic Energy Agency said ..." proposes no media outlet."""
    draft = factlog.draft("The International Atomic Energy Agency said the cameras were off.", source="s")
    kinds = {entity.name: entity.kind for entity in draft.entities}
    assert kinds["International Atomic Energy Agency"] is not factlog.EntityKind.MEDIA_OUTLET


def test_telling_an_agency_that_is_no_news_agency_makes_no_relay() -> None:
    """ "An Iranian official told the International Atomic Energy Agency that ..." is relayed by the outlet alone."""
    text = "An Iranian official told the International Atomic Energy Agency that the cameras were off."
    claim = factlog.draft(text, source="s").claims[-1]
    assert claim.attribution.via == ("s-publisher",)


def test_the_agency_after_unhcr_is_unhcr() -> None:
    """ "UNHCR, the UN refugee agency, said .... The agency said" is UNHCR's: the agency the draft knows."""
    text = (
        "GENEVA (Reuters) - UNHCR, the UN refugee agency, said on Monday that 5,000 people had fled.\n\n"
        "The agency said it needed more funds."
    )
    holders = _holders(text)
    assert holders[-1] == holders[0] == "unhcr"


def test_they_is_never_one_titled_person() -> None:
    """ "..., said protester Ana Silva. They said ..." is not one woman's, whatever kind she was proposed as."""
    text = (
        "The Interior Ministry said the protest was illegal. "
        '"They said we could not march," said protester Ana Silva. They said the march would go ahead.'
    )
    holders = _holders(text)
    assert holders[-1] != holders[-2]


@pytest.mark.parametrize("described", ["Ali Demir's lawyer", "the lawyer", "a spokesman"])
def test_said_a_description_then_a_name_is_the_names(described: str) -> None:
    """ "“The deal is done,” said Ali Demir's lawyer, Jon Park." is Jon Park's, as "said Jon Park, ..." is."""
    claim = factlog.draft(f'"The deal is done," said {described}, Jon Park.', source="s").claims[-1]
    assert claim.attribution.holder == "jon-park"


def test_two_peoples_names_joined_by_and_are_two_holders() -> None:
    """ "Kim Yung-ho and Shin Won-sik said ..." is two people's claims, not one organisation's."""
    claims = factlog.draft("Kim Yung-ho and Shin Won-sik said the drills would go ahead.", source="s").claims
    assert [claim.attribution.holder for claim in claims] == ["kim-yung-ho", "shin-won-sik"]


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Ørsted Lund, a Danish envoy, said the talks would resume.", "Ørsted Lund"),
        ("Foreign Minister Łukasz Żak said Poland agreed. The minister added that Warsaw would pay.", "Łukasz Żak"),
    ],
)
def test_a_name_opening_with_a_capital_outside_ascii_is_read_as_an_ascii_one(text: str, person: str) -> None:
    """ "Łukasz Żak" after a title is a person without the title, and "the minister" after it is he."""
    draft = factlog.draft(text, source="s")
    people = {entity.id for entity in draft.entities if entity.kind is factlog.EntityKind.PERSON}
    names = {entity.id: entity.name for entity in draft.entities}
    assert {names[claim.attribution.holder] for claim in draft.claims} == {person}
    assert {claim.attribution.holder for claim in draft.claims} <= people
