"""Extrapolated rounds (``AccuVoteParams.extrapolate``) reach the plain rounds' fixed point, in fewer rounds."""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import factlog
from factlog.analysis._discovery import AccuVoteParams, Discovery, Vote, accu_copy, accu_vote
from factlog.analysis._discovery import _extrapolate as extrapolate
from factlog.analysis._discovery._extrapolate import ESCAPE, MOST, SMALL, STEPS, Path
from factlog.checks import _copying as copying
from tests.helpers import echo_cluster, random_votes
from tests.strategies import many_question_votes

SETTLED = AccuVoteParams(max_rounds=5000, epsilon=1e-13)
"""The plain rounds run until nothing moves by 10⁻¹³: the fixed point, as near as the floats allow."""
NEAR = 1e-3
"""How far an extrapolated run, stopped by the ε test of 10⁻⁶, may be from the fixed point (3,000 random
sets of up to 120 votes: at most 1.7·10⁻⁴)."""

SLOW = [
    ("q05", "a", "s2", 0.25),
    ("q05", "c", "s2", 1.0),
    ("q05", "d", "s0", 1.0),
    ("q08", "a", "s2", 0.25),
    ("q08", "b", "s1", 0.5),
    ("q12", "a", "s1", 0.5),
    ("q12", "b", "s2", 1.0),
    ("q12", "c", "s1", 0.25),
    ("q16", "a", "s1", 1.0),
    ("q16", "d", "s0", 0.25),
    ("q16", "d", "s2", 0.5),
    ("q17", "a", "s1", 1.0),
    ("q17", "b", "s2", 0.5),
]
"""Three sources, 13 votes, found among random sets: the plain rounds creep (478 to settle by 10⁻¹³)."""


def _gap(found: Discovery, settled: Discovery) -> float:
    """The largest difference of a probability, an accuracy or a reported posterior (1.0: other pairs reported)."""
    gaps = [
        abs(found.questions[q].probabilities[a] - p)
        for q, result in settled.questions.items()
        for a, p in result.probabilities.items()
    ]
    gaps += [abs(found.sources[s].accuracy - trust.accuracy) for s, trust in settled.sources.items()]
    # The pairs as a set: they are listed by posterior, and two within 10⁻⁶ may come either way round.
    found_pairs = {(d.source_a, d.source_b): d.probability for d in found.dependences}
    settled_pairs = {(d.source_a, d.source_b): d.probability for d in settled.dependences}
    if found_pairs.keys() != settled_pairs.keys():
        return 1.0
    gaps += [abs(found_pairs[pair] - probability) for pair, probability in settled_pairs.items()]
    return max(gaps)


def test_extrapolated_rounds_settle_where_the_plain_rounds_stop_at_their_limit() -> None:
    """On a slow set the plain rounds stop unsettled at a limit, 100; extrapolated, they settle near the fixed point."""
    votes = [Vote(*vote) for vote in SLOW]
    plain = accu_copy(votes, params=AccuVoteParams(max_rounds=100))
    fast = accu_copy(votes, params=AccuVoteParams(max_rounds=100, extrapolate=True))
    settled = accu_copy(votes, params=SETTLED)
    assert (plain.converged, plain.rounds) == (False, 100)
    assert fast.converged
    assert fast.rounds < 50
    assert settled.converged
    assert _gap(fast, settled) < NEAR < _gap(plain, settled)


def _extrapolated_and_settled(votes: list[Vote], copying_too: bool) -> tuple[Discovery, Discovery]:
    """AccuCopy (or AccuVote) on the votes extrapolated, and plain to 10⁻¹³ (an example not settled is rejected)."""
    method = accu_copy if copying_too else accu_vote
    settled = method(votes, params=SETTLED)
    assume(settled.converged)
    return method(votes, params=AccuVoteParams(max_rounds=300, extrapolate=True)), settled


@given(votes=many_question_votes(), copying_too=st.booleans())
def test_extrapolated_rounds_reach_the_plain_rounds_fixed_point(votes: list[Vote], copying_too: bool) -> None:
    """AccuCopy and AccuVote, extrapolated, end within 10⁻³ of the plain rounds run to 10⁻¹³, with the same pairs."""
    fast, settled = _extrapolated_and_settled(votes, copying_too)
    assert fast.converged
    assert _gap(fast, settled) < NEAR


@given(
    seed=st.integers(0, 999),
    questions=st.integers(10, 60),
    independent=st.integers(1, 6),
    good=st.sampled_from([0.4, 0.5, 0.6, 0.75]),
    bad=st.sampled_from([0.2, 0.35, 0.5]),
    copiers=st.integers(1, 4),
)
def test_undeclared_copying_finds_what_the_settled_plain_rounds_find(
    seed: int, questions: int, independent: int, good: float, bad: float, copiers: int
) -> None:
    """On echo clusters nobody declared, the rule's findings are those of plain rounds run to 10⁻¹³."""
    claims, _ = echo_cluster(seed, questions, independent, good, bad, copiers, declared=False)
    found = [(f.id, f.message, f.claims) for f in factlog.check(claims).findings if f.rule == "undeclared_copying"]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(copying, "AccuVoteParams", lambda **_: SETTLED)
        findings = factlog.check(claims).findings
    settled = [(f.id, f.message, f.claims) for f in findings if f.rule == "undeclared_copying"]
    assume(not any("unsettled" in message for _, message, _ in settled))
    assert found == settled


