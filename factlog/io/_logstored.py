"""What a :class:`~factlog.io._log.ClaimLog` reads back from its store, and what an append looks up first.

A stored record's body decoded (:func:`stored_item`), the records in force from the
history's rows (:func:`in_force`), the document bytes of the sources
(:func:`source_documents`) and of each source record (:func:`record_documents`), and,
before an append, the links it drops (:func:`dropped_by`): to the claims it retracts, and
to those of the claims it links to (:func:`links`) the store has retracted
(:func:`retracted_claims`). The queries take an open connection; the log opens it and
tells SQLite's failures.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from factlog.errors import FormatError
from factlog.io._logrecords import TYPES, Record, Retraction, stored_body, structure
from factlog.io._logrules import dropped_links, links_to_unheld
from factlog.io._parsing import DEFAULT_LIMITS, parse_json
from factlog.io._store import select_until
from factlog.model._claimset import ClaimSet
from factlog.model._nouns import Claim

__all__ = [
    "dropped_by",
    "in_force",
    "links",
    "record_documents",
    "records_query",
    "retracted_claims",
    "source_documents",
    "stored_item",
]


def stored_item(path: Path, seq: int, kind: str, action: str, body: str) -> Any:
    """The record (``define``) or the reason (``retract``) a stored body holds; a damaged one a FormatError."""
    where = f"{path}: record {seq}"
    if action not in ("define", "retract") or kind not in TYPES.values():
        raise FormatError([f"{where}: damaged store: unknown record kind {kind!r} or action {action!r}"])
    try:
        data = parse_json(body, where, DEFAULT_LIMITS)
    except FormatError as error:
        raise FormatError(
            [
                f"{where}: damaged store: the record's body: {problem.removeprefix(f'{where}: ')}"
                for problem in error.errors
            ]
        ) from None
    data = stored_body(body, where) if not isinstance(data, dict) else data
    if action == "retract":
        return str(data.get("reason", ""))
    return structure(data, kind, where)


def in_force(records: Iterable[tuple[int, str, str, str, str, Any]]) -> tuple[dict[str, dict[str, Any]], int]:
    """Kind → key → record in force after ``records`` (as ``ClaimLog.records`` gives them); and how many were read."""
    sections: dict[str, dict[str, Any]] = {kind: {} for kind in TYPES.values()}
    used = 0
    for _, _, kind, key, action, item in records:
        used += 1
        if action == "retract":
            sections[kind].pop(key, None)
        else:
            sections[kind][key] = item
    return sections, used


def source_documents(connection: sqlite3.Connection, limit: str | None) -> dict[str, bytes]:
    """The stored document bytes of each source in force (up to a time), by source id."""
    query = (
        "SELECT r.record_key, r.action, d.content, json_extract(r.body, '$.document')"
        " FROM records r JOIN transactions t ON t.id = r.txn"
        " LEFT JOIN documents d ON d.sha256 = r.document WHERE r.kind = 'source'"
    )
    found: dict[str, bytes] = {}
    named: dict[str, object] = {}
    for key, action, content, document in select_until(connection, query, limit):
        kept = found.pop(key, None)
        if action != "define":
            continue
        if content is not None:
            found[key] = bytes(content)
        elif kept is not None and document is not None and named.get(key) == document:
            # A new version appended where its document was not at hand: the one stored still holds.
            found[key] = kept
        named[key] = document
    return found


def records_query(*, documents: bool) -> str:
    """The query of every stored record (``ClaimLog.records``), with its stored document bytes if ``documents``."""
    content = "d.content" if documents else "NULL"
    return (
        f"SELECT r.seq, t.at, r.kind, r.record_key, r.action, r.body, {content}"
        " FROM records r JOIN transactions t ON t.id = r.txn"
        + (" LEFT JOIN documents d ON d.sha256 = r.document" if documents else "")
    )


def record_documents(connection: sqlite3.Connection, limit: str | None) -> dict[int, bytes]:
    """The document bytes stored with each source record (up to a time), by ``seq``."""
    query = (
        "SELECT r.seq, d.content FROM records r JOIN transactions t ON t.id = r.txn"
        " JOIN documents d ON d.sha256 = r.document"
    )
    return {seq: bytes(content) for seq, content in select_until(connection, query, limit)}


def retracted_claims(connection: sqlite3.Connection, ids: Iterable[str]) -> set[str]:
    """Those of the claim ``ids`` whose latest record in the store is a retraction (one indexed lookup each)."""
    return {
        key
        for key in sorted(ids)
        if connection.execute(
            "SELECT action FROM records WHERE kind = 'claim' AND record_key = ? ORDER BY seq DESC LIMIT 1",
            (key,),
        ).fetchone()
        == ("retract",)
    }


def links(claim: Claim) -> tuple[str, ...]:
    """The claims ``claim`` links to: its ``answers`` and ``regarding.claims``."""
    return (*claim.answers, *(claim.regarding.claims if claim.regarding is not None else ()))


def dropped_by(
    listed: Sequence[Record],
    read: Callable[[], ClaimSet],
    retracted_of: Callable[[set[str]], set[str]],
    exists: Callable[[], bool],
) -> list[str]:
    """The messages of the links an append of ``listed`` drops, read before it is stored (while the store ``exists``).

    Links of held claims to the claims it retracts (``read`` gives those held), and links of the
    claims it appends to claims ``retracted_of`` tells the store retracted before.
    """
    retracted = [record.claim for record in listed if isinstance(record, Retraction)]
    # The links are read before the retraction is stored: the claims the log gives after it leave them out.
    appended = [record for record in listed if isinstance(record, Claim)]
    dropped = dropped_links(read, retracted, appended) if retracted and exists() else []
    linked = {target for claim in appended for target in links(claim)} - {claim.id for claim in appended}
    if linked and exists():
        dropped += links_to_unheld(appended, retracted_of(linked))
    return dropped
