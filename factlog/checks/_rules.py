"""The default rules, in the order they run, and the type every rule has."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from factlog.analysis._index import Index
from factlog.checks._copying import undeclared_copying
from factlog.checks._dating import source_dates_disagree, weekday_mismatch
from factlog.checks._exclusive import exclusive_predicates
from factlog.checks._findings import Finding
from factlog.checks._integrity import document_mismatch, future_event_as_fact, quote_mismatch, stated_after_publication
from factlog.checks._parties import interested_judgement, understated_certainty
from factlog.checks._polarity import answered_denial, opposed_claims
from factlog.checks._quotes import quote_ambiguous, quote_normalised, quote_not_found, quote_unverified
from factlog.checks._review import unreviewed_draft
from factlog.checks._sourcing import hollow_corroboration, interested_denial, overconfident_holder, self_contradiction
from factlog.checks._stances import misreported_stance
from factlog.checks._totals import falling_total
from factlog.checks._values import conflicting_holders, conflicting_values

__all__ = ["DEFAULT_RULES", "Rule"]

Rule = Callable[[Index], Iterable[Finding]]
"""A consistency rule: reads the index, yields findings, never raises on bad data."""

DEFAULT_RULES: tuple[Rule, ...] = (
    opposed_claims,
    answered_denial,
    conflicting_values,
    conflicting_holders,
    exclusive_predicates,
    falling_total,
    misreported_stance,
    hollow_corroboration,
    undeclared_copying,
    interested_denial,
    interested_judgement,
    self_contradiction,
    overconfident_holder,
    understated_certainty,
    document_mismatch,
    quote_mismatch,
    quote_not_found,
    quote_ambiguous,
    quote_normalised,
    quote_unverified,
    stated_after_publication,
    future_event_as_fact,
    unreviewed_draft,
    source_dates_disagree,
    weekday_mismatch,
)
"""The rules :func:`factlog.check` runs by default, in this order."""
