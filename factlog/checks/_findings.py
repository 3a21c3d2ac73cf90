"""Findings: what a rule reports, with a stable id so reports diff and can be acknowledged."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping

import attrs

from factlog.errors import ArgumentTypeError, described, expect
from factlog.model._scales import _Scale

__all__ = ["Finding", "Severity", "finding_id", "graded"]


class Severity(_Scale):
    """How much a finding matters: info < warning < error."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


ID_HEX_DIGITS = 20
"""Hex digits of a finding id: 80 bits of SHA-256.

By the birthday bound, n findings share an id with probability about n²/2⁸¹: one in
about 240 million at 100 million findings (32 bits, the old length, gave even odds at
77,000 findings and a collision in the one-million-claim benchmark).
"""

LEGACY_HEX_DIGITS = 8
"""Hex digits of the ids older versions wrote (32 bits); acknowledgements may still use them."""


def graded(*, certain: bool, definite: bool, top: Severity | None = None) -> Severity:
    """The severity of a conflict between two sides, the same in every rule.

    *error* when both sides are certain and their times definitely overlap; one step
    less for each of: a side only probable or possible; times that only possibly
    overlap (an undated claim, year-precision terms meeting in their boundary year, a
    term ending on the day the next begins). ``top`` caps it (a rule whose worst case
    is a warning). Never below *info*.
    """
    steps = (0 if certain else 1) + (0 if definite else 1)
    severity = (Severity.ERROR, Severity.WARNING, Severity.INFO)[steps]
    if top is not None and severity > top:
        return top
    return severity


_SEQUENCES = (list, tuple)


def finding_id(rule: str, claims: Iterable[str]) -> str:
    """The stable id of a finding: ``f-`` and 20 hex digits of SHA-256 of the rule and sorted claim ids.

    An id written by an older factlog (``f-`` and 8 hex digits) is the first 10
    characters of the id given now; :func:`legacy_id` gives it. A claim id given twice
    counts once. Raises :class:`~factlog.ArgumentError` (a :class:`ValueError`) for a
    ``rule`` that is no :class:`str`, or ``claims`` that are no iterable of claim ids (a
    single :class:`str` included: ``["c1"]``, not ``"c1"``).
    """
    expected = "an iterable of claim ids (str), such as a list"
    # The rules' own calls (a str and a list or tuple) pass the checks at once: no ABC is asked.
    if type(rule) is not str:
        expect(rule, str, "factlog.finding_id: rule", "a rule name (a str)")
    if type(claims) not in _SEQUENCES and (isinstance(claims, str | bytes) or not isinstance(claims, Iterable)):
        raise ArgumentTypeError(f"factlog.finding_id: claims: expected {expected}, got {described(claims)}")
    try:
        text = "\0".join([rule, *sorted(set(claims))])
    except TypeError:  # an id that is no str: unhashable, unorderable or not joinable
        raise ArgumentTypeError(f"factlog.finding_id: claims: expected {expected}, got {described(claims)}") from None
    return "f-" + hashlib.sha256(text.encode()).hexdigest()[:ID_HEX_DIGITS]


def legacy_id(finding: str) -> str | None:
    """The 8-hex-digit id an older factlog gave the finding with this id (None if it is not a full id)."""
    if len(finding) != 2 + ID_HEX_DIGITS:
        return None
    return finding[: 2 + LEGACY_HEX_DIGITS]


def _sides(
    value: Mapping[str, Iterable[str]] | Iterable[tuple[str, Iterable[str]]],
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    pairs = value.items() if type(value) is dict or isinstance(value, Mapping) else value
    # A claim read as several propositions (a pattern, several objects) is listed once per side.
    return tuple([(side, tuple(dict.fromkeys(ids))) for side, ids in pairs if ids])


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
        # finding_id takes each id once, in sorted order: the claims need not be made distinct first.
        return finding_id(self.rule, [claim for _, ids in self.claims for claim in ids])

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
