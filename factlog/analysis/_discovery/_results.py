"""What truth discovery takes in and gives back: votes, parameters, and typed results.

A :class:`Vote` says that one *source* asserts one *answer* to one *question*, with a
weight in ``(0, 1]``. The answers of one question exclude each other. Every method
returns a :class:`Discovery`: for each question the probability of each answer and the
winners (a k-way tie is reported, never broken), for each source what the method
learned about it (accuracy or trust, and how many claims that rests on), and, for
AccuCopy, the pairs of sources found to depend on each other.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping, Sequence
from typing import SupportsIndex

import attrs

__all__ = [
    "AccuCopyParams",
    "AccuVoteParams",
    "Dependence",
    "Discovery",
    "QuestionResult",
    "Similarity",
    "SourceTrust",
    "TruthFinderParams",
    "pair_budget",
    "round_limit",
    "Vote",
]

Similarity = Callable[[str, str, str], float]
"""``similarity(question, a, b) -> [0, 1]``: how much answer ``a`` supports answer ``b``."""


def _weight(instance: object, _attribute: attrs.Attribute[float], value: float) -> None:
    if not 0.0 < value <= 1.0:
        raise ValueError(f"vote weight must be in (0, 1], got {value!r} for {instance!r}")


@attrs.frozen
class Vote:
    """One claim: ``source`` asserts ``answer`` for ``question`` with ``weight`` in (0, 1].

    Raises :class:`ValueError` for a weight outside (0, 1] (NaN included).
    """

    question: str
    answer: str
    source: str
    weight: float = attrs.field(default=1.0, validator=_weight)


@attrs.frozen
class QuestionResult:
    """One question's answers: probabilities (sorted by answer, summing to 1), raw scores, winners.

    ``scores`` are the method's own numbers: vote share (majority), the vote count
    C*(v) in nats (AccuVote, AccuCopy), the confidence s*(f) in [0, 1] (TruthFinder).
    ``winners`` holds every answer within 1e-9 (relative) of the top probability.
    """

    question: str
    probabilities: Mapping[str, float]
    scores: Mapping[str, float]
    winners: tuple[str, ...]

    @property
    def tie(self) -> bool:
        """Whether several answers share the top probability (the tie is not broken)."""
        return len(self.winners) > 1


@attrs.frozen
class SourceTrust:
    """What a method learned about one source: accuracy (TruthFinder: trust) in [0, 1].

    ``claims`` is how many distinct votes it rests on (on questions another source
    answers too: a claim nobody else speaks to teaches nothing); ``weight`` their
    summed weight; ``name`` the source's name as the claim set gives it ("" when not
    looked up: the id stands for it). The name is how the source is shown, not what was
    learned: it takes no part in equality, nor in the JSON.
    """

    source: str
    accuracy: float
    claims: int
    weight: float
    name: str = attrs.field(default="", kw_only=True, eq=False)

    def named(self, name: Callable[[str], str]) -> SourceTrust:
        """The same trust, named by ``name`` (a source id to its name); raises what ``name`` raises."""
        return attrs.evolve(self, name=name(self.source))


@attrs.frozen
class Dependence:
    """Copying between two sources (``source_a < source_b``), with the evidence for it.

    ``probability`` is the posterior Pr(a→b) + Pr(b→a) (1 when declared); counts are
    over the questions both answer: ``shared_items`` both answer, ``agreeing_items`` on
    which they give at least one identical value, ``same_values`` both give,
    ``unique_values`` both give and nobody else does, ``false_values`` both give that
    are not among the winners.
    """

    source_a: str
    source_b: str
    probability: float
    a_copies_b: float
    b_copies_a: float
    declared: bool
    shared_items: int
    same_values: int
    unique_values: int
    false_values: int
    agreeing_items: int = 0

    @property
    def agreement(self) -> float:
        """The share of shared items on which the two give an identical value (0 if none)."""
        return self.agreeing_items / self.shared_items if self.shared_items else 0.0

    @property
    def copier(self) -> str:
        """The source more likely to copy (``source_b`` when the direction is even)."""
        return self.source_a if self.a_copies_b > self.b_copies_a else self.source_b

    @property
    def original(self) -> str:
        """The source more likely copied."""
        return self.source_b if self.copier == self.source_a else self.source_a

    @property
    def direction_known(self) -> bool:
        """Whether one direction of copying is clearly (by 10 % of the posterior) the likelier."""
        return self.declared or abs(self.a_copies_b - self.b_copies_a) >= 0.1 * self.probability


@attrs.frozen
class Discovery:
    """The outcome of one truth-discovery run.

    ``method`` is ``majority``, ``accuvote``, ``accucopy`` or ``truthfinder``;
    ``questions`` and ``sources`` are sorted by name; ``dependences`` (AccuCopy, and
    declared copies) are sorted by decreasing probability, then names; ``rounds`` is
    the number of iterations (1 for majority); ``converged`` whether the stopping
    rule was met before the round limit (AccuCopy may oscillate: then False);
    ``provider_limit`` (AccuCopy) the most sources a value copy detection used may have,
    when a budget of pairs left the others out (:class:`AccuCopyParams`; 0 when it left
    out every value), else None.
    """

    method: str
    questions: Mapping[str, QuestionResult]
    sources: Mapping[str, SourceTrust]
    dependences: Sequence[Dependence]
    rounds: int
    converged: bool
    provider_limit: int | None = None

    def winners(self) -> dict[str, tuple[str, ...]]:
        """Question → winning answer(s); more than one is a tie."""
        return {question: result.winners for question, result in self.questions.items()}


def _open_unit(_instance: object, attribute: attrs.Attribute[float], value: float) -> None:
    if not 0.0 < value < 1.0:
        raise ValueError(f"{attribute.name} must be in (0, 1), got {value!r}")


def _at_least_one(_instance: object, attribute: attrs.Attribute[float], value: float) -> None:
    if not value >= 1:
        raise ValueError(f"{attribute.name} must be at least 1, got {value!r}")


MAX_PAIRS: int | None = 50_000_000
"""The default of :attr:`AccuCopyParams.max_pairs`: about 3 GB of pairs of sources (see there)."""


def pair_budget(value: object) -> int | None:
    """``value`` as a budget of pairs: any whole number 0 or more (a numpy integer too) as an ``int``, or None.

    Raises :class:`ValueError` for anything else (a bool, a float, a negative number).
    """
    if value is None:
        return None
    if not isinstance(value, bool) and isinstance(value, SupportsIndex):
        whole = operator.index(value)
        if whole >= 0:
            return whole
    raise ValueError(f"max_pairs must be a whole number of pairs, 0 or more, or None; got {value!r}")


MAX_ROUNDS = 200
"""The default of :attr:`AccuVoteParams.max_rounds` and :attr:`TruthFinderParams.max_rounds`: a guard, not a goal.

