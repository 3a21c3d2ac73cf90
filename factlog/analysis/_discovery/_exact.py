"""Exact sums that can be split and joined: what makes a distributed run give the same floats.

A float sum depends on the order of its terms; ``math.fsum`` does not (it returns the
exact sum of its terms, correctly rounded). A part of the terms is summed to
*partials*: floats whose exact sum is the exact sum of that part (each the rounded
rest of the one before, so two or three floats in practice). ``math.fsum`` over the
partials of every part is then the correctly rounded exact sum of all the terms: the
same float as ``math.fsum`` over the terms, however they were split.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

__all__ = ["joined", "partials"]


def partials(terms: Sequence[float]) -> tuple[float, ...]:
    """Floats whose exact sum is the exact sum of ``terms`` (empty for none or an exact zero).

    Each is ``math.fsum`` of the terms less the ones before: the rest shrinks by 2⁻⁵³
    or more each time and is a multiple of the smallest term's unit, so it reaches 0.
    One or two terms are their own partials (two by Knuth's TwoSum, exact in
    round-to-nearest). Terms must be finite.
    """
    if len(terms) <= 2:
        if len(terms) < 2:
            return tuple(terms)
        a, b = terms
        total = a + b
        back = total - a
        rest = (a - (total - back)) + (b - back)
        return (total, rest) if rest else (total,)
    found: list[float] = []
    rest = math.fsum(terms)
    while rest != 0.0:
        found.append(rest)
        rest = math.fsum([*terms, *(-x for x in found)])
    return tuple(found)


def joined(parts: Iterable[Sequence[float]]) -> float:
    """The correctly rounded exact sum of the terms behind several parts' :func:`partials`."""
    return math.fsum(x for part in parts for x in part)
