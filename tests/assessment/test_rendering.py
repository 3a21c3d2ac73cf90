"""Rendering assessments: every typed value, capped explanations, ICD 203 words, copying wording."""

from __future__ import annotations

import json

from hypothesis import given, settings

import factlog
from factlog.io import make_converter
from factlog.model import Object
from tests.helpers import ENTITIES, claim, world
from tests.strategies import objects

_ENTITY_IDS = [entity.id for entity in ENTITIES]


@settings(max_examples=60)
@given(objects(_ENTITY_IDS).filter(lambda value: value is not None))
def test_every_slot_value_renders_as_json_and_reads_back(value: Object) -> None:
    """Any object a functional slot can hold renders in every format; JSON gives it back as a document writes it."""
    assessment = factlog.assess(world(claim("c1", predicate="head-of-government", obj=value)))
    document = json.loads(factlog.render_assessment_json(assessment))
    factlog.render_assessment_text(assessment)
    factlog.render_assessment_markdown(assessment)
    converter = make_converter()
    shown = {converter.structure(item["value"], Object | None) for item in document["propositions"]}
    expected = set(value) if isinstance(value, tuple) else {value}
    assert shown == expected
