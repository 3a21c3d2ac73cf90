"""Definite descriptions and pronouns pointing back at a holder named before: "The official added", "she said"."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factlog


def _holders(text: str) -> list[str]:
    """The holder of each sentence's first claim, drafted with no registry."""
    claims = factlog.draft(text, source="s", published="2026-12-03", publisher="Harbour Post").claims
    return [claim.attribution.holder for claim in claims if "-holder-" not in claim.id and "-office-" not in claim.id]


_TITLES = {
    "Interior Ministry spokesman": ("the official", "the spokesman", "the spokesperson"),
    "Foreign Ministry spokeswoman": ("the official", "the spokeswoman", "the spokesperson"),
    "Trade Minister": ("the official", "the minister"),
    "Deputy Governor": ("the official", "the governor"),
    "Ambassador": ("the official", "the ambassador"),
}


@settings(max_examples=40)
@given(st.sampled_from(sorted(_TITLES)), st.data(), st.sampled_from(["added", "said", "told reporters"]))
def test_a_description_after_a_titled_person_is_that_person(title: str, data: st.DataObject, verb: str) -> None:
    """ "Interior Ministry spokesman Ali Demir said ... The official added ..." is Ali Demir's."""
    described = data.draw(st.sampled_from(_TITLES[title]))
    text = f"{title} Ali Demir said the border was calm. {described.capitalize()} {verb} that no troops had moved."
    assert _holders(text) == ["ali-demir", "ali-demir"]


def test_a_description_after_a_person_titled_between_commas_is_that_person() -> None:
    """ "Ali Demir, a ministry spokesman, said ... The spokesman added" is Ali Demir's."""
    text = "Ali Demir, a ministry spokesman, said the border was calm. The spokesman added that no troops moved."
    assert _holders(text) == ["ali-demir", "ali-demir"]


def test_a_description_after_a_titled_person_named_in_the_outlets_voice_is_that_person() -> None:
    """ "Interior Ministry spokesman Ali Demir spoke on Monday. The official said ..." is Ali Demir's."""
    text = "Interior Ministry spokesman Ali Demir spoke on Monday. The official said no troops had moved."
    assert _holders(text) == ["harbour-post", "ali-demir"]


@pytest.mark.parametrize("described", ["The ministry", "The interior ministry"])
def test_the_body_in_a_persons_title_is_the_ministry_after_it(described: str) -> None:
    """ "Interior Ministry spokesman Ali Demir said ... The ministry said ..." is the Interior Ministry's."""
    text = f"Interior Ministry spokesman Ali Demir said the border was calm. {described} said patrols would go on."
    draft = factlog.draft(text, source="s", published="2026-12-03")
    ministry = draft.claims[1].attribution.holder
    assert draft.entity_by_id[ministry].name == "Interior Ministry"
    assert draft.entity_by_id[ministry].kind is factlog.EntityKind.GOVERNMENT_BODY


@pytest.mark.parametrize(
    ("named", "described", "expected"),
    [
        ("The Velmoran Farmers Union said prices were low.", "The union", "velmoran-farmers-union"),
        ("The Velmoran Farmers Union said prices were low.", "The group", "velmoran-farmers-union"),
        ("The Velmoran Farmers Union called a strike.", "The group", "velmoran-farmers-union"),
        ("The Velmoran Army said the shelling stopped.", "The military", "velmoran-army"),
        ("The Electoral Commission said the count was over.", "The commission", "electoral-commission"),
    ],
)
def test_a_description_after_a_named_body_is_that_body(named: str, described: str, expected: str) -> None:
    """ "The Velmoran Farmers Union said ... The group said ..." is the union's, as holder or subject before."""
    assert _holders(f"{named} {described} said it would strike.")[1] == expected


def test_the_country_after_a_registry_country_is_that_country() -> None:
    """ "North Korea said .... The country said ..." is North Korea's, a registry country."""
    registry = factlog.loads(
        '{"format": "factlog", "version": 1, "entities": [{"id": "dprk", "name": "North Korea", "kind": "country"}]}'
    )
    text = "North Korea said the test worked. The country said it would go on."
    claims = factlog.draft(text, source="s", published="2026-12-03", registry=registry).claims
    assert [claim.attribution.holder for claim in claims] == ["dprk", "dprk"]


def test_a_spokesman_for_a_body_described_again_is_the_same_holder() -> None:
    """ "A spokesman for the ministry said .... The spokesman added ..." is one anonymous spokesman."""
    text = "A spokesman for the ministry said talks failed. The spokesman added that nobody came."
    assert _holders(text) == ["s:a-spokesman-for-the-ministry", "s:a-spokesman-for-the-ministry"]


def test_an_anonymous_person_described_again_is_the_same_holder() -> None:
    """ "A senior official said ... The official added ..." is one anonymous official."""
    assert _holders("A senior official said talks failed. The official added that nobody came.") == [
        "s:a-senior-official",
        "s:a-senior-official",
    ]


