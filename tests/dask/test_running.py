"""Running on a cluster: spans, what stays on the workers, extrapolated rounds, partitions, addresses and shutdown."""

from __future__ import annotations

import logging
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import distributed.protocol.pickle
import pytest
from distributed import Client, LocalCluster

import factlog
import factlog.cli._check
import factlog.dask
import factlog.dask._assessing
from factlog.analysis._discovery import _learn as learning
from factlog.analysis._discovery import accu_copy
from factlog.analysis._discovery._learn import learn
from factlog.cli import main
from factlog.dask._connect import MESSAGE_LOG
from factlog.dask._steps import Cluster, _Sent
from factlog.render import render_json
from tests.analysis.test_shards import EVERY_PAIR, _parts
from tests.analysis.test_shards_extrapolated import EXTRAPOLATED, Counted, domains_of, small_random_votes
from tests.conftest import FreshImport
from tests.helpers import ROOT, claim, world

SOURCES = ROOT / "sources"


def _spans(client: Client) -> list[tuple[tuple[str, ...], list[str]]]:
    """Every span the cluster's scheduler keeps, oldest first: its name and the names of its task groups."""

    def spans(dask_scheduler: Any) -> list[tuple[tuple[str, ...], list[str]]]:
        kept = dask_scheduler.extensions["spans"].spans.values()
        return [(span.name, sorted(group.name for group in span.groups)) for span in kept]

    found: list[tuple[tuple[str, ...], list[str]]] = client.run_on_scheduler(spans)
    return found


_LEARNING_GROUPS = {"prepare", "step", "getitem", "concluded"}
"""The task groups of an assessment learning in rounds on a cluster."""


def test_a_distributed_assessment_s_tasks_are_in_one_factlog_span() -> None:
    """Learning in rounds on a cluster: every task of the call in the span ("factlog", "assess"), none in a default.

    Three rounds (of the corpus's 19) run every task group a round has. The cluster is the test's own: Dask joins a
    task to the span of its group's first task, and the session's scheduler may still hold an earlier test's groups.
    """
    with (
        LocalCluster(
            n_workers=2, processes=False, dashboard_address=":0", scheduler_kwargs={"dashboard": False}
        ) as ours,
        Client(ours) as connected,
    ):
        assessed = factlog.dask.assess(SOURCES, method="accucopy", client=connected, partitions=2, max_rounds=3)
        assert (assessed.rounds, assessed.converged) == (3, False)
        added = dict(_spans(connected))
    assert set(added[("factlog", "assess")]) >= _LEARNING_GROUPS
    defaults = {group for name, groups in added.items() if name == ("default",) for group in groups}
    assert not defaults & _LEARNING_GROUPS


def _counting(state: int, shared: list[int], own: list[int]) -> tuple[int, int]:
    """A learning step: the state counts rounds; the result is the size of what the step was handed."""
    return state + 1, len(shared) + len(own)


def _kept_arguments(dask_worker: Any) -> int:
    """Pickled bytes of the arguments a worker still holds in the tasks it has run and released."""
    released = [task for task in dask_worker.state.tasks.values() if task.state == "released"]
    return sum(len(distributed.protocol.pickle.dumps(task.run_spec)) for task in released if task.run_spec is not None)


def test_a_learning_run_leaves_no_round_s_arguments_on_the_workers(client: Client) -> None:
    """Each round's literal arguments are dropped once used: the workers keep less than one round's worth."""
    payload = list(range(20_000))  # about 100 kB pickled, for each argument of each round
    cluster = Cluster(client, [client.submit(int, 0, pure=False), client.submit(int, 0, pure=False)])
    for _ in range(5):
        assert cluster.each(_counting, payload, own=[payload, payload]) == [40_000, 40_000]
    assert client.gather(cluster.states) == [5, 5]
    one_argument = len(distributed.protocol.pickle.dumps(payload))
    kept = sum(client.run(_kept_arguments).values())
    assert kept < one_argument


def _tasks_given(dask_scheduler: Any) -> int:
    """How many tasks the scheduler has been given so far: each counted as it first waits to run."""
    return sum(prefix.state_counts["waiting"] for prefix in dask_scheduler.task_prefixes.values())


def test_a_learning_step_is_two_tasks_a_shard(client: Client) -> None:
    """Four steps on three shards: 24 tasks, the step (the shard's new state) and the one taking its result."""
    cluster = Cluster(client, [client.submit(int, 0, pure=False) for _ in range(3)])
    before = client.run_on_scheduler(_tasks_given)
    for _ in range(4):
        assert cluster.each(_counting, [1.5], own=[[2.5]] * 3) == [2, 2, 2]
    assert client.run_on_scheduler(_tasks_given) - before == 4 * 3 * 2
    assert client.gather(cluster.states) == [4, 4, 4]


