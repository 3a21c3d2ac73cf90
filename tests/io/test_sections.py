"""The claim set of sections the generated readers made: what __init__ gives, checked for repeated ids only."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings

from factlog import ClaimSet, FieldError
from factlog.io._sections import claim_set
from tests.strategies import claim_sets

_SECTIONS = ("entities", "predicates", "sources", "claims", "acknowledged")


@settings(max_examples=25)
@given(claim_sets())
def test_read_sections_make_the_set_init_makes(claims: ClaimSet) -> None:
    """Any set's sections give an equal set, with each source's folder, made absolute, as its base."""
    sections = {name: getattr(claims, name) for name in _SECTIONS}
    made = claim_set(sections, "folder")
    assert made == ClaimSet(**sections)
    assert made.bases == {source.id: os.path.join(os.getcwd(), "folder") for source in claims.sources}
    assert claim_set(sections, None).bases == {}


@settings(max_examples=25)
@given(claim_sets())
def test_an_id_given_twice_is_refused_as_init_refuses_it(claims: ClaimSet) -> None:
    """An item repeated in its section raises the FieldError __init__ raises, with the same message."""
    sections = {name: getattr(claims, name) for name in _SECTIONS}
    section = next(name for name in ("claims", "sources", "entities") if sections[name])
    sections[section] = (*sections[section], sections[section][0])
    with pytest.raises(FieldError) as expected:
        ClaimSet(**sections)
    with pytest.raises(FieldError) as caught:
        claim_set(sections, None)
    assert str(caught.value) == str(expected.value)


def test_sections_in_lists_get_every_check_of_init() -> None:
    """A section given as a list, not the readers' tuple, is refused as __init__ refuses it."""
    with pytest.raises(TypeError) as expected:
        ClaimSet(claims=[])  # type: ignore[arg-type]
    with pytest.raises(TypeError) as caught:
        claim_set({"claims": []}, None)
    assert str(caught.value) == str(expected.value)
