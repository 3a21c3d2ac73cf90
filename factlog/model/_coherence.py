"""What a claim set's own vocabulary asks of its claims, checked where the set is made.

Two rules tie a claim to the predicates of the set that holds it, so no claim can
check them alone: a claim written with a declared inverse predicate ("receives weapons
from") is turned around into the canonical direction, so its object must be an entity
(or entities) that can become the subject; and a claim in the pattern "the highest-level
X since Y" needs a predicate with a rank on a scale. The loader checks the same rules
on the merged set of every file it reads (:func:`factlog.io._references.unresolved`),
with the file and JSON path; :class:`~factlog.model._claimset.ClaimSet` checks them on
its own predicates when it is constructed, so a set that exists can be written and read
back.

The predicates' ``inverse`` declarations must pair them one to one, as the same places
check (:func:`inverse_problems`): a name is the inverse of one predicate at most, a
declared predicate named as an inverse names no third predicate as its own, and a
symmetric predicate is nobody's inverse. :func:`inverse_names` reads the pairs, whatever
the order of their ids, the predicate declaring the other read forwards.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Iterable, Iterator, Mapping, Sequence

from factlog.model._nouns import Claim, Predicate

__all__ = [
    "INVERSE_OBJECT",
    "UNPAIRED",
    "UNRANKED",
    "inverse_clashes",
    "inverse_names",
    "inverse_object",
    "inverse_problems",
    "is_vocabulary_message",
    "unranked",
    "vocabulary_problems",
]

INVERSE_OBJECT = "an inverse predicate needs an entity as its object"
"""The message for a claim with a declared inverse predicate and no entity as its object."""


def inverse_object(claim: str, name: str, canonical: str) -> str:
    """The message for claim ``claim`` written with inverse ``name`` of ``canonical`` and no entity as its object.

    The same words from :class:`~factlog.model._claimset.ClaimSet` and from
    :func:`factlog.load` with or without its reference check.
    """
    return (
        f"claim {claim!r}: {INVERSE_OBJECT} ({name!r} is {canonical!r} read the other way"
        " round: its object becomes the subject)"
    )


UNRANKED = "has no rank: declare its 'scale' and 'rank'"
"""The end of the message for a claim in the pattern ``highest_since`` on a predicate without rank."""


def unranked(claim: str, predicate: str) -> str:
    """The message for claim ``claim`` in the pattern ``highest_since`` on ``predicate``, which has no rank."""
    return f"claim {claim!r}: predicate {predicate!r} {UNRANKED}"


UNPAIRED = "inverses pair predicates one to one"
"""The end of the message for a predicate whose ``inverse`` the vocabulary cannot pair (:func:`inverse_problems`)."""


def is_vocabulary_message(message: str) -> bool:
    """Whether a message is one of :func:`vocabulary_problems`' or :func:`inverse_problems`' (not an unknown id)."""
    return INVERSE_OBJECT in message or message.endswith((UNRANKED, UNPAIRED))


_PROPOSITION = operator.attrgetter("proposition")
_PREDICATE = operator.attrgetter("predicate")
_PATTERN = operator.attrgetter("pattern")
_OBJECT = operator.attrgetter("object")


def inverse_names(predicates: Iterable[Predicate]) -> dict[str, str]:
    """Each name that is read the other way round, with the canonical predicate it stands for.

    A predicate declaring ``inverse`` is paired with it and is canonical: an inverse only
    named, or declared with no inverse of its own, stands for the predicate that names
    it, read the other way round (so the canonical predicate's ``functional`` and the
    object a claim needs are the declaring one's, whatever the ids: ``gives-to`` and
    ``z-gives-to`` naming ``receives-from`` declared alone are read alike). When each
    names the other, neither is read forwards by declaration, and the smaller id is
    canonical.

    A vocabulary :func:`inverse_problems` refuses (a store written before it was
    checked) is read in the order of its declarations, so that it reads the same each
    time: a predicate whose inverse is already paired, symmetric, or names a third
    predicate as its own is left unpaired.
    """
    declared = {predicate.id: predicate for predicate in predicates}
    paired: set[str] = set()
    inverses: dict[str, str] = {}
    for predicate in declared.values():
        name = predicate.inverse
        if name is None or predicate.id in paired or name in paired:
            continue
        other = declared.get(name)
        if other is None:
            inverses[name] = predicate.id
        elif other.symmetric or other.inverse not in (None, predicate.id):
            continue
        elif other.inverse is None:  # declared from one end: the predicate declaring it is read forwards
            inverses[name] = predicate.id
        else:  # from both ends: neither is the one read forwards, so the smaller id is
            canonical, turned = sorted((predicate.id, name))
            inverses[turned] = canonical
        paired.update((predicate.id, name))
    return inverses


def inverse_problems(
    predicates: Sequence[Predicate], within: Iterable[Predicate] | None = None
) -> Iterator[tuple[str, str]]:
    """``(path, message)`` for each of ``predicates`` whose ``inverse`` cannot be paired (``predicates[1].inverse``).

    ``within`` is the whole vocabulary, in order (default: ``predicates`` alone; the
    loader gives the merged set of every file, each file's own predicates reported with
    their paths). See :func:`inverse_clashes` for what is refused. Raises nothing.
    """
    for index, _, message in inverse_clashes(predicates, within):
        yield f"predicates[{index}].inverse", message


def inverse_clashes(
    predicates: Sequence[Predicate], within: Iterable[Predicate] | None = None
) -> Iterator[tuple[int, tuple[str, ...], str]]:
    """``(position, names, message)`` for each of ``predicates`` whose ``inverse`` cannot be paired.

    ``position`` is the predicate's in ``predicates``; ``names`` the predicate names the
    clash involves (the predicate, its inverse, and the third predicate), for the claim
    log to name the records that declare them. A predicate ``p`` naming ``q`` as its
    inverse is refused when ``q`` is a declared symmetric predicate (it reads the same
    both ways: it has no inverse), when ``q`` is declared with an inverse other than
    ``p`` (a chain: ``gives-to`` → ``receives-from`` → ``sends-to``), or when ``q`` is
    already the inverse of a predicate declared before ``p`` in ``within`` (and does not
    itself name ``p``: a name is read as one predicate the other way round). Each
    message names the predicates. Raises nothing.
    """
    if not any(predicate.inverse is not None for predicate in predicates):
        return
    vocabulary = list(predicates if within is None else within)
    declared = {predicate.id: predicate for predicate in vocabulary}
    first: dict[str, str] = {}  # an inverse name → the first predicate naming it
    for predicate in vocabulary:
        if predicate.inverse is not None:
            first.setdefault(predicate.inverse, predicate.id)
    for index, predicate in enumerate(predicates):
        name = predicate.inverse
        if name is None:
            continue
        other = declared.get(name)
        earlier = first.get(name, predicate.id)
        if other is not None and other.symmetric:
            third, problem = None, "is declared symmetric (it reads the same both ways)"
        elif other is not None and other.inverse not in (None, predicate.id):
            third, problem = other.inverse, f"names {other.inverse!r} as its own"
        elif earlier != predicate.id and (other is None or other.inverse is None):
            third, problem = earlier, f"is already the inverse of {earlier!r}"
        else:
            continue
        message = f"predicate {predicate.id!r} names {name!r} as its inverse, but {name!r} {problem}: {UNPAIRED}"
        yield index, (predicate.id, name) if third is None else (predicate.id, name, third), message


def vocabulary_problems(predicates: Sequence[Predicate], claims: Sequence[Claim]) -> Iterator[tuple[str, str]]:
    """``(path, message)`` for each claim the declared ``predicates`` refuse; paths like ``claims[3].pattern``.

    Only the claims that may break a rule are looked at one by one: those with a pattern,
    and all of them when some claim breaks the first rule (the error's path is wanted
    then). C-level passes over the claims find out which: at 100,000 generated claims
    with inverses and patterns used, about 8 ms, where the validators ``ClaimSet``
    already runs take about 25.
    """
    if not predicates:
        return
    inverses = inverse_names(predicates)
    refused = False
    if inverses:
        # In C: the propositions with an inverse predicate, and the kinds of their objects.
        propositions = list(filter(None, map(_PROPOSITION, claims)))
        turned = itertools.compress(propositions, map(inverses.__contains__, map(_PREDICATE, propositions)))
        refused = not set(map(type, map(_OBJECT, turned))) <= {str, tuple}
    if refused:
        looked: Iterable[int] = range(len(claims))
    elif any(map(_PATTERN, claims)):
        looked = itertools.compress(range(len(claims)), map(_PATTERN, claims))
    else:
        return
    declared: Mapping[str, Predicate] = {predicate.id: predicate for predicate in predicates}
    for index in looked:
        claim = claims[index]
        proposition = claim.proposition
        if proposition is None:
            continue
        name = proposition.predicate
        if name in inverses and not isinstance(proposition.object, (str, tuple)):
            yield f"claims[{index}].proposition.object", inverse_object(claim.id, name, inverses[name])
        pattern = claim.pattern
        if pattern is not None and pattern.highest_since is not None:
            found = declared.get(inverses.get(name, name))
            if found is not None and found.scale is None:
                yield f"claims[{index}].pattern.highest_since", unranked(claim.id, found.id)