def test_two_fitting_holders_leave_a_description_unnamed() -> None:
    """Two officials named: "the official" may be either and stays unnamed; "the spokeswoman" is the spokeswoman."""
    text = (
        "Foreign Ministry spokeswoman Lena Ortiz said talks would resume. "
        "Trade Minister Ali Demir said prices would fall. "
        "The official added that no date was set. "
        "The spokeswoman said the venue was open."
    )
    assert _holders(text) == ["lena-ortiz", "ali-demir", "s:the-official", "lena-ortiz"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The official said no troops had moved.", "s:the-official"),  # nobody named before
        ("Trade Minister Ali Demir said prices fell. The analyst said they rose.", "s:the-analyst"),
        ("Interior Ministry spokesman Ali Demir said so. The foreign ministry said no.", "s:the-foreign-ministry"),
        ("Ali Demir said so. The group said no.", "s:the-group"),  # a person is no group
        ("The Velmoran Farmers Union said so. The commission said no.", "s:the-commission"),
    ],
)
def test_a_description_nothing_named_fits_stays_anonymous(text: str, expected: str) -> None:
    """A description that fits no holder named before, by title, name or kind, is an anonymous holder as before."""
    assert _holders(text)[-1] == expected


@pytest.mark.parametrize(
    ("woman", "pronoun_sentence"),
    [
        ("Foreign Ministry spokeswoman Lena Ortiz said talks would resume.", "She said no date was set."),
        ("Ms Lena Ortiz said talks would resume.", "She said no date was set."),
    ],
)
def test_she_is_the_last_person_told_to_be_a_woman(woman: str, pronoun_sentence: str) -> None:
    """ "Spokeswoman Lena Ortiz said .... Ali Demir said .... She said ..." is Lena Ortiz's, not Ali Demir's."""
    text = f"{woman} Trade Minister Ali Demir said prices would fall. {pronoun_sentence}"
    assert _holders(text) == ["lena-ortiz", "ali-demir", "lena-ortiz"]


@pytest.mark.parametrize("man", ["Mr Ali Demir said", "Interior Ministry spokesman Ali Demir said"])
def test_he_is_the_last_person_told_to_be_a_man(man: str) -> None:
    """ "Mr Ali Demir said .... Lena Ortiz said .... He added ..." is Ali Demir's."""
    text = f"{man} was tired. Lena Ortiz said prices would fall. He added that it rained."
    assert _holders(text) == ["ali-demir", "lena-ortiz", "ali-demir"]


def test_an_honorific_is_no_part_of_the_name() -> None:
    """ "Ms Ortiz" after "Lena Ortiz" is Lena Ortiz; alone, a person named Ortiz, not "Ms Ortiz"."""
    assert _holders("Lena Ortiz said talks would resume. Ms Ortiz added that no date was set.") == [
        "lena-ortiz",
        "lena-ortiz",
    ]
    draft = factlog.draft("Mr Demir said prices would fall.", source="s", published="2026-12-03")
    person = draft.entity_by_id[draft.claims[0].attribution.holder]
    assert (person.name, person.kind) == ("Demir", factlog.EntityKind.PERSON)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Nothing told of either: the person named last, as before.
        ("Lena Ortiz said talks would resume. Ali Demir said prices would fall. She said so.", "ali-demir"),
        # The person named last is told to be a woman: she, whoever was told before.
        ("Ali Demir, a spokesman, spoke. Lena Ortiz, a spokeswoman, said prices fell. She said so.", "lena-ortiz"),
        # "miss" in lower case is a verb, no honorific.
        ("Fans miss Ali Demir. Lena Ortiz said prices would fall. He said so.", "lena-ortiz"),
        # A pronoun inside a quotation tells nothing of the speaker.
        ("Ali Demir said “she will come”. Lena Ortiz said prices would fall. He said so.", "lena-ortiz"),
    ],
)
def test_a_pronoun_is_the_person_named_last_unless_told_otherwise(text: str, expected: str) -> None:
    """With no gender told against the person named last, "he" and "she" are that person, as before."""
    assert _holders(text)[-1] == expected


@pytest.mark.parametrize(
    ("named", "expected"),
    [
        ("The Electoral Commission said the count was over.", "electoral-commission"),
        ("Analysts said prices would rise.", "s:analysts"),
    ],
)
def test_they_after_a_body_is_the_body(named: str, expected: str) -> None:
    """ "The Velmoran Farmers Union said .... They said they would strike." is the union's."""
    assert _holders(f"{named} They said they would strike.") == [expected, expected]


def test_they_after_a_person_is_as_before() -> None:
    """ "They" with a person named after the body is not the body: read as before."""
    text = "The Electoral Commission said the count was over. Ali Demir said so. They said they would strike."
    assert _holders(text)[-1] == "ali-demir"


def test_they_long_after_a_body_is_as_before() -> None:
    """ "They" two sentences or more after the body, the people between unnamed ("Protesters gathered."), is not it."""
    text = "The ministry said prices rose. Protesters gathered outside. Crowds grew. They said the ministry lied."
    assert _holders(text)[-1] == "s:an-unnamed-speaker"


def test_a_person_opening_a_sentence_in_the_outlets_voice_is_he_when_told_nothing() -> None:
    """ "Ali Demir said he .... Kim Jong Un inspected a factory. He said ..." is Kim's: the subject just named."""
    text = "Ali Demir said he was tired. Kim Jong Un inspected a factory. He said output must rise."
    assert _holders(text)[-1] == "kim-jong-un"
