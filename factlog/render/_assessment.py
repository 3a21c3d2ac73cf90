"""Rendering an :class:`~factlog.assessment._assessment.Assessment` as text, JSON or Markdown."""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from typing import Any, TextIO

import cattrs

from factlog._escape import escape_markdown, escape_terminal
from factlog.analysis._discovery import MAX_ROUNDS, Dependence, SourceTrust
from factlog.assessment._acceptance import Acceptance
from factlog.assessment._arguments import expect_assessment
from factlog.assessment._assessment import Assessment, PropositionAssessment
from factlog.assessment._deciding import grounds
from factlog.assessment._grading import accused_only
from factlog.assessment._lines import LinesAssessment
from factlog.assessment._methods import EXTRAPOLATE, EXTRAPOLATING_METHODS, ROUNDS_METHODS
from factlog.assessment._questions import OriginWeight
from factlog.assessment._reasons import budget_note, listed, origin_names, unsettled_note
from factlog.errors import expect_text_stream
from factlog.io import make_converter
from factlog.model._nouns import Object
from factlog.model._scales import Credibility

__all__ = [
    "FEW_CLAIMS",
    "VOTES",
    "assessment_document",
    "render_assessment_json",
    "render_assessment_markdown",
    "render_assessment_text",
    "write_assessment_json",
]


def _origin(origin: OriginWeight) -> dict[str, Any]:
    return {
        "origin": origin.label,
        "speaks_for": origin.speaks_for,
        "reliability": origin.reliability.value,
        "weight": origin.weight,
        "interested": origin.interested,
        "discounts": list(origin.discounts),
        "claims": list(origin.claims),
        "sources": list(origin.sources),
    }


@functools.cache
def _converter() -> cattrs.Converter:
    return make_converter(detailed=False)


def _value(value: Object | None) -> object:
    """A typed slot value as JSON, as a claim's ``object`` is written in a document.

    An entity id as a string, several as a list, a literal as its tagged object:
    ``{"text": ...}``, ``{"date": ...}``, ``{"amount": ..., "unit": ..., ...}``.
    """
    return _converter().unstructure(value, Object | None)


def assessment_document(assessment: Assessment | LinesAssessment) -> dict[str, Any]:
    """The assessment as a JSON-ready dict: method, learned trust, dependences and ``propositions``.

    Each proposition's ``for`` and ``against`` list its strongest origins (at most
    :data:`~factlog.assessment._reasons.LISTED_ORIGINS`, by weight); ``for_count`` and
    ``against_count`` count them all (the Python API keeps every origin). A
    :class:`~factlog.LinesAssessment` gives the same dict (all its propositions are
    read back: :func:`write_assessment_json` writes them one at a time). Raises
    :class:`~factlog.ArgumentError` for anything but an assessment, and nothing else of
    its own (a :class:`~factlog.LinesAssessment`'s temporary file is read back, which
    fails only as the disk does, with an :class:`OSError`).
    """
    expect_assessment(assessment, "factlog.assessment_document: assessment")
    return {**_head(assessment), "propositions": [_proposition(item) for item in assessment.propositions]}


def _head(assessment: Assessment | LinesAssessment, *, dependences: bool = True) -> dict[str, Any]:
    limited = {} if assessment.provider_limit is None else {"provider_limit": assessment.provider_limit}
    # The limit of rounds only when the caller chose another than the default, and only for a method that obeys it:
    # the default's bytes stay as they were, and an option the method ignored leaves its bytes as they are without it.
    chosen: dict[str, Any] = {}
    if assessment.method in ROUNDS_METHODS and assessment.max_rounds != MAX_ROUNDS:
        chosen["max_rounds"] = assessment.max_rounds
    if assessment.method in EXTRAPOLATING_METHODS and assessment.extrapolated != EXTRAPOLATE:  # likewise
        chosen["extrapolated"] = assessment.extrapolated
    return {
        "method": assessment.method,
        "as_of": None if assessment.as_of is None else str(assessment.as_of),
        "rounds": assessment.rounds,
        **chosen,
        "converged": assessment.converged,
        **limited,
        "sources": [
            {"source": trust.source, "accuracy": round(trust.accuracy, 4), "claims": trust.claims}
            for trust in assessment.sources
        ],
        "dependences": [_dependence(found) for found in assessment.dependences] if dependences else [],
    }


