"""Speakers "both" joins, described people in a list, a time inside "interviewed by", telling in a relative clause,
and a second verb of saying after ", and"."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factlog
from tests.drafting.registries import first_claim


def _holders(text: str) -> list[str]:
    """The holders of the first sentence's claims, drafted with no registry."""
    claims = factlog.draft(text, source="s", published="2026-12-03").claims
    return [claim.attribution.holder for claim in claims if claim.id.startswith("s-001")]


@pytest.mark.parametrize(
    "text",
    [
        "Kim and Lee both said the talks failed.",
        "Kim and Lee have both said the talks failed.",
        "Belek and Sato both denied the report.",
    ],
)
def test_both_after_two_names_gives_each_a_claim(text: str) -> None:
    """ "Kim and Lee both said ..." is Kim's and Lee's, never one holder "kim-and-lee-both"."""
    words = text.casefold().split()
    assert _holders(text) == [words[0], words[2]]


def test_marks_and_spencer_without_both_stays_one_name() -> None:
    """Two unknown names joined by "and" with no "both" and no comma may be one name, as before."""
    assert _holders("Marks and Spencer said sales fell.") == ["marks-and-spencer"]


@pytest.mark.parametrize(
    "text",
    [
        "Election chief Anton Belek and his deputy Mira Sato rejected the claims.",
        "Election chief Anton Belek and his deputy Mira Sato both rejected the claims.",
    ],
)
def test_described_people_in_a_list_are_each_a_holder(text: str) -> None:
    """ "Election chief Anton Belek and his deputy Mira Sato (both) rejected ..." is Belek's and Sato's."""
    assert _holders(text) == ["anton-belek", "mira-sato"]


def test_a_surname_after_a_list_of_described_people_is_the_person() -> None:
    """ "Belek" after "Election chief Anton Belek and his deputy Mira Sato both rejected ..." is Anton Belek."""
    text = (
        "Election chief Anton Belek and his deputy Mira Sato both rejected the claims. "
        "“We counted every ballot,” Belek said."
    )
    claims = factlog.draft(text, source="s", published="2026-12-03").claims
    assert claims[-1].attribution.holder == "anton-belek"


@settings(max_examples=30)
@given(
    st.sampled_from(["interviewed", "quoted", "cited"]),
    st.sampled_from(["on Tuesday", "last week", "this week", "yesterday"]),
    st.booleans(),
)
def test_a_time_inside_by_is_no_part_of_the_holder(verb: str, when: str, commas: bool) -> None:
    """ "A man interviewed on Tuesday by Radio Free Asia said ..." is the man's, via Radio Free Asia."""
    subject = f"A man, {verb} {when} by Radio Free Asia," if commas else f"A man {verb} {when} by Radio Free Asia"
    claim = first_claim(f"{subject} said the ship sank.")
    assert (claim.attribution.holder, claim.attribution.via) == ("s:a-man", ("s-publisher", "radio-free-asia"))


@pytest.mark.parametrize(
    ("text", "holder", "via"),
    [
        (
            "Lee told Yonhap that the unit, which had been told by Moscow that it would move, was ready.",
            "lee",
            ("s-publisher", "yonhap"),
        ),
        (
            "The official said aid agencies, who had been told by the governor that the dam was safe, left.",
            "s:the-official",
            ("s-publisher",),
        ),
    ],
)
def test_telling_in_a_relative_clause_leaves_the_holder(text: str, holder: str, via: tuple[str, ...]) -> None:
    """A telling inside ", which ..." is about the noun before it: the sentence's speaker still holds it."""
    claim = first_claim(text)
    assert (claim.attribution.holder, claim.attribution.via) == (holder, via)


def test_telling_nested_in_what_is_held_still_relays() -> None:
    """ "The official said aid agencies had been told by the authorities that ..." is still the authorities'."""
    claim = first_claim("The official said aid agencies had been told by the authorities that the dam was safe.")
    assert (claim.attribution.holder, claim.attribution.via) == (
        "s:the-authorities",
        ("s-publisher", "s:the-official", "s:aid-agencies"),
    )


@pytest.mark.parametrize(
    ("text", "holder"),
    [
        ("Lavrov met Wang, and said talks went well.", "lavrov"),
        ("Kim Jong Un inspected a factory, and said output must rise.", "kim-jong-un"),
        ("Lavrov met Wang on Monday, but said no deal was near.", "lavrov"),
    ],
)
def test_a_second_verb_of_saying_after_and_is_the_first_clauses_subjects(text: str, holder: str) -> None:
    """ "Lavrov met Wang, and said talks went well." is Lavrov's, not the outlet's own voice."""
    claim = first_claim(text)
    assert (claim.attribution.holder, claim.attribution.cue) == (holder, "said")


@pytest.mark.parametrize(
    "text",
    [
        "The ministry has yet to confirm the report, and said it would investigate.",
        "In Seoul, Kim met Wang, and said talks went well.",
    ],
)
def test_a_second_verb_with_no_name_opening_the_sentence_names_no_holder(text: str) -> None:
    """With no name opening the first clause ("The ministry ...", "In Seoul, ..."), the outlet's voice, as before."""
    assert first_claim(text).attribution.holder == "s-publisher"


def test_both_after_a_phrase_that_is_no_list_of_names_is_no_part_of_the_holder() -> None:
    """ "The election chief and his deputy both rejected ..." is one anonymous holder, without "both" in its name."""
    claim = first_claim("The election chief and his deputy both rejected the claims.")
    assert claim.attribution.holder == "s:the-election-chief-and-his-deputy"


def test_a_quotation_alone_after_a_list_and_one_quoted_speaker_is_that_speakers() -> None:
    """ "Belek and Sato both rejected .... “We counted every ballot,” Belek said." ¶ "“...”" is Belek's quote."""
    text = "Anton Belek and Mira Sato both rejected the claims. “We counted every ballot,” Belek said.\n“They lie.”"
    claims = factlog.draft(text, source="s", published="2026-12-03").claims
    assert (claims[-1].attribution.holder, claims[-1].attribution.mode) == ("anton-belek", factlog.Mode.DIRECT_QUOTE)


def test_a_quotation_alone_after_two_quoted_speakers_is_an_unnamed_speakers() -> None:
    """Two speakers quoted in the paragraph before say nothing of whose the quotation is, as before."""
    text = "“We counted,” Anton Belek said. “We did not,” Mira Sato said.\n“They lie.”"
    claims = factlog.draft(text, source="s", published="2026-12-03").claims
    assert claims[-1].attribution.holder == "s:an-unnamed-speaker"
