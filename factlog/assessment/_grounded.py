"""Grounded acceptance on a slot's layout: the labelling of :func:`._acceptance.grounded`, without listing attacks.

In a slot, an answer's rivals are every candidate whose range misses its own, and its
denial: with many values the attacks are quadratic in number. The work list is the
same as :func:`~factlog.assessment._acceptance.grounded` (an answer is accepted once
every attacker is rejected; an accepted answer rejects what it attacks), but the
attackers are never enumerated:

* an undecided answer v still has an attacker on one side when the strongest
  undecided rival on that side, r, is not clearly weaker (``not s(v) > s(r) + margin``).
  The rivals on a side are a prefix of one of the layout's orders, so that is a
  prefix maximum; the prefix maxima of the undecided form a staircase, and removing one
  step uncovers only the steps beneath it, each once. Answers waiting on a side are
  found again only when the staircase drops below them: O(log n) each;
* an accepted answer has no undecided rival left that is not clearly weaker, so it
  rejects every undecided rival: a walk over the undecided, each rejected once.

O(n log n) for n candidates and their denials.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence

from factlog.assessment._acceptance import PREFERENCE_MARGIN, Acceptance
from factlog.assessment._layout import Layout

__all__ = ["grounded_slot"]

_NONE = float("-inf")


class _MaxTree:
    """A segment tree of maxima over positions, with searches for the values above a threshold."""

    def __init__(self, values: Sequence[float]) -> None:
        self.size = 1
        while self.size < max(1, len(values)):
            self.size *= 2
        self.tree = [_NONE] * (2 * self.size)
        self.tree[self.size : self.size + len(values)] = values
        for node in range(self.size - 1, 0, -1):
            self.tree[node] = max(self.tree[2 * node], self.tree[2 * node + 1])

    def clear(self, position: int) -> None:
        node = position + self.size
        self.tree[node] = _NONE
        node //= 2
        while node:
            self.tree[node] = max(self.tree[2 * node], self.tree[2 * node + 1])
            node //= 2

    def first_above(self, low: int, high: int, threshold: float) -> int:
        """The first position in [low, high) whose value exceeds the threshold, or -1."""
        return self._first(1, (0, self.size), (low, high), threshold)

    def _first(self, node: int, span: tuple[int, int], wanted: tuple[int, int], threshold: float) -> int:
        left, right = span
        if right <= wanted[0] or wanted[1] <= left or not self.tree[node] > threshold:
            return -1
        if right - left == 1:
            return left
        middle = (left + right) // 2
        found = self._first(2 * node, (left, middle), wanted, threshold)
        return found if found >= 0 else self._first(2 * node + 1, (middle, right), wanted, threshold)

    def take_above(self, low: int, high: int, threshold: float) -> list[int]:
        """Every position in [low, high) whose value exceeds the threshold, each cleared: O((found + 1) log n)."""
        found: list[int] = []
        while (position := self.first_above(low, high, threshold)) >= 0:
            found.append(position)
            self.clear(position)
            low = position + 1
        return found


class _Side:
    """The undecided rivals of each candidate on one side: a prefix of ``order`` of length ``cut[rank]``."""

    def __init__(self, order: Sequence[int], cut: Sequence[int], strength: Sequence[float | None]) -> None:
        self.position = [0] * len(order)
        values = []
        for position, rank in enumerate(order):
            self.position[rank] = position
            value = strength[rank]
            values.append(_NONE if value is None else value)
        self.values = values
        self.strengths = _MaxTree(values)
        self.steps: list[int] = []  # positions of the prefix maxima (strictly above all before)
        best = [_NONE]
        for position, value in enumerate(values):
            if value > best[-1]:
                self.steps.append(position)
            best.append(max(best[-1], value))
        # Candidates with an undecided attacker on this side wait, sorted by their cut.
        waiting = sorted(
            (cut[rank], rank)
            for rank, value in enumerate(strength)
            if value is not None and not value > best[cut[rank]] + PREFERENCE_MARGIN
        )
        self.waiting_cut = [c for c, _ in waiting]
        self.waiting_rank = [rank for _, rank in waiting]
        self.waiting = _MaxTree([strength[rank] or 0.0 for rank in self.waiting_rank])
        self.blocked = frozenset(self.waiting_rank)

    def remove(self, rank: int) -> list[int]:
        """The candidate is decided: the waiting candidates that no longer have an attacker on this side."""
        position = self.position[rank]
        if self.values[position] == _NONE:
            return []
        self.strengths.clear(position)
        self.values[position] = _NONE
        step = bisect.bisect_left(self.steps, position)
        if step == len(self.steps) or self.steps[step] != position:
            return []
        below = self.values[self.steps[step - 1]] if step else _NONE  # steps are all undecided
        end = self.steps[step + 1] if step + 1 < len(self.steps) else len(self.values)
        uncovered, pieces = [], []
        start, level = position, below
        while (found := self.strengths.first_above(start + 1, end, level)) >= 0:
            pieces.append((start, found, level))
            uncovered.append(found)
            start, level = found, self.values[found]
        pieces.append((start, end, level))
        self.steps[step : step + 1] = uncovered
        freed = []
        for low, high, level in pieces:  # cuts in (low, high] now see ``level`` as their maximum
            first = bisect.bisect_right(self.waiting_cut, low)
            last = bisect.bisect_right(self.waiting_cut, high)
            freed += [self.waiting_rank[i] for i in self.waiting.take_above(first, last, level + PREFERENCE_MARGIN)]
        return freed


class _Undecided:
    """The undecided positions of one order, walked in order: each removed once (union-find by next position)."""

    def __init__(self, alive: Sequence[bool]) -> None:
        self.next = [i if here else i + 1 for i, here in enumerate(alive)] + [len(alive)]

    def find(self, position: int) -> int:
        root = position
        while self.next[root] != root:
            root = self.next[root]
        while self.next[position] != root:
            self.next[position], position = root, self.next[position]
        return root

    def remove(self, position: int) -> None:
        self.next[position] = position + 1

    def walk(self, low: int, high: int) -> list[int]:
        found = []
        position = self.find(low)
        while position < high:
            found.append(position)
            position = self.find(position + 1)
        return found


def grounded_slot(
    layout: Layout, strength: Sequence[float | None], denials: Mapping[int, float | None]
) -> tuple[list[Acceptance], dict[int, Acceptance]]:
    """Grounded labels of a slot's candidates (by rank) and of its denials (by the rank of the value denied).

    ``strength[i]`` is the log-odds of a candidate some origin currently supports, None
    otherwise; ``denials`` maps each denied candidate to its denial's strength (None:
    unsupported). Equal to :func:`~factlog.assessment._acceptance.grounded` over the
    explicit rivals (a brute-force oracle test checks it). O(n log n).
    """
    n = layout.size
    margin = PREFERENCE_MARGIN
    before = _Side(layout.by_end, layout.cut_end, strength)
    after = _Side(layout.by_start[::-1], [n - c for c in layout.cut_start], strength)
    start_position = [0] * n
    for position, rank in enumerate(layout.by_start):
        start_position[rank] = position
    undecided_before = _Undecided([strength[rank] is not None for rank in layout.by_end])
    undecided_after = _Undecided([strength[rank] is not None for rank in layout.by_start])

    def denial_attacks(i: int) -> bool:  # the denial of candidate i attacks it
        mine, theirs = strength[i], denials.get(i)
        return mine is not None and theirs is not None and not mine > theirs + margin

    def attacks_denial(i: int) -> bool:  # candidate i attacks its denial
        mine, theirs = strength[i], denials.get(i)
        return mine is not None and theirs is not None and not theirs > mine + margin

    count: dict[int, int] = {}  # candidate i, or n + i for its denial → attackers not yet rejected
    for i, value in enumerate(strength):
        if value is not None:
            count[i] = (i in before.blocked) + (i in after.blocked) + denial_attacks(i)
    for i, value in denials.items():
        if value is not None:
            count[n + i] = int(attacks_denial(i))
    label: dict[int, Acceptance] = {}
    pending = sorted((key for key, unresolved in count.items() if unresolved == 0), reverse=True)

    def free(key: int) -> None:
        if key not in label:
            count[key] -= 1
            if count[key] == 0:
                pending.append(key)

    def decided(key: int) -> None:
        if key >= n:
            if denial_attacks(key - n):
                free(key - n)
            return
        undecided_before.remove(before.position[key])
        undecided_after.remove(start_position[key])
        for freed in (*before.remove(key), *after.remove(key)):
            free(freed)
        if attacks_denial(key):
            free(n + key)

    while pending:
        key = pending.pop()
        if key in label:
            continue
        label[key] = Acceptance.ACCEPTED
        targets = []
        if key >= n:
            targets = [key - n] if strength[key - n] is not None and key - n not in label else []
        else:
            targets = [layout.by_end[p] for p in undecided_before.walk(0, layout.cut_end[key])]
            targets += [layout.by_start[p] for p in undecided_after.walk(layout.cut_start[key], n)]
            if denials.get(key) is not None and n + key not in label:
                targets.append(n + key)
        for target in targets:
            label[target] = Acceptance.REJECTED
        decided(key)
        for target in targets:
            decided(target)
    return _labels(layout, strength, denials, label)


def _labels(
    layout: Layout, strength: Sequence[float | None], denials: Mapping[int, float | None], label: dict[int, Acceptance]
) -> tuple[list[Acceptance], dict[int, Acceptance]]:
    """Every answer's label; an unsupported answer is rejected when one of its rivals is accepted."""
    n = layout.size
    accepted_before = [0]
    for rank in layout.by_end:
        accepted_before.append(accepted_before[-1] + (label.get(rank) is Acceptance.ACCEPTED))
    accepted_after = [0]
    for rank in reversed(layout.by_start):
        accepted_after.append(accepted_after[-1] + (label.get(rank) is Acceptance.ACCEPTED))
    candidates = []
    for i, value in enumerate(strength):
        if value is not None:
            candidates.append(label.get(i, Acceptance.CONTESTED))
            continue
        beaten = (
            accepted_before[layout.cut_end[i]]
            or accepted_after[n - layout.cut_start[i]]
            or label.get(n + i) is Acceptance.ACCEPTED
        )
        candidates.append(Acceptance.REJECTED if beaten else Acceptance.CONTESTED)
    denied = {}
    for i, value in denials.items():
        if value is not None:
            denied[i] = label.get(n + i, Acceptance.CONTESTED)
        else:
            denied[i] = Acceptance.REJECTED if label.get(i) is Acceptance.ACCEPTED else Acceptance.CONTESTED
    return candidates, denied
