"""Value rules: one value per subject, or one subject per object, at a time."""

from __future__ import annotations

import decimal
import functools
import math
from collections.abc import Iterator, Sequence

from factlog.analysis import _phrasing as phrasing
from factlog.analysis._entry import one_partner, partner
from factlog.analysis._index import Entry, Index
from factlog.analysis._sides import Side
from factlog.analysis._timegroups import definitely_meet, spans_meet
from factlog.analysis._unionfind import UnionFind
from factlog.analysis._values import convert
from factlog.checks._corrections import corrections, corrections_words, only_corrections
from factlog.checks._findings import Finding, Severity, finding_id, graded
from factlog.checks._groupings import reads
from factlog.checks._relays import Relays
from factlog.checks._runs import Conflict, conflict_runs
from factlog.checks._slotvalues import Kept, Shared, Values
from factlog.model._quantities import Quantity
from factlog.model._scales import Certainty, Polarity
from factlog.model._vocabulary import unit_slug

__all__ = ["conflicting_holders", "conflicting_values"]


def _object(entry: Entry) -> object:
    assert entry.proposition is not None
    return entry.proposition.object


def _committed_affirmations(entries: Sequence[Entry]) -> list[Entry]:
    return [e for e in entries if e.polarity is Polarity.AFFIRMED and e.certainty is not Certainty.UNCOMMITTED]


def _pair_severity(values: Values, first: list[Entry], second: list[Entry]) -> tuple[Severity, bool]:
    """The severity of the surest pair across two value groups, and whether any pair definitely overlaps in time.

    One :func:`graded` for every softening: times that only possibly meet (cores that
    do not meet: imprecise, approximate or missing dates), a side only probable, and a
    date value that is approximate or uncertain (the values then clash only possibly).
    Units that do not convert make at most a warning. Both sides count as certain only
    when a certain claim of each may share a day with one of the other (spans meet): a
    run's certain claims that are never alive together do not. A claim without a valid
    time spans all time, so for the undated claims this changes nothing.
    """
    definite = definitely_meet(first, second)
    exact = values.exact(first) and values.exact(second)
    top = None if values.convertible(first, second) else Severity.WARNING
    firm_first = [e for e in first if e.certainty is Certainty.CERTAIN]
    firm_second = [e for e in second if e.certainty is Certainty.CERTAIN]
    if firm_first and firm_second and spans_meet([e.span for e in firm_first], [e.span for e in firm_second]):
        firm_definite = definitely_meet(firm_first, firm_second)
        return graded(certain=True, definite=firm_definite and exact, top=top), definite
    return graded(certain=False, definite=definite and exact, top=top), definite


def _conflicts(values: Values, entries: Sequence[Entry]) -> Iterator[tuple[Conflict, bool]]:
    """Sets of value groups that clash, with the severity of their worst pair, and whether every claim is dated.

    Dated claims are compared within each set of claims alive on one day (never by
    chaining), a run of such sets clashing over the same values at a time
    (:func:`~factlog.checks._runs.conflict_runs`); an undated claim is compared with
    every claim whose value clashes with it, in a set of its own: one step less severe
    against a dated claim.
    """
    dated = [e for e in entries if e.timed]
    undated = values.groups([e for e in entries if not e.timed])
    for found in conflict_runs(values, dated) if len(dated) > 1 else []:
        yield found, True
    if undated:
        every = list(values.groups(entries).items())
        timed = {k: [e for e in group if e.timed] for k, group in every}  # each group's dated claims, once
        keys = list(undated)
        for number, key in enumerate(keys):
            mine = undated[key]
            later = set(keys[number + 1 :])
            others = [
                list(group) if k in later else timed[k] for k, group in every if k != key and values.clash(mine, group)
            ]
            others = [group for group in others if group]
            if others:
                pairs = [_pair_severity(values, mine, group) for group in others]
                units = not all(values.convertible(mine, group) for group in others)
                yield ([mine, *others], max(p[0] for p in pairs), any(p[1] for p in pairs), units), False


