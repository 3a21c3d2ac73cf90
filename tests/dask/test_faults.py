"""A worker killed in the middle of a run: the work done again where it can be, else one ClusterError, exit 3."""

from __future__ import annotations

import contextlib
import os
import signal
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import dask.config
import pytest
from distributed import Client
from distributed.client import FutureCancelledError
from distributed.comm.core import CommClosedError

import factlog
import factlog.cli._check
import factlog.dask
from factlog.analysis import Index
from factlog.cli import main
from factlog.dask._faults import RERUNS, Stages, surviving
from factlog.render import render_json
from tests.helpers import ROOT

SOURCES = ROOT / "sources"


def _killing(flag: Path | None, driver: int) -> Callable[[Index], Iterable[factlog.Finding]]:
    """A rule that kills the worker process it runs on (not the driver): once if ``flag`` is a path, else every time."""

    def killing_rule(index: Index) -> Iterable[factlog.Finding]:
        del index
        if os.getpid() != driver and (flag is None or not flag.exists()):
            if flag is not None:
                flag.touch()
            os.kill(os.getpid(), signal.SIGKILL)
        return ()

    return killing_rule


def _rules(rule: Callable[[Index], Iterable[factlog.Finding]]) -> tuple[factlog.Rule, ...]:
    """The default rules with ``rule`` among them, so the other passes run while it kills."""
    return (*factlog.DEFAULT_RULES[:3], rule, *factlog.DEFAULT_RULES[3:])


@pytest.fixture
def killable() -> Iterator[Client]:
    """A cluster of two workers of its own for each test, whose workers it kills (their nannies restart them).

    One cluster for the module saved a few seconds but carried the kills over: a nanny that
    had not restarted its worker left the next test's cluster with one worker to kill, and a
    gather then waited for a worker that never came.
    """
    with factlog.dask.local_client(2) as connected:
        yield connected


@pytest.mark.parametrize("in_memory", [False, True])
def test_a_worker_killed_mid_check_gives_the_single_process_report(
    killable: Client, tmp_path: Path, in_memory: bool
) -> None:
    """A worker killed once during the check, of files or of claims in memory: the single process's report."""
    flag = tmp_path / "killed"
    rules = _rules(_killing(flag, os.getpid()))
    claims = factlog.load(SOURCES)
    report = factlog.dask.check(claims if in_memory else [SOURCES], rules, client=killable, partitions=4)
    assert flag.exists()  # a worker was killed
    assert render_json(report) == render_json(factlog.check(claims, rules))


def test_a_loss_past_the_reruns_is_a_cluster_error(client: Client) -> None:
    """Tasks cancelled by lost workers each run: RERUNS reruns, each after waiting for a worker, then a ClusterError."""
    told: list[str] = []
    stages = Stages(told.append)
    waited: list[int] = []

    def cancelled() -> None:
        stages.begin("learning (accucopy): round 7")
        raise FutureCancelledError("step-1", reason="lost dependencies")

    with pytest.raises(factlog.ClusterError) as raised:
        surviving(cancelled, client, stages, "assessment", ready=lambda: waited.append(1))
    assert len(waited) == RERUNS == 2
    assert told.count("learning (accucopy): round 7") == 3
    assert "running the assessment again (2 of 2)" in told
    assert str(raised.value).startswith(
        "the assessment on the Dask cluster failed while learning (accucopy): round 7:"
        " workers died or were lost, and the work was run again 2 times; check the workers' memory"
    )


def test_a_closed_connection_to_the_scheduler_is_a_cluster_error() -> None:
    """The scheduler gone mid-run: a ClusterError naming the stage, not run again."""

    def closed() -> None:
        raise CommClosedError("in <TCP (closed) ConnectionPool.gather>: Stream is closed")

    stages = Stages()
    stages.begin("reading 3 files")
    with pytest.raises(factlog.ClusterError, match=r"^the check on the Dask cluster failed while reading 3 files: the"):
        surviving(closed, None, stages, "check", ready=lambda: None)


@pytest.fixture(scope="module")
def fragile() -> Iterator[Client]:
    """A cluster of two workers that fails a task the first time its worker dies (Dask allows 3 by default).

    The setting holds only while the scheduler starts (it reads it then): held for the
    module, it made every cluster started after this one fail at its first death too.
    """
    with contextlib.ExitStack() as stack:
        with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
            connected = stack.enter_context(factlog.dask.local_client(2))
        yield connected


