"""factlog: who says what about the world, through whom, and how firmly.

Every statement read in a source becomes a :class:`Claim`, tied to the :class:`Source`
it was read in, to an :class:`Attribution` (who holds it, through which relays) and to
a :class:`Certainty`. :func:`load` and :func:`dump` read and write claim sets as
canonical JSON.
"""

from __future__ import annotations

from factlog.assessing import Label, OriginWeight
from factlog.assessment import Assessment, PropositionAssessment, Status, assess
from factlog.assessment_report import (
    assessment_document,
    render_assessment_json,
    render_assessment_markdown,
    render_assessment_text,
)
from factlog.checks import DEFAULT_RULES, Rule
from factlog.checks.findings import Finding, Severity, finding_id
from factlog.claimset import ClaimSet
from factlog.codec import DEFAULT_LIMITS, Limits, dump, dumps, dumps_lines, load, loads, loads_lines
from factlog.converter import make_converter
from factlog.engine import Checker, Report, check
from factlog.errors import ConflictError, FactlogError, FormatError, InputError, ScaleError, UnknownIdError
from factlog.exports import to_claimreview, to_prov
from factlog.grading import Certainty, Credibility, Factuality, Likelihood, Polarity, Reliability
from factlog.index import Entry, Index, SlotKey
from factlog.log import ClaimLog, Record, Replay, Retraction, TornLineWarning
from factlog.migrations import VERSION as FORMAT_VERSION
from factlog.model import (
    Acknowledgement,
    Attribution,
    Claim,
    DateValue,
    Entity,
    EntityKind,
    Evidence,
    FieldError,
    Mode,
    Object,
    Predicate,
    PredicateKind,
    Proposition,
    Quantity,
    Source,
    SourceKind,
    TextValue,
)
from factlog.origins import Origin, origins
from factlog.report import render_json, render_markdown, render_text, report_document
from factlog.schema import json_schema
from factlog.show import TimelineRow, entity_timeline, render_timeline_json, render_timeline_text
from factlog.timeline import Interval, PartialDate
from factlog.vocabulary import PropositionKey, Vocabulary

__version__ = "0.1.0"

__all__ = [
    "Acknowledgement",
    "Assessment",
    "Attribution",
    "Certainty",
    "Checker",
    "Claim",
    "ClaimLog",
    "ClaimSet",
    "ConflictError",
    "Credibility",
    "DEFAULT_LIMITS",
    "DEFAULT_RULES",
    "DateValue",
    "Entity",
    "EntityKind",
    "Entry",
    "Evidence",
    "FORMAT_VERSION",
    "FactlogError",
    "Factuality",
    "FieldError",
    "Finding",
    "FormatError",
    "Index",
    "InputError",
    "Interval",
    "Label",
    "Likelihood",
    "Limits",
    "Mode",
    "Object",
    "Origin",
    "OriginWeight",
    "PartialDate",
    "Polarity",
    "Predicate",
    "PredicateKind",
    "Proposition",
    "PropositionAssessment",
    "PropositionKey",
    "Quantity",
    "Record",
    "Reliability",
    "Replay",
    "Report",
    "Retraction",
    "Rule",
    "ScaleError",
    "Severity",
    "SlotKey",
    "Source",
    "SourceKind",
    "Status",
    "TextValue",
    "TimelineRow",
    "TornLineWarning",
    "UnknownIdError",
    "Vocabulary",
    "assess",
    "assessment_document",
    "check",
    "dump",
    "dumps",
    "dumps_lines",
    "entity_timeline",
    "finding_id",
    "json_schema",
    "load",
    "loads",
    "loads_lines",
    "make_converter",
    "origins",
    "render_assessment_json",
    "render_assessment_markdown",
    "render_assessment_text",
    "render_json",
    "render_markdown",
    "render_text",
    "render_timeline_json",
    "render_timeline_text",
    "report_document",
    "to_claimreview",
    "to_prov",
]
