"""A model field given a value of the wrong type: a FieldTypeError, never a bare TypeError."""

from __future__ import annotations

import datetime
import functools
import pickle
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import factlog
import factlog.model
from factlog.model._fields import _InstanceOf
from tests.helpers import ROOT


@functools.cache
def examples() -> dict[type, Any]:
    """One valid instance of every public model class that validates its fields."""
    found: dict[type, Any] = {}

    def walk(item: object) -> None:
        kind: Any = type(item)
        if attrs.has(kind):
            found.setdefault(kind, item)
            for field in attrs.fields(kind):
                walk(getattr(item, field.name))
        elif isinstance(item, tuple):
            for member in item:
                walk(member)

    walk(factlog.load(ROOT / "sources"))
    for made in (
        factlog.Acknowledgement(finding="f1", note="seen", reviewed=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)),
        factlog.Pattern(years=5),
        factlog.Quantity(amount=3, unit="troops"),
        factlog.Regarding(claims=("c1",), party="kcna", stance=factlog.StanceKind.SILENT),
        factlog.SourceDate(date=factlog.Interval.parse("2024-04-11"), where="dateline"),
        factlog.TextValue(text="words"),
        factlog.WrittenWhen.resolve("on Tuesday", "2025-10-30"),
    ):
        found.setdefault(type(made), made)
    return found


def validated() -> list[type]:
    """The public model classes whose fields have validators."""
    public = (getattr(factlog.model, name) for name in factlog.model.__all__)
    return [
        cls
        for cls in public
        if isinstance(cls, type) and attrs.has(cls) and any(field.validator for field in attrs.fields(cls))
    ]


def _type_checks(validator: object) -> list[_InstanceOf]:
    """The type checks inside a validator (through attrs' and_, optional and deep_iterable)."""
    if isinstance(validator, _InstanceOf):
        return [validator]
    found = []
    for name in ("_validators", "validators", "validator", "member_validator", "iterable_validator"):
        inner = getattr(validator, name, None)
        for part in inner if isinstance(inner, (list, tuple)) else [inner]:
            if part is not None and part is not validator:
                found.extend(_type_checks(part))
    return found


def _type_checked_fields() -> list[tuple[type, str, type]]:
    return [
        (cls, field.name, check.type)
        for cls in validated()
        for field in attrs.fields(cls)
        for check in _type_checks(field.validator)[:1]
    ]


WRONG = st.one_of(
    st.text(max_size=5),
    st.integers(),
    st.floats(allow_nan=False),
    st.lists(st.integers(), max_size=2),
    st.lists(st.lists(st.text(max_size=2), max_size=3), max_size=2),
    st.tuples(st.text(max_size=2), st.integers()),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=2),
    st.builds(object),
)


def test_every_validated_public_class_has_an_example() -> None:
    """The property below reaches every public model class that validates its fields."""
    assert set(validated()) <= set(examples())


@given(st.sampled_from(_type_checked_fields()), WRONG)
def test_a_wrong_typed_field_raises_field_type_error(target: tuple[type, str, type], wrong: object) -> None:
    """Any public model class given a wrong-typed value for a type-checked field raises FieldTypeError naming it."""
    cls, name, expected = target
    if wrong is None or isinstance(wrong, expected):
        return
    with pytest.raises(factlog.FieldTypeError) as raised:
        attrs.evolve(examples()[cls], **{name: wrong})
    assert isinstance(raised.value, TypeError)
    assert str(raised.value).startswith(f"{cls.__name__}.{name}: expected ")
    # a collection field names the first member of the wrong type, a plain field the value itself
    offenders = [wrong, *wrong] if isinstance(wrong, (list, tuple)) else [wrong]
    assert any(str(raised.value).endswith(f"got {item!r} ({type(item).__name__})") for item in offenders)


def _raised(cls: type, name: str, value: object) -> Exception | None:
    try:
        attrs.evolve(examples()[cls], **{name: value})
    except Exception as error:
        return error
    return None


