"""Assessment: what to believe about each proposition, and why.

Checks say where claims clash; assessment weighs them. For each proposition at each
stretch of time (and, for a functional predicate, each competing value), claims are
grouped into independent origins (:mod:`factlog.analysis._origins`), each origin votes once with the weight its holder's
reliability and its expressed certainty give it (discounted when a party denies what
accuses it), and the votes give a belief in [0, 1] (:mod:`factlog.assessment._methods`).
From the origins and the belief follow a status, an Admiralty credibility grade and,
for each claim, whether it is accepted, rejected or contested (:mod:`factlog.assessment._acceptance`).
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Collection, Sequence
from typing import Any

import attrs

from factlog._bulk import paused_gc
from factlog.analysis._discovery import MAX_PAIRS, MAX_ROUNDS, Dependence, SourceTrust, pair_budget, round_limit
from factlog.analysis._index import Entry, Index
from factlog.assessment import _grading as grading
from factlog.assessment._acceptance import Acceptance, grounded
from factlog.assessment._canonical import canonical, known_before
from factlog.assessment._deciding import decided_by, grounds, ties
from factlog.assessment._grounded import grounded_slot
from factlog.assessment._methods import (
    DEFAULT_METHOD,
    EXTRAPOLATE,
    METHODS,
    ValueSimilarity,
    beliefs,
    discover,
    votes_of,
)
from factlog.assessment._proposition import PropositionAssessment, Status
from factlog.assessment._questions import OriginWeight, Question, questions
from factlog.assessment._reading import ClaimMap
from factlog.assessment._reasons import Copying, reasons_for
from factlog.assessment._weights import vote_weight
from factlog.errors import ArgumentError
from factlog.model._claimset import ClaimSet, expect_claim_set
from factlog.model._dates import PartialDate
from factlog.model._nearest import nearest_ids
from factlog.model._scales import Reliability

__all__ = [
    "Assessment",
    "OriginWeight",
    "PropositionAssessment",
    "Status",
    "answered",
    "arguments",
    "assess",
    "assessed",
    "assessment_order",
    "judged",
    "known_before",
    "known_by",
]


@attrs.frozen
class Assessment(ClaimMap):
    """The assessment of every proposition of a claim set, and what the method learned.

    ``sources`` is the learned accuracy (TruthFinder: trust) of each source, with the
    number of claims it rests on, by source id; ``dependences`` the copying AccuCopy
    found between sources (posterior at least 0.5); ``rounds`` and ``converged`` how
    the iteration ended; ``provider_limit`` (AccuCopy) the most sources a value copy
    detection weighed may have, when a budget of pairs (``max_pairs``) left the values
    more sources give out of it (0: every value), else None; ``max_rounds`` the limit of rounds it ran
    under (a run with ``converged`` False ran every one of them; ``majority`` counts
    once whatever it is, and its JSON records no limit); ``extrapolated`` whether
    AccuVote's and AccuCopy's rounds jumped ahead along a slow mode (``extrapolate``;
    the JSON of ``majority`` and TruthFinder, whose rounds never jump, records none). :meth:`about`, :meth:`label` and
    :meth:`leading` answer for one claim or every slot. ``held`` (not a field of equality, nor
    kept by pickling) is the ids of the claim set assessed, so that :meth:`about` can tell an
    id it does not hold from a claim no assessment weighs; None for an assessment made by hand.
    """

    propositions: tuple[PropositionAssessment, ...]
    method: str
    as_of: PartialDate | None
    sources: tuple[SourceTrust, ...] = ()
    dependences: Sequence[Dependence] = ()
    rounds: int = 0
    converged: bool = True
    provider_limit: int | None = None
    max_rounds: int = attrs.field(default=MAX_ROUNDS, converter=round_limit)
    extrapolated: bool = EXTRAPOLATE
    _held: Collection[str] | None = attrs.field(default=None, eq=False, repr=False, alias="held")

    def _holds(self, claim: str) -> bool | None:
        return None if self._held is None else claim in self._held

    def _near(self, claim: str) -> list[str]:
        return nearest_ids(self._held or (), claim)

    def __getstate__(self) -> dict[str, Any]:
        """The fields but ``held``: a pickled assessment does not carry its claim set's ids (``about`` gives [])."""
        return {field.name: getattr(self, field.name) for field in attrs.fields(Assessment) if field.eq}

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name, value in state.items():
            object.__setattr__(self, name, value)
        object.__setattr__(self, "_held", None)


