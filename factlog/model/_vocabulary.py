"""Normalisation: one canonical form for propositions that say the same thing.

Before anything compares claims, names are made canonical:

* an entity named by id, by any alias or by its name (matched after :func:`fold`:
  Unicode NFC, full case folding, spaces as hyphens) becomes its id — ``Pyongyang``,
  ``DPRK`` and ``north-korea`` all become ``dprk``; ids win over aliases, aliases over
  names, and a name two entities share resolves to neither (see
  :meth:`Vocabulary.candidates`);
* a proposition written with a declared inverse predicate is turned around
  (``russia receives-weapons-from dprk`` becomes ``dprk supplies-weapons-to russia``);
* a symmetric predicate gets its two entities in sorted order;
* a figure with a unit pint reads is held in that unit's base units, to 31 significant
  bits (:func:`~factlog.model._units.base_figure`; a temperature never finer than
  2**-22 K: -273.14 degC is 0.01 K): "600 km", "600 kilometres" and "600,000 m" are
  one proposition, and so are "1 mile" and "1.609344 km"; the unit is read as
  :func:`~factlog.model._units.unit_reading` reads it (a symbol as written, never
  case-folded for pint: "Mbps" is megabits a second, "MBPS" an opaque word; a unit's
  name in any case: "Celsius" is "celsius"), and an opaque unit is held as its folded
  spelling ("Troops" is "troops").

:func:`Vocabulary.key` then gives a :data:`PropositionKey` equal for two propositions
exactly when they say the same thing (valid time aside: time is compared by the rules).
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable, Iterator
from typing import Any, TypeAlias, cast

import attrs

from factlog.model._claimset import ClaimSet
from factlog.model._coherence import exclusion_names, exclusions, inverse_names, paired_predicates
from factlog.model._literals import Object
from factlog.model._nouns import DateValue, Entity, Predicate, Proposition, Quantity, TextValue
from factlog.model._units import base_figure, base_unit, figure_floor, unit_reading

__all__ = ["PropositionKey", "Vocabulary", "shown_form", "unit_slug", "written_key"]

ObjectKey: TypeAlias = tuple[str, ...] | tuple[str, float | None, float, float, str, *tuple[str, ...]] | None
PropositionKey: TypeAlias = tuple[str, str, ObjectKey, tuple[tuple[str, str], ...]]
"""``(subject, predicate, object, qualifiers)`` in canonical form."""


def fold(name: str) -> str:
    """The form names are matched in: NFC, full case folding, runs of spaces as one hyphen.

    Full case folding (:meth:`str.casefold`, Unicode CaseFolding.txt) turns ``İ`` into
    ``i`` and a combining dot above; the dot is dropped so that ``İstanbul`` meets
    ``istanbul``, as it does a decomposed spelling (``Zu\u0308rich`` meets ``Zürich``).
    """
    folded = unicodedata.normalize("NFC", unicodedata.normalize("NFC", name).casefold())
    return "-".join(folded.replace("i\u0307", "i").split())


slug = fold


def object_key(value: object) -> ObjectKey:
    """A hashable, canonical form of an (already normalised) proposition object.

    A figure with a unit is held in base units (see the module's docs): equal for one
    figure in any spelling of its unit; :func:`written_key` keeps the unit as written.
    """
    if value is None:
        return None
    if isinstance(value, str):
        return ("entity", value)
    if isinstance(value, Quantity):  # the commonest object after an entity: its bounds computed once
        amount = None if value.amount is None else float(value.amount)
        low, high = float(value.bounds[0]), float(value.bounds[1])
        unit = value.unit
        if unit:
            unit, scale, offset = _unit_key(unit)
            if scale is not None:  # a pint unit: the figure in its base units
                floor = figure_floor(unit)
                amount = None if amount is None else base_figure(amount, scale, offset, floor)
                low, high = base_figure(low, scale, offset, floor), base_figure(high, scale, offset, floor)
        key = ("quantity", amount, low, high, unit or "")
        return key if value.estimate is None else (*key, value.estimate.value)
    if isinstance(value, tuple):
        return ("entities", *sorted(value))
    if isinstance(value, TextValue):
        return ("text", " ".join(value.text.casefold().split()))
    assert isinstance(value, DateValue)
    return ("date", str(value.date))


def written_key(value: object) -> ObjectKey:
    """:func:`object_key` of an object with a figure's unit as written: what a value is named by in output.

    ``object_key`` holds a figure with a unit in its base units ("600 km" and "600
    kilometres" are ``("quantity", 600000.0, 600000.0, 600000.0, "meter")``), to compare;
    this keeps ``("quantity", 600.0, 600.0, 600.0, "km")``, to show.
    """
    if not isinstance(value, Quantity) or not value.unit:
        return object_key(value)
    amount = None if value.amount is None else float(value.amount)
    key = ("quantity", amount, float(value.bounds[0]), float(value.bounds[1]), value.unit)
    return key if value.estimate is None else (*key, value.estimate.value)


@functools.cache
def _unit_key(unit: str) -> tuple[str, float | None, float]:
    """The unit a key holds a figure in, with the scale and offset to it (:func:`~factlog.model._units.base_unit`).

    An opaque unit ("troops", "MBPS") is kept as its folded spelling ("Troops" is
    "troops"), its figures as they are (scale None); one whose folded spelling is a
    base unit's name ("Meter") is marked, so as not to meet that unit's figures. Looked
    up once a spelling.
    """
    found = base_unit(unit)
    if found is not None:
        return found
    folded = fold(unit)
    named = base_unit(folded)
    return (f"{folded} (as written)" if named is not None and named[0] == folded else folded), None, 0.0


def unit_slug(unit: str) -> str:
    """What two spellings of one unit share, to compare units as :func:`~factlog.analysis._values.convert` does.

    pint's reading (:func:`~factlog.model._units.unit_reading`) of a unit pint reads
    ("degrees Celsius" and "degC" both ``degC``; "MW" and "mW" apart), the folded
    spelling of an opaque one ("Troops" and "troops" one; "KM" and "Km" one, and no
    pint unit).
    """
    reading = unit_reading(unit)
    return f"opaque:{fold(unit)}" if reading is None else reading


def shown_form(
    objects: Iterable[Object | None], reprs: dict[int, tuple[Object | None, str]] | None = None
) -> Object | None:
    """Of objects with one :func:`object_key` (``'Acme Corp'`` and ``'ACME  corp'``, 3 and 3.0), the one to show.

    The form most of them take, ties broken by the smallest ``repr``: never the order the
    claims come in or their ids. ``reprs`` remembers each object's ``repr`` across calls,
    by its ``id`` (with the object, so that no other takes its id while the dict lives):
    a check names one claim's figure in the findings of several rules. Raises ValueError
    when ``objects`` is empty.
    """
    counts: dict[str, list[Any]] = {}
    for obj in objects:
        if reprs is None:
            text = repr(obj)
        else:
            found = reprs.get(id(obj))
            if found is None or found[0] is not obj:
                found = reprs[id(obj)] = (obj, repr(obj))
            text = found[1]
        counts.setdefault(text, [0, obj])[0] += 1
    if not counts:
        raise ValueError("no object to show")
    _, (_, chosen) = min(counts.items(), key=lambda item: (-item[1][0], item[0]))
    return cast(Object | None, chosen)


@attrs.frozen
class Vocabulary:
    """The name and predicate lookups of one claim set."""

    names: dict[str, str]
    predicates: dict[str, Predicate]
    inverses: dict[str, str]
    ambiguous: dict[str, tuple[str, ...]] = attrs.field(factory=dict)
    """Folded names that several entities bear, with their ids."""
    labels: dict[str, str] = attrs.field(factory=dict)
    """Entity id to display name."""
    paired: dict[str, Predicate] = attrs.field(factory=dict)
    """The canonical end of an inverse pair as both ends declare it (``_coherence.paired_predicates``)."""
    exclusive: dict[str, list[tuple[str, bool]]] = attrs.field(factory=dict)
    """Canonical predicate id → its exclusive partners, each turned round or not (``_coherence.exclusions``)."""
    exclusive_names: dict[tuple[str, str, bool], tuple[str, str]] = attrs.field(factory=dict)
    """The names ``exclusive_with`` declares each exclusion with (``_coherence.exclusion_names``)."""

    @classmethod
    def of(cls, claims: ClaimSet) -> Vocabulary:
        """The vocabulary a claim set defines (conflicting aliases resolve to the first); raises nothing."""
        names: dict[str, str] = {}
        for entity in claims.entities:
            names.setdefault(fold(entity.id), entity.id)
        for entity in claims.entities:
            for alias in entity.aliases:
                names.setdefault(fold(alias), entity.id)
        bearers: dict[str, list[str]] = {}
        for entity in claims.entities:
            folded = fold(entity.name)
            if folded not in names and entity.id not in bearers.setdefault(folded, []):
                bearers[folded].append(entity.id)
        ambiguous = {}
        for folded, ids in bearers.items():
            if len(ids) == 1:
                names[folded] = ids[0]
            else:
                ambiguous[folded] = tuple(sorted(ids))
        labels = {entity.id: entity.name for entity in claims.entities}
        predicates = claims.predicates
        return cls(
            names,
            dict(claims.predicate_by_id),
            inverse_names(predicates),
            ambiguous,
            labels,
            paired_predicates(predicates),
            exclusions(predicates),
            exclusion_names(predicates),
        )

    def entity(self, name: str) -> str:
        """The canonical id of an entity id, alias or name as written.

        This is the one resolution of entity references factlog has. Unknown and
        ambiguous names come back as given, nothing is raised (loading refuses both, see
        :func:`factlog.io._references.unresolved`).
        """
        found = self.names.get(name)  # an id is its own folded form: the common case needs no folding
        return found if found is not None else self.names.get(fold(name), name)

    def knows_entity(self, name: str) -> bool:
        """Whether a name is an entity id, alias or (unambiguous) name; raises nothing."""
        return name in self.names or fold(name) in self.names

    def candidates(self, name: str) -> tuple[str, ...]:
        """The ids of the entities an ambiguous name may mean, sorted; ``()`` when it is not ambiguous (no raise)."""
        return () if name in self.names else self.ambiguous.get(fold(name), ())

    def name(self, entity: str) -> str:
        """The display name of an entity given by id, alias or name; unknown ones as given, nothing raised."""
        return self.labels.get(self.entity(entity), entity)

    def knows_predicate(self, name: str) -> bool:
        """Whether a name is a declared predicate or a declared inverse; raises nothing."""
        return name in self.predicates or name in self.inverses

    def predicate(self, name: str) -> Predicate | None:
        """The canonical predicate a name (or its inverse) stands for, as both ends of a pair declare it.

        None for an unknown name (no raise).
        """
        canonical = self.inverses.get(name, name)
        return self.paired.get(canonical) or self.predicates.get(canonical)

    def normalise(self, proposition: Proposition) -> Proposition:
        """The canonical form of a proposition (the same object when it is canonical already).

        Raises nothing: names the vocabulary does not know are kept as written.
        """
        subject, predicate, obj, qualifiers = parts = self.normal_parts(proposition)
        if parts == (proposition.subject, proposition.predicate, proposition.object, proposition.qualifiers):
            return proposition
        return attrs.evolve(proposition, subject=subject, predicate=predicate, object=obj, qualifiers=qualifiers)

    def normal_parts(self, proposition: Proposition) -> tuple[str, str, Object | None, tuple[tuple[str, str], ...]]:
        """``(subject, predicate, object, qualifiers)`` of the canonical form of a proposition; raises nothing.

        What :meth:`normalise` makes its proposition of (an index makes most of its own).
        """
        subject = self.entity(proposition.subject)
        obj = proposition.object
        if isinstance(obj, str):
            obj = self.entity(obj)
        elif isinstance(obj, tuple):
            obj = tuple(self.entity(item) for item in obj)
        predicate = proposition.predicate
        canonical = self.inverses.get(predicate)
        if canonical is not None and isinstance(obj, str):
            subject, obj, predicate = obj, subject, canonical
        declared = self.predicates.get(predicate)
        if declared is not None and declared.symmetric and isinstance(obj, str) and obj < subject:
            subject, obj = obj, subject
        qualifiers = tuple((name, self.entity(value)) for name, value in proposition.qualifiers)
        return subject, predicate, obj, qualifiers

    def key(self, proposition: Proposition) -> PropositionKey:
        """The canonical key of a proposition, without its valid time; raises nothing (see :meth:`normalise`).

        ``(subject, predicate, object key, qualifiers)``: the object key is ``None``,
        ``("entity", id)``, ``("entities", *sorted ids)``, ``("text", folded text)``,
        ``("date", text)`` or ``("quantity", amount, low, high, unit[, estimate])``, a
        figure with a unit in its base units (``"meter"`` for "600 km", as 600000.0).
        """
        return canonical_key(self.normalise(proposition))


def canonical_key(normal: Proposition) -> PropositionKey:
    """The key of a proposition that is already normalised."""
    return (normal.subject, normal.predicate, object_key(normal.object), normal.qualifiers)


def alias_problems(entities: tuple[Entity, ...]) -> Iterator[tuple[str, str]]:
    """``(path, message)`` for every alias that names two entities."""
    owner: dict[str, str] = {}
    for entity in entities:
        owner.setdefault(slug(entity.id), entity.id)
    for index, entity in enumerate(entities):
        for position, alias in enumerate(entity.aliases):
            found = owner.setdefault(slug(alias), entity.id)
            if found != entity.id:
                yield (
                    f"$.entities[{index}].aliases[{position}]",
                    f"alias {alias!r} already names entity {found!r}",
                )
