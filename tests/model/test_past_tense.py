"""'this year' said of the past ("had sent no grain this year") is the year up to the day it was said."""

from __future__ import annotations

import datetime
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import factlog
from factlog import find_time_expressions, resolve_when

SAID = "2026-05-11"


@pytest.mark.parametrize(
    ("words", "meaning"),
    [
        ("this year", "2026-01-01/2026-05-11"),
        ("this month", "2026-05-01/2026-05-11"),
        ("this week", "2026-05-11"),  # a Monday: the week so far is the day itself
        ("last year", "2025"),
        ("earlier this year", "2026-01-01/2026-05-11"),
    ],
)
def test_this_unit_said_of_the_past_ends_on_the_day_said(words: str, meaning: str) -> None:
    """past=True: 'this year' is 1 January to the anchor, as 'earlier this year'; other forms are unchanged."""
    assert str(resolve_when(words, SAID, past=True)) == meaning


def test_without_a_tense_this_year_is_the_whole_year() -> None:
    """The words alone say nothing of tense: resolve_when('this year', ...) is all of 2026, as before."""
    assert str(resolve_when("this year", SAID)) == "2026"


def test_a_future_wins_over_past() -> None:
    """'will ship grain this year' is the whole year even with past=True: a future tense is no past."""
    assert str(resolve_when("this year", SAID, past=True, future=True)) == "2026"


@given(st.dates(datetime.date(1900, 1, 1), datetime.date(2100, 12, 31)), st.sampled_from(["week", "month", "year"]))
def test_this_unit_of_the_past_is_earlier_this_unit(day: datetime.date, unit: str) -> None:
    """Oracle: 'this U' with past=True is 'earlier this U', ends on the day, and lies inside 'this U'."""
    so_far = resolve_when(f"this {unit}", day, past=True)
    assert so_far == resolve_when(f"earlier this {unit}", day)
    assert so_far.end is not None
    assert so_far.end.latest == day
    whole = resolve_when(f"this {unit}", day)
    assert whole.start is not None
    assert so_far.start is not None
    assert so_far.start.earliest == whole.start.earliest


@pytest.mark.parametrize(
    ("sentence", "meaning"),
    [
        ("VTV said the government had sent no grain to Tarsia this year.", "2026-01-01/2026-05-11"),
        ("No grain was sent to Tarsia this year, VTV said.", "2026-01-01/2026-05-11"),
        ("Belek has met Tarsian officials twice this year.", "2026-01-01/2026-05-11"),
        ("Velmora will send grain to Tarsia this year.", "2026"),
        ("Velmora has to send grain to Tarsia this year.", "2026"),
        ("Belek met Tarsian officials this year.", "2026"),
        ("Velmora has pledged to send more grain to Tarsia this year.", "2026"),
        ("Velmora had vowed to send no grain this year.", "2026"),
        ("Belek has agreed to visit Tarsia this year.", "2026"),
    ],
)
def test_the_finder_reads_a_past_or_perfect_auxiliary_in_the_clause(sentence: str, meaning: str) -> None:
    """past=None: 'had sent', 'was sent', 'has met' are past; 'will', 'has to', 'has pledged to', 'met' are not."""
    [found] = find_time_expressions(sentence, SAID, past=None)
    assert (found.text, str(found.when)) == ("this year", meaning)


def test_the_finder_leaves_tense_alone_by_default() -> None:
    """find_time_expressions without past= gives what it gave before: the whole year."""
    [found] = find_time_expressions("VTV said the government had sent no grain this year.", SAID)
    assert str(found.when) == "2026"


def test_the_drafter_dates_a_perfect_this_year_up_to_the_publication_day() -> None:
    """'Belek has met Tarsian officials this year' (published 2026-05-12): meets over 2026-01-01/2026-05-12."""
    registry = factlog.loads(
        json.dumps(
            {
                "format": "factlog",
                "version": 1,
                "entities": [
                    {"id": "belek", "name": "Anton Belek", "kind": "person", "aliases": ["Belek"]},
                    {"id": "tarsia", "name": "Tarsia", "kind": "country", "aliases": ["Tarsian officials"]},
                ],
                "predicates": [{"id": "meets", "label": "meets", "kind": "event", "symmetric": True}],
            }
        )
    )
    text = "Belek has met Tarsian officials this year."
    [claim] = factlog.draft(text, source="t", published="2026-05-12", registry=registry).claims
    assert claim.proposition is not None
    assert (claim.proposition.predicate, str(claim.proposition.when)) == ("meets", "2026-01-01/2026-05-12")


def test_a_written_when_has_no_tense_and_means_the_whole_year() -> None:
    """A hand-written when: "this year" is read without its sentence: all of the year (docs/format.md)."""
    claims = factlog.loads(
        json.dumps(
            {
                "format": "factlog",
                "version": 1,
                "entities": [{"id": "velmora", "name": "Velmora", "kind": "country"}],
                "predicates": [{"id": "ships-grain-to", "label": "ships grain to", "kind": "event"}],
                "sources": [{"id": "s", "title": "t", "publisher": "velmora", "published": "2026-05-12"}],
                "claims": [
                    {
                        "id": "c",
                        "statement": "Velmora sent no grain this year.",
                        "proposition": {
                            "subject": "velmora",
                            "predicate": "ships-grain-to",
                            "object": "velmora",
                            "when": "this year",
                        },
                        "polarity": "denied",
                        "stated": SAID,
                        "attribution": {"holder": "velmora"},
                        "evidence": [{"source": "s", "quote": "no grain"}],
                    }
                ],
            }
        )
    )
    [claim] = claims.claims
    assert claim.proposition is not None
    assert str(claim.proposition.when) == "2026"
