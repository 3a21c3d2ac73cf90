"""Runs of days that clash over the same values: what one finding of ``conflicting_values`` reports.

The dated claims of a slot fall into maximal sets of claims alive together on some day
(:func:`~factlog.analysis._timegroups.cliques`), in chronological order. In each, the
*involved* values are those that clash with another value present in it. Consecutive
sets with the same involved values, and at least two of them, form a *run*: one
finding, listing every claim of those sets that holds an involved value, each once. Days
on which no claim of the slot is alive end a run (two disputes years apart are two). Two
claims listed in one run that hold clashing values and are alive on a common day are
alive together in one of the run's sets (the sets holding a claim follow each other),
so the severity swept over the run's claims is that of its worst pair, never worse.

:func:`conflict_runs` finds the runs by one sweep over the claims' first and last days,
without building each set: it counts the live claims of each value and works out the
involved values again only when a value appears or disappears.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator, Sequence
from operator import itemgetter

from factlog.analysis._clashes import Clashes
from factlog.analysis._clashtable import ClashTable
from factlog.analysis._index import Entry
from factlog.checks._findings import Severity
from factlog.checks._slotvalues import Kept, Values
from factlog.model._nouns import Quantity
from factlog.model._scales import Certainty

__all__ = ["Conflict", "clashing", "conflict_runs", "meeting_clash"]


Conflict = tuple[list[list[Entry]], Severity, bool, bool]
"""The clashing value groups, the worst severity, whether times definitely meet, and whether units do not convert."""


def conflict_runs(values: Values, dated: Sequence[Entry]) -> Iterator[Conflict]:
    """The runs of a slot's dated claims, in the order they begin, each as :func:`clashing` gives it.

    ``values`` has ranked the slot (:meth:`Values.rank`); ``dated`` are its claims with a
    valid time. The sets of claims alive together come as
    :func:`~factlog.analysis._timegroups.cliques` gives them, each ending at the first
    last day after a claim began; a run's claims are grouped by value in the slot's
    order (:attr:`Values.order`). The involved values of a set of present values are
    counted (:class:`~factlog.analysis._clashes.Clashes`) once per slot. Cost: O(n log
    n) for n claims, plus the size of the runs, plus O(k log k) for each change of the
    values present (k of them) that a set ends on.
    """
    key_of = values.key
    involved_of = _Involved(values, dated)
    keyed = [(e, key_of(e)) for e in dated]  # each claim's value key once; positions are unique, so never compared
    events = sorted(
        [(e.span[0], 0, e.position, e, k) for e, k in keyed] + [(e.span[1], 1, e.position, e, k) for e, k in keyed]
    )
    alive: dict[object, dict[int, Entry]] = {}  # by value: the live claims, by position
    began: list[Entry] = []  # since the last set ended
    involved: frozenset[object] = frozenset()
    changed = grew = False
    run: dict[int, Entry] | None = None
    run_keys: frozenset[object] = frozenset()
    last = None  # the last day a claim was alive on, once one ended
    began_keys: list[object] = []
    for day, kind, position, entry, key in events:
        if kind == 0:
            if not alive and run is not None and last is not None and day > last + 1:
                yield from _finished(values, run)  # days with no claim alive end a run
                run, run_keys = None, frozenset()
            live = alive.get(key)
            if live is None:
                live = alive[key] = {}
                changed = involved_of.moved(key, appearing=True) or changed
            live[position] = entry
            began.append(entry)
            began_keys.append(key)
            grew = True
            continue
        if grew:  # the claims alive now are a set, as cliques() makes it
            if changed:
                involved, changed = involved_of(frozenset(alive)), False
            if run is not None and involved == run_keys:
                run.update((e.position, e) for e, k in zip(began, began_keys, strict=True) if k in involved)
            else:
                if run is not None:
                    yield from _finished(values, run)
                run, run_keys = None, involved
                if involved:
                    run = {p: e for value in involved for p, e in alive[value].items()}
            began.clear()
            began_keys.clear()
            grew = False
        last = day
        live = alive[key]
        del live[position]
        if not live:
            del alive[key]
            changed = involved_of.moved(key, appearing=False) or changed
    if run is not None:
        yield from _finished(values, run)


class _Involved:
    """The values that clash with another value present, by the values present: counted once per slot.

    Each value is stood for by its first claim in the slot's order, and the values
    present are counted in that order (:meth:`Values.clashes` remembers each list). The
    answer for each set of values present is kept (:class:`Kept`: a large set only
    while it is among the last few). In a slot of more than :attr:`MANY` values whose
    figures share one unit (or give none), the values present are also counted as they
    come and go (:meth:`moved`), so a value that clashes with none of them changes
    nothing and is not counted again with all k of them: 8,800 claims of one slot, 800
    agreeing figures alive throughout and 8,000 of one day each, took 62 s, now 0.3 s.
    """

    MANY = 16

    def __init__(self, values: Values, dated: Sequence[Entry]) -> None:
        self.values = values
        order = values.order
        earliest: dict[object, tuple[int, Entry]] = {}  # by value: its first claim in the slot's order
        for entry in dated:
            key, number = values.key(entry), order[entry.position]
            found = earliest.get(key)
            if found is None or number < found[0]:
                earliest[key] = (number, entry)
        self.first: dict[object, Entry] = {
            key: entry for key, (_, entry) in sorted(earliest.items(), key=lambda item: item[1][0])
        }
        self.number = {key: n for n, key in enumerate(self.first)}
        self.known: Kept[frozenset[object], frozenset[object]] = Kept()
        self.live: Clashes | None = None
        units = {v.unit for e in self.first.values() if isinstance(v := values.value_of(e), Quantity)}
        # Figures in two units are counted in the unit of the one asked about (Clashes): not symmetric.
        if len(self.first) > self.MANY and len(units) <= 1:
            self.live = values.clashes([[entry] for entry in self.first.values()])

    def moved(self, key: object, *, appearing: bool) -> bool:
        """Whether a value appearing (or disappearing) may change the involved values: it clashes with one present.

        O(log k) in a slot of more than :attr:`MANY` values (:class:`Clashes` keeps those
        present), else always True (they are counted again, as few as they are).
        """
        live = self.live
        if live is None:
            return True
        number = self.number[key]
        if appearing:
            live.add(number)
        else:
            live.remove(number)
        return live.clashing(number) > 0

    def __call__(self, present: frozenset[object]) -> frozenset[object]:
        found = self.known.get(present, len(present))
        if found is None:
            keys = sorted(present, key=self.number.__getitem__)
            found = frozenset()
            if len(keys) > 1:
                groups = [[self.first[key]] for key in keys]
                base, table = self.values.table(groups)
                if table is not None:
                    once = [1] * len(keys)
                    found = frozenset(key for n, key in enumerate(keys) if table.clashing(n, once))
                else:
                    members = base.empty()
                    for n in range(len(keys)):
                        members.add(n)
                    found = frozenset(key for n, key in enumerate(keys) if members.clashing(n))
            self.known.keep(present, len(present), found)
        return found


def _finished(values: Values, run: dict[int, Entry]) -> Iterator[Conflict]:
    order = values.order
    claims = sorted(run.values(), key=lambda e: order[e.position])
    yield from clashing(values, list(values.groups(claims, ordered=True).values()))


def clashing(values: Values, groups: list[list[Entry]]) -> Iterator[Conflict]:
    """The groups that clash with another, as if every pair of claims alive together were compared, but counted.

    The severity of the worst pair (:func:`~factlog.checks._values._pair_severity`)
    without visiting every pair: an *error* when two certain claims of exact,
    convertible, clashing values have cores that meet; a *warning* when two certain
    claims of clashing values have spans that meet, or two claims of exact values clash
    with meeting cores; else *info*. Each test is a sweep by first day
    (:func:`meeting_clash`), so claims that are never alive together do not count
    however sure they are. O(n log n) for n claims, however many distinct values they give.
    """
    base, table = values.table(groups)
    if table is not None:
        yield from _counted(values, groups, table)
        return
    every = base.empty()
    for number in range(len(groups)):
        every.add(number)
    involved = [number for number in range(len(groups)) if every.clashing(number)]
    if not involved:
        return
    units = any(every.unconvertible(number) for number in involved)
    firm = [n for n, group in enumerate(groups) if any(e.certainty is Certainty.CERTAIN for e in group)]
    firm_set = every.empty()
    for number in firm:
        firm_set.add(number)
    # Two values with certain claims that clash: what the sweeps of certain claims need, counted first.
    firm_clash = any(firm_set.clashing(number) for number in firm)
    numbered = [(number, e) for number, group in enumerate(groups) for e in group]
    exact_groups = [values.exact(group) for group in groups]  # once a group, not once a claim
    definite = meeting_clash(every.empty(), numbered, convertible_only=False)
    # The lists of exact and certain claims are built only for the sweeps that need them.
    certain = [(n, e) for n, e in numbered if e.certainty is Certainty.CERTAIN] if firm_clash else []
    if firm_clash and meeting_clash(
        every.empty(), [(n, e) for n, e in certain if exact_groups[n]], convertible_only=True
    ):
        worst = Severity.ERROR
    elif (
        definite  # every value exact: the same sweep
        if all(exact_groups)
        else meeting_clash(every.empty(), [(n, e) for n, e in numbered if exact_groups[n]], convertible_only=False)
    ) or (firm_clash and meeting_clash(every.empty(), certain, convertible_only=False, spans=True)):
        worst = Severity.WARNING
    else:
        worst = Severity.INFO
    yield [groups[n] for n in involved], worst, definite, units


def _counted(values: Values, groups: list[list[Entry]], table: ClashTable) -> Iterator[Conflict]:
    """:func:`clashing` of a few groups, each set of members a list of counts per group (:class:`ClashTable`)."""
    size = len(groups)
    once = [1] * size
    involved = [number for number in range(size) if table.clashing(number, once)]
    if not involved:
        return
    units = any(table.unconverted(number, once) for number in involved)
    firm = [n for n, group in enumerate(groups) if any(e.certainty is Certainty.CERTAIN for e in group)]
    firm_once = [0] * size
    for number in firm:
        firm_once[number] = 1
    firm_clash = any(table.clashing(number, firm_once) for number in firm)
    exact_groups = [values.exact(group) for group in groups]
    definite = _meeting_counted(table, groups, None, convertible_only=False)
    certain = [n for n in range(size) if firm_once[n]]  # the groups holding a certain claim
    if firm_clash and _meeting_counted(
        table, groups, [n for n in certain if exact_groups[n]], convertible_only=True, certain_only=True
    ):
        worst = Severity.ERROR
    elif (
        definite
        if all(exact_groups)
        else _meeting_counted(table, groups, [n for n in range(size) if exact_groups[n]], convertible_only=False)
    ) or (
        firm_clash and _meeting_counted(table, groups, certain, convertible_only=False, spans=True, certain_only=True)
    ):
        worst = Severity.WARNING
    else:
        worst = Severity.INFO
    yield [groups[n] for n in involved], worst, definite, units


def _meeting_counted(
    table: ClashTable,
    groups: list[list[Entry]],
    chosen: list[int] | None,
    *,
    convertible_only: bool,
    spans: bool = False,
    certain_only: bool = False,
) -> bool:
    """:func:`meeting_clash` of the claims of the ``chosen`` groups (None: all), the members counted per group.

    ``certain_only``: only their certain claims. The same sweep, in the same order (by
    days, then group, as :func:`meeting_clash` sorts its pairs), a question a sum over
    the few groups of :class:`ClashTable`.
    """
    certain = Certainty.CERTAIN
    timed = sorted(
        (
            (days, number)
            for number in (range(len(groups)) if chosen is None else chosen)
            for e in groups[number]
            if (days := e.span if spans else e.core) is not None and (not certain_only or e.certainty is certain)
        ),
        key=itemgetter(0),
    )
    weights = table.comparable if convertible_only else table.against
    counts = [0] * len(groups)
    ending: list[tuple[int, int]] = []
    for (start, end), number in timed:
        while ending and ending[0][0] < start:
            counts[heapq.heappop(ending)[1]] -= 1
        if sum(counts[j] * weight for j, weight in weights[number]):
            return True
        counts[number] += 1
        heapq.heappush(ending, (end, number))
    return False


def meeting_clash(
    members: Clashes, claims: list[tuple[int, Entry]], *, convertible_only: bool, spans: bool = False
) -> bool:
    """Whether two claims whose certain days (cores) meet hold clashing values: a sweep by first day.

    ``convertible_only``: only values that can be compared (units that convert) count.
    ``spans``: the claims' possible days (spans) instead of their cores.
    """
    timed = sorted(
        ((days, number) for number, e in claims if (days := e.span if spans else e.core) is not None),
        key=itemgetter(0),
    )
    ending: list[tuple[int, int]] = []
    for (start, end), number in timed:
        while ending and ending[0][0] < start:
            members.remove(heapq.heappop(ending)[1])
        found = members.clashing(number)
        if convertible_only:
            found -= members.unconvertible(number)
        if found:
            return True
        members.add(number)
        heapq.heappush(ending, (end, number))
    return False
