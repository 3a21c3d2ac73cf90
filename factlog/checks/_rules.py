"""The default rules, in the order they run, and the type every rule has."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from factlog.analysis._index import Index
from factlog.checks._copying import undeclared_copying
from factlog.checks._dating import source_dates_disagree, weekday_mismatch
from factlog.checks._echoes import shared_wording
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
from factlog.errors import ArgumentTypeError, described

__all__ = ["DEFAULT_RULES", "Rule", "expect_rules"]

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
    shared_wording,
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


def expect_rules(rules: object, where: str) -> tuple[Rule, ...]:
    """``rules`` as a tuple if it is an iterable of callables (not text); else an :class:`~factlog.ArgumentTypeError`.

    ``where`` names the function and argument (``'factlog.check: rules'``); a rule that
    is not callable is named by its position (``rules[1]``).
    """
    expected = "a sequence of rules such as factlog.DEFAULT_RULES"
    if isinstance(rules, str | bytes) or not isinstance(rules, Iterable):
        raise ArgumentTypeError(f"{where}: expected {expected}, got {described(rules)}")
    found = tuple(rules)
    for number, rule in enumerate(found):
        if not callable(rule):
            raise ArgumentTypeError(
                f"{where}[{number}]: expected a rule (a function of an Index), got {described(rule)}"
            )
    return found
