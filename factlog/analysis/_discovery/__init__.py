"""Truth discovery: which answer to believe, and how far to trust each source, learned from the votes.

Pure functions over :class:`Vote` records, shared by assessment (to weigh votes) and
checks (to report copying nobody declared):

* :func:`majority`: the weighted count, the baseline;
* :func:`accu_vote`: AccuVote (Dong, Berti-Équille & Srivastava, PVLDB 2009), source
  accuracies learned with the answers;
* :func:`accu_copy`: AccuCopy (same paper), AccuVote plus copying detected from shared
  values, which discounts copiers' votes;
* :func:`truth_finder`: TruthFinder (Yin, Han & Yu, KDD 2007);
* :func:`tie_discount`: AccuCopy's discount of a provider among tied ones, the mean
  over the orders of the tie (:mod:`._ties`).

Deterministic: same votes in any order, same result.
"""

from __future__ import annotations

from factlog.analysis._discovery._accu import accu_copy, accu_vote
from factlog.analysis._discovery._index import Support, majority, shared_value_pairs
from factlog.analysis._discovery._pairs import PairBudgetWarning
from factlog.analysis._discovery._results import (
    MAX_PAIRS,
    MAX_ROUNDS,
    AccuCopyParams,
    AccuVoteParams,
    Dependence,
    Discovery,
    QuestionResult,
    Similarity,
    SourceTrust,
    TruthFinderParams,
    Vote,
    pair_budget,
    round_limit,
)
from factlog.analysis._discovery._table import DependenceTable
from factlog.analysis._discovery._ties import expected as tie_discount
from factlog.analysis._discovery._truthfinder import truth_finder

__all__ = [
    "MAX_PAIRS",
    "MAX_ROUNDS",
    "AccuCopyParams",
    "AccuVoteParams",
    "Dependence",
    "DependenceTable",
    "Discovery",
    "PairBudgetWarning",
    "QuestionResult",
    "Similarity",
    "SourceTrust",
    "Support",
    "TruthFinderParams",
    "Vote",
    "accu_copy",
    "accu_vote",
    "majority",
    "pair_budget",
    "round_limit",
    "shared_value_pairs",
    "tie_discount",
    "truth_finder",
]