def test_the_rule_extrapolates_its_rounds() -> None:
    """``undeclared_copying`` runs AccuCopy extrapolated, within its limit of rounds."""
    seen: list[AccuVoteParams] = []
    real = copying.accu_copy

    def spy(votes: list[Vote], **arguments: Any) -> Discovery:
        seen.append(arguments["params"])
        return real(votes, **arguments)

    claims, _ = echo_cluster(seed=11, questions=40, copiers=2, declared=False)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(copying, "accu_copy", spy)
        factlog.check(claims)
    assert seen == [AccuVoteParams(max_rounds=copying.MAX_ROUNDS, extrapolate=True)]


def _steps(extrapolation: Path, start: list[float], steps: list[list[float]]) -> list[float] | None:
    """Feed plain rounds ``start`` → ``start + step`` → …; the last answer of :meth:`Path.ahead`."""
    jumped = None
    for step in steps:
        found = [x + d for x, d in zip(start, step, strict=True)]
        assert not extrapolation.overshot(start, found)
        jumped = extrapolation.ahead(found)
        start = found
    return jumped


def test_collinear_shrinking_steps_jump_to_their_sum() -> None:
    """Steps halving along one direction: after STEPS of them, a jump to where their series ends (Aitken)."""
    start = [0.5, 0.5]
    steps = [[0.004 / 2**k, -0.004 / 2**k] for k in range(STEPS)]
    jumped = _steps(Path([(0, 2)]), start, steps)
    assert jumped is not None
    assert math.isclose(jumped[0], 0.508)
    assert math.isclose(jumped[1], 0.492)


def test_steps_that_turn_do_not_jump() -> None:
    """Steps in different directions (more than one mode moving) give no jump."""
    steps = [[0.01, -0.01, 0.0], [0.0, 0.01, -0.01], [0.01, -0.01, 0.0]]
    assert _steps(Path([(0, 3)]), [0.3, 0.3, 0.4], steps) is None


def test_a_jump_stays_in_the_unit_interval_and_sums_to_one() -> None:
    """Steps that barely shrink jump at most MOST steps, clamped to [0, 1] and scaled back to a sum of 1."""
    steps = [[0.005 * 0.999**k, -0.005 * 0.999**k, 0.0] for k in range(STEPS)]
    jumped = _steps(Path([(0, 3)]), [0.45, 0.1, 0.45], steps)
    assert MOST * 0.005 > 0.1
    assert jumped is not None
    assert jumped[1] == 0.0
    assert all(0.0 <= x <= 1.0 for x in jumped)
    assert math.isclose(sum(jumped), 1.0)


def test_a_jump_that_overshoots_and_turns_back_is_undone() -> None:
    """The round after a jump moving more than the last step, and back against it, undoes the jump; else it stands."""
    steps = [[0.01 / 2**k, -0.01 / 2**k] for k in range(STEPS)]
    extrapolation = Path([(0, 2)])
    jumped = _steps(extrapolation, [0.5, 0.5], steps)
    assert jumped is not None
    assert extrapolation.overshot(jumped, [jumped[0] - 0.1, jumped[1] + 0.1])
    assert extrapolation.decisions.undone == 1
    jumped = _steps(extrapolation, [0.5, 0.5], steps)
    assert jumped is not None
    assert not extrapolation.overshot(jumped, [jumped[0] + 0.1, jumped[1] - 0.1])


def test_after_a_jump_undone_growing_steps_jump_again_once_a_jump_is_kept() -> None:
    """Undone: steps that grow give no jump; a jump where they shrink, kept: steps that grow jump again."""
    shrinking = [[-0.001 * 0.5**k, 0.001 * 0.5**k] for k in range(STEPS)]  # the other way: no jump across
    growing = [[0.001 * 1.1**k, -0.001 * 1.1**k] for k in range(STEPS)]
    extrapolation = Path([(0, 2)])
    assert _steps(Path([(0, 2)]), [0.6, 0.4], growing) is not None
    jumped = _steps(extrapolation, [0.6, 0.4], shrinking)
    assert jumped is not None
    assert extrapolation.overshot(jumped, [jumped[0] + 0.1, jumped[1] - 0.1])
    assert _steps(extrapolation, [0.6, 0.4], growing) is None
    jumped = _steps(extrapolation, [0.6, 0.4], shrinking)
    assert jumped is not None
    assert not extrapolation.overshot(jumped, [jumped[0] - 1e-5, jumped[1] + 1e-5])
    jumped = _steps(extrapolation, [0.6, 0.4], growing)
    assert jumped is not None
    assert math.isclose(jumped[0] - 0.6 - sum(step[0] for step in growing), ESCAPE / 0.1 * growing[-1][0], rel_tol=1e-6)


