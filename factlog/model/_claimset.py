"""The claim set: everything one analysis knows, and how sets merge.

A :class:`ClaimSet` holds entities, predicates, sources, claims and acknowledged
findings. Ids are unique within each collection; merging two sets keeps one copy of
what both define identically and raises :class:`~factlog.errors.ConflictError` for an
id defined twice differently, never overwriting silently.
"""

from __future__ import annotations

import operator
from collections.abc import Collection, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
from attrs import validators as v

from factlog.errors import ConflictError, expect
from factlog.model._cached import cached_slot
from factlog.model._coherence import inverse_problems, vocabulary_problems
from factlog.model._differences import differences
from factlog.model._fields import instance_of
from factlog.model._nouns import Acknowledgement, Claim, Entity, FieldError, Predicate, Source

__all__ = [
    "NOT_WRITTEN",
    "ClaimSet",
    "expect_claim_set",
    "may_have_floats",
    "may_have_words",
    "read_claim_set_of",
    "rearranged",
    "unvouched",
    "vouch",
]


def _unique(instance: object, attribute: attrs.Attribute[Any], value: Sequence[Any]) -> None:
    del instance
    # The items are all of the section's class (checked first): one C pass finds there is no repeat.
    key = "finding" if value and isinstance(value[0], Acknowledgement) else "id"
    keys = list(map(operator.attrgetter(key), value))
    if len(set(keys)) == len(keys):
        return
    seen: dict[str, int] = {}
    for index, item in enumerate(value):
        key = item.finding if isinstance(item, Acknowledgement) else item.id
        if key in seen:
            field = "finding" if isinstance(item, Acknowledgement) else "id"
            where = f"$.{attribute.name}[{seen[key]}]"
            first = value[seen[key]]
            how = (
                f"differently (first at {where}): {differences(item, first)}"
                if item != first
                else f"identically (first at {where}): one file defines each id once; remove one"
            )
            raise FieldError(f"{attribute.name}[{index}].{field}", f"{key!r} is defined twice, {how}")
        seen[key] = index


def _collection(kind: type) -> Any:
    return attrs.field(
        default=(),
        validator=[v.deep_iterable(instance_of(kind), instance_of(tuple)), _unique],
    )


class _Maps:
    """Where a :class:`ClaimSet` keeps its maps by id once built (see :mod:`factlog.model._cached`).

    And, for a set the readers made, the claims whose references they could not vouch
    for, whether any ``when`` was read in words, and whether any claim's quantity holds
    a float (:func:`vouch`).
    """

    __slots__ = (
        "_claim_by_id",
        "_entity_by_id",
        "_floats",
        "_predicate_by_id",
        "_source_by_id",
        "_unvouched",
        "_words",
    )


