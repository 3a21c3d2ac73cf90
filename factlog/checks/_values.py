"""Value rules: one value per subject, or one subject per object, at a time."""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterator, Sequence

from factlog.analysis import _phrasing as phrasing
from factlog.analysis._clashes import Clashes
from factlog.analysis._index import Entry, Index, chronological
from factlog.analysis._timegroups import cliques, definitely_meet
from factlog.analysis._values import compatible
from factlog.checks._findings import Finding, Severity, graded
from factlog.model._nouns import Predicate
from factlog.model._scales import Certainty, Polarity
from factlog.model._vocabulary import object_key

__all__ = ["conflicting_holders", "conflicting_values"]


def _committed_affirmations(entries: Sequence[Entry]) -> list[Entry]:
    return [e for e in entries if e.polarity is Polarity.AFFIRMED and e.claim.certainty is not Certainty.UNCOMMITTED]


class _Values:
    """The claims of one slot grouped by value, with the pairwise test the rules share."""

    def __init__(self, index: Index, predicate: Predicate, value_of: Callable[[Entry], object]) -> None:
        self.index, self.predicate, self.value_of = index, predicate, value_of

    def groups(self, entries: Sequence[Entry]) -> dict[object, list[Entry]]:
        found: dict[object, list[Entry]] = {}
        for entry in chronological(entries):
            found.setdefault(object_key(self.value_of(entry)), []).append(entry)
        return found

    def clash(self, first: list[Entry], second: list[Entry]) -> bool:
        return not compatible(self.value_of(first[0]), self.value_of(second[0]), self.predicate, self.index.within)

    def name(self, entry: Entry) -> str:
        value = self.value_of(entry)
        return self.index.name(value) if isinstance(value, str) else "nothing" if value is None else str(value)

    def side(self, entry: Entry) -> str:
        value = self.value_of(entry)
        return "nothing" if value is None else value if isinstance(value, str) else str(value)


def _pair_severity(first: Sequence[Entry], second: Sequence[Entry]) -> tuple[Severity, bool]:
    """The severity of the surest pair across two value groups, and whether any pair definitely overlaps."""
    definite = definitely_meet(first, second)
    firm_first = [e for e in first if e.claim.certainty is Certainty.CERTAIN]
    firm_second = [e for e in second if e.claim.certainty is Certainty.CERTAIN]
    if firm_first and firm_second:
        firm_definite = definitely_meet(firm_first, firm_second)
        return graded(certain=True, definite=firm_definite), definite
    return graded(certain=False, definite=definite), definite


def _conflicts(values: _Values, entries: Sequence[Entry]) -> Iterator[tuple[list[list[Entry]], Severity, bool]]:
    """Sets of value groups that clash, with the severity of their worst pair.

    Dated claims are compared within each set of claims alive on one day (never by
    chaining); an undated claim is compared with every claim whose value clashes with
    it, in a set of its own: one step less severe against a dated claim.
    """
    dated = [e for e in entries if e.timed]
    undated = values.groups([e for e in entries if not e.timed])
    for clique in cliques(dated) if len(dated) > 1 else []:
        groups = list(values.groups(clique).values())
        if len(groups) < 2:
            continue
        yield from _clashing(values, groups)
    if undated:
        every = list(values.groups(entries).items())
        keys = list(undated)
        for number, key in enumerate(keys):
            mine = undated[key]
            later = set(keys[number + 1 :])
            others = [
                [e for e in group if e.timed or k in later]
                for k, group in every
                if k != key and values.clash(mine, group)
            ]
            others = [group for group in others if group]
            if others:
                pairs = [_pair_severity(mine, group) for group in others]
                yield [mine, *others], max(p[0] for p in pairs), any(p[1] for p in pairs)


def _clashing(values: _Values, groups: list[list[Entry]]) -> Iterator[tuple[list[list[Entry]], Severity, bool]]:
    """The groups of one clique that clash with another, the severity of the worst pair, and whether any is definite.

    As if every pair were compared (:func:`_pair_severity`), but in O(n log n): a pair
    of groups with certain claims is at least a warning, an error when certain claims
    of the two definitely overlap; any pair is a warning when some of their claims
    definitely overlap, else info. Each "some clashing pair" question is a sweep.
    """
    representatives = [values.value_of(group[0]) for group in groups]

    every = Clashes(representatives, values.predicate, values.index.part_of())
    clashes = every.empty
    for number in range(len(groups)):
        every.add(number)
    involved = [number for number in range(len(groups)) if every.clashes(number)]
    if not involved:
        return
    firm = [n for n, group in enumerate(groups) if any(e.claim.certainty is Certainty.CERTAIN for e in group)]
    firm_set = clashes()
    for number in firm:
        firm_set.add(number)
    firm_clash = any(firm_set.clashes(number) for number in firm)
    numbered = [(number, e) for number, group in enumerate(groups) for e in group]
    definite = _meeting_clash(clashes(), numbered)
    certain = [(n, e) for n, e in numbered if e.claim.certainty is Certainty.CERTAIN]
    if firm_clash and _meeting_clash(clashes(), certain):
        worst = Severity.ERROR
    elif firm_clash or definite:
        worst = Severity.WARNING
    else:
        worst = Severity.INFO
    yield [groups[n] for n in involved], worst, definite


