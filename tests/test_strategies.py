"""The test strategies draw only what the model accepts."""

from __future__ import annotations

import attrs
import pytest

from factlog import ClaimSet, FieldError, Interval, Pattern, Predicate, PredicateKind
from tests.helpers import ENTITIES, SOURCES, claim
from tests.strategies.crowds import exclusive_echo

_RANKED = Predicate(
    id="visits", label="visits", kind=PredicateKind.EVENT, scale="level", rank=2, exclusive_with=("avoids",)
)
_PLAIN = Predicate(id="avoids", label="avoids", kind=PredicateKind.EVENT)


def test_an_exclusive_echo_keeps_highest_since_only_where_the_predicate_has_a_rank() -> None:
    """'The highest-level visit since 2019' echoed on a predicate without rank: the echo drops the pattern."""
    said = attrs.evolve(
        claim("top", "prc", "visits", "dprk", "2025-10"), pattern=Pattern(highest_since=Interval.parse("2019"))
    )
    assert said.proposition is not None
    moved = attrs.evolve(said, id="y", proposition=attrs.evolve(said.proposition, predicate="avoids"))
    predicates = (_RANKED, _PLAIN)
    with pytest.raises(FieldError):  # what the echo must not draw
        ClaimSet(entities=ENTITIES, predicates=predicates, sources=SOURCES, claims=(said, moved))
    echo = exclusive_echo(said, "avoids", {"visits"})
    ClaimSet(entities=ENTITIES, predicates=predicates, sources=SOURCES, claims=(said, echo))
    assert echo.pattern is None
    assert exclusive_echo(said, "visits", {"visits"}).pattern == said.pattern