def _dependence(found: Dependence) -> dict[str, Any]:
    return {
        "copier": found.copier,
        "original": found.original,
        "probability": round(found.probability, 4),
        "direction_known": found.direction_known,
        "shared_items": found.shared_items,
        "same_values": found.same_values,
        "unique_values": found.unique_values,
        "false_values": found.false_values,
    }


def _proposition(item: PropositionAssessment) -> dict[str, Any]:
    return {
        "key": item.key,
        "statement": item.statement,
        "status": item.status.value,
        "credibility": item.credibility.value,
        "belief": item.belief,
        "likelihood": None if item.credibility is Credibility.CANNOT_BE_JUDGED else item.likelihood.value,
        "acceptance": None if item.acceptance is None else item.acceptance.value,
        "decided_by": item.decided_by,
        **({"slot": item.slot, "value": _value(item.value), "tie": item.tie} if item.slot is not None else {}),
        "for": [_origin(o) for o in listed(item.supporting)[0]],
        "for_count": len(item.supporting),
        "against": [_origin(o) for o in listed(item.opposing)[0]],
        "against_count": len(item.opposing),
        "claims": {claim: label.value for claim, label in item.labels},
        "reasons": list(item.reasons),
    }


def render_assessment_json(assessment: Assessment | LinesAssessment) -> str:
    """:func:`assessment_document` as JSON (two-space indent, UTF-8, trailing newline); raises what it raises."""
    expect_assessment(assessment, "factlog.render_assessment_json: assessment")
    return json.dumps(assessment_document(assessment), ensure_ascii=False, indent=2) + "\n"


def write_assessment_json(assessment: Assessment | LinesAssessment, out: TextIO) -> None:
    """Write :func:`render_assessment_json`'s text to ``out``, one dependence and one proposition at a time.

    The same characters, without ever holding the whole text (or, for a
    :class:`~factlog.LinesAssessment`, every proposition): what ``factlog assess
    --stream`` writes. Each dependence and proposition is indented by the two levels it
    sits at. Raises what ``out.write`` raises (an :class:`OSError` for a closed pipe, a
    :class:`ValueError` for a closed file), what :func:`assessment_document` raises, and
    :class:`~factlog.ArgumentError` for an ``out`` that is no text stream (a path, a
    binary stream).
    """
    expect_assessment(assessment, "factlog.write_assessment_json: assessment")
    expect_text_stream(out, "factlog.write_assessment_json: out")
    head = json.dumps({**_head(assessment, dependences=False), "propositions": []}, **_JSON)
    head = head.removesuffix('"dependences": [],\n  "propositions": []\n}')
    _write_list(out, head + '"dependences": ', map(_dependence, assessment.dependences))
    _write_list(out, ',\n  "propositions": ', map(_proposition, assessment.propositions))
    out.write("\n}\n")


_JSON: dict[str, Any] = {"ensure_ascii": False, "indent": 2}


def _write_list(out: TextIO, before: str, items: Iterable[dict[str, Any]]) -> None:
    """``before``, then a list of the head's as ``json.dumps`` indents it there, written an item at a time."""
    out.write(before + "[")
    separator = "\n    "
    for item in items:
        out.write(separator + json.dumps(item, **_JSON).replace("\n", "\n    "))
        separator = ",\n    "
    out.write("]" if separator == "\n    " else "\n  ]")


