"""Every hedge word the drafter knows reads back, through its certainty and polarity, as the scales' word.

The drafter's cue table, FactBank's values (Saurí & Pustejovsky 2009) and ICD 203's
words of likelihood (ODNI 2015) are one mapping: "unlikely" is probable and denied
(PR-, "probably not"), which the scales print as ICD 203 *unlikely*.
"""

from __future__ import annotations

import pytest

import factlog
from factlog import Certainty, Factuality, Likelihood, Polarity
from factlog.drafting._cues import CUES, Cue, CueKind


def _expand(pattern: str) -> list[str]:
    """The phrases a cue's pattern matches, for the patterns of the table: literals, ``(?:a|b)`` groups, ``x?``."""

    def alternatives(text: str, at: int) -> tuple[list[str], int]:
        found: list[str] = []
        current = [""]
        while at < len(text) and text[at] != ")":
            if text[at] == "|":
                found += current
                current, at = [""], at + 1
                continue
            if text.startswith("(?:", at):
                inner, at = alternatives(text, at + 3)
                at += 1  # the closing parenthesis
                piece = inner
            else:
                piece, at = [text[at]], at + 1
            if at < len(text) and text[at] == "?":
                piece, at = [*piece, ""], at + 1
            current = [head + tail for head in current for tail in piece]
        return found + current, at

    phrases, _ = alternatives(pattern, 0)
    return sorted({" ".join(phrase.split()) for phrase in phrases if phrase.strip()})


def _hedges() -> list[tuple[Cue, str]]:
    """Every phrase of every cue that sets a certainty below certain: (cue, phrase)."""
    return [(cue, phrase) for cue in CUES if cue.band < Certainty.CERTAIN for phrase in _expand(cue.words)]


def _sentence(cue: Cue, phrase: str) -> str:
    if cue.kind is CueKind.REPORTING:
        return f"Officials {phrase} that the ministry closed the port."
    if cue.kind is CueKind.PASSIVE:
        return f"The ministry {phrase} as closed."
    if cue.kind is CueKind.INFERENCE:
        return f"The closure {phrase} a shift in policy."
    if cue.own_voice_only:
        return f"The ministry {phrase} close the port."
    if cue.before is not None:  # the cue counts before its verbs only: "hoped to visit"
        return f"Officials said the ministry {phrase} {_expand(cue.before)[0]} the port."
    return f"Officials said the ministry {phrase} closed the port."


def test_the_expander_finds_the_phrases_of_a_pattern() -> None:
    """The test's own reading of a pattern: groups, alternatives and optional letters."""
    assert _expand(r"(?:is|are) likely to|appears? to") == ["appear to", "appears to", "are likely to", "is likely to"]


def test_every_hedge_cue_has_phrases() -> None:
    """Each cue below certain gives at least one phrase, and 'unlikely' is among them."""
    hedges = _hedges()
    assert {cue.words for cue, _ in hedges} == {cue.words for cue in CUES if cue.band < Certainty.CERTAIN}
    assert "unlikely" in {phrase for _, phrase in hedges}
    assert len(hedges) > 40


@pytest.mark.parametrize(("cue", "phrase"), _hedges(), ids=lambda item: item if isinstance(item, str) else "")
def test_a_hedge_word_reads_back_as_the_scales_word(cue: Cue, phrase: str) -> None:
    """word → drafted certainty and polarity → FactBank value → ICD 203 word → the same certainty and polarity."""
    drafted = factlog.draft(_sentence(cue, phrase), source="a", published="2025-10-08", publisher="Daily Wire")
    [made] = drafted.claims
    polarity = Polarity.DENIED if cue.denies else Polarity.AFFIRMED
    assert (made.certainty, made.polarity) == (cue.band, polarity)
    value = made.certainty.factuality(made.polarity)
    word = value.likelihood
    assert Likelihood.parse(word.value) is word
    if made.certainty is Certainty.POSSIBLE:  # a possibility is no lean: PS± and Uu share the even chance
        assert word is Likelihood.ROUGHLY_EVEN_CHANCE
        assert word.factuality is Factuality.UU
    else:
        assert word.factuality is value
    for scale in (Likelihood, Certainty):
        try:
            read = scale.parse(phrase)
        except factlog.ScaleError:
            continue
        assert read is (word if scale is Likelihood else made.certainty), (phrase, read)


def test_unlikely_is_probably_not_on_every_route() -> None:
    """'unlikely': the drafter's PR-, the scales' ICD 203 unlikely (20-45 %), and back."""
    sentence = "Analysts said the commission was unlikely to settle the dispute."
    [made] = factlog.draft(sentence, source="a", published="2025-10-08", publisher="Daily Wire").claims
    assert made.certainty.factuality(made.polarity) is Factuality.PR_MINUS
    assert Likelihood.parse("unlikely").factuality is Factuality.PR_MINUS
    assert Factuality.PR_MINUS.likelihood is Likelihood.UNLIKELY
    assert Likelihood.UNLIKELY.band == (0.20, 0.45)
