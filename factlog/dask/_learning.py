"""The learned assessment on a Dask cluster: truth discovery in rounds of broadcast and reduction.

Each slot partition builds its questions and their votes once (:func:`prepare`) and
keeps them on its worker; the driver of :mod:`factlog.analysis._discovery._learn`
then runs every step of a round as two tasks per partition on those states (the step,
which is the handle of the state it makes, and one that takes its result out): the
accuracies go to every worker, each partition returns per-source exact partial sums
and, for AccuCopy, its pairs' log-likelihoods, and the driver reduces them. At the end each partition
weighs its own questions with what was learned (:func:`conclude`). The arithmetic is
the single process's, so are the floats: the assessment is equal to
:func:`factlog.assess`'s, object for object.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterator, Sequence
from typing import Any, NamedTuple

import attrs
from dask.delayed import Delayed
from distributed import Client, Future, as_completed, wait

from factlog.analysis._discovery import (
    MAX_PAIRS,
    MAX_ROUNDS,
    AccuCopyParams,
    AccuVoteParams,
    Discovery,
    TruthFinderParams,
)
from factlog.analysis._discovery._learn import Learned, Local, learn
from factlog.analysis._discovery._shard import OrderKey, Part, Shard
from factlog.analysis._index import Index
from factlog.assessment._assessment import PropositionAssessment, judged, known_by, weight
from factlog.assessment._methods import EXTRAPOLATE, beliefs, grades, votes_of
from factlog.assessment._questions import Question, questions
from factlog.assessment._spooled import LinesAssessment
from factlog.assessment._spooling import Pickled, Spooler, pickled, sort_key
from factlog.dask._passes import Bucket, _part, _view
from factlog.errors import ClusterError
from factlog.io._arguments import silent
from factlog.model._dates import PartialDate

__all__ = [
    "Cluster",
    "Stepped",
    "assessed_in_rounds",
    "conclude",
    "concluded",
    "gathered",
    "given",
    "learned",
    "prepare",
    "state_of",
]


class Stepped(NamedTuple):
    """A shard after a step: what the step returned, and the shard's new state.

    On a cluster a step's task is the handle of the state it made: the next step reads
    the state from it (:func:`state_of`), so a step is two tasks a shard (the step, and
    one that takes its result), not three. :func:`prepare` makes the run's first.
    """

    result: Any
    state: Any


def state_of(held: Any) -> Any:
    """The shard's state a handle holds: a :class:`Stepped`'s, or the handle itself (a state not yet stepped)."""
    return held.state if isinstance(held, Stepped) else held


def _order(view: Index, found: Sequence[Question]) -> list[OrderKey]:
    """Each question's place in the whole set's question order.

    :func:`~factlog.assessment._questions.questions` yields the yes/no questions, then
    the slots', each key's (or slot's) in the order its first reading was indexed: by
    the claim's id (:func:`~factlog.assessment._assessment.known_by`), then the
    reading's number within the claim (a claim with several objects or a pattern reads
    several propositions); a key's time groups follow in turn. Every claim of a key
    lies in one partition, so the same first reading is found here.
    """
    keys: list[OrderKey] = []
    seen: dict[tuple[int, str, int], int] = {}
    for question in found:
        entry = question.entries[0]
        if question.slot is None:
            assert entry.key is not None
            first = view.by_key[entry.key][0]
            head = (0, first.id, first.part)
        else:
            proposition = entry.proposition
            assert proposition is not None
            first = view.by_slot[(proposition.subject, proposition.predicate, proposition.qualifiers)][0]
            head = (1, first.id, first.part)
        turn = seen.get(head, 0)
        seen[head] = turn + 1
        keys.append((*head, turn))
    return keys


def prepare(
    small: Any,
    as_of: PartialDate | None,
    method: str,
    number: int,
    partitions: int,
    *buckets: Bucket,
    explain: bool = True,  # noqa: ARG001 - the signature of assess_partition: weighing comes later (conclude)
) -> tuple[list[Question], Part]:
    """Partition ``number`` of the ``slot`` pass: its questions, and their votes as a shard's :class:`Part`.

    A :class:`Stepped` (the questions its result, the part its state): on a cluster the
    run's first state is read from this task's own result.
    """
    claims = known_by(_part(small, buckets)[0], as_of)
    view = _view(Index.of(claims), "slot", number, partitions, validate=False)
    found = list(questions(view, weight))
    graded, domains = grades(found)
    order = dict(zip(domains, _order(view, found), strict=True))  # domains: every question's name, in order
    votes = tuple(votes_of(found, method))
    return Stepped(
        found, Part(votes, {speaker: frozenset(priors) for speaker, priors in graded.items()}, domains, order)
    )


def conclude(
    found: list[Question], shard: Shard, method: str, learned: Learned, *, explain: bool = True
) -> list[PropositionAssessment]:
    """The partition's assessments, unsorted: its questions' beliefs, weighed with what the run learned."""
    discovery = Discovery(method, shard.results, {}, (), learned.rounds, learned.converged)
    results = beliefs(found, discovery)
    summary = (tuple(learned.sources.values()), learned.dependences, learned.rounds, learned.converged, learned.limit)
    return judged(found, results, summary, explain=explain)


def learned(
    runner: Local | Cluster,
    method: str,
    max_pairs: int | None = MAX_PAIRS,
    max_rounds: int = MAX_ROUNDS,
    extrapolate: bool = EXTRAPOLATE,
) -> Learned:
    """A learning method over the runner's :class:`Part` states, with the parameters :func:`factlog.assess` uses.

    Extrapolated (``extrapolate``), the jumps are those of one process, to the same floats (:func:`learn`).
    """
    copy = AccuCopyParams(max_pairs=max_pairs) if method == "accucopy" else None
    truth = TruthFinderParams(max_rounds=max_rounds) if method == "truthfinder" else None
    params = AccuVoteParams(max_rounds=max_rounds, extrapolate=extrapolate)
    return learn(runner, method, params=params, copy=copy, truth=truth)


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
    out, to be gathered. Once a step has run, the driver lets go of the handle before
    it, so the scheduler forgets each finished step; a step's result stays on its worker
    beside the state it made until the next step has run.

    Each shard's tasks are pinned to the worker its state was built on: the scheduler
    sizes a state by its shallow size, so it would otherwise move whole indexes between
    workers to balance the load, every round. The pin is loose: a shard whose worker died
    is computed again, from its first state, on a worker the cluster still has. Raises the
    error of a task that was to build a state (a :class:`~factlog.ConflictError` for a
    claim id in two files). ``states``: the futures of the shards' first states, or of a
    :class:`Stepped` holding each (as :func:`prepare` makes). ``say`` is told each round
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
        # The handles before are let go of here: each step's task is forgotten once the next has run.
        self.held = self._submit(_step, step, shared=shared, own=own)
        return self.taken(0)

    def taken(self, item: int) -> list[Future[Any]]:
        """Item ``item`` of each shard's handle, a :class:`Stepped` (0: its result, 1: its state), taken in place."""
        submit = self.client.submit
        return [
            submit(operator.getitem, held, item, pure=False, workers=where, allow_other_workers=where is not None)
            for held, where in zip(self.held, self.where, strict=True)
        ]


