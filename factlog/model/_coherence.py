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

import attrs

from factlog.model._kinds import Accused
from factlog.model._nouns import Claim, Predicate

__all__ = [
    "INVERSE_OBJECT",
    "UNPAIRED",
    "UNRANKED",
    "exclusion_names",
    "exclusions",
    "inverse_clashes",
    "inverse_names",
    "inverse_object",
    "inverse_problems",
    "is_vocabulary_message",
    "paired_predicates",
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
ONE_SCALE = "the two ends of an inverse pair are one relation on one scale"
"""The end of the message for an inverse pair whose two ends declare different scales (:func:`inverse_clashes`)."""
ONE_KIND = "the two ends of an inverse pair are one relation of one kind"
"""The end of the message for an inverse pair whose two ends declare different kinds (:func:`inverse_clashes`)."""


def is_vocabulary_message(message: str) -> bool:
    """Whether a message is one of :func:`vocabulary_problems`' or :func:`inverse_problems`' (not an unknown id)."""
    return INVERSE_OBJECT in message or message.endswith((UNRANKED, UNPAIRED, ONE_SCALE, ONE_KIND))


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
    names the other, neither is read forwards by declaration: the end with one value per
    subject is canonical (its own ``functional`` or the other's ``inverse_functional``),
    then the one declaring ``functional`` itself, then (one value both ways) the
    smaller label, then the smaller id (:func:`_forwards`). Both ends' declarations count (:func:`paired_predicates`,
    :func:`exclusions`).

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
        else:  # from both ends: neither is read forwards by declaration
            canonical, turned = sorted((predicate, other), key=lambda end: _forwards(end, declared))
            inverses[turned.id] = canonical.id
        paired.update((predicate.id, name))
    return inverses


def _forwards(end: Predicate, declared: Mapping[str, Predicate]) -> tuple[bool, bool, str, str]:
    """The order in which the two ends of a pair declared from both ends are canonical (the least first).

    The end with one value per subject (its own ``functional``, or the other end's
    ``inverse_functional``), then the end declaring ``functional`` itself, then (where
    both ways have one value) the label, then the id: a one-value constraint reads as
    ``conflicting_values`` or ``conflicting_holders`` by what is declared, whatever
    the ids.
    """
    assert end.inverse is not None
    other = declared[end.inverse]
    forwards, backwards = end.functional or other.inverse_functional, other.functional or end.inverse_functional
    return (not forwards, not end.functional, end.label if forwards and backwards else "", end.id)


def inverse_problems(
    predicates: Sequence[Predicate], within: Iterable[Predicate] | None = None
) -> Iterator[tuple[str, str]]:
    """``(path, message)`` for each of ``predicates`` whose ``inverse`` cannot be paired (``predicates[1].inverse``).

    ``within`` is the whole vocabulary, in order (default: ``predicates`` alone; the
    loader gives the merged set of every file, each file's own predicates reported with
    their paths). See :func:`inverse_clashes` for what is refused. Raises nothing.
    """
    for index, field, _, message in inverse_clashes(predicates, within):
        yield f"predicates[{index}].{field}", message


def inverse_clashes(
    predicates: Sequence[Predicate], within: Iterable[Predicate] | None = None
) -> Iterator[tuple[int, str, tuple[str, ...], str]]:
    """``(position, field, names, message)`` for each of ``predicates`` whose ``inverse`` or ``scale`` clashes.

    ``position`` is the predicate's in ``predicates`` and ``field`` the field at fault
    (``inverse`` or ``scale``); ``names`` the predicate names the clash involves (the
    predicate, its inverse, and the third predicate), for the claim log to name the
    records that declare them. A predicate ``p`` naming ``q`` as its
    inverse is refused when ``q`` is a declared symmetric predicate (it reads the same
    both ways: it has no inverse), when ``q`` is declared with an inverse other than
    ``p`` (a chain: ``gives-to`` → ``receives-from`` → ``sends-to``), or when ``q`` is
    already the inverse of a predicate declared before ``p`` in ``within`` (and does not
    itself name ``p``: a name is read as one predicate the other way round). The two
    ends of a pair must declare one ``kind``, and when both declare a ``scale`` the same
    scale and rank (:func:`end_clashes`). Each message names the predicates. Raises nothing.
    """
    vocabulary = list(predicates if within is None else within)
    if not any(predicate.inverse is not None for predicate in vocabulary):
        return
    yield from _unpaired(predicates, vocabulary)
    yield from end_clashes(predicates, vocabulary)


def _unpaired(
    predicates: Sequence[Predicate], vocabulary: list[Predicate]
) -> Iterator[tuple[int, str, tuple[str, ...], str]]:
    if not any(predicate.inverse is not None for predicate in predicates):
        return
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
        yield index, "inverse", (predicate.id, name) if third is None else (predicate.id, name, third), message


def end_clashes(
    predicates: Sequence[Predicate], vocabulary: Sequence[Predicate]
) -> Iterator[tuple[int, str, tuple[str, ...], str]]:
    """:func:`inverse_clashes` for the pairs (:func:`inverse_names` of ``vocabulary``) whose ends differ: kind, scale.

    "a gives b" at some rank is "b receives from a" at that rank: a pair is one relation,
    an event or a state, on one scale. Each end declaring a ``kind`` other than the other
    end's, or a ``scale`` and ``rank`` other than the other end's, is refused (the kind
    first), at the end declared later in ``vocabulary`` (the one that brings the clash),
    when it is one of ``predicates``. A scale declared at one end only is the pair's.
    The fields only figures use (``tolerance``, ``margin``, ``cumulative``) may differ:
    a claim written at the end read the other way round names an entity, so only the
    canonical end's are ever read. Raises nothing.
    """
    order = {predicate.id: number for number, predicate in enumerate(vocabulary)}
    declared = {predicate.id: predicate for predicate in vocabulary}
    inverses = inverse_names(vocabulary)
    ends = {**inverses, **{canonical: turned for turned, canonical in inverses.items()}}
    for index, predicate in enumerate(predicates):
        name = ends.get(predicate.id)
        other = None if name is None else declared.get(name)
        if other is None or order[other.id] > order.get(predicate.id, -1):
            continue
        if predicate.kind is not other.kind:
            message = (
                f"predicate {predicate.id!r} declares kind {predicate.kind.value!r}, but its"
                f" inverse {other.id!r} declares kind {other.kind.value!r}: {ONE_KIND}"
            )
            yield index, "kind", (predicate.id, other.id), message
        if predicate.scale is None or other.scale is None:
            continue
        if (predicate.scale, predicate.rank) == (other.scale, other.rank):
            continue
        message = (
            f"predicate {predicate.id!r} declares scale {predicate.scale!r} at rank {predicate.rank}, but its"
            f" inverse {other.id!r} declares scale {other.scale!r} at rank {other.rank}: {ONE_SCALE}"
        )
        yield index, "scale", (predicate.id, other.id), message


def paired_predicates(predicates: Iterable[Predicate]) -> dict[str, Predicate]:
    """The canonical end of each inverse pair whose other end is declared, as the pair reads: canonical id → predicate.

    Both ends' declarations count, through the inverse: the other end's ``functional``
    (one value per subject of the other end) is the canonical end's
    ``inverse_functional`` (one subject per object), and the other way round; a
    ``scale`` and ``rank`` declared at one end only are the pair's, and so is
    ``evaluative`` (a judgement of conduct read either way round), and so is ``accuses``
    (turned round: the inverse's accused object is the canonical end's subject). Only the pairs that
    read differently from their canonical end are listed. Raises nothing.
    """
    declared = {predicate.id: predicate for predicate in predicates}
    found: dict[str, Predicate] = {}
    for turned, canonical in inverse_names(declared.values()).items():
        own, other = declared.get(canonical), declared.get(turned)
        if own is None or other is None:
            continue
        functional = own.functional or other.inverse_functional
        inverse_functional = own.inverse_functional or other.functional
        scale, rank = (own.scale, own.rank) if own.scale is not None else (other.scale, other.rank)
        evaluative = own.evaluative or other.evaluative
        accuses = own.accuses if own.accuses is not Accused.BOTH else other.accuses.turned()
        if (functional, inverse_functional, scale, rank, evaluative, accuses) != (
            own.functional,
            own.inverse_functional,
            own.scale,
            own.rank,
            own.evaluative,
            own.accuses,
        ):
            found[canonical] = attrs.evolve(
                own,
                functional=functional,
                inverse_functional=inverse_functional,
                scale=scale,
                rank=rank,
                evaluative=evaluative,
                accuses=accuses,
            )
    return found


def exclusions(predicates: Iterable[Predicate]) -> dict[str, list[tuple[str, bool]]]:
    """Each canonical predicate's exclusive partners, both ways: canonical id → sorted ``(partner, turned)``.

    ``exclusive_with`` is honoured at either end of an inverse pair, read through the
    inverse: ``receives-from`` (``gives-to`` turned round) exclusive with ``owes`` says
    "a receives from b" and "a owes b" cannot both hold, so "b gives to a" excludes
    "a owes b": ``turned`` says the partner's subject and object are the other way
    round. A predicate exclusive with its own inverse excludes itself turned round
    ("a is a parent of b" and "b is a parent of a"). Names that are no declared
    predicate nor a known inverse are left out. Raises nothing.
    """
    found: dict[str, set[tuple[str, bool]]] = {}
    for (one, two, turned), _ in _exclusions(predicates):
        found.setdefault(one, set()).add((two, turned))
        found.setdefault(two, set()).add((one, turned))
    return {name: sorted(partners) for name, partners in found.items()}


def exclusion_names(predicates: Iterable[Predicate]) -> dict[tuple[str, str, bool], tuple[str, str]]:
    """``(canonical, canonical partner, turned)`` → the two names as ``exclusive_with`` declares them, both ways.

    A finding names its sides so (``holds-office``, ``no-longer-holds-office``), the
    same whichever end of an inverse pair is canonical; where one pair of canonical
    predicates is declared exclusive several times, the first declaration names it.
    Raises nothing.
    """
    found: dict[tuple[str, str, bool], tuple[str, str]] = {}
    for (one, two, turned), (first, second) in _exclusions(predicates):
        found.setdefault((one, two, turned), (first, second))
        found.setdefault((two, one, turned), (second, first))
    return found


def _exclusions(predicates: Iterable[Predicate]) -> Iterator[tuple[tuple[str, str, bool], tuple[str, str]]]:
    """``((canonical, canonical partner, turned), (name, partner's name))`` per declaration, in order."""
    declared = {predicate.id: predicate for predicate in predicates}
    inverses = inverse_names(declared.values())
    for predicate in declared.values():
        for name in predicate.exclusive_with:
            if name not in declared and name not in inverses:
                continue
            one, two = inverses.get(predicate.id, predicate.id), inverses.get(name, name)
            turned = (predicate.id in inverses) != (name in inverses)
            if one != two or turned:
                yield (one, two, turned), (predicate.id, name)


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
    declared = {**declared, **paired_predicates(predicates)}  # a rank declared at either end of a pair
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
