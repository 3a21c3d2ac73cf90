"""The model: grading scales, partial dates, the nouns, the claim set and its vocabulary.

The lowest layer. Everything here is a frozen attrs class or an enum whose validators
refuse invalid values, so an object that exists is well formed. Nothing here reads
files or knows about JSON (that is :mod:`factlog.io`).
"""

from __future__ import annotations

from factlog.model._claimset import ClaimSet
from factlog.model._dates import Interval, PartialDate
from factlog.model._nouns import (
    Accused,
    Acknowledgement,
    Attribution,
    Claim,
    DateValue,
    Entity,
    EntityKind,
    Estimate,
    Evidence,
    FieldError,
    Mode,
    Object,
    Predicate,
    PredicateKind,
    Proposition,
    Quantity,
    Regarding,
    Source,
    SourceDate,
    SourceKind,
    StanceKind,
    TextValue,
)
from factlog.model._patterns import Pattern
from factlog.model._relative import resolve_when
from factlog.model._scales import Certainty, Credibility, Factuality, Likelihood, Polarity, Reliability
from factlog.model._timewords import TimeExpression, WeekdayMismatch, find_time_expressions, weekday_mismatches
from factlog.model._vocabulary import PropositionKey, Vocabulary
from factlog.model._written import WrittenWhen

__all__ = [
    "Accused",
    "Acknowledgement",
    "Attribution",
    "Certainty",
    "Claim",
    "ClaimSet",
    "Credibility",
    "DateValue",
    "Entity",
    "EntityKind",
    "Estimate",
    "Evidence",
    "Factuality",
    "FieldError",
    "Interval",
    "Likelihood",
    "Mode",
    "Object",
    "PartialDate",
    "Pattern",
    "Polarity",
    "Predicate",
    "PredicateKind",
    "Proposition",
    "PropositionKey",
    "Quantity",
    "Regarding",
    "Reliability",
    "Source",
    "SourceDate",
    "SourceKind",
    "StanceKind",
    "TextValue",
    "TimeExpression",
    "Vocabulary",
    "WeekdayMismatch",
    "WrittenWhen",
    "find_time_expressions",
    "resolve_when",
    "weekday_mismatches",
]