def _likelihood(item: PropositionAssessment) -> str | None:
    """The ICD 203 words of the belief's own band, held to its ceiling (None when the grade is 6, cannot be judged).

    The grade's band edges are ICD 203's (:meth:`~factlog.Credibility.from_belief`), and the
    grade is held to the same ceiling (:attr:`~factlog.PropositionAssessment.likelihood`), so
    the words always fall inside the grade: 5 is *almost no chance* or *very unlikely*, 1 and
    2 from 0.80 *very likely* or *almost certain*.
    """
    if item.credibility is Credibility.CANNOT_BE_JUDGED:
        return None
    return item.likelihood.value.replace("-", " ")


def _grade(item: PropositionAssessment) -> str:
    words = _likelihood(item)
    icd = f" (ICD 203: {words})" if words is not None else ""
    return f"{item.credibility.value} — {item.credibility.description}{icd}"


FEW_CLAIMS = 5
"""An accuracy (TruthFinder: trust) learned from fewer claims than this is shown with a caveat.

From n claims a share is known to about ±√(p(1 − p)/n): ±0.2 at 5 claims for the
accuracies seen (0.5 to 0.8), more below, so fewer than 5 tell little of a source."""


def _caveat(claims: int) -> str:
    """What the text adds to an accuracy learned from some claims: a warning under FEW_CLAIMS."""
    if claims < FEW_CLAIMS:
        return f": too few to mean much (fewer than {FEW_CLAIMS})"
    return ""


VOTES = "votes (an origin's claims on one question are one vote, counted where another source speaks to it)"
"""What an accuracy is learned from, as the heading says: not claims (nine claims of a party may be one vote)."""

_UNTAUGHT = "its prior, nothing learned: no other source speaks to its claims"
"""What the text says of a source learned from no claim: listed with its prior, and why it learned nothing."""


def _learned(trust: SourceTrust) -> str:
    """``North Korea (dprk): 0.70 from 4 votes: too few ...``: a source by name, its id beside it."""
    who = trust.source if trust.name in ("", trust.source) else f"{trust.name} ({trust.source})"
    if trust.claims == 0:
        return f"{who}: {trust.accuracy:.2f}, {_UNTAUGHT}"
    count = _plural(trust.claims, "vote")
    return f"{who}: {trust.accuracy:.2f} from {count}{_caveat(trust.claims)}"


def _trust(assessment: Assessment | LinesAssessment) -> list[str]:
    """What the method learned about each source: a heading, then a source a line (or one line saying none)."""
    what = "trust" if assessment.method == "truthfinder" else "accuracy"
    if not assessment.sources:
        return [f"learned {what} per source: none"]
    return [f"learned {what} per source, from its {VOTES}:", *(_learned(trust) for trust in assessment.sources)]


def render_assessment_text(assessment: Assessment | LinesAssessment) -> str:
    """One block per proposition: status, grade, belief (0 to 1), origins and reasons.

    Raises :class:`~factlog.ArgumentError` (a :class:`ValueError`) for anything but an assessment.
    """
    expect_assessment(assessment, "factlog.render_assessment_text: assessment")
    lines = []
    header = f"{_plural(len(assessment.propositions), 'proposition')} assessed ({assessment.method}"
    header += f", as of {assessment.as_of})" if assessment.as_of is not None else ")"
    for item in assessment.propositions:
        lines.append(escape_terminal(item.statement))
        lines.append(
            f"    {item.status.value}; credibility {_grade(item)}; belief {item.belief:.2f}"
            + ("" if item.acceptance is None else f"; {item.acceptance.value}")
        )
        for reason in item.reasons[:-1]:
            lines.append(f"    {escape_terminal(reason)}")
        lines.append("")
    heading, *learned = _trust(assessment)
    lines.append(heading)
    lines.extend(f"    {escape_terminal(line)}" for line in learned)
    lines.extend(f"copying: {_copying(found)}" for found in assessment.dependences)
    lines.extend(_limited(assessment))
    lines.append(header)
    return "\n".join(lines) + "\n"


