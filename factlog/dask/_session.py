"""A call's session with Dask: its cluster (or the synchronous scheduler), its span, and a local cluster.

:func:`_session` gives the tasks of one :func:`factlog.dask.check` or
:func:`factlog.dask.assess` call one span ``("factlog", work)`` on a cluster;
:func:`local_client` starts the cluster of ``--workers N`` on this machine.
"""

from __future__ import annotations

import contextlib
import logging
import operator
import signal
import uuid
from collections.abc import Callable, Iterator, Sequence
from multiprocessing import resource_tracker
from typing import Any, SupportsIndex, TypeVar

import attrs
from dask.base import compute
from dask.delayed import Delayed, delayed
from distributed import Client, LocalCluster, span

from factlog.dask._connect import client_of, closed_quietly, connect, heartbeats_stopped, timeout_of, wait_for_workers
from factlog.dask._faults import Stages, surviving
from factlog.dask._learning import _Sent, given
from factlog.errors import ArgumentError, ArgumentTypeError, ClusterError, described

__all__ = ["local_client"]

_T = TypeVar("_T")


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
        """A value as a task argument: on a cluster, a task that gives it or data scattered; else a graph literal.

        A value every partition reads (``broadcast``: the small tables, the routing) is kept
        in its task by the scheduler, so a worker that dies holding it loses nothing that
        cannot be computed again. A part of the claims is scattered to one worker: lost with
        it, its call runs again (:mod:`factlog.dask._faults`), where keeping every claim on
        the scheduler would hold them twice in this process (a local cluster's scheduler).
        """
        if self.client is None:
            return delayed(value, traverse=False, name=f"factlog-data-{uuid.uuid4().hex}")
        if broadcast:
            return self.client.submit(given, _Sent(value), boxed=False, pure=False)
        return self.client.scatter(value, hash=False)  # a fresh key: an equal earlier value may be in release

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

    Closed (workers stopped) when the ``with`` block ends. Raises :class:`ValueError`
    for fewer than one worker, and :class:`~factlog.ClusterError` for a cluster that does not start.
    """
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    # The scheduler serves HTTP (health, metrics) even without a dashboard, on port 8787
    # unless told otherwise: a free port keeps two local clusters from clashing.
    try:
        with _interrupts_to_this_process():
            cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=":0",
                scheduler_kwargs={"dashboard": False},
                # Dask's errors and tracebacks about a worker killed or cancelled tasks say nothing to act on:
                # factlog says what happened in one line (factlog.dask._faults).
                silence_logs=logging.CRITICAL,
            )
    except (RuntimeError, OSError, TimeoutError) as error:  # a worker that died starting, no free port
        raise ClusterError(f"cannot start a local Dask cluster of {workers} workers: {error}") from None
    with cluster, client_of(cluster) as client, heartbeats_stopped(client):
        yield client


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
