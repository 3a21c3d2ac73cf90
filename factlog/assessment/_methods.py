"""How votes become beliefs: the truth-discovery methods over every question at once.

The votes of every question go to one method of :mod:`factlog.analysis._discovery`,
so what it learns about a source on one question counts on the others. A *source* is
an independent origin's speaker (:mod:`factlog.analysis._origins`): the holder, or
the party it speaks for, with relays and declared copies (``derived_from``) already
folded into one origin. Copying that nobody declared is what AccuCopy looks for.

* ``accucopy`` (the default): AccuVote plus copy detection (Dong, Berti-Équille &
  Srivastava, PVLDB 2009): learns each source's accuracy and which sources repeat
  which, and discounts repeaters' votes;
* ``accuvote``: the same without copy detection: learns accuracies only;
* ``majority``: the plain count of claims, whoever holds them, nothing learned: the
  baseline that shows what independence buys (no sources are reported);
* ``truthfinder``: TruthFinder (Yin, Han & Yu, KDD 2007): learns trust; its beliefs
  are its own fact confidences s*(f).

The Admiralty grade of a source's holder is its prior accuracy
(:attr:`~factlog.model.Reliability.prior`), worth five claims; a source that speaks
through holders of different grades gets the mean of those grades' priors (each grade
once: neither the order of the claims nor a repeated claim moves it). A yes/no question has
one false value; a slot's values compete with the 100 values nobody gave (the
paper's n), so one unopposed vote is not certainty.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet

import attrs

from factlog.analysis._discovery import (
    MAX_PAIRS,
    MAX_ROUNDS,
    AccuCopyParams,
    AccuVoteParams,
    Discovery,
    QuestionResult,
    Support,
    TruthFinderParams,
    Vote,
    accu_copy,
    accu_vote,
    majority,
    truth_finder,
)
from factlog.assessment._questions import Question
from factlog.errors import ArgumentError
from factlog.model._nouns import Object

__all__ = [
    "DEFAULT_METHOD",
    "EXTRAPOLATE",
    "EXTRAPOLATING_METHODS",
    "METHODS",
    "ROUNDS_METHODS",
    "SLOT_FALSE_VALUES",
    "ValueSimilarity",
    "belief",
    "beliefs",
    "discover",
    "grades",
    "prior_means",
    "question_name",
    "run",
    "votes_of",
]

ValueSimilarity = Callable[[Object, Object], float]
"""``similarity(a, b) -> [0, 1]``: how much a slot's value ``a`` supports its value ``b`` (AccuSim, TruthFinder)."""

METHODS = ("accucopy", "accuvote", "majority", "truthfinder")
DEFAULT_METHOD = "accucopy"
EXTRAPOLATE = True
"""Whether AccuVote's and AccuCopy's rounds are extrapolated by default (:attr:`AccuVoteParams.extrapolate`)."""
ROUNDS_METHODS = frozenset({"accucopy", "accuvote", "truthfinder"})
"""The methods that run rounds and so obey a limit of rounds (``max_rounds``); ``majority`` counts once."""
EXTRAPOLATING_METHODS = frozenset({"accucopy", "accuvote"})
"""The methods whose rounds can be extrapolated (``extrapolate``); TruthFinder's rounds are always plain."""
SLOT_FALSE_VALUES = 100
"""n, the false values a functional slot's domain holds (Dong et al. 2009 use 100)."""


def question_name(number: int) -> str:
    return f"{number:09d}"


def discover(
    questions: Sequence[Question],
    method: str = DEFAULT_METHOD,
    similarity: ValueSimilarity | None = None,
    *,
    max_pairs: int | None = MAX_PAIRS,
    max_rounds: int = MAX_ROUNDS,
    extrapolate: bool = EXTRAPOLATE,
) -> Discovery:
    """Run one method over the current, committed votes of every question.

    ``similarity`` (see :data:`ValueSimilarity`) lets the values of a functional slot
    support each other: C*(v) = C(v) + ρ·Σ sim(v′→v)·C(v′) (AccuVote, AccuCopy) and
    TruthFinder's own adjustment; ``majority`` ignores it. It is called once for each
    ordered pair of different values of a slot (k values: k(k − 1) calls).
    Raises :class:`~factlog.errors.ArgumentError` for an unknown method, and
    :class:`ValueError` for a similarity outside [0, 1].
    """
    if method not in METHODS:
        raise ArgumentError(f"unknown method {method!r}: expected one of {', '.join(METHODS)}")
    graded, domains = grades(questions)
    priors = prior_means(graded)
    support = _support(questions, similarity) if similarity is not None else None
    votes = votes_of(questions, method)  # a generator: each method indexes the votes in one pass, never all held
    return run(
        method, votes, priors, domains, support, max_pairs=max_pairs, max_rounds=max_rounds, extrapolate=extrapolate
    )


