"""Renaming the ids of a claim-set document, and what a user reads of a set, in the original names.

A renaming maps each kind of name (``entity``, ``alias``, ``predicate``, ``source``,
``claim``) one to one onto new names, chosen to change how they sort: the sorted names
in reverse, a random permutation, ``z-`` or ``0`` put before some, ``-`` made ``:`` or
``_``. What factlog concludes must be the same up to the renaming.
"""

from __future__ import annotations

import copy
import json
import random
from collections.abc import Callable
from typing import Any

import factlog

Names = dict[str, str]
"""An old name → its new name; names not in it are kept."""

WAYS = ("reverse", "shuffle", "z-prefix", "0-prefix", "colon", "underscore")
KINDS = ("entity", "alias", "predicate", "source", "claim")


def names(document: dict[str, Any]) -> dict[str, set[str]]:
    """Every name a document uses, by kind (predicates: declared, named as inverses and written in claims)."""
    entities = document.get("entities", [])
    predicates = document.get("predicates", [])
    written = {claim["proposition"]["predicate"] for claim in document.get("claims", []) if "proposition" in claim}
    return {
        "entity": {entity["id"] for entity in entities},
        "alias": {alias for entity in entities for alias in entity.get("aliases", [])},
        "predicate": {p["id"] for p in predicates} | {p["inverse"] for p in predicates if "inverse" in p} | written,
        "source": {source["id"] for source in document.get("sources", [])},
        "claim": {claim["id"] for claim in document.get("claims", []) if "id" in claim},
    }


def renaming(found: set[str], way: str, rng: random.Random, *, alias: bool = False) -> Names:
    """A one-to-one renaming of ``found`` in one of :data:`WAYS` (aliases get a word before them, not a prefix)."""
    ordered = sorted(found)
    if way == "reverse":
        return dict(zip(ordered, reversed(ordered), strict=True))
    if way == "shuffle":
        shuffled = ordered[:]
        rng.shuffle(shuffled)
        return dict(zip(ordered, shuffled, strict=True))
    if alias:
        return {name: f"zz {name}" if rng.random() < 0.5 else name for name in ordered}
    if way in ("z-prefix", "0-prefix"):
        return {name: f"{way[0]}-{name}" if rng.random() < 0.5 else name for name in ordered}
    mark = ":" if way == "colon" else "_"
    return {name: name.replace("-", mark) if rng.random() < 0.7 else name for name in ordered}


def rename(document: dict[str, Any], renamed: dict[str, Names]) -> dict[str, Any]:
    """A copy of a document with every name of each kind in ``renamed`` replaced, wherever it is used.

    Entities written by id or alias in another case (``A`` for ``a``) keep that case.
    """
    document = copy.deepcopy(document)
    entity, alias, predicate, source, claim = (renamed.get(kind, {}) for kind in KINDS)
    folded_ids = {old.casefold(): new for old, new in entity.items()}
    folded_aliases = {old.casefold(): new for old, new in alias.items()}

    def named(name: str) -> str:
        if name in entity:
            return entity[name]
        new = folded_aliases.get(name.casefold(), folded_ids.get(name.casefold()))
        if new is None or name in alias:
            return alias.get(name, name)
        return new.upper() if name == name.upper() else new

    def each(names: list[str], lookup: Callable[[str], str]) -> list[str]:
        return [lookup(name) for name in names]

    for record in document.get("entities", []):
        record["id"] = entity.get(record["id"], record["id"])
        record["aliases"] = each(record.get("aliases", []), lambda name: alias.get(name, name))
        if "affiliation" in record:
            record["affiliation"] = named(record["affiliation"])
        record["part_of"] = each(record.get("part_of", []), named)
    for record in document.get("predicates", []):
        record["id"] = predicate.get(record["id"], record["id"])
        if "inverse" in record:
            record["inverse"] = predicate.get(record["inverse"], record["inverse"])
        record["exclusive_with"] = each(record.get("exclusive_with", []), lambda name: predicate.get(name, name))
    for record in document.get("sources", []):
        record["id"] = source.get(record["id"], record["id"])
        record["publisher"] = named(record["publisher"])
        record["derived_from"] = each(record.get("derived_from", []), lambda name: source.get(name, name))
    for record in document.get("claims", []):
        record["id"] = claim.get(record["id"], record["id"])
        _rename_proposition(record.get("proposition"), named, predicate)
        attribution = record["attribution"]
        attribution["holder"] = named(attribution["holder"])
        attribution["via"] = each(attribution.get("via", []), named)
        for evidence in record["evidence"]:
            evidence["source"] = source.get(evidence["source"], evidence["source"])
        record["answers"] = each(record.get("answers", []), lambda name: claim.get(name, name))
        if "regarding" in record:
            record["regarding"]["claims"] = each(record["regarding"]["claims"], lambda name: claim.get(name, name))
            record["regarding"]["party"] = named(record["regarding"]["party"])
    return document


