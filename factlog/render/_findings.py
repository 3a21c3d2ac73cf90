"""Rendering a :class:`~factlog.checks._engine.Report` as text, JSON or Markdown."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, TextIO

from factlog._escape import escape_markdown, escape_terminal
from factlog.analysis._phrasing import relay_chain, stance
from factlog.checks._engine import Report
from factlog.checks._findings import Finding, Severity
from factlog.errors import expect, expect_text_stream

__all__ = ["render_json", "render_markdown", "render_text", "report_document", "write_report_json"]

_COLOURS = {Severity.ERROR: "\x1b[31m", Severity.WARNING: "\x1b[33m", Severity.INFO: "\x1b[36m"}
_BOLD, _DIM, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"
_HEADINGS = {Severity.ERROR: "Errors", Severity.WARNING: "Warnings", Severity.INFO: "Information"}


def report_document(report: Report) -> dict[str, Any]:
    """The report as a JSON-ready dict: ``{"findings": [...], "summary": {...}}``.

    Each finding is ``{"id", "rule", "severity", "message", "claims": {side: [claim
    ids]}, "acknowledged"}`` and ``"note"`` when it has one; ``summary`` is
    :meth:`Report.summary`. Raises :class:`~factlog.ArgumentError` (a :class:`ValueError`)
    for anything but a :class:`~factlog.Report`.
    """
    _expect_report(report, "report_document")
    return {"findings": [_item(finding) for finding in report.findings], "summary": report.summary()}


def _item(finding: Finding) -> dict[str, Any]:
    """One finding as :func:`report_document` lists it."""
    item: dict[str, Any] = {
        "id": finding.id,
        "rule": finding.rule,
        "severity": finding.severity.value,
        "message": finding.message,
        "claims": {side: list(ids) for side, ids in finding.claims},
        "acknowledged": finding.acknowledged,
    }
    if finding.note is not None:
        item["note"] = finding.note
    return item


def render_json(report: Report) -> str:
    """:func:`report_document` as canonical JSON (two-space indent, UTF-8, trailing newline).

    Raises :class:`~factlog.ArgumentError` (a :class:`ValueError`) for anything but a :class:`~factlog.Report`.
    """
    _expect_report(report, "render_json")
    return json.dumps(report_document(report), ensure_ascii=False, indent=2) + "\n"


def write_report_json(report: Report, out: TextIO) -> None:
    """Write :func:`render_json`'s text to ``out``, one finding at a time.

    The same characters, without ever holding the whole text or every finding as a
    dict: what ``factlog check --stream --format json`` writes (the findings of
    :func:`~factlog.check_lines` are decoded one at a time as they are written). Raises
    :class:`~factlog.ArgumentError` (a :class:`ValueError`) for anything but a
    :class:`~factlog.Report` and for an ``out`` that is no text stream (a path, a binary
    stream), and what ``out.write`` raises (an :class:`OSError` for a closed pipe, a
    :class:`ValueError` for a closed file).
    """
    _expect_report(report, "write_report_json")
    expect_text_stream(out, "factlog.write_report_json: out")
    out.write('{\n  "findings": [')
    separator = "\n    "
    for finding in report.findings:
        out.write(separator + json.dumps(_item(finding), ensure_ascii=False, indent=2).replace("\n", "\n    "))
        separator = ",\n    "
    out.write("]" if separator == "\n    " else "\n  ]")
    summary = json.dumps(report.summary(), ensure_ascii=False, indent=2).replace("\n", "\n  ")
    out.write(f',\n  "summary": {summary}\n}}\n')


def _expect_report(report: object, function: str) -> Report:
    return expect(report, Report, f"factlog.{function}: report", "a Report (from factlog.check)")


def _evidence_lines(report: Report, claim_id: str, side: str = "") -> Iterator[tuple[str, str]]:
    """(header, quote) for each piece of evidence of a claim.

    A claim said in a pattern both affirms and denies (what it implies): on a finding's
    affirming or denying side it is shown as that part of it (:func:`~factlog.analysis._phrasing.stance`).
    """
    claim = report.claims.claim_by_id.get(claim_id)
    if claim is None:
        return
    vocabulary = report.vocabulary
    name = vocabulary.name(claim.attribution.holder)
    via = [vocabulary.name(relay) for relay in claim.attribution.via]
    chain = f" via {relay_chain(via)}" if via else ""
    words = stance(claim, side)
    for evidence in claim.evidence:
        yield f"{claim_id}: {name}{chain} ({words}) in {evidence.source}", evidence.quote


def _heading(severity: Severity, group: list[Finding]) -> str:
    """``Errors (2, 1 acknowledged)``: the summary line counts the acknowledged apart, and so does the heading."""
    acknowledged = sum(finding.acknowledged for finding in group)
    return f"{_HEADINGS[severity]} ({len(group)}{f', {acknowledged} acknowledged' if acknowledged else ''})"


def _summary_line(report: Report) -> str:
    summary = report.summary()
    parts = [
        f"{summary[s.value]} {s.value}{'s' if summary[s.value] != 1 and s is not Severity.INFO else ''}"
        for s in reversed(Severity)
    ]
    if summary["acknowledged"]:
        parts.append(f"{summary['acknowledged']} acknowledged")
    count = report.claim_count
    return f"{count} claim{'s' * (count != 1)} checked: " + ", ".join(parts)


def render_text(report: Report, *, colour: bool = False) -> str:
    """The report for a terminal: findings grouped by severity, each with its quotes.

    User text is escaped for the terminal; ``colour`` adds ANSI colours. Raises
    :class:`~factlog.ArgumentError` (a :class:`ValueError`) for anything but a :class:`~factlog.Report`.
    """
    _expect_report(report, "render_text")

    def paint(code: str, text: str) -> str:
        return f"{code}{text}{_RESET}" if colour else text

    lines: list[str] = []
    for severity in reversed(Severity):
        group = [f for f in report.findings if f.severity is severity]
        if not group:
            continue
        lines.append(paint(_BOLD + _COLOURS[severity], _heading(severity, group)))
        lines.append("")
        for finding in group:
            tag = f"[{severity.value}{', acknowledged' if finding.acknowledged else ''}]"
            lines.append(f"{paint(_COLOURS[severity], tag)} {escape_terminal(finding.message)}")
            lines.append(paint(_DIM, f"    {finding.rule} {finding.id}"))
            if finding.note:
                lines.append(f"    note: {escape_terminal(finding.note)}")
            for side, ids in finding.claims:
                lines.append(f"    {escape_terminal(side)}:")
                for claim_id in ids:
                    for header, quote in _evidence_lines(report, claim_id, side):
                        lines.append(f"      {escape_terminal(header)}")
                        lines.append(paint(_DIM, f"        > {escape_terminal(quote)}"))
            lines.append("")
    lines.append(_summary_line(report))
    return "\n".join(lines) + "\n"


def render_markdown(report: Report) -> str:
    """The report as a Markdown document; every piece of user text is escaped.

    Raises :class:`~factlog.ArgumentError` (a :class:`ValueError`) for anything but a :class:`~factlog.Report`.
    """
    _expect_report(report, "render_markdown")
    lines = ["# factlog check", "", escape_markdown(_summary_line(report)), ""]
    for severity in reversed(Severity):
        group = [f for f in report.findings if f.severity is severity]
        if not group:
            continue
        lines += [f"## {_heading(severity, group)}", ""]
        for finding in group:
            acknowledged = " (acknowledged)" if finding.acknowledged else ""
            lines += [f"### {escape_markdown(finding.message)}{acknowledged}", ""]
            lines += [f"`{finding.rule}` · `{finding.id}`", ""]
            if finding.note:
                lines += [f"Note: {escape_markdown(finding.note)}", ""]
            for side, ids in finding.claims:
                lines.append(f"- **{escape_markdown(side)}**")
                for claim_id in ids:
                    for header, quote in _evidence_lines(report, claim_id, side):
                        lines.append(f"  - {escape_markdown(header)}: “{escape_markdown(quote)}”")
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
