"""A timeline of what was said about one entity, by whom, through whom, how firmly."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import attrs

from factlog._escape import escape_terminal
from factlog.analysis._index import Entry, Index, chronological
from factlog.analysis._phrasing import relay_chain, stance
from factlog.errors import UnknownEntityError, expect, expect_each
from factlog.model._claimset import ClaimSet, expect_claim_set
from factlog.model._nearest import nearest_entities
from factlog.model._vocabulary import Vocabulary

__all__ = [
    "TimelineRow",
    "entity_timeline",
    "holder_timeline",
    "render_timeline_json",
    "render_timeline_text",
    "resolve_entity",
]


@attrs.frozen
class TimelineRow:
    """One claim about the entity."""

    date: str
    claim: str
    holder: str
    via: tuple[str, ...]
    certainty: str
    polarity: str
    statement: str
    quote: str
    source: str
    stance: str = ""
    """The polarity and certainty in words, as ``factlog check`` words them (a pattern claim: what it says)."""


def resolve_entity(claims: ClaimSet, name: str) -> str:
    """The id of the entity a name stands for: its id, an alias or its name as written or printed.

    Names resolve as everywhere else (:meth:`factlog.Vocabulary.entity`: Unicode NFC and
    full case folding); a trailing `` (anonymous)``, as findings print anonymous holders,
    is ignored. Raises :class:`factlog.UnknownEntityError` (a :class:`LookupError`) if it
    names nothing, or names several entities (the message lists their ids, as loading does);
    :class:`~factlog.ArgumentError` (a :class:`ValueError`) for ``claims`` that are no
    :class:`~factlog.ClaimSet` or a ``name`` that is no :class:`str`.
    """
    _expect_names(claims, name, "resolve_entity", "name")
    vocabulary = Vocabulary.of(claims)
    for candidate in (name, name.removesuffix(" (anonymous)")):
        if vocabulary.knows_entity(candidate):
            return vocabulary.entity(candidate)
    for candidate in (name, name.removesuffix(" (anonymous)")):
        if several := vocabulary.candidates(candidate):
            raise UnknownEntityError(
                f"ambiguous name {name!r}: it names entities {', '.join(several)}; write one of their ids"
            )
    raise UnknownEntityError(f"no entity {name!r} in the claims given{_nearest(claims, name)}")


def _nearest(claims: ClaimSet, name: str) -> str:
    """``'; the nearest: Tresk (tresk), ...'``: the entities whose id, name or alias comes close; raises nothing.

    Close as :func:`~factlog.model._nearest.nearest_entities` says. Without one, what the option takes.
    """
    near = nearest_entities(claims.entities, name)
    if not near:
        return "; give an entity's id, its name or one of its aliases"
    return "; the nearest: " + ", ".join(f"{entity.name} ({entity.id})" for entity in near)


def _expect_names(claims: object, name: object, function: str, argument: str) -> None:
    expect_claim_set(claims, f"factlog.{function}")
    expect(name, str, f"factlog.{function}: {argument}", "an entity id, alias or name (a str)")


def _expect_rows(rows: object, function: str) -> list[TimelineRow]:
    where = f"factlog.{function}: rows"
    return expect_each(rows, TimelineRow, where, "a list of TimelineRow (from factlog.entity_timeline)")


def _rows(index: Index, keep: Callable[[Entry], bool]) -> list[TimelineRow]:
    rows = []
    for entry in chronological(index.entries):
        if not keep(entry):
            continue
        evidence = entry.claim.evidence[0]
        rows.append(
            TimelineRow(
                date=str(entry.stated) if entry.stated is not None else "undated",
                claim=entry.id,
                holder=index.name(entry.holder),
                via=tuple(index.name(relay) for relay in entry.claim.attribution.via),
                certainty=entry.certainty.value,
                polarity=entry.claim.polarity.value,
                statement=entry.claim.statement,
                quote=evidence.quote,
                source=evidence.source,
                stance=stance(entry.claim),
            )
        )
    return rows


def entity_timeline(claims: ClaimSet, entity: str) -> list[TimelineRow]:
    """Claims whose proposition has the entity as subject, object or qualifier, by date then id.

    A claim with several objects is about each of them. ``entity`` may be an id, an alias
    or a name (:func:`resolve_entity`); raises :class:`factlog.UnknownEntityError` if it
    names nothing, :class:`~factlog.ArgumentError` for ``claims`` that are no
    :class:`~factlog.ClaimSet` or an ``entity`` that is no :class:`str`.
    """
    _expect_names(claims, entity, "entity_timeline", "entity")
    index = Index.of(claims)
    target = resolve_entity(claims, entity)

    def about(entry: Entry) -> bool:
        involved = set()
        for reading in (entry, *index.implied.get(entry.id, ())):  # several objects: each one counts
            proposition = reading.proposition
            if proposition is None:
                continue
            involved |= {proposition.subject, *(value for _, value in proposition.qualifiers)}
            if isinstance(proposition.object, str):
                involved.add(proposition.object)
        return target in involved

    return _rows(index, about)


def holder_timeline(claims: ClaimSet, holder: str) -> list[TimelineRow]:
    """What a holder said, when, and through whom: its claims by date then id.

    ``holder`` may be an id, an alias or a name (:func:`resolve_entity`); raises
    :class:`factlog.UnknownEntityError` if it names nothing, :class:`~factlog.ArgumentError`
    for ``claims`` that are no :class:`~factlog.ClaimSet` or a ``holder`` that is no :class:`str`.
    """
    _expect_names(claims, holder, "holder_timeline", "holder")
    index = Index.of(claims)
    target = resolve_entity(claims, holder)
    return _rows(index, lambda entry: entry.holder == target)


def render_timeline_text(rows: list[TimelineRow]) -> str:
    """One block per claim: date, holder (and relays), stance, statement, quote.

    User text is escaped for the terminal; the last line counts the claims. Raises
    :class:`~factlog.ArgumentError` (a :class:`ValueError`) for ``rows`` that are no
    iterable of :class:`TimelineRow` (a :class:`str` or a mapping included).
    """
    rows = _expect_rows(rows, "render_timeline_text")
    lines = []
    for row in rows:
        via = f" via {relay_chain([escape_terminal(relay) for relay in row.via])}" if row.via else ""
        holder = escape_terminal(row.holder)
        words = row.stance or f"{row.polarity}, {row.certainty}"
        lines.append(f"{row.date:<10} {holder}{via} ({words}) [{row.claim}]")
        lines.append(f"           {escape_terminal(row.statement)}")
        lines.append(f"           > {escape_terminal(row.quote)} ({row.source})")
    lines.append(f"{len(rows)} claim{'s' * (len(rows) != 1)}")
    return "\n".join(lines) + "\n"


def render_timeline_json(rows: list[TimelineRow]) -> str:
    """The timeline as a JSON list of row objects (two-space indent, trailing newline).

    Raises :class:`~factlog.ArgumentError` as :func:`render_timeline_text` does.
    """
    rows = _expect_rows(rows, "render_timeline_json")
    data: list[dict[str, Any]] = [attrs.asdict(row) for row in rows]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