def test_a_step_s_argument_is_handed_over_once() -> None:
    """A second read of a step's argument (its task run again) is a ClusterError, not a silent None."""
    sent = _Sent([1.5, 2.5])
    assert sent.take() == [1.5, 2.5]
    with pytest.raises(factlog.ClusterError, match="ran twice"):
        sent.take()
    assert _Sent(None).take() is None


def test_a_client_factlog_makes_keeps_a_short_log_of_its_messages(client: Client) -> None:
    """Dask's log of the messages a client sent holds 1,000 by default; factlog's clients keep MESSAGE_LOG."""
    assert client.scheduler_comm.recent_message_log.maxlen == MESSAGE_LOG < 1_000


def test_partitions_beyond_the_claims_cost_nothing() -> None:
    """A million partitions of three claims: capped at the claim count, the same report."""
    claims = world(claim("a", obj="x"), claim("b", obj="y", holder="h2"), claim("c", obj="x", source="s5"))
    assert render_json(factlog.dask.check(claims, partitions=10**6)) == render_json(factlog.check(claims))


def test_assess_caps_partitions_at_the_claim_count(monkeypatch: pytest.MonkeyPatch) -> None:
    """factlog.dask.assess caps partitions at the claim count, as check does: three claims make at most three."""
    claims = world(claim("a", obj="x"), claim("b", obj="y", holder="analysts"), claim("c", obj="x", holder="tabloid"))
    counts: set[int] = set()
    prepare = factlog.dask._assessing.prepare

    def counted(*arguments: Any, **options: Any) -> Any:
        counts.add(arguments[4])  # (small, as_of, method, number, partitions, *buckets)
        return prepare(*arguments, **options)

    monkeypatch.setattr(factlog.dask._assessing, "prepare", counted)
    assert factlog.dask.assess(claims, partitions=1000) == factlog.assess(claims)
    assert counts == {3}


def test_a_local_cluster_needs_a_worker() -> None:
    """A local cluster of no workers is a ValueError, before anything starts."""
    with pytest.raises(ValueError, match="at least 1"), factlog.dask.local_client(0):
        pass


def test_import_factlog_does_not_import_dask(fresh_import: FreshImport) -> None:
    """``import factlog`` stays light: neither factlog.dask nor dask is imported."""
    assert ("dask" in fresh_import.modules, "factlog.dask" in fresh_import.modules) == (False, False)


def test_a_local_cluster_whose_workers_died_closes_without_an_error_logged() -> None:
    """Workers killed in the block (as by the out-of-memory killer): stopping their heartbeats logs no failure."""
    handler = _Kept(logging.ERROR)
    scheduler = logging.getLogger("distributed.scheduler")
    scheduler.addHandler(handler)
    try:
        with factlog.dask.local_client(2) as client:
            for pid in client.run(os.getpid).values():
                os.kill(pid, signal.SIGKILL)
    finally:
        scheduler.removeHandler(handler)
    assert not [message for message in handler.messages if "broadcast" in message]


class _Kept(logging.Handler):
    """A logging handler that keeps the messages it is given."""

    def __init__(self, level: int) -> None:
        super().__init__(level)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def test_nothing_listening_fails_at_once(capsys: pytest.CaptureFixture[str]) -> None:
    """A refused connection is a ClusterError (exit 3) naming the address, not an output failure."""
    address = f"tcp://127.0.0.1:{_free_port()}"
    with pytest.raises(factlog.ClusterError, match=f"cannot reach the Dask scheduler at {address}"):
        factlog.dask.check(factlog.ClaimSet(), client=address, timeout=60)
    assert main(["check", "--dask", address, "--dask-timeout", "60", str(SOURCES)]) == 3
    err = capsys.readouterr().err
    assert err.startswith(f"error: cannot reach the Dask scheduler at {address}")
    assert err.endswith(
        "Start one with: dask scheduler (it listens on tcp://HOST:8786), then on each machine:"
        " dask worker tcp://HOST:8786\n"
    )


