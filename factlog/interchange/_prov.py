"""W3C PROV-JSON: who said what, read where, passed on by whom.

:func:`to_prov`: sources and claims become PROV entities, holders, relays and
publishers agents; a claim ``wasAttributedTo`` its holder and ``wasDerivedFrom`` the
source it was read in (a ``prov:Quotation`` for a direct quote), each derivation carrying
the quote read there as ``factlog:quote``; a relay chain becomes one entity per relay,
each derived from the next, the innermost with the holder's statement as
``prov:PrimarySource``; ``derived_from`` between sources becomes ``wasDerivedFrom``; the
date a claim was stated becomes its generation time; an entity's ``affiliation`` (a
state broadcaster speaking for its state) becomes ``actedOnBehalfOf``.

A plain dict, written with :func:`json.dumps`; no extra library is needed.
"""

from __future__ import annotations

from typing import Any

from factlog.model._claimset import ClaimSet, expect_claim_set
from factlog.model._dates import Interval, PartialDate
from factlog.model._nouns import Claim, Entity, EntityKind, Mode
from factlog.model._vocabulary import Vocabulary

__all__ = ["NAMESPACES", "is_person", "to_prov"]

NAMESPACES = {
    "claim": "urn:factlog:claim:",
    "source": "urn:factlog:source:",
    "agent": "urn:factlog:entity:",
    "factlog": "urn:factlog:vocabulary#",
}
_PERSON = (EntityKind.PERSON,)
_ORGANISATION = (
    EntityKind.COUNTRY,
    EntityKind.GOVERNMENT_BODY,
    EntityKind.POLITICAL_PARTY,
    EntityKind.MEDIA_OUTLET,
    EntityKind.ORGANISATION,
)


def is_person(entity: Entity | None) -> bool:
    """Whether an entity is a named person (an anonymous or unknown holder is not)."""
    return entity is not None and entity.kind in _PERSON and not entity.anonymous


def _qname(value: str) -> dict[str, str]:
    return {"$": value, "type": "xsd:QName"}


def _time(date: PartialDate | Interval) -> str:
    return f"{date.earliest.isoformat()}T00:00:00"


def _agent(entity: Entity | None, name: str) -> dict[str, Any]:
    attributes: dict[str, Any] = {"prov:label": entity.name if entity else name}
    if is_person(entity):
        attributes["prov:type"] = _qname("prov:Person")
    elif entity is not None and entity.kind in _ORGANISATION:
        attributes["prov:type"] = _qname("prov:Organization")
    return attributes


class _Prov:
    def __init__(self) -> None:
        self.document: dict[str, Any] = {"prefix": dict(NAMESPACES), "entity": {}, "agent": {}}
        self.counter = 0
        self.vocabulary: Vocabulary | None = None

    def relation(self, kind: str, attributes: dict[str, Any]) -> None:
        self.counter += 1
        self.document.setdefault(kind, {})[f"_:r{self.counter}"] = attributes

    def vocabulary_of(self, claims: ClaimSet) -> Vocabulary:
        if self.vocabulary is None:
            self.vocabulary = Vocabulary.of(claims)
        return self.vocabulary

    def agent(self, claims: ClaimSet, name: str) -> str:
        name = self.vocabulary_of(claims).entity(name)  # a name as written, as its entity's id
        key = f"agent:{name}"
        self.document["agent"].setdefault(key, _agent(claims.entity_by_id.get(name), name))
        return key


def _claim_entity(claim: Claim, vocabulary: Vocabulary) -> dict[str, Any]:
    attributes: dict[str, Any] = {
        "prov:label": claim.statement,
        "prov:type": _qname("factlog:Claim"),
        "factlog:polarity": claim.polarity.value,
        "factlog:certainty": claim.certainty.value,
    }
    if claim.proposition is not None:
        proposition = claim.proposition
        obj = proposition.object
        if isinstance(obj, str | tuple):  # names as written, as their ids; several objects comma-separated
            named: str | None = ", ".join(vocabulary.entity(item) for item in ((obj,) if isinstance(obj, str) else obj))
        else:
            named = None if obj is None else str(obj)
        attributes["factlog:proposition"] = " ".join(
            [vocabulary.entity(proposition.subject), proposition.predicate, *([] if named is None else [named])]
        )
        if proposition.when is not None:
            attributes["factlog:when"] = str(proposition.when)
    if claim.stated is not None:
        attributes["factlog:stated"] = str(claim.stated)
    return attributes


