"""A question asserts nothing: drafted as an uncommitted claim (FactBank's Uu), never an affirmed or denied one."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import factlog
from factlog import Certainty, Polarity
from tests.drafting.registries import BELEK_REGISTRY, BUNDLED_REGISTRY


def _claim(text: str) -> factlog.Claim:
    drafted = factlog.draft(text, source="t", published="2026-11-20", publisher="Yonhap", registry=BUNDLED_REGISTRY)
    return drafted.claims[0]


@pytest.mark.parametrize(
    "sentence",
    [
        "Will Kim Attend the Summit?",
        "Will Kim attend the summit in Beijing?",
        "Is the ceasefire holding?",
        "Could talks resume next week?",
        "Why did Kim not attend the parade?",
        "Who would doubt it?”",
        "Kim attended the parade, didn’t he?",
    ],
)
def test_a_question_is_uncommitted_and_denies_nothing(sentence: str) -> None:
    """A headline or sentence asking something is uncommitted (Uu) and affirmed, whatever its hedge or negation."""
    claim = _claim(sentence)
    assert (claim.certainty, claim.polarity) == (Certainty.UNCOMMITTED, Polarity.AFFIRMED)
    assert claim.attribution.cue == "?"


def test_a_quoted_question_is_its_speakers_uncommitted_claim() -> None:
    """'“Will the West ever learn?” said Lavrov.': Lavrov's words, committing him to nothing."""
    claim = _claim("“Will the West ever learn?” said Lavrov.")
    assert (claim.attribution.holder, claim.certainty) == ("sergey-lavrov", Certainty.UNCOMMITTED)


def test_a_statement_after_a_question_keeps_its_certainty() -> None:
    """'Is the ceasefire holding? Officials said it was.': only the question is uncommitted."""
    drafted = factlog.draft("Is the ceasefire holding? Officials said it was.", source="t", publisher="Yonhap")
    assert [claim.certainty for claim in drafted.claims] == [Certainty.UNCOMMITTED, Certainty.CERTAIN]


@given(st.sampled_from(["visited", "will visit", "did not visit", "may have visited", "never visited"]))
def test_asking_makes_any_sentence_uncommitted(verb: str) -> None:
    """The same words, asked rather than stated, hold the proposition uncommitted and never denied."""
    stated = factlog.draft(f"Anton Belek {verb} Tarsia.", source="t", registry=BELEK_REGISTRY).claims[0]
    asked = factlog.draft(f"Anton Belek {verb} Tarsia?", source="t", registry=BELEK_REGISTRY).claims[0]
    assert (asked.certainty, asked.polarity) == (Certainty.UNCOMMITTED, Polarity.AFFIRMED)
    assert asked.statement[:-1] == stated.statement[:-1]


def test_a_quoted_question_and_its_speaker_after_it_are_one_sentence() -> None:
    """'“Will the West ever learn?” Lavrov said.': one claim, Lavrov's and uncommitted, not an unnamed speaker's."""
    drafted = factlog.draft(
        "“Will the West ever learn?” Lavrov said. “Enough!” Lavrov told reporters. Talks ended.",
        source="t",
        publisher="Yonhap",
        registry=BUNDLED_REGISTRY,
    )
    assert [(c.evidence[0].quote, c.attribution.holder, c.certainty) for c in drafted.claims] == [
        ("“Will the West ever learn?” Lavrov said.", "sergey-lavrov", Certainty.UNCOMMITTED),
        ("“Enough!” Lavrov told reporters.", "sergey-lavrov", Certainty.CERTAIN),
        ("Talks ended.", "yonhap", Certainty.CERTAIN),
    ]
