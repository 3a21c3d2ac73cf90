"""schema.org ClaimReview: what a publisher puts beside a story, one review per proposition.

:func:`to_claimreview` gives each review the properties schema.org's ClaimReview
guidelines ask for: ``claimReviewed``, ``reviewRating`` (``ratingValue``, ``bestRating``,
``worstRating``, ``alternateName``), ``itemReviewed`` (a ``Claim`` with ``author``,
``appearance`` and ``firstAppearance``), ``author``, ``datePublished`` and ``url``.

* The claim's authors and appearances are only the holders and sources of the claims that
  *make* it (the origins for it, and claims that affirmed it before their holder changed
  its stance: superseded, still made); those who deny it are not its authors.
* The rating is the Admiralty credibility turned over (grade 1 → 5, ..., grade 5 → 1),
  with the status as ``alternateName``.
* Each review's URL is the base, a slug of the proposition in its own script
  (percent-encoded) and the first eight hex digits of the SHA-256 of its key, so two
  propositions never share one, in any script.
* By default only propositions worth a reader's attention are reviewed: those with any
  origin against them, or graded doubtful (4) or improbable (5); ``everything=True``
  reviews every proposition someone makes. A proposition nobody makes now, but that a
  holder made before changing its stance, is reviewed (its makers' superseded claims
  are its authors); one nobody ever made (only denied) has no claim to review and is
  left out.
* ``datePublished`` is the ``date`` given, or the ``as_of`` date of the assessment, or the
  latest date a claim the review weighs was stated (its ``stated``, else its source's
  ``published``): the claims of the origins for and against the proposition and its
  denials, so a review never predates a denial its rating weighs; or the latest date
  anywhere in the claim set, as a full ISO date (the last day it allows), so the same
  input gives the same bytes. A claim set with no date at all and no ``date`` gives
  reviews without one.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import quote

from factlog._escape import SAFE_SCHEMES, safe_url
from factlog.assessment._arguments import expect_assessment
from factlog.assessment._assessment import Assessment, PropositionAssessment
from factlog.assessment._lines import LinesAssessment
from factlog.errors import ArgumentError, expect
from factlog.interchange._prov import is_person
from factlog.model._claimset import ClaimSet, expect_claim_set
from factlog.model._dates import Interval, PartialDate
from factlog.model._nouns import Claim
from factlog.model._scales import Credibility, Polarity
from factlog.model._vocabulary import Vocabulary, fold

__all__ = ["review_url", "to_claimreview"]

_FALSE = (Credibility.DOUBTFUL, Credibility.IMPROBABLE)
_BASE_SCHEMES = SAFE_SCHEMES | {"urn"}  # the report's allow-list, and urn for the default base
_NOT_WORD = re.compile(r"[\W_]+")


def review_url(base: str, key: str, statement: str) -> str:
    """``base`` + the statement's slug (percent-encoded, any script) + ``-`` + 8 hex digits of SHA-256(key).

    The slug is at most 60 characters of the folded statement, words joined by ``-``; a
    statement without a letter or digit gives ``base`` + the digits alone. Raises
    :class:`~factlog.ArgumentError` (a :class:`ValueError`) for an argument that is no
    :class:`str`, nothing for strings.
    """
    for argument, value in (("base", base), ("key", key), ("statement", statement)):
        expect(value, str, f"factlog.review_url: {argument}", "a str")
    slug = _NOT_WORD.sub("-", fold(statement)).strip("-")[:60].strip("-")
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:8]
    return f"{base}{quote(slug, safe='-')}-{digest}" if slug else f"{base}{digest}"


def _day(date: PartialDate | Interval) -> str:
    return datetime.date.fromordinal(date.last_day).isoformat()


def _iso_date(interval: Interval) -> str:
    """The date as ISO 8601 allows it: as written when it is one plain date, else its first day."""
    date = interval.start
    if date is not None and date == interval.end and date.exact and date.season is None and not date.unspecified:
        return str(date)
    return interval.earliest.isoformat()


def _known(claims: ClaimSet, claim_id: str) -> Claim:
    claim = claims.claim_by_id.get(claim_id)
    if claim is None:
        raise ArgumentError(
            f"factlog.to_claimreview: claim {claim_id!r} of the assessment is not in claims:"
            " give the claim set that was assessed"
        )
    return claim


def _stated(claim: Claim, claims: ClaimSet) -> PartialDate | Interval | None:
    """When the claim was stated: its ``stated``, else the first of its sources with a publication date."""
    return claim.stated or next(
        (s.published for s in map(claims.source_by_id.get, claim.sources) if s and s.published), None
    )


class _Dates:
    """When the claims a review weighs were stated, each claim's date looked up once for the whole export.

    In a crowded slot every proposition's review weighs the origins of all its rivals:
    each claim's date is read once and each origin's latest once, so the export stays
    linear in the claims weighed rather than in their number times the reviews.
    """

    def __init__(self, claims: ClaimSet) -> None:
        self.claims = claims
        self._claim: dict[str, PartialDate | Interval | None] = {}
        self._origin: dict[tuple[str, ...], PartialDate | Interval | None] = {}

    def claim(self, claim_id: str) -> PartialDate | Interval | None:
        if claim_id not in self._claim:
            self._claim[claim_id] = _stated(_known(self.claims, claim_id), self.claims)
        return self._claim[claim_id]

    def latest(self, claim_ids: tuple[str, ...]) -> PartialDate | Interval | None:
        if claim_ids not in self._origin:
            self._origin[claim_ids] = _latest(self.claim(claim_id) for claim_id in claim_ids)
        return self._origin[claim_ids]

    def weighed(self, item: PropositionAssessment) -> PartialDate | Interval | None:
        """The latest date a claim the review weighs was stated: the origins' for and against it, and its denials."""
        origins = (self.latest(origin.claims) for origin in (*item.supporting, *item.opposing))
        return _latest((*origins, *(self.claim(claim_id) for claim_id, _ in item.labels)))


