"""The questions assessment weighs: one proposition over one stretch of time, or one slot.

A *question* gathers the claims about one proposition whose times overlap (yes or
no?), or the claims about the value of one functional slot (which value?). Its claims
are grouped into independent origins; each origin votes. A holder's current stance
is its latest claims when its answer changed, so a holder that reversed itself
counts as it stands now; copies of one story published on different days are one
stance, not a change; holders of one origin giving different answers at once leave
it divided, counted for each of their answers. Uncommitted claims do not vote: a proposition with only
uncommitted claims is still a question, with no votes (unverified).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import attrs

from factlog.analysis import _phrasing as phrasing
from factlog.analysis._entry import slot_votes
from factlog.analysis._index import Entry, Index, SlotKey
from factlog.analysis._timegroups import time_groups
from factlog.assessment._acceptance import Acceptance
from factlog.assessment._layout import Layout, three_sides
from factlog.assessment._stances import OriginWeight, joined, strength
from factlog.assessment._votes import NONE_TOGETHER, Answers, Vote, Weigher, votes
from factlog.model._cached import cached_slot
from factlog.model._dates import Interval, hull_ends
from factlog.model._nouns import Object, Proposition
from factlog.model._scales import Certainty, Polarity
from factlog.model._vocabulary import ObjectKey, PropositionKey, object_key, shown_form, written_key

__all__ = ["OriginWeight", "Place", "Question", "Vote", "placed_questions", "questions"]


class _Kept:
    """Where a :class:`Question` keeps what it computes on first use (see :mod:`factlog.model._cached`)."""

    __slots__ = ("_claims_by_answer_", "_rank_", "_slot_sides_", "_stances_", "_supported", "_withdrawn")


@attrs.frozen(eq=False)
class Question(_Kept):
    """One question for assessment: its answers, which exclude which, its origins and votes.

    ``rivals[a]`` are the answers that cannot be true together with ``a`` (in a slot, a
    denial's; a candidate's follow from ``layout``); ``values``
    maps each candidate to its typed object (entity id, text, quantity, date), None
    for the "yes" of a yes/no question. ``answer_of[n]`` is the answer ``entries[n]``
    supports: a claim naming several objects has one entry, and one answer, for each.
    """

    entries: tuple[Entry, ...]
    answers: tuple[str, ...]
    candidates: tuple[str, ...]
    rivals: dict[str, tuple[str, ...]]
    votes: tuple[Vote, ...]
    values: dict[str, Object | None]
    answer_of: tuple[str, ...]
    texts: dict[str, str]
    keys: dict[str, str]
    notes: tuple[str, ...]
    slot: str | None
    when: Interval | None = None
    """The stretch of time the question covers (None: any time)."""

    layout: Layout | None = None
    """For a slot, its candidates as intervals: which are compatible (another precision of one date, figures
    within the tolerance) and which are rivals, without listing pairs. ``rivals`` then holds only the denials."""

    together: dict[str, tuple[frozenset[str], ...]] = NONE_TOGETHER
    """Speaker → the values each of its current, committed claims affirms, for the speakers with a claim that
    affirms several (a claim naming several objects): such a claim stands against none of its own values."""

    def friends(self, answer: str) -> frozenset[str]:
        """The answer and the candidates compatible with it (another precision of one date): O(candidates)."""
        layout = self.layout
        mine = self._rank.get(answer) if layout is not None else None
        if layout is None or mine is None:
            return frozenset((answer,))
        return frozenset(name for i, name in enumerate(layout.names) if layout.compatible(mine, i))

    @cached_slot
    def _rank(self) -> dict[str, int]:
        return {name: i for i, name in enumerate(self.layout.names)} if self.layout is not None else {}

    @cached_slot
    def supported(self) -> frozenset[str]:
        """The answers some origin currently supports with a committed claim."""
        return frozenset(vote.answer for vote in self.votes if vote.current and vote.weight > 0)

    @cached_slot
    def withdrawn(self) -> dict[str, tuple[str, ...]]:
        """Answer → the labels (sorted) of the origins whose superseded claims supported it: they changed stance."""
        found: dict[str, set[str]] = {}
        for vote in self.votes:
            if not vote.current and vote.weight > 0:
                found.setdefault(vote.answer, set()).add(vote.origin.label)
        return {answer: tuple(sorted(labels)) for answer, labels in found.items()}

    @cached_slot
    def _stances(self) -> dict[str, list[tuple[float, str, OriginWeight]]]:
        """Speaker → its current, committed votes as (−weight, answer, origin), strongest first.

        Equally weighted stances come in an order of what they are (grade, interest, discounts,
        label), then of their answers: never of the order of the claims' ids.
        """
        found: dict[str, list[tuple[float, str, OriginWeight]]] = {}
        for vote in self.votes:
            if vote.current and vote.weight > 0:
                found.setdefault(vote.origin.speaks_for, []).append((-vote.origin.weight, vote.answer, vote.origin))
        for stances in found.values():
            if len(stances) > 1:
                stances.sort(key=strength)
        return found

    def _side(self, answer: str, *, backing: bool) -> tuple[OriginWeight, ...]:
        rank = self._rank.get(answer) if self.layout is not None else None
        if rank is not None:
            return self._slot_sides[0 if backing else 1][rank]
        friends = self.friends(answer)
        rivals = set(self.rivals.get(answer, ())) if self.slot is None or answer.startswith("not:") else None
        chosen = []
        for stances in self._stances.values():
            mine = next((origin for _, a, origin in stances if a in friends), None)
            if backing:
                if mine is not None:
                    chosen.append(mine)
                continue
            if mine is not None:
                continue
            against = next((origin for _, a, origin in stances if self._against(a, answer, friends, rivals)), None)
            if against is not None:
                chosen.append(against)
        return _by_weight(chosen)

    @cached_slot
    def _slot_sides(self) -> tuple[list[tuple[OriginWeight, ...]], ...]:
        """Every candidate's backers, opponents and backers also against it at once, by one sweep."""
        assert self.layout is not None
        stances = self._stances
        together = [self.together.get(speaker) for speaker in stances] if self.together else None
        found = three_sides(self.layout, self._rank, stances.values(), together=together, joined=joined)
        return tuple([_by_weight(items) for items in side] for side in found)

    @staticmethod
    def _against(other: str, answer: str, friends: frozenset[str], rivals: set[str] | None) -> bool:
        if rivals is not None:
            return other in rivals
        return other not in friends and (not other.startswith("not:") or other == f"not:{answer}")

    def split(self, answer: str) -> tuple[OriginWeight, ...]:
        """The origins of :meth:`backers` whose speaker also holds a stance against the answer.

        An origin counts on one side (for, when any of its current stances backs the
        answer), but each of its claims votes: a denial (or a rival value) held only by
        origins listed for the answer was still weighed against it.
        """
        rank = self._rank.get(answer) if self.layout is not None else None
        if rank is not None:
            return self._slot_sides[2][rank]
        friends = self.friends(answer)
        rivals = set(self.rivals.get(answer, ())) if self.slot is None or answer.startswith("not:") else None
        chosen = []
        for stances in self._stances.values():
            mine = next((origin for _, a, origin in stances if a in friends), None)
            if mine is not None and any(self._against(a, answer, friends, rivals) for _, a, _ in stances):
                chosen.append(mine)
        return _by_weight(chosen)

    def backers(self, answer: str) -> tuple[OriginWeight, ...]:
        """The origins whose current stance supports the answer, or one compatible with it."""
        return self._side(answer, backing=True)

    def opponents(self, answer: str) -> tuple[OriginWeight, ...]:
        """The origins whose current stance supports only rivals of the answer."""
        return self._side(answer, backing=False)

    @cached_slot
    def _claims_by_answer(self) -> dict[str, list[str]]:
        """Answer → the ids of the claims that support it, sorted, each once."""
        found: dict[str, dict[str, None]] = {}
        for entry, answer in sorted(zip(self.entries, self.answer_of, strict=True), key=lambda item: item[0].id):
            found.setdefault(answer, {})[entry.id] = None
        return {answer: list(ids) for answer, ids in found.items()}

    def labels(self, acceptance: dict[str, Acceptance], answer: str) -> tuple[tuple[str, Acceptance], ...]:
        """The claims for the answer and against it (its denial; for yes/no, every claim), with their acceptance."""
        own = (answer, "no") if self.slot is None else (answer, f"not:{answer}")
        by_answer = self._claims_by_answer
        claims = sorted((claim, a) for a in own for claim in by_answer.get(a, ()))
        return tuple((claim, acceptance[a]) for claim, a in claims)


