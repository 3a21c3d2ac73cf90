"""The nouns: entities, predicates, sources, attributions, propositions, claims.

Every class is a frozen, slotted attrs class whose validators refuse invalid values,
so an object that exists is well formed. Construct with keywords; change with
:func:`attrs.evolve`. How they fit together is told in ``docs/concepts.md``.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Mapping
from pathlib import PurePosixPath
from typing import Any, TypeAlias

import attrs
from attrs import validators as v

from factlog.model._dates import Interval, as_interval, closed_interval
from factlog.model._fields import (
    ID,
    FieldError,
    _doc,
    _pattern_field,
    _utc,
    id_list,
    is_id,
    is_text,
    non_negative,
    optional_id,
    optional_text,
    text_list,
)
from factlog.model._kinds import EntityKind, Mode, PredicateKind, SourceKind
from factlog.model._quantities import Estimate, Quantity
from factlog.model._scales import Certainty, Polarity, Reliability

__all__ = [
    "Acknowledgement",
    "Attribution",
    "Claim",
    "DateValue",
    "Entity",
    "EntityKind",
    "Estimate",
    "Evidence",
    "FieldError",
    "Mode",
    "Object",
    "Predicate",
    "PredicateKind",
    "Proposition",
    "Quantity",
    "Source",
    "SourceDate",
    "SourceKind",
    "TextValue",
]


@attrs.frozen(kw_only=True)
class Entity:
    """Anything a claim is about or made by: a country, person, outlet, event, ..."""

    id: str = attrs.field(validator=is_id, metadata=_doc("Stable short id, e.g. 'kcna'."))
    name: str = attrs.field(validator=is_text, metadata=_doc("The usual name."))
    kind: EntityKind = attrs.field(validator=v.instance_of(EntityKind), metadata=_doc("What sort of thing it is."))
    aliases: tuple[str, ...] = attrs.field(
        default=(), validator=text_list, metadata=_doc("Other names, matched case-insensitively; metonyms too.")
    )
    affiliation: str | None = attrs.field(
        default=None, validator=optional_id, metadata=_doc("The entity this one speaks for.")
    )
    reliability: Reliability = attrs.field(
        default=Reliability.F,
        validator=v.instance_of(Reliability),
        metadata=_doc("Admiralty source reliability, A (completely reliable) to F (cannot be judged, the default)."),
    )
    anonymous: bool = attrs.field(
        default=False, validator=v.instance_of(bool), metadata=_doc("A vague descriptor, not a named party.")
    )
    wikidata: str | None = _pattern_field(r"Q[1-9][0-9]*", "a Wikidata QID like Q423", "Wikidata QID.")
    notes: str | None = attrs.field(default=None, validator=optional_text, metadata=_doc("Free text for people."))


@attrs.frozen(kw_only=True)
class Predicate:
    """A relation claims can state, with the logic the checks apply to it."""

    id: str = attrs.field(validator=is_id, metadata=_doc("Stable short id, e.g. 'supplies-weapons-to'."))
    label: str = attrs.field(validator=is_text, metadata=_doc("Words that read 'subject LABEL object'."))
    kind: PredicateKind = attrs.field(
        validator=v.instance_of(PredicateKind),
        metadata=_doc("event: happens at some time in the valid time; state: holds throughout it."),
    )
    functional: bool = attrs.field(
        default=False, validator=v.instance_of(bool), metadata=_doc("One value per subject at a time.")
    )
    symmetric: bool = attrs.field(
        default=False, validator=v.instance_of(bool), metadata=_doc("'a P b' says the same as 'b P a'.")
    )
    inverse: str | None = attrs.field(
        default=None, validator=optional_id, metadata=_doc("Id of the same relation read from the object.")
    )
    inverse_label: str | None = attrs.field(
        default=None, validator=optional_text, metadata=_doc("Words for the inverse.")
    )
    exclusive_with: tuple[str, ...] = attrs.field(
        default=(), validator=id_list, metadata=_doc("Predicates that cannot hold of the same subject at once.")
    )
    tolerance: float = attrs.field(
        default=0.0,
        validator=non_negative,
        metadata=_doc("Relative difference under which two quantities agree (0.1 = 10 %).", minimum=0),
    )
    margin: Quantity | None = attrs.field(
        default=None,
        validator=v.optional(v.instance_of(Quantity)),
        metadata=_doc("Absolute difference under which two quantities agree: {'amount': 10, 'unit': 'minute'}."),
    )
    notes: str | None = attrs.field(default=None, validator=optional_text, metadata=_doc("Free text for people."))

    def __attrs_post_init__(self) -> None:
        if self.margin is not None and (self.margin.amount is None or self.margin.estimate is not None):
            raise FieldError("margin", "a margin is a plain amount with an optional unit")
        if self.symmetric and self.inverse is not None:
            raise FieldError("inverse", "a symmetric predicate has no inverse")
        if self.inverse == self.id:
            raise FieldError("inverse", "a predicate cannot be its own inverse; declare it symmetric")


def _relative_path(instance: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    del instance
    if value is None:
        return
    path = PurePosixPath(value)
    if path.is_absolute() or ".." in path.parts or "\\" in value or ":" in value or "\0" in value:
        raise FieldError(attribute.name, f"expected a relative path inside this folder, got {value!r}")


@attrs.frozen(kw_only=True)
class SourceDate:
    """One date a document gives for itself, and where it was read: byline, metadata, text."""

    date: Interval = attrs.field(
        converter=as_interval,
        validator=closed_interval,
        metadata=_doc("A date, or an interval with two dates."),
    )
    where: str = attrs.field(
        validator=is_text,
        metadata=_doc("Where the date was found: 'byline', 'metadata', 'url', 'text' (inferred from it), ..."),
    )


@attrs.frozen(kw_only=True)
class Source:
    """A document that was read."""

    id: str = attrs.field(validator=is_id, metadata=_doc("Stable short id, e.g. 'choe-moscow'."))
    title: str = attrs.field(validator=is_text, metadata=_doc("The document's title."))
    publisher: str = attrs.field(validator=is_id, metadata=_doc("Entity id of the publisher (its own voice)."))
    kind: SourceKind = attrs.field(
        default=SourceKind.NEWS_REPORT, validator=v.instance_of(SourceKind), metadata=_doc("What sort of document.")
    )
    published: Interval | None = attrs.field(
        default=None,
        converter=as_interval,
        validator=closed_interval,
        metadata=_doc("Publication date: a date, or an interval when it is known only that closely."),
    )
    dates: tuple[SourceDate, ...] = attrs.field(
        default=(),
        validator=v.deep_iterable(v.instance_of(SourceDate), v.instance_of(tuple)),
        metadata=_doc("Every date the document gives for itself, each with where it was found."),
    )
    url: str | None = attrs.field(default=None, validator=optional_text, metadata=_doc("Where it was read."))
    language: str | None = _pattern_field(
        r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", "a BCP 47 language tag like en or ko-KR", "Language of the text (BCP 47)."
    )
    derived_from: tuple[str, ...] = attrs.field(
        default=(), validator=id_list, metadata=_doc("Sources this one copies or rewrites.")
    )
    document: str | None = attrs.field(
        default=None,
        validator=[optional_text, _relative_path],
        metadata=_doc("Path of the text, relative to this file; it may not leave this folder."),
    )
    sha256: str | None = _pattern_field(r"[0-9a-f]{64}", "64 lowercase hex digits", "SHA-256 of the document's bytes.")
    retrieved: datetime.datetime | None = attrs.field(default=None, validator=_utc, metadata=_doc("UTC."))
    notes: str | None = attrs.field(default=None, validator=optional_text, metadata=_doc("Free text for people."))


@attrs.frozen(kw_only=True)
class Attribution:
    """Who holds a claim, and the relays it passed through to reach the source."""

    holder: str = attrs.field(validator=is_id, metadata=_doc("Entity id of the original speaker."))
    via: tuple[str, ...] = attrs.field(
        default=(), validator=id_list, metadata=_doc("Relays between holder and source, outermost first.")
    )
    mode: Mode = attrs.field(
        default=Mode.ASSERTED,
        validator=v.instance_of(Mode),
        metadata=_doc("asserted (the source's own voice), direct-quote, paraphrase or implied."),
    )
    cue: str | None = attrs.field(
        default=None, validator=optional_text, metadata=_doc("The words that mark it: 'according to', ...")
    )


@attrs.frozen(kw_only=True)
class TextValue:
    """A literal text object: a title, a name that is no entity."""

    text: str = attrs.field(validator=is_text, metadata=_doc("The literal text."))

    def __str__(self) -> str:
        return repr(self.text)


@attrs.frozen(kw_only=True)
class DateValue:
    """A date or interval as the object of a proposition (the date of an event)."""

    date: Interval = attrs.field(
        validator=v.instance_of(Interval), metadata=_doc("A partial date or interval, e.g. 2024-04-11/2024-04-13.")
    )

    def __str__(self) -> str:
        return str(self.date)


Object: TypeAlias = str | TextValue | DateValue | Quantity
"""A proposition's object: an entity id (plain string) or a tagged literal."""


