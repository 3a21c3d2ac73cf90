"""Shards held by Dask workers and stepped where they lie: the cluster's runner of truth discovery.

:class:`Cluster` is the :class:`~factlog.analysis._discovery._learn.Runner` of a run on
a cluster: each shard's state stays on the worker that built it, and each learning step
is two tasks a shard, the step (whose result, a :class:`Stepped`, holds the new state
beside what the step returned, and is the handle the next step reads it from) and one
that takes the step's result out to be gathered. A step's literal arguments travel in a
:class:`_Sent`, dropped once read.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterator, Sequence
from typing import Any, NamedTuple

import attrs
from distributed import Client, Future, as_completed, wait

from factlog.errors import ClusterError
from factlog.io._arguments import silent

__all__ = ["Cluster", "Stepped", "given", "state_of"]


class Stepped(NamedTuple):
    """A shard after a step: what the step returned, and the shard's new state.

    On a cluster a step's task is the handle of the state it made: the next step reads
    the state from it (:func:`state_of`), so a step is two tasks a shard (the step, and
    one that takes its result), not three. :func:`~factlog.dask._learning.prepare`
    makes an assessment's first.
    """

    result: Any
    state: Any


def state_of(held: Any) -> Any:
    """The shard's state a handle holds: a :class:`Stepped`'s, or the handle itself (a state not yet stepped)."""
    return held.state if isinstance(held, Stepped) else held


@attrs.frozen
class _Box:
    """A value Dask moves as one pickled object (a list or tuple it would walk item by item)."""

    value: Any


_TAKEN: Any = object()
"""What a :class:`_Sent` holds once its value is taken."""


class _Sent:
    """A step's argument carried in its own task, handed over once and then dropped.

    A worker keeps a finished task, arguments and all, for as long as a task it feeds
    is kept, and every state of a run is built from the one before: arguments left in
    the tasks would stay on the workers for the whole run (every pair's factors, every
    round: about 55 kB a step at 20,000 claims in 2 partitions, benchmarks/RESULTS.md).
    """

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def take(self) -> Any:
        """The value, once; raises :class:`~factlog.errors.ClusterError` when asked again.

        A second read means the task ran again (its result lost), and on a cluster in this
        process the task holds the very box the first run emptied.
        """
        value, self.value = self.value, _TAKEN
        if value is _TAKEN:
            raise ClusterError("a learning step ran twice on the cluster (its result was lost): run again")
        return value


def given(sent: _Sent, *, boxed: bool = True) -> Any:
    """The value a :class:`_Sent` carries (boxed, so that Dask moves it as one object).

    The task keeps the value on the scheduler, not the workers: a worker that dies
    holding it loses nothing that cannot be computed again.
    """
    value = sent.take()
    return _Box(value) if boxed else value


def _step(step: Callable[..., tuple[Any, Any]], held: Any, *arguments: Any) -> Stepped:
    done, result = step(
        state_of(held),
        *(a.take() if isinstance(a, _Sent) else a.value if isinstance(a, _Box) else a for a in arguments),
    )
    return Stepped(_Box(result), done)


_ROUNDS = {"vote": 0, "confide": 1}
"""The steps that begin a learning round: AccuVote's and AccuCopy's; TruthFinder's, after its first (the start)."""


