"""The model refuses invalid objects; merging and small helpers behave."""

from __future__ import annotations

import datetime
import pickle

import attrs
import cattrs
import pytest

import factlog
from factlog import (
    Acknowledgement,
    Attribution,
    Claim,
    ClaimSet,
    ConflictError,
    DateValue,
    Entity,
    EntityKind,
    Evidence,
    FieldError,
    FormatError,
    Interval,
    Predicate,
    PredicateKind,
    Proposition,
    Quantity,
    Source,
    TextValue,
)
from factlog.io._messages import messages
from tests.helpers import claim, world


def evidence() -> tuple[Evidence, ...]:
    return (Evidence(source="s", quote="abc", start=0, end=3),)


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: Entity(id="Bad Id", name="x", kind=EntityKind.COUNTRY), "id: expected an id"),
        (lambda: Entity(id="a", name="  ", kind=EntityKind.COUNTRY), "name: must not be empty"),
        (lambda: Entity(id="a", name="A", kind=EntityKind.COUNTRY, wikidata="423"), "wikidata: expected a Wikidata"),
        (lambda: Entity(id="a", name=3, kind=EntityKind.COUNTRY), "name: expected a string"),  # type: ignore[arg-type]
        (lambda: Predicate(id="p", label="p", kind=PredicateKind.STATE, symmetric=True, inverse="q"), "inverse"),
        (lambda: Predicate(id="p", label="p", kind=PredicateKind.STATE, inverse="p"), "its own inverse"),
        (lambda: Predicate(id="p", label="p", kind=PredicateKind.STATE, tolerance=-1), "at least 0"),
        (lambda: Quantity(amount=5, lower=6), "lower bound 6 is above"),
        (lambda: Quantity(amount=5, upper=4), "upper bound 4 is below"),
        (lambda: Quantity(amount=True), "expected a finite number"),
        (lambda: Quantity(amount=float("nan")), "expected a finite number"),
        (lambda: Evidence(source="s", quote="abc", start=0, end=5), "span 0-5 is 5 characters"),
        (lambda: Evidence(source="s", quote="abc", start=True, end=3), "start"),
        (lambda: Proposition(subject="a", predicate="p", object=" "), "object: must not be empty"),
        (lambda: Proposition(subject="a", predicate="p", object=("b", "b")), "listed twice"),
        (lambda: Evidence(source="s", quote="abc", start=0), "give both"),
        (lambda: Evidence(source="s", quote="abc", occurrence=0), "occurrence"),
        (lambda: Evidence(source="s", quote="abc", start=0, end=3, occurrence=1), "occurrence"),
        (lambda: Proposition(subject="a", predicate="p", qualifiers={"Place": "x"}), "qualifier names must be ids"),
        (lambda: Proposition(subject="a", predicate="p", qualifiers={"place": " "}), "non-empty string"),
        (lambda: Claim(id="c", statement="s", attribution=Attribution(holder="a"), evidence=()), "at least one"),
        (lambda: Source(id="s", title="t", publisher="p", sha256="XYZ"), "64 lowercase hex digits"),
        (lambda: Source(id="s", title="t", publisher="p", retrieved=datetime.datetime(2025, 1, 1)), "UTC timestamp"),
        (lambda: Acknowledgement(finding="f-1", note=""), "note: must not be empty"),
    ],
)
def test_invalid_objects_cannot_be_built(build: object, message: str) -> None:
    """Each invalid value raises FieldError (a ValueError) naming the field."""
    with pytest.raises(FieldError, match=message):
        build()  # type: ignore[operator]


def test_duplicate_ids_in_a_claim_set_are_refused() -> None:
    """Two entities with one id cannot be in one claim set."""
    entity = Entity(id="a", name="A", kind=EntityKind.COUNTRY)
    with pytest.raises(FieldError, match=r"entities\[1\].id"):
        ClaimSet(entities=(entity, attrs.evolve(entity, name="B")))


def test_merge_keeps_identical_and_refuses_different() -> None:
    """Merging keeps one copy of identical definitions and refuses conflicting ones."""
    a = world(claim("x"))
    assert a.merge(a) == a
    with pytest.raises(ConflictError, match="claim 'x' is defined twice, differently"):
        a.merge(world(claim("x", certainty="possible")))


def test_claim_sources_and_lookups() -> None:
    """A claim lists its sources once each; a claim set finds things by id."""
    c = attrs.evolve(claim("x"), evidence=(*claim("x").evidence, *claim("x").evidence))
    assert c.sources == ("s1",)
    claims = world(c)
    assert claims.claim_by_id["x"] is c
    assert claims.document_path("s1") is None
    assert len(claims) == 1


def test_literal_objects_read_as_words() -> None:
    """Quantities, dates and texts print as a person writes them."""
    assert str(Quantity(amount=11000, lower=10000, upper=12000, unit="troops")) == "11,000 (10,000–12,000) troops"
    assert str(Quantity(amount=3)) == "3"
    assert str(DateValue(date=Interval.parse("2024-04-11/2024-04-13"))) == "2024-04-11/2024-04-13"
    assert str(TextValue(text="parade")) == "'parade'"


def test_format_error_lists_every_message_and_pickles() -> None:
    """FormatError carries its messages, joined in str(), and survives pickling."""

    error = FormatError(["a", "b"])
    assert str(error) == "a\nb"
    assert pickle.loads(pickle.dumps(error)).errors == ["a", "b"]
    assert FormatError([]).errors == ["invalid document"]


def test_format_error_shown_lists_the_first_and_counts_the_rest_keeping_every_one() -> None:
    """With ``shown``, str() lists that many then 'and N more'; errors keeps all, and so does a pickled copy."""
    error = ConflictError(["a", "b", "c", "d"], shown=2)
    assert str(error) == "a\nb\nand 2 more"
    assert error.errors == ["a", "b", "c", "d"]
    again = pickle.loads(pickle.dumps(error))
    assert (type(again), again.errors, str(again)) == (ConflictError, error.errors, str(error))
    assert str(FormatError(["a", "b"], shown=2)) == "a\nb"


def test_converter_is_strict_about_scalars() -> None:
    """The converter refuses a string for a number and a number for a string."""
    converter = factlog.make_converter()
    with pytest.raises(cattrs.errors.ClassValidationError) as number:
        converter.structure({"amount": "5"}, Quantity)
    assert messages(number.value, "$", {"amount": "5"}) == ["$.amount: expected a number, got '5'"]
    with pytest.raises(cattrs.errors.ClassValidationError) as text:
        converter.structure({"text": 5}, TextValue)
    assert messages(text.value, "$", {"text": 5}) == ["$.text: expected a string, got 5"]
