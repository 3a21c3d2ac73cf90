"""Corrections: a holder giving a new value in place of one it gave before.

An agency that printed a toll of 12 and, two days later, "the correct figure is seven"
has not contradicted another source: it has corrected itself. Within a finding of
``conflicting_values`` or ``conflicting_holders``, a holder's claim is a *correction*
of the holder's own claims of other values when it ``answers`` them, or when it was
stated, in the holder's own words, strictly after every one of them. The finding then says so, with the days
("Agency corrected 12 people (2026-03-03) to 7 people on 2026-03-05"), and names the
holders that still give a corrected value: those are the conflict between sources
that remains. When nobody else gives a corrected value, the finding is the
correction alone: *info*, as the assessment too counts only a holder's latest stance.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs

from factlog.analysis import _phrasing as phrasing
from factlog.analysis._index import Entry, Index

__all__ = ["Correction", "corrections", "corrections_words", "only_corrections"]


@attrs.frozen
class Correction:
    """One holder's correction: its later claim, and its earlier claims of the values it replaced."""

    holder: str
    later: Entry = attrs.field(eq=False)
    earlier: tuple[Entry, ...] = attrs.field(eq=False)
    answered: bool


def corrections(index: Index, sides: Sequence[Sequence[Sequence[Entry]]]) -> list[Correction]:
    """The corrections among a finding's sides (lists of value groups), in the order the holders first speak.

    For each holder with claims on two sides or more: its latest claim, when it
    ``answers`` its claims on the other sides, or when it is in the holder's own words
    (its own source, no relay) and was stated strictly after each of them (no day
    known, or days that may be the same, tell nothing; a relay giving another figure
    later may be misreporting it: :class:`~factlog.checks._relays.Relays` says so).
    Raises nothing.
    """
    by_holder: dict[str, list[tuple[int, Entry]]] = {}
    for number, side in enumerate(sides):
        for group in side:
            for entry in group:
                by_holder.setdefault(entry.holder, []).append((number, entry))
    found = []
    for holder, mine in by_holder.items():
        if len({number for number, _ in mine}) < 2:
            continue  # most holders: one value
        later_side, later = max(mine, key=lambda item: _last(item[1]))
        earlier = [entry for number, entry in mine if number != later_side]
        answers = set(later.claim.answers)
        answered = all(entry.claim.id in answers for entry in earlier)
        if answered or (_own_words(index, later) and all(_definitely_before(entry, later) for entry in earlier)):
            found.append(Correction(holder, later, tuple(_unique(earlier)), answered))
    return found


def _last(entry: Entry) -> tuple[int, int, str]:
    stated = entry.stated
    return (*(stated.sort_key if stated is not None else (0, 0)), entry.claim.id)


def _own_words(index: Index, entry: Entry) -> bool:
    return not entry.claim.attribution.via and bool(entry.sources) and index.publisher(entry.sources[0]) == entry.holder


def _definitely_before(earlier: Entry, later: Entry) -> bool:
    return (
        earlier.stated is not None and later.stated is not None and earlier.stated.before(later.stated, definitely=True)
    )


def _unique(entries: list[Entry]) -> list[Entry]:
    return list({entry.claim.id: entry for entry in entries}.values())


def corrections_words(
    index: Index, found: Sequence[Correction], sides: Sequence[Sequence[Sequence[Entry]]], value: Callable[[Entry], str]
) -> str:
    """``; Agency corrected 12 people (2026-03-03) to 7 people on 2026-03-05 (answering a-12); ...``, or "".

    Closes with the holders still giving a corrected value ("Ministry still gives 12
    people"), or, when none does, "a correction, not a clash between sources".
    """
    if not found:
        return ""
    parts = []
    replaced: dict[str, None] = {}
    correcting = {correction.holder for correction in found}
    for correction in found:
        before = phrasing.join(f"{value(entry)} ({_day(entry)})" for entry in correction.earlier)
        how = f" (answering {', '.join(e.claim.id for e in correction.earlier)})" if correction.answered else ""
        on = f" on {correction.later.stated}" if correction.later.stated is not None else ""
        parts.append(f"{index.name(correction.holder)} corrected {before} to {value(correction.later)}{on}{how}")
        replaced.update(dict.fromkeys(value(entry) for entry in correction.earlier))
    still: dict[str, list[str]] = {}
    for side in sides:
        for group in side:
            for entry in group:
                if entry.holder not in correcting and value(entry) in replaced:
                    names = still.setdefault(value(entry), [])
                    name = index.name(entry.holder)
                    if name not in names:
                        names.append(name)
    if still:
        tail = "; ".join(
            f"{phrasing.join(names)} still give{'s' * (len(names) == 1)} {v}" for v, names in still.items()
        )
    else:
        tail = "a correction, not a clash between sources"
    return "; " + "; ".join(parts) + "; " + tail


def only_corrections(found: Sequence[Correction], sides: Sequence[Sequence[Sequence[Entry]]]) -> bool:
    """Whether every claim of a value some holder corrected is that holder's: nothing but corrections clash."""
    if not found:
        return False
    corrected = {entry.claim.id for correction in found for entry in correction.earlier}
    latest = {correction.later.claim.id for correction in found}
    for side in sides:
        claims = [entry for group in side for entry in group]
        if any(entry.claim.id in latest for entry in claims):
            continue  # a side a correction leads to: what the holders say now
        if not all(entry.claim.id in corrected for entry in claims):
            return False
    return True


def _day(entry: Entry) -> str:
    return str(entry.stated) if entry.stated is not None else "undated"