A factlog choice, the assessment's and the check ``undeclared_copying``'s. With the rounds
extrapolated (the assessment's default) AccuCopy settles the generated sets of 20,000,
100,000 and 300,000 claims in 78, 95 and 55 rounds; plainly, in 99, 125 and 98
(``benchmarks/RESULTS.md``, "AccuCopy's copy model with each question's false values").
"""


def round_limit(value: object) -> int:
    """``value`` as a limit of rounds: any whole number 1 or more (a numpy integer too) as an ``int``.

    Raises :class:`ValueError` for anything else (a bool, a float, a str, 0, a negative number).
    """
    if not isinstance(value, bool) and isinstance(value, SupportsIndex):
        whole = operator.index(value)
        if whole >= 1:
            return whole
    raise ValueError(f"max_rounds must be a whole number of rounds, 1 or more; got {value!r}")


@attrs.frozen
class AccuVoteParams:
    """AccuVote's parameters (Dong, Berti-Équille & Srivastava, PVLDB 2(1), 2009).

    ``n_false``: n, false values per object (uniform false values), 100;
    ``initial_accuracy``: A(S) before round one, 1 − ε with ε = 0.2;
    ``epsilon``: stop when no accuracy or probability moves by this much (a factlog
    choice, stricter than the 0.001 change of cosine similarity DAFNA-EA uses);
    ``max_rounds``: the most rounds, a guard against oscillation and slow settling
    (:data:`MAX_ROUNDS`, any whole number 1 or more: :func:`round_limit`); a run that
    reaches it stops unsettled (``converged`` False);
    ``prior_strength``: k, pseudo-claims a source's prior accuracy is worth (a Beta
    prior, a factlog choice): A = (k·prior + Σ w·P(v)) / (k + Σ w);
    ``accuracy_bounds``: a numerical clamp (not in the paper) so A'(S) stays finite;
    ``similarity_weight``: ρ of C*(v) = C(v) + ρ·Σ sim(v'→v)·C(v'), TruthFinder's 0.5;
    ``extrapolate``: where the rounds' steps line up (one slow mode), jump ahead along
    them (:mod:`._extrapolate`: Aitken's δ², projective integration), which reaches the
    plain rounds' fixed point in fewer rounds (at a million generated claims, the
    ``undeclared_copying`` run in 123 rather than 216); off by default. A run over
    shards (:func:`~._learn.learn`) jumps as one process does, to the same floats.
    n = 100, A = 0.8 and ρ = 0.5 are the values of the public reimplementation DAFNA-EA
    (Waguih & Berti-Équille, github daqcri/DAFNA-EA: ``n = 100``, ``startingTrust =
    0.8``, ρ "as set in the paper TruthFinder"); docs/assessment.md lists each constant
    with where it was checked.
    Raises :class:`ValueError` for values out of range.
    """

    n_false: float = attrs.field(default=100.0, validator=_at_least_one)
    initial_accuracy: float = attrs.field(default=0.8, validator=_open_unit)
    epsilon: float = 1e-6
    max_rounds: int = attrs.field(default=MAX_ROUNDS, converter=round_limit)
    prior_strength: float = 5.0
    accuracy_bounds: tuple[float, float] = (0.01, 0.99)
    similarity_weight: float = 0.5
    extrapolate: bool = False

    def __attrs_post_init__(self) -> None:
        low, high = self.accuracy_bounds
        if not 0.0 < low < high < 1.0:
            raise ValueError(f"accuracy_bounds must satisfy 0 < low < high < 1, got {self.accuracy_bounds!r}")


@attrs.frozen
class AccuCopyParams:
    """AccuCopy's dependence model (Dong et al., PVLDB 2009).

    ``alpha``: prior probability that two sources depend, 0.2: independence 1 − α =
    0.8, and α/2 for each direction, as in the authors' own code that DAFNA-EA keeps
    (``aprioriIndependenceProbability`` 0.8, ``(1 − it) / 2`` per direction; DAFNA-EA's
    rewrite gives α to each direction instead); ``copy_rate``: c, the chance a copier
    copies a given value, 0.8 (DAFNA-EA's ``c = 0.8``); ``report_threshold``:
    posteriors at or above it are reported.

    ``max_pairs``: the most pairs of sources copy detection weighs, counted as
    Σ m(m − 1)/2 over the values it uses (m the value's providers), or None for no
    limit. A value given by m sources makes m(m − 1)/2 pairs, so on archives where a
    few propositions are repeated by thousands of sources the pairs grow faster than
    the claims (about 57 bytes a pair in a run). Past the limit, the values given by
    the most sources leave copy detection first, as few as need to (:func:`provider_limit`):
    they make no pair, are neither shared nor differing evidence for any pair, and
    their votes are counted undiscounted, as AccuVote counts them. A value most
    sources give says little about copying (a shared true value moves a pair's
    log-odds by ln(c/A + 1 − c), about 0.18 at A = 0.8). Li, Dong, Lyons, Meng &
    Srivastava ("Scaling up copy detection", ICDE 2015) scale copy detection the same
    way round: shared values are weighed in the order of what they can contribute, and
    what cannot change the conclusion is pruned. 50 million (about 3 GB) is a factlog
    choice: every set measured up to a million claims stays within it, and so runs
    the exact model; on the Book data set, a limit that leaves out the values of more
    than 24 stores keeps the accuracy on the gold books, though 16 to 32 of the 1,263
    books get another answer (``benchmarks/RESULTS.md``, ``docs/assessment.md``).
    Any whole number is taken (a numpy integer becomes the ``int`` it equals,
    :func:`pair_budget`); a bool, a float or a negative number raises :class:`ValueError`.
    """

    alpha: float = attrs.field(default=0.2, validator=_open_unit)
    copy_rate: float = attrs.field(default=0.8, validator=_open_unit)
    report_threshold: float = 0.5
    max_pairs: int | None = attrs.field(default=MAX_PAIRS, converter=pair_budget)


@attrs.frozen
class TruthFinderParams:
    """TruthFinder's parameters (Yin, Han & Yu, KDD 2007; TKDE 20(6), 2008).

    ``initial_trust`` t0 = 0.9, dampening ``gamma`` γ = 0.3, influence ``rho`` ρ = 0.5,
    ``base_sim`` 0.5 (imp(f'→f) = sim − base_sim: unrelated facts count against each
    other), stop when 1 − cos(t_prev, t) < ``delta`` = 0.001; ``prior_strength`` as in
    AccuVote; ``max_trust`` a clamp so τ = −ln(1 − t) stays finite. t0, γ, ρ and the
    cosine test at 0.001 are the defaults of the reimplementation joesingo/truthdiscovery
    ("as described in the paper"); ρ and base_sim = 0.5 those of DAFNA-EA ("as set in
    the paper TruthFinder"). ``max_rounds`` as for :class:`AccuVoteParams`.
    """

    initial_trust: float = attrs.field(default=0.9, validator=_open_unit)
    gamma: float = 0.3
    rho: float = 0.5
    base_sim: float = 0.5
    delta: float = 0.001
    max_rounds: int = attrs.field(default=MAX_ROUNDS, converter=round_limit)
    prior_strength: float = 5.0
    max_trust: float = 1.0 - 1e-9
