"""Rendering an :class:`~factlog.assessment._assessment.Assessment` as text, JSON or Markdown."""

from __future__ import annotations

import json
from typing import Any

from factlog._escape import escape_markdown, escape_terminal
from factlog.assessment._assessment import Assessment, PropositionAssessment
from factlog.assessment._questions import OriginWeight

__all__ = ["assessment_document", "render_assessment_json", "render_assessment_markdown", "render_assessment_text"]


def _origin(origin: OriginWeight) -> dict[str, Any]:
    return {
        "origin": origin.label,
        "speaker": origin.speaker,
        "reliability": origin.reliability.value,
        "weight": origin.weight,
        "interested": origin.interested,
        "claims": list(origin.claims),
        "sources": list(origin.sources),
    }


def assessment_document(assessment: Assessment) -> dict[str, Any]:
    """The assessment as a JSON-ready dict: ``{"propositions": [...]}``."""
    return {
        "method": assessment.method,
        "as_of": None if assessment.as_of is None else str(assessment.as_of),
        "propositions": [
            {
                "key": item.key,
                "statement": item.statement,
                "status": item.status.value,
                "credibility": item.credibility.value,
                "belief": item.belief,
                "for": [_origin(o) for o in item.supporting],
                "against": [_origin(o) for o in item.opposing],
                "claims": {claim: label.value for claim, label in item.labels},
                "reasons": list(item.reasons),
            }
            for item in assessment.propositions
        ],
    }


def render_assessment_json(assessment: Assessment) -> str:
    """The assessment as JSON (two-space indent, UTF-8, trailing newline)."""
    return json.dumps(assessment_document(assessment), ensure_ascii=False, indent=2) + "\n"


def _grade(item: PropositionAssessment) -> str:
    return f"{item.credibility.value} — {item.credibility.description}"


def render_assessment_text(assessment: Assessment) -> str:
    """One block per proposition: status, grade, belief, origins and reasons."""
    lines = []
    header = f"{len(assessment.propositions)} propositions assessed ({assessment.method}"
    header += f", as of {assessment.as_of})" if assessment.as_of is not None else ")"
    for item in assessment.propositions:
        lines.append(escape_terminal(item.statement))
        lines.append(f"    {item.status.value}; credibility {_grade(item)}; belief {item.belief:.2f}")
        for reason in item.reasons[:-1]:
            lines.append(f"    {escape_terminal(reason)}")
        lines.append("")
    lines.append(header)
    return "\n".join(lines) + "\n"


def render_assessment_markdown(assessment: Assessment) -> str:
    """A Markdown table of every proposition; all user text is escaped."""
    lines = [
        "# factlog assessment",
        "",
        f"Method: {assessment.method}" + (f"; as of {assessment.as_of}" if assessment.as_of else ""),
        "",
        "| proposition | status | credibility | belief | for | against |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for item in assessment.propositions:
        supporting = ", ".join(escape_markdown(o.label) for o in item.supporting)
        opposing = ", ".join(escape_markdown(o.label) for o in item.opposing)
        lines.append(
            f"| {escape_markdown(item.statement)} | {item.status.value} | {item.credibility.value} |"
            f" {item.belief:.2f} | {supporting} | {opposing} |"
        )
    return "\n".join(lines) + "\n"
