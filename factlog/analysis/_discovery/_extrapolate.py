"""Extrapolation of AccuVote's and AccuCopy's slow mode: the fixed point the plain rounds reach, in fewer rounds.

A large, loosely tied set of votes can take hundreds of rounds to settle although
little moves. At a million generated claims (``undeclared_copying``, issue 19) the
plain iteration crosses three phases: about 60 rounds in which answers flip and the
copying posteriors are learned; then one question's probabilities slide along a fixed
direction (successive steps' cosine 0.9999), slowing to 4·10⁻⁴ a round and speeding up
again as they pass a bottleneck (the ghost of a saddle-node: no fixed point there, only
a slow stretch); then a linear approach to the fixed point, each step 0.89 times the
last, which meets the ε test of 10⁻⁶ at round 216. In the last two phases every step
is nearly a multiple of the one before, so the motion is one-dimensional and can be
taken many steps at a time:

* where each step shrinks by ρ < 1, the steps left sum to ρ/(1 − ρ) times the last:
  Aitken's δ² process (Aitken, Proc. Roy. Soc. Edinburgh 46, 1926) for a vector
  sequence whose differences are collinear, the rank-one case of the vector
  extrapolation methods (Brezinski & Redivo-Zaglia, *Extrapolation Methods*, 1991),
  capped at :data:`MOST` steps;
* where each step grows (ρ > 1, leaving the bottleneck), ``ESCAPE / (ρ − 1)`` steps
  of the last one are taken at once: projective integration (Gear & Kevrekidis, SIAM
  J. Sci. Comput. 24(4), 2003) along the slow direction, a step short enough that the
  speed changes by about half over it.

Only after :data:`STEPS` plain rounds whose steps are pairwise within
:data:`COLLINEAR` in cosine (one mode dominates): while answers flip (successive
steps' cosine about 0.6 at a million claims) nothing is extrapolated, since there the
rounds choose which fixed point is reached. Steps may line up while answers still
change places, so neither is a jump taken after a step longer than :data:`SMALL`, nor
one that would change which answer of a question leads: on random sets of 1,000–1,900
votes such jumps ended at another fixed point. A jump is undone (the rounds go on from
the state before it) when the round after it moves more than the last plain step
(times ρ to the steps jumped, when ρ > 1) *and* turns from its direction by more
than 60°: it overshot the fixed point, or left the path the plain rounds follow. On
a set of 84 random votes a jump out of a bottleneck landed where the rounds led back
to the same bottleneck, for ever: after a jump is undone only shrinking steps are
extrapolated until a jump is kept, each jump at most a quarter as long as the longest
allowed before (twice as long again after a jump kept, up to :data:`MOST` steps: a
trust region), and after :data:`UNDONE` jumps undone none. At a million generated
claims the second jump, into the bottleneck (Aitken's sum where the steps slow down
before it), is undone and the third kept: jumps out of the bottleneck then settle the
run in 123 rounds rather than 163, where growing steps were never jumped again after
an undo (50 plain rounds through the bottleneck). On 10,000 random sets near such
bottlenecks (19,997 runs of AccuVote and AccuCopy), 466 runs took such jumps after an
undo: all within 1.3·10⁻⁴ of the fixed point the plain rounds settle on, with its
leading answers, in 39,565 rounds rather than 51,894 (114 of them took more rounds, at
most 90). The ε test is always that of a plain round, and what the run returns is a
plain round's output.

Anderson acceleration (Walker & Ni, SIAM J. Numer. Anal. 49(4), 2011) from the first
round, tried on the same votes, needs more rounds (134–146 at a million and 300,000
claims) and at a million claims reaches another fixed point (some answers'
probabilities differing by 0.99): it solves for any fixed point, not for the one the
rounds lead to. Figures: ``benchmarks/RESULTS.md``.

The decisions (:class:`Extrapolation`) read scalars only: each step's squared length
and its dot product with the step before it, the round after a jump's dot product
with the jump's direction, and whether any question's lead would change. The vectors
stay where the values are (:class:`Path` in one process, each shard's state in a run
over shards, :mod:`._shard`): a step is ``found − probabilities``, its dot products
are summed there to exact partials (:func:`moved`, :mod:`._exact`) that join to the
``math.fsum`` over every value, and a jump (:func:`jumped`) and its test of the leads
(:func:`leads_change`) are per question, which never crosses shards. Split any way by
question, the decisions see the floats of one process.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from operator import mul, sub

from factlog.analysis._discovery._exact import joined

__all__ = [
    "COLLINEAR",
    "ESCAPE",
    "MOST",
    "SMALL",
    "STEPS",
    "TURNED",
    "UNDONE",
    "Extrapolation",
    "Moved",
    "Path",
    "jumped",
    "leads_change",
    "moved",
]

COLLINEAR = 0.99
"""Successive steps' cosine at or above which one mode is taken to dominate (about 8°)."""
STEPS = 3
"""Plain rounds, their steps pairwise collinear, before a jump (and again after one)."""
MOST = 50.0
"""The most steps of the last one a jump takes (where ρ is near 1 the sum ρ/(1 − ρ) has no bound)."""
ESCAPE = 0.5
"""Where the steps grow by ρ > 1: the jump is ``ESCAPE / (ρ − 1)`` steps, over which the speed grows by about half."""

