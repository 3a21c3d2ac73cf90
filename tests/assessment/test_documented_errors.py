"""What the assessment and its renderings say they raise (or that they raise nothing)."""

from __future__ import annotations

import io

import pytest

import factlog
from tests.helpers import claim, world

ASSESSMENT = factlog.assess(world(claim("a"), claim("b", denied=True, holder="russia")))


def test_about_an_unknown_claim_raises_unknown_id_and_label_gives_none() -> None:
    """about an id the claim set does not hold: UnknownIdError offering the nearest; label of it: None."""
    with pytest.raises(factlog.UnknownIdError, match=r"holds no claim 'aa'; did you mean 'a'\?"):
        ASSESSMENT.about("aa")
    assert ASSESSMENT.label("nowhere") is None


def test_writing_the_json_to_a_closed_file_raises_what_write_raises() -> None:
    """write_assessment_json lets the stream's own error through: ValueError for a closed file."""
    out = io.StringIO()
    out.close()
    with pytest.raises(ValueError, match="closed file"):
        factlog.write_assessment_json(ASSESSMENT, out)


def test_leading_keys_name_the_slot_and_time() -> None:
    """leading's keys read 'SLOT @ TIME'."""
    rivals = world(
        claim("a", predicate="head-of-government", obj="trump"),
        claim("b", predicate="head-of-government", obj="analysts", holder="russia"),
    )
    assert list(factlog.assess(rivals).leading()) == ["dprk head-of-government @ 2025"]
