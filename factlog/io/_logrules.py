"""What the claim log's store refuses, skips or stores: the rules of an append, one record at a time."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import warnings
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from factlog.errors import ArgumentError, ConflictError, FactlogError, FormatError, UnknownIdError
from factlog.model._claimset import ClaimSet, read_claim_set_of
from factlog.model._coherence import vocabulary_problems
from factlog.model._nouns import Claim

__all__ = [
    "LISTED",
    "DroppedLinkWarning",
    "RetractedWarning",
    "Row",
    "Version",
    "current_version",
    "dropped_links",
    "links_to_unheld",
    "forward",
    "not_after",
    "held",
    "keep_document",
    "refusal",
    "refusals_alone",
    "refused",
    "replayed",
    "without_dangling",
]


LISTED = 10
"""How many problems a refused append's message lists before ``and N more`` (its ``errors`` hold every one)."""


class RetractedWarning(UserWarning):
    """An append held a claim the log has retracted: not appended again, or re-asserted with ``replace``."""


class DroppedLinkWarning(UserWarning):
    """A retraction dropped links to the claim it withdrew: held claims' ``answers`` or ``regarding.claims`` naming it.

    The claims the log gives (:meth:`~factlog.ClaimLog.read`, ``log show``, ``log export
    --to``) leave such a link out; the log's history keeps it. One warning per retracted
    claim and field, naming the claims that linked to it.
    """


Version = tuple[str, str, str, str | None]
"""A stored record's (action, body, at, document sha256)."""


def current_version(connection: sqlite3.Connection, kind: str, key: str) -> Version | None:
    """(action, body, at, document sha256) of the latest record under a kind and key, or None."""
    row = connection.execute(
        "SELECT r.action, r.body, t.at, r.document FROM records r JOIN transactions t ON t.id = r.txn"
        " WHERE r.seq = (SELECT MAX(seq) FROM records WHERE kind = ? AND record_key = ?)",
        (kind, key),
    ).fetchone()
    return None if row is None else (row[0], row[1], row[2], row[3])


Row = tuple[str, str, str, str, str | None]
"""A record as stored: (kind, key, action, JSON body, document sha256 or None)."""


def held(connection: sqlite3.Connection, row: Row) -> bool:
    """Whether the store's history already holds this very record (with this document)."""
    found = connection.execute(
        "SELECT 1 FROM records WHERE kind = ? AND record_key = ? AND action = ? AND body = ? AND document IS ?", row
    ).fetchone()
    return found is not None


def refusal(current: Version | None, row: Row, *, replace: bool, lenient: bool, warn: bool = True) -> str | bool:
    """What stops a record: an error message, True to skip it (or warn, if ``warn``), False to store it.

    ``current`` is the latest record under its kind and key (:func:`current_version`).
    """
    kind, key, action, text, digest = row
    if action == "retract":
        if current is None or current[0] == "retract":
            if current is not None:
                return f"claim {key!r} was already retracted at {current[2]}{_reason(current[1])}"
            return f"no claim {key!r} to retract"
        return False
    if current is None:
        return False
    if current[0] == "retract":
        if lenient:
            return False
        if replace:
            if warn:
                warnings.warn(
                    f"claim {key!r} was retracted at {current[2]}{_reason(current[1])}; re-asserted (--replace)",
                    RetractedWarning,
                    stacklevel=4,
                )
            return False
        if not warn:
            return True
        warnings.warn(
            f"claim {key!r} was retracted at {current[2]}; not appended again (append with --replace to re-assert it)",
            RetractedWarning,
            stacklevel=4,
        )
        return True
    if current[1] == text:
        if digest is None or digest == current[3]:
            return True
        if current[3] is None or replace or lenient:  # a document stored at last, or a new one asked for
            return False
        return (
            f"{kind} {key!r}: its document{_document_of(text)} is not the one stored (appended {current[2]}):"
            " a changed document redefines the source; append with --replace (replace=True) to keep the new one"
        )
    if replace:
        return False
    return (
        f"{kind} {key!r} is already defined differently (appended {current[2]});"
        " append with --replace (replace=True) to keep the new version"
    )


def _document_of(body: str) -> str:
    """`` 'article.txt'``: the document a source's stored JSON body names, or "" when it names none."""
    try:
        document = json.loads(body).get("document")
    except (ValueError, AttributeError):
        return ""
    return f" {document!r}" if isinstance(document, str) else ""


