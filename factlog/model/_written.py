"""A proposition's ``when`` written in words ("on Tuesday"), kept as written and resolved.

A claims file may give ``"when": "on Tuesday"``. The words are read as a
:class:`WrittenWhen`: an :class:`~factlog.Interval` (the days the words mean, so that
everything downstream reads it like any other) that remembers what was written, so that
canonical output gives the words back unchanged. Reading a file first makes a *pending*
one (the words only); :func:`resolve_written` then resolves each against its claim's
anchor with :func:`~factlog.resolve_when`:

* the anchor is the claim's ``stated`` date or, when it has none, the ``published`` date
  of the source of its first evidence;
* a named event ("two days after the strike") is an entity of kind ``event`` whose id,
  alias or name is the name written (with or without "the"), found as
  ``Vocabulary.entity`` finds entity names (folded, aliases over names; a name two
  events bear is ambiguous), dated by the hull of the ``when`` given as a date (not in
  words) by the affirmed claims whose proposition names it as subject or object.

The rules are told in ``docs/format.md`` ("Time in words").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from typing import TypeVar

import attrs

from factlog._echo import echoed
from factlog.errors import DateError, TimeExpressionError
from factlog.model._anchoring import out_of_range
from factlog.model._claimset import ClaimSet, may_have_words
from factlog.model._dates import Interval, hull_ends, parse_interval
from factlog.model._fields import instance_of
from factlog.model._kinds import EntityKind
from factlog.model._nouns import Claim, Proposition
from factlog.model._relative import EventLookup, _rules, resolve_when
from factlog.model._scales import Polarity
from factlog.model._timewords import weekday_mismatches
from factlog.model._vocabulary import Vocabulary

__all__ = ["WrittenWhen", "read_when", "resolve_written", "written_text"]

_LETTER = re.compile(r"[A-Za-z]")
_T = TypeVar("_T")


@attrs.frozen(eq=False, order=False)
class WrittenWhen(Interval):
    """An interval written in words ("on Tuesday"): the days they mean, and the words.

    It equals (and hashes as) the :class:`~factlog.Interval` of the same days, whatever
    the words; ``str()`` gives the days (``2025-10-28``), :attr:`written` the words, and
    :attr:`display` both (``on Tuesday (2025-10-28)``). Made by :meth:`resolve`, or by
    reading a file (see :func:`resolve_written`).
    """

    written: str = attrs.field(kw_only=True, validator=instance_of(str))
    """The words as the claim gives them."""

    @classmethod
    def resolve(
        cls,
        text: str,
        anchor: Interval | str,
        *,
        events: Mapping[str, Interval] | None = None,
        future: bool | None = None,
    ) -> WrittenWhen:
        """The words resolved by :func:`~factlog.resolve_when` against ``anchor``, keeping the words.

        Raises :class:`~factlog.errors.TimeExpressionError` as ``resolve_when`` does.
        """
        found = resolve_when(text, anchor, events=events, future=future)
        return cls(
            found.start, found.end, start_unknown=found.start_unknown, end_unknown=found.end_unknown, written=text
        )

    @classmethod
    def pending(cls, text: str) -> WrittenWhen:
        """The words alone, not yet resolved: only :func:`resolve_written` should see one.

        Raises nothing: the words are read when they are resolved.
        """
        made = object.__new__(cls)
        for name, value in (("start", None), ("end", None), ("start_unknown", False), ("end_unknown", False)):
            object.__setattr__(made, name, value)
        object.__setattr__(made, "written", text)
        made._fill_slots()
        return made

    @property
    def resolved(self) -> bool:
        """Whether the words have been given their days."""
        return self.start is not None or self.end is not None

    @property
    def display(self) -> str:
        """The words and the days they mean: ``on Tuesday (2025-10-28)``."""
        return f"{self.written} ({self})" if self.resolved else self.written

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Interval):
            return NotImplemented
        if not self.resolved or (isinstance(other, WrittenWhen) and not other.resolved):
            return isinstance(other, WrittenWhen) and other.written == self.written and other.resolved == self.resolved
        return (self.start, self.end, self.start_unknown, self.end_unknown) == (
            other.start,
            other.end,
            other.start_unknown,
            other.end_unknown,
        )

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    def __hash__(self) -> int:
        return Interval.__hash__(self) if self.resolved else hash(("pending", self.written))


def written_text(value: Interval) -> str:
    """How an interval is written in a file: the words of a :class:`WrittenWhen`, else its EDTF text."""
    return value.written if type(value) is WrittenWhen else str(value)


@functools.lru_cache(maxsize=65536)  # as parse_interval's: a large set names tens of thousands of intervals
def read_when(text: str) -> Interval:
    """A proposition's ``when`` as read from a file: a date or interval, or words to resolve.

    Words are kept as a pending :class:`WrittenWhen` when :func:`~factlog.resolve_when`
    knows their form. Raises :class:`~factlog.errors.DateError` for a malformed date, or
    words of no form it knows.
    """
    try:
        return parse_interval(text)
    except DateError:
        if not _LETTER.search(text):
            raise
    words = " ".join(text.split()).strip(" ,.;:")
    if not any(pattern.fullmatch(words) for pattern, _ in _rules()):
        too_big = out_of_range(words)
        if too_big is not None:
            raise DateError(too_big)
        raise DateError(
            f"expected a date, an interval or a time expression such as 'on Tuesday' or"
            f" 'two days after the strike' (docs/format.md, 'Time in words'), got {echoed(text)}"
        )
    return WrittenWhen.pending(text)


def _pending(claims: ClaimSet) -> Iterator[tuple[int, Claim, Proposition, WrittenWhen]]:
    for index, claim in enumerate(claims.claims):
        proposition = claim.proposition
        if proposition is not None:
            when = proposition.when
            if type(when) is WrittenWhen and not when.resolved:
                yield index, claim, proposition, when


def has_pending(claims: ClaimSet) -> bool:
    """Whether any claim's ``when`` is words not yet resolved."""
    return may_have_words(claims) and next(_pending(claims), None) is not None


