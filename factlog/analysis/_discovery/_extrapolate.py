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
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from operator import mul, sub

__all__ = ["COLLINEAR", "ESCAPE", "MOST", "SMALL", "STEPS", "TURNED", "UNDONE", "Extrapolation"]

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


def _dot(first: Sequence[float], second: Sequence[float]) -> float:
    return math.fsum(map(mul, first, second))


class Extrapolation:
    """The jumps of one run: fed each plain round's step in value probabilities, it says when and where to jump.

    ``q_range`` is the index's question → (first, end) value ids. Deterministic:
    ``math.fsum`` for every dot product, no hashing.
    """

    def __init__(self, q_range: Sequence[tuple[int, int]]) -> None:
        self.q_range = q_range
        self.steps: list[tuple[list[float], float]] = []  # (step, its squared length), the last STEPS
        self.before: tuple[list[float], float] | None = None  # the last jump's direction (a step) and bound
        self.jumps = 0
        self.undone = 0
        self.most = MOST  # the most steps a jump may take now: a quarter after a jump undone, twice after one kept
        self.trusted = True  # no jump undone since the last one kept: jumps where the steps grow (ρ ≥ 1) allowed

    def overshot(self, probabilities: Sequence[float], found: Sequence[float]) -> bool:
        """Whether the round from a jumped state (``probabilities`` → ``found``) says to undo the jump.

        True when its step is longer than the bound the jump set and turns from the
        jump's direction by more than :data:`TURNED` in cosine; then the next jump may
        take a quarter as many steps, and, kept, twice as many (up to :data:`MOST`).
        Only the round right after a jump is tested.
        """
        if self.before is None:
            return False
        direction, bound = self.before
        self.before = None
        step = list(map(sub, found, probabilities))
        size = math.sqrt(_dot(step, step))
        if size > bound and _dot(step, direction) < TURNED * size * math.sqrt(_dot(direction, direction)):
            self.undone += 1
            self.most /= 4.0  # a trust region: what failed is tried again shorter
            self.trusted = False
            self.steps = []
            return True
        self.most = min(MOST, 2.0 * self.most)
        self.trusted = True
        return False

    def ahead(self, probabilities: Sequence[float], found: Sequence[float]) -> list[float] | None:
        """After a plain round ``probabilities`` → ``found``: the probabilities to jump to, or None to go on.

        The jump is ``found + f·step``, clamped to [0, 1] and, where a question's
        probabilities then sum past 1, scaled to 1 (:meth:`_clamped`).
        """
        step = list(map(sub, found, probabilities))
        self.steps.append((step, _dot(step, step)))
        if len(self.steps) > STEPS:
            del self.steps[0]
        if len(self.steps) < STEPS or self.undone >= UNDONE:
            return None
        for (first, first_norm), (second, second_norm) in zip(self.steps, self.steps[1:], strict=False):
            if first_norm == 0.0 or second_norm == 0.0:
                return None
            if _dot(first, second) < COLLINEAR * math.sqrt(first_norm * second_norm):
                return None
        (last, last_norm), (previous, previous_norm) = self.steps[-1], self.steps[-2]
        if last_norm > SMALL * SMALL:
            return None  # answers still changing places: the rounds choose the fixed point there
        rho = _dot(previous, last) / previous_norm
        if rho >= 1.0 and not self.trusted:
            return None  # a jump undone and none kept since: only where the steps shrink, until one is
        # Aitken's sum of the steps left where they shrink; where they grow, ESCAPE / (ρ − 1) of them.
        factor = min(rho / (1.0 - rho) if rho < 1.0 else ESCAPE / (rho - 1.0) if rho > 1.0 else MOST, self.most)
        jumped = self._clamped([x + factor * d for x, d in zip(found, last, strict=True)])
        if self._leads_change(found, jumped):
            return None  # which answer leads is the rounds' choice, not the jump's
        self.before = (last, math.sqrt(last_norm) * max(1.0, rho) ** (factor + 1.0))
        self.steps = []
        self.jumps += 1
        return jumped

    def _leads_change(self, found: Sequence[float], jumped: Sequence[float]) -> bool:
        """Whether some question's leading value (the first of the most probable) differs after the jump.

        On 96 sources' random votes (1,057) the steps lined up while two questions' answers
        were still changing places, and a jump of 0.64 that swapped them led to another
        fixed point (values 0.65 apart, 150 reported pairs of 1,586 otherwise).
        """
        for start, end in self.q_range:
            if end - start > 1:
                before = max(range(start, end), key=found.__getitem__)
                if max(range(start, end), key=jumped.__getitem__) != before:
                    return True
        return False

    def _clamped(self, probabilities: list[float]) -> list[float]:
        """Each probability clamped to [0, 1]; a question's scaled to sum to 1 where they sum past it.

        Where a question's domain leaves a share to values nobody gave, its
        probabilities sum to less than 1, and may still after a jump.
        """
        found = [0.0 if x < 0.0 else 1.0 if x > 1.0 else x for x in probabilities]
        for start, end in self.q_range:
            total = math.fsum(found[start:end])
            if total > 1.0:
                found[start:end] = [x / total for x in found[start:end]]
        return found