def test_a_jump_that_would_change_a_leading_answer_is_not_taken() -> None:
    """Steps lined up that a jump would carry past the other answer give no jump: the rounds choose the lead."""
    steps = [[-0.005 * 0.95**k, 0.005 * 0.95**k] for k in range(STEPS)]
    extrapolation = Path([(0, 2)])
    assert _steps(extrapolation, [0.52, 0.48], steps) is None
    assert extrapolation.decisions.jumps == 0


def test_long_steps_do_not_jump() -> None:
    """Steps lined up but longer than SMALL (answers still moving fast) give no jump; shorter ones do."""
    long = [[0.1 / 2**k, -0.1 / 2**k] for k in range(STEPS)]
    assert _steps(Path([(0, 2)]), [0.5, 0.5], long) is None
    short = [[x * SMALL / 0.1 for x in step] for step in long]
    assert _steps(Path([(0, 2)]), [0.5, 0.5], short) is not None


def test_a_random_set_that_once_jumped_to_another_fixed_point_reaches_the_plain_rounds_one() -> None:
    """1,887 random votes where a jump, answers still changing places, ended 0.999 away: now near the plain rounds."""
    votes = random_votes(74)
    settled = accu_copy(votes, params=SETTLED)
    fast = accu_copy(votes, params=AccuVoteParams(max_rounds=1000, extrapolate=True))
    assert settled.converged
    assert fast.converged
    assert _gap(fast, settled) < NEAR


BOTTLENECKS = [391, 525, 1701, 2361]
"""Seeds of :func:`_few_votes` whose plain rounds pass a bottleneck: steps that line up and grow (ρ > 1)."""


def _few_votes(seed: int) -> list[Vote]:
    """Up to 120 random votes of 7 sources on 30 questions, as :func:`tests.strategies.many_question_votes` draws."""
    rng = random.Random(seed)
    return [
        Vote(f"q{rng.randrange(30):02d}", rng.choice("abcd"), f"s{rng.randrange(7)}", rng.choice([0.25, 0.5, 1.0]))
        for _ in range(rng.randrange(1, 121))
    ]


def _near_a_bottleneck(seed: int) -> list[Vote]:
    """A set of :data:`BOTTLENECKS` (by ``seed``), its weights lowered by up to 1–30 %, a vote perhaps left out."""
    rng = random.Random(seed)
    base = _few_votes(BOTTLENECKS[seed % len(BOTTLENECKS)])
    spread, left_out = rng.choice([0.01, 0.03, 0.1, 0.3]), rng.randrange(len(base) + 5)
    return [
        Vote(v.question, v.answer, v.source, max(0.01, v.weight * (1.0 - spread * rng.random())))
        for i, v in enumerate(base)
        if i != left_out
    ]


def _leads(found: Discovery) -> dict[str, str]:
    return {
        q: max(sorted(result.probabilities), key=result.probabilities.__getitem__)
        for q, result in found.questions.items()
    }


@given(seed=st.integers(0, 10**6), copying_too=st.booleans())
def test_near_a_bottleneck_extrapolated_rounds_reach_the_plain_rounds_fixed_point(seed: int, copying_too: bool) -> None:
    """Near sets whose rounds pass a bottleneck (jumps undone there), extrapolated: the settled answers, within 10⁻³."""
    votes = _near_a_bottleneck(seed)
    fast, settled = _extrapolated_and_settled(votes, copying_too)
    assert fast.converged
    assert _gap(fast, settled) < NEAR
    assert _leads(fast) == _leads(settled)


def test_growing_steps_after_a_jump_undone_are_jumped_once_one_is_kept() -> None:
    """On 63 votes near a bottleneck (3 jumps undone) AccuVote jumps out 6 times after undos: 108 rounds, not 199."""
    escapes: list[int] = []

    class Counting(extrapolate.Extrapolation):
        def ahead(self, size: float, dot: float, leads_change: Callable[[float], bool]) -> float | None:
            previous = self.steps[-1][0] if self.steps else None  # the step before's squared length
            factor = super().ahead(size, dot, leads_change)
            if factor is not None and previous is not None and self.undone and dot >= previous:
                escapes.append(self.jumps)  # steps growing (ρ ≥ 1) after a jump undone: out of a bottleneck
            return factor

    votes = _near_a_bottleneck(252)
    settled = accu_vote(votes, params=SETTLED)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(extrapolate, "Extrapolation", Counting)
        fast = accu_vote(votes, params=AccuVoteParams(extrapolate=True, max_rounds=300))
    assert len(votes) == 63
    assert len(escapes) == 6
    assert (fast.converged, fast.rounds) == (True, 108)
    assert _gap(fast, settled) < NEAR
    assert _leads(fast) == _leads(settled)
