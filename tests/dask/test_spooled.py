"""The distributed assessment kept in a temporary file: the driver never holds every proposition."""

from __future__ import annotations

import itertools
import pickle
from pathlib import Path

import attrs
import pytest
from distributed import Client
from hypothesis import given, settings
from hypothesis import strategies as st

import factlog
import factlog.dask
from factlog.assessment._assessment import assessment_order
from factlog.assessment._spooling import Spooler, pickled
from factlog.render import render_assessment_json
from tests.helpers import ROOT, assessment_json
from tests.strategies import crowded_claim_sets

SOURCES = ROOT / "sources"


def _parts(folder: Path, count: int) -> Path:
    """The claims of ``sources/`` in ``count`` files of ``folder`` (each with the small tables), and the folder."""
    claims = factlog.load(SOURCES)
    for number in range(count):
        factlog.dump(attrs.evolve(claims, claims=claims.claims[number::count]), folder / f"part{number}.json")
    return folder


def test_assess_on_paths_is_spooled_on_a_cluster(client: Client, tmp_path: Path) -> None:
    """On two worker processes, the result from files is a LinesAssessment equal to factlog.assess's, same JSON.

    Three learning rounds (of the corpus's 19) make the assessment spooled as a converged one is.
    """
    files = _parts(tmp_path, 3)
    plain = factlog.assess(factlog.load(files), max_rounds=3)
    found = factlog.dask.assess(files, client=client, partitions=3, max_rounds=3)
    assert isinstance(found, factlog.LinesAssessment)
    assert found == plain
    assert found.claim_count == len(factlog.load(files).claims)
    assert assessment_json(found) == render_assessment_json(found) == render_assessment_json(plain)


@pytest.mark.parametrize("method", ["majority", "accuvote"])
def test_assess_on_paths_is_spooled_in_this_process(tmp_path: Path, method: str) -> None:
    """On the synchronous scheduler too, every method's result is a LinesAssessment equal to the plain one."""
    files = _parts(tmp_path, 2)
    plain = factlog.assess(factlog.load(files), method=method)
    found = factlog.dask.assess(files, method=method, partitions=2)
    assert isinstance(found, factlog.LinesAssessment)
    assert found == plain
    assert isinstance(pickle.loads(pickle.dumps(found)), factlog.Assessment)


@settings(max_examples=15, derandomize=True, deadline=None)
@given(crowded_claim_sets(), st.integers(1, 5), st.sampled_from(["majority", "accucopy"]))
def test_spooled_assessment_renders_the_plain_bytes(claims: factlog.ClaimSet, partitions: int, method: str) -> None:
    """Whatever the claims and partitions, the spooled result equals factlog.assess's and writes its JSON bytes."""
    plain = factlog.assess(claims, method=method)
    found = factlog.dask.assess(claims, method=method, partitions=partitions)
    assert isinstance(found, factlog.LinesAssessment)
    assert found == plain
    assert assessment_json(found).encode() == render_assessment_json(plain).encode()


@settings(max_examples=25, derandomize=True, deadline=None)
@given(st.data())
def test_parts_arriving_in_any_order_spool_in_the_plain_order(data: st.DataObject) -> None:
    """Assessments split into partitions, pickled there and gathered in any order, come back stably sorted."""
    # Stably: the plain order keeps equal keys in the order of the partitions, then of each one's items.
    items = list(factlog.assess(factlog.load(SOURCES), method="majority").propositions)
    shuffled = data.draw(st.permutations(items))
    cuts = sorted(data.draw(st.lists(st.integers(0, len(items)), max_size=4)))
    bounds = [0, *cuts, len(items)]
    parts = [shuffled[start:stop] for start, stop in itertools.pairwise(bounds)]
    arrival = data.draw(st.permutations(range(len(parts))))
    spooler = Spooler("test", block=data.draw(st.sampled_from([1, 7, 300, 1 << 16])))  # runs read in blocks
    for number in arrival:
        spooler.extend(pickled(parts[number], number))
    assert tuple(spooler.spooled()) == tuple(sorted(shuffled, key=assessment_order))