class Cluster:
    """Shards held by Dask workers (futures): each step is two tasks a shard, on the worker that holds it.

    A step's task makes the shard's new state beside its result (a :class:`Stepped`) and
    is the handle the next step reads that state from; a second task takes the result
    out, to be gathered. The driver lets go of each handle as it submits the next step,
    so a state and its step's result stay on the worker only until the next step has
    run (the scheduler keeps the finished task, released, as where the next came from).

    Each shard's tasks are pinned to the worker its state was built on: the scheduler
    sizes a state by its shallow size, so it would otherwise move whole indexes between
    workers to balance the load, every round. The pin is loose: a shard whose worker died
    is computed again, from its first state, on a worker the cluster still has. Raises the
    error of a task that was to build a state (a :class:`~factlog.ConflictError` for a
    claim id in two files). ``states``: the futures of the shards' first states, or of a
    :class:`Stepped` holding each (as :func:`~factlog.dask._learning.prepare` makes). ``say`` is told each round
    as it begins (``"label: round 3"``).
    """

    def __init__(
        self, client: Client, states: Sequence[Any], *, say: Callable[[str], None] = silent, label: str = "learning"
    ) -> None:
        self.client = client
        self.held: list[Future[Any]] = list(states)
        """Each shard's handle: the future of its first state, then of its last step (read with :func:`state_of`)."""
        self.say, self.label, self.rounds, self.steps = say, label, 0, 0
        wait(self.held)
        for state in self.held:
            if state.status == "error":
                state.result()  # the task's own error (a claim id twice), not a step pinned to no worker
        found = client.who_has(self.held)
        self.where = [sorted(found.get(state.key, ()))[:1] or None for state in self.held]

    @property
    def states(self) -> list[Future[Any]]:
        """The futures of the shards' states, each taken from its handle by a task of its own, where the shard is."""
        return self._submit(state_of)

    def share(self, value: Any) -> Any:
        """A task whose result is the value, boxed: computed again from its task if the worker holding it dies."""
        return self.client.submit(given, _Sent(value), pure=False)

    def each(self, step: Callable[..., tuple[Any, Any]], *shared: Any, own: Sequence[Any] | None = None) -> list[Any]:
        """One step a shard; the new states stay on the workers, the results are gathered."""
        return [box.value for box in self.client.gather(self._stepped(step, shared, own))]

    def arriving(
        self, step: Callable[..., tuple[Any, Any]], *shared: Any, own: Sequence[Any] | None = None
    ) -> Iterator[tuple[int, Any]]:
        """:meth:`each`, each shard's result gathered as its task ends: ``(i, result)``, in the order they end."""
        results = self._stepped(step, shared, own)
        shard = {future.key: i for i, future in enumerate(results)}
        pending = as_completed(results)
        del results  # each result let go of on the cluster once read, not when the last is
        for future in pending:
            yield shard[future.key], future.result().value
            del future

    def _submit(
        self, function: Callable[..., Any], *first: Any, shared: tuple[Any, ...] = (), own: Sequence[Any] | None = None
    ) -> list[Any]:
        """``function(*first, handle, *shared[, own[i]])`` a shard, pinned (loosely) where the shard is.

        Each value shared that is no future goes in a :class:`_Sent` of each task's own.
        """
        submit, where = self.client.submit, self.where
        return [
            submit(
                function,
                *first,
                held,
                *(value if isinstance(value, Future) else _Sent(value) for value in shared),
                *(() if own is None else (_Sent(own[i]),)),
                pure=False,
                workers=where[i],
                allow_other_workers=where[i] is not None,
            )
            for i, held in enumerate(self.held)
        ]

    def _stepped(
        self, step: Callable[..., tuple[Any, Any]], shared: tuple[Any, ...], own: Sequence[Any] | None
    ) -> list[Future[Any]]:
        """Submit one step a shard, each task its shard's new handle; the futures of their results, in shard order."""
        skipped = _ROUNDS.get(getattr(step, "__name__", ""))
        if skipped is not None:
            self.steps += 1
            if self.steps > skipped:
                self.rounds += 1
                self.say(f"{self.label}: round {self.rounds}")
        # The handles before are let go of here: their data is dropped once the new steps have run.
        self.held = self._submit(_step, step, shared=shared, own=own)
        return self.taken(0)

    def taken(self, item: int) -> list[Future[Any]]:
        """Item ``item`` of each shard's handle, a :class:`Stepped` (0: its result, 1: its state), taken in place."""
        submit = self.client.submit
        return [
            submit(operator.getitem, held, item, pure=False, workers=where, allow_other_workers=where is not None)
            for held, where in zip(self.held, self.where, strict=True)
        ]
