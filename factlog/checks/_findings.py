"""Findings: what a rule reports, with a stable id so reports diff and can be acknowledged."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping

import attrs

from factlog.model._scales import _Scale

__all__ = ["Finding", "Severity", "finding_id"]


class Severity(_Scale):
    """How much a finding matters: info < warning < error."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


def finding_id(rule: str, claims: Iterable[str]) -> str:
    """The stable id of a finding: a hash of the rule name and the sorted claim ids."""
    text = "\0".join([rule, *sorted(set(claims))])
    return "f-" + hashlib.sha256(text.encode()).hexdigest()[:8]


def _sides(
    value: Mapping[str, Iterable[str]] | Iterable[tuple[str, Iterable[str]]],
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    pairs = value.items() if isinstance(value, Mapping) else value
    # A claim read as several propositions (a pattern, several objects) is listed once per side.
    return tuple((side, tuple(dict.fromkeys(ids))) for side, ids in pairs if ids)


@attrs.frozen(kw_only=True)
class Finding:
    """One problem a rule found: the claims involved, grouped by side, and why it matters.

    ``claims`` maps a side ("affirming", "denying", a value, ...) to claim ids, in the
    order the rule gives them; empty sides are dropped. ``id`` depends only on the rule and the set of claim ids.
    """

    rule: str
    severity: Severity
    message: str
    claims: tuple[tuple[str, tuple[str, ...]], ...] = attrs.field(converter=_sides)
    id: str = attrs.field()
    acknowledged: bool = False
    note: str | None = None

    @id.default
    def _default_id(self) -> str:
        return finding_id(self.rule, self.claim_ids)

    @property
    def claim_ids(self) -> tuple[str, ...]:
        """Every claim id of the finding, once each, in side order."""
        return tuple(dict.fromkeys(claim for _, ids in self.claims for claim in ids))

    @property
    def sides(self) -> dict[str, tuple[str, ...]]:
        """The claims by side, as a dict."""
        return dict(self.claims)

    @property
    def counts(self) -> bool:
        """Whether the finding counts toward failure (it is not acknowledged)."""
        return not self.acknowledged
