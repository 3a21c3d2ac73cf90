"""A call's session with Dask: its cluster (or the synchronous scheduler), its span, and a local cluster.

:func:`_session` gives the tasks of one :func:`factlog.dask.check` or
:func:`factlog.dask.assess` call one span ``("factlog", work)`` on a cluster;
:func:`local_client` starts the cluster of ``--workers N`` on this machine.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import operator
import os
import pickle
import signal
import tempfile
import uuid
import zlib
from collections.abc import Callable, Iterator, Sequence
from multiprocessing import resource_tracker
from typing import Any, SupportsIndex, TypeVar

import attrs
import dask.config
from dask.base import compute
from dask.delayed import Delayed, delayed
from distributed import Client, LocalCluster, span
from distributed.core import Status

from factlog.dask._connect import client_of, closed_quietly, connect, heartbeats_stopped, timeout_of, wait_for_workers
from factlog.dask._faults import Stages, surviving
from factlog.dask._steps import _Sent, given
from factlog.errors import ArgumentError, ArgumentTypeError, ClusterError, described

__all__ = ["local_client"]

_T = TypeVar("_T")

_NO_LIMIT = "1 PiB"
"""A size no task's data reaches."""


@attrs.frozen
class _Session:
    client: Client | None
    stages: Stages = attrs.field(factory=Stages)
    address: str = ""
    seconds: float = 0.0

    def surviving(self, run: Callable[[], _T], work: str) -> _T:
        """``run()``, run again when a lost worker cancelled its tasks (:func:`~factlog.dask._faults.surviving`)."""

        def ready() -> None:
            if self.client is not None:
                wait_for_workers(self.client, self.address, self.seconds)

        return surviving(run, self.client, self.stages, work, ready=ready)

    def put(self, value: object, *, broadcast: bool = False) -> Any:
        """A value as a task argument: on a cluster, a task that gives it; else a graph literal.

        The scheduler keeps each task, so a worker that dies holding the value loses nothing
        that cannot be computed again, on a worker still there. A value every partition reads
        (``broadcast``: the small tables, the routing) is kept as it is; a part of the claims
        is kept pickled and compressed (:func:`_packed`, about 4% of the claims' size as
        objects), as a local cluster's scheduler keeps it in this process beside the claims
        given: never every claim twice as objects.
        """
        if self.client is None:
            return delayed(value, traverse=False, name=f"factlog-data-{uuid.uuid4().hex}")
        # The value is in the task on purpose: Dask's warning of a large graph (10 MB) would advise against it.
        with dask.config.set({"distributed.admin.large-graph-warning-threshold": _NO_LIMIT}):
            if broadcast:
                return self.client.submit(given, _Sent(value), boxed=False, pure=False)
            return self.client.submit(_unpacked, _Sent(_packed(value)), key=f"factlog-claims-{uuid.uuid4().hex}")

    def compute(self, tasks: Sequence[Delayed]) -> list[Any]:
        if self.client is None:
            return list(compute(*tasks, scheduler="synchronous"))
        return list(self.client.gather(self.client.compute(list(tasks))))

    def partitions(self, asked: object, where: str) -> int:
        if asked is not None:
            if isinstance(asked, bool) or not isinstance(asked, SupportsIndex) or operator.index(asked) < 1:
                raise ArgumentError(f"{where}: partitions must be a whole number, at least 1, or None; got {asked!r}")
            return operator.index(asked)
        if self.client is None:
            return 1
        return max(1, 2 * len(self.client.scheduler_info()["workers"]))


def _packed(value: object) -> bytes:
    """``value`` pickled, then compressed at zlib's fastest level: claims to about a quarter, then a fifth of that.

    benchmarks/RESULTS.md, "What the scheduler keeps of claims given in memory".
    """
    return zlib.compress(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), 1)


def _unpacked(sent: _Sent) -> Any:
    """The value :func:`_packed` packed, taken from the task once (the worker keeps the value, not the bytes)."""
    return pickle.loads(zlib.decompress(sent.take()))  # bytes the driver pickled


@contextlib.contextmanager
def _session(
    client: Client | str | None, seconds: float | None, work: str, say: Callable[[str], None]
) -> Iterator[_Session]:
    """A session; on a cluster, its tasks in one span ``("factlog", work)``, not a default span kept a round.

    Raises :class:`~factlog.ArgumentTypeError` for a ``client`` that is no
    ``distributed.Client``, address or None.
    """
    stages = Stages(say)
    if isinstance(client, str):
        waited = timeout_of(seconds)
        with closed_quietly(connect(client, waited)) as connected, span("factlog", work):
            yield _Session(connected, stages, client, waited)
    elif isinstance(client, Client):
        waited = timeout_of(seconds)
        address = str(client.scheduler_info()["address"])
        wait_for_workers(client, address, waited)
        with span("factlog", work):
            yield _Session(client, stages, address, waited)
    elif client is None:
        yield _Session(client, stages)
    else:
        raise ArgumentTypeError(
            f"factlog.dask.{work}: client: expected a distributed.Client, a scheduler address"
            f" (a str: 'tcp://host:8786') or None, got {described(client)}"
        )


