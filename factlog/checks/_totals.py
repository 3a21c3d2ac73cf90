"""Running totals: figures of a cumulative predicate only grow."""

from __future__ import annotations

from collections.abc import Iterator

from factlog.analysis import _phrasing as phrasing
from factlog.analysis._index import Entry, Index
from factlog.analysis._values import quantity_ranges
from factlog.checks._findings import Finding, Severity, graded
from factlog.checks._groupings import reads
from factlog.model._nouns import Quantity
from factlog.model._scales import Certainty, Polarity

__all__ = ["falling_total"]


def _as_of(entry: Entry) -> tuple[int, int] | None:
    """The days a figure is given for: its valid time's start, or else the day it was stated.

    A figure given over an interval (``2025-03-01/2025-03-20``) is the state of the total
    throughout it, so it is established from the interval's start; a single date (a day,
    a month) is the date the figure is for, somewhere within it.
    """
    when = entry.when
    if when is not None and when.start is not None and when.end != when.start:
        return (when.start.first_day, when.start.last_day)
    if entry.timed:
        return entry.span
    if entry.stated is None:
        return None
    return (entry.stated.first_day, entry.stated.last_day)


@reads("slot")
def falling_total(index: Index) -> Iterator[Finding]:
    """A running total reported lower than a figure established before it.

    A predicate declared ``cumulative`` counts something that only grows: cases
    reported to date, votes counted so far, money disbursed. A figure as of a date (the
    claim's valid time, or else the day it was stated) is then a lower bound from that
    date on, so a figure for a later date that is lower than an earlier one (beyond
    the predicate's ``tolerance``) is stale or wrong; so is a lower figure for the very
    same day as a higher one. A figure given over an interval is the state of the total
    throughout it, so it counts as of the interval's **start** (1,500 over
    ``2025-03-01/2025-03-20`` is contradicted by 900 on ``2025-03-10``); a figure for a
    month or a year counts as of some day in it, so it is established only after its
    last day. One finding per lower figure, against the highest figure established
    before it (or on its day). Severity: *warning* when both
    are certain, *info* otherwise. A sweep over the figures in date order: O(n log n).

    Example: ``{"id": "cases-reported", "kind": "state", "cumulative": true}``; 1,200
    cases as of ``2025-03-01``, then 900 as of ``2025-03-08``: a warning.
    """
    for (subject, _, _), entries in index.by_slot.items():
        predicate = entries[0].predicate
        if predicate is None or not predicate.cumulative:
            continue
        counted: list[tuple[tuple[int, int], Quantity, Entry]] = []
        for entry in entries:
            assert entry.proposition is not None
            value = entry.proposition.object
            days = _as_of(entry)
            if (
                not isinstance(value, Quantity)
                or days is None
                or entry.polarity is not Polarity.AFFIRMED
                or entry.certainty is Certainty.UNCOMMITTED
            ):
                continue
            counted.append((days, value, entry))
        # One unit for all (conflicting_values reports figures whose units do not convert).
        ranges = quantity_ranges([value for _, value, _ in counted], predicate) or []
        figures = [(days, low, high, entry) for (days, _, entry), (low, high) in zip(counted, ranges, strict=False)]
        if len(figures) < 2:
            continue
        same_day: dict[int, tuple[float, Entry]] = {}  # the highest figure for each single day
        for days, low, _, entry in sorted(figures, key=lambda f: (f[0], -f[1], f[3].id)):
            if days[0] == days[1]:
                same_day.setdefault(days[0], (low, entry))
        by_end = sorted(figures, key=lambda f: (f[0][1], -f[1], f[3].id))
        pointer = 0
        best: tuple[float, Entry] | None = None
        for days, _, high, entry in sorted(figures, key=lambda f: (f[0][0], f[3].id)):
            while pointer < len(by_end) and by_end[pointer][0][1] < days[0]:
                candidate = by_end[pointer]
                if best is None or candidate[1] > best[0]:
                    best = (candidate[1], candidate[3])
                pointer += 1
            against = best
            day = same_day.get(days[0]) if days[0] == days[1] else None
            if day is not None and (against is None or day[0] > against[0]):
                against = day
            if against is None or high >= against[0]:
                continue
            established = against[1]
            certain = entry.certainty is Certainty.CERTAIN and established.certainty is Certainty.CERTAIN
            assert established.proposition is not None
            assert entry.proposition is not None
            yield Finding(
                rule="falling_total",
                severity=graded(certain=certain, definite=True, top=Severity.WARNING) if certain else Severity.INFO,
                message=f"Falling total: {index.name(subject)} {predicate.label} {entry.proposition.object}"
                f" according to {phrasing.by_holders(index, [entry], times=False)} ({_day_words(entry)}), below"
                f" {established.proposition.object} according to"
                f" {phrasing.by_holders(index, [established], times=False)} ({_day_words(established)}):"
                " a running total only grows, so the lower figure is stale or wrong",
                claims={"established": [established.id], "lower": [entry.id]},
            )


def _day_words(entry: Entry) -> str:
    if entry.timed:
        return "as of " + phrasing.span(entry.when)
    return f"stated {entry.stated}"
