"""The rules: plain functions from an index to findings, in an explicit default order.

A rule's name is its function name and its docstring is its user documentation
(``docs/rules.md`` is generated from them). Pass your own tuple to
:func:`factlog.check` to run other rules, or more.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from factlog.checks.findings import Finding
from factlog.checks.integrity import document_mismatch, future_event_as_fact, quote_mismatch, stated_after_publication
from factlog.checks.polarity import answered_denial, opposed_claims
from factlog.checks.sourcing import hollow_corroboration, interested_denial, overconfident_holder, self_contradiction
from factlog.checks.values import conflicting_values, exclusive_predicates
from factlog.index import Index

__all__ = [
    "DEFAULT_RULES",
    "Rule",
    "answered_denial",
    "conflicting_values",
    "document_mismatch",
    "exclusive_predicates",
    "future_event_as_fact",
    "hollow_corroboration",
    "interested_denial",
    "opposed_claims",
    "overconfident_holder",
    "quote_mismatch",
    "self_contradiction",
    "stated_after_publication",
]

Rule = Callable[[Index], Iterable[Finding]]
"""A consistency rule: reads the index, yields findings, never raises on bad data."""

DEFAULT_RULES: tuple[Rule, ...] = (
    opposed_claims,
    answered_denial,
    conflicting_values,
    exclusive_predicates,
    hollow_corroboration,
    interested_denial,
    self_contradiction,
    overconfident_holder,
    document_mismatch,
    quote_mismatch,
    stated_after_publication,
    future_event_as_fact,
)
"""The rules :func:`factlog.check` runs by default, in this order."""
