"""Reference checks: every id a claim set mentions must be defined somewhere.

A single file of a corpus may lean on entities and predicates defined in another, so
references are checked against the merged set, but reported per file and JSON path.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

from factlog._echo import echoed
from factlog.errors import FormatError, UnknownIdError
from factlog.io._cycles import on_cycles
from factlog.model._claimset import ClaimSet, unvouched
from factlog.model._coherence import (
    inverse_object,
    inverse_problems,
    is_vocabulary_message,
    unranked,
    vocabulary_problems,
)
from factlog.model._nearest import nearest_entities, nearest_ids
from factlog.model._nouns import Claim, Entity
from factlog.model._quantities import Quantity
from factlog.model._stances import Regarding
from factlog.model._units import known_unit
from factlog.model._vocabulary import Vocabulary, alias_problems, slug

__all__ = ["answer_cycles", "refused_as", "unresolved"]


def unresolved(
    part: ClaimSet,
    within: ClaimSet,
    vocabulary: Vocabulary | None = None,
    *,
    vouched: bool = False,
    references: bool = True,
    failed: Mapping[str, str] | None = None,
) -> list[tuple[str, str]]:
    """``(path, message)`` for each reference in ``part`` that ``within`` does not define.

    ``failed`` maps the id of a claim that is defined but failed to load (its fields
    refused) to where it failed (``a.json: $.claims[0].proposition.when``): a reference
    to it is no problem of its own (it resolves once that record is mended), and an
    unknown claim id close to it is offered it ("did you mean"), with where it failed.

    ``vouched``: ``within`` holds every entity, predicate and source of ``part`` (a merge
    of it with others), so the claims the readers vouched for need no look
    (:mod:`factlog.io._interning`). Without ``references`` only what the predicates of
    ``within`` ask of each other and of the claims of ``part`` is looked at, as
    :class:`ClaimSet` does (:mod:`factlog.model._coherence`): ids may be defined in files
    not read. The predicates of ``part`` whose ``inverse`` the predicates of ``within``
    cannot pair one to one come first (:func:`~factlog.model._coherence.inverse_problems`).
    """
    paired = [(f"$.{path}", message) for path, message in inverse_problems(part.predicates, within.predicates)]
    if not references:
        return [
            *paired,
            *((f"$.{path}", message) for path, message in vocabulary_problems(within.predicates, part.claims)),
        ]
    vocabulary = vocabulary or Vocabulary.of(within)
    return [
        *paired,
        *_problems(part, within, vocabulary, vouched=vouched, failed=failed or {}),
        *_margin_problems(part, within, vocabulary),
        *_cycle_problems(part, within, vocabulary.names),
    ]


def refused_as(messages: Iterable[str]) -> type[FormatError]:
    """The error :func:`unresolved`'s problems are raised as: the same class with or without ``references``.

    :class:`~factlog.UnknownIdError` when one of them is the reference check's own (an id
    or name defined nowhere, and the cycles, aliases and margins it looks at); a
    :class:`~factlog.FormatError` when all are what the set's predicates ask of its claims,
    which ``references=False`` reports too (:func:`factlog.model._coherence.vocabulary_problems`).
    """
    return FormatError if all(map(is_vocabulary_message, messages)) else UnknownIdError


_SUGGESTED = 100
"""How many distinct unknown names a reference check offers the nearest entities for (each costs a fuzzy search)."""


class _Unknown:
    """``unknown entity 'Rusia'; did you mean 'russia' (Russia)?``: each unknown name's message, found once.

    The nearest entities (:func:`~factlog.model._nearest.nearest_entities`, as ``factlog
    show`` offers them) are looked for among ``entities`` for the first
    :data:`_SUGGESTED` distinct names only: a file naming thousands of unknown entities
    is read in bounded time, and the message of a name past them says no more than
    "unknown entity".
    """

    def __init__(self, entities: Sequence[Entity]) -> None:
        self.entities = entities
        self.said: dict[str, str] = {}

    def __call__(self, value: str) -> str:
        message = self.said.get(value)
        if message is None:
            message = f"unknown entity {echoed(value)}"
            if len(self.said) < _SUGGESTED and (near := nearest_entities(self.entities, value)):
                message += "; did you mean " + " or ".join(f"{e.id!r} ({e.name})" for e in near) + "?"
            self.said[value] = message
        return message


class _UnknownId:
    """``unknown source 'relase'; did you mean 'release'?``: the message of a source or claim id defined nowhere.

    The nearest ids (:func:`~factlog.model._nearest.nearest_ids`) are looked for among
    ``ids`` and those of ``failed`` for the first :data:`_SUGGESTED` distinct ids only, as
    :class:`_Unknown` does. An id of ``failed`` (defined, but its record failed to load:
    id to where it failed) is offered with where it failed: ``did you mean 'release'
    (defined but failed to load: see the error at a.json: $.claims[0].when)?``.
    """

    def __init__(self, kind: str, ids: Callable[[], Iterable[str]], failed: Mapping[str, str] | None = None) -> None:
        self.kind = kind
        self.ids = ids
        self.failed = failed or {}
        self.said: dict[str, str] = {}

    def __call__(self, value: str) -> str:
        message = self.said.get(value)
        if message is None:
            message = f"unknown {self.kind} {echoed(value)}"
            if len(self.said) < _SUGGESTED and (near := nearest_ids([*self.ids(), *self.failed], value)):
                message += "; did you mean " + " or ".join(map(self._offered, near)) + "?"
            self.said[value] = message
        return message

    def _offered(self, near: str) -> str:
        """An id offered for a typo, with where it failed to load when it did."""
        where = self.failed.get(near)
        return repr(near) if where is None else f"{near!r} (defined but failed to load: see the error at {where})"


def _entity(vocabulary: Vocabulary, value: str, unknown: Callable[[str], str]) -> str | None:
    """What is wrong with an entity reference (id, alias or name as written), or None."""
    if value in vocabulary.names or vocabulary.knows_entity(value):
        return None
    candidates = vocabulary.candidates(value)
    if candidates:
        return f"ambiguous name {echoed(value)}: it names entities {', '.join(candidates)}; write one of their ids"
    return unknown(value)


def _source_problems(
    part: ClaimSet,
    vocabulary: Vocabulary,
    sources: Mapping[str, object],
    unknown: Callable[[str], str],
    unknown_source: Callable[[str], str],
) -> Iterator[tuple[str, str]]:
    """A source's publisher and the sources it derives from must be defined."""
    for index, source in enumerate(part.sources):
        if source.publisher not in vocabulary.names and (problem := _entity(vocabulary, source.publisher, unknown)):
            yield f"$.sources[{index}].publisher", problem
        for position, other in enumerate(source.derived_from):
            if other not in sources:
                yield f"$.sources[{index}].derived_from[{position}]", unknown_source(other)


