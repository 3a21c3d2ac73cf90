"""Value rules: one subject, two values where the vocabulary allows only one."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from factlog.analysis import _phrasing as phrasing
from factlog.analysis._index import Entry, Index, chronological
from factlog.analysis._timegroups import definite_conflict, possible_conflict, time_groups
from factlog.analysis._values import quantity_ranges, value_range
from factlog.checks._findings import Finding, Severity
from factlog.model._nouns import DateValue, Predicate, Quantity
from factlog.model._scales import Certainty, Polarity

__all__ = ["conflicting_values", "exclusive_predicates"]


def _compare(entries: Sequence[Entry], predicate: Predicate) -> str:
    """``agree``, ``conflict``, or ``units`` when quantities in units that do not convert meet."""
    objects = [e.proposition.object for e in entries if e.proposition is not None]
    kinds = {type(value) for value in objects}
    if len(kinds) > 1:
        return "conflict"
    if kinds == {Quantity}:
        found = quantity_ranges([value for value in objects if isinstance(value, Quantity)], predicate)
        if found is None:
            return "units"
        ranges: list[tuple[float, float] | None] = list(found)
    else:
        ranges = [value_range(value) for value in objects]
    if ranges and ranges[0] is not None:
        lows = [r[0] for r in ranges if r is not None]
        highs = [r[1] for r in ranges if r is not None]
        return "conflict" if min(highs) < max(lows) else "agree"
    return "conflict" if len({e.key for e in entries}) > 1 else "agree"


def _exact(entry: Entry) -> bool:
    """Whether neither the valid time nor a date value has an approximate, uncertain or unknown bound."""
    assert entry.proposition is not None
    value = entry.proposition.object
    return entry.exact and (not isinstance(value, DateValue) or value.date.exact)


def _object_words(index: Index, entry: Entry) -> str:
    assert entry.proposition is not None
    value = entry.proposition.object
    if value is None:
        return ""
    return " " + (index.name(value) if isinstance(value, str) else str(value))


def _value(entry: Entry) -> str:
    assert entry.proposition is not None
    value = entry.proposition.object
    return "nothing" if value is None else str(value) if not isinstance(value, str) else value


def conflicting_values(index: Index) -> Iterator[Finding]:
    """Incompatible values of a functional predicate at overlapping times.

    A functional predicate has one value per subject (and qualifiers) at a time: one
    date for an event, one number of troops deployed. Entities and texts are
    compatible only when equal; dates when they may be the same day; quantities when
    their bounds, widened by the predicate's relative ``tolerance`` and absolute
    ``margin``, meet (11,000 and 12,000 with a tolerance of 0.1 agree; 11,000 and
    15,000 do not). "At least 120" has no upper bound and "dozens" is 24 to 99 (the
    ranges are in ``docs/format.md``). Units are converted first (5 miles is 8.05 km;
    90 minutes is 1.5 hours); figures whose units do not convert (5 km and 3 hours,
    or 40 troops and 40 tanks) cannot be compared, and are reported as such rather
    than passed over. One finding per subject and time, listing the claims for each
    value. Severity: *error* when two certain claims disagree, *warning* otherwise, for
    units that do not convert, or when a valid time or a date value has an
    approximate, uncertain or unknown bound (``1961~``, ``2019?``, ``2019/``).
    """
    for (subject, _, _), entries in index.by_slot.items():
        predicate = entries[0].predicate
        if predicate is None or not predicate.functional:
            continue
        affirmed = [
            e
            for e in entries
            if e.claim.polarity is Polarity.AFFIRMED and e.claim.certainty is not Certainty.UNCOMMITTED
        ]
        for group in time_groups(affirmed):
            outcome = "agree" if len(group) < 2 else _compare(group, predicate)
            if outcome == "agree":
                continue
            by_value: dict[str, list[Entry]] = {}
            for entry in chronological(group):
                by_value.setdefault(_value(entry), []).append(entry)
            certain = sum(1 for e in group if e.claim.certainty is Certainty.CERTAIN) >= 2 and all(
                _exact(e) for e in group
            )
            alternatives = " but ".join(
                f"{value} according to {phrasing.holders(index, members)}" for value, members in by_value.items()
            )
            lead = "Conflicting values" if outcome == "conflict" else "Values in units that do not convert"
            yield Finding(
                rule="conflicting_values",
                severity=Severity.ERROR if certain and outcome == "conflict" else Severity.WARNING,
                message=f"{lead}: {index.name(subject)} {predicate.label} {alternatives}",
                claims={value: [e.id for e in members] for value, members in by_value.items()},
            )


def exclusive_predicates(index: Index) -> Iterator[Finding]:
    """Two predicates declared exclusive, both affirmed of one subject at overlapping times.

    ``exclusive_with`` says two relations cannot hold at once: a sitting president is
    not a former president of the same office. One finding per subject, object and
    pair of predicates. Severity: *error* when certain claims on both sides definitely
    overlap in time, *warning* otherwise.
    """
    predicates = index.vocabulary.predicates
    pairs = sorted(
        {tuple(sorted((p.id, other))) for p in predicates.values() for other in p.exclusive_with if other in predicates}
    )
    partners: dict[str, list[str]] = {}
    for first, second in pairs:
        partners.setdefault(first, []).append(second)
        partners.setdefault(second, []).append(first)
    for key in list(index.by_key):
        for other in partners.get(key[1], ()):
            first, second = sorted((key[1], other))
            first_key, second_key = (key[0], first, key[2], key[3]), (key[0], second, key[2], key[3])
            if key == second_key and first_key in index.by_key:
                continue  # reported from the first predicate's group
            finding = _exclusive(index, first, second, index.key_group(first_key), index.key_group(second_key))
            if finding is not None:
                yield finding


def _exclusive(
    index: Index, first: str, second: str, first_group: Sequence[Entry], second_group: Sequence[Entry]
) -> Finding | None:
    yes = chronological([e for e in first_group if e.claim.polarity is Polarity.AFFIRMED])
    no = chronological([e for e in second_group if e.claim.polarity is Polarity.AFFIRMED])
    if not yes or not no or not possible_conflict(yes, no):
        return None
    certain_yes = [e for e in yes if e.claim.certainty is Certainty.CERTAIN]
    certain_no = [e for e in no if e.claim.certainty is Certainty.CERTAIN]
    firm = definite_conflict(certain_yes, certain_no, event=False)  # states: shared days
    assert yes[0].proposition is not None
    subject = index.name(yes[0].proposition.subject)
    target = _object_words(index, yes[0])
    labels = index.vocabulary.predicates
    return Finding(
        rule="exclusive_predicates",
        severity=Severity.ERROR if firm else Severity.WARNING,
        message=f"Exclusive: {subject} {labels[first].label}{target} (stated by"
        f" {phrasing.holders(index, yes)}) and {labels[second].label}{target} (stated by"
        f" {phrasing.holders(index, no)}); both cannot hold at once",
        claims={first: [e.id for e in yes], second: [e.id for e in no]},
    )
