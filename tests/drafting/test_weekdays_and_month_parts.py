"""Weekdays as news usage reads them, and the parts of a month ("mid-November") as the days they name."""

from __future__ import annotations

import pytest

import factlog
from tests.drafting.registries import BELEK_REGISTRY

PUBLISHED = "2026-11-20"  # a Friday


def _visit(when: str, published: str = PUBLISHED) -> factlog.Claim:
    (claim,) = factlog.draft(
        f"Anton Belek visited Tarsia {when}.", source="wire", published=published, registry=BELEK_REGISTRY
    ).claims
    assert claim.proposition is not None
    return claim


@pytest.mark.parametrize(
    ("words", "published", "day"),
    [
        ("last Tuesday", PUBLISHED, "2026-11-10"),
        ("last Wednesday", "2026-11-19", "2026-11-11"),
        ("last Tuesday", "2026-11-18", "2026-11-10"),
    ],
)
def test_last_weekday_is_that_day_of_the_week_before_publication(words: str, published: str, day: str) -> None:
    """'last Tuesday' in a story of Friday 20 November is 10 November; said on a Wednesday it is not yesterday."""
    assert str(_visit(words, published).proposition.when) == day  # type: ignore[union-attr]


def test_on_a_weekday_is_the_latest_such_day_up_to_publication() -> None:
    """'on Tuesday' in the past tense is the most recent Tuesday, 'on Friday' the day of the story itself."""
    assert [str(_visit(words).proposition.when) for words in ("on Tuesday", "on Friday", "last Tuesday")] == [  # type: ignore[union-attr]
        "2026-11-17",
        "2026-11-20",
        "2026-11-10",
    ]
