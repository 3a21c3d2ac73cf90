"""Running the rules: :func:`check` and the :class:`Report` it returns."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from factlog.checks import DEFAULT_RULES, Rule
from factlog.checks.findings import Finding, Severity, finding_id
from factlog.claimset import ClaimSet
from factlog.index import Index

__all__ = ["Report", "check"]


@attrs.frozen
class Report:
    """The findings of a check, most severe first, in a stable order."""

    findings: tuple[Finding, ...]
    claims: ClaimSet = attrs.field(repr=False, eq=False)

    def summary(self) -> dict[str, int]:
        """Counts of unacknowledged findings by severity, and of acknowledged ones."""
        counts = {severity.value: 0 for severity in reversed(Severity)}
        for finding in self.findings:
            if finding.counts:
                counts[finding.severity.value] += 1
        counts["acknowledged"] = sum(1 for finding in self.findings if finding.acknowledged)
        return counts

    def failed(self, threshold: Severity | None = Severity.ERROR) -> bool:
        """Whether an unacknowledged finding is at or above the threshold (None: never)."""
        return threshold is not None and any(f.counts and f.severity >= threshold for f in self.findings)

    def by_rule(self, rule: str) -> list[Finding]:
        """The findings of one rule."""
        return [finding for finding in self.findings if finding.rule == rule]


def _run(rule: Rule, index: Index) -> list[Finding]:
    name = getattr(rule, "__name__", repr(rule))
    try:
        return list(rule(index))
    except Exception as error:
        return [
            Finding(
                rule="rule_failure",
                severity=Severity.ERROR,
                message=f"rule {name} failed: {type(error).__name__}: {error}",
                claims={},
                id=finding_id("rule_failure", [name]),
            )
        ]


def _sort_key(index: Index, order: dict[str, int], finding: Finding) -> tuple[int, int, tuple[int, int], str]:
    dates = [index.by_id[c].stated for c in finding.claim_ids if c in index.by_id]
    first = min((d.sort_key for d in dates if d is not None), default=(0, 0))
    return (-finding.severity.rank, order.get(finding.rule, len(order)), first, finding.id)


def finish(index: Index, findings: list[Finding], rules: Sequence[Rule], *, stale: bool = True) -> tuple[Finding, ...]:
    """Mark acknowledged findings, report stale acknowledgements (if ``stale``), and sort."""
    notes = {ack.finding: ack.note for ack in index.claims.acknowledged}
    seen = {finding.id for finding in findings}
    marked = [
        attrs.evolve(finding, acknowledged=True, note=notes[finding.id]) if finding.id in notes else finding
        for finding in findings
    ]
    for ack in index.claims.acknowledged if stale else ():
        if ack.finding not in seen:
            marked.append(
                Finding(
                    rule="stale_acknowledgement",
                    severity=Severity.WARNING,
                    message=f'acknowledgement of {ack.finding} matches no finding ("{ack.note}"): the claims'
                    " changed, or the finding was resolved; review and remove it",
                    claims={},
                    id=finding_id("stale_acknowledgement", [ack.finding]),
                )
            )
    order = {getattr(rule, "__name__", repr(rule)): position for position, rule in enumerate(rules)}
    return tuple(sorted(marked, key=lambda finding: _sort_key(index, order, finding)))


def check(claims: ClaimSet, rules: Sequence[Rule] = DEFAULT_RULES, *, stale: bool = True) -> Report:
    """Run consistency rules over a claim set and report what they find.

    Findings whose id the claim set acknowledges are marked acknowledged and do not
    count toward failure. With ``stale`` (the default), an acknowledgement that
    matches no finding is reported; turn it off when running only some rules.
    """
    index = Index.of(claims)
    findings = [finding for rule in rules for finding in _run(rule, index)]
    return Report(finish(index, findings, rules, stale=stale), claims)