def _claims_to_check(part: ClaimSet, vocabulary: Vocabulary, vouched: bool) -> Iterable[tuple[int, Claim]]:
    """The claims of ``part`` (with their positions) whose references must be looked at.

    A claim the readers vouched for names only entities, predicates and sources its own
    set defines, and so ``within`` too, and no qualifiers, claims or pattern. Its one
    other problem, an inverse predicate with an object that is no entity, needs a
    predicate both declared and an inverse: with one, every claim is looked at.
    """
    left = unvouched(part) if vouched else None
    if left is None or any(name in vocabulary.predicates for name in vocabulary.inverses):
        return enumerate(part.claims)
    if not left:
        return ()
    wanted = set(map(id, left))
    return [(index, claim) for index, claim in enumerate(part.claims) if id(claim) in wanted]


def _problems(
    part: ClaimSet, within: ClaimSet, vocabulary: Vocabulary, *, vouched: bool, failed: Mapping[str, str]
) -> Iterator[tuple[str, str]]:
    # Paths are only formatted for problems: the common case is a set with none, read fast.
    # Affiliations are ids, and an id is its own folded form, so ``in names`` is
    # ``Vocabulary.knows_entity`` there; claims and publishers may name entities as written.
    names = vocabulary.names
    sources = within.source_by_id
    inverses = vocabulary.inverses
    unknown = _Unknown(within.entities)
    unknown_source = _UnknownId("source", lambda: sources)
    unknown_predicate = _UnknownId("predicate", lambda: [*vocabulary.predicates, *inverses])
    yield from alias_problems(part.entities)
    for index, item in enumerate(part.entities):
        if item.affiliation is not None and item.affiliation not in names:
            yield f"$.entities[{index}].affiliation", unknown(item.affiliation)
        for position, whole in enumerate(item.part_of):
            if whole not in names:
                yield f"$.entities[{index}].part_of[{position}]", unknown(whole)
    for index, predicate in enumerate(part.predicates):
        for position, other in enumerate(predicate.exclusive_with):
            if not vocabulary.knows_predicate(other):
                yield f"$.predicates[{index}].exclusive_with[{position}]", unknown_predicate(other)
    yield from _source_problems(part, vocabulary, sources, unknown, unknown_source)
    for index, claim in _claims_to_check(part, vocabulary, vouched):
        attribution = claim.attribution
        if attribution.holder not in names and (problem := _entity(vocabulary, attribution.holder, unknown)):
            yield f"$.claims[{index}].attribution.holder", problem
        # Most claims have no relay and one piece of evidence: no loop is begun for them.
        if attribution.via:
            for position, relay in enumerate(attribution.via):
                if relay not in names and (problem := _entity(vocabulary, relay, unknown)):
                    yield f"$.claims[{index}].attribution.via[{position}]", problem
        evidence = claim.evidence
        if len(evidence) != 1 or evidence[0].source not in sources:
            for position, piece in enumerate(evidence):
                if piece.source not in sources:
                    yield f"$.claims[{index}].evidence[{position}].source", unknown_source(piece.source)
        if claim.answers or claim.regarding is not None:
            yield from _link_problems(index, claim, within, (names, failed), unknown)
        proposition = claim.proposition
        if proposition is None:
            continue
        if proposition.subject not in names and (problem := _entity(vocabulary, proposition.subject, unknown)):
            yield f"$.claims[{index}].proposition.subject", problem
        declared = vocabulary.predicate(proposition.predicate)  # a rank declared at either end of a pair
        if declared is None:
            yield f"$.claims[{index}].proposition.predicate", unknown_predicate(proposition.predicate)
        if proposition.qualifiers:
            for qualifier, value in proposition.qualifiers:
                if vocabulary.candidates(value):
                    yield (
                        f"$.claims[{index}].proposition.qualifiers.{qualifier}",
                        str(_entity(vocabulary, value, unknown)),
                    )
        target = proposition.object
        if isinstance(target, str):
            if target not in names and (problem := _entity(vocabulary, target, unknown)):
                yield f"$.claims[{index}].proposition.object", problem
        elif isinstance(target, tuple):
            for position, member in enumerate(target):
                if member not in names and (problem := _entity(vocabulary, member, unknown)):
                    yield f"$.claims[{index}].proposition.object[{position}]", problem
        elif proposition.predicate in inverses:
            yield (
                f"$.claims[{index}].proposition.object",
                inverse_object(claim.id, proposition.predicate, inverses[proposition.predicate]),
            )
        pattern = claim.pattern
        if pattern is not None and pattern.highest_since is not None and declared and declared.scale is None:
            yield f"$.claims[{index}].pattern.highest_since", unranked(claim.id, declared.id)


