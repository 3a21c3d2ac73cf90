"""Figures as reporters give them: one-sided bounds, about, vague words, units that convert, margins."""

from __future__ import annotations

import json
import math
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import factlog
from factlog import Estimate, FormatError, Predicate, PredicateKind, Quantity, Severity
from factlog.analysis._values import compatible, convert
from factlog.checks import conflicting_values
from tests.helpers import PREDICATES, claim, world
from tests.strategies import quantities

FIGURES = Predicate(id="figures", label="has the figure", kind=PredicateKind.STATE, functional=True)


@pytest.mark.parametrize(
    ("quantity", "bounds"),
    [
        (Quantity(amount=120, estimate=Estimate.AT_LEAST), (120, math.inf)),
        (Quantity(amount=600, estimate=Estimate.UP_TO), (-math.inf, 600)),
        (Quantity(amount=120, estimate=Estimate.ABOUT), (108, 132)),
        (Quantity(estimate=Estimate.A_FEW), (3, 9)),
        (Quantity(estimate=Estimate.SEVERAL), (3, 9)),
        (Quantity(estimate=Estimate.DOZENS), (24, 99)),
        (Quantity(estimate=Estimate.HUNDREDS), (200, 9_999)),
        (Quantity(estimate=Estimate.THOUSANDS), (2_000, 999_999)),
        (Quantity(amount=11000, lower=10000, upper=12000), (10000, 12000)),
    ],
)
def test_estimate_meaning(quantity: Quantity, bounds: tuple[float, float]) -> None:
    """Each estimate allows the documented range, with no invented bound on the open side."""
    assert quantity.bounds == pytest.approx(bounds)


def test_more_than_excludes_the_amount() -> None:
    """'More than 10,000' is not 10,000, but anything above it is."""
    more = Quantity(amount=10000, estimate=Estimate.MORE_THAN)
    assert more.low > 10000
    assert more.low < 10000.001
    assert more.high == math.inf


def test_words_read_as_written() -> None:
    """A quantity prints as a reporter wrote it."""
    assert [
        str(Quantity(amount=120, estimate=Estimate.AT_LEAST, unit="troops")),
        str(Quantity(estimate=Estimate.DOZENS, unit="rockets")),
        str(Quantity(amount=10000, estimate=Estimate.MORE_THAN)),
        str(Quantity(estimate=Estimate.A_FEW, unit="rockets")),
    ] == ["at least 120 troops", "dozens of rockets", "more than 10,000", "a few rockets"]


@given(quantities())
def test_quantity_json_round_trips(quantity: Quantity) -> None:
    """Every quantity form written as JSON reads back equal, and writes the same bytes again."""
    converter = factlog.make_converter()
    data = converter.unstructure(quantity)
    again = converter.structure(json.loads(json.dumps(data)), Quantity)
    assert again == quantity
    assert converter.unstructure(again) == data


def one_figure(value: object, **predicate: object) -> dict[str, object]:
    """A document with one claim whose object is ``value``, under a functional predicate."""
    return {
        "format": "factlog",
        "version": 1,
        "entities": [{"id": "x", "name": "X", "kind": "country"}],
        "predicates": [{"id": "n", "label": "has", "kind": "state", "functional": True, **predicate}],
        "sources": [{"id": "s", "title": "S", "publisher": "x"}],
        "claims": [
            {
                "id": "c",
                "statement": "X has it.",
                "proposition": {"subject": "x", "predicate": "n", "object": value},
                "attribution": {"holder": "x"},
                "evidence": [{"source": "s", "quote": "q", "start": 0, "end": 1}],
            }
        ],
    }


@pytest.mark.parametrize(
    ("value", "path", "message"),
    [
        ({"estimate": "at-least"}, "$.claims[0].proposition.object", "needs an amount"),
        ({"amount": 30, "estimate": "dozens"}, "$.claims[0].proposition.object", "give no amount"),
        ({"amount": 30, "upper": 40, "estimate": "about"}, "$.claims[0].proposition.object", "give no lower or upper"),
        ({"amount": 30, "estimate": "roughly"}, "$.claims[0].proposition.object.estimate", "expected one of"),
    ],
)
def test_bad_figures_are_format_errors_with_file_and_path(
    tmp_path: Path, value: dict[str, object], path: str, message: str
) -> None:
    """A figure that says too much or too little is refused, naming the file and the JSON path."""
    file = tmp_path / "claims.json"
    file.write_text(json.dumps(one_figure(value)))
    with pytest.raises(FormatError, match=message) as caught:
        factlog.load(file)
    assert caught.value.errors[0].startswith(f"{file}: {path}")


