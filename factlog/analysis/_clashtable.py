"""A few value groups' clashes as a table: each pair asked of :class:`Clashes` once, then counts are sums.

:class:`~factlog.analysis._clashes.Clashes` answers "how many members clash with this
group?" by counting, in O(log n) per question but with a heavy constant: each
question and each member added walks Fenwick trees, and each empty copy builds them
anew. Its answers are sums over the members, one term per member: a member of group
``j`` clashes with group ``i`` (or is in a unit ``i``'s does not convert to) or not,
whatever else is present. So for a few groups the answers are a table, asked of
``Clashes`` once per pair with one member present, and a set of members is then a
list of counts per group: a question is a sum over the few groups, an addition one
increment. A slot of the generated sets gives at most five values, and its runs are
counted claim by claim (:func:`~factlog.checks._runs.meeting_clash`).
"""

from __future__ import annotations

from collections.abc import Sequence

from factlog.analysis._clashes import Clashes

__all__ = ["ClashTable"]


class ClashTable:
    """For each ordered pair of groups of a :class:`Clashes`, whether one member of the second clashes with the first.

    ``clash[i][j]`` is ``clashes.clashing(i)`` and ``unconvertible[i][j]`` is
    ``clashes.unconvertible(i)`` with one member of group ``j`` present (0 for ``i ==
    j``: a group never clashes with itself); with ``counts[j]`` members of each group,
    ``Clashes`` answers ``sum(counts[j] * clash[i][j])``, which :meth:`clashing` gives.
    Built in O(k²) questions for k groups: worth it for few groups asked many times.
    """

    MAX = 8
    """The most groups a table is built for: past it, :class:`Clashes` counts (O(log k) per question)."""

    def __init__(self, clashes: Clashes) -> None:
        size = len(clashes.values)
        self.clash = [[0] * size for _ in range(size)]
        self.unconvertible = [[0] * size for _ in range(size)]
        for j in range(size):
            probe = clashes.empty()
            probe.add(j)
            for i in range(size):
                self.clash[i][j] = probe.clashing(i)
                self.unconvertible[i][j] = probe.unconvertible(i)
        # Per group: the groups whose members count, with the weight of each (most pairs weigh nothing).
        self.against = [[(j, weight) for j, weight in enumerate(row) if weight] for row in self.clash]
        self.comparable = [
            [(j, c - u) for j, (c, u) in enumerate(zip(row, other, strict=True)) if c - u]
            for row, other in zip(self.clash, self.unconvertible, strict=True)
        ]

    def clashing(self, group: int, counts: Sequence[int]) -> int:
        """``Clashes.clashing(group)`` with ``counts[j]`` members of each group ``j``."""
        return sum(counts[j] * weight for j, weight in self.against[group])

    def unconverted(self, group: int, counts: Sequence[int]) -> int:
        """``Clashes.unconvertible(group)`` with ``counts[j]`` members of each group ``j``."""
        return sum(count * weight for count, weight in zip(counts, self.unconvertible[group], strict=True))
