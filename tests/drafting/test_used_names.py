"""The draft's look-up of used entities by written name agrees with a scan of every entity, however they were set."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factlog.drafting._names import normal
from factlog.drafting._used import Used
from factlog.model import Entity, EntityKind

_WORDS = st.sampled_from(["the NIS", "NIS", "Kim", "kim ", "The Ministry", "ministry", "Ortiz", "Lena Ortiz", "Ø"])
_IDS = st.sampled_from(["a", "b", "c", "d"])


def _scan(used: dict[str, Entity], phrase: str) -> str | None:
    """The oracle: every entity in order, its names normalised afresh (the look-up as first written)."""
    written = normal(phrase).removeprefix("the ")
    for entity in used.values():
        if written in {normal(name).removeprefix("the ") for name in (entity.name, *entity.aliases)}:
            return entity.id
    return None


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_IDS, _WORDS, st.lists(_WORDS, max_size=2), _WORDS), max_size=12))
def test_by_name_is_the_first_entity_in_order_bearing_the_name(steps: list[tuple[str, str, list[str], str]]) -> None:
    """Entities set, replaced with more aliases, asked between: each answer is the full scan's."""
    used = Used()
    plain: dict[str, Entity] = {}
    for key, name, aliases, asked in steps:
        entity = Entity(id=key, name=name, kind=EntityKind.PERSON, aliases=tuple(dict.fromkeys(aliases)))
        used[key] = plain[key] = entity
        assert used.by_name(asked) == _scan(plain, asked)
    for word in ("NIS", "the ministry", "kim", "Nobody"):
        assert used.by_name(word) == _scan(plain, word)
