"""A call's session with Dask: its cluster (or the synchronous scheduler), its span, and a local cluster.

:func:`_session` gives the tasks of one :func:`factlog.dask.check` or
:func:`factlog.dask.assess` call one span ``("factlog", work)`` on a cluster;
:func:`local_client` starts the cluster of ``--workers N`` on this machine.
"""

from __future__ import annotations

import contextlib
import logging
import operator
import uuid
from collections.abc import Iterator, Sequence
from typing import Any, SupportsIndex

import attrs
from dask.base import compute
from dask.delayed import Delayed, delayed
from distributed import Client, LocalCluster, span

from factlog.dask._connect import client_of, connect, heartbeats_stopped, timeout_of, wait_for_workers
from factlog.errors import ArgumentError

__all__ = ["local_client"]


@attrs.frozen
class _Session:
    client: Client | None

    def put(self, value: object, *, broadcast: bool = False) -> Any:
        """A value as a task argument: scattered to the cluster, or a literal of the local graph."""
        if self.client is None:
            return delayed(value, traverse=False, name=f"factlog-data-{uuid.uuid4().hex}")
        return self.client.scatter(
            value, broadcast=broadcast, hash=False
        )  # a fresh key: an equal value of an earlier call may be in release

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
def _session(client: Client | str | None, seconds: float | None, work: str) -> Iterator[_Session]:
    """A session; on a cluster, its tasks in one span ``("factlog", work)``, not a default span kept a round."""
    if isinstance(client, str):
        address = client
        with connect(address, timeout_of(seconds)) as connected, span("factlog", work):
            yield _Session(connected)
    elif client is not None:
        wait_for_workers(client, str(client.scheduler_info()["address"]), timeout_of(seconds))
        with span("factlog", work):
            yield _Session(client)
    else:
        yield _Session(client)


@contextlib.contextmanager
def local_client(workers: int) -> Iterator[Client]:
    """A client of a Dask cluster on this machine: ``workers`` processes of one thread each.

    Closed (workers stopped) when the ``with`` block ends. Raises :class:`ValueError`
    for fewer than one worker.
    """
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    # The scheduler serves HTTP (health, metrics) even without a dashboard, on port 8787
    # unless told otherwise: a free port keeps two local clusters from clashing.
    cluster = LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",
        scheduler_kwargs={"dashboard": False},
        silence_logs=logging.ERROR,  # not the workers' warnings about tasks cancelled by an interrupt
    )
    with cluster, client_of(cluster) as client, heartbeats_stopped(client):
        yield client
