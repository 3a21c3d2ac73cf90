"""Exclusive predicates: two relations that cannot hold of one subject at once."""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence

from factlog.analysis import _phrasing as phrasing
from factlog.analysis._index import Entry, Index, chronological
from factlog.analysis._timegroups import definitely_meet
from factlog.checks._findings import Finding, graded
from factlog.checks._groupings import reads
from factlog.model._scales import Certainty, Polarity

__all__ = ["exclusive_predicates", "overlapping"]


def overlapping(first: Sequence[Entry], second: Sequence[Entry]) -> list[Entry]:
    """The claims of ``first`` whose span shares a day with some span of ``second``: O(n log n)."""
    ordered = sorted(e.span for e in second)
    starts = [start for start, _ in ordered]
    reach: list[int] = []
    for _, end in ordered:
        reach.append(max(end, reach[-1]) if reach else end)
    kept = []
    for entry in first:
        count = bisect.bisect_right(starts, entry.span[1])  # spans starting no later than this one ends
        if count and reach[count - 1] >= entry.span[0]:
            kept.append(entry)
    return kept


@reads("slot")
def exclusive_predicates(index: Index) -> Iterator[Finding]:
    """Two predicates declared exclusive, both affirmed of one subject at overlapping times.

    ``exclusive_with`` says two relations cannot hold at once: a sitting president does
    not "no longer hold" the same office. (A *former* holder may hold the office again,
    so "former holder of" is not exclusive with "holds": the bundled vocabulary says
    "no longer holds the office" instead.) One finding per subject, object and pair of
    predicates, listing only the claims whose times overlap a claim of the other side,
    with the times each holder gave. Severity: *error* when certain claims on both
    sides definitely overlap in time; *warning* when either side is less than certain
    or the times only possibly overlap (the message then says so); *info* when both.

    Example: ``{"id": "holds-office", "kind": "state", "exclusive_with":
    ["no-longer-holds-office"]}``; "no longer president" in ``2025-10`` against
    "president since ``2025-01-20``": an error; against a term ``2017/2021``: nothing.
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
    def committed(group: Sequence[Entry]) -> list[Entry]:
        return [e for e in group if e.polarity is Polarity.AFFIRMED and e.claim.certainty is not Certainty.UNCOMMITTED]

    one, two = committed(first_group), committed(second_group)
    yes, no = chronological(overlapping(one, two)), chronological(overlapping(two, one))
    if not yes or not no:
        return None
    certain_yes = [e for e in yes if e.claim.certainty is Certainty.CERTAIN]
    certain_no = [e for e in no if e.claim.certainty is Certainty.CERTAIN]
    firm = definitely_meet(certain_yes, certain_no)
    definite = definitely_meet(yes, no)
    both_certain = any(e.claim.certainty is Certainty.CERTAIN for e in yes) and any(
        e.claim.certainty is Certainty.CERTAIN for e in no
    )
    severity = graded(certain=True, definite=True) if firm else graded(certain=both_certain, definite=definite)
    assert yes[0].proposition is not None
    subject = index.name(yes[0].proposition.subject)
    target = _object_words(index, yes[0])
    labels = index.vocabulary.predicates
    message = (
        f"Exclusive: {subject} {labels[first].label}{target} (stated by"
        f" {phrasing.by_holders(index, yes, times=True)}) and {labels[second].label}{target} (stated by"
        f" {phrasing.by_holders(index, no, times=True)}); both cannot hold at once"
    )
    if not definite:
        message += f"; {phrasing.ONLY_POSSIBLE}"
    return Finding(
        rule="exclusive_predicates",
        severity=severity,
        message=message,
        claims={first: [e.id for e in yes], second: [e.id for e in no]},
    )


def _object_words(index: Index, entry: Entry) -> str:
    assert entry.proposition is not None
    value = entry.proposition.object
    if value is None:
        return ""
    return " " + (index.name(value) if isinstance(value, str) else str(value))