def _latest(dates: Iterable[PartialDate | Interval | None]) -> PartialDate | Interval | None:
    """The given date whose last day is latest (the first of them on a tie), or None when none is given."""
    return max((when for when in dates if when is not None), key=lambda day: day.last_day, default=None)


def _claim(item: PropositionAssessment, claims: ClaimSet, vocabulary: Vocabulary) -> dict[str, Any]:
    """The Claim node from the claims for the proposition (those who deny it are no authors of it).

    Its makers are the claims of the origins for it and every claim that affirmed it
    before its holder changed its stance (weighed in no origin now, but made all the same).
    """
    makers = [claim for origin in item.supporting for claim in origin.claims] + _superseded(item, claims)
    authors: dict[str, dict[str, Any]] = {}
    appearances: dict[str, tuple[tuple[int, int], dict[str, Any]]] = {}
    for claim_id in sorted(set(makers)):
        claim = _known(claims, claim_id)
        holder = vocabulary.entity(claim.attribution.holder)  # a name as written, as its entity's id
        kind = "Person" if is_person(claims.entity_by_id.get(holder)) else "Organization"
        authors.setdefault(holder, {"@type": kind, "name": vocabulary.name(holder)})
        for source_id in claim.sources:
            source = claims.source_by_id.get(source_id)
            if source is None or source_id in appearances:
                continue
            work: dict[str, Any] = {"@type": "CreativeWork", "name": source.title}
            if source.url is not None and safe_url(source.url) != "#":  # an unsafe address is left out
                work["url"] = source.url.strip()
            if source.published is not None:
                work["datePublished"] = _iso_date(source.published)
            order = source.published.sort_key if source.published is not None else (10**9, 10**9)
            appearances[source_id] = (order, work)
    works = [work for _, work in sorted(appearances.values(), key=lambda pair: (pair[0], pair[1]["name"]))]
    node: dict[str, Any] = {
        "@type": "Claim",
        "author": [authors[holder] for holder in sorted(authors)],
        "appearance": works,
    }
    if works:
        node["firstAppearance"] = works[0]
    return node


def _superseded(item: PropositionAssessment, claims: ClaimSet) -> list[str]:
    """The ids of the claims that affirmed a proposition before their holder changed its stance (in no vote now)."""
    counted = {claim for origin in (*item.supporting, *item.opposing) for claim in origin.claims}
    return [claim_id for claim_id, _ in item.labels if claim_id not in counted and _affirms(_known(claims, claim_id))]


def _affirms(claim: Claim) -> bool:
    """Whether a claim affirms it: affirmed, with no pattern (whose readings deny some times)."""
    return claim.polarity is Polarity.AFFIRMED and claim.pattern is None