SMALL = 0.01
"""The longest step (Euclidean, over every value's probability) a jump follows: longer ones move while answers
still change places, where the rounds choose which fixed point is reached (on 1,079 random votes with a
similarity, 51 sources, a jump kept after a step of 0.03 led to another fixed point). At 100,000 generated
claims the jumps taken follow steps of 0.006 and 6·10⁻⁵ (33 rounds, as without the bound; 300,000: 106
rather than 95, the same fixed point)."""

TURNED = 0.5
"""The round after a jump that moves more than the jump's bound and turns from its direction by more than this
cosine (60°) undoes it: it landed off the path the plain rounds follow."""
UNDONE = 5
"""Jumps undone after which a run jumps no more: from then on its rounds are plain."""

Moved = tuple[tuple[float, ...], tuple[float, ...], tuple[float, ...]]
"""Of a round's step, the exact partials (:func:`~._exact.partials`) of its squared length, of its dot product with
the step before it, and of its dot product with the last jump's direction (empty where there is none)."""


class Extrapolation:
    """The jumps of one run, decided from scalars: fed each plain round's step, it says when to jump and how far.

    Every number it reads is a ``math.fsum`` over every value's probability (joined
    from parts: :func:`moved`); where the values are, the caller makes the jump it
    asks for (:func:`jumped`). Deterministic: no hashing.
    """

    def __init__(self) -> None:
        self.steps: list[tuple[float, float]] = []  # (squared length, dot with the step before), the last STEPS
        self.before: tuple[float, float] | None = None  # the last jump's direction's squared length, and bound
        self.jumps = 0
        self.undone = 0
        self.most = MOST  # the most steps a jump may take now: a quarter after a jump undone, twice after one kept
        self.trusted = True  # no jump undone since the last one kept: jumps where the steps grow (ρ ≥ 1) allowed

    def overshot(self, size: float, along: float) -> bool:
        """Whether the round from a jumped state says to undo the jump: ``size`` its step's squared length.

        ``along``: the step's dot product with the jump's direction. True when the
        step is longer than the bound the jump set and turns from the jump's
        direction by more than :data:`TURNED` in cosine; then the next jump may take
        a quarter as many steps, and, kept, twice as many (up to :data:`MOST`). Only
        the round right after a jump is tested.
        """
        if self.before is None:
            return False
        direction, bound = self.before
        self.before = None
        size = math.sqrt(size)
        if size > bound and along < TURNED * size * math.sqrt(direction):
            self.undone += 1
            self.most /= 4.0  # a trust region: what failed is tried again shorter
            self.trusted = False
            self.steps = []
            return True
        self.most = min(MOST, 2.0 * self.most)
        self.trusted = True
        return False

    def ahead(self, size: float, dot: float, leads_change: Callable[[float], bool]) -> float | None:
        """After a plain round: how many of its step to jump ahead (the factor), or None to go on.

        ``size``: the step's squared length; ``dot``: its dot product with the step
        before it; ``leads_change(factor)``: whether the jump ``found + factor·step``
        (:func:`jumped`) would change which answer of some question leads. A factor
        returned is a jump the caller makes.
        """
        self.steps.append((size, dot))
        if len(self.steps) > STEPS:
            del self.steps[0]
        if len(self.steps) < STEPS or self.undone >= UNDONE:
            return None
        for (first_norm, _), (second_norm, between) in zip(self.steps, self.steps[1:], strict=False):
            if first_norm == 0.0 or second_norm == 0.0:
                return None
            if between < COLLINEAR * math.sqrt(first_norm * second_norm):
                return None
        (last_norm, along), (previous_norm, _) = self.steps[-1], self.steps[-2]
        if last_norm > SMALL * SMALL:
            return None  # answers still changing places: the rounds choose the fixed point there
        rho = along / previous_norm
        if rho >= 1.0 and not self.trusted:
            return None  # a jump undone and none kept since: only where the steps shrink, until one is
        # Aitken's sum of the steps left where they shrink; where they grow, ESCAPE / (ρ − 1) of them.
        factor = min(rho / (1.0 - rho) if rho < 1.0 else ESCAPE / (rho - 1.0) if rho > 1.0 else MOST, self.most)
        if leads_change(factor):
            return None  # which answer leads is the rounds' choice, not the jump's
        self.before = (last_norm, math.sqrt(last_norm) * max(1.0, rho) ** (factor + 1.0))
        self.steps = []
        self.jumps += 1
        return factor


