"""The same claims in any order, in any files: the same assessment and the same check, to the byte."""

from __future__ import annotations

import random
import re
import tempfile
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st

import factlog
from factlog import ClaimSet, FactlogError
from factlog.assessment._methods import METHODS
from factlog.render import render_assessment_json, render_json
from tests import helpers
from tests.strategies import crowded_claim_sets, tied_time_claim_sets

CORPUS = Path(__file__).parents[2] / "sources"


def _shuffled(claims: ClaimSet, seed: int) -> ClaimSet:
    """Every collection of the set in another order."""
    rng = random.Random(seed)

    def mixed(items: tuple[object, ...]) -> tuple[object, ...]:
        found = list(items)
        rng.shuffle(found)
        return tuple(found)

    return attrs.evolve(
        claims,
        entities=mixed(claims.entities),
        predicates=mixed(claims.predicates),
        sources=mixed(claims.sources),
        claims=mixed(claims.claims),
    )


def _reread(claims: ClaimSet, seed: int) -> ClaimSet:
    """The set shuffled, split into files and loaded again (an example the loader refuses is rejected)."""
    with tempfile.TemporaryDirectory() as folder:
        paths = _split(_shuffled(claims, seed), Path(folder), seed)
        try:
            reread = factlog.load(paths)
        except FactlogError:  # a drawn set that no document can hold (a rank the predicate lacks)
            reject()
    return attrs.evolve(reread, bases=claims.bases)  # documents where the original has them


def _positions(text: str) -> str:
    """JSON paths with the item's file and position left out: ``a.json: $.sources[3]`` names a place, not a fact."""
    return re.sub(r"(?:\S+: )?\$\.(\w+)\[\d+\]", r"$.\1[*]", text)


def _split(claims: ClaimSet, folder: Path, seed: int) -> list[Path]:
    """The set written as several files (the claims dealt out at random), listed in a random order."""
    rng = random.Random(seed)
    parts = rng.randint(1, 3)
    dealt: list[list[object]] = [[] for _ in range(parts)]
    for claim in claims.claims:
        dealt[rng.randrange(parts)].append(claim)
    paths = []
    for number, mine in enumerate(dealt):
        rng.shuffle(mine)
        part = attrs.evolve(claims, claims=tuple(mine)) if number == 0 else ClaimSet(claims=tuple(mine))
        path = folder / f"part-{seed}-{number}.json"
        factlog.dump(part, path)
        paths.append(path)
    rng.shuffle(paths)
    return paths


@pytest.mark.parametrize("method", METHODS)
def test_the_corpus_in_reversed_file_order_is_assessed_the_same(method: str) -> None:
    """The bundled corpus, its files given in reverse order: byte-identical JSON for every method."""
    files = sorted(CORPUS.rglob("*.json"))
    forward = render_assessment_json(factlog.assess(factlog.load(files), method=method))
    backward = render_assessment_json(factlog.assess(factlog.load(files[::-1]), method=method))
    assert forward == backward


def test_a_speaker_with_holders_of_two_grades_gets_their_mean_prior() -> None:
    """A party that votes through holders of different grades: the claims' order does not pick its prior."""
    claims = factlog.load(CORPUS)
    forward = factlog.assess(claims)
    backward = factlog.assess(attrs.evolve(claims, claims=claims.claims[::-1]))
    assert forward.sources == backward.sources


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(crowded_claim_sets(), st.integers(0, 2**16))
def test_shuffled_and_split_claims_give_the_same_assessment(claims: ClaimSet, seed: int) -> None:
    """Claims shuffled and dealt into files given in another order: equal assessments (every float), every method."""
    reread = _reread(claims, seed)
    for method in METHODS:
        assert factlog.assess(reread, method=method) == factlog.assess(claims, method=method)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(crowded_claim_sets(), st.integers(0, 2**16))
def test_shuffled_and_split_claims_give_the_same_check(claims: ClaimSet, seed: int) -> None:
    """Claims shuffled and dealt into files given in another order: the same check JSON but for positions in paths."""
    reread = _reread(claims, seed)
    assert _positions(render_json(factlog.check(reread))) == _positions(render_json(factlog.check(claims)))


@settings(max_examples=30, deadline=None)
@given(tied_time_claim_sets(), st.permutations(range(6)))
def test_time_labels_do_not_depend_on_the_claims_order(claims: ClaimSet, order: list[int]) -> None:
    """Times starting or ending on one day (2015, 2015-01), claims read in another order: one label, every method."""
    # Claims are read in id order (the index, factlog.dask): the ids are dealt out again, the set reversed.
    dealt = [c for c in order if c < len(claims)]
    moved = attrs.evolve(
        claims, claims=tuple(attrs.evolve(c, id=f"t{dealt[n]}") for n, c in enumerate(claims.claims))[::-1]
    )
    for method in METHODS:
        labels = sorted((p.key, p.statement) for p in factlog.assess(claims, method=method).propositions)
        assert sorted((p.key, p.statement) for p in factlog.assess(moved, method=method).propositions) == labels


@pytest.mark.parametrize("whens", [("../2015", "2015/.."), ("2015/", "/2015"), ("2015-06/..", "../2015-12")])
def test_a_proposition_stated_since_and_until_one_time_is_assessed_at_any_time(whens: tuple[str, str]) -> None:
    """A visit claimed until 2015 and since 2015 (no first start, no last end): assessed at any time, every method."""
    claims = helpers.world(*(helpers.claim(f"t{n}", "dprk", "visits", "russia", when) for n, when in enumerate(whens)))
    for method in METHODS:
        (found,) = factlog.assess(claims, method=method).propositions
        assert found.key == "dprk visits russia @ any time"