def run(
    method: str,
    votes: Iterable[Vote],
    priors: dict[str, float],
    domains: dict[str, float],
    support: Support | None,
    *,
    max_pairs: int | None = MAX_PAIRS,
    max_rounds: int = MAX_ROUNDS,
    extrapolate: bool = EXTRAPOLATE,
) -> Discovery:
    """One method over votes (see :func:`discover`): ``priors`` by source, ``domains`` (false values) by question.

    ``max_pairs``: AccuCopy's budget of pairs of sources (:class:`AccuCopyParams`);
    ``max_rounds``: the learning methods' limit of rounds (:class:`AccuVoteParams`,
    :class:`TruthFinderParams`); ``extrapolate``: AccuVote's and AccuCopy's rounds jump
    ahead along a slow mode to the fixed point the plain rounds reach (:class:`AccuVoteParams`,
    ``docs/assessment.md``); ``majority`` counts once and takes none of them, TruthFinder
    takes no ``extrapolate``.
    """
    if method == "majority":
        return attrs.evolve(majority(votes), sources={})
    if method == "truthfinder":
        return truth_finder(votes, priors=priors, support=support, params=TruthFinderParams(max_rounds=max_rounds))
    params = AccuVoteParams(max_rounds=max_rounds, extrapolate=extrapolate)
    if method == "accuvote":
        return accu_vote(votes, priors=priors, domains=domains, support=support, params=params)
    copy = AccuCopyParams(max_pairs=max_pairs)
    return accu_copy(votes, priors=priors, domains=domains, support=support, params=params, copy=copy)


def grades(questions: Sequence[Question]) -> tuple[dict[str, set[float]], dict[str, float]]:
    """Speaker → the priors of its votes' holders' grades (each once); question name → its false values n."""
    graded: dict[str, set[float]] = {}
    domains: dict[str, float] = {}
    for number, question in enumerate(questions):
        domains[question_name(number)] = 1 if question.slot is None else SLOT_FALSE_VALUES
        for vote in question.votes:
            if vote.current and vote.weight > 0:
                graded.setdefault(vote.origin.speaks_for, set()).add(vote.origin.reliability.prior)
    return graded, domains


def prior_means(graded: Mapping[str, AbstractSet[float]]) -> dict[str, float]:
    """Speaker → the mean of its grades' priors: its prior accuracy (the same however the grades were gathered)."""
    return {speaker: math.fsum(found) / len(found) for speaker, found in graded.items()}


def _support(questions: Sequence[Question], similarity: ValueSimilarity) -> Support:
    """The similarity of every ordered pair of different values of each slot, as truth discovery takes it."""
    found: dict[tuple[str, str], list[tuple[str, float]]] = {}
    for number, question in enumerate(questions):
        if question.slot is None:
            continue
        for b in question.candidates:
            for a in question.candidates:
                if a != b:
                    value_a, value_b = question.values[a], question.values[b]
                    assert value_a is not None
                    assert value_b is not None
                    score = similarity(value_a, value_b)
                    if score:
                        found.setdefault((question_name(number), b), []).append((a, score))
    return found


def votes_of(questions: Sequence[Question], method: str) -> Iterator[Vote]:
    """The current, committed votes of every question, as truth discovery takes them."""
    for number, question in enumerate(questions):
        name = question_name(number)
        for number_in_question, vote in enumerate(question.votes):
            if vote.current and vote.weight > 0:
                # majority counts every claim: each is its own "source".
                source = f"{name}/{number_in_question}" if method == "majority" else vote.origin.speaks_for
                yield Vote(name, vote.answer, source, min(1.0, vote.weight))


def beliefs(questions: Sequence[Question], discovery: Discovery) -> list[dict[str, float]]:
    """Each candidate's belief in [0, 1]: the probability that the truth is compatible with it.

    For AccuVote, AccuCopy and majority, the sum of the probabilities of the candidate
    and of the candidates compatible with it (another precision of one date); for
    TruthFinder its own confidence s*(f), the highest among those (1 − s* of its
    denial when nobody affirms it). An answer nobody voted for shares what the values
    nobody gave are left; a question with no vote gives each candidate 1/(n + 1), n
    its false values.
    """
    return [
        belief(question, discovery.questions.get(question_name(number)), discovery.method)
        for number, question in enumerate(questions)
    ]


def belief(question: Question, result: QuestionResult | None, method: str) -> dict[str, float]:
    """One question's beliefs (see :func:`beliefs`) from what ``method`` found for it (None: no vote)."""
    size = 1 if question.slot is None else SLOT_FALSE_VALUES
    mine: dict[str, float] = {}
    if result is None:
        return dict.fromkeys(question.candidates, 1 / (size + 1))
    # An answer nobody voted for is one of the values nobody gave: it shares what they left.
    unvoted = max(1, size + 1 - len(result.probabilities))
    left = max(0.0, 1.0 - math.fsum(result.probabilities.values())) / unvoted
    if question.layout is None:  # yes/no: "yes" has no compatible others
        for answer in question.candidates:
            if method == "truthfinder":
                mine[answer] = result.scores.get(answer, 1.0 - result.scores.get("no", 0.5))
            else:
                mine[answer] = min(1.0, result.probabilities.get(answer, left))
        return mine
    names = question.layout.names
    if method == "truthfinder":
        # max over compatible candidates = −(least of the negated scores)
        least = question.layout.friend_least({i: -result.scores[n] for i, n in enumerate(names) if n in result.scores})
        for name, best in zip(names, least, strict=True):
            mine[name] = -best if best is not None else 1.0 - result.scores.get(f"not:{name}", 0.5)
        return mine
    sums = question.layout.friend_sums([result.probabilities.get(name, left) for name in names])
    return {name: min(1.0, total) for name, total in zip(names, sums, strict=True)}