def _reason(body: str) -> str:
    """`` ("the reason")`` of a retraction's stored JSON body, or "" when it gives none."""
    try:
        reason = json.loads(body).get("reason")
    except (ValueError, AttributeError):
        return ""
    return f" ({reason!r})" if isinstance(reason, str) and reason else ""


def refusals_alone(
    batches: Iterable[tuple[str, Iterable[tuple[str, Row]]]], *, replace: bool
) -> tuple[list[str], list[bool]]:
    """What :func:`refusal` says of the records of an append into an empty store: (time, [(where, row)]) batches.

    Returns the errors, and whether each record (in order) would be stored: one identical
    to the version before it, or a claim appended again after its retraction without
    ``replace``, is not. The first append to a missing store is checked before the store
    is made, so that a refused one makes none (a claim defined twice differently, or
    retracted twice).
    """
    versions: dict[tuple[str, str], Version] = {}
    errors: list[str] = []
    stored: list[bool] = []
    for moment, rows in batches:
        for where, row in rows:
            kind, key, action, text, digest = row
            skip = refusal(versions.get((kind, key)), row, replace=replace, lenient=False, warn=False)
            if isinstance(skip, str):
                errors.append(f"{where}: {skip}")
            elif not skip:
                versions[kind, key] = (action, text, moment, digest)
            stored.append(skip is False)
    return errors, stored


def refused(errors: list[str]) -> FactlogError:
    """The error of refused records (:func:`refusal`): an unknown id if each is a retraction, else a conflict."""
    unknown = all("to retract" in error or "already retracted" in error for error in errors)
    return (UnknownIdError if unknown else ConflictError)(errors, shown=LISTED)


def keep_document(connection: sqlite3.Connection, content: bytes) -> None:
    digest = hashlib.sha256(content).hexdigest()
    if connection.execute("SELECT 1 FROM documents WHERE sha256 = ?", (digest,)).fetchone() is None:
        connection.execute("INSERT INTO documents (sha256, content) VALUES (?, ?)", (digest, content))


_DROPPED = (
    "that link ({field}) is dropped from the claims the log gives (log show, log export --to); its history keeps it"
)


def dropped_links(read: Callable[[], ClaimSet], retracted: Iterable[str], appended: Iterable[Claim] = ()) -> list[str]:
    """What retracting ``retracted`` drops of the links between the claims ``read()`` gives (held before), each once.

    Every field that names claims is looked at, as :func:`without_dangling` drops them:
    ``answers`` and ``regarding.claims`` (a regarding left with no claim is dropped whole,
    its party with it). Claims retracted together are not counted as linking, and
    ``appended`` (claims stored with the retraction) stand in place of the held ones of
    their ids. Gives
    ``["'b' answered 'a': that link (answers) is dropped ..."]``, by retracted claim, then
    field; none when ``read`` raises a :class:`~factlog.FactlogError` (a store that cannot
    be replayed, which the append refuses with its own error). Raises nothing else of its own.
    """
    try:
        held = read().claims
    except FactlogError:
        return []
    claims = {**{claim.id: claim for claim in held}, **{claim.id: claim for claim in appended}}.values()
    gone = set(retracted)
    linking: dict[tuple[str, str], list[str]] = {}
    whole: list[str] = []
    for claim in claims:
        if claim.id in gone:
            continue
        for target in claim.answers:
            if target in gone:
                linking.setdefault((target, "answers"), []).append(claim.id)
        regarding = claim.regarding
        if regarding is not None and not gone.isdisjoint(regarding.claims):
            for target in regarding.claims:
                if target in gone:
                    linking.setdefault((target, "regarding.claims"), []).append(claim.id)
            if gone.issuperset(regarding.claims):
                whole.append(
                    f"{claim.id!r} regarded no other claim: its regarding (party {regarding.party!r})"
                    " is dropped whole from the claims the log gives"
                )
    verbs = {"answers": "answered", "regarding.claims": "regarded"}
    said = [
        f"{', '.join(map(repr, sorted(ids)))} {verbs[field]} {target!r}: {_DROPPED.format(field=field)}"
        for (target, field), ids in sorted(linking.items())
    ]
    return said + whole