def _limited(assessment: Assessment | LinesAssessment) -> list[str]:
    """The lines saying that learning stopped unsettled, and that a budget of pairs left values out; or none."""
    found = [] if assessment.converged else [f"learning: {unsettled_note(assessment.rounds)}"]
    if assessment.provider_limit is not None:
        found.append(f"copy detection: {budget_note(assessment.provider_limit)}")
    return found


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def _copying(found: Dependence) -> str:
    """One copying pair, worded as ``factlog check`` words it: a direction only when it is known."""
    how = "declared" if found.declared else f"p={found.probability:.2f}"
    if found.direction_known:
        who = f"{found.copier} repeats {found.original}"
    else:
        who = f"{found.source_a} and {found.source_b} repeat each other"
    return (
        f"{who} on {100 * found.agreement:.0f} % of {_plural(found.shared_items, 'shared item')},"
        f" including {_plural(found.unique_values, 'value')} nobody else gives"
        f" and {found.false_values} judged false ({how})"
    )


def render_assessment_markdown(assessment: Assessment | LinesAssessment) -> str:
    """A Markdown table of every proposition (belief from 0 to 1); all user text is escaped.

    Raises :class:`~factlog.ArgumentError` (a :class:`ValueError`) for anything but an assessment.
    """
    expect_assessment(assessment, "factlog.render_assessment_markdown: assessment")
    lines = [
        "# factlog assessment",
        "",
        f"Method: {assessment.method}" + (f"; as of {assessment.as_of}" if assessment.as_of else ""),
        "",
        "| proposition | status | credibility | belief | acceptance | for | against |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for item in assessment.propositions:
        supporting, opposing = _labels(item.supporting), _labels(item.opposing) + _also_against(item)
        lines.append(
            f"| {escape_markdown(item.statement)} | {item.status.value} | {_icd(item)} |"
            f" {item.belief:.2f} | {_accepted(item)} | {supporting} | {opposing} |"
        )
    heading, *learned = _trust(assessment)
    lines += ["", escape_markdown(" ".join([heading, "; ".join(learned)]).strip())]
    lines += [f"- copying: {escape_markdown(_copying(found))}" for found in assessment.dependences]
    lines += [f"- {line}" for line in _limited(assessment)]
    return "\n".join(lines) + "\n"


def _labels(origins: tuple[OriginWeight, ...]) -> str:
    """The origins as the text's ``for:`` and ``against:`` lines name them: grade, weight and discounts beside each."""
    return escape_markdown(origin_names(origins))


_ALSO = "also against: "


def _also_against(item: PropositionAssessment) -> str:
    """``; also against: Agency, listed for, also denies it``: an origin listed for that also votes against, or ""."""
    said = next((reason for reason in item.reasons if reason.startswith(_ALSO)), None)
    if said is None:
        return ""
    return ("; " if item.opposing else "") + escape_markdown(said)


def _icd(item: PropositionAssessment) -> str:
    """The credibility as the text gives it: "2 — probably true (ICD 203: very likely)"."""
    return _grade(item)


def _accepted(item: PropositionAssessment) -> str:
    return "" if item.acceptance is None else item.acceptance.value + _decided(item)


def _decided(item: PropositionAssessment) -> str:
    if item.decided_by is None or item.acceptance is None:
        return ""
    if item.supporting or item.acceptance is not Acceptance.REJECTED:
        return f" (against {escape_markdown(item.decided_by)})"
    prefix = f"{item.acceptance.value}: "  # the reason line says it, with what only the votes show
    said = next((reason.removeprefix(prefix) for reason in item.reasons if reason.startswith(prefix)), None)
    if said is not None:
        return f" ({escape_markdown(said)})"
    judged = not accused_only(item.supporting, item.opposing)
    return f" ({escape_markdown(grounds(item.acceptance, item.decided_by, claimed=False, judged=judged))})"