def _merge_undated(values: Values, conflicts: Iterator[tuple[Conflict, bool]]) -> list[Conflict]:
    """Join conflicts that share a claim when both hold an undated one (they speak of the same unspecified time).

    ``conflicts`` says of each conflict whether every claim in it is dated: those are kept as they are.
    The others are joined through every claim they share (a union-find: the same sets whatever
    order they come in), each set's value groups made one by :func:`_regroup`.
    """
    merged: list[Conflict] = []
    undated: list[Conflict] = []
    for conflict, dated in conflicts:
        (merged if dated else undated).append(conflict)
    joined: UnionFind[int] = UnionFind()
    first: dict[str, int] = {}  # claim id -> the first undated conflict holding it
    for number, (groups, _, _, _) in enumerate(undated):
        joined.find(number)
        for group in groups:
            for entry in group:
                joined.union(first.setdefault(entry.id, number), number)
    sets: dict[int, list[Conflict]] = {}
    for number, conflict in enumerate(undated):
        sets.setdefault(joined.find(number), []).append(conflict)
    for members in sets.values():
        if len(members) == 1:
            merged.append(members[0])
            continue
        merged.append(
            (
                _regroup(values, [group for groups, _, _, _ in members for group in groups]),
                max(severity for _, severity, _, _ in members),
                any(definite for _, _, definite, _ in members),
                any(units for _, _, _, units in members),
            )
        )
    return merged


def _regroup(values: Values, groups: list[list[Entry]]) -> list[list[Entry]]:
    """The value groups of joined conflicts as one list: each reading once, each value one group of all its readings.

    A reading is a claim and its part (a claim naming two values is read once for each), so
    no value of a claim is lost; the groups come as :meth:`Values.groups` orders them.
    """
    readings = {(entry.id, entry.part): entry for group in groups for entry in group}
    return list(values.groups(list(readings.values())).values())


def _sides(values: Values, groups: list[list[Entry]]) -> list[list[list[Entry]]]:
    """Value groups gathered into sides of mutually compatible values (a region with its country), in order.

    Each group joins the first side whose values all agree with it, else starts one. A
    group that agrees with no other (counted: :class:`Clashes`) starts a side of its
    own that no other joins; the others are tested against each side at once
    (:class:`Side`). O(n log n + n·s) for n groups and s sides of agreeing values.
    """
    base, table = values.table(groups)
    if table is None:
        every = base.empty()
        for number in range(len(groups)):
            every.add(number)
        agreeing = [every.agreeing(number) for number in range(len(groups))]
    else:  # agreeing is what is not the group itself nor clashing with it
        once = [1] * len(groups)
        agreeing = [len(groups) - 1 - table.clashing(number, once) for number in range(len(groups))]
    sides: list[list[int]] = []
    shared: list[Side] = []  # the sides of groups that agree with some other
    for number in range(len(groups)):
        if not agreeing[number]:
            sides.append([number])
            continue
        side = next((side for side in shared if side.admits(number)), None)
        if side is None:
            shared.append(Side(base, number))
            sides.append(shared[-1].members)
        else:
            side.add(number)
    return [[groups[number] for number in side] for side in sides]


def _first_unit(values: Values, side: list[list[Entry]]) -> Quantity | None:
    """The figure of a side's first value when it has an amount and a unit, else None."""
    value = values.value_of(side[0][0])
    return value if isinstance(value, Quantity) and value.amount is not None and value.unit else None


def _converted(values: Values, group: list[Entry], into: Quantity | None) -> str:
    """``" (120.7 km)"``: a figure in a unit other than ``into``'s, in that unit, or ``""``.

    To 4 significant figures, or more where 4 would read as ``into``'s own figure
    (22,065.2 lb against 22,065 lb is "22065.2 lb", not "2.207e+04 lb", which reads as 22,070).

    The units are read as the keys read them (:func:`~factlog.analysis._values.convert`):
    "30 C" is 86 degF, "3 kilos" are 3 kg.
    """
    value = values.value_of(group[0])
    if into is None or not isinstance(value, Quantity) or value.amount is None or not value.unit:
        return ""
    if unit_slug(value.unit) == unit_slug(str(into.unit)):
        return ""
    figure = convert(float(value.amount), value.unit, str(into.unit))
    if figure is None or figure == value.amount:
        return ""
    return f" ({_digits(figure + 0.0, float(into.amount or 0.0))} {into.unit})"


def _digits(figure: float, other: float) -> str:
    """``figure`` to 4 significant figures, or as many as ``other`` is written with, and more to tell them apart."""
    written = len(decimal.Decimal(repr(other)).normalize().as_tuple().digits) if math.isfinite(other) else 4
    text = f"{figure:.4g}"
    for places in range(max(4, min(written, 17)), 18):
        text = f"{figure:.{places}g}"
        if text != f"{other:.{places}g}":
            return text
    return text