def check_base(url: object, where: str) -> str:
    """``url`` if it is an http, https, mailto, urn or relative address; else an :class:`~factlog.ArgumentError`.

    ``where`` names the argument in the message: ``--url`` on the command line,
    ``factlog.to_claimreview: url`` in Python.
    """
    text = expect(url, str, where, "an http, https, mailto, urn or relative address (a str)")
    if safe_url(text, _BASE_SCHEMES) == "#":
        raise ArgumentError(f"{where}: {text!r} is not an http, https, mailto, urn or relative address")
    return text


def _wanted(item: PropositionAssessment, everything: bool, claims: ClaimSet) -> bool:
    if not item.supporting:
        return bool(_superseded(item, claims))  # made, then given up by whoever made it: worth a review
    return everything or bool(item.opposing) or item.credibility in _FALSE


def to_claimreview(
    assessment: Assessment | LinesAssessment,
    claims: ClaimSet,
    *,
    author: str,
    url: str = "urn:factlog:review:",
    everything: bool = False,
    date: PartialDate | str | None = None,
) -> dict[str, Any]:
    """Disputed or doubtful propositions (every one made, with ``everything``) as one JSON-LD graph.

    ``author`` names the reviewing organisation; ``url`` is the base of each review's
    address (see :func:`review_url`); ``date`` is the reviews' ``datePublished``. A source
    address that the report would not link (:func:`~factlog.safe_url`) is left out of its
    appearance. Returns ``{"@context": ..., "@graph": [review, ...]}`` in the assessment's
    order. Raises :class:`~factlog.ArgumentError` (a :class:`ValueError`) for an
    ``assessment`` that is none, ``claims`` that are no :class:`ClaimSet`, a ``url`` or
    ``author`` that is no :class:`str`, a ``url`` with any scheme but http, https, mailto
    or urn, a ``date`` that is neither text nor a :class:`PartialDate`, or ``claims`` that
    lack a claim the assessment weighs (give the claim set assessed);
    :class:`~factlog.DateError` (a :class:`ValueError`) for a ``date`` string that is no
    partial date.
    """
    expect_assessment(assessment, "factlog.to_claimreview: assessment")
    expect_claim_set(claims, "factlog.to_claimreview")
    expect(author, str, "factlog.to_claimreview: author", "the reviewing organisation's name (a str)")
    check_base(url, "factlog.to_claimreview: url")
    if date is not None and not isinstance(date, (str, PartialDate)):
        raise ArgumentError(f"factlog.to_claimreview: date is a PartialDate or its text, got {type(date).__name__}")
    given = PartialDate.parse(date) if isinstance(date, str) else date
    anywhere = [c.stated for c in claims.claims if c.stated is not None]
    anywhere += [s.published for s in claims.sources if s.published is not None]
    latest = max(anywhere, key=lambda day: day.last_day, default=None)
    vocabulary, dates = Vocabulary.of(claims), _Dates(claims)  # built once: per review they made the export quadratic
    reviews = []
    for item in assessment.propositions:
        if not _wanted(item, everything, claims):
            continue
        claim_node = _claim(item, claims, vocabulary)
        rating: dict[str, Any] = {
            "@type": "Rating",
            "alternateName": item.status.value,
            "bestRating": 5,
            "worstRating": 1,
        }
        if item.credibility is not Credibility.CANNOT_BE_JUDGED:
            rating["ratingValue"] = 6 - item.credibility.value
        else:
            rating["ratingExplanation"] = _cannot_be_judged(item)
        review: dict[str, Any] = {
            "@type": "ClaimReview",
            "url": review_url(url, item.key, item.statement),
            "claimReviewed": item.statement,
            "author": {"@type": "Organization", "name": author},
            "reviewRating": rating,
            "itemReviewed": claim_node,
        }
        published = given or assessment.as_of or dates.weighed(item)
        published = latest if published is None else published
        if published is not None:
            review["datePublished"] = _day(published)
        reviews.append(review)
    return {"@context": {"@vocab": "https://schema.org/"}, "@graph": reviews}


_LONE = "truth cannot be judged: "


def _cannot_be_judged(item: PropositionAssessment) -> str:
    """A grade-6 review's ``ratingExplanation``: the truth cannot be judged, and why when the reasons say."""
    said = "Truth cannot be judged (Admiralty credibility 6)"
    lone = next((reason for reason in item.reasons if reason.startswith(_LONE)), None)
    if lone is not None:
        return f"{said}: {lone.removeprefix(_LONE).split('; the belief')[0]}."
    if not item.supporting and item.opposing:
        return f"{said}: only parties the proposition accuses deny it, and nobody credible says otherwise."
    return f"{said}."