@attrs.frozen(kw_only=True)
class ClaimSet(_Maps):
    """Entities, predicates, sources, claims and acknowledged findings.

    ``bases`` (not part of the JSON, nor of equality) maps a source id to the folder its
    ``document`` path is relative to (:func:`factlog.load` gives absolute paths, so a later
    :func:`os.chdir` leaves the documents where they were); ``acknowledged_at`` (likewise) maps an acknowledged
    finding id to where its acknowledgement was read (``a.json: $.acknowledged[0]``; in
    JSON Lines its line, ``b.jsonl:7``, noted as the file is read a line at a time, or, for
    a file read whole, found by reading it again when first looked up); ``sources_at``
    (likewise) maps a source id to where its record was read (``a.json: $.sources[3]``;
    in JSON Lines its line, ``b.jsonl:7``, noted as the file is read), so a problem with
    its document names the field to mend (``b.jsonl:7: $.document``). :func:`factlog.load`
    fills all three in.

    Ids another file may define are not looked up here, as one file of a corpus leans on
    the others: a holder, publisher or relay naming no entity, a ``derived_from`` naming
    no source of the set. Every consumer takes them (``check``, ``assess``, the report,
    the exports); :func:`factlog.load` refuses them unless ``references=False``.

    Raises :class:`~factlog.FieldError` for an id given twice in a section, for a
    predicate whose ``inverse`` cannot be paired, naming the predicates and the field
    (``predicates[1].inverse``: a name made the inverse of two predicates, an inverse
    naming a third predicate as its own, or one declared symmetric), and for a claim its
    own predicates refuse, naming the claim and the field
    (``claims[3].proposition.object``): a declared inverse predicate with no entity for
    its object, a ``highest_since`` pattern on a predicate without rank
    (:mod:`factlog.model._coherence`; :func:`factlog.load` refuses the same);
    :class:`~factlog.FieldTypeError` for an item of the wrong class.
    """

    entities: tuple[Entity, ...] = _collection(Entity)
    predicates: tuple[Predicate, ...] = _collection(Predicate)
    sources: tuple[Source, ...] = _collection(Source)
    claims: tuple[Claim, ...] = _collection(Claim)
    acknowledged: tuple[Acknowledgement, ...] = _collection(Acknowledgement)
    bases: Mapping[str, str] = attrs.field(factory=dict, eq=False, repr=False)
    acknowledged_at: Mapping[str, str] = attrs.field(factory=dict, eq=False, repr=False)
    sources_at: Mapping[str, str] = attrs.field(factory=dict, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        # What the set's own predicates ask of each other and of its claims (the loader checks it on the merged set).
        for field, message in inverse_problems(self.predicates):
            raise FieldError(field, message)
        for field, message in vocabulary_problems(self.predicates, self.claims):
            raise FieldError(field, message)

    @cached_slot
    def entity_by_id(self) -> Mapping[str, Entity]:
        """Entities by id."""
        return {item.id: item for item in self.entities}

    @cached_slot
    def predicate_by_id(self) -> Mapping[str, Predicate]:
        """Predicates by id."""
        return {item.id: item for item in self.predicates}

    @cached_slot
    def source_by_id(self) -> Mapping[str, Source]:
        """Sources by id."""
        return {item.id: item for item in self.sources}

    @cached_slot
    def claim_by_id(self) -> Mapping[str, Claim]:
        """Claims by id."""
        return {item.id: item for item in self.claims}

    def sharing_tables(self, claims: tuple[Claim, ...]) -> ClaimSet:
        """These entities, predicates, sources, acknowledgements and bases with other claims.

        For the batches of a file read in parts (:func:`factlog.check_lines`): the tables
        are this set's own objects, already checked, and their id maps are shared, so a
        batch costs what its claims cost, not what the tables cost. Only the claims are
        checked (their ids unique within ``claims``). Raises :class:`~factlog.FieldTypeError`
        for a member that is no :class:`Claim` and :class:`~factlog.FieldError` for an id
        given twice.
        """
        part = object.__new__(ClaimSet)
        fill = object.__setattr__
        for field in attrs.fields(ClaimSet):
            fill(part, field.name, claims if field.name == "claims" else getattr(self, field.name))
        field = attrs.fields(ClaimSet).claims
        assert field.validator is not None
        field.validator(part, field, claims)
        for shared in ("entity_by_id", "predicate_by_id", "source_by_id"):
            fill(part, shared, getattr(self, shared))
        return part

    def document_path(self, source: str) -> Path | None:
        """Where the text of a source is kept, if it names a document; raises nothing.

        The folder the source's file was loaded from (``bases``: an absolute path for a set
        :func:`factlog.load` read; else ``.``) joined with the document's name; None for a
        source without a document or an unknown id.
        """
        found = self.source_by_id.get(source)
        if found is None or found.document is None:
            return None
        return Path(self.bases.get(source, ".")) / found.document

    def merge(self, *others: ClaimSet) -> ClaimSet:
        """Merge with other sets; what two sets define identically is kept once.

        Raises :class:`~factlog.ConflictError` (a :class:`ValueError`) listing every id
        defined differently in two of the sets, with both JSON paths, each in the set
        that holds it (``other 1: $.claims[0]: claim 'c1' is defined twice, differently
        (first at this set: $.claims[0])``), :class:`~factlog.FieldError` for a claim of
        one set that the predicates of another refuse, or for predicates whose ``inverse``
        declarations clash across the sets (as :class:`ClaimSet` does; the path counts in
        the merged set, this set's items first), and
        :class:`~factlog.ArgumentError` for an ``other`` that is no :class:`ClaimSet`.
        """
        for number, other in enumerate(others, 1):
            expect_claim_set(other, "ClaimSet.merge", f"other {number}")
        merged = merge_all(
            [("this set", self), *((f"other {number}", other) for number, other in enumerate(others, 1))]
        )
        if others:  # one set's predicates may ask something of another's claims
            merged.__attrs_post_init__()
        return merged

    def __len__(self) -> int:
        return len(self.claims)


def _place(label: str, section: str, noun: str, position: int) -> str:
    """``a.json: $.entities[2]``; in JSON Lines, ``log.jsonl: entity record 3``; without a file, the path."""
    where = f"{noun} record {position + 1}" if label.endswith(".jsonl") else f"$.{section}[{position}]"
    return f"{label}: {where}" if label else where


def _merge_items(
    parts: Iterable[tuple[str, Sequence[Any]]],
    section: str,
    noun: str,
    problems: list[str],
    bases: Mapping[str, Mapping[str, str]] | None = None,
) -> tuple[Any, ...]:
    """The items of one section of labelled parts, each id once; a line in ``problems`` for each defined differently.

    ``bases`` (sources only): each part's folders by source id, by label, to tell two
    spellings of one document path apart from two documents.
    """
    kept: dict[str, tuple[str, int, Any]] = {}
    for label, items in parts:
        for position, item in enumerate(items):
            key = item.finding if isinstance(item, Acknowledgement) else item.id
            found = kept.get(key)
            if found is None:
                kept[key] = (label, position, item)
            elif found[2] != item:
                first = _place(found[0], section, noun, found[1])
                problems.append(
                    f"{_place(label, section, noun, position)}: {noun} {key!r} is defined twice, differently"
                    f" (first at {first}): {differences(item, found[2])}"
                    + (_same_document(bases, (label, item), found[0], found[2]) if bases is not None else "")
                )
    return tuple(item for _, _, item in kept.values())


def _same_document(bases: Mapping[str, Mapping[str, str]], here: tuple[str, Any], label: str, first: Any) -> str:
    """A hint when two sources differ only in how their document path is spelt: one file is likely a merged copy."""
    if attrs.evolve(here[1], document=first.document) != first or first.document is None:
        return ""
    paths = {Path(bases[name].get(first.id, ".")) / item.document for name, item in (here, (label, first))}
    if len(paths) != 1:
        return ""
    return (
        f" (both name {paths.pop()}: is one file a merged copy of the other's folder?"
        " write merged sets outside the folders they are loaded from)"
    )


def merge_all(parts: Sequence[tuple[str, ClaimSet]]) -> ClaimSet:
    """Merge labelled claim sets (the label, a file name, goes into error messages).

    What the predicates of one part ask of the claims of another (:mod:`factlog.model._coherence`)
    is not checked: :meth:`ClaimSet.merge` checks it, the loader with each file's JSON paths.
    """
    if len(parts) == 1:
        return parts[0][1]
    problems: list[str] = []
    sections = {
        "entities": _merge_items(((label, part.entities) for label, part in parts), "entities", "entity", problems),
        "predicates": _merge_items(
            ((label, part.predicates) for label, part in parts), "predicates", "predicate", problems
        ),
        "sources": _merge_items(
            ((label, part.sources) for label, part in parts),
            "sources",
            "source",
            problems,
            {label: part.bases for label, part in parts},
        ),
        "claims": _merge_items(((label, part.claims) for label, part in parts), "claims", "claim", problems),
        "acknowledged": _merge_items(
            ((label, part.acknowledged) for label, part in parts), "acknowledged", "acknowledgement", problems
        ),
    }
    if problems:
        raise ConflictError(problems)
    # Sets already made, one item an id: only what the parts' vocabularies ask of each other's
    # claims is left to check, and the caller checks it (the loader with each file's JSON paths).
    made = read_claim_set_of(
        sections, {key: value for _, part in parts for key, value in part.bases.items()}, unique=sections
    )
    for field in _PLACES:  # made here: filled as the reader fills its fields, each id at its first place
        places: dict[str, str] = {}
        for _, part in parts:
            for key, value in getattr(part, field).items():
                places.setdefault(key, value)
        object.__setattr__(made, field, places)
    return made


_PLACES = ("acknowledged_at", "sources_at")
"""The fields of a :class:`ClaimSet` that say where its records were read (not part of the JSON, nor of equality)."""

NOT_WRITTEN = frozenset({"bases", *_PLACES})
"""The fields of a :class:`ClaimSet` the loader fills and no document holds: never keys of the JSON, nor of equality."""


def read_claim_set_of(
    sections: Mapping[str, tuple[Any, ...]], bases: Mapping[str, str], unique: Collection[str] = ()
) -> ClaimSet:
    """The claim set of sections the generated readers made (:mod:`factlog.io._records`).

    Their items are of their sections' classes and in tuples, so of the checks of
    ``__init__`` only the one the readers cannot make runs: ids unique within each
    section (a :class:`FieldError` for one given twice). At 100,000 claims the type pass
    skipped cost about 10 ms. The sections named in ``unique`` the readers found without
    a repeated id as they read them (at a million claims the pass saved is about 0.2 s).
    """
    if any(type(items) is not tuple for items in sections.values()):  # not the readers' own: all checks
        return ClaimSet(**sections, bases=bases, acknowledged_at={}, sources_at={})
    made = object.__new__(ClaimSet)
    fill = object.__setattr__
    for field in attrs.fields(ClaimSet):
        if field.name == "bases":
            fill(made, "bases", bases)
            continue
        if field.name in _PLACES:
            fill(made, field.name, {})
            continue
        items = sections.get(field.name, ())
        fill(made, field.name, items)
        if field.name not in unique:
            _unique(made, field, items)
    return made


def expect_claim_set(value: object, caller: str, argument: str = "claims") -> ClaimSet:
    """``value`` if it is a :class:`ClaimSet`; else an :class:`~factlog.ArgumentError` naming both arguments."""
    return expect(value, ClaimSet, f"{caller}: {argument}", "a ClaimSet (from factlog.load or factlog.loads)")


def vouch(claims: ClaimSet, unvouched: Sequence[Claim], *, words: bool, floats: bool = True) -> None:
    """Mark every claim of ``claims`` but ``unvouched`` as naming only ids its own tables define, each of its kind.

    For the readers (:mod:`factlog.io._interning`): the reference check then looks at
    ``unvouched`` only, with ``words`` false no claim is looked at for a ``when`` in
    words to resolve, and with ``floats`` false no claim's object is looked at for a
    float too small for orjson to write as the standard library does (``dumps``). A
    set made any other way (or changed, merged, unpickled) has no such mark, and all
    its claims are looked at.
    """
    object.__setattr__(claims, "_unvouched", tuple(unvouched))
    object.__setattr__(claims, "_words", words)
    object.__setattr__(claims, "_floats", floats)


def may_have_words(claims: ClaimSet) -> bool:
    """False for a set :func:`vouch` marked as read with no ``when`` in words; else True."""
    words: bool = getattr(claims, "_words", True)
    return words


def may_have_floats(claims: ClaimSet) -> bool:
    """False for a set :func:`vouch` marked as read with no float in any claim's quantity; else True."""
    floats: bool = getattr(claims, "_floats", True)
    return floats


def unvouched(claims: ClaimSet) -> tuple[Claim, ...] | None:
    """The claims :func:`vouch` left out, or None for a set it never marked."""
    found: tuple[Claim, ...] | None = getattr(claims, "_unvouched", None)
    return found


def rearranged(whole: ClaimSet, /, **sections: tuple[Any, ...]) -> ClaimSet:
    """``whole`` with sections replaced by their own items reordered, or some of them: nothing to check again.

    For a set the library reorders or filters (:func:`factlog.assessment._canonical.canonical`):
    each item of a valid set, with no id repeated and no claim its predicates refuse, keeps it valid.
    """
    made = object.__new__(ClaimSet)
    for field in attrs.fields(ClaimSet):
        object.__setattr__(made, field.name, sections.get(field.name, getattr(whole, field.name)))
    return made