def moved(
    step: Sequence[float],
    previous: Sequence[float],
    direction: Sequence[float],
    summed: Callable[[Iterable[float]], tuple[float, ...]],
) -> Moved:
    """:data:`Moved` of ``step`` (``found − probabilities``, one float a value) where its values are.

    ``previous``: the step before it, ``direction``: the last jump's (each empty when
    there is none); ``summed``: the products to partials (their ``math.fsum`` alone
    in one process, :func:`~._exact.partials` in a shard).
    """
    return (
        summed(map(mul, step, step)),
        summed(map(mul, step, previous)) if previous else (),
        summed(map(mul, step, direction)) if direction else (),
    )


def jumped(
    q_range: Sequence[tuple[int, int]], found: Sequence[float], step: Sequence[float], factor: float
) -> list[float]:
    """The jump ``found + factor·step``, clamped: each probability to [0, 1], a question's scaled to 1 past a sum of 1.

    ``q_range``: question → (first, end) value ids. Where a question's domain leaves a
    share to values nobody gave, its probabilities sum to less than 1, and may still
    after a jump.
    """
    ahead = [x + factor * d for x, d in zip(found, step, strict=True)]
    clamped = [0.0 if x < 0.0 else 1.0 if x > 1.0 else x for x in ahead]
    for start, end in q_range:
        total = math.fsum(clamped[start:end])
        if total > 1.0:
            clamped[start:end] = [x / total for x in clamped[start:end]]
    return clamped


def leads_change(q_range: Sequence[tuple[int, int]], found: Sequence[float], jumped: Sequence[float]) -> bool:
    """Whether some question's leading value (the first of the most probable) differs after the jump.

    On 96 sources' random votes (1,057) the steps lined up while two questions' answers
    were still changing places, and a jump of 0.64 that swapped them led to another
    fixed point (values 0.65 apart, 150 reported pairs of 1,586 otherwise).
    """
    for start, end in q_range:
        if end - start > 1:
            before = max(range(start, end), key=found.__getitem__)
            if max(range(start, end), key=jumped.__getitem__) != before:
                return True
    return False


def _whole(terms: Iterable[float]) -> tuple[float, ...]:
    """The terms' ``math.fsum``: one process's sum, which :func:`~._exact.joined` gives back as it is."""
    return (math.fsum(terms),)


class Path:
    """One process's side of the jumps: every value's step, held here (a run over shards holds them in its shards).

    ``q_range`` is the index's question → (first, end) value ids. Each round,
    :meth:`overshot` first, then, unless the jump was undone or the run ends,
    :meth:`ahead`. The decisions are :attr:`decisions`'.
    """

    def __init__(self, q_range: Sequence[tuple[int, int]]) -> None:
        self.q_range = q_range
        self.decisions = Extrapolation()
        self.step: list[float] = []  # this round's, found − probabilities
        self.direction: list[float] = []  # the step the last jump followed, until the round after it
        self.size = self.dot = 0.0

    def overshot(self, probabilities: Sequence[float], found: Sequence[float]) -> bool:
        """The round ``probabilities`` → ``found`` measured; whether it undoes the jump before it.

        See :meth:`Extrapolation.overshot`.
        """
        step = list(map(sub, found, probabilities))
        size, dot, along = (joined([part]) for part in moved(step, self.step, self.direction, _whole))
        self.step, self.direction, self.size, self.dot = step, [], size, dot
        return self.decisions.overshot(size, along)

    def ahead(self, found: Sequence[float]) -> list[float] | None:
        """After the round :meth:`overshot` measured: the probabilities to jump to, or None to go on."""
        candidate: list[float] = []

        def leads(factor: float) -> bool:
            nonlocal candidate
            candidate = jumped(self.q_range, found, self.step, factor)
            return leads_change(self.q_range, found, candidate)

        if self.decisions.ahead(self.size, self.dot, leads) is None:
            return None
        self.direction = self.step
        return candidate