def _by_weight(origins: list[OriginWeight]) -> tuple[OriginWeight, ...]:
    return tuple(sorted(origins, key=lambda o: (-o.weight, o.label)))


def _span(entries: Sequence[Entry]) -> Interval | None:
    timed = [e.when for e in entries if e.when is not None]
    if len(timed) != len(entries) or not timed:
        return None
    first, last = hull_ends(timed)  # not the claims' order: it differs between paths (factlog.dask)
    if first.start is None and last.end is None:  # until one time and since another: any time
        return None
    return Interval(first.start, last.end)


def questions(index: Index, weigh: Weigher) -> Iterator[Question]:
    """Every question of the index: yes/no propositions, then functional slots."""
    return (question for _, question in placed_questions(index, weigh))


Place = tuple[bool, str, int, int]
"""Where a question comes in :func:`questions` over the whole (canonical) claim set, as a sort key."""


def placed_questions(index: Index, weigh: Weigher) -> Iterator[tuple[Place, Question]]:
    """Every question of :func:`questions`, with its place among the questions of the whole set.

    A group is filed when its first reading is (claims by id, a claim's readings in
    order), so a question's place is (slot?, that claim's id, that reading's part, its
    time group): an index of some whole groups, in id order, gives each the place it
    has in the index of every claim (what :func:`factlog.assess_lines` relies on).
    """
    for key, entries in index.by_key.items():
        if not slot_votes(entries[0].predicate):
            for number, group in enumerate(_time_groups(entries)):
                yield (False, entries[0].id, entries[0].part, number), _yes_no_question(index, key, group, weigh)
    for slot, entries in index.by_slot.items():
        if slot_votes(entries[0].predicate):
            for number, group in enumerate(_time_groups(entries)):
                yield (True, entries[0].id, entries[0].part, number), _slot_question(index, slot, group, weigh)