def _link_problems(
    index: int,
    claim: Claim,
    within: ClaimSet,
    known: tuple[Mapping[str, str], Mapping[str, str]],
    unknown: Callable[[str], str],
) -> Iterator[tuple[str, str]]:
    """The claims a claim answers or regards must be defined (``claim_by_id`` is built here: most sets link none).

    ``known`` is the names of entities and the claims that failed to load (where each failed).
    """
    names, failed = known
    claims = within.claim_by_id
    unknown_claim = _UnknownId("claim", lambda: claims, failed)
    for position, answered in enumerate(claim.answers):
        if answered not in claims and answered not in failed:  # not the claim itself: Claim refuses that
            yield f"$.claims[{index}].answers[{position}]", unknown_claim(answered)
    if claim.regarding is not None:
        yield from _regarding_problems(
            f"$.claims[{index}].regarding", claim.regarding, claims, names, unknown, unknown_claim=unknown_claim
        )


def _margin_problems(part: ClaimSet, within: ClaimSet, vocabulary: Vocabulary) -> Iterator[tuple[str, str]]:
    """A margin's unit must convert (pint knows it) or be the word the predicate's figures give."""
    figure_units: dict[str, set[str]] | None = None
    for index, predicate in enumerate(part.predicates):
        unit = None if predicate.margin is None else predicate.margin.unit
        if unit is None or known_unit(unit):
            continue
        figure_units = _figure_units(within, vocabulary) if figure_units is None else figure_units
        if slug(unit) not in figure_units.get(predicate.id, set()):
            yield (
                f"$.predicates[{index}].margin.unit",
                f"{unit!r} is not a unit pint knows, nor one a figure of {predicate.id!r} gives:"
                " the margin cannot be compared with any figure (leave the unit out for a plain count)",
            )