@contextlib.contextmanager
def local_client(workers: int) -> Iterator[Client]:
    """A client of a Dask cluster on this machine: ``workers`` processes of one thread each.

    Closed (workers stopped) when the ``with`` block ends; a KeyboardInterrupt in the block
    kills the worker processes first, a busy one not waited on. The workers keep their
    scratch files (spilled data, lock files) in a folder of the run's own, removed at the
    end however it ends (Dask's ``temporary-directory`` setting is where it is made). Raises :class:`ValueError`
    for fewer than one worker, and :class:`~factlog.ClusterError` for a cluster that does not start.
    """
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    # The scheduler serves HTTP (health, metrics) even without a dashboard, on port 8787
    # unless told otherwise: a free port keeps two local clusters from clashing.
    scratch = tempfile.TemporaryDirectory(
        prefix="factlog-dask-", dir=dask.config.get("temporary-directory", None), ignore_cleanup_errors=True
    )
    try:
        with _interrupts_to_this_process():
            cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=":0",
                scheduler_kwargs={"dashboard": False},
                local_directory=scratch.name,
                # Dask's errors and tracebacks about a worker killed or cancelled tasks say nothing to act on:
                # factlog says what happened in one line (factlog.dask._faults).
                silence_logs=logging.CRITICAL,
            )
    except (RuntimeError, OSError, TimeoutError) as error:  # a worker that died starting, no free port
        scratch.cleanup()
        raise ClusterError(
            f"cannot start a local Dask cluster of {workers} workers: {str(error).rstrip('.')}{_hint(error)}"
        ) from None
    with scratch, cluster, client_of(cluster) as client, heartbeats_stopped(client):
        try:
            yield client
        except KeyboardInterrupt:
            _workers_killed(cluster)  # a busy worker would hold the cluster's close for seconds
            raise


def _workers_killed(cluster: LocalCluster) -> None:
    """Kill (SIGKILL) the worker processes this cluster's nannies started; an interrupted run keeps none of their work.

    Only processes of ``cluster``, one :func:`local_client` started: a cluster the caller
    connected to is never touched. A worker already gone is passed over.
    """
    kill = getattr(signal, "SIGKILL", signal.SIGTERM)
    for nanny in list(cluster.workers.values()):
        started = getattr(getattr(nanny, "process", None), "process", None)  # Nanny -> WorkerProcess -> AsyncProcess
        pid = getattr(started, "pid", None)
        if isinstance(pid, int) and pid > 0:
            nanny.status = Status.closing_gracefully  # the nanny then closes as its worker dies, not starting another
            with contextlib.suppress(OSError):
                os.kill(pid, kill)


_GUARD = (
    "; the likely cause: a script that starts the cluster as it is imported, which each worker process"
    ' imports again as it starts; start the cluster under if __name__ == "__main__":'
)


def _hint(error: BaseException) -> str:
    """What to do about a local cluster that did not start, where its failure tells: :data:`_GUARD`, else ``""``.

    Dask spawns each worker process, a fresh interpreter that imports the script's main
    module first: a script making a cluster outside ``if __name__ == "__main__":`` makes
    one in each worker as it starts (Python's "bootstrapping phase" error), and the
    driver's cluster then sees its workers die starting ("Nanny failed to start worker process").
    """
    texts: list[str] = []
    cause: BaseException | None = error
    while cause is not None and len(texts) < 10:
        texts.append(str(cause))
        cause = cause.__cause__ or cause.__context__
    starting = multiprocessing.current_process().name != "MainProcess"
    told = any("bootstrapping phase" in text or "failed to start worker process" in text for text in texts)
    return _GUARD if starting or told else ""


@contextlib.contextmanager
def _interrupts_to_this_process() -> Iterator[None]:
    """Start the block's threads with SIGINT blocked, so the worker processes they start never see a Ctrl-C.

    A terminal sends Ctrl-C to every process of the command, the workers too, which would
    each print a traceback. A thread starts with its creator's mask of blocked signals and
    a process with its starter's; this process's main thread takes the interrupt, says
    "interrupted" and closes the cluster. The resource tracker of multiprocessing is
    started first: starting, it unblocks SIGINT in the thread that starts it.
    """
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - Windows has no signal masks
        yield
        return
    resource_tracker.ensure_running()
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
