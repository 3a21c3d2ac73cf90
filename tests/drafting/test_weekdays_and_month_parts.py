"""Weekdays as news usage reads them, and the parts of a month ("mid-November") as the days they name."""

from __future__ import annotations

import datetime
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

import factlog
from factlog.drafting._times import named_time
from tests.drafting.registries import BELEK_REGISTRY, belek_visit

PUBLISHED = "2026-11-20"  # a Friday


def _visit(when: str, published: str = PUBLISHED) -> factlog.Claim:
    return belek_visit(when, published)


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


@pytest.mark.parametrize(
    ("words", "days"),
    [
        ("in early November", "2026-11-01/2026-11-10"),
        ("in mid-November", "2026-11-11/2026-11-20"),
        ("in late November", "2026-11-21/2026-11-30"),
        ("in the middle of November", "2026-11-11/2026-11-20"),
        ("at the end of November", "2026-11-21/2026-11-30"),
        ("in late February 2024", "2024-02-21/2024-02-29"),
        ("in mid-Dec 2025", "2025-12-11/2025-12-20"),
        ("in early 2025", "2025-01-01/2025-04-30"),
        ("in mid-2025", "2025-05-01/2025-08-31"),
        ("in late 2025", "2025-09-01/2025-12-31"),
        ("late last year", "2025-09-01/2025-12-31"),
        ("early next month", "2026-12-01/2026-12-10"),
    ],
)
def test_a_part_of_a_month_or_year_is_its_third(words: str, days: str) -> None:
    """Early, mid, late: days 1-10, 11-20, 21 to the end (months January-April, May-August, September-December)."""
    claim = _visit(words)
    assert (str(claim.proposition.when), claim.notes) == (days, None)  # type: ignore[union-attr]


@given(
    st.dates(datetime.date(1990, 1, 1), datetime.date(2060, 12, 31)),
    st.sampled_from(["January", "February", "June", "November", "December"]),
)
def test_the_three_parts_of_a_month_tile_it(published: datetime.date, month: str) -> None:
    """Early, mid- and late <month> meet without a gap or an overlap and make up the month the month alone names."""
    day = factlog.Interval.parse(published.isoformat())
    parts = [named_time(f"Belek visited Tarsia in {part}{month}.", day).when for part in ("early ", "mid-", "late ")]
    whole = named_time(f"Belek visited Tarsia in {month}.", day).when
    assert whole is not None
    bounds = [(part.first_day, part.last_day) for part in parts if part is not None]
    assert len(bounds) == 3
    assert (bounds[0][0], bounds[2][1]) == (whole.first_day, whole.last_day)
    for earlier, later in itertools.pairwise(bounds):
        assert earlier[1] + 1 == later[0]


@pytest.mark.parametrize(
    ("words", "quoted"),
    [
        ("before 2019", ["'before 2019'"]),
        ("in the spring of 2019", ["'the spring of 2019'"]),
        ("between 2019 and 2021", ["'between 2019 and 2021'"]),
        ("before the summit in 2019", ["'before the summit in 2019'"]),
        ("two days before the summit", ["'two days before the summit'"]),
        ("in the 1990s and before 2019", ["'the 1990s'", "'before 2019'"]),
        ("before 2019 and on February 30", ["'February 30'", "'before 2019'"]),
    ],
)
def test_the_note_quotes_every_phrase_that_could_not_be_read(words: str, quoted: list[str]) -> None:
    """The note names the time words not read, whole and each of them: 'before 2019', never a part such as '2019'."""
    claim = _visit(words)
    assert claim.proposition.when is None  # type: ignore[union-attr]
    notes = claim.notes or ""
    assert [phrase for phrase in quoted if phrase in notes] == quoted
    assert "'2019' is" not in notes
    assert "'2019' and" not in notes


@pytest.mark.parametrize(
    ("words", "quoted"), [("before 2019", "'before 2019'"), ("in early November", "'early November'")]
)
def test_without_a_publication_date_the_note_quotes_the_whole_phrase(words: str, quoted: str) -> None:
    """With no date to read them against, the note names the time words whole: 'before 2019', 'early November'."""
    (claim,) = factlog.draft(f"Anton Belek visited Tarsia {words}.", source="wire", registry=BELEK_REGISTRY).claims
    assert quoted in (claim.notes or "")
