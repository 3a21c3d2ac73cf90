"""Consistency checks: the engine, findings, and the rules, plain functions in an explicit default order.

A rule's name is its function name and its docstring is its user documentation
(``docs/rules.md`` is generated from them). Pass your own tuple to
:func:`factlog.check` to run other rules, or more; :func:`reads` declares which groups
of claims a rule reads, so that :mod:`factlog.dask` can run it distributed.
"""

from __future__ import annotations

from factlog.checks._dating import source_dates_disagree, weekday_mismatch
from factlog.checks._echoes import shared_wording
from factlog.checks._engine import Checker, Report, check
from factlog.checks._exclusive import exclusive_predicates
from factlog.checks._findings import Finding, Severity, finding_id
from factlog.checks._groupings import reads
from factlog.checks._integrity import document_mismatch, future_event_as_fact, quote_mismatch, stated_after_publication
from factlog.checks._parties import interested_judgement, understated_certainty
from factlog.checks._polarity import answered_denial, opposed_claims
from factlog.checks._quotes import quote_ambiguous, quote_normalised, quote_not_found, quote_unverified
from factlog.checks._review import unreviewed_draft
from factlog.checks._rules import DEFAULT_RULES, Rule
from factlog.checks._sourcing import hollow_corroboration, interested_denial, overconfident_holder, self_contradiction
from factlog.checks._stances import misreported_stance
from factlog.checks._stream import check_lines
from factlog.checks._totals import falling_total
from factlog.checks._values import conflicting_holders, conflicting_values

__all__ = [
    "Checker",
    "DEFAULT_RULES",
    "Finding",
    "Report",
    "Rule",
    "Severity",
    "answered_denial",
    "check",
    "check_lines",
    "conflicting_holders",
    "conflicting_values",
    "document_mismatch",
    "exclusive_predicates",
    "falling_total",
    "finding_id",
    "future_event_as_fact",
    "hollow_corroboration",
    "interested_denial",
    "interested_judgement",
    "misreported_stance",
    "opposed_claims",
    "overconfident_holder",
    "quote_ambiguous",
    "quote_mismatch",
    "quote_normalised",
    "quote_not_found",
    "quote_unverified",
    "reads",
    "self_contradiction",
    "shared_wording",
    "source_dates_disagree",
    "stated_after_publication",
    "understated_certainty",
    "unreviewed_draft",
    "weekday_mismatch",
]