def _time_groups(entries: Sequence[Entry]) -> list[list[Entry]]:
    """Committed claims grouped by overlapping time; only-uncommitted claims still make a (voteless) group."""
    committed = [e for e in entries if e.certainty is not Certainty.UNCOMMITTED]
    return time_groups(committed or list(entries))


_YES_NO_RIVALS: dict[str, tuple[str, ...]] = {"yes": ("no",), "no": ("yes",)}
_YES_NO_VALUES: dict[str, Object | None] = {"yes": None}
"""Shared by every yes/no question (never changed): one pair of dicts, not one per question."""


def _yes_no_question(index: Index, key: PropositionKey, group: Sequence[Entry], weigh: Weigher) -> Question:
    first = group[0].proposition
    assert first is not None
    when = _span(group)
    shown = _shown([e.proposition.object for e in group if e.proposition is not None])
    proposition = attrs.evolve(first, object=shown, when=when)
    answer_of = {(e.id, e.part): "yes" if e.polarity is Polarity.AFFIRMED else "no" for e in group}
    written = written_key(shown) if key[2] else None  # a figure's unit as the claims give it, not its base unit
    parts = [key[0], key[1], *(written[1:] if written else ()), *(f"{k}={v}" for k, v in key[3])]
    key_text = " ".join(str(part) for part in parts) + f" @ {phrasing.span(when) or 'any time'}"
    found, notes, _ = votes(index, group, answer_of, weigh)  # one answer a claim: none affirms several
    return Question(
        entries=tuple(group),
        answers=("yes", "no"),
        candidates=("yes",),
        rivals=_YES_NO_RIVALS,
        votes=found,
        answer_of=tuple(answer_of[e.id, e.part] for e in group),
        values=_YES_NO_VALUES,
        texts={"yes": phrasing.proposition(index, proposition)},
        keys={"yes": key_text},
        notes=notes,
        slot=None,
        when=when,
    )


def _shown(objects: list[Object | None]) -> Object | None:
    """The form a value is shown in (an entity: its id; otherwise :func:`shown_form`, whatever the claims' order)."""
    first = objects[0]
    return first if isinstance(first, str) or len(objects) == 1 else shown_form(objects)


def _slot_question(index: Index, slot: SlotKey, group: Sequence[Entry], weigh: Weigher) -> Question:
    predicate = group[0].predicate
    assert predicate is not None
    forms: dict[ObjectKey, list[Object | None]] = {}
    keyed: list[tuple[Entry, ObjectKey]] = []
    for entry in sorted(group, key=lambda e: (e.id, e.part)):
        assert entry.proposition is not None
        value_key = object_key(entry.proposition.object)
        forms.setdefault(value_key, []).append(entry.proposition.object)
        keyed.append((entry, value_key))
    # A value is named by the form it is shown in (a figure's unit as written: "600 km", not its
    # base units), which depends on neither the claims' order nor their ids.
    shown_of = {key: _shown(objects) for key, objects in forms.items()}
    named = {key: str(written_key(shown)) for key, shown in shown_of.items()}
    values: dict[str, Object | None] = {named[key]: shown for key, shown in shown_of.items()}
    answer_of: Answers = {}
    for entry, value_key in keyed:
        value = named[value_key]
        answer_of[entry.id, entry.part] = value if entry.polarity is Polarity.AFFIRMED else f"not:{value}"
    candidates = tuple(sorted(values))
    layout = Layout.of(values, predicate)
    denied = sorted({answer for answer in answer_of.values() if answer.startswith("not:")})
    rivals: dict[str, tuple[str, ...]] = {
        answer: (answer[4:],) for answer in denied
    }  # a candidate's rivals follow from the layout
    when = _span(group)
    slot_text = f"{slot[0]} {slot[1]}" + "".join(f" {k}={v}" for k, v in slot[2])
    texts, keys = {}, {}
    for value in candidates:
        proposition = Proposition(
            subject=slot[0], predicate=slot[1], object=values[value], qualifiers=slot[2], when=when
        )
        texts[value] = phrasing.proposition(index, proposition)
        shown = values[value] if isinstance(values[value], str) else str(values[value])
        keys[value] = f"{slot_text} = {shown} @ {phrasing.span(when) or 'any time'}"

    def said(answer: str) -> tuple[str, str]:
        value = values[answer.removeprefix("not:")]
        shown = index.name(value) if isinstance(value, str) else str(value)
        return ("denies" if answer.startswith("not:") else "says"), shown

    found, notes, together = votes(index, group, answer_of, weigh, said)
    return Question(
        entries=tuple(group),
        answers=(*candidates, *denied),
        candidates=candidates,
        rivals=rivals,
        votes=found,
        answer_of=tuple(answer_of[e.id, e.part] for e in group),
        together=together,
        values=values,
        layout=layout,
        texts=texts,
        keys=keys,
        notes=notes,
        slot=slot_text,
        when=when,
    )
