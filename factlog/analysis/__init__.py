"""The core both pipelines share: normalise → index → time groups → origins.

Checking (:mod:`factlog.checks`) and assessment (:mod:`factlog.assessment`) both start
here: propositions are normalised against the vocabulary, claims are indexed by
proposition key, slot, holder and source, grouped by overlapping valid time, and
grouped again by independent origin.
"""

from __future__ import annotations

from factlog.analysis._discovery import Dependence, PairBudgetWarning, SourceTrust
from factlog.analysis._index import Entry, Index, SlotKey
from factlog.analysis._lines import WholeFileWarning
from factlog.analysis._origins import Origin, origins
from factlog.analysis._patterns import Reading, readings
from factlog.analysis._quotes import QuoteMatch, find_quote

__all__ = [
    "Dependence",
    "Entry",
    "Index",
    "Origin",
    "PairBudgetWarning",
    "QuoteMatch",
    "Reading",
    "SlotKey",
    "SourceTrust",
    "WholeFileWarning",
    "find_quote",
    "origins",
    "readings",
]
