"""How much to believe each competing value: three methods over the same votes.

A *question* is one proposition at one time (true or false), or one functional slot
(which value?). Each *vote* says which answer it supports, from which origin, through
which source, with what weight. The methods:

* ``accuvote`` (the default): a Bayesian vote over **independent origins**, in the
  spirit of AccuVote (Dong, Berti-Équille & Srivastava 2009). Each origin votes once,
  with the log-odds of its holder's prior accuracy (Admiralty reliability), scaled by
  the certainty it expressed and discounted when the holder is an interested party.
  Copies and relays of one origin add nothing.
* ``majority``: every claim counts once, whoever holds it: the naive count.
* ``truthfinder``: TruthFinder (Yin, Han & Yu 2007): source trustworthiness and fact
  confidence computed from each other until they settle; sources are the documents'
  publishers, taken as independent.

The two baselines are here so users and benchmarks can see what independence buys:
when one origin is echoed by many copiers they follow the echo.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping, Sequence

import attrs

from factlog.errors import ArgumentError

__all__ = ["METHODS", "Question", "Vote", "beliefs"]

METHODS = ("accuvote", "majority", "truthfinder")


@attrs.frozen
class Vote:
    """One claim's vote: the answer it supports, its origin, source, and weight."""

    answer: str
    origin: str
    source: str
    weight: float


@attrs.frozen
class Question:
    """Answers that compete, which ones exclude which, and the votes for them.

    ``rivals[a]`` are the answers that cannot be true together with ``a``; an answer
    with no rival is weighed against the unknown alternatives (a pseudo-count of one).
    """

    answers: tuple[str, ...]
    rivals: Mapping[str, tuple[str, ...]]
    votes: tuple[Vote, ...]


def beliefs(questions: Sequence[Question], method: str = "accuvote") -> list[dict[str, float]]:
    """A belief in [0, 1] for each answer of each question."""
    if method == "accuvote":
        return [_accuvote(question) for question in questions]
    if method == "majority":
        return [_majority(question) for question in questions]
    if method == "truthfinder":
        return _truthfinder(questions)
    raise ArgumentError(f"unknown method {method!r}: expected one of {', '.join(METHODS)}")


def _share(scores: Mapping[str, float], answer: str, rivals: Sequence[str]) -> float:
    """exp(s) against the unknown (1) and each rival's evidence above the baseline."""
    own = math.exp(min(scores.get(answer, 0.0), 50.0))
    against = 1.0 + sum(math.exp(min(scores.get(rival, 0.0), 50.0)) - 1.0 for rival in rivals)
    return own / (own + max(against, 1e-12))


def _accuvote(question: Question) -> dict[str, float]:
    # One vote per origin and answer: the strongest of its claims.
    strongest: dict[tuple[str, str], float] = {}
    for vote in question.votes:
        key = (vote.origin, vote.answer)
        strongest[key] = max(strongest.get(key, 0.0), vote.weight)
    scores: dict[str, float] = defaultdict(float)
    for (_, answer), weight in strongest.items():
        scores[answer] += weight
    return {answer: _share(scores, answer, question.rivals.get(answer, ())) for answer in question.answers}


def _majority(question: Question) -> dict[str, float]:
    counts: dict[str, int] = defaultdict(int)
    for vote in question.votes:
        counts[vote.answer] += 1
    result = {}
    for answer in question.answers:
        total = counts[answer] + sum(counts[rival] for rival in question.rivals.get(answer, ()))
        result[answer] = counts[answer] / total if total else 0.5
    return result


def _truthfinder(questions: Sequence[Question], rounds: int = 10) -> list[dict[str, float]]:
    """Trust of sources and confidence of answers, computed from each other over all questions."""
    gamma, initial, dampen = 0.3, 0.9, 0.5
    trust: dict[str, float] = {vote.source: initial for q in questions for vote in q.votes}
    supporters = [_supporters(question) for question in questions]
    confidence: list[dict[str, float]] = []
    for _ in range(rounds):
        confidence = []
        claimed: dict[str, list[float]] = defaultdict(list)
        for question, by_answer in zip(questions, supporters, strict=True):
            score = {
                answer: sum(-math.log(1 - min(trust[source], 0.999)) for source in by_answer.get(answer, ()))
                for answer in question.answers
            }
            # Conflicting answers count against each other (TruthFinder's implication).
            adjusted = {
                answer: score[answer] - dampen * sum(score.get(rival, 0.0) for rival in question.rivals.get(answer, ()))
                for answer in question.answers
            }
            found = {answer: 1 / (1 + math.exp(-gamma * value)) for answer, value in adjusted.items()}
            confidence.append(found)
            for answer, sources in by_answer.items():
                for source in sources:
                    claimed[source].append(found.get(answer, 0.5))
        trust = {source: sum(values) / len(values) for source, values in claimed.items()}
    return confidence


def _supporters(question: Question) -> dict[str, set[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for vote in question.votes:
        found[vote.answer].add(vote.source)
    return found