def test_a_silent_listener_times_out() -> None:
    """Something on the port that never answers as a scheduler does is a ClusterError after the timeout."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        address = f"tcp://127.0.0.1:{listener.getsockname()[1]}"
        with pytest.raises(factlog.ClusterError, match=r"no answer within 0\.2 s"):
            factlog.dask.check(factlog.ClaimSet(), client=address, timeout=0.2)


def test_a_cluster_without_workers_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    """A scheduler with no worker within the timeout is a ClusterError saying so, and how to start one."""
    monkeypatch.setenv("FACTLOG_DASK_TIMEOUT", "0.2")
    with (
        LocalCluster(
            n_workers=0,
            processes=False,
            protocol="tcp://",
            dashboard_address=":0",
            scheduler_kwargs={"dashboard": False},
        ) as idle,
        Client(idle) as connected,
    ):
        address = idle.scheduler_address
        with pytest.raises(factlog.ClusterError, match=f"the scheduler at {address} has no workers") as raised:
            factlog.dask.check(factlog.ClaimSet(), client=connected)
        assert str(raised.value).endswith(f"start one on each machine with: dask worker {address}")
        with pytest.raises(factlog.ClusterError, match=f"dask worker {address}$"):
            factlog.dask.assess(factlog.ClaimSet(), client=address)


def test_extrapolated_rounds_on_the_cluster_learn_the_single_process_floats(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    """AccuCopy extrapolated over three shards held by the workers: one process's jumps, floats and rounds."""
    votes = small_random_votes(2795)  # 25 rounds, three jumps, one undone (seed 2145 took 53 rounds, 7 jumps, 2 undone)
    grades = {vote.source: frozenset((0.5,)) for vote in votes}
    domains = domains_of(votes)
    single = accu_copy(votes, priors=dict.fromkeys(grades, 0.5), domains=domains, params=EXTRAPOLATED, copy=EVERY_PAIR)
    cluster = Cluster(client, client.scatter(_parts(votes, grades, domains, [0, 1, 2]), hash=False))
    monkeypatch.setattr(learning, "Extrapolation", Counted)
    Counted.made = []
    learned = learn(cluster, "accucopy", params=EXTRAPOLATED, copy=EVERY_PAIR)
    (decided,) = Counted.made
    assert decided.jumps >= 2
    assert decided.undone >= 1
    assert learned.sources == dict(single.sources)
    assert learned.dependences == single.dependences
    assert (learned.rounds, learned.converged) == (single.rounds, single.converged)
    results: dict[str, object] = {}
    for state in client.gather(cluster.states):
        results.update(state.results)
    assert results == dict(single.questions)


_UNGUARDED = """
import factlog.dask

with factlog.dask.local_client(2) as client:
    print(len(client.scheduler_info()["workers"]))
"""


def test_a_script_starting_a_cluster_as_imported_is_told_to_guard_it(tmp_path: Path) -> None:
    """A script making a local cluster outside ``if __name__ == "__main__":``: each ClusterError says to guard it.

    Its workers (spawned, importing the script again) and the script itself each fail with
    a traceback; every one ends in the error naming the likely cause and the idiom.
    """
    script = tmp_path / "unguarded.py"
    script.write_text(_UNGUARDED, encoding="utf-8")
    run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=False, cwd=tmp_path)
    errors = [line for line in run.stderr.splitlines() if line.startswith("factlog.errors.ClusterError: ")]
    assert run.returncode == 1
    assert errors
    assert all(
        line.startswith("factlog.errors.ClusterError: cannot start a local Dask cluster of 2 workers: Nanny failed")
        and line.endswith(
            "; the likely cause: a script that starts the cluster as it is imported, which each worker process"
            ' imports again as it starts; start the cluster under if __name__ == "__main__":'
        )
        for line in errors
    )


def test_an_interrupted_local_cluster_kills_its_busy_workers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C in the block: the busy worker is killed before the cluster closes (not waited on), and none survives."""
    flag, ended = tmp_path / "running", []
    closing = LocalCluster.__exit__

    def closed(cluster: LocalCluster, *exited: object) -> None:
        ended.extend(_ended(process.pid) for process in started)  # as the cluster starts to close
        closing(cluster, *exited)

    monkeypatch.setattr(LocalCluster, "__exit__", closed)
    started: list[Any] = []
    with pytest.raises(KeyboardInterrupt):
        _interrupted_while_busy(flag, started)
    assert (ended, [process.is_alive() for process in started]) == ([True], [False])


def _interrupted_while_busy(flag: Path, started: list[Any]) -> None:
    """Run :func:`_busy` on a local cluster of one worker, then KeyboardInterrupt; ``started`` gets its processes."""
    with factlog.dask.local_client(1) as client:
        started.extend(nanny.process.process for nanny in client.cluster.workers.values())  # type: ignore[attr-defined]
        client.submit(_busy, flag)
        deadline = time.monotonic() + 30
        while not flag.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        raise KeyboardInterrupt


def _ended(pid: int) -> bool:
    """Whether process ``pid`` ends (is gone or a zombie) within 5 s."""
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            return True
        if state in {"Z", "X"}:
            return True
        time.sleep(0.01)
    return False


def _busy(flag: Path) -> None:
    """A task that says it is running, then sleeps for two minutes."""
    flag.touch()
    time.sleep(120)