class _Events(EventLookup):
    """The events of a claim set, found by the Vocabulary's rule for entity names."""

    def __init__(self, dated: dict[str, Interval], events: dict[str, str], vocabulary: Vocabulary) -> None:
        super().__init__({events[entity]: days for entity, days in dated.items()})
        self.dated = dated
        """Event id → its days."""
        self.events = events
        """Event id → its name."""
        self.vocabulary = vocabulary

    def find(self, name: str) -> Interval:
        """The days of the event written ``name`` (with or without "the"): id, alias or name, folded.

        Raises :class:`TimeExpressionError` for an ambiguous name (listing the ids), an
        event no claim dates, or a name no event bears.
        """
        words = name.split()
        article = len(words) > 1 and words[0].casefold() in _ARTICLES
        forms = [name, " ".join(words[1:])] if article else [name, f"the {name}"]
        for form in forms:
            candidates = [found for found in self.vocabulary.candidates(form) if found in self.events]
            if len(candidates) > 1:
                ids = ", ".join(repr(found) for found in candidates)
                raise TimeExpressionError(f"the event name {name!r} is ambiguous: it names the events {ids}")
            found = candidates[0] if candidates else self.vocabulary.entity(form)
            if found in self.events:
                if found in self.dated:
                    return self.dated[found]
                raise TimeExpressionError(
                    f"the event {name!r} ({found!r}) is defined but no claim dates it: dates come from the"
                    " affirmed claims naming it as subject or object whose 'when' is a date (not words)"
                )
        known = ", ".join(sorted(self.events[found] for found in self.dated)) or "none"
        raise TimeExpressionError(f"unknown event {name!r}: no entity of kind 'event' bears it (dated events: {known})")


_ARTICLES = ("the", "a", "an")


def events_of(claims: ClaimSet) -> _Events:
    """The named events of a claim set and their days, found by name as entities are (``Vocabulary.entity``).

    An event is an entity of kind ``event``; its days are the hull of the ``when`` (a date,
    not words) of the affirmed claims whose proposition names it (by id, alias or name,
    as everywhere else) as subject or object.
    """
    vocabulary = Vocabulary.of(claims)
    events = {entity.id: entity.name for entity in claims.entities if entity.kind is EntityKind.EVENT}
    spans: dict[str, list[Interval]] = {}
    for claim in claims.claims if events else ():
        proposition = claim.proposition
        if proposition is None or claim.polarity is not Polarity.AFFIRMED or proposition.when is None:
            continue
        if type(proposition.when) is WrittenWhen:
            continue
        named = (
            [proposition.subject, proposition.object] if isinstance(proposition.object, str) else [proposition.subject]
        )
        for name in named:
            found = vocabulary.entity(str(name))
            if found in events:
                spans.setdefault(found, []).append(proposition.when)
    hulls = {entity: _hull(whens) for entity, whens in spans.items()}
    return _Events({entity: hull for entity, hull in hulls.items() if hull is not None}, events, vocabulary)


