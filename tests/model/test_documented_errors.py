"""What the model's lookups and constructors say they raise (or that they raise nothing)."""

from __future__ import annotations

import datetime

import pytest

import factlog
from factlog import ClaimSet, Interval, PartialDate, Vocabulary
from tests.helpers import claim, world


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        ("2020", "2019", "ends before it starts"),
        (None, None, "needs at least one date"),
        ("soon", None, "expected a partial date"),
        (2020, None, "expected a partial date"),
    ],
)
def test_interval_between_refuses_with_a_date_error(start: object, end: object, message: str) -> None:
    """Interval.between raises DateError (a ValueError) for a bad end, ends in the wrong order, or none."""
    with pytest.raises(factlog.DateError, match=message):
        Interval.between(start, end)  # type: ignore[arg-type]


def test_from_date_of_a_datetime_is_its_day() -> None:
    """A datetime is a date: from_date keeps its day, without raising."""
    assert str(PartialDate.from_date(datetime.datetime(2025, 10, 30, 23, 59, tzinfo=datetime.UTC))) == "2025-10-30"


def test_merge_names_every_conflict_with_both_paths() -> None:
    """ClaimSet.merge raises ConflictError naming where each id was defined first."""
    with pytest.raises(factlog.ConflictError) as caught:
        world(claim("c1")).merge(world(claim("c1", denied=True)))
    assert caught.value.errors == [
        "other 1: $.claims[0]: claim 'c1' is defined twice, differently (first at this set: $.claims[0]):"
        " polarity: 'denied' here, 'affirmed' first"
    ]


def test_document_path_of_an_unknown_source_is_none() -> None:
    """document_path gives None for an id no source has, not an error."""
    assert world(claim("c1")).document_path("nowhere") is None


def test_vocabulary_lookups_of_unknown_names_raise_nothing() -> None:
    """Unknown names: as given, None, False or (): never an error."""
    vocabulary = Vocabulary.of(ClaimSet())
    assert vocabulary.entity("atlantis") == vocabulary.name("atlantis") == "atlantis"
    assert vocabulary.predicate("flies-to") is None
    assert vocabulary.candidates("atlantis") == ()
    assert not vocabulary.knows_entity("atlantis")
    assert not vocabulary.knows_predicate("flies-to")


def test_a_weekday_beside_a_date_that_does_not_exist_is_not_checked() -> None:
    """weekday_mismatches skips '30 February' rather than raising."""
    assert factlog.weekday_mismatches("Monday, 30 February 2025") == []
