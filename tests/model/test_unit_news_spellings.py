"""Every news spelling of a unit is read as docs/format.md's table says, and a unit's name in any case."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factlog import Quantity
from factlog.analysis._values import convert
from factlog.model import _unitwords
from factlog.model._units import unit_reading
from factlog.model._vocabulary import object_key

FORMAT = Path(__file__).parents[2] / "docs" / "format.md"


def _documented() -> dict[str, str | None]:
    """The table between ``<!-- unit-spellings -->`` markers: each spelling and what it is read as (None: a word)."""
    text = FORMAT.read_text(encoding="utf-8")
    table = text.split("<!-- unit-spellings -->", 1)[1].split("<!-- /unit-spellings -->", 1)[0]
    rows = re.findall(r"^\| `([^`]+)` \| (?:`([^`]+)`|a word) \|$", table, flags=re.MULTILINE)
    return {written: reading or None for written, reading in rows}


DOCUMENTED = _documented()


def test_the_documented_table_is_every_spelling_read_apart() -> None:
    """The docs list every spelling the code reads apart from pint, and no other."""
    tables = (_unitwords.TEMPERATURE_SYMBOLS, _unitwords.NEWS_SYMBOLS, _unitwords.NEWS_SPELLINGS)
    assert set(DOCUMENTED) == {spelling for table in tables for spelling in table} | set(_unitwords.OPAQUE)


@given(st.sampled_from(sorted(DOCUMENTED)))
def test_every_news_spelling_reads_to_its_documented_unit(spelling: str) -> None:
    """A spelling in the table reads as its row says, and its figures are one proposition with the reading's."""
    reading = DOCUMENTED[spelling]
    assert unit_reading(spelling) == reading
    if reading is not None:
        assert object_key(Quantity(amount=3, unit=spelling)) == object_key(Quantity(amount=3, unit=reading))


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ((1.2, "mb/d"), (1200, "kb/d")),
        ((5, "pc"), (5, "per cent")),
        ((2, "sq km"), (2e6, "m**2")),
        ((3, "MT"), (3, "t")),
        ((640, "acres"), (1, "sq mi")),
        ((1, "acre"), (4046.8564224, "m**2")),
        ((1, "Acres"), (0.40468564224, "hectare")),
    ],
)
def test_news_spellings_compare_as_news_means_them(first: tuple[float, str], second: tuple[float, str]) -> None:
    """1.2 mb/d is 1,200 kb/d (not millibarns), 5 pc is 5 per cent (not parsecs), 2 sq km is 2e6 m², 3 MT 3 t.

    640 acres are one (international) square mile: the international acre, not pint's US survey acre.
    """
    assert convert(first[0], first[1], second[1]) == pytest.approx(second[0], rel=1e-12)


@pytest.mark.parametrize("word", ["M", "B", "T", "kt", "tons", "£m", "$m"])
def test_news_multipliers_and_ambiguous_units_are_words(word: str) -> None:
    """ "M" is no molar, "kt" no knot, "tons" no short ton, "£m" no metre: words that convert to no pint unit."""
    assert unit_reading(word) is None
    assert convert(1.0, word, "tonne") is None
    assert convert(1.0, word, "m") is None


NAMES = ["celsius", "kelvin", "fahrenheit", "kilometres", "miles", "tonnes", "minutes", "hours"]


@given(st.sampled_from(NAMES), st.sampled_from([str.title, str.upper, str.lower]))
def test_a_unit_name_reads_in_any_case(name: str, case: object) -> None:
    """ "Celsius", "CELSIUS" and "celsius" are one unit: a figure in each is one proposition."""
    written = case(name)  # type: ignore[operator]
    assert unit_reading(written) is not None
    assert object_key(Quantity(amount=30, unit=written)) == object_key(Quantity(amount=30, unit=name))