def _findings(rule: str, values: Values, entries: Sequence[Entry], lead: str) -> Iterator[Finding]:
    seen: set[str] = set()
    values.rank(entries)
    for groups, severity, definite, units in _merge_undated(values, _conflicts(values, entries)):
        # The id first: runs apart over the same claims are one finding, its words built once.
        found = finding_id(rule, [e.id for group in groups for e in group])
        if found in seen:
            continue
        seen.add(found)
        times = any(e.timed for group in groups for e in group)
        sides = _sides(values, groups)
        relays = Relays(values.index, groups, sides)
        # Two sides read "A but B"; three or more are listed, "A; B; C", not "A but B but C".
        into = _first_unit(values, sides[0]) if len(sides) == 2 and not units else None
        alternatives = (" but " if len(sides) == 2 else "; ").join(
            " and ".join(
                f"{values.name(group[0])}{_converted(values, group, into) if position else ''}"
                f" according to {values.by_holders(group, times=times)}{relays.words(group)}"
                for group in side
            )
            for position, side in enumerate(sides)
        )
        found_corrections = corrections(values.index, sides)
        message = f"{lead} {alternatives}{relays.verdict()}"
        message += corrections_words(values.index, found_corrections, sides, values.name)
        # A holder correcting itself, nobody else keeping the old value: no clash between sources.
        shown = Severity.INFO if only_corrections(found_corrections, sides) else severity
        if units:
            message = "Values in units that do not convert:" + message.split(":", 1)[1]
        if not definite:
            message += f"; {phrasing.ONLY_POSSIBLE}"
        yield Finding(
            rule=rule,
            severity=shown,
            message=message,
            claims=[
                (" / ".join(sorted(values.side(group[0]) for group in side)), [e.id for g in side for e in g])
                for side in sides
            ],
            id=found,
        )


