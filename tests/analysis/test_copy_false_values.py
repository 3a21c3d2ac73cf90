"""AccuCopy's copy model weighs a shared value with the false values of its own question, as its vote count does.

Dong, Berti-Équille & Srivastava (PVLDB 2009) give one n, the false values of a data
item, to both: A'(S) = ln(n·A/(1 − A)) and Pf = (1 − A1)(1 − A2)/n, the chance that
two independent sources give the same false value. A yes/no question (n = 1) has one
false answer, which two independent sources give together with probability
(1 − A1)(1 − A2); weighed with the slots' n = 100, any two that gave the answer the
others outvote looked a hundred times likelier to be copying than they are.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from hypothesis import given
from hypothesis import strategies as st

from factlog.analysis._discovery import AccuCopyParams, AccuVoteParams, Vote, accu_copy
from tests.strategies import many_question_votes

FIRST_ROUND = AccuVoteParams(max_rounds=1)
"""One round: the pairs reported are weighed from the starting accuracy (0.8) and the weighted vote shares."""
EVERY_PAIR = AccuCopyParams(report_threshold=0.0)
QUESTIONS = [f"q{q:02d}" for q in range(30)]


def _posteriors(votes: list[Vote], domains: Mapping[str, float]) -> dict[tuple[str, str], float]:
    """The paper's Pr(dependent) of every pair sharing a value, at A = 0.8 and P(v) the vote shares, written out."""
    given: dict[tuple[str, str, str], float] = {}
    for vote in votes:  # one source, question and answer count once, at their largest weight
        key = (vote.question, vote.answer, vote.source)
        given[key] = max(given.get(key, 0.0), vote.weight)
    weight: dict[tuple[str, str], float] = {}
    for (question, answer, _), w in given.items():
        weight[question, answer] = weight.get((question, answer), 0.0) + w
    share = {(q, a): w / math.fsum(x for (p, _), x in weight.items() if p == q) for (q, a), w in weight.items()}
    answers: dict[str, dict[str, set[str]]] = {}
    for question, answer, source in given:
        answers.setdefault(source, {}).setdefault(question, set()).add(answer)
    c, a1 = 0.8, 0.8
    found = {}
    sources = sorted(answers)
    for i, first in enumerate(sources):
        for second in sources[i + 1 :]:
            both = answers[first].keys() & answers[second].keys()
            shared = [(q, a) for q in sorted(both) for a in sorted(answers[first][q] & answers[second][q])]
            if not shared:
                continue
            independent = copies = 0.0
            for q, a in shared:
                n = domains.get(q, 100.0)
                p, pt, pf = share[q, a], a1 * a1, (1 - a1) * (1 - a1) / n
                independent += math.log(p * pt + (1 - p) * pf)
                copies += math.log(p * (c * a1 + (1 - c) * pt) + (1 - p) * (c * (1 - a1) + (1 - c) * pf))
            differing = len(both) - len({q for q, _ in shared})
            x = math.log(0.8) + independent
            y = math.log(0.1) + copies + differing * math.log(1 - c)  # each direction: the same here
            found[first, second] = 2 * math.exp(y) / (math.exp(x) + 2 * math.exp(y))
    return found


def _reported(votes: list[Vote], domains: Mapping[str, float]) -> dict[tuple[str, str], float]:
    found = accu_copy(votes, domains=domains, params=FIRST_ROUND, copy=EVERY_PAIR)
    return {(d.source_a, d.source_b): d.probability for d in found.dependences}


def test_two_sources_giving_yes_no_questions_outvoted_answers_are_weighed_with_their_one_false_answer() -> None:
    """Nine say yes and two say no, on three questions: the two copy with 0.62 at n = 1 (0.76 at the slots' n)."""
    votes = []
    for question in ("q0", "q1", "q2"):
        votes += [Vote(question, "yes", f"y{number}") for number in range(9)]
        votes += [Vote(question, "no", source) for source in ("s0", "s1")]
    yes_no = dict.fromkeys(("q0", "q1", "q2"), 1.0)
    reported = _reported(votes, yes_no)["s0", "s1"]
    assert math.isclose(reported, _posteriors(votes, yes_no)["s0", "s1"], rel_tol=1e-12)
    assert 0.61 < reported < 0.62
    assert 0.75 < _posteriors(votes, dict.fromkeys(yes_no, 100.0))["s0", "s1"] < 0.76


@given(
    votes=many_question_votes(),
    domains=st.dictionaries(st.sampled_from(QUESTIONS), st.sampled_from([1.0, 3.0, 100.0]), max_size=30),
)
def test_every_pair_is_weighed_with_each_shared_values_own_false_values(
    votes: list[Vote], domains: dict[str, float]
) -> None:
    """Every reported posterior is the paper's, each shared value's Pf over its question's n (100 without a domain)."""
    reported, expected = _reported(votes, domains), _posteriors(votes, domains)
    assert reported.keys() == expected.keys()
    for pair, probability in expected.items():
        assert math.isclose(reported[pair], probability, rel_tol=1e-9, abs_tol=1e-12)
