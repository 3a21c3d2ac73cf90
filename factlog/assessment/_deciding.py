"""Explaining an outcome: the rivals that decided each label, what a label nobody's claim backs rests on, ties."""

from __future__ import annotations

from collections.abc import Sequence

from factlog.assessment._acceptance import Acceptance
from factlog.assessment._questions import Question

__all__ = ["decided_by", "grounds", "ties"]


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


def grounds(
    acceptance: Acceptance, decided_by: str, *, claimed: bool, judged: bool, withdrawn: Sequence[str] = ()
) -> str:
    """What a label rests on, in words, after ``LABEL: `` on its reason line.

    ``decided_by`` names the rivals that decided it (:func:`decided_by`); ``claimed``: an
    origin is for the answer; ``judged``: its credibility is not 6; ``withdrawn``: the
    origins that claimed the answer before and changed their stance since. An answer someone
    claims was ``weighed against`` its rivals. One nobody claims is *rejected* by what is
    claimed instead, with no weighing: ``nobody claims it; what is claimed instead stands:
    its denial`` (the label follows from who claims what, whatever the denial's weight).
    When that denial is all an accused party's, the credibility is 6 and the line says why
    the two differ: the label says what is claimed, not what is true. One its origins
    claimed and no longer do says so: ``nobody claims it now: KSA claimed it, then changed
    its stance; ...``. Raises nothing.
    """
    if claimed or acceptance is not Acceptance.REJECTED:
        return f"weighed against {decided_by}"
    if withdrawn:
        said = (
            f"nobody claims it now: {', '.join(withdrawn)} claimed it, then changed"
            f" {'its' if len(withdrawn) == 1 else 'their'} stance; what is claimed instead stands: {decided_by}"
        )
        why = "what stands against it is a denial by a party the proposition accuses"
    else:
        said = f"nobody claims it; what is claimed instead stands: {decided_by}"
        why = "only parties the proposition accuses deny it"
    if judged:
        return said
    return f"{said}; the label says who claims what, not what is true: {why}, so truth cannot be judged (credibility 6)"
