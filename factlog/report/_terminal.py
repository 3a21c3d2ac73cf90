"""Findings for a person at a terminal, laid out by rich: one panel per dispute, coloured by severity.

Used only when standard output is a terminal; piped output stays the plain text of
:func:`factlog.render.render_text`, byte for byte. All user text goes into rich
:class:`~rich.text.Text` objects, never into markup, so brackets in a quote are printed as
they are; terminal control characters in user text are replaced by U+FFFD before printing
(a minimal guard: the shared escaping helper may replace it). rich is imported only here.
"""

from __future__ import annotations

from typing import Any

from factlog._escape import escape_terminal
from factlog.analysis._index import Index
from factlog.analysis._phrasing import relay_chain
from factlog.checks._engine import Report
from factlog.report._disputes import ClaimView, Dispute, disputes, tally

__all__ = ["print_report"]

_STYLES = {"error": "bold red", "warning": "bold yellow", "info": "cyan"}


def _claim(claim: ClaimView) -> Any:
    from rich.text import Text  # noqa: PLC0415

    line = Text()
    line.append(escape_terminal(claim.holder_name), style="bold")
    if claim.relays:
        line.append(" via " + relay_chain([escape_terminal(relay) for relay in claim.relays]))
    stance = "green" if claim.polarity == "affirmed" else "red"
    line.append(f" ({claim.polarity}, {claim.certainty})", style=stance)
    if claim.cue:
        line.append(f" “{escape_terminal(claim.cue)}”", style="italic")
    if claim.stated:
        line.append(f" {claim.stated}", style="dim")
    if claim.interested:
        line.append(" interested party", style="yellow")
    line.append(f" [{claim.id}]", style="dim")
    for source in claim.sources:
        line.append("\n  > " + escape_terminal(source.quote), style="dim")
        where = escape_terminal(source.title) + (f", {source.published}" if source.published else "")
        line.append(f"\n    {where}", style="dim italic")
    return line


def _panel(dispute: Dispute) -> Any:
    from rich.console import Group  # noqa: PLC0415
    from rich.panel import Panel  # noqa: PLC0415
    from rich.text import Text  # noqa: PLC0415

    style = _STYLES[dispute.severity]
    parts: list[Any] = [Text(escape_terminal(dispute.title), style="bold")]
    for finding in dispute.findings:
        line = Text()
        line.append(f"{finding.severity.value} ", style=_STYLES[finding.severity.value])
        line.append(f"{finding.rule} {finding.id}", style="dim")
        if finding.acknowledged:
            line.append(" acknowledged", style="green")
        if finding is not dispute.findings[0]:
            line.append(" " + escape_terminal(finding.message))
        if finding.note:
            line.append("\n  note: " + escape_terminal(finding.note), style="green")
        parts.append(line)
    for side in dispute.sides:
        parts.append(Text("\n" + escape_terminal(side.name), style="bold underline"))
        for origin in side.origins:
            parts.append(Text("origin: " + escape_terminal(origin.name), style="dim"))
            parts.extend(_claim(claim) for claim in origin.claims)
    title = Text(f" {dispute.severity.upper()} ", style=style)
    return Panel(Group(*parts), title=title, title_align="left", border_style=style.replace("bold ", ""))


def print_report(report: Report, console: Any) -> None:
    """Print the report's findings on a rich console: disputes grouped, most severe first, then a summary."""
    from rich.text import Text  # noqa: PLC0415

    grouped = disputes(report, None, Index.of(report.claims))
    for dispute in grouped:
        console.print(_panel(dispute))
    count = len(report.claims.claims)
    total, parts, blocks = tally(report.summary(), grouped)
    line = Text(f"{count} claim{'s' * (count != 1)} checked: {total} (")
    for number, (part, key) in enumerate(parts):
        line.append(", " if number else "")
        line.append(part, style=_STYLES.get(key, "green"))
    line.append(f") making {blocks}")
    console.print(line)
