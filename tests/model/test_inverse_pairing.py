"""A declared inverse pairs two predicates whatever their ids; declarations that cannot pair one to one are refused."""

from __future__ import annotations

import pytest

from factlog import ClaimSet, FieldError, Predicate, PredicateKind
from factlog.model._coherence import inverse_names


def _predicate(id: str, inverse: str | None = None, *, symmetric: bool = False) -> Predicate:
    return Predicate(id=id, label=id.replace("-", " "), kind=PredicateKind.EVENT, inverse=inverse, symmetric=symmetric)


def test_a_declared_inverse_declared_alone_is_paired() -> None:
    """'gives-to' names 'receives-from', declared with no inverse: the larger id is read the other way round."""
    assert inverse_names([_predicate("gives-to", "receives-from"), _predicate("receives-from")]) == {
        "receives-from": "gives-to"
    }


def test_a_predicate_declaring_its_inverse_is_canonical_whatever_its_id() -> None:
    """'z-gives-to' names 'receives-from', declared alone: 'z-gives-to' is read forwards, as 'gives-to' is."""
    assert inverse_names([_predicate("z-gives-to", "receives-from"), _predicate("receives-from")]) == {
        "receives-from": "z-gives-to"
    }


def test_the_pair_does_not_depend_on_which_of_the_two_declares_the_other() -> None:
    """Declared by either, or by both: one pair; the one declaring the other canonical, the smaller id when both do."""
    assert inverse_names([_predicate("gives-to"), _predicate("receives-from", "gives-to")]) == {
        "gives-to": "receives-from"
    }
    assert inverse_names([_predicate("gives-to", "receives-from"), _predicate("receives-from", "gives-to")]) == {
        "receives-from": "gives-to"
    }


def test_an_inverse_only_named_stands_for_the_predicate_naming_it() -> None:
    """'receives-from' not declared: it is 'gives-to' read the other way round."""
    assert inverse_names([_predicate("gives-to", "receives-from")]) == {"receives-from": "gives-to"}


def test_a_name_made_the_inverse_of_two_predicates_is_refused() -> None:
    """'gives-to' and 'sends-to' both name 'receives-from': the second is refused, naming all three."""
    with pytest.raises(FieldError) as caught:
        ClaimSet(predicates=(_predicate("gives-to", "receives-from"), _predicate("sends-to", "receives-from")))
    assert caught.value.field == "predicates[1].inverse"
    assert caught.value.message == (
        "predicate 'sends-to' names 'receives-from' as its inverse, but 'receives-from' is already the inverse"
        " of 'gives-to': inverses pair predicates one to one"
    )


def test_a_name_made_the_inverse_of_two_predicates_is_refused_when_declared_too() -> None:
    """'receives-from' declared with no inverse and named by two predicates: refused."""
    predicates = (
        _predicate("gives-to", "receives-from"),
        _predicate("receives-from"),
        _predicate("a", "receives-from"),
    )
    with pytest.raises(FieldError, match=r"^predicates\[2\]\.inverse: predicate 'a' names 'receives-from'"):
        ClaimSet(predicates=predicates)


def test_an_inverse_naming_a_third_predicate_is_refused() -> None:
    """'gives-to' → 'receives-from' → 'sends-to': refused at 'gives-to', naming the chain."""
    predicates = (
        _predicate("gives-to", "receives-from"),
        _predicate("receives-from", "sends-to"),
        _predicate("sends-to"),
    )
    with pytest.raises(FieldError) as caught:
        ClaimSet(predicates=predicates)
    assert caught.value.field == "predicates[0].inverse"
    assert caught.value.message.startswith(
        "predicate 'gives-to' names 'receives-from' as its inverse, but 'receives-from' names 'sends-to' as its own"
    )


def test_a_symmetric_predicate_made_an_inverse_is_refused() -> None:
    """'borders' reads the same both ways: no predicate's inverse."""
    with pytest.raises(FieldError) as caught:
        ClaimSet(predicates=(_predicate("borders", symmetric=True), _predicate("touches", "borders")))
    assert caught.value.field == "predicates[1].inverse"
    assert "'borders' is declared symmetric" in caught.value.message


def test_two_predicates_naming_each_other_are_kept() -> None:
    """A pair declared from both ends is coherent."""
    claims = ClaimSet(predicates=(_predicate("gives-to", "receives-from"), _predicate("receives-from", "gives-to")))
    assert len(claims.predicates) == 2


def test_an_incoherent_vocabulary_is_read_in_the_order_of_its_declarations() -> None:
    """What a store written before the refusal holds: the first pairing wins, the same each time."""
    shared = [_predicate("sends-to", "receives-from"), _predicate("gives-to", "receives-from")]
    assert inverse_names(shared) == {"receives-from": "sends-to"}
    chain = [_predicate("gives-to", "receives-from"), _predicate("receives-from", "sends-to"), _predicate("sends-to")]
    assert inverse_names(chain) == {"sends-to": "receives-from"}


def test_merging_sets_whose_inverses_clash_is_refused() -> None:
    """Each set pairs alone; merged, 'receives-from' would be the inverse of two: a FieldError with the merged path."""
    registry = ClaimSet(predicates=(_predicate("gives-to", "receives-from"),))
    with pytest.raises(FieldError, match=r"^predicates\[1\]\.inverse: predicate 'sends-to' names 'receives-from'"):
        registry.merge(ClaimSet(predicates=(_predicate("sends-to", "receives-from"),)))
