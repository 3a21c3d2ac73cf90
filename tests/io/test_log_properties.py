"""Hypothesis properties of the claim log: whatever appends and imports are made, what is accepted replays."""

from __future__ import annotations

import datetime
import json
import tempfile
import warnings
from collections.abc import Sequence
from pathlib import Path

from hypothesis import event, given

import factlog
from factlog import ClaimLog, Retraction
from factlog.io._log import Record, record_body
from factlog.io._references import unresolved
from factlog.model._vocabulary import Vocabulary
from factlog.model._written import resolve_written
from tests.strategies import log_appends, log_reference_appends


def _unchanged(log: ClaimLog) -> tuple[list[str], bytes]:
    """What a refused append must leave as it was: the history, and the store file's bytes."""
    return list(log.export_lines()), log.path.read_bytes()


def _expected(accepted: list[tuple[list[Record], bool]]) -> factlog.ClaimSet:
    """The claim set of the accepted appends, as the log's rules keep their records (a model of replay)."""
    sections: dict[str, dict[str, Record]] = {kind: {} for kind in ("entity", "predicate", "source", "claim")}
    retracted: set[str] = set()
    for records, replace in accepted:
        for record in records:
            if isinstance(record, Retraction):
                sections["claim"].pop(record.claim, None)  # an import keeps a retraction of a claim not held
                retracted.add(record.claim)
                continue
            kind = type(record).__name__.casefold()
            key = str(getattr(record, "id", ""))
            if kind == "claim" and key in retracted and not replace:
                continue  # a retracted claim stays retracted unless replaced
            retracted.discard(key)
            sections[kind][key] = record
    return factlog.ClaimSet(
        entities=tuple(sections["entity"].values()),  # type: ignore[arg-type]
        predicates=tuple(sections["predicate"].values()),  # type: ignore[arg-type]
        sources=tuple(sections["source"].values()),  # type: ignore[arg-type]
        claims=tuple(sections["claim"].values()),  # type: ignore[arg-type]
    )


def _references(claims: factlog.ClaimSet) -> set[tuple[str, str, str]]:
    """(section, record id, problem) of each reference ``factlog validate`` finds unresolved in a claim set.

    The problem is its message without the ids it offers ("did you mean"): those change as records are added.
    """
    found = set()
    for path, message in unresolved(claims, claims):
        section, rest = path.removeprefix("$.").split("[", 1)
        record = getattr(claims, section)[int(rest.split("]", 1)[0])]
        problem = message.split("; did you mean ", 1)[0]  # what is offered changes as records arrive: not a problem
        found.add((section, str(getattr(record, "id", "")), path.split("]", 1)[1] + ": " + problem))
    return found


def _meanings(claims: factlog.ClaimSet) -> dict[tuple[str, str, str], object]:
    """(section, record id, field) → the entity each reference of a claim set resolves to, or the predicate reading.

    A predicate's reading is (canonical predicate id, whether turned); unresolved and
    ambiguous names are left out.
    """
    vocabulary = Vocabulary.of(claims)
    found: dict[tuple[str, str, str], object] = {}

    def entity(section: str, key: str, field: str, value: str) -> None:
        if vocabulary.knows_entity(value):
            found[section, key, field] = vocabulary.entity(value)

    for source in claims.sources:
        entity("sources", source.id, "publisher", source.publisher)
    for claim in claims.claims:
        entity("claims", claim.id, "holder", claim.attribution.holder)
        for position, relay in enumerate(claim.attribution.via):
            entity("claims", claim.id, f"via[{position}]", relay)
        proposition = claim.proposition
        if proposition is None:
            continue
        entity("claims", claim.id, "subject", proposition.subject)
        objects = proposition.object if isinstance(proposition.object, tuple) else (proposition.object,)
        for position, value in enumerate(objects):
            if isinstance(value, str):
                entity("claims", claim.id, f"object[{position}]", value)
        for name, value in proposition.qualifiers:
            entity("claims", claim.id, f"qualifiers.{name}", value)
        name = proposition.predicate
        if vocabulary.knows_predicate(name):
            found["claims", claim.id, "predicate"] = (vocabulary.inverses.get(name, name), name in vocabulary.inverses)
    return found


