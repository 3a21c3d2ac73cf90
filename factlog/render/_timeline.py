"""A timeline of what was said about one entity, by whom, through whom, how firmly."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import attrs

from factlog._escape import escape_terminal
from factlog.analysis._index import Entry, Index, chronological
from factlog.errors import UnknownEntityError
from factlog.model._claimset import ClaimSet
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


def resolve_entity(claims: ClaimSet, name: str) -> str:
    """The id of the entity a name stands for: its id, an alias or its name as written or printed.

    Names resolve as everywhere else (:meth:`factlog.Vocabulary.entity`: Unicode NFC and
    full case folding); a trailing `` (anonymous)``, as findings print anonymous holders,
    is ignored. Raises :class:`factlog.UnknownEntityError` (a :class:`LookupError`) if it
    names nothing, or names several entities (the message lists their ids, as loading does).
    """
    vocabulary = Vocabulary.of(claims)
    for candidate in (name, name.removesuffix(" (anonymous)")):
        if vocabulary.knows_entity(candidate):
            return vocabulary.entity(candidate)
    for candidate in (name, name.removesuffix(" (anonymous)")):
        if several := vocabulary.candidates(candidate):
            raise UnknownEntityError(
                f"ambiguous name {name!r}: it names entities {', '.join(several)}; write one of their ids"
            )
    raise UnknownEntityError(f"no entity {name!r}")


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
                certainty=entry.claim.certainty.value,
                polarity=entry.claim.polarity.value,
                statement=entry.claim.statement,
                quote=evidence.quote,
                source=evidence.source,
            )
        )
    return rows


def entity_timeline(claims: ClaimSet, entity: str) -> list[TimelineRow]:
    """Claims whose proposition has the entity as subject, object or qualifier, by date then id.

    A claim with several objects is about each of them. ``entity`` may be an id, an alias
    or a name (:func:`resolve_entity`); raises :class:`factlog.UnknownEntityError` if it
    names nothing.
    """
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
    :class:`factlog.UnknownEntityError` if it names nothing.
    """
    index = Index.of(claims)
    target = resolve_entity(claims, holder)
    return _rows(index, lambda entry: entry.holder == target)


def render_timeline_text(rows: list[TimelineRow]) -> str:
    """One block per claim: date, holder (and relays), stance, statement, quote; raises nothing.

    User text is escaped for the terminal; the last line counts the claims.
    """
    lines = []
    for row in rows:
        via = f" via {' → '.join(escape_terminal(relay) for relay in row.via)}" if row.via else ""
        holder = escape_terminal(row.holder)
        lines.append(f"{row.date:<10} {holder}{via} ({row.polarity}, {row.certainty}) [{row.claim}]")
        lines.append(f"           {escape_terminal(row.statement)}")
        lines.append(f"           > {escape_terminal(row.quote)} ({row.source})")
    lines.append(f"{len(rows)} claim{'s' * (len(rows) != 1)}")
    return "\n".join(lines) + "\n"


def render_timeline_json(rows: list[TimelineRow]) -> str:
    """The timeline as a JSON list of row objects (two-space indent, trailing newline); raises nothing."""
    data: list[dict[str, Any]] = [attrs.asdict(row) for row in rows]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
