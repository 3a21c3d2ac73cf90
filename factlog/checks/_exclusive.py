"""Exclusive predicates: two relations that cannot hold of one subject at once."""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Mapping, Sequence

from factlog.analysis import _phrasing as phrasing
from factlog.analysis._index import Entry, Index, chronological
from factlog.analysis._timegroups import definitely_meet
from factlog.checks._findings import Finding, graded
from factlog.checks._groupings import reads
from factlog.model._nouns import Predicate
from factlog.model._scales import Certainty, Polarity
from factlog.model._vocabulary import PropositionKey

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
    with the times each holder gave. A symmetric predicate reads the same both ways:
    "A is allied with B" excludes "B is at war with A" as it does "A is at war with B".
    Severity: *error* when certain claims on both
    sides definitely overlap in time; *warning* when either side is less than certain
    or the times only possibly overlap (the message then says so); *info* when both.

    The sides are named by the two predicates, as ``exclusive_with`` declares them. A
    predicate exclusive with its own inverse sets a claim against itself turned round
    ("Alice is a parent of Bob" against "Bob is a parent of Alice"): both sides are one
    predicate, so each is named by what it says, in the declaring predicate's words
    (``alice parent-of bob`` and ``bob parent-of alice``), whichever end each claim was
    written with and however the entities' ids sort.

    Example: ``{"id": "holds-office", "kind": "state", "exclusive_with":
    ["no-longer-holds-office"]}``; "no longer president" in ``2025-10`` against
    "president since ``2025-01-20``": an error; against a term ``2017/2021``: nothing.
    """
    vocabulary = index.vocabulary
    predicates, partners = vocabulary.predicates, vocabulary.exclusive
    names = vocabulary.exclusive_names
    for key in list(index.by_key):
        # A partner and itself turned round may face one key (a symmetric key, a self-loop): once.
        met: set[PropositionKey] = set()
        for other, turned in partners.get(key[1], ()):
            for facing in _facing(predicates, key, other, turned):
                if facing in met:
                    continue
                met.add(facing)
                if other == key[1]:  # a predicate and itself turned round: the pair in the order of its subjects
                    first_key, second_key = (key, facing) if key[0] < facing[0] else (facing, key)
                else:
                    first_key, second_key = (key, facing) if key[1] < other else (facing, key)
                if key == second_key and first_key in index.by_key:
                    continue  # reported from the first group
                declared = names[(first_key[1], second_key[1], turned)]  # whichever end is canonical
                sides = declared
                if other == key[1]:  # both sides are one predicate: named by what each says, not by id order
                    sides = (_reading(declared[0], first_key), _reading(declared[0], second_key))
                groups = index.pair_group(first_key), index.pair_group(second_key)
                finding = _exclusive(index, (declared, sides), *groups)
                if finding is not None:
                    yield finding


def _reading(name: str, key: PropositionKey) -> str:
    """A key read with ``name``, one end of its predicate's pair: ``alice parent-of bob``, or turned round."""
    subject, canonical, obj, _ = key
    assert obj is not None
    if name == canonical:
        return f"{subject} {name} {obj[1]}"
    return f"{obj[1]} {name} {subject}"


def _facing(predicates: Mapping[str, Predicate], key: PropositionKey, other: str, turned: bool) -> list[PropositionKey]:
    """The keys of ``other`` that exclude ``key``: the same subject and object, or turned round.

    A symmetric predicate reads the same both ways, so "A allied with B" excludes both
    "A at war with B" and "B at war with A"; a symmetric ``other`` has its pair sorted,
    as every key has. A partner declared at the other end of an inverse pair
    (``turned``) faces the key turned round; a key whose object is no entity has no
    turned partner. Each key of a pair faces the other (the rule reports it once).
    """
    subject, predicate, obj, qualifiers = key
    if obj is None or obj[0] != "entity" or not isinstance(obj[1], str):
        return [] if turned else [(subject, other, obj, qualifiers)]
    target = obj[1]
    if predicates[predicate].symmetric:
        ends = [(subject, target), (target, subject)]
    else:
        ends = [(target, subject) if turned else (subject, target)]
    found: list[PropositionKey] = []
    for ordered in ends:
        one, two = sorted(ordered) if predicates[other].symmetric else ordered
        facing = (one, other, ("entity", two), qualifiers)
        if facing != key and facing not in found:
            found.append(facing)
    return found


def _exclusive(
    index: Index,
    names: tuple[tuple[str, str], tuple[str, str]],
    first_group: Sequence[Entry],
    second_group: Sequence[Entry],
) -> Finding | None:
    """The finding of two groups of claims of exclusive predicates, if any claims overlap in time.

    ``names``: the two predicates' names as declared, and the sides' names.
    """

    def committed(group: Sequence[Entry]) -> list[Entry]:
        return [e for e in group if e.polarity is Polarity.AFFIRMED and e.certainty is not Certainty.UNCOMMITTED]

    one, two = committed(first_group), committed(second_group)
    yes, no = chronological(overlapping(one, two)), chronological(overlapping(two, one))
    if not yes or not no:
        return None
    certain_yes = [e for e in yes if e.certainty is Certainty.CERTAIN]
    certain_no = [e for e in no if e.certainty is Certainty.CERTAIN]
    firm = definitely_meet(certain_yes, certain_no)
    definite = definitely_meet(yes, no)
    both_certain = any(e.certainty is Certainty.CERTAIN for e in yes) and any(
        e.certainty is Certainty.CERTAIN for e in no
    )
    severity = graded(certain=True, definite=True) if firm else graded(certain=both_certain, definite=definite)
    declared, (first, second) = names
    one_label, two_label = (index.vocabulary.predicate(name) for name in declared)
    assert one_label is not None
    assert two_label is not None
    # Each side in its own words, but a symmetric one reads the same either way round.
    yes_words, no_words = _words(index, yes[0]), _words(index, no[0])
    assert yes[0].proposition is not None
    assert no[0].proposition is not None
    if one_label.symmetric and not two_label.symmetric:
        yes_words = no_words
    elif two_label.symmetric or yes[0].proposition.subject == no[0].proposition.subject:
        no_words = yes_words
    said = f"{yes_words[0]} {one_label.label}{yes_words[1]} (stated by {phrasing.by_holders(index, yes, times=True)})"
    other = two_label.label if no_words == yes_words else f"{no_words[0]} {two_label.label}"
    message = (
        f"Exclusive: {said} and {other}{no_words[1]} (stated by"
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


def _words(index: Index, entry: Entry) -> tuple[str, str]:
    """The subject's name and the object's words (with a space before, or none) of a claim's reading."""
    assert entry.proposition is not None
    value = entry.proposition.object
    if value is None:
        return index.name(entry.proposition.subject), ""
    return index.name(entry.proposition.subject), " " + (index.name(value) if isinstance(value, str) else str(value))