def weight(index: Index, entry: Entry, interested: bool, grade: Reliability | None = None) -> float:
    """The log-odds an origin's claim adds a priori, as its vote counts it: the weight an assessment shows.

    ln(p/(1 − p)) for the prior accuracy p of ``grade``, its origin's grade (None: the
    claim's holder's; :attr:`Reliability.prior`),
    times the claim's vote weight in [0, 1] (:func:`~factlog.assessment._weights.vote_weight`:
    the certainty expressed and every discount the origin lists: interested, anonymous,
    implied, unnamed relay), so the figure and the ``discounts`` named beside it agree.
    """
    if grade is None:
        entity = index.entity(entry.holder)
        grade = entity.reliability if entity is not None else Reliability.F
    prior = grade.prior
    share, _ = vote_weight(index, entry, interested)
    return math.log(prior / (1 - prior)) * share


@paused_gc
def assess(
    claims: ClaimSet,
    *,
    as_of: PartialDate | datetime.date | str | None = None,
    method: str = DEFAULT_METHOD,
    explain: bool = True,
    similarity: ValueSimilarity | None = None,
    max_pairs: int | None = MAX_PAIRS,
    max_rounds: int = MAX_ROUNDS,
    extrapolate: bool = EXTRAPOLATE,
) -> Assessment:
    """Weigh every proposition of a claim set by its independent origins.

    ``as_of`` (a date string such as ``"2025-10"``, a :class:`PartialDate` or a
    :class:`datetime.date`) keeps only claims stated on or before that date (claims
    whose date is unknown are left out); ``method`` is ``accucopy`` (the default: learns source
    accuracy and copying), ``accuvote`` (accuracy only), ``majority`` or
    ``truthfinder`` (see ``docs/assessment.md``). ``explain=False`` is the
    beliefs-only path for large runs: belief, status, credibility and origins, but no
    reasons, no per-claim labels and no acceptance (None). Raises
    :class:`~factlog.errors.ArgumentError` for an unknown method, ``claims`` that are no
    :class:`ClaimSet`, an ``as_of`` of another type, or an ``explain`` that is no bool;
    :class:`~factlog.errors.DateError` for an ``as_of`` string that is no date.
    ``similarity(a, b)`` in [0, 1], if given, says how much a functional slot's value
    ``a`` supports its value ``b`` (for example how far two author lists overlap), for
    every method but ``majority`` (see ``docs/assessment.md``). Propositions with
    any origin against them come first, then the rest, each part ordered by statement.
    ``max_pairs`` (50 million, or None for no limit) is AccuCopy's budget of pairs of
    sources: past it, the values the most sources give leave copy detection, with a
    :class:`~factlog.PairBudgetWarning` (see ``docs/assessment.md``); an ``int`` under 0
    or anything else is an :class:`~factlog.errors.ArgumentError`. ``max_rounds`` (200)
    is the learning methods' limit of rounds: a run that reaches it stops unsettled
    (``converged`` False, and the outputs say so); raise it for a large set, whose
    rounds may not settle within 200 (see ``docs/assessment.md``). ``majority`` counts
    once and ignores it (its JSON does not record it). A bool, a float, a number under 1 or anything else is an
    :class:`~factlog.errors.ArgumentError`. ``extrapolate`` (True): AccuVote's and
    AccuCopy's rounds jump ahead where their steps line up along one slow mode, to the
    fixed point the plain rounds reach in fewer rounds (Aitken's δ², projective
    integration; see ``docs/assessment.md``); ``False`` runs every round plainly.
    Anything but a bool is an :class:`~factlog.errors.ArgumentError`.
    """
    expect_claim_set(claims, "factlog.assess")
    when = arguments(as_of, method, explain, max_pairs, max_rounds=max_rounds, extrapolate=extrapolate)
    found, learned = _assessed(
        known_by(claims, when),
        method,
        explain=explain,
        similarity=similarity,
        max_pairs=max_pairs,
        max_rounds=max_rounds,
        extrapolate=extrapolate,
    )
    found.sort(key=assessment_order)
    return Assessment(tuple(found), method, when, *learned, max_rounds, extrapolate, held=claims.claim_by_id.keys())


