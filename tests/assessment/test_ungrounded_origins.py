"""Origins for a proposition all graded E or F: at best possibly true, a roughly even chance, in every method."""

from __future__ import annotations

import attrs
from hypothesis import given
from hypothesis import strategies as st

import factlog
from factlog import ClaimSet, Credibility, Likelihood, PartialDate, Reliability, Source
from factlog.assessment._methods import METHODS
from tests.helpers import claim, world

_OUTLETS = ("author", "paper-a", "paper-b", "wire")


def _reported(grades: dict[str, Reliability]) -> ClaimSet:
    """Each outlet says it in its own story, graded as given."""
    claims = world(*(claim(f"c-{name}", holder=name, source=f"own-{name}") for name in grades))
    published = PartialDate.parse("2025-10")
    sources = tuple(Source(id=f"own-{name}", title=name, publisher=name, published=published) for name in grades)
    entities = tuple(
        attrs.evolve(entity, reliability=grades[entity.id]) if entity.id in grades else entity
        for entity in claims.entities
    )
    return attrs.evolve(claims, entities=entities, sources=(*claims.sources, *sources))


@given(st.lists(st.sampled_from((Reliability.E, Reliability.F)), min_size=2, max_size=4))
def test_agreeing_unreliable_origins_read_no_better_than_an_even_chance(grades: list[Reliability]) -> None:
    """Two to four independent E or F origins for it: credibility 3 at best, ICD 203 words no firmer than even."""
    claims = _reported(dict(zip(_OUTLETS, grades, strict=False)))
    for method in METHODS:
        [item] = factlog.assess(claims, method=method).propositions
        assert item.credibility.value in (3, 4, 5), method
        assert item.likelihood is not None
        assert item.likelihood <= Likelihood.ROUGHLY_EVEN_CHANCE, method


def test_the_reason_says_no_origin_for_it_is_graded_d_or_better() -> None:
    """Under majority two E origins give a belief of 1; the grade is held and a reason says why; a D one lifts it."""
    [item] = factlog.assess(_reported({"author": Reliability.E, "wire": Reliability.E}), method="majority").propositions
    assert (item.belief, item.credibility) == (1.0, Credibility.POSSIBLY_TRUE)
    assert (
        "held to roughly even chance: no origin for it is graded D or better: its origins for it are graded E or F;"
        " the belief is the method's"
    ) in item.reasons

    [lifted] = factlog.assess(
        _reported({"author": Reliability.D, "wire": Reliability.F}), method="majority"
    ).propositions
    assert lifted.credibility is Credibility.PROBABLY_TRUE  # one origin graded D or better lifts the cap
