"""What an append must not do to the claims' ``answers``: close a cycle of replies.

A claim answering a claim that answers it, directly or through others, is refused on
load (:func:`factlog.io._references.answer_cycles`); a store must not come to hold
one either. The store takes a claim answering one it does not hold yet, so a cycle
may close across appends: ``c1`` answers ``c2`` in one, ``c2`` answers ``c1`` in a
later one. Only the replies the append's claims reach are read, link by link, from the
claims in force after it (a retracted claim answers nothing: its links are dropped at
replay).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from factlog.io._logreader import StoreReader
from factlog.io._references import answer_cycles
from factlog.model._nouns import Claim

__all__ = ["reply_cycles", "reply_cycles_alone"]


def reply_cycles(reader: StoreReader, own: Mapping[str, Claim]) -> list[tuple[str, str, str]]:
    """(claim id, field, message) for each ``answers`` link of an appended claim on a cycle after the append.

    ``own``: the appended claims by id, less those the append retracts.
    """
    replying = [claim for claim in own.values() if claim.answers]
    if not replying:
        return []
    reached: dict[str, Claim] = {claim.id: claim for claim in replying}
    wanted = {other for claim in replying for other in claim.answers} - set(reached)
    while wanted:
        found = reader.claims(wanted)
        reached.update((claim.id, claim) for claim in found)
        wanted = {other for claim in found for other in claim.answers} - set(reached)
    return _named(replying, reached.values())


def reply_cycles_alone(claims: Iterable[Claim]) -> list[tuple[str, str, str]]:
    """(claim id, field, message) for each ``answers`` link on a cycle among ``claims`` alone (a first append)."""
    every = list(claims)
    return _named([claim for claim in every if claim.answers], every)


def _named(part: list[Claim], every: Iterable[Claim]) -> list[tuple[str, str, str]]:
    return [
        (part[index].id, f"answers[{position}]", message) for index, position, message in answer_cycles(part, every)
    ]