def arguments(
    as_of: object,
    method: object,
    explain: object,
    max_pairs: object = MAX_PAIRS,
    where: str = "factlog.assess",
    *,
    max_rounds: object = MAX_ROUNDS,
    extrapolate: object = EXTRAPOLATE,
) -> PartialDate | None:
    """Check :func:`assess`'s options (raising what it raises, naming ``where``); ``as_of`` as a partial date."""
    if not isinstance(method, str) or method not in METHODS:
        raise ArgumentError(f"unknown method {method!r}: expected one of {', '.join(METHODS)}")
    if not isinstance(explain, bool):
        raise ArgumentError(f"{where}: explain must be True or False, got {explain!r}")
    try:
        pair_budget(max_pairs)
    except ValueError:
        raise ArgumentError(
            f"{where}: max_pairs must be a whole number, 0 or more, or None; got {max_pairs!r}"
        ) from None
    try:
        round_limit(max_rounds)
    except ValueError:
        raise ArgumentError(f"{where}: max_rounds must be a whole number, 1 or more; got {max_rounds!r}") from None
    if not isinstance(extrapolate, bool):
        raise ArgumentError(f"{where}: extrapolate must be True or False, got {extrapolate!r}")
    return _as_of(as_of)


def _as_of(value: object) -> PartialDate | None:
    """``as_of`` as a partial date: a date string, a :class:`PartialDate`, a :class:`datetime.date` or None."""
    if value is None or isinstance(value, PartialDate):
        return value
    if isinstance(value, str):
        return PartialDate.parse(value)
    if isinstance(value, datetime.datetime):
        return PartialDate.from_date(value.date())
    if isinstance(value, datetime.date):
        return PartialDate.from_date(value)
    raise ArgumentError(
        "factlog.assess: as_of must be a date string such as '2025-10', a PartialDate or a datetime.date,"
        f" got {type(value).__name__} {value!r}"
    )


def known_by(claims: ClaimSet, as_of: PartialDate | None) -> ClaimSet:
    """The claims stated on or before ``as_of`` (unknown dates left out; all if None), by id: :func:`canonical`."""
    return canonical(known_before(claims, as_of))


def assessed(
    claims: ClaimSet, method: str, *, explain: bool = True, index: Index | None = None
) -> list[PropositionAssessment]:
    """The assessments of a claim set's propositions, unsorted (see :func:`assessment_order`).

    With ``majority`` each question depends only on the claims of one proposition key or
    functional slot, so a set split by slot gives, part by part, the same assessments as
    the whole (what :func:`factlog.dask.assess` relies on). The learning methods weigh
    every question with source accuracies learned from all of them. ``index`` (default:
    ``Index.of(claims)``) may be a view of the claims holding only some groups: only
    their questions are weighed.
    """
    return _assessed(claims, method, explain=explain, index=index)[0]


_Learned = tuple[tuple[SourceTrust, ...], Sequence[Dependence], int, bool, int | None]
"""What truth discovery learned, as an assessment keeps it: sources, dependences, rounds, converged, provider limit."""


def _assessed(
    claims: ClaimSet,
    method: str,
    *,
    explain: bool,
    index: Index | None = None,
    similarity: ValueSimilarity | None = None,
    max_pairs: int | None = MAX_PAIRS,
    max_rounds: int = MAX_ROUNDS,
    extrapolate: bool = EXTRAPOLATE,
) -> tuple[list[PropositionAssessment], _Learned]:
    index = Index.of(claims) if index is None else index
    found = list(questions(index, weight))
    name = index.vocabulary.name  # the sources' names, for the line of what was learned
    del index  # the questions hold what they need: the index's tables go before the peak
    discovery = discover(found, method, similarity, max_pairs=max_pairs, max_rounds=max_rounds, extrapolate=extrapolate)
    results = beliefs(found, discovery)
    learned: _Learned = (
        tuple(trust.named(name) for trust in discovery.sources.values()),
        discovery.dependences,
        discovery.rounds,
        discovery.converged,
        discovery.provider_limit,
    )
    del discovery  # each question's probabilities are in its beliefs now
    return judged(found, results, learned, explain=explain), learned


def judged(
    found: list[Question], results: list[dict[str, float]], learned: _Learned, *, explain: bool
) -> list[PropositionAssessment]:
    """The assessments of questions, unsorted, from their candidates' beliefs and what the method learned.

    Empties ``found`` and ``results`` as it goes (each question is let go once assessed).
    """
    copying = Copying.of(learned[1], learned[0], learned[4]) if explain else None
    assessed = []
    # Each question is let go once assessed, so the assessment grows as the questions shrink.
    found.reverse()
    results.reverse()
    while found:
        assessed += answered(found.pop(), results.pop(), explain=explain, copying=copying)
    return assessed


