"""What an append must not do to earlier records: make a reference that resolved name something else.

A name resolves by rules (:class:`factlog.model._vocabulary.Vocabulary`): an id before an
alias, an alias before a name; a declared predicate before an inverse. So an append can
move a name from one record to another without leaving it unresolved: North Korea
redefined without the alias "Pyongyang" while a town is named "Pyongyang", a film given
the alias "North Korea" (an alias wins over North Korea's name), ``sends-to`` redefined
without its inverse ``takes-from`` while ``takes-from`` is declared a predicate of its
own, a new event aliased "the strike" (claims dated "two days after the strike" would
count from it). ``factlog validate`` finds
nothing wrong, but an earlier claim writing the name would say something else than it
said when it was appended. :func:`moved_entities` and :func:`moved_predicates` find the
names that move; :func:`moved_references` the earlier records' references that write
them, as strands (:class:`factlog.io._logrefs.Strand`) of their own message.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence, Set

from factlog.model._coherence import inverse_names
from factlog.model._nouns import Claim, Entity, Predicate, Source
from factlog.model._vocabulary import Vocabulary, fold
from factlog.model._written import WrittenWhen

__all__ = ["MOVED", "moved_entities", "moved_predicates", "moved_references"]

MOVED = " and would name "
"""What the message of a moved reference says (``'Pyongyang' names entity 'dprk' and would name entity 'town'``)."""


def moved_entities(before: Vocabulary, after: Vocabulary, forms: Iterable[str]) -> dict[str, tuple[str, str]]:
    """The folded names among ``forms`` that name one entity before and another after: name → (old id, new id).

    ``before`` and ``after`` must hold every entity bearing these names (as the append's
    check reads them); a name ambiguous or unknown on either side is not listed here.
    """
    return {
        form: (before.names[form], after.names[form])
        for form in sorted(forms)
        if form in before.names and form in after.names and before.names[form] != after.names[form]
    }


def moved_predicates(pre: Sequence[Predicate], post: Sequence[Predicate]) -> dict[str, tuple[str, str]]:
    """The names a claim may give as its predicate that say another relation after than before.

    A name is read as a predicate, forwards or the other way round (:func:`inverse_names`);
    its reading before, put in the terms of the predicates after (a declared pair may
    change which of its two is canonical), must be its reading after. ``supplies-weapons-to``
    with inverse ``receives-weapons-from``: declaring ``receives-weapons-from`` too keeps
    the pair (the predicate naming the other canonical), but ``sends-to``
    redefined without its inverse ``takes-from``, itself declared, leaves ``takes-from`` a
    predicate of its own, and its claims would say something else. name → (what it
    named, what it would name), each a predicate id with
    `` (read the other way round)`` where it is turned. A predicate declared with another
    ``inverse`` leaves the old inverse unresolved instead (:mod:`factlog.io._logrefs`).
    """
    before, after = inverse_names(pre), inverse_names(post)
    known = ({predicate.id for predicate in pre} | before.keys()) & (
        {predicate.id for predicate in post} | after.keys()
    )
    found: dict[str, tuple[str, str]] = {}
    for name in sorted(known):
        was, turned = before.get(name, name), name in before
        then = (after.get(was, was), turned != (was in after))  # the reading before, in the terms of after
        now = (after.get(name, name), name in after)
        if then != now:
            found[name] = (_reading(was, turned), _reading(*now))
    return found


def _reading(predicate: str, turned: bool) -> str:
    return f"predicate {predicate!r}" + (" (read the other way round)" if turned else "")


def moved_references(
    records: Iterable[Claim | Source | Entity | Predicate],
    entities: Mapping[str, tuple[str, str]],
    predicates: Mapping[str, tuple[str, str]],
    events: Set[str] = frozenset(),
) -> list[tuple[str, str, str, str]]:
    """(kind, id, field, message) of each reference of ``records`` that writes a moved name.

    ``entities`` as :func:`moved_entities` gives them, ``predicates`` as
    :func:`moved_predicates` does. A ``when`` in words counts from an event it names
    ("two days after the strike"): it is listed when its folded words hold a moved name
    that names an event (of ``events``, the ids of the events before or after) on either
    side. In the order of ``records``, then of their fields.
    """
    found: list[tuple[str, str, str, str]] = []
    for record in records:
        kind = type(record).__name__.casefold()
        for field, value in _entity_references(record):
            moved = entities.get(fold(value))
            if moved is not None:
                found.append((kind, record.id, field, f"{value!r} names entity {moved[0]!r}{MOVED}entity {moved[1]!r}"))
        when = record.proposition.when if isinstance(record, Claim) and record.proposition is not None else None
        if type(when) is WrittenWhen:
            words = f"-{fold(when.written)}-"
            for form, moved in entities.items():
                if f"-{form}-" in words and events & set(moved):
                    names = f"names entity {moved[0]!r}{MOVED}entity {moved[1]!r}"
                    found.append(
                        (kind, record.id, "proposition.when", f"{when.written!r} counts from {form!r}, which {names}")
                    )
        for field, value in _predicate_references(record):
            moved = predicates.get(value)
            if moved is not None:
                found.append((kind, record.id, field, f"{value!r} names {moved[0]}{MOVED}{moved[1]}"))
    return found


def _entity_references(record: object) -> Iterator[tuple[str, str]]:
    """(field, name as written) of each entity reference of a record, as ``factlog validate`` reads them."""
    # An affiliation, a whole and a party are looked up as written (an id, or an alias written as its folded form).
    if isinstance(record, Source):
        yield "publisher", record.publisher
    elif isinstance(record, Entity):
        links = [
            ("affiliation", record.affiliation),
            *((f"part_of[{n}]", whole) for n, whole in enumerate(record.part_of)),
        ]
        yield from ((field, link) for field, link in links if link is not None and fold(link) == link)
    elif isinstance(record, Claim):
        yield "attribution.holder", record.attribution.holder
        yield from ((f"attribution.via[{position}]", relay) for position, relay in enumerate(record.attribution.via))
        if record.regarding is not None and fold(record.regarding.party) == record.regarding.party:
            yield "regarding.party", record.regarding.party
        proposition = record.proposition
        if proposition is None:
            return
        yield "proposition.subject", proposition.subject
        if isinstance(proposition.object, str):
            yield "proposition.object", proposition.object
        elif isinstance(proposition.object, tuple):
            yield from ((f"proposition.object[{n}]", member) for n, member in enumerate(proposition.object))
        yield from ((f"proposition.qualifiers.{name}", value) for name, value in proposition.qualifiers)


def _predicate_references(record: object) -> Iterator[tuple[str, str]]:
    """(field, name) of each predicate reference of a record: a claim's predicate, a predicate's ``exclusive_with``."""
    if isinstance(record, Claim) and record.proposition is not None:
        yield "proposition.predicate", record.proposition.predicate
    elif isinstance(record, Predicate):
        yield from ((f"exclusive_with[{n}]", other) for n, other in enumerate(record.exclusive_with))
