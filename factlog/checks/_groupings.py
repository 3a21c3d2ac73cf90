"""Which groups of claims a rule reads: declared on the rule, so a distributed check can shuffle for it.

A rule that reads only whole groups of one kind (every claim of a proposition, every
claim of a holder, ...) finds the same findings on any subset of the claims that holds
its groups whole. :func:`reads` records that kind on the rule function;
:mod:`factlog.dask` partitions the claims by it and runs each rule only in the passes of
its grouping. A rule without a declaration reads ``whole``: every claim at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import attrs

from factlog.analysis._index import Index
from factlog.checks._findings import Finding
from factlog.errors import ArgumentError

__all__ = ["GROUPINGS", "Reads", "reads", "reads_of"]

GROUPINGS = ("claim", "slot", "object", "holder", "source", "answers", "regarding", "whole")
"""The groupings a rule may read:

``claim``
    one claim at a time (its quotes, dates, sources' small tables);
``slot``
    the claims of one normalised subject and predicate family (proposition keys,
    functional slots, wider places and exclusive predicates, which share a subject);
``object``
    the claims of one entity object and predicate (``Index.by_object``);
``holder``
    the claims of one canonical holder (``Index.by_holder``);
``source``
    the claims citing one source (``Index.by_source``, ``Index.scoped_sources``), and
    each claim under its first source (``Index.entries``);
``answers``
    a claim and the claims answering it (``Index.answered_by``);
``regarding``
    a claim about claims, the claims it names, their propositions' claims and the
    claims answering them (``Index.regarded_by``);
``whole``
    every claim at once.
"""

_ATTRIBUTE = "__factlog_reads__"

R = TypeVar("R", bound=Callable[..., Any])


@attrs.frozen
class Reads:
    """What a rule reads: a grouping of :data:`GROUPINGS`, and for ``whole`` optionally a projection.

    A ``whole`` rule that needs only a few fields of each claim names ``project``
    (an index, or a view holding some of its claims as ``entries``, to a list of small
    tuples whose first item is the id of the claim each comes from, in claim order) and
    ``conclude`` (the index of the small tables and every part's records, in claim
    order, to the findings); ``conclude(index, project(index))`` must give what the rule
    gives. A distributed check projects each part where it lies and concludes once.
    """

    grouping: str
    project: Callable[[Index], list[Any]] | None = None
    conclude: Callable[[Index, list[Any]], Iterable[Finding]] | None = None

    def __attrs_post_init__(self) -> None:
        if self.grouping not in GROUPINGS:
            raise ArgumentError(f"unknown grouping {self.grouping!r}: expected one of {', '.join(GROUPINGS)}")
        if (self.project is None) != (self.conclude is None) or (self.project and self.grouping != "whole"):
            raise ArgumentError("project and conclude go together, and only with the grouping 'whole'")


def reads(
    grouping: str,
    *,
    project: Callable[[Index], list[Any]] | None = None,
    conclude: Callable[[Index, list[Any]], Iterable[Finding]] | None = None,
) -> Callable[[R], R]:
    """Declare the grouping a rule reads (see :data:`GROUPINGS`).

    Raises :class:`~factlog.ArgumentError` (a :class:`ValueError`) for an unknown grouping
    (anything but one of :data:`GROUPINGS`), or ``project`` without ``conclude``.
    """
    declared = Reads(grouping, project, conclude)

    def mark(rule: R) -> R:
        setattr(rule, _ATTRIBUTE, declared)
        return rule

    return mark


def reads_of(rule: Callable[[Index], Iterable[Finding]]) -> Reads:
    """The grouping a rule declared with :func:`reads`; ``whole`` when it declared none."""
    found = getattr(rule, _ATTRIBUTE, None)
    return found if isinstance(found, Reads) else Reads("whole")
