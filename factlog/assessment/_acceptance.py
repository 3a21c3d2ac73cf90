"""Acceptance: which competing answers stand once every conflict is weighed.

Grounded semantics of an abstract argumentation framework (Dung, "On the acceptability
of arguments and its fundamental role in nonmonotonic reasoning, logic programming and
n-person games", Artificial Intelligence 77(2), 1995): the supporters of an answer
attack the supporters of each rival answer unless the rival is clearly stronger; the
grounded labelling is the least fixed point of the characteristic function.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence

__all__ = ["PREFERENCE_MARGIN", "Acceptance", "grounded"]


class Acceptance(enum.Enum):
    """A claim's standing once every conflict in its group is weighed (Dung's grounded labelling)."""

    ACCEPTED = "accepted"
    REJECTED = "rejected"
    CONTESTED = "contested"


PREFERENCE_MARGIN = 0.5
"""How much more strength (in log-odds) makes one argument clearly stronger than another."""


def grounded(
    answers: Sequence[str], rivals: Mapping[str, Sequence[str]], strength: Mapping[str, float]
) -> dict[str, Acceptance]:
    """Grounded labelling of answers whose supporters attack the supporters of rivals.

    An attack fails against a clearly stronger argument (by more than
    :data:`PREFERENCE_MARGIN`); an answer nobody currently supports attacks nothing.
    An answer is accepted when every successful attacker is rejected, rejected when a
    successful attacker (or, unsupported, any rival) is accepted, contested otherwise.
    Each answer is labelled once, from a work list of the answers it attacks:
    O(answers + attacks).
    """

    def attacks(answer: str) -> list[str]:
        mine = strength.get(answer, float("-inf"))
        return [r for r in rivals.get(answer, ()) if r in strength and not mine > strength[r] + PREFERENCE_MARGIN]

    attackers = {answer: attacks(answer) for answer in answers}
    attacked_by: dict[str, list[str]] = {answer: [] for answer in answers}
    for answer in answers:
        for attacker in attackers[answer]:
            attacked_by.setdefault(attacker, []).append(answer)
        if answer not in strength:
            for rival in rivals.get(answer, ()):
                attacked_by.setdefault(rival, []).append(answer)
    label: dict[str, Acceptance] = {}
    unresolved = {answer: len(attackers[answer]) for answer in answers}
    pending = [a for a in answers if a in strength and not attackers[a]]
    while pending:
        answer = pending.pop()
        if answer in label:
            continue
        label[answer] = Acceptance.ACCEPTED
        for target in attacked_by.get(answer, ()):
            if target in label:
                continue
            label[target] = Acceptance.REJECTED
            for victim in attacked_by.get(target, ()):
                if target in attackers.get(victim, ()) and victim not in label:
                    unresolved[victim] -= 1
                    if unresolved[victim] == 0 and victim in strength:
                        pending.append(victim)
    return {answer: label.get(answer, Acceptance.CONTESTED) for answer in answers}