def answered(
    question: Question, result: dict[str, float], *, explain: bool, copying: Copying | None
) -> list[PropositionAssessment]:
    """The assessment of each candidate answer of one question, from its beliefs (see :func:`beliefs`)."""
    acceptance = _acceptance(question, result) if explain else None
    decided = decided_by(question, acceptance) if acceptance is not None else {}
    tied = ties(question, result)
    providers = _providers(question) if copying is not None and copying.limit is not None else {}
    return [
        _assess(
            question,
            answer,
            result[answer],
            (acceptance, decided.get(answer)),
            tie=answer in tied,
            copying=copying,
            providers=providers.get(answer, 0),
        )
        for answer in question.candidates
    ]


def _providers(question: Question) -> dict[str, int]:
    """Answer → the sources giving it, as AccuCopy counts them (:func:`votes_of`, each source once)."""
    found: dict[str, set[str]] = {}
    for vote in votes_of((question,), "accucopy"):
        found.setdefault(vote.answer, set()).add(vote.source)
    return {answer: len(speakers) for answer, speakers in found.items()}


def assessment_order(item: PropositionAssessment) -> tuple[bool, str, str]:
    """Disputed first (any independent origin against), then by statement and key: what needs reading leads."""
    return (not item.opposing, item.statement, item.key)


def _acceptance(question: Question, result: dict[str, float]) -> dict[str, Acceptance]:
    """Grounded labels, the strength of each currently supported answer being its belief's log-odds."""
    supported = question.supported
    strength = {}
    for answer in question.answers:
        if answer not in supported:
            continue
        if answer in result:
            belief = min(max(result[answer], 1e-6), 1 - 1e-6)
        else:  # a denial of a slot value: as strong as the value is weak
            belief = min(max(1 - result.get(answer[4:], 0.5), 1e-6), 1 - 1e-6)
        strength[answer] = math.log(belief / (1 - belief))
    layout = question.layout
    if layout is None:
        return grounded(question.answers, question.rivals, strength)
    # A slot: its rivals are implicit (a candidate's follow from the layout), so is the labelling.
    rank = {name: i for i, name in enumerate(layout.names)}
    denials = {rank[answer[4:]]: strength.get(answer) for answer in question.answers if answer.startswith("not:")}
    candidates, denied = grounded_slot(layout, [strength.get(name) for name in layout.names], denials)
    labels = dict(zip(layout.names, candidates, strict=True))
    labels.update((f"not:{layout.names[i]}", label) for i, label in denied.items())
    return labels


def _assess(
    question: Question,
    answer: str,
    belief: float,
    decision: tuple[dict[str, Acceptance] | None, str | None],
    *,
    tie: bool,
    copying: Copying | None = None,
    providers: int = 0,
) -> PropositionAssessment:
    acceptance, decided_by = decision
    supporting = question.backers(answer)
    opposing = question.opponents(answer)
    reasons = list(question.notes) if acceptance is not None else []
    found = grading.status(supporting, opposing, belief)
    credibility = grading.credibility(found, belief, supporting, opposing)
    if acceptance is not None:
        split = question.split(answer)
        reasons += reasons_for(supporting, opposing, copying, providers, split=split, slot=question.slot)
        lone = grading.lone_origin(supporting, opposing)
        held = grading.ceiling_note(supporting, round(belief, 4)) if lone is None else grading.lone_note(lone)
        if held is not None:
            reasons.append(held)
        if decided_by is not None:
            judged = not grading.accused_only(supporting, opposing)
            withdrawn = () if supporting else question.withdrawn.get(answer, ())
            why = grounds(acceptance[answer], decided_by, claimed=bool(supporting), judged=judged, withdrawn=withdrawn)
            reasons.append(f"{acceptance[answer].value}: {why}")
        if tie:
            reasons.append("tied with another value of the slot: the tie is not broken")
        reasons.append(f"status {found.value}; belief {belief:.2f}")
    return PropositionAssessment(
        key=question.keys[answer],
        statement=question.texts[answer],
        status=found,
        credibility=credibility,
        belief=round(belief, 4),
        supporting=supporting,
        opposing=opposing,
        reasons=tuple(reasons),
        labels=question.labels(acceptance, answer) if acceptance is not None else (),
        slot=question.slot,
        value=question.values.get(answer) if question.slot is not None else None,
        tie=tie,
        acceptance=acceptance[answer] if acceptance is not None else None,
        decided_by=decided_by,
        when=question.when,
        ceiling=grading.ceiling(supporting),
    )