def links_to_unheld(appended: Sequence[Claim], retracted: Collection[str]) -> list[str]:
    """What of ``appended``'s links the claims the log gives cannot keep: links to the ``retracted`` claims.

    A claim appended with ``answers`` or ``regarding.claims`` naming a claim the log
    retracted earlier (and not appended again with it) loses that link from the claims
    the log gives, as a retraction drops the links to it (:func:`dropped_links`). Gives
    ``["'c3' answers 'c1', which the log retracted: that link (answers) is dropped ..."]``,
    by appended claim, then field. Raises nothing.
    """
    said: list[str] = []
    for claim in appended:
        regarded = claim.regarding.claims if claim.regarding is not None else ()
        for field, verb, targets in (("answers", "answers", claim.answers), ("regarding.claims", "regards", regarded)):
            said.extend(
                f"{claim.id!r} {verb} {target!r}, which the log retracted: {_DROPPED.format(field=field)};"
                f" append {target!r} again with replace (--replace) to keep it"
                for target in targets
                if target in retracted
            )
    return said


def without_dangling(claims: Mapping[str, Claim]) -> tuple[Claim, ...]:
    """The claims, their ``answers`` and ``regarding`` rid of claims no longer held (retracted ones)."""
    kept: list[Claim] = []
    for claim in claims.values():
        answers = tuple(other for other in claim.answers if other in claims)
        regarding = claim.regarding
        if regarding is not None and any(other not in claims for other in regarding.claims):
            left = tuple(other for other in regarding.claims if other in claims)
            regarding = attrs.evolve(regarding, claims=left) if left else None
        changed = answers != claim.answers or regarding is not claim.regarding
        kept.append(attrs.evolve(claim, answers=answers, regarding=regarding) if changed else claim)
    return tuple(kept)


def replayed(store: str | os.PathLike[str], records: Mapping[str, Mapping[str, Any]]) -> ClaimSet:
    """The claim set of a store's records in force (kind → id → record), claims rid of retracted links.

    Records are appended apart, so a predicate may come after a claim it refuses (a
    declared inverse whose object is no entity: :mod:`factlog.model._coherence`): a
    :class:`~factlog.FormatError` then names the store and each such claim
    (``claims.db: claim 'n': proposition.object: ...``), which can be retracted or replaced.
    Inverses that do not pair the predicates one to one, which a store written before
    appends were checked for them may hold, are read all the same (paired in the order
    of their declarations: :func:`~factlog.model._coherence.inverse_names`), so that no
    record is lost: the set is made as :class:`ClaimSet` makes it, less that check, and
    ``factlog validate`` names them in the set written out.
    """
    claims = without_dangling(records["claim"])
    predicates = tuple(records["predicate"].values())
    problems = [
        (claims[int(path[len("claims[") : path.index("]")])], path[path.index("]") + 2 :], message)
        for path, message in vocabulary_problems(predicates, claims)
    ]
    if problems:
        raise FormatError(
            [
                f"{store}: claim {claim.id!r}: {field}: {message.removeprefix(f'claim {claim.id!r}: ')}"
                for claim, field, message in problems
            ],
            shown=LISTED,
        )
    sections = {
        "entities": tuple(records["entity"].values()),
        "predicates": predicates,
        "sources": tuple(records["source"].values()),
        "claims": claims,
        "acknowledged": tuple(records["acknowledgement"].values()),
    }
    # Keyed by id: no id is repeated. Stored records are read by the converter: each is of its class.
    return read_claim_set_of(sections, {}, unique=tuple(sections))


def not_after(store: str, given: str, latest: str | None) -> str:
    """Why an append at a given time not after the store's latest append is refused, in one line.

    ``given`` names the time as the caller gave it (``at=2025-10-01T12:00:00.000000Z`` in
    Python, ``--at 2025-10-01T12:00:00.000000Z`` on the command line).
    """
    return (
        f"{store}: {given} is not after the store's latest append ({latest}): a log is only added to"
        " at its end, its times strictly increasing; give a later time, or none (this machine's clock)"
    )


def forward(prepared: list[Any], latest: str, *, dated: bool, path: Path) -> list[Any]:
    """An append's batches after the store's latest time: a time at or before it refused if given, else moved up.

    A history added to before its end would change what an ``as_of`` replay between
    the two times reads, and could leave it unreadable (a claim in words appended
    before the event it counts from); one added to at its latest time would share that
    time with the append before it, so a given time must be strictly later (as
    ``factlog log append --at`` asks). A clock behind the store's latest time (set
    back, or another machine's) dates the append at that time instead.
    """
    if dated:
        early = [moment for moment, _ in prepared if moment <= latest]  # fixed-width UTC text: text order is time order
        if early:
            raise ArgumentError(not_after(str(path), f"at={early[0]}", latest))
        return prepared
    if all(moment >= latest for moment, _ in prepared):
        return prepared
    return [(max(moment, latest), rows) for moment, rows in prepared]
