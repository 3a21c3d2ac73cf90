"""Definite descriptions and pronouns pointing back at a holder named before: "The official added", "she said"."""

from __future__ import annotations

import pytest
from hypothesis import given
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


def test_an_anonymous_person_described_again_is_the_same_holder() -> None:
    """ "A senior official said ... The official added ..." is one anonymous official."""
    assert _holders("A senior official said talks failed. The official added that nobody came.") == [
        "s:a-senior-official",
        "s:a-senior-official",
    ]


def test_the_nearest_fitting_holder_is_pointed_at() -> None:
    """Two officials named: "the official" is the one named last; "the spokeswoman" the spokeswoman."""
    text = (
        "Foreign Ministry spokeswoman Lena Ortiz said talks would resume. "
        "Trade Minister Ali Demir said prices would fall. "
        "The official added that no date was set. "
        "The spokeswoman said the venue was open."
    )
    assert _holders(text) == ["lena-ortiz", "ali-demir", "ali-demir", "lena-ortiz"]


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
