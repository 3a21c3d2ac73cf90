"""The default rules, in the order they run, and the type every rule has."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from factlog.analysis._index import Index
from factlog.checks._dating import source_dates_disagree, weekday_mismatch
from factlog.checks._findings import Finding
from factlog.checks._integrity import document_mismatch, future_event_as_fact, quote_mismatch, stated_after_publication
from factlog.checks._polarity import answered_denial, opposed_claims
from factlog.checks._review import unreviewed_draft
from factlog.checks._sourcing import hollow_corroboration, interested_denial, overconfident_holder, self_contradiction
from factlog.checks._values import conflicting_values, exclusive_predicates

__all__ = ["DEFAULT_RULES", "Rule"]

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
    unreviewed_draft,
    source_dates_disagree,
    weekday_mismatch,
)
"""The rules :func:`factlog.check` runs by default, in this order."""