def _moved(
    meanings: dict[tuple[str, str, str], object], now: dict[tuple[str, str, str], object], claims: factlog.ClaimSet
) -> dict[tuple[str, str, str], tuple[object, object]]:
    """The references whose meaning changed: an entity id, or a predicate reading put in the terms of ``claims``.

    A predicate is read (canonical id, turned); a declared pair may change which of its
    two is canonical, which changes no claim's meaning.
    """
    inverses = Vocabulary.of(claims).inverses
    moved: dict[tuple[str, str, str], tuple[object, object]] = {}
    for key, was in meanings.items():
        if key not in now:
            continue
        then = was
        if isinstance(was, tuple):
            canonical, turned = was
            then = (inverses.get(canonical, canonical), turned != (canonical in inverses))
        if now[key] != then:
            moved[key] = (then, now[key])
    return moved


def _import_now(log: ClaimLog, records: Sequence[Record]) -> None:
    """Import records as a JSON Lines log of one transaction dated now."""
    at = datetime.datetime.now(datetime.UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")
    lines = [json.dumps({"format": "factlog-log", "version": 1})]
    for record in records:
        kind, _, _, body = record_body(record)
        if isinstance(record, Retraction):
            kind, body = "retraction", {"claim": record.claim, "reason": record.reason}
        lines.append(json.dumps({"at": at, "type": kind, **body}))
    history = log.path.with_name("history.jsonl")
    history.write_text("\n".join(lines) + "\n", encoding="utf-8")
    log.import_lines(history)


def _unreadable(log: ClaimLog) -> set[str]:
    """The claims a replay of the log names as unreadable; none when it reads."""
    try:
        log.read()
    except factlog.FormatError as error:
        return {message.split("claim '")[1].split("'")[0] for message in error.errors}
    return set()


@given(log_appends)
def test_every_accepted_append_leaves_a_store_that_replays(calls: list[tuple[list[Record], bool, str]]) -> None:
    """Any appends and imports, some refused: each accepted one leaves a store whose replay reads and equals its
    records' set, and no reference of an earlier record unresolved that resolved before it; an import may leave
    unreadable only claims the store did not hold; a refused one leaves the store's history and file as they were;
    every reference of an earlier record that resolved names what it named before."""
    _replays(calls)


@given(log_reference_appends)
def test_every_accepted_append_leaves_every_earlier_reference_resolved(
    calls: list[tuple[list[Record], bool, str]],
) -> None:
    """The same, of appends and imports that rename inverses, drop and take aliases, share names, link sources; and
    each reference of an earlier record still names what it named (or nothing, when the first property says so)."""
    _replays(calls)


def _replays(calls: list[tuple[list[Record], bool, str]]) -> None:
    """Make the calls on a new store, checking each as the two properties above say."""
    with tempfile.TemporaryDirectory() as folder, warnings.catch_warnings():
        warnings.simplefilter("ignore", factlog.RetractedWarning)
        log = ClaimLog(Path(folder) / "claims.db")
        accepted: list[tuple[list[Record], bool]] = []
        problems: set[tuple[str, str, str]] = set()
        meanings: dict[tuple[str, str, str], object] = {}
        for records, replace, how in calls:
            before = _unchanged(log) if log.path.exists() else None
            held = {claim.id for claim in _expected(accepted).claims}
            try:
                if how == "import":
                    _import_now(log, records)
                else:
                    log.append(records, replace=replace)
            except factlog.FactlogError as error:
                event(f"refused {how}: {type(error).__name__}: {'strand' if 'would strand' in str(error) else 'other'}")
                assert (_unchanged(log) if log.path.exists() else None) == before
                continue
            accepted.append((records, replace or how == "import"))
            # An import's own history may leave its new claims unreadable, never one the store held: a replay
            # names those its predicates refuse first, then those whose words it cannot resolve.
            while named := _unreadable(log):
                assert how == "import"
                assert not named & held, named
                event("an import left new claims unreadable: retracted")
                repair = [Retraction(claim=claim, reason="unreadable") for claim in sorted(named)]
                try:
                    log.append(repair)
                except factlog.FactlogError:
                    return  # the repair strands another claim in words: this history ends here
                accepted.append((repair, False))
            expected = _expected(accepted)
            now = log.read()
            assert now == resolve_written(expected, expected)[0]
            after = _references(now)
            mine = {str(getattr(record, "id", getattr(record, "claim", ""))) for record in records}
            assert {problem for problem in after - problems if problem[1] not in mine} == set()
            problems = after
            # What a reference of an earlier record resolved to, it still resolves to (or to nothing: above).
            meant = _meanings(now)
            moved = _moved(meanings, meant, now)
            assert {key: change for key, change in moved.items() if key[1] not in mine} == {}
            meanings = meant