def test_bad_margin_is_a_format_error() -> None:
    """A predicate's margin is a plain amount: an estimate there is refused with its path."""
    with pytest.raises(FormatError, match=r"\$\.predicates\[0\]\.margin: a margin is a plain amount"):
        factlog.loads(json.dumps(one_figure({"amount": 1}, margin={"amount": 10, "estimate": "about"})))


def test_margin_in_a_unit_pint_does_not_know_is_a_format_error() -> None:
    """A margin of 3 bananas cannot be converted to any figure's unit: refused with its JSON path."""
    with pytest.raises(FormatError, match=r"\$\.predicates\[0\]\.margin\.unit: 'bananas' is not a unit pint knows"):
        factlog.loads(json.dumps(one_figure({"amount": 1, "unit": "troops"}, margin={"amount": 3, "unit": "bananas"})))


def test_margin_in_the_figures_own_word_loads() -> None:
    """A margin of 2 troops for figures in troops compares as written: pint need not know the word."""
    document = one_figure({"amount": 1, "unit": "troops"}, margin={"amount": 2, "unit": "Troops"})
    assert factlog.loads(json.dumps(document)).predicates[0].margin == Quantity(amount=2, unit="Troops")


def test_margin_and_estimates_load_and_write_as_given() -> None:
    """A margin and a one-sided figure are written back exactly as they were read."""
    document = one_figure(
        {"amount": 120, "estimate": "at-least", "unit": "troops"}, margin={"amount": 10, "unit": "minute"}
    )
    text = factlog.dumps(factlog.loads(json.dumps(document)))
    assert '"margin": {\n        "amount": 10,\n        "unit": "minute"\n      }' in text
    assert '"estimate": "at-least"' in text


def test_conversion_with_pint() -> None:
    """Miles convert to kilometres and minutes to hours; troops and hours do not convert."""
    assert convert(1, "mile", "km") == pytest.approx(1.609344)
    assert convert(90, "minutes", "hours") == pytest.approx(1.5)
    assert convert(6, "months", "years") == pytest.approx(0.5)
    assert convert(3, "troops", "hours") is None
    assert convert(3, "troops", "Troops") == 3


def pair(first: Quantity, second: Quantity, predicate: Predicate = FIGURES) -> list[factlog.Finding]:
    """The conflicting_values findings of two certain claims giving these figures."""
    claims = world(claim("a", "dprk", predicate.id, first), claim("b", "dprk", predicate.id, second, holder="wire"))
    claims = attrs.evolve(claims, predicates=(*PREDICATES, predicate))
    return list(conflicting_values(factlog.Index.of(claims)))


def test_at_least_agrees_with_any_larger_figure() -> None:
    """'At least 120' and 400 agree; 'at least 120' and 100 conflict."""
    at_least = Quantity(amount=120, estimate=Estimate.AT_LEAST)
    assert pair(at_least, Quantity(amount=400)) == []
    [finding] = pair(at_least, Quantity(amount=100))
    assert finding.severity is Severity.ERROR


def test_dozens_and_hundreds_conflict() -> None:
    """'Dozens' and 'hundreds' cannot both be true; 'a few' and 5 can."""
    assert len(pair(Quantity(estimate=Estimate.DOZENS), Quantity(estimate=Estimate.HUNDREDS))) == 1
    assert pair(Quantity(estimate=Estimate.A_FEW), Quantity(amount=5)) == []