@given(st.sampled_from([(cls, field.name) for cls in validated() for field in attrs.fields(cls)]), WRONG)
def test_no_field_raises_a_bare_type_error(target: tuple[type, str], wrong: object) -> None:
    """Whatever a public model field is given, any error is a FactlogError (a TypeError only as FieldTypeError)."""
    error = _raised(*target, wrong)
    assert error is None or isinstance(error, factlog.FactlogError), repr(error)
    assert not isinstance(error, TypeError) or isinstance(error, factlog.FieldTypeError), repr(error)


def test_the_message_names_class_field_and_value() -> None:
    """A word where a grade belongs names Claim.certainty, the type expected and what was given."""
    claim = examples()[factlog.Claim]
    with pytest.raises(factlog.FieldTypeError, match=r"^Claim\.certainty: expected a Certainty, got 'sure' \(str\)$"):
        attrs.evolve(claim, certainty="sure")


def test_an_entity_kind_as_text_is_refused() -> None:
    """factlog.Entity(kind='person') raises FieldTypeError, a TypeError."""
    with pytest.raises(TypeError, match=r"^Entity\.kind: expected an EntityKind, got 'person' \(str\)$") as raised:
        factlog.Entity(id="a", name="A", kind="person")  # type: ignore[arg-type]
    assert isinstance(raised.value, factlog.FieldTypeError)


def test_a_number_for_when_is_refused() -> None:
    """A Proposition's 'when' given a number raises FieldTypeError naming Proposition.when."""
    proposition = examples()[factlog.Proposition]
    with pytest.raises(factlog.FieldTypeError, match=r"^Proposition\.when: "):
        attrs.evolve(proposition, when=5)


def test_a_claim_time_that_is_no_interval_is_refused() -> None:
    """The closed-interval check of Claim.stated (factlog.model._dates) raises FieldTypeError, not a bare TypeError."""
    claim = examples()[factlog.Claim]
    with pytest.raises(factlog.FieldTypeError, match=r"^Claim\.stated: expected a date or an interval, got 5 \(int\)$"):
        attrs.evolve(claim, stated=5)


def test_field_type_error_pickles() -> None:
    """A FieldTypeError survives pickling (Dask workers send errors back) with its field and message."""
    error = factlog.FieldTypeError("Claim.certainty", "expected a Certainty, got 'sure' (str)")
    again = pickle.loads(pickle.dumps(error))
    assert (type(again), again.field, again.message, str(again)) == (
        type(error),
        error.field,
        error.message,
        str(error),
    )
    assert again.exit_code == 3


def test_the_type_check_says_what_it_checks() -> None:
    """The validator's repr names the type, as attrs' own instance_of does (shown in attrs' field reprs)."""
    assert repr(factlog.model._fields.instance_of(int)) == "<instance_of validator for type <class 'int'>>"


@pytest.mark.parametrize(
    "wrong", ["0", "ab", b"xy", 5, [("place",)], [("place", "x", "y")], ["pl"], [(1, "x"), ("a", "y")]]
)
def test_qualifiers_that_are_not_pairs_are_refused(wrong: object) -> None:
    """Proposition.qualifiers given text, a number or members that are not (name, value) pairs: FieldTypeError."""
    proposition = examples()[factlog.Proposition]
    with pytest.raises(factlog.FieldTypeError, match=r"^Proposition\.qualifiers: expected a mapping"):
        attrs.evolve(proposition, qualifiers=wrong)


def test_qualifiers_as_pairs_or_mapping_are_the_same() -> None:
    """A mapping and a list of pairs in any order give the same sorted tuple of pairs."""
    proposition = examples()[factlog.Proposition]
    given_pairs = attrs.evolve(proposition, qualifiers=[["role", "envoy"], ("place", "Seoul")])
    given_mapping = attrs.evolve(proposition, qualifiers={"place": "Seoul", "role": "envoy"})
    assert given_pairs.qualifiers == given_mapping.qualifiers == (("place", "Seoul"), ("role", "envoy"))
