"""The learned assessment on a Dask cluster: truth discovery in rounds of broadcast and reduction.

Each slot partition builds its questions and their votes once (:func:`prepare`) and
keeps them on its worker; the driver of :mod:`factlog.analysis._discovery._learn`
then runs every step of a round on those states, two tasks a partition
(:class:`~factlog.dask._steps.Cluster`): the accuracies go to every worker, each
partition returns per-source exact partial sums and, for AccuCopy, its pairs'
log-likelihoods, and the driver reduces them. At the end each partition weighs its own
questions with what was learned (:func:`conclude`). The arithmetic is
the single process's, so are the floats: the assessment is equal to
:func:`factlog.assess`'s, object for object.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from dask.delayed import Delayed
from distributed import Client, Future, as_completed

from factlog.analysis._dependence import Groups, seed
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
from factlog.dask._steps import Cluster, Stepped, _Sent, given, state_of
from factlog.io._arguments import silent
from factlog.model._dates import PartialDate

__all__ = ["assessed_in_rounds", "conclude", "concluded", "gathered", "learned", "prepare"]


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
    dependent: Groups = (),
) -> tuple[list[Question], Part]:
    """Partition ``number`` of the ``slot`` pass: its questions, and their votes as a shard's :class:`Part`.

    A :class:`Stepped` (the questions its result, the part its state): on a cluster the
    run's first state is read from this task's own result.
    """
    claims = known_by(_part(small, buckets)[0], as_of)
    view = seed(_view(Index.of(claims), "slot", number, partitions, validate=False), dependent)
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
