"""What a distributed call does when a worker dies: the work done again, or one :class:`ClusterError` saying what to do.

Every task factlog sends is a pure function of its arguments (the same claims give the
same findings), so a lost result can be computed again. Dask does so by itself for a
task whose inputs still exist: a task running on a worker that dies is sent to another
(up to ``distributed.scheduler.allowed-failures`` deaths, 3 by default; then the task
is failed with ``KilledWorker``), and the nanny of a worker restarts it. What Dask cannot
compute again is data scattered from the client whose only copy was on the dead worker:
the tasks that need it are cancelled. factlog scatters none (the small tables, a learning
round's shared values and the claims given in memory are tasks' results,
:meth:`~factlog.dask._session._Session.put`), but should tasks be cancelled, the whole
call runs again from the start, up to :data:`RERUNS` times, on the workers the cluster
has by then. A task that kills every worker it runs on (a
partition too large for the workers' memory) is not run again: that, a cluster still
losing workers after the reruns, or a lost scheduler, is a :class:`~factlog.ClusterError`
naming the stage and what to do.
"""

from __future__ import annotations

import concurrent.futures
import logging
from collections.abc import Callable
from typing import TypeVar

import attrs
from distributed import Client, KilledWorker
from distributed.comm.core import CommClosedError

from factlog.errors import ClusterError
from factlog.io._arguments import silent

__all__ = ["ADVICE", "RERUNS", "Stages", "surviving"]

RERUNS = 2
"""How many times a call runs again from the start after a worker's loss cancelled its tasks."""

ADVICE = (
    "check the workers' memory (a worker past its limit, dask worker --memory-limit, is killed and restarted),"
    " or split the claims into more partitions (--partitions N; partitions= in Python)"
)
"""What to do when workers keep dying: most often a partition too large for a worker's memory."""

_T = TypeVar("_T")

_log = logging.getLogger("factlog.dask")


@attrs.define
class Stages:
    """The stage a call is in (for its error messages), told to ``say`` as it begins."""

    say: Callable[[str], None] = silent
    now: str = "starting"

    def begin(self, stage: str) -> None:
        """Enter ``stage`` (words: "reading 3 files"), and say so."""
        self.now = stage
        self.say(stage)


def _tries(error: KilledWorker) -> str:
    allowed = getattr(error, "allowed_failures", None)
    return "several" if allowed is None else str(allowed + 1)


def _lost(work: str, stage: str, what: str) -> ClusterError:
    return ClusterError(f"the {work} on the Dask cluster failed while {stage}: {what}; {ADVICE}")


def _scheduler_lost(work: str, stage: str) -> ClusterError:
    return ClusterError(
        f"the {work} on the Dask cluster failed while {stage}: the connection to the scheduler closed"
        " (was the scheduler stopped?); start the scheduler and its workers again"
        " (dask scheduler, then dask worker tcp://HOST:8786 on each machine), then run again"
    )


def surviving(
    run: Callable[[], _T],
    client: Client | None,
    stages: Stages,
    work: str,
    *,
    ready: Callable[[], None],
) -> _T:
    """``run()``, run again (up to :data:`RERUNS` times) when a worker's loss cancelled its tasks.

    ``ready`` is called before each rerun (it waits for the cluster to have a worker).
    ``work`` ("check", "assessment") names the call in the messages. Raises
    :class:`~factlog.ClusterError` for a task that killed its workers, a loss that
    outlasts the reruns, or a connection to the scheduler that closed.
    """
    reruns = 0
    while True:
        try:
            return run()
        except KilledWorker as error:
            raise _lost(
                work,
                stages.now,
                f"a worker died each of the {_tries(error)} times a task ran (killed, or out of memory)",
            ) from None
        except concurrent.futures.CancelledError:
            if client is not None and client.status != "running":  # the scheduler went away: it cancels every future
                raise _scheduler_lost(work, stages.now) from None
            if client is None or reruns == RERUNS:
                raise _lost(
                    work, stages.now, f"workers died or were lost, and the work was run again {reruns} times"
                ) from None
            reruns += 1
            _log.warning(
                "warning: a Dask worker was lost while %s: running the %s again (%d of %d)",
                stages.now,
                work,
                reruns,
                RERUNS,
            )
            stages.begin(f"running the {work} again ({reruns} of {RERUNS})")
            try:
                ready()
            except OSError:  # the scheduler went away while the call waited for workers
                raise _scheduler_lost(work, stages.now) from None
        except CommClosedError:
            raise _scheduler_lost(work, stages.now) from None
