"""Grounded acceptance (Dung 1995) against the least fixed point of the characteristic function."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from factlog import Acceptance as Label
from factlog.assessment._acceptance import PREFERENCE_MARGIN, grounded

ANSWERS = ["a", "b", "c", "d", "e"]


@st.composite
def disputes(draw: st.DrawFn) -> tuple[list[str], dict[str, tuple[str, ...]], dict[str, float]]:
    """Answers, which exclude which (symmetric), and the strength of the supported ones."""
    answers = ANSWERS[: draw(st.integers(1, len(ANSWERS)))]
    pairs = draw(st.sets(st.tuples(st.sampled_from(answers), st.sampled_from(answers)).filter(lambda p: p[0] < p[1])))
    rivals = {a: tuple(sorted({y for x, y in pairs if x == a} | {x for x, y in pairs if y == a})) for a in answers}
    supported = draw(st.sets(st.sampled_from(answers)))
    strength = {a: draw(st.sampled_from([0.0, 0.3, 1.0, 2.0])) for a in sorted(supported)}
    return answers, rivals, strength


def _oracle(answers: list[str], rivals: dict[str, tuple[str, ...]], strength: dict[str, float]) -> dict[str, Label]:
    """Dung's grounded extension by iterating F(S) = {a | every attacker of a is attacked by S} from the empty set."""

    def attackers(answer: str) -> set[str]:
        mine = strength.get(answer, float("-inf"))
        return {r for r in rivals[answer] if r in strength and not mine > strength[r] + PREFERENCE_MARGIN}

    arguments = [a for a in answers if a in strength]  # an answer nobody supports is no argument
    accepted: set[str] = set()
    while True:
        defended = {a for a in arguments if all(attackers(b) & accepted for b in attackers(a))}
        if defended == accepted:
            break
        accepted = defended
    labels = {}
    for answer in answers:
        if answer in accepted:
            labels[answer] = Label.ACCEPTED
        elif attackers(answer) & accepted or (answer not in strength and set(rivals[answer]) & accepted):
            labels[answer] = Label.REJECTED
        else:
            labels[answer] = Label.CONTESTED
    return labels


@given(disputes())
def test_grounded_labelling_is_the_least_fixed_point(
    dispute: tuple[list[str], dict[str, tuple[str, ...]], dict[str, float]],
) -> None:
    """Accepted iff in the grounded extension, rejected iff an accepted argument attacks it, contested otherwise."""
    answers, rivals, strength = dispute
    assert grounded(answers, rivals, strength) == _oracle(answers, rivals, strength)
