"""Brute-force oracles of the value rules, shared by their tests: every pair of value groups compared."""

from __future__ import annotations

from collections.abc import Iterator

from factlog import Predicate, Quantity, Severity
from factlog.analysis._index import Entry
from factlog.checks import _runs, _slotvalues, _values
from factlog.model._kinds import PredicateKind

DISTANCE = Predicate(
    id="distance",
    label="is at a distance of",
    kind=PredicateKind.STATE,
    functional=True,
    margin=Quantity(amount=1, unit="km"),
)
"""A functional predicate whose ``margin`` has a unit: figures in hours or troops do not convert."""


def pairwise(values: _slotvalues.Values, groups: list[list[Entry]]) -> Iterator[_runs.Conflict]:
    """The clashing groups of one set of claims alive together, every pair of value groups compared.

    What the rule gave before the counting: the involved groups in order, the worst pair's
    severity, whether any pair definitely overlaps in time, and whether units do not convert.
    """
    involved: set[int] = set()
    worst, definite, units = Severity.INFO, False, False
    for i, first in enumerate(groups):
        for j in range(i + 1, len(groups)):
            if values.clash(first, groups[j]):
                involved |= {i, j}
                severity, sure = _values._pair_severity(values, first, groups[j])
                worst, definite = max(worst, severity), definite or sure
                units = units or not values.convertible(first, groups[j])
    if involved:
        yield [groups[i] for i in sorted(involved)], worst, definite, units
