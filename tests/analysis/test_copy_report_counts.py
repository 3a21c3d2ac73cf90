"""AccuCopy's report counts each pair's evidence as written out from the votes, whatever the pair shares.

Most pairs of a large run share a single value: their rows are written without a
:class:`~factlog.analysis._discovery._index.Pair` each. Every count of every reported
pair must be the one read off the votes: the questions both answer, the identical values
(those of a value more than the provider limit gives left out), the values nobody else
gives, those not among their question's winners, the questions they agree on.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from factlog.analysis._discovery import AccuCopyParams, AccuVoteParams, Vote, accu_copy

_VOTES = st.lists(
    st.builds(
        Vote,
        question=st.sampled_from(["q0", "q1", "q2", "q3", "q4"]),
        answer=st.sampled_from(["a", "b", "c"]),
        source=st.sampled_from([f"s{s}" for s in range(6)]),
    ),
    min_size=1,
    max_size=40,
)


@pytest.mark.filterwarnings("ignore::factlog.PairBudgetWarning")  # a budget leaves values out
@example(  # s0 and s1 share one value, and agree on q0 through a value the limit of 2 providers leaves out
    [Vote("q0", "a", source) for source in ("s0", "s1", "s2")] + [Vote("q1", "b", "s0"), Vote("q1", "b", "s1")], 3
)
@given(_VOTES, st.sampled_from([None, 3, 12]))
def test_reported_counts_are_those_of_the_votes(votes: list[Vote], budget: int | None) -> None:
    """Each pair's shared items, same, unique and false values and agreeing items, counted from the votes."""
    found = accu_copy(
        votes, params=AccuVoteParams(max_rounds=3), copy=AccuCopyParams(report_threshold=0.0, max_pairs=budget)
    )
    givers: dict[tuple[str, str], set[str]] = {}
    for vote in votes:
        givers.setdefault((vote.question, vote.answer), set()).add(vote.source)
    limit = found.provider_limit
    given_by: dict[str, set[tuple[str, str]]] = {}
    for value, sources in givers.items():
        for source in sources:
            given_by.setdefault(source, set()).add(value)
    winners = {(question, answer) for question, result in found.questions.items() for answer in result.winners}
    for pair in found.dependences:
        mine, theirs = given_by[pair.source_a], given_by[pair.source_b]
        both = mine & theirs
        same = {value for value in both if limit is None or len(givers[value]) <= limit}
        assert pair.shared_items == len({q for q, _ in mine} & {q for q, _ in theirs})
        assert pair.same_values == len(same)
        assert pair.unique_values == sum(1 for value in same if len(givers[value]) == 2)
        assert pair.false_values == len(same - winners)
        assert pair.agreeing_items == len({q for q, _ in both})