def _figure_units(claims: ClaimSet, vocabulary: Vocabulary) -> dict[str, set[str]]:
    """The units the figures of each predicate give (as slugs), by predicate id."""
    found: dict[str, set[str]] = {}
    for claim in claims.claims:
        proposition = claim.proposition
        if proposition is not None and isinstance(proposition.object, Quantity) and proposition.object.unit:
            declared = vocabulary.predicate(proposition.predicate)
            if declared is not None:
                found.setdefault(declared.id, set()).add(slug(proposition.object.unit))
    return found


def _regarding_problems(
    path: str,
    regarding: Regarding,
    claims: Mapping[str, object],
    names: Mapping[str, str],
    unknown: Callable[[str], str],
    *,
    unknown_claim: _UnknownId,
) -> Iterator[tuple[str, str]]:
    if regarding.party not in names:
        yield f"{path}.party", unknown(regarding.party)
    for position, other in enumerate(regarding.claims):
        if other not in claims and other not in unknown_claim.failed:  # not the claim itself: Claim refuses that
            yield f"{path}.claims[{position}]", unknown_claim(other)


def _cycle_problems(part: ClaimSet, within: ClaimSet, names: Mapping[str, str]) -> Iterator[tuple[str, str]]:
    """Links of ``part`` on a cycle of ``part_of``, ``affiliation``, ``derived_from`` or ``answers`` (in ``within``).

    The links of ``within`` are only gathered when ``part`` has entities or sources to
    report, or claims that answer others: a batch of claims checked against a file's
    tables costs a look at each claim's ``answers`` here.
    """
    yield from _answer_cycles(part, within)
    entities = within.entities if part.entities else ()
    contains = {e.id: [names.get(whole, whole) for whole in e.part_of] for e in entities if e.part_of}
    if contains:
        cyclic = on_cycles(contains)
        for index, item in enumerate(part.entities):
            for position, whole in enumerate(item.part_of):
                if (item.id, names.get(whole, whole)) in cyclic:
                    yield (
                        f"$.entities[{index}].part_of[{position}]",
                        "part_of makes a cycle: " + _closes(item.id, names.get(whole, whole), "lies within"),
                    )
    speaks = {e.id: [names.get(e.affiliation, e.affiliation)] for e in entities if e.affiliation is not None}
    if speaks:
        cyclic = on_cycles(speaks)
        for index, item in enumerate(part.entities):
            if item.affiliation is not None and (item.id, names.get(item.affiliation, item.affiliation)) in cyclic:
                yield (
                    f"$.entities[{index}].affiliation",
                    "affiliation makes a cycle: "
                    + _closes(item.id, names.get(item.affiliation, item.affiliation), "speaks for"),
                )
    copies = {s.id: list(s.derived_from) for s in (within.sources if part.sources else ()) if s.derived_from}
    if copies:
        cyclic = on_cycles(copies)
        for index, source in enumerate(part.sources):
            for position, parent in enumerate(source.derived_from):
                if (source.id, parent) in cyclic:
                    yield (
                        f"$.sources[{index}].derived_from[{position}]",
                        "derived_from makes a cycle: " + _closes(source.id, parent, "derives from"),
                    )


def _answer_cycles(part: ClaimSet, within: ClaimSet) -> Iterator[tuple[str, str]]:
    """``answers`` links of ``part`` on a cycle of answers among the claims of ``within``."""
    if any(claim.answers for claim in part.claims):
        for index, position, message in answer_cycles(part.claims, within.claims):
            yield f"$.claims[{index}].answers[{position}]", message


def answer_cycles(part: Sequence[Claim], every: Iterable[Claim]) -> Iterator[tuple[int, int, str]]:
    """``(index, position, message)`` for each ``answers`` link of ``part[index]`` on a cycle of answers in ``every``.

    ``every``: the claims a reply may reach (``part`` among them); a link to a claim not
    among them leads nowhere. The message names the link: "answers makes a cycle: 'c1'
    answers 'c2', which answers 'c1' (directly or through others)".
    """
    replies = {claim.id: list(claim.answers) for claim in every if claim.answers}
    cyclic = on_cycles(replies) if replies else set()
    if not cyclic:
        return
    for index, claim in enumerate(part):
        for position, answered in enumerate(claim.answers):
            if (claim.id, answered) in cyclic:
                yield index, position, "answers makes a cycle: " + _closes(claim.id, answered, "answers")


def _closes(start: str, end: str, verb: str) -> str:
    """The link ``start`` → ``end`` as written, and how it comes back: "'a' lies within 'b', which lies within 'a'"."""
    if start == end:
        return f"{start!r} {verb} itself"
    return f"{start!r} {verb} {end!r}, which {verb} {start!r} (directly or through others)"