ENGLISH = {
    Estimate.A_FEW: (3, 9),
    Estimate.SEVERAL: (3, 9),
    Estimate.DOZENS: (24, 99),
    Estimate.HUNDREDS: (200, 9_999),  # "fifteen hundred", "ninety-nine hundred"
    Estimate.THOUSANDS: (2_000, 999_999),  # "eleven thousand", "tens" and "hundreds of thousands"
}
"""The figures English gives each loose word for: "thousands of troops" of 11,000 troops, "hundreds" of 1,500."""


@st.composite
def _word_and_figure(draw: st.DrawFn) -> tuple[Estimate, Quantity]:
    """A loose word, and a figure (exact, bounded, about, one-sided) allowing one of the numbers it stands for."""
    word = draw(st.sampled_from(sorted(ENGLISH, key=lambda each: each.value)))
    low, high = ENGLISH[word]
    number = draw(st.integers(low, high))
    shape = draw(st.sampled_from(["exact", "bounded", "about", "at-least", "up-to"]))
    if shape == "bounded":
        below, above = draw(st.integers(0, number)), draw(st.integers(0, number))
        return word, Quantity(amount=number, lower=number - below, upper=number + above, unit="troops")
    if shape == "exact":
        return word, Quantity(amount=number, unit="troops")
    return word, Quantity(amount=number, estimate=Estimate(shape), unit="troops")


@given(_word_and_figure())
def test_a_loose_word_never_conflicts_with_a_figure_english_gives_it_for(drawn: tuple[Estimate, Quantity]) -> None:
    """'Thousands of troops' and 11,000 (10,000-12,000) troops, 'hundreds' and 1,500: no conflict, either way round."""
    word, figure = drawn
    loose = Quantity(estimate=word, unit="troops")
    assert pair(loose, figure) == []
    assert pair(figure, loose) == []


def test_hundreds_and_thousands_meet_but_thousands_and_a_million_do_not() -> None:
    """'Hundreds' and 'thousands' may both be true (2,000 to 9,999); 'thousands' and a million may not."""
    assert pair(Quantity(estimate=Estimate.HUNDREDS), Quantity(estimate=Estimate.THOUSANDS)) == []
    assert len(pair(Quantity(estimate=Estimate.THOUSANDS), Quantity(amount=1_000_000))) == 1


def test_units_are_converted_before_comparing() -> None:
    """5 miles and 8 km agree (8.05 km); 5 miles and 5 km do not."""
    miles = Quantity(amount=5, unit="miles")
    assert pair(miles, Quantity(amount=8, unit="km", estimate=Estimate.ABOUT)) == []
    assert len(pair(miles, Quantity(amount=5, unit="km"))) == 1


def test_units_that_do_not_convert_are_a_finding() -> None:
    """5 km and 5 hours are not skipped: a warning says they cannot be compared."""
    [finding] = pair(Quantity(amount=5, unit="km"), Quantity(amount=5, unit="hours"))
    assert finding.severity is Severity.WARNING
    assert finding.message.startswith("Values in units that do not convert")


def test_absolute_margin_in_another_unit() -> None:
    """With a margin of 10 minutes, 1 hour and 65 minutes agree; 1 hour and 75 minutes do not."""
    timed = attrs.evolve(FIGURES, margin=Quantity(amount=10, unit="minutes"))
    hour = Quantity(amount=1, unit="hour")
    assert pair(hour, Quantity(amount=65, unit="minutes"), timed) == []
    assert len(pair(hour, Quantity(amount=75, unit="minutes"), timed)) == 1


def test_margin_that_does_not_convert_is_a_finding() -> None:
    """A margin in minutes for figures in km cannot widen them: reported, not ignored."""
    timed = attrs.evolve(FIGURES, margin=Quantity(amount=10, unit="minutes"))
    [finding] = pair(Quantity(amount=5, unit="km"), Quantity(amount=6, unit="km"), timed)
    assert finding.message.startswith("Values in units that do not convert")


def test_compatible_answers_follow_the_same_rules() -> None:
    """The assessment's compatibility agrees: converted units meet, unconvertible ones are rivals."""
    assert compatible(Quantity(amount=1, unit="hour"), Quantity(amount=60, unit="minutes"), FIGURES)
    assert not compatible(Quantity(amount=1, unit="hour"), Quantity(amount=1, unit="km"), FIGURES)