def assessed_in_rounds(
    client: Client | None,
    compute: Callable[[list[Delayed]], list[Any]],
    tasks: list[Delayed],
    method: str,
    when: PartialDate | None,
    *,
    claim_count: int | None = None,
    explain: bool = True,
    max_pairs: int | None = MAX_PAIRS,
    max_rounds: int = MAX_ROUNDS,
    extrapolate: bool = EXTRAPOLATE,
    say: Callable[[str], None] = silent,
) -> LinesAssessment:
    """The learning methods: each partition's questions stay where :func:`prepare` builds them; rounds, then weighing.

    Without a client the partitions are computed by ``compute`` (the synchronous
    scheduler) and stepped in this process; with one, their states stay on the workers,
    and each partition's assessments come back pickled (:func:`concluded`), gathered a
    partition at a time into the temporary file of the result (:class:`Spooler`); ``say``
    is told each round as it begins.
    """
    spooler = Spooler("factlog.dask.assess")
    try:
        if client is None:
            prepared = compute(tasks)
            runner = Local(part for _, part in prepared)
            found = learned(runner, method, max_pairs, max_rounds, extrapolate)
            for number, ((mine, _), shard) in enumerate(zip(prepared, runner.states, strict=True)):
                for rank, item in enumerate(conclude(mine, shard, method, found, explain=explain)):
                    spooler.add(item, sort_key(item, number, rank))
            del prepared, runner
        else:
            # Each partition's task is the handle of its first state, and its result the partition's questions.
            cluster = Cluster(client, client.compute(tasks), say=say, label=f"learning ({method})")
            mine = cluster.taken(0)  # at the start: the first step lets go of the partition's task, not its questions
            found = learned(cluster, method, max_pairs, max_rounds, extrapolate)
            say("weighing the propositions")
            sent = client.submit(given, _Sent(found), boxed=False, pure=False)  # once, not pickled for every partition
            ends = [
                client.submit(
                    concluded,
                    q,
                    held,
                    method,
                    sent,
                    number,
                    explain=explain,
                    pure=False,
                    workers=where,
                    allow_other_workers=where is not None,
                )
                for number, (q, held, where) in enumerate(zip(mine, cluster.held, cluster.where, strict=True))
            ]
            del mine, cluster, sent
            gathered(ends, spooler)
        spooled = spooler.spooled()
    except BaseException:
        spooler.close()
        raise
    return LinesAssessment(
        spooled,
        method,
        when,
        tuple(found.sources.values()),
        found.dependences,
        found.rounds,
        found.converged,
        found.limit,
        max_rounds,
        extrapolate,
        claim_count=claim_count,
    )


def concluded(
    found: list[Question], shard: Shard | Stepped, method: str, learned: Learned, number: int, *, explain: bool = True
) -> Pickled:
    """:func:`conclude`, pickled on the worker with each assessment's sort key (partition ``number``).

    ``shard``: the shard, or the last step's :class:`Stepped` that holds it.
    """
    return pickled(conclude(found, state_of(shard), method, learned, explain=explain), number)


def gathered(futures: list[Future[Pickled]], spooler: Spooler) -> None:
    """Each partition's pickled assessments into ``spooler`` as its task ends; each let go of once read.

    The driver holds one partition's bytes at a time, never every assessment as objects.
    """
    pending = as_completed(futures)
    futures.clear()  # each result released on the cluster once read, not when the last is
    for future in pending:
        spooler.extend(future.result())
        del future