def object_value(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A proposition's object: nothing, an entity id or a literal."""
    if isinstance(value, str):
        is_id(instance, attribute, value)
    elif value is not None and not isinstance(value, (TextValue, DateValue, Quantity)):
        raise FieldError(attribute.name, f"expected an entity id or a literal, got {value!r}")


def _qualifiers(value: Mapping[str, str] | tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    pairs = value.items() if isinstance(value, Mapping) else value
    return tuple(sorted(pairs))


def _check_qualifiers(instance: object, attribute: attrs.Attribute[Any], value: tuple[tuple[str, str], ...]) -> None:
    del instance, attribute
    for key, item in value:
        if not isinstance(key, str) or ID.fullmatch(key) is None:
            raise FieldError("qualifiers", f"qualifier names must be ids, got {key!r}")
        if not isinstance(item, str) or not item.strip():
            raise FieldError("qualifiers", f"qualifier {key!r} must be a non-empty string, got {item!r}")
    keys = [key for key, _ in value]
    if len(set(keys)) != len(keys):
        raise FieldError("qualifiers", "qualifier names must be unique")


@attrs.frozen(kw_only=True)
class Proposition:
    """What a claim says, in structured form: subject, predicate, object, when."""

    subject: str = attrs.field(validator=is_id, metadata=_doc("Entity id (or alias)."))
    predicate: str = attrs.field(validator=is_id, metadata=_doc("Predicate id, or a declared inverse."))
    object: Object | None = attrs.field(
        default=None,
        validator=object_value,
        metadata=_doc("Entity id, or {'text'}, {'date'} or {'amount', 'lower', 'upper', 'unit'}."),
    )
    qualifiers: tuple[tuple[str, str], ...] = attrs.field(
        default=(), converter=_qualifiers, validator=_check_qualifiers, metadata=_doc("place, role, ...")
    )
    when: Interval | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(Interval)), metadata=_doc("Valid time.")
    )