def _hull(whens: list[Interval]) -> Interval | None:
    """The span of ``whens``; None when it has no bound (``../2019`` and ``2019/..``): nothing to count from."""
    first, last = hull_ends(whens)
    if first.start is None and last.end is None:
        return None
    return Interval(first.start, last.end, start_unknown=first.start_unknown, end_unknown=last.end_unknown)


def anchor_of(claim: Claim, claims: ClaimSet) -> Interval | None:
    """When a claim's words for time are said: its ``stated`` date, else its first source's ``published``."""
    if claim.stated is not None:
        return claim.stated
    source = claims.source_by_id.get(claim.evidence[0].source)
    return None if source is None else source.published


def _with_when(claim: Claim, proposition: Proposition, when: WrittenWhen) -> Claim:
    """A copy of the claim with its ``when`` resolved.

    Copied field by field, not evolved: the claim passed its checks as read, and
    resolving changes no field they look at (``attrs.evolve`` would run them all again,
    and ``copy.copy`` goes through pickling's protocol: most of the time of loading a
    file of words). Cached properties are not fields: the copy computes them again.
    """
    return _copy(claim, "proposition", _copy(proposition, "when", when))


def _copy(item: _T, name: str, value: object) -> _T:
    cls: type = type(item)
    made: _T = object.__new__(cls)
    for field in _field_names(cls):
        object.__setattr__(made, field, value if field == name else getattr(item, field))
    return made


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(field.name for field in attrs.fields(cls))


def resolve_written(
    part: ClaimSet, within: ClaimSet, *, events: EventLookup | None = None
) -> tuple[ClaimSet, list[tuple[int, str]]]:
    """``part`` with every ``when`` in words resolved, and ``(N, message)`` for each that cannot be.

    ``N`` is the position of the claim in ``part.claims`` (its ``when`` is at
    ``$.claims[N].proposition.when``). Anchors (sources) and events are looked up in
    ``within`` (``part`` merged with the rest of a corpus), events in ``events`` instead
    when given (the claim log's, found only when words name one). A claim with no anchor, an
    event the set does not date, a weekday beside a date it does not fall on
    ("Wednesday, 30 October 2025"), or words that cannot be resolved are problems; with
    any, ``part`` is returned unchanged.
    """
    pending = list(_pending(part))
    if not pending:
        return part, []
    if events is None:
        events = events_of(within)
    claims = list(part.claims)
    problems: list[tuple[int, str]] = []
    done: dict[tuple[str, str], WrittenWhen] = {}
    for index, claim, proposition, when in pending:
        anchor = anchor_of(claim, within)
        if anchor is None:
            problems.append(
                (
                    index,
                    f"{when.written!r} needs a date to count from: give the claim a 'stated' date, or its"
                    f" source {claim.evidence[0].source!r} a 'published' date",
                )
            )
            continue
        key = (when.written, str(anchor))
        if key in done:  # one article's claims share their anchor, and often their words
            claims[index] = _with_when(claim, proposition, done[key])
            continue
        wrong = weekday_mismatches(when.written)
        if wrong:
            problems.append(
                (index, f"{wrong[0].text!r} does not fall on a {wrong[0].written}: it is a {wrong[0].actual}")
            )
            continue
        try:
            resolved = WrittenWhen.resolve(when.written, anchor, events=events)
        except (TimeExpressionError, DateError) as error:
            problems.append((index, f"cannot resolve {when.written!r} from {anchor}: {error}"))
            continue
        done[key] = resolved
        claims[index] = _with_when(claim, proposition, resolved)
    if problems:
        return part, problems
    return part.sharing_tables(tuple(claims)), []  # its vocabulary's rules are the loader's to check