@reads("slot")
def conflicting_values(index: Index) -> Iterator[Finding]:
    """Incompatible values of a functional predicate at overlapping times.

    A functional predicate has one value per subject (and qualifiers) at a time: one
    date for an event, one number of troops deployed. Entities agree when equal or when
    one lies within the other (``part_of``: a region agrees with its country, not with
    the neighbouring country); texts when equal; dates when they may be the same day;
    quantities when their bounds, widened by the predicate's ``tolerance``, meet (11,000
    and 12,000 with a tolerance of 0.1 agree; 11,000 and 15,000 do not).

    A symmetric predicate declared ``functional`` (or ``inverse_functional``: for it the
    two say the same) gives each entity one partner at a time: "Ann is married to Bob"
    constrains Ann and Bob alike, so each claim counts under both entities, and "Ann is
    married to Bob" against "Cy is married to Ann" is a finding whichever way the ids
    sort.

    Claims are compared where their times overlap, never by chaining. The claims
    alive together on some day form a set; in each set the *involved* values are those
    that clash with another value of the set. One finding per *run*: consecutive sets
    (in the order of their days) whose involved values are the same, listing every
    claim of those sets that holds an involved value, each claim once; a set with no
    clash, or other involved values, or days with no claim alive, end the run (Alice
    against Bob in 2010 and again in 2020, nothing said between, are two findings). So
    every claim listed clashes with another listed claim on a day both are alive. Alice for ``2010/2016`` against Bob
    for ``2011`` and Bob again for ``2013`` is one finding of three claims (the sets
    {Alice, Bob 2011} and {Alice, Bob 2013} both clash over Alice and Bob); a slot
    where the same values are given day after day is one finding. A 2010–2014 term, a
    2013–2017 term and a 2016–2019 term of three different values give two findings
    ({A, B}, then {B, C}), since the first and the last never meet. Each value is given
    with its holders and the times they gave; values that agree with each other stand
    on one side (the border region and its country against a third country; 1970 and
    1970-05-02 against 1971), the side named by its values joined with " / ".
    Severity comes from the two claims alive together that actually disagree:
    *error* when certain claims on both sides definitely overlap; *warning* when one
    side is only probable or possible (two certain claims agreeing and one "possible"
    dissent) or the times only possibly overlap (year terms ``2010/2016`` and
    ``2016/2019``; the message then says so); *info* when both hold. Certain claims
    at two ends of a run that are never alive together make no *warning* of it. A
    claim without a valid time is compared with every claim, in a finding of its own,
    one step less severely against a dated claim; two undated claims speak of the same
    unspecified time (the date of an event, given without saying when), so findings
    of undated claims that share a claim, directly or through others, are one
    finding, each value in it once with all its claims (a claim naming two values
    under both).

    One holder's values through different relays (an agency's toll, 14 as one outlet
    relays it and 12 as another does) name the relays of each side ("according to
    the agency via Daily Meridian"; "in its own words" for its own source), and the
    message says what such a clash most likely is: a relay misreporting the holder,
    not the holder contradicting itself (stated on different days: a relay
    misreporting it, or the holder changing its account). It stays this rule's
    finding, as severe: the figures still cannot both be true, and only the holder's
    own text shows which relay is wrong. Copies of one story (``derived_from``), each
    giving its value in its publisher's own voice, no copy on two sides, are read
    alike: "copies of one story, Agency (“Title”): likely a copy misreporting it".

    A holder's own values of one slot given on different occasions are a correction,
    not a clash between sources: its latest claim corrects its claims of other values
    when it ``answers`` them or was stated in its own words strictly after each
    (:mod:`~factlog.checks._corrections`). The message says so with the days ("Agency
    corrected 12 people (2026-03-03) to 7 people on 2026-03-05 (answering a-12)") and
    names who still gives a corrected value ("Ministry still gives 12 people"); when
    nobody does, the finding is *info*: a correction alone, as the assessment counts a
    holder's latest stance.

    Quantities are converted to one unit first (5 miles is 8.047 km: it clashes with
    8.05 km unless a ``tolerance`` or ``margin`` allows for the rounding; 90 minutes is
    1.5 hours) and widened by the predicate's absolute ``margin`` too. The relative
    ``tolerance`` widens each figure in its own unit, before converting (5 % of 33 degF
    is 1.65 degF, so 33 degF agrees with 0 degC), the ``margin`` converts as a
    difference (a margin of 9 degF is 5 degC), and the unit compared in is the smallest
    spelling among the figures': which claim comes first, or its id, never changes a
    finding. A unit is read as written, never case-folded ("Mbps" is megabits a second,
    "MBPS" a word pint does not read; "MW" and "mW" conflict); "at least 120" has no
    upper bound and "thousands" is 2,000 to 999,999 (the ranges are in
    ``docs/format.md``, wide enough that a loose word never conflicts with a figure
    English would give it for). Figures whose units do not convert (5 km and 3 hours, or
    40 troops and 40 tanks) cannot be compared, and are reported as such ("Values in
    units that do not convert"), at most a *warning*, rather than passed over. A date
    value with an approximate or uncertain bound (``1961~``) clashes only possibly: one
    step less severe.

    Cost: one sweep over the claims' first and last days counts the live claims of
    each value, and works out the involved values again (counted:
    :class:`~factlog.analysis._clashes.Clashes`) only when a value appears or
    disappears (in a slot of more than 16 values whose figures share a unit: only when
    that value clashes with one present, found in O(log k)); no set is built. O(n log
    n) for n claims in one slot, however many distinct values they give, plus the size
    of the findings (each claim listed once per run it joins) and O(k log k) per such
    change of the k values present. Claims without a valid time are still compared
    with every value: O(u·n) for u distinct undated values.

    Example: ``{"id": "head-of-government", "kind": "state", "functional": true}``;
    Alice for ``2016-01/2016-06`` (certain, twice) and Bob for ``2016-03`` (possible):
    one warning.
    """
    shared: dict[str, Shared] = {}  # by predicate id
    names: dict[str, str] = {}  # each holder's name, found once
    for slot, entries in index.by_slot.items():
        if len(entries) < 2:
            continue  # one claim has one value: most slots are ruled out here
        predicate = entries[0].predicate
        if predicate is None or not (predicate.functional or one_partner(predicate)):
            continue
        affirmed = _committed_affirmations(entries)
        if len(affirmed) < 2:
            continue
        subject = slot[0]
        value_of = _object if not predicate.symmetric else functools.partial(partner, slot)

        lead = f"Conflicting values: {index.name(subject)} {predicate.label}"
        values = Values(
            index,
            predicate,
            value_of,
            shared.setdefault(predicate.id, ({}, Kept())),
            names=names,
            keyed=not predicate.symmetric,  # the object is the entry's own: its key holds object_key of it
        )
        yield from _findings("conflicting_values", values, affirmed, lead)


@reads("object")
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
    shared: dict[str, Shared] = {}  # by predicate id
    names: dict[str, str] = {}  # each holder's name, found once
    for (obj, _, _), entries in index.by_object.items():
        if len(entries) < 2:
            continue
        predicate = entries[0].predicate
        if predicate is None or not predicate.inverse_functional or predicate.symmetric:
            continue  # a symmetric one has one partner a side: conflicting_values compares both sides
        affirmed = _committed_affirmations(entries)
        if len(affirmed) < 2 or len({e.proposition.subject for e in affirmed if e.proposition}) < 2:
            continue

        def subject_of(entry: Entry) -> object:
            assert entry.proposition is not None
            return entry.proposition.subject

        label = predicate.label
        lead = f"Conflicting holders: {label} {index.name(obj)}:"
        values = Values(index, predicate, subject_of, shared.setdefault(predicate.id, ({}, Kept())), names=names)
        yield from _findings("conflicting_holders", values, affirmed, lead)