@attrs.frozen(kw_only=True)
class Evidence:
    """An exact quote from a source, with its character span (Python string offsets)."""

    source: str = attrs.field(validator=is_id, metadata=_doc("Id of the source quoted."))
    quote: str = attrs.field(validator=is_text, metadata=_doc("The exact text at the span."))
    start: int = attrs.field(validator=non_negative, metadata=_doc("Offset of the first character.", minimum=0))
    end: int = attrs.field(validator=v.instance_of(int), metadata=_doc("Offset after the last character.", minimum=1))

    def __attrs_post_init__(self) -> None:
        if isinstance(self.start, bool) or not isinstance(self.start, int):
            raise FieldError("start", f"expected an integer, got {self.start!r}")
        if isinstance(self.end, bool) or not isinstance(self.end, int):
            raise FieldError("end", f"expected an integer, got {self.end!r}")
        if self.end - self.start != len(self.quote):
            raise FieldError(
                "end",
                f"span {self.start}-{self.end} is {self.end - self.start} characters"
                f" but the quote is {len(self.quote)}",
            )


def non_empty(instance: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
    del instance
    if not value:
        raise FieldError(attribute.name, "expected at least one item")


@attrs.frozen(kw_only=True)
class Claim:
    """One statement as it was made, by whom, how firmly, and where it was read."""

    id: str = attrs.field(
        validator=is_id,
        metadata=_doc("Stable id; when a document omits it, a hash of the claim's content.", optional=True),
    )
    statement: str = attrs.field(validator=is_text, metadata=_doc("The claim in plain words."))
    proposition: Proposition | None = attrs.field(
        default=None,
        validator=v.optional(v.instance_of(Proposition)),
        metadata=_doc("What it says in structured form, where a structure fits."),
    )
    polarity: Polarity = attrs.field(
        default=Polarity.AFFIRMED, validator=v.instance_of(Polarity), metadata=_doc("affirmed or denied.")
    )
    certainty: Certainty = attrs.field(
        default=Certainty.CERTAIN,
        validator=v.instance_of(Certainty),
        metadata=_doc("How firmly the holder says it: certain, probable, possible or uncommitted."),
    )
    attribution: Attribution = attrs.field(
        validator=v.instance_of(Attribution), metadata=_doc("Who holds it, and through whom it came.")
    )
    evidence: tuple[Evidence, ...] = attrs.field(
        validator=[v.deep_iterable(v.instance_of(Evidence), v.instance_of(tuple)), non_empty],
        metadata=_doc("Where the claim was read: one or more exact quotes.", minItems=1),
    )
    stated: Interval | None = attrs.field(
        default=None,
        converter=as_interval,
        validator=closed_interval,
        metadata=_doc("When the holder said it (a date, or an interval); defaults to the source's publication date."),
    )
    answers: tuple[str, ...] = attrs.field(
        default=(), validator=id_list, metadata=_doc("Claims this one denies, confirms or retracts.")
    )
    notes: str | None = attrs.field(default=None, validator=optional_text, metadata=_doc("Free text for people."))
    draft: bool = attrs.field(
        default=False,
        validator=v.instance_of(bool),
        metadata=_doc("Proposed by `factlog draft` and not yet reviewed; the analyst removes the mark."),
    )

    @functools.cached_property
    def sources(self) -> tuple[str, ...]:
        """The ids of the sources the claim was read in, in evidence order, once each."""
        return tuple(dict.fromkeys(item.source for item in self.evidence))


@attrs.frozen(kw_only=True)
class Acknowledgement:
    """A reviewed finding: it is still reported, but no longer fails a check."""

    finding: str = attrs.field(validator=is_id, metadata=_doc("The finding id, e.g. 'f-3a9c0e12'."))
    note: str = attrs.field(validator=is_text, metadata=_doc("Why the finding is accepted."))
    reviewed: datetime.datetime | None = attrs.field(default=None, validator=_utc, metadata=_doc("UTC."))
