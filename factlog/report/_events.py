"""The event timeline: what was said to happen when, by whom, conflicting accounts side by side.

An event is either a proposition whose predicate is an event (``visits``, ``meets``) with
the valid time its claims give, or an entity whose date is the object of a claim
(``zhao-leji-visit takes-place-on 2024-04-11/2024-04-13``). Each event lists every date
given for it, earliest first, each with the holders who gave it and how (affirmed or
denied). The dates conflict when they cannot all hold: for the date of one event, two
affirmed dates with no day in common; for an event that may happen many times (a visit),
an affirmed date that falls wholly inside a denied one ("no visit since 2019" against a
visit in April 2024): the first are *conflicting dates*, the second an event *affirmed and
denied*.
"""

from __future__ import annotations

import attrs

from factlog.analysis._index import Entry, Index
from factlog.analysis._phrasing import proposition, span
from factlog.errors import expect, expect_each
from factlog.model._dates import Interval
from factlog.model._nouns import DateValue, PredicateKind
from factlog.model._scales import Certainty

__all__ = ["DateGiven", "Event", "events", "render_events_text"]


@attrs.frozen
class DateGiven:
    """One date given for an event, with who gave it (names and ids) and the claims."""

    date: str
    span: tuple[int, int]
    """The first and last day the date allows, as ordinals."""
    polarity: str
    holders: tuple[str, ...]
    holder_ids: tuple[str, ...]
    claims: tuple[str, ...]
    certainty: str = "certain"
    """How firmly these claims give the date (FactBank's commitment: ``certain``, ``probable``,
    ``possible``, ``uncommitted``): a hedged date ("reportedly in March") is a line of its own."""


@attrs.frozen
class Event:
    """One event and every date given for it."""

    label: str
    dates: tuple[DateGiven, ...]
    entities: tuple[str, ...]
    once: bool
    """Whether the dates are of one event (a date value), rather than of an event that recurs."""

    @property
    def clashes(self) -> tuple[bool, ...]:
        """For each of :attr:`dates`, whether it is one side of a clash: what :attr:`conflict` finds, date by date.

        For one event's date, an affirmed date with no day in common with another
        affirmed one (``2019`` and ``2019-06-20/2019-06-21`` agree; ``2024-04`` and
        ``2025`` do not). For a recurring event, an affirmed date wholly inside a denied
        one, and that denied date. Any other date given clashes with none, and so does a
        date given ``uncommitted`` ("no evidence it was in March"), which commits to no
        date: the checks leave such claims out of their conflicts too.
        """
        affirmed = [d.span for d in self.dates if _committed(d, "affirmed")]
        if self.once:
            return tuple(
                _committed(d, "affirmed") and any(d.span[1] < b[0] or b[1] < d.span[0] for b in affirmed)
                for d in self.dates
            )
        denied = [d.span for d in self.dates if _committed(d, "denied")]

        def inside(yes: tuple[int, int], no: tuple[int, int]) -> bool:
            return no[0] <= yes[0] and yes[1] <= no[1]

        return tuple(
            any(inside(d.span, no) for no in denied)
            if _committed(d, "affirmed")
            else _committed(d, "denied") and any(inside(yes, d.span) for yes in affirmed)
            for d in self.dates
        )

    @property
    def conflict(self) -> bool:
        """Whether the dates given cannot all hold: whether any of them clashes (:attr:`clashes`).

        For one event's date, two affirmed dates with no day in common. For a recurring
        event, an affirmed date wholly inside a denied one.
        """
        return any(self.clashes)

    @property
    def conflict_kind(self) -> str | None:
        """What the conflict is: ``conflicting-dates``, ``affirmed-and-denied``, or None for none.

        Two dates for one event conflict as dates; a recurring event affirmed on a day
        that a denial covers (the same day, or "none since 2019" against April 2024)
        conflicts as affirmation against denial, whatever the dates. The ``"conflict_kind"``
        of ``factlog show --events --format json``.
        """
        if not self.conflict:
            return None
        return "conflicting-dates" if self.once else "affirmed-and-denied"

    @property
    def conflict_words(self) -> str | None:
        """:attr:`conflict_kind` in words, as the text shows it: ``conflicting dates``, ``affirmed and denied``."""
        kind = self.conflict_kind
        return None if kind is None else kind.replace("-", " ")


def _committed(given: DateGiven, polarity: str) -> bool:
    """Whether ``given`` is of ``polarity`` and given with some commitment (not ``uncommitted``)."""
    return given.polarity == polarity and given.certainty != Certainty.UNCOMMITTED.value


_FIRMNESS = (Certainty.CERTAIN, Certainty.PROBABLE, Certainty.POSSIBLE, Certainty.UNCOMMITTED)
"""Certainties firmest first: the order of a date's lines given with each."""