def _meeting_clash(members: Clashes, claims: list[tuple[int, Entry]]) -> bool:
    """Whether two claims whose certain days (cores) meet hold clashing values: a sweep by first day."""
    timed = sorted(((e.core, number) for number, e in claims if e.core is not None), key=lambda item: item[0])
    ending: list[tuple[int, int]] = []
    for (start, end), number in timed:
        while ending and ending[0][0] < start:
            members.remove(heapq.heappop(ending)[1])
        if members.clashes(number):
            return True
        members.add(number)
        heapq.heappush(ending, (end, number))
    return False


def _findings(rule: str, values: _Values, entries: Sequence[Entry], lead: str) -> Iterator[Finding]:
    seen: set[frozenset[str]] = set()
    for groups, severity, definite in _conflicts(values, entries):
        ids = frozenset(e.id for group in groups for e in group)
        if ids in seen:
            continue  # overlapping cliques clashing over the same claims: one finding
        seen.add(ids)
        times = any(e.timed for group in groups for e in group)
        alternatives = " but ".join(
            f"{values.name(group[0])} according to {phrasing.by_holders(values.index, group, times=times)}"
            for group in groups
        )
        message = f"{lead} {alternatives}"
        if not definite:
            message += f"; {phrasing.ONLY_POSSIBLE}"
        yield Finding(
            rule=rule,
            severity=severity,
            message=message,
            claims=[(values.side(group[0]), [e.id for e in group]) for group in groups],
        )


def conflicting_values(index: Index) -> Iterator[Finding]:
    """Incompatible values of a functional predicate at overlapping times.

    A functional predicate has one value per subject (and qualifiers) at a time: one
    date for an event, one number of troops deployed. Entities agree when equal or when
    one lies within the other (``part_of``: a region agrees with its country, not with
    the neighbouring country); texts when equal; dates when they may be the same day;
    quantities when their bounds, widened by the predicate's ``tolerance``, meet (11,000
    and 12,000 with a tolerance of 0.1 agree; 11,000 and 15,000 do not).

    Claims are compared pair by pair where their times overlap, never by chaining: a
    2010–2014 term, a 2013–2017 term and a 2016–2019 term give two findings, since the
    first and the last never meet. One finding per set of claims alive on one day, each
    value with its holders and the times they gave. Severity comes from the two claims
    that actually disagree: *error* when certain claims on both sides definitely
    overlap; *warning* when one side is only probable or possible (two certain claims
    agreeing and one "possible" dissent) or the times only possibly overlap (year
    terms ``2010/2016`` and ``2016/2019``; the message then says so); *info* when both
    hold. A claim without a valid time is compared with every claim, in a finding of
    its own, one step less severely against a dated claim; two undated claims speak of
    the same unspecified time (the date of an event, given without saying when).

    Cost: the values of each set of claims alive on one day are counted and swept
    (:class:`~factlog.analysis._clashes.Clashes`), never compared pair by pair: O(n log
    n) for n claims in one slot, however many distinct values they give.

    Example: ``{"id": "head-of-government", "kind": "state", "functional": true}``;
    Alice for ``2016-01/2016-06`` (certain, twice) and Bob for ``2016-03`` (possible):
    one warning.
    """
    for (subject, _, _), entries in index.by_slot.items():
        predicate = entries[0].predicate
        if predicate is None or not predicate.functional:
            continue
        affirmed = _committed_affirmations(entries)
        if len(affirmed) < 2:
            continue

        def value_of(entry: Entry) -> object:
            assert entry.proposition is not None
            return entry.proposition.object

        lead = f"Conflicting values: {index.name(subject)} {predicate.label}"
        yield from _findings("conflicting_values", _Values(index, predicate, value_of), affirmed, lead)


def conflicting_holders(index: Index) -> Iterator[Finding]:
    """Different subjects named for one object of an inverse-functional predicate at overlapping times.

    ``inverse_functional`` says the object has one subject at a time: "the premier of
    Ruritania" is one person, so two people named premier in the same week conflict,
    and a page that puts a wrong name on the office is caught against the pages that
    name the right person. Subjects agree when equal (or one lies within the other).
    Findings and severity as for ``conflicting_values``.

    Example: ``{"id": "premier-of", "label": "is premier of", "kind": "state",
    "inverse_functional": true}``; Alice premier of Ruritania in ``2025-03`` according
    to two papers, Bob in ``2025-03-10`` according to a third: an error.
    """
    for (obj, _, _), entries in index.by_object.items():
        predicate = entries[0].predicate
        if predicate is None or not predicate.inverse_functional:
            continue
        affirmed = _committed_affirmations(entries)
        if len(affirmed) < 2 or len({e.proposition.subject for e in affirmed if e.proposition}) < 2:
            continue

        def subject_of(entry: Entry) -> object:
            assert entry.proposition is not None
            return entry.proposition.subject

        label = predicate.label
        lead = f"Conflicting holders: {label} {index.name(obj)}:"
        yield from _findings("conflicting_holders", _Values(index, predicate, subject_of), affirmed, lead)