def _rename_proposition(proposition: dict[str, Any] | None, named: Callable[[str], str], predicate: Names) -> None:
    if proposition is None:
        return
    proposition["subject"] = named(proposition["subject"])
    proposition["predicate"] = predicate.get(proposition["predicate"], proposition["predicate"])
    value = proposition.get("object")
    if isinstance(value, str):
        proposition["object"] = named(value)
    elif isinstance(value, list):
        proposition["object"] = [named(item) for item in value]
    if "place" in proposition.get("qualifiers", {}):
        proposition["qualifiers"]["place"] = named(proposition["qualifiers"]["place"])


def renamed_set(
    claims: factlog.ClaimSet, kinds: tuple[str, ...], way: str, seed: int
) -> tuple[factlog.ClaimSet, Names]:
    """``claims`` with the names of ``kinds`` renamed one of :data:`WAYS`, and every new name → its old one."""
    rng = random.Random(seed)
    document = factlog.dumps(claims)
    parsed: dict[str, Any] = json.loads(document)
    found = names(parsed)
    renamed = {kind: renaming(found[kind], way, rng, alias=kind == "alias") for kind in kinds}
    back = {
        new: old for kind in ("entity", "predicate", "source", "claim") for old, new in renamed.get(kind, {}).items()
    }
    return factlog.loads(json.dumps(rename(parsed, renamed))), back


Read = list[tuple[object, ...]]


def _in(back: Names, ids: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    return tuple(sorted(back.get(name, name) for name in ids))


def _side(side: str, back: Names) -> str:
    """A side's name in the old names: its values (joined by " / ", in the order of their ids) sorted again."""
    values = (" ".join(back.get(word, word) for word in value.split(" ")) for value in side.split(" / "))
    return " / ".join(sorted(values))


def findings(claims: factlog.ClaimSet, back: Names) -> Read:
    """Each finding's rule, severity, sides (names of sides word by word) and claims, in the old names; sorted."""
    return sorted(
        (
            finding.rule,
            str(finding.severity),
            tuple(sorted((_side(side, back), _in(back, ids)) for side, ids in finding.claims)),
        )
        for finding in factlog.check(claims).findings
    )


def assessed(claims: factlog.ClaimSet, back: Names, method: str) -> Read:
    """Each proposition's claims, time, status, credibility, belief (3 places) and origins for and against; sorted."""
    return sorted(
        (
            (
                _in(back, proposition.claim_ids),
                str(proposition.when),
                proposition.status.value,
                proposition.credibility.value,
                f"{proposition.belief:.3f}",
                tuple(sorted(_in(back, origin.claims) for origin in proposition.supporting)),
                tuple(sorted(_in(back, origin.claims) for origin in proposition.opposing)),
            )
            for proposition in factlog.assess(claims, method=method).propositions
        ),
        key=repr,
    )


def conflicts(claims: factlog.ClaimSet, back: Names) -> Read:
    """Each event's conflict kind (``show --events``) and the claims dating it, in the old names; sorted."""
    found = [
        (event.conflict_kind or "", _in(back, [claim for date in event.dates for claim in date.claims]))
        for event in factlog.events(factlog.Index.of(claims))
    ]
    return sorted(found)
