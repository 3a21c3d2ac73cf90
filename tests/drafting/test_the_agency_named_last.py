"""“The agency” is the news agency named last, in any sentence, not only one that spoke or was told."""

from __future__ import annotations

import pytest

import factlog


def _last(text: str) -> factlog.Attribution:
    """The attribution of the last claim drafted from ``text`` (no registry, publisher Harbour Post)."""
    claims = factlog.draft(text, source="s", published="2026-12-03", publisher="Harbour Post").claims
    return claims[-1].attribution


@pytest.mark.parametrize(
    "naming",
    [
        "The clash was first reported by Yonhap on Tuesday.",
        "The clash, first reported by Yonhap, left two dead.",
        "A video aired by Yonhap showed the clash.",
        "Kyodo News and Yonhap reported the clash.",
    ],
)
def test_the_agency_is_the_one_named_last_after_the_datelines(naming: str) -> None:
    """ "SEOUL (Reuters) - ... first reported by Yonhap. A fisherman told the agency ..." is relayed by Yonhap."""
    attribution = _last(f"SEOUL (Reuters) - {naming} A fisherman told the agency that the ship rammed his boat.")
    assert (attribution.holder, attribution.via) == ("s:a-fisherman", ("harbour-post", "reuters", "yonhap"))


def test_the_agency_with_none_named_since_is_the_datelines() -> None:
    """With no other agency named since, "the agency" is still the dateline's."""
    attribution = _last("SEOUL (Reuters) - The clash left two dead. A fisherman told the agency that it sank.")
    assert attribution.via == ("harbour-post", "reuters")


def test_an_agency_named_but_never_pointed_at_is_no_entity_of_the_draft() -> None:
    """An agency only named in the outlet's voice is proposed only when "the agency" comes to point at it."""
    draft = factlog.draft("The clash was first reported by Yonhap.", source="s", published="2026-12-03")
    assert "yonhap" not in draft.entity_by_id
