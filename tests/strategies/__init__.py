"""Hypothesis strategies for factlog's model: every generated claim set is valid.

One module a theme, every strategy importable from here (``from tests.strategies import
claim_sets``): :mod:`~tests.strategies.values` (ids, texts, dates, quantities, patterns,
time words), :mod:`~tests.strategies.claimsets` (whole claim sets),
:mod:`~tests.strategies.crowds` (many sources on one question, slots, votes, news and
Markdown text), :mod:`~tests.strategies.written` (findings with dates, names and times
as written) and :mod:`~tests.strategies.logs` (a claim log's records and appends).
"""

from __future__ import annotations

from tests.strategies.claimsets import claim_sets, linked_claim_sets
from tests.strategies.crowds import (
    NEWS_WORDS,
    crowded_claim_sets,
    dated_slot_claims,
    discovery_votes,
    many_question_votes,
    markdown_hostile_text,
    mixed_unit_slots,
    news_texts,
    slot_values,
)
from tests.strategies.echoes import echoed_claim_sets
from tests.strategies.logs import log_appends, log_records, log_reference_appends
from tests.strategies.values import (
    anchor_days,
    edtf_dates,
    edtf_intervals,
    extra_keys,
    ids,
    intervals,
    numbers,
    objects,
    partial_dates,
    patterns,
    quantities,
    slips,
    texts,
    time_words,
    words,
    wrong_arguments,
)
from tests.strategies.written import findings_with_dates, tied_time_claim_sets, written_claim_sets

__all__ = [
    "NEWS_WORDS",
    "anchor_days",
    "claim_sets",
    "crowded_claim_sets",
    "dated_slot_claims",
    "discovery_votes",
    "echoed_claim_sets",
    "edtf_dates",
    "edtf_intervals",
    "extra_keys",
    "findings_with_dates",
    "ids",
    "intervals",
    "linked_claim_sets",
    "log_appends",
    "log_records",
    "log_reference_appends",
    "many_question_votes",
    "markdown_hostile_text",
    "mixed_unit_slots",
    "news_texts",
    "numbers",
    "objects",
    "partial_dates",
    "patterns",
    "quantities",
    "slips",
    "slot_values",
    "texts",
    "tied_time_claim_sets",
    "time_words",
    "words",
    "written_claim_sets",
    "wrong_arguments",
]