def to_prov(claims: ClaimSet) -> dict[str, Any]:
    """The claim set as a W3C PROV-JSON document.

    Deterministic: sources and claims are taken in order of id, derivations and evidence
    sorted, so the numbering of relations (``_:r1``, ...) does not depend on the order
    of the input file. Returns a JSON-ready dict with the PROV-JSON sections
    ``prefix``, ``entity``, ``agent`` and one per kind of relation present
    (``wasAttributedTo``, ``wasDerivedFrom``, ...). Raises :class:`~factlog.ArgumentError`
    (a :class:`ValueError`) for anything but a :class:`ClaimSet`, and nothing for one: an
    id it does not define (read with ``references=False``) is written as an agent or
    entity of that name.
    """
    expect_claim_set(claims, "factlog.to_prov")
    prov = _Prov()
    for source in sorted(claims.sources, key=lambda s: s.id):
        attributes: dict[str, Any] = {
            "prov:label": source.title,
            "prov:type": _qname("factlog:Source"),
            "factlog:kind": source.kind.value,
        }
        if source.url is not None:
            attributes["factlog:url"] = source.url
        if source.published is not None:
            attributes["factlog:published"] = str(source.published)
        prov.document["entity"][f"source:{source.id}"] = attributes
        prov.relation(
            "wasAttributedTo",
            {"prov:entity": f"source:{source.id}", "prov:agent": prov.agent(claims, source.publisher)},
        )
        for parent in sorted(set(source.derived_from)):
            prov.relation(
                "wasDerivedFrom", {"prov:generatedEntity": f"source:{source.id}", "prov:usedEntity": f"source:{parent}"}
            )
    for claim in sorted(claims.claims, key=lambda c: c.id):
        node = f"claim:{claim.id}"
        prov.document["entity"][node] = _claim_entity(claim, prov.vocabulary_of(claims))
        holder = prov.agent(claims, claim.attribution.holder)
        prov.relation("wasAttributedTo", {"prov:entity": node, "prov:agent": holder})
        for evidence in sorted(claim.evidence, key=lambda e: (e.source, e.start or 0, e.end or 0, e.quote)):
            derivation: dict[str, Any] = {
                "prov:generatedEntity": node,
                "prov:usedEntity": f"source:{evidence.source}",
                "factlog:quote": evidence.quote,
            }
            if claim.attribution.mode is Mode.DIRECT_QUOTE:
                derivation["prov:type"] = _qname("prov:Quotation")
            prov.relation("wasDerivedFrom", derivation)
        _relay_chain(prov, claims, claim, node, holder)
        first = claims.source_by_id.get(claim.evidence[0].source)
        stated = claim.stated or (first.published if first is not None else None)
        if stated is not None:
            prov.relation("wasGeneratedBy", {"prov:entity": node, "prov:time": _time(stated)})
    _delegations(prov, claims)
    return prov.document


def _delegations(prov: _Prov, claims: ClaimSet) -> None:
    """``actedOnBehalfOf`` from each agent with an ``affiliation`` to the entity it speaks for (VTV for Velmora).

    Agents are taken in order of key; one an affiliation brings in is taken in its turn,
    so a chain (a spokesman, his ministry, its state) is written link by link.
    """
    done: set[str] = set()
    while pending := sorted(set(prov.document["agent"]) - done):
        for key in pending:
            done.add(key)
            entity = claims.entity_by_id.get(key.removeprefix("agent:"))
            if entity is not None and entity.affiliation is not None:
                responsible = prov.agent(claims, entity.affiliation)
                prov.relation("actedOnBehalfOf", {"prov:delegate": key, "prov:responsible": responsible})


def _relay_chain(prov: _Prov, claims: ClaimSet, claim: Claim, node: str, holder: str) -> None:
    """Link the claim to each relay's rendition in turn, and the last to the holder's statement."""
    if not claim.attribution.via:
        return
    previous = node
    for number, relay in enumerate(claim.attribution.via, start=1):
        rendition = f"claim:{claim.id}.relay{number}"
        prov.document["entity"][rendition] = {"prov:label": f"{claim.statement} (as relayed)"}
        prov.relation("wasAttributedTo", {"prov:entity": rendition, "prov:agent": prov.agent(claims, relay)})
        prov.relation("wasDerivedFrom", {"prov:generatedEntity": previous, "prov:usedEntity": rendition})
        previous = rendition
    original = f"claim:{claim.id}.original"
    prov.document["entity"][original] = {"prov:label": f"{claim.statement} (as first stated)"}
    prov.relation("wasAttributedTo", {"prov:entity": original, "prov:agent": holder})
    prov.relation(
        "wasDerivedFrom",
        {"prov:generatedEntity": previous, "prov:usedEntity": original, "prov:type": _qname("prov:PrimarySource")},
    )
