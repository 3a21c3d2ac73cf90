"""What the analysis functions say they raise (or that they raise nothing)."""

from __future__ import annotations

import attrs
import pytest

import factlog
from factlog import Index, Interval, Pattern, Polarity, Vocabulary, find_quote, origins, readings
from tests.helpers import claim, world


@pytest.mark.parametrize("occurrence", [0, -1, True, "1"])
def test_find_quote_refuses_an_occurrence_below_one(occurrence: object) -> None:
    """occurrence is 1-based: 0 or less, a bool or text is an ArgumentError (0 gave the last one)."""
    with pytest.raises(factlog.ArgumentError, match="occurrence is 1 for the first"):
        find_quote("a b a", "a", occurrence)  # type: ignore[arg-type]


def test_find_quote_beyond_the_occurrences_finds_no_span() -> None:
    """An occurrence past the last is no span, not an error; the places are still listed."""
    found = find_quote("a b a", "a", 3)
    assert (found.span, found.occurrences) == (None, ((0, 1), (4, 5)))


def test_index_lookups_of_unknown_ids_raise_nothing() -> None:
    """Unknown entities and sources give None, the name as given, or nothing found."""
    index = Index.of(world(claim("c1")))
    assert index.entity("atlantis") is None
    assert index.name("atlantis") == index.speaks_for("atlantis") == "atlantis"
    assert index.publisher("nowhere") is None
    assert index.document("nowhere") == (None, None)
    assert index.text("nowhere") is None
    assert index.broader("atlantis") == frozenset()
    assert index.key_group(("atlantis", "sinks", None, ())) == []


def test_origins_of_no_claims_are_none() -> None:
    """origins of an empty group is an empty list."""
    assert origins(Index.of(world(claim("c1"))), []) == []


@pytest.mark.parametrize(
    ("pattern", "when", "stated"),
    [
        (Pattern(years=5000), "2020", None),  # N years back is before year 1
        (Pattern(years=2020), "2020", None),  # exactly year 0
        (Pattern(since=Interval.parse("9999")), None, "9999"),  # the day after is past 9999
        (Pattern(last=Interval.parse("9999-12-31")), None, "9999-12-31"),
    ],
)
def test_a_pattern_reaching_past_the_calendar_reads_and_checks(pattern: Pattern, when: str, stated: str) -> None:
    """Spans a pattern implies beyond years 1-9999 are cut, not raised (check gave DateError, OverflowError)."""
    said = attrs.evolve(claim("c1", when=when, stated=stated), pattern=pattern)
    found = readings(said, said.stated, Vocabulary.of(world(said)))
    assert found
    assert all(r.proposition.when is None or r.proposition.when.start_low >= 1 for r in found)
    factlog.check(world(said))


def test_for_the_first_time_in_more_years_than_the_calendar_denies_from_year_one() -> None:
    """ "First time in 5000 years", in 2020: none from 0001 to 2019, and one in 2020."""
    said = attrs.evolve(claim("c1", when="2020"), pattern=Pattern(years=5000))
    found = readings(said, None, Vocabulary.of(world(said)))
    assert [(r.polarity, str(r.proposition.when)) for r in found] == [
        (Polarity.DENIED, "0001/2019"),
        (Polarity.AFFIRMED, "2020"),
    ]
