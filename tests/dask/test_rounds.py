"""The learning methods' rounds on Dask: they stop, and jump, where one process's do, to the byte."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

import pytest
from distributed import Client

import factlog
import factlog.dask
from factlog.render import render_assessment_json
from tests.helpers import generated_lines, run

LIMITS = [("accucopy", 5), ("accucopy", 400), ("accuvote", 5), ("truthfinder", 1)]
"""Limits below the rounds the generated set needs (18 AccuCopy, 13 AccuVote, 2 TruthFinder rounds), one above."""

CLUSTER_LIMITS = [("accuvote", 5), ("truthfinder", 1)]
"""The limits run on the workers besides the others' (a round there costs a few task round trips).

AccuCopy stopped at 5 rounds runs on the workers in ``--max-rounds 5`` (the command's default
method), AccuCopy converging below its limit in the extrapolated rounds' test.
"""


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """1,000 generated claims (seed 2): AccuCopy, AccuVote settle in 18, 13 rounds (21, 15 plain), TruthFinder 2."""
    return generated_lines(tmp_path_factory.mktemp("rounds"), 1000, seed=2)


@pytest.fixture(scope="module")
def single_process(generated: Path) -> Callable[..., factlog.Assessment]:
    """One process's assessment of the generated set, by method and options: each computed once for the module.

    The tests only compare them (assessments are frozen), so those that need the same one share it.
    """
    claims = factlog.load(generated)

    @functools.cache
    def assessed(method: str, **options: object) -> factlog.Assessment:
        return factlog.assess(claims, method=method, **options)

    return assessed


@pytest.mark.parametrize(("method", "limit"), LIMITS)
def test_the_synchronous_rounds_stop_where_one_process_stops(
    generated: Path, single_process: Callable[..., factlog.Assessment], method: str, limit: int
) -> None:
    """The synchronous scheduler, three partitions: the single process's rounds, convergence and JSON bytes."""
    single = single_process(method, max_rounds=limit)
    distributed = factlog.dask.assess([str(generated)], method=method, partitions=3, max_rounds=limit)
    assert (distributed.rounds, distributed.converged) == (single.rounds, single.converged)
    assert distributed == single
    assert render_assessment_json(distributed) == render_assessment_json(single)


@pytest.mark.parametrize("seed", [1, 2])
@pytest.mark.parametrize("method", ["accucopy", "accuvote"])
def test_a_limit_of_the_rounds_a_run_settles_in_settles_it(tmp_path: Path, seed: int, method: str) -> None:
    """300 generated claims, extrapolated: limited to the rounds one process settles in, settled there, to the byte."""
    generated = generated_lines(tmp_path, 300, seed=seed)
    settled = factlog.assess(factlog.load(generated), method=method)
    limited = factlog.dask.assess([str(generated)], method=method, partitions=3, max_rounds=settled.rounds)
    assert (limited.rounds, limited.converged) == (settled.rounds, True)
    single = factlog.assess(factlog.load(generated), method=method, max_rounds=settled.rounds)
    assert render_assessment_json(limited) == render_assessment_json(single)


@pytest.mark.parametrize(("method", "limit"), CLUSTER_LIMITS)
def test_the_cluster_s_rounds_stop_where_one_process_stops(
    generated: Path, single_process: Callable[..., factlog.Assessment], client: Client, method: str, limit: int
) -> None:
    """Two worker processes, three partitions: the single process's rounds, convergence and JSON bytes."""
    single = single_process(method, max_rounds=limit)
    distributed = factlog.dask.assess([str(generated)], method=method, client=client, partitions=3, max_rounds=limit)
    assert (distributed.rounds, distributed.converged) == (single.rounds, single.converged)
    assert render_assessment_json(distributed) == render_assessment_json(single)


def test_majority_on_dask_records_the_limit_it_ignores(
    generated: Path, single_process: Callable[..., factlog.Assessment]
) -> None:
    """``majority`` on Dask counts once, as in one process, and records the limit it was given (its JSON does not)."""
    single = single_process("majority", max_rounds=3)
    distributed = factlog.dask.assess([str(generated)], method="majority", partitions=3, max_rounds=3)
    assert (distributed.rounds, distributed.max_rounds) == (1, 3)
    assert render_assessment_json(distributed) == render_assessment_json(single)
    assert '"max_rounds"' not in render_assessment_json(distributed)


@pytest.mark.parametrize("wrong", [True, 2.5, 0, -1, "10"])
def test_a_limit_that_is_no_whole_number_of_rounds_is_refused(generated: Path, wrong: object) -> None:
    """``factlog.dask.assess`` refuses what ``factlog.assess`` refuses, naming itself, before any cluster is used."""
    with pytest.raises(factlog.ArgumentError, match=r"^factlog\.dask\.assess: max_rounds must be a whole number"):
        factlog.dask.assess([str(generated)], max_rounds=wrong)


def test_the_command_on_a_cluster_takes_the_limit(generated: Path, client: Client) -> None:
    """``factlog assess --dask ADDRESS --max-rounds 5``: the same JSON bytes as in one process."""
    options = ("assess", str(generated), "--format", "json", "--max-rounds", "5")
    distributed = run(*options, "--dask", client.scheduler.address)
    assert distributed.returncode == 0
    assert distributed.stdout == run(*options).stdout


@pytest.mark.parametrize("method", ["accucopy", "accuvote"])
@pytest.mark.parametrize("extrapolate", [True, False])
def test_extrapolated_or_plain_rounds_on_dask_are_one_process_s(
    generated: Path, single_process: Callable[..., factlog.Assessment], client: Client, method: str, extrapolate: bool
) -> None:
    """Synchronous, rounds extrapolated (they jump: fewer rounds) or plain, and extrapolated on two workers: the same
    JSON bytes.

    Plain rounds run only the vote step (and AccuCopy's weighing), which the extrapolated rounds on the workers run
    too, among their jumps and undoings; AccuCopy's plain rounds run on the workers in ``--plain-rounds``.
    """
    single = single_process(method, extrapolate=extrapolate)
    synchronous = factlog.dask.assess([str(generated)], method=method, partitions=3, extrapolate=extrapolate)
    assert (synchronous.rounds, synchronous.extrapolated) == (single.rounds, extrapolate)
    assert render_assessment_json(synchronous) == render_assessment_json(single)
    if extrapolate:
        on_workers = factlog.dask.assess(
            [str(generated)], method=method, client=client, partitions=3, extrapolate=extrapolate
        )
        assert (on_workers.rounds, on_workers.converged, on_workers.extrapolated) == (single.rounds, True, True)
        assert render_assessment_json(on_workers) == render_assessment_json(single)
    plain = single_process(method, extrapolate=False)
    assert (single.rounds < plain.rounds) is extrapolate


def test_extrapolate_that_is_no_bool_is_refused(generated: Path) -> None:
    """``factlog.dask.assess`` refuses what ``factlog.assess`` refuses, naming itself, before any cluster is used."""
    with pytest.raises(factlog.ArgumentError, match=r"^factlog\.dask\.assess: extrapolate must be True or False"):
        factlog.dask.assess([str(generated)], extrapolate=1)


def test_the_command_on_a_cluster_takes_plain_rounds(generated: Path, client: Client) -> None:
    """``factlog assess --dask ADDRESS --plain-rounds``: the same JSON bytes as in one process."""
    options = ("assess", str(generated), "--format", "json", "--plain-rounds")
    distributed = run(*options, "--dask", client.scheduler.address)
    assert distributed.returncode == 0
    assert distributed.stdout == run(*options).stdout
    assert '"extrapolated": false' in distributed.stdout
