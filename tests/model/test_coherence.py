"""What a claim set's own predicates ask of its claims is refused where the set is made (as loading refuses it)."""

from __future__ import annotations

import attrs
import pytest

import factlog
from factlog import ClaimSet, FieldError, Interval, Pattern, Predicate, PredicateKind, Regarding, StanceKind
from tests import helpers


def test_an_inverse_predicate_with_a_figure_as_its_object_is_refused() -> None:
    """A claim read the other way round with a quantity for its object: a FieldError naming the claim and field."""
    with pytest.raises(FieldError) as caught:
        helpers.world(helpers.claim("c1"), helpers.claim("c2", "dprk", "receives-weapons-from", 3))
    assert caught.value.field == "claims[1].proposition.object"
    assert caught.value.message.startswith("claim 'c2': an inverse predicate needs an entity as its object")


def test_an_inverse_predicate_without_an_object_is_refused() -> None:
    """No object at all cannot become the subject either."""
    with pytest.raises(FieldError, match=r"claims\[0\]\.proposition\.object: claim 'c1'"):
        helpers.world(helpers.claim("c1", "dprk", "receives-weapons-from", None))


def test_an_inverse_predicate_with_entities_as_its_object_is_kept() -> None:
    """Entities as written (an alias, or several) are what an inverse needs: the set is made."""
    claims = helpers.world(helpers.claim("c1", "Moscow", "receives-weapons-from", ("dprk", "prc")))
    assert len(claims) == 1


def test_a_set_without_the_inverse_declared_keeps_the_claim() -> None:
    """A part whose predicates are declared elsewhere cannot tell an inverse: the loader checks the merged set."""
    part = ClaimSet(claims=(helpers.claim("c1", "dprk", "receives-weapons-from", 3),))
    assert len(part) == 1


def test_merging_a_claim_with_the_predicates_that_refuse_it_is_refused() -> None:
    """One set's inverse predicate and another's claim with a figure: the merge refuses them."""
    tables = helpers.world()
    part = ClaimSet(claims=(helpers.claim("c1", "dprk", "receives-weapons-from", 3),))
    with pytest.raises(FieldError, match=r"claims\[0\]\.proposition\.object"):
        tables.merge(part)


def test_a_highest_since_pattern_on_a_predicate_without_rank_is_refused() -> None:
    """'The highest-level X since Y' needs a ranked predicate, when the set declares it."""
    claim = attrs.evolve(
        helpers.claim("c1", "prc", "visits", "dprk"), pattern=Pattern(highest_since=Interval.parse("2019"))
    )
    with pytest.raises(FieldError) as caught:
        helpers.world(claim)
    assert caught.value.field == "claims[0].pattern.highest_since"
    assert "predicate 'visits' has no rank" in caught.value.message


def test_a_claim_answering_itself_is_refused() -> None:
    """A claim cannot answer itself: Claim names the field and the claim."""
    with pytest.raises(FieldError, match=r"^answers\[1\]: claim 'c1' cannot answer itself$"):
        helpers.claim("c1", answers=("c0", "c1"))


def test_a_claim_about_itself_is_refused() -> None:
    """A stance on a set of claims cannot include the claim that states it."""
    regarding = Regarding(claims=("c1",), party="dprk", stance=StanceKind.SILENT)
    with pytest.raises(FieldError, match=r"^regarding\.claims\[0\]: claim 'c1' cannot be about itself$"):
        helpers.claim("c1", regarding=regarding)


def test_a_predicate_excluding_itself_is_refused() -> None:
    """A predicate exclusive with itself would contradict every claim that uses it."""
    with pytest.raises(FieldError, match=r"^exclusive_with\[0\]: predicate 'p' cannot exclude itself$"):
        Predicate(id="p", label="p", kind=PredicateKind.STATE, exclusive_with=("p",))


def test_loading_without_references_still_refuses_what_the_set_refuses() -> None:
    """references=False leaves ids unchecked, not what the set's own predicates ask: a FormatError with the path."""
    good = factlog.dumps(helpers.world(helpers.claim("c1", "dprk", "receives-weapons-from", "russia")))
    text = good.replace('"object": "russia"', '"object": {"text": "arms"}')
    with pytest.raises(factlog.FormatError) as caught:
        factlog.loads(text, name="doc.json", references=False)
    assert len(caught.value.errors) == 1
    assert caught.value.errors[0].startswith("doc.json: $.claims[0].proposition.object: claim 'c1': an inverse")


def test_the_converter_structures_a_claim_set_only_if_it_is_coherent() -> None:
    """``make_converter().structure`` refuses what ``ClaimSet`` refuses; ``coherent=False`` leaves it to the loader."""
    converter = factlog.make_converter()
    document = converter.unstructure(helpers.world(helpers.claim("c1"), helpers.claim("c2", "dprk", "supplies", "prc")))
    refused = next(c for c in document["claims"] if c["id"] == "c2")
    refused["proposition"].update(predicate="receives-weapons-from", object={"amount": 3})
    with pytest.raises(FieldError) as caught:
        converter.structure(document, ClaimSet)
    assert caught.value.field.endswith("].proposition.object")
    assert "claim 'c2': an inverse predicate needs an entity as its object" in caught.value.message
    kept = factlog.make_converter(coherent=False).structure(document, ClaimSet)
    assert {claim.id for claim in kept.claims} == {"c1", "c2"}
