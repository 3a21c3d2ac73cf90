"""Exports to the formats the field already reads: W3C PROV-JSON and schema.org ClaimReview.

* :func:`to_prov` — sources and claims become PROV entities, holders, relays and
  publishers agents; a claim ``wasAttributedTo`` its holder and ``wasDerivedFrom`` the
  source it was read in (a ``prov:Quotation`` for a direct quote); a relay chain becomes
  one entity per relay, each derived from the next, the innermost with the holder's
  statement as ``prov:PrimarySource``; ``derived_from`` between sources becomes
  ``wasDerivedFrom``; the date a claim was stated becomes its generation time.
* :func:`to_claimreview` — one schema.org ``ClaimReview`` per assessed proposition, with
  the status as the rating's ``alternateName`` and the credibility grade as its value
  (grade 1 → 5, ..., grade 5 → 1; grade 6, "cannot be judged", has no value).

Both are plain dicts, written with :func:`json.dumps`; no extra library is needed.
"""

from __future__ import annotations

import re
from typing import Any

from factlog.assessment._assessment import Assessment
from factlog.model._claimset import ClaimSet
from factlog.model._dates import Interval, PartialDate
from factlog.model._nouns import Claim, Entity, EntityKind, Mode

__all__ = ["to_claimreview", "to_prov"]

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


def _qname(value: str) -> dict[str, str]:
    return {"$": value, "type": "xsd:QName"}


def _time(date: PartialDate | Interval) -> str:
    return f"{date.earliest.isoformat()}T00:00:00"


def _iso_date(interval: Interval) -> str:
    """The date as ISO 8601 allows it: as written when it is one plain date, else its first day."""
    date = interval.start
    if date is not None and date == interval.end and date.exact and date.season is None and not date.unspecified:
        return str(date)
    return interval.earliest.isoformat()


def _agent(entity: Entity | None, name: str) -> dict[str, Any]:
    attributes: dict[str, Any] = {"prov:label": entity.name if entity else name}
    if entity is not None and entity.kind in _PERSON and not entity.anonymous:
        attributes["prov:type"] = _qname("prov:Person")
    elif entity is not None and entity.kind in _ORGANISATION:
        attributes["prov:type"] = _qname("prov:Organization")
    return attributes


class _Prov:
    def __init__(self) -> None:
        self.document: dict[str, Any] = {"prefix": dict(NAMESPACES), "entity": {}, "agent": {}}
        self.counter = 0

    def relation(self, kind: str, attributes: dict[str, Any]) -> None:
        self.counter += 1
        self.document.setdefault(kind, {})[f"_:r{self.counter}"] = attributes

    def agent(self, claims: ClaimSet, name: str) -> str:
        key = f"agent:{name}"
        self.document["agent"].setdefault(key, _agent(claims.entity_by_id.get(name), name))
        return key


def _claim_entity(claim: Claim) -> dict[str, Any]:
    attributes: dict[str, Any] = {
        "prov:label": claim.statement,
        "prov:type": _qname("factlog:Claim"),
        "factlog:polarity": claim.polarity.value,
        "factlog:certainty": claim.certainty.value,
    }
    if claim.proposition is not None:
        proposition = claim.proposition
        obj = proposition.object
        attributes["factlog:proposition"] = " ".join(
            [proposition.subject, proposition.predicate, *([] if obj is None else [str(obj)])]
        )
        if proposition.when is not None:
            attributes["factlog:when"] = str(proposition.when)
    if claim.stated is not None:
        attributes["factlog:stated"] = str(claim.stated)
    return attributes


def to_prov(claims: ClaimSet) -> dict[str, Any]:
    """The claim set as a W3C PROV-JSON document."""
    prov = _Prov()
    for source in claims.sources:
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
        for parent in source.derived_from:
            prov.relation(
                "wasDerivedFrom", {"prov:generatedEntity": f"source:{source.id}", "prov:usedEntity": f"source:{parent}"}
            )
    for claim in claims.claims:
        node = f"claim:{claim.id}"
        prov.document["entity"][node] = _claim_entity(claim)
        holder = prov.agent(claims, claim.attribution.holder)
        prov.relation("wasAttributedTo", {"prov:entity": node, "prov:agent": holder})
        for source_id in claim.sources:
            derivation: dict[str, Any] = {"prov:generatedEntity": node, "prov:usedEntity": f"source:{source_id}"}
            if claim.attribution.mode is Mode.DIRECT_QUOTE:
                derivation["prov:type"] = _qname("prov:Quotation")
            prov.relation("wasDerivedFrom", derivation)
        _relay_chain(prov, claims, claim, node, holder)
        first = claims.source_by_id.get(claim.evidence[0].source)
        stated = claim.stated or (first.published if first is not None else None)
        if stated is not None:
            prov.relation("wasGeneratedBy", {"prov:entity": node, "prov:time": _time(stated)})
    return prov.document


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


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


def to_claimreview(
    assessment: Assessment, claims: ClaimSet, *, author: str, url: str = "urn:factlog:review:"
) -> dict[str, Any]:
    """Every assessed proposition as a schema.org ClaimReview, in one JSON-LD graph.

    ``author`` names the reviewing organisation; ``url`` is the base of each review's
    address (the proposition's key is appended).
    """
    reviews = []
    for item in assessment.propositions:
        holders: dict[str, dict[str, Any]] = {}
        appearances: list[tuple[tuple[int, int], dict[str, Any]]] = []
        for claim_id in item.claim_ids:
            claim = claims.claim_by_id[claim_id]
            entity = claims.entity_by_id.get(claim.attribution.holder)
            kind = (
                "Person" if entity is not None and entity.kind in _PERSON and not entity.anonymous else "Organization"
            )
            holders.setdefault(
                claim.attribution.holder, {"@type": kind, "name": entity.name if entity else claim.attribution.holder}
            )
            for source_id in claim.sources:
                source = claims.source_by_id.get(source_id)
                if source is None:
                    continue
                work: dict[str, Any] = {"@type": "CreativeWork", "name": source.title}
                if source.url is not None:
                    work["url"] = source.url
                if source.published is not None:
                    work["datePublished"] = _iso_date(source.published)
                key = source.published.sort_key if source.published is not None else (10**9, 10**9)
                if work not in [w for _, w in appearances]:
                    appearances.append((key, work))
        appearances.sort(key=lambda pair: pair[0])
        rating: dict[str, Any] = {
            "@type": "Rating",
            "alternateName": item.status.value,
            "bestRating": 5,
            "worstRating": 1,
        }
        if item.credibility.value != 6:
            rating["ratingValue"] = 6 - item.credibility.value
        claim_node: dict[str, Any] = {
            "@type": "Claim",
            "author": list(holders.values()),
            "appearance": [work for _, work in appearances],
        }
        if appearances:
            claim_node["firstAppearance"] = appearances[0][1]
        review = {
            "@type": "ClaimReview",
            "url": url + _slug(item.key),
            "claimReviewed": item.statement,
            "author": {"@type": "Organization", "name": author},
            "reviewRating": rating,
            "itemReviewed": claim_node,
        }
        if assessment.as_of is not None:
            review["datePublished"] = str(assessment.as_of)
        reviews.append(review)
    return {"@context": {"@vocab": "https://schema.org/"}, "@graph": reviews}