def _dated(index: Index, entry: Entry) -> tuple[str, Interval, tuple[str, ...], bool] | None:
    """(event label, date, entities involved, whether it is one event's date), or None."""
    value = entry.proposition
    if value is None:
        return None
    involved = [value.subject, *(item for _, item in value.qualifiers)]
    if isinstance(value.object, str):
        involved.append(value.object)
    if isinstance(value.object, DateValue):
        return index.name(value.subject), value.object.date, tuple(involved), True
    if entry.predicate is not None and entry.predicate.kind is PredicateKind.EVENT and value.when is not None:
        return proposition(index, value, with_time=False), value.when, tuple(involved), False
    return None


def events(index: Index) -> list[Event]:
    """Every dated event of the index, earliest first (ties by label).

    An event is a claim's proposition with a ``when`` (an event predicate) or a date
    value; each :class:`Event` lists every date given for it, with who gave it. Raises
    :class:`~factlog.ArgumentError` (a :class:`ValueError`) for anything but an
    :class:`~factlog.Index` (``Index.of(claims)``).
    """
    expect(index, Index, "factlog.events: index", "an Index (factlog.Index.of(claims))")
    found: dict[str, dict[tuple[tuple[int, int], tuple[int, int], str, str, int], list[Entry]]] = {}
    involved: dict[str, set[str]] = {}
    first: dict[str, tuple[int, int]] = {}
    once: dict[str, bool] = {}
    # Each reading of a claim (several objects, a "since" or "last" pattern) is an event of its
    # own, with its own polarity: "no visit since 2019, last in 2018" denies 2019- and affirms 2018.
    readings = (reading for entry in index.entries for reading in (entry, *index.implied.get(entry.id, ())))
    for entry in readings:
        dated = _dated(index, entry)
        if dated is None:
            continue
        label, when, entities, single = dated
        once[label] = once.get(label, True) and single
        sort_key = when.sort_key
        firmness = _FIRMNESS.index(entry.certainty)
        group = (sort_key, (when.start_low, when.end_high), span(when), entry.polarity.value, firmness)
        found.setdefault(label, {}).setdefault(group, []).append(entry)
        involved.setdefault(label, set()).update(entities)
        first[label] = min(first.get(label, sort_key), sort_key)
    result = []
    for label, dates in found.items():
        given = []
        for (_, days, text, polarity, firmness), entries in sorted(dates.items()):
            holder_ids = tuple(dict.fromkeys(entry.holder for entry in entries))
            given.append(
                DateGiven(
                    date=text,
                    span=days,
                    polarity=polarity,
                    holders=tuple(index.name(holder) for holder in holder_ids),
                    holder_ids=holder_ids,
                    claims=tuple(dict.fromkeys(entry.id for entry in entries)),
                    certainty=_FIRMNESS[firmness].value,
                )
            )
        named = {index.vocabulary.entity(e) for e in involved[label]}
        named.update(holder for item in given for holder in item.holder_ids)
        result.append(Event(label, tuple(given), tuple(sorted(named)), once[label]))
    result.sort(key=lambda event: (first[event.label], event.label))
    return result


def render_events_text(found: list[Event]) -> str:
    """One block per event: its label (with :attr:`Event.conflict_words` in brackets), then each date given.

    Each date line reads ``DATE  affirmed|denied  holders (claim ids)``, the polarity with
    its certainty when the claims hedge (``affirmed, possible``); in an event whose
    dates conflict, a column between says ``clashes`` for each date on a side of the
    clash (:attr:`Event.clashes`) and is blank for the others. The last line counts the events.
    Raises :class:`~factlog.ArgumentError` (a :class:`ValueError`) for anything but a
    list of :class:`Event` (what :func:`events` returns).
    """
    found = expect_each(found, Event, "factlog.render_events_text: found", "a list of Event (from factlog.events)")
    lines = []
    for event in found:
        words = event.conflict_words
        lines.append(event.label + (f"  [{words}]" if words else ""))
        width = max(len(given.date) for given in event.dates)
        stances = [_stance(given) for given in event.dates]
        wide = max(8, *map(len, stances))
        marks = [("clashes  " if clash else " " * 9) for clash in event.clashes] if words else [""] * len(event.dates)
        for given, stance, mark in zip(event.dates, stances, marks, strict=True):
            holders = ", ".join(given.holders)
            lines.append(f"    {given.date:<{width}}  {stance:<{wide}}  {mark}{holders} ({', '.join(given.claims)})")
    lines.append(f"{len(found)} event{'s' * (len(found) != 1)}")
    return "\n".join(lines) + "\n"


def _stance(given: DateGiven) -> str:
    """``affirmed`` or ``denied``, with the certainty when it is not ``certain``: ``affirmed, possible``."""
    return given.polarity if given.certainty == "certain" else f"{given.polarity}, {given.certainty}"
