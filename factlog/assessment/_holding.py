"""What each holder of one origin holds now: its current claims, whether it changed its stance, and divisions.

A stance is one holder's. Its latest claims (by the time each was stated) state it now:
a holder that said one thing and later another changed its stance, and its earlier
claims are superseded. Holders of one origin (an agency and a ministry speaking for one
party) are one origin for independence, but each keeps its own stance: what one says
later does not supersede what another said, so two holders that give different answers
at once leave their origin *divided*, not changed. A claim printing words its holder
copied (a declared copy, or an echo of words credited to another) states the stance of
the holder whose words they are: a copy of a wire story is superseded when the wire
changes its stance, not kept as another voice.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs

from factlog.analysis._dependence import found_original
from factlog.analysis._index import Entry, Index
from factlog.analysis._origins import Origin, copied_stories, repeated

__all__ = ["Holding", "holding"]

Copies = Callable[[Entry], bool]
"""``copies(entry)``: whether a claim of the origin prints words that are not its holder's."""


@attrs.frozen
class Holding:
    """What one origin's holders hold now.

    ``holders[n]`` is the id of the holder whose stance ``origin.entries[n]`` states;
    ``current`` the (claim id, part) of the claims that state their holder's stance now;
    ``changed`` the holders (ids, in the order they first spoke) whose later claims
    superseded earlier ones of theirs; ``stances`` each holder's answers now, when the
    origin is divided (holders giving different answers at once), else ``()``.
    """

    holders: tuple[str, ...]
    current: frozenset[tuple[str, int]]
    changed: tuple[str, ...]
    stances: tuple[tuple[str, frozenset[str]], ...]

    @property
    def several(self) -> bool:
        """Whether the origin's claims state the stances of more than one holder."""
        return len(set(self.holders)) > 1


def holding(origin: Origin, answer_of: dict[tuple[str, int], str], copies: Copies, index: Index) -> Holding:
    """Each holder's current claims in ``origin``, who changed its stance, and the holders' answers if they differ.

    ``answer_of`` maps (claim id, part) to the answer the claim supports; ``copies`` says
    which claims print words that are not their holder's. Raises nothing.
    """
    if len(origin.entries) == 1:  # most origins: one claim, its holder's stance
        [entry] = origin.entries
        return Holding(holders=(entry.holder,), current=frozenset({(entry.id, entry.part)}), changed=(), stances=())
    holders = _stance_holders(origin, answer_of, copies, index)
    by_holder: dict[str, list[Entry]] = {}
    for entry, holder in zip(origin.entries, holders, strict=True):
        by_holder.setdefault(holder, []).append(entry)
    current: set[tuple[str, int]] = set()
    changed: list[str] = []
    now_answers: dict[str, frozenset[str]] = {}
    for holder, entries in by_holder.items():
        now, moved = _latest(entries, answer_of)
        current.update(now)
        if moved:
            changed.append(holder)
        now_answers[holder] = frozenset(answer_of[key] for key in now)
    divided = len(set(now_answers.values())) > 1
    return Holding(
        holders=holders,
        current=frozenset(current),
        changed=tuple(changed),
        stances=tuple(now_answers.items()) if divided else (),
    )


def _latest(entries: Sequence[Entry], answer_of: dict[tuple[str, int], str]) -> tuple[set[tuple[str, int]], bool]:
    """One holder's claims that state its stance now, and whether it changed: its latest, when they differ."""
    every = {(e.id, e.part) for e in entries}
    dates = [e.stated.sort_key for e in entries if e.stated is not None]
    latest = max(dates, default=None)
    now = {(e.id, e.part) for e in entries if e.stated is None or e.stated.sort_key == latest}
    before = {answer_of[key] for key in every - now}
    if before <= {answer_of[key] for key in now}:
        return every, False
    return now, True


def _stance_holders(
    origin: Origin, answer_of: dict[tuple[str, int], str], copies: Copies, index: Index
) -> tuple[str, ...]:
    """Whose stance each claim of the origin states: its holder's, or for copied words the holder they repeat.

    A claim printing copied words states the stance of the holder its story names for
    them (:func:`~factlog.analysis._origins.repeated`) or the copied story's publisher
    (declared, or found by shared wording: ``_dependence.found_original``),
    where that holder speaks in the origin in its own right, preferring one that gives
    the same answer; otherwise of the earliest holder in its own right giving that answer;
    otherwise its own holder. Every part of one claim states one holder's stance.
    """
    entries = origin.entries
    if len({entry.holder for entry in entries}) == 1:  # most origins: one holder, however relayed
        return tuple(entry.holder for entry in entries)
    copied = [copies(entry) for entry in entries]
    if all(copied):  # copies alone (their story not in the set): each copy's holder speaks for itself
        copied = [False] * len(entries)
    own = [entry for entry, copy in zip(entries, copied, strict=True) if not copy]
    speakers = {entry.holder for entry in own}
    found: dict[str, str] = {}
    for entry, copy in zip(entries, copied, strict=True):
        if entry.id in found:
            continue
        if not copy:
            found[entry.id] = entry.holder
            continue
        answer = answer_of[entry.id, entry.part]
        named = set(repeated(index, entry))
        named.update(p for story in copied_stories(index, entry) if (p := index.publisher(story)) is not None)
        found_from = found_original(index, entry)  # undeclared, found by shared wording: as if declared
        if found_from is not None and (publisher := index.publisher(found_from)) is not None:
            named.add(publisher)
        same = [other.holder for other in own if answer_of[other.id, other.part] == answer]
        chosen = (
            next((holder for holder in same if holder in named), None)
            or next((o.holder for o in own if o.holder in named), None)
            or next(iter(same), None)
        )
        found[entry.id] = chosen if chosen is not None and chosen in speakers else entry.holder
    return tuple(found[entry.id] for entry in entries)