def test_a_task_that_kills_its_workers_is_a_cluster_error(fragile: Client) -> None:
    """A task whose worker dies each time it runs: a ClusterError naming the stage, the death and what to do."""
    rules = _rules(_killing(None, os.getpid()))
    with pytest.raises(factlog.ClusterError) as raised:
        factlog.dask.check([SOURCES], rules, client=fragile, partitions=2)
    message = str(raised.value)
    assert message.startswith("the check on the Dask cluster failed while running ")
    assert "a worker died each of the 1 times a task ran (killed, or out of memory)" in message
    assert "dask worker --memory-limit" in message
    assert "--partitions" in message
    assert "\n" not in message


def test_cli_a_task_that_kills_its_workers_exits_3_in_one_line(
    fragile: Client, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``check --workers 2`` whose task kills its workers: one line ``error: ...``, exit 3 (not 1, no traceback)."""
    rule = _killing(None, os.getpid())
    monkeypatch.setattr(factlog.cli._check, "DEFAULT_RULES", _rules(rule))
    monkeypatch.setattr(factlog.dask, "local_client", lambda _workers: contextlib.nullcontext(fragile))
    assert main(["check", "--workers", "2", "--rule", "killing_rule", "--rule", "opposed_claims", str(SOURCES)]) == 3
    err = capsys.readouterr().err
    assert err.startswith("error: the check on the Dask cluster failed while running ")
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_a_worker_killed_in_a_learning_round_gives_the_single_process_assessment(killable: Client) -> None:
    """A worker holding learning states killed as round 3 begins: the states are built again, the same assessment.

    Five rounds (of the corpus's 19): two after the one the kill interrupts.
    """
    victim = sorted(killable.run(os.getpid).values())[0]
    stages: list[str] = []

    def told(stage: str) -> None:
        if stage == "learning (accucopy): round 3" and stage not in stages:  # once: a rerun says it again
            os.kill(victim, signal.SIGKILL)
        stages.append(stage)

    assessed = factlog.dask.assess(
        SOURCES, method="accucopy", client=killable, partitions=4, progress=told, max_rounds=5
    )
    assert "learning (accucopy): round 3" in stages
    assert "learning (accucopy): round 5" in stages
    with pytest.raises(ProcessLookupError):
        os.kill(victim, 0)  # it is gone
    assert assessed == factlog.assess(factlog.load(SOURCES), method="accucopy", max_rounds=5)


def _holding_claims(client: Client) -> int:
    """The process id of a worker holding a part of the claims given in memory, once one holds it."""
    pids = client.run(os.getpid)
    for _ in range(600):
        for address, keys in client.has_what().items():
            if any("claim" in str(key).lower() for key in keys):  # a part's key names it (or its type, scattered)
                return pids[address]
        time.sleep(0.05)
    raise AssertionError("no worker came to hold a part of the claims")


@pytest.mark.parametrize("work", ["check", "assess"])
def test_a_worker_killed_holding_claims_given_in_memory_loses_nothing(killable: Client, work: str) -> None:
    """Claims in memory, a worker holding a part of them killed at the first stage: the same bytes, no run again.

    The part is computed again on a worker still there, from what the scheduler keeps of it (three learning rounds
    of the corpus's 20 follow).
    """
    claims = factlog.load(SOURCES)
    stages: list[str] = []
    killed: list[int] = []

    def told(stage: str) -> None:
        if not stages:
            killed.append(_holding_claims(killable))
            os.kill(killed[0], signal.SIGKILL)
        stages.append(stage)

    if work == "check":
        report = factlog.dask.check(claims, client=killable, partitions=4, progress=told)
        assert render_json(report) == render_json(factlog.check(claims))
    else:
        assessed = factlog.dask.assess(
            claims, method="accuvote", client=killable, partitions=4, progress=told, max_rounds=3
        )
        assert assessed == factlog.assess(claims, method="accuvote", max_rounds=3)
    with pytest.raises(ProcessLookupError):
        os.kill(killed[0], 0)  # it is gone
    assert not [stage for stage in stages if "again" in stage]
