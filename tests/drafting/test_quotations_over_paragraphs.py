"""Quotations over several sentences and paragraphs: the sentences inside are the speaker's, never the outlet's."""

from __future__ import annotations

import factlog
from factlog import Claim, Mode
from factlog.drafting._quotes import open_after
from tests.drafting.registries import BUNDLED_REGISTRY


def _claims(text: str) -> list[Claim]:
    drafted = factlog.draft(text, source="t", published="2025-10-28", publisher="Yonhap", registry=BUNDLED_REGISTRY)
    return [claim for claim in drafted.claims if "-office-" not in claim.id]


CONTINUED = (
    "Lavrov said on Tuesday: “We will respond firmly. Nobody should doubt it.\n"
    "“The West has been warned. Our patience is not endless.”\n"
    "The ministry said talks would resume."
)


def test_a_quotation_continued_into_the_next_paragraph_keeps_its_speaker() -> None:
    """A paragraph left open and the next opening with a quotation mark again: every sentence inside is Lavrov's."""
    claims = _claims(CONTINUED)
    assert [(c.attribution.holder, c.attribution.mode) for c in claims[1:4]] == [
        ("sergey-lavrov", Mode.DIRECT_QUOTE),
        ("sergey-lavrov", Mode.DIRECT_QUOTE),
        ("sergey-lavrov", Mode.DIRECT_QUOTE),
    ]
    assert {c.attribution.via for c in claims[:4]} == {("yonhap",)}
    assert claims[4].attribution.holder == "t:the-ministry"


def test_a_closed_quotation_or_a_paragraph_without_a_mark_ends_the_speakers_words() -> None:
    """After the closing mark, in a paragraph opening without one, or after an inch mark ('a 12" gun', no
    quotation), a sentence without a cue is the outlet's."""
    claims = _claims(
        "Lavrov said: “We will respond firmly.\n“Nobody should doubt it.” Talks stalled in May.\n"
        'Lavrov said: “We are ready.\nTalks stalled in June.\nKim said the navy fired a 12" gun. Talks stalled.'
    )
    assert [c.attribution.holder for c in claims] == [
        "sergey-lavrov",
        "sergey-lavrov",
        "yonhap",
        "sergey-lavrov",
        "yonhap",
        "kim-jong-un",
        "yonhap",
    ]


def test_a_quotation_opened_without_a_speaker_is_an_unnamed_speakers_throughout() -> None:
    """Opened by no named speaker, the quotation is one unnamed speaker's over its paragraphs, never the outlet's."""
    claims = _claims("“We will respond firmly. Nobody should doubt it.\n“Our patience is not endless.”")
    assert len({c.attribution.holder for c in claims}) == 1
    assert claims[0].attribution.holder != "yonhap"
    assert {c.attribution.mode for c in claims} == {Mode.DIRECT_QUOTE}


def test_a_future_will_inside_a_continued_quotation_does_not_lower_the_speakers_claim() -> None:
    """'will' lowers only the outlet's own voice: inside Lavrov's quotation it is Lavrov's commitment."""
    claims = _claims("Lavrov said: “We are ready. We will respond firmly.\n“Nobody should doubt it.”")
    assert claims[1].certainty is factlog.Certainty.CERTAIN


def test_open_after_reads_a_reopening_mark_as_no_closing_one() -> None:
    """At a continued paragraph's start a straight mark opens the quotation again; elsewhere it toggles."""
    assert open_after('"We will respond.', open_before=True, reopened=True)
    assert not open_after('"We will respond."', open_before=True, reopened=True)
    assert not open_after('We will respond."', open_before=True)
    assert open_after("„Wir antworten.“ Er sagte: „Ja.", open_before=False)


def test_a_speaker_named_where_the_quotation_closes_holds_it_from_its_first_sentence() -> None:
    """'“We will respond. ...¶“Our patience is not endless,” Lavrov said.': every sentence of it is Lavrov's."""
    claims = _claims(
        "“We will respond firmly. Nobody should doubt it.\n“Our patience is not endless,” Lavrov said.\n"
        "Talks stalled in May."
    )
    assert [(c.attribution.holder, c.attribution.mode) for c in claims] == [
        ("sergey-lavrov", Mode.DIRECT_QUOTE),
        ("sergey-lavrov", Mode.DIRECT_QUOTE),
        ("sergey-lavrov", Mode.DIRECT_QUOTE),
        ("yonhap", Mode.ASSERTED),
    ]
