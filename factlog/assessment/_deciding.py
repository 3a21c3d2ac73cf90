"""Explaining a slot's outcome: the rivals that decided each label, and which values are tied."""

from __future__ import annotations

from factlog.assessment._acceptance import Acceptance
from factlog.assessment._questions import Question

__all__ = ["decided_by", "ties"]


def ties(question: Question, result: dict[str, float]) -> frozenset[str]:
    """The candidates of highest belief that a rival (an incompatible value) equals: O(candidates).

    Values compatible with each other (2020 and 2020-06; "at least 120" and 150) share
    their belief by construction and are not a tie: a tie is a choice left open.
    """
    top = max(result.values(), default=0.0)
    layout = question.layout
    if layout is None or sum(1 for belief in result.values() if belief == top) < 2:
        return frozenset()
    leading = [result.get(name) == top for name in layout.names]
    rivals = layout.first_rivals(leading, 1)
    return frozenset(name for name, lead, found in zip(layout.names, leading, rivals, strict=True) if lead and found)


_WINNER = {
    Acceptance.REJECTED: Acceptance.ACCEPTED,
    Acceptance.CONTESTED: Acceptance.CONTESTED,
    Acceptance.ACCEPTED: Acceptance.REJECTED,
}
"""What decided a label: the supported rivals accepted (for a rejected answer), contested, or rejected."""


def decided_by(question: Question, acceptance: dict[str, Acceptance]) -> dict[str, str]:
    """For each candidate, the conflict that decided its label: its first three deciding rivals ("and more")."""
    supported = question.supported
    found: dict[str, list[str]] = {}
    layout = question.layout
    if layout is None:
        for answer in question.candidates:
            rivals = [rival for rival in question.rivals.get(answer, ()) if rival in supported]
            found[answer] = [r for r in rivals if acceptance[r] is _WINNER[acceptance[answer]]][:4]
    else:
        labelled = [acceptance[name] if name in supported else None for name in layout.names]
        first = {label: layout.first_rivals([mine is label for mine in labelled], 4) for label in Acceptance}
        for i, answer in enumerate(layout.names):
            wanted = _WINNER[acceptance[answer]]
            winners = [layout.names[r] for r in first[wanted][i]]
            denial = f"not:{answer}"
            if denial in supported and acceptance[denial] is wanted:
                winners.append(denial)
            found[answer] = winners[:4]
    return {
        answer: ", ".join(_answer_text(question, r) for r in winners[:3]) + (" and more" if len(winners) > 3 else "")
        for answer, winners in found.items()
        if winners
    }


def _answer_text(question: Question, answer: str) -> str:
    if answer == "no":
        return "its denial"
    if answer.startswith("not:"):
        return f"the denial of {question.texts.get(answer[4:], answer[4:])}"
    return question.texts.get(answer, answer)
