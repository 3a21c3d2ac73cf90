"""The nouns: entities, predicates, sources, attributions, propositions, claims.

Every class is a frozen, slotted attrs class whose validators refuse invalid values,
so an object that exists is well formed. Construct with keywords; change with
:func:`attrs.evolve`. How they fit together is told in ``docs/concepts.md``.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import Any

import attrs
from attrs import validators as v

from factlog._echo import counted, echoed
from factlog.errors import FieldTypeError
from factlog.model._dates import Interval, as_interval, closed_interval
from factlog.model._fields import (
    ID,
    FieldError,
    _doc,
    _pattern_field,
    _utc,
    id_list,
    instance_of,
    is_id,
    is_name,
    is_text,
    name_list,
    non_empty,
    non_negative,
    not_itself,
    offset,
    optional_id,
    optional_text,
    text_list,
)
from factlog.model._kinds import Accused, EntityKind, Mode, PredicateKind, SourceKind, StanceKind
from factlog.model._literals import DateValue, Object, TextValue, object_value
from factlog.model._patterns import Pattern
from factlog.model._quantities import Estimate, Quantity, unheld_figure
from factlog.model._scales import Certainty, Polarity, Reliability
from factlog.model._sources import Source, SourceDate
from factlog.model._stances import Regarding

__all__ = [
    "Accused",
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
    "Pattern",
    "Predicate",
    "PredicateKind",
    "Proposition",
    "Quantity",
    "Regarding",
    "Source",
    "SourceDate",
    "SourceKind",
    "StanceKind",
    "TextValue",
]


@attrs.frozen(kw_only=True)
class Entity:
    """Anything a claim is about or made by: a country, person, outlet, event, ..."""

    id: str = attrs.field(validator=is_id, metadata=_doc("Stable short id, e.g. 'kcna'."))
    name: str = attrs.field(validator=is_text, metadata=_doc("The usual name."))
    kind: EntityKind = attrs.field(validator=instance_of(EntityKind), metadata=_doc("What sort of thing it is."))
    aliases: tuple[str, ...] = attrs.field(
        default=(), validator=text_list, metadata=_doc("Other names, matched case-insensitively; metonyms too.")
    )
    affiliation: str | None = attrs.field(
        default=None,
        validator=optional_id,
        metadata=_doc("The entity this one speaks for; for a thing (a pipeline), the party answering for it."),
    )
    part_of: tuple[str, ...] = attrs.field(
        default=(),
        validator=id_list,
        metadata=_doc("Entities this one lies within (a region in its country): part-of is transitive."),
    )
    reliability: Reliability = attrs.field(
        default=Reliability.F,
        validator=instance_of(Reliability),
        metadata=_doc("Admiralty source reliability, A (completely reliable) to F (cannot be judged, the default)."),
    )
    anonymous: bool = attrs.field(
        default=False, validator=instance_of(bool), metadata=_doc("A vague descriptor, not a named party.")
    )
    wikidata: str | None = _pattern_field(r"Q[1-9][0-9]*", "a Wikidata QID like Q423", "Wikidata QID.")
    notes: str | None = attrs.field(default=None, validator=optional_text, metadata=_doc("Free text for people."))


@attrs.frozen(kw_only=True)
class Predicate:
    """A relation claims can state, with the logic the checks apply to it."""

    id: str = attrs.field(validator=is_id, metadata=_doc("Stable short id, e.g. 'supplies-weapons-to'."))
    label: str = attrs.field(validator=is_text, metadata=_doc("Words that read 'subject LABEL object'."))
    kind: PredicateKind = attrs.field(
        validator=instance_of(PredicateKind),
        metadata=_doc("event: happens at some time in the valid time; state: holds throughout it."),
    )
    functional: bool = attrs.field(
        default=False, validator=instance_of(bool), metadata=_doc("One value per subject at a time.")
    )
    inverse_functional: bool = attrs.field(
        default=False,
        validator=instance_of(bool),
        metadata=_doc("One subject per object at a time: one premier per office."),
    )
    evaluative: bool = attrs.field(
        default=False,
        validator=instance_of(bool),
        metadata=_doc(
            "A judgement of conduct or outcome ('obliterated', 'complied with'): a party judging itself is interested."
        ),
    )
    accuses: Accused = attrs.field(
        default=Accused.BOTH,
        validator=instance_of(Accused),
        metadata=_doc(
            "Which parties the proposition accuses, whose denial is interested: subject, object or both"
            " (the default; 'attacks' accuses its subject, not its victim)."
        ),
    )
    cumulative: bool = attrs.field(
        default=False,
        validator=instance_of(bool),
        metadata=_doc("A running total that only grows: a figure as of a date is a lower bound from then on."),
    )
    symmetric: bool = attrs.field(
        default=False, validator=instance_of(bool), metadata=_doc("'a P b' says the same as 'b P a'.")
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
    scale: str | None = attrs.field(
        default=None,
        validator=optional_id,
        metadata=_doc("Id of a ladder of ranked predicates ('visit-level'), for 'the highest-level X since Y'."),
    )
    rank: int | None = attrs.field(
        default=None,
        validator=v.optional(instance_of(int)),
        metadata=_doc("Level on its scale: a higher rank outranks a lower one.", minimum=0),
    )
    margin: Quantity | None = attrs.field(
        default=None,
        validator=v.optional(instance_of(Quantity)),
        metadata=_doc(
            "Absolute difference under which two quantities agree: {'amount': 10, 'unit': 'minute'};"
            " a unit pint knows, one the predicate's figures give, or none."
        ),
    )
    notes: str | None = attrs.field(default=None, validator=optional_text, metadata=_doc("Free text for people."))

    def __attrs_post_init__(self) -> None:
        if self.margin is not None and (self.margin.amount is None or self.margin.estimate is not None):
            raise FieldError("margin", "a margin is a plain amount with an optional unit")
        if self.symmetric and self.inverse is not None:
            raise FieldError("inverse", "a symmetric predicate has no inverse")
        if self.inverse == self.id:
            raise FieldError("inverse", "a predicate cannot be its own inverse; declare it symmetric")
        not_itself(self.id, self.exclusive_with, "exclusive_with", "predicate", "exclude")
        if (self.scale is None) != (self.rank is None):
            raise FieldError("rank", "a ranked predicate needs both 'scale' and 'rank'")
        if self.rank is not None and (isinstance(self.rank, bool) or self.rank < 0):
            raise FieldError("rank", f"expected a non-negative integer, got {echoed(self.rank)}")


@attrs.frozen(kw_only=True)
class Attribution:
    """Who holds a claim, and the relays it passed through to reach the source."""

    holder: str = attrs.field(validator=is_name, metadata=_doc("The original speaker: entity id or name."))
    via: tuple[str, ...] = attrs.field(
        default=(),
        validator=name_list,
        metadata=_doc("Relays between holder and source (ids or names), outermost first."),
    )
    mode: Mode = attrs.field(
        default=Mode.ASSERTED,
        validator=instance_of(Mode),
        metadata=_doc("asserted (the source's own voice), direct-quote, paraphrase or implied."),
    )
    cue: str | None = attrs.field(
        default=None, validator=optional_text, metadata=_doc("The words that mark it: 'according to', ...")
    )


def _qualifiers(value: Mapping[str, str] | tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    """Qualifiers as sorted (name, value) pairs; anything that is not a mapping or pairs is a FieldTypeError."""
    if isinstance(value, Mapping):
        pairs = list(value.items())
    elif isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        pairs = None
    else:
        pairs = list(value)
        if not all(isinstance(pair, (tuple, list)) and len(pair) == 2 for pair in pairs):
            pairs = None
    try:
        if pairs is not None:
            return tuple(sorted((pair[0], pair[1]) for pair in pairs))
    except TypeError:  # names that do not compare: reported below as the type checks do
        pass
    raise FieldTypeError(
        "Proposition.qualifiers", f"expected a mapping of names to values, got {echoed(value)} ({type(value).__name__})"
    )


def _check_qualifiers(instance: object, attribute: attrs.Attribute[Any], value: tuple[tuple[str, str], ...]) -> None:
    del instance, attribute
    for key, item in value:
        if not isinstance(key, str) or ID.fullmatch(key) is None:
            raise FieldError("qualifiers", f"qualifier names must be ids, got {echoed(key)}")
        if not isinstance(item, str) or not item.strip():
            raise FieldError("qualifiers", f"qualifier {echoed(key)} must be a non-empty string, got {echoed(item)}")
    keys = [key for key, _ in value]
    if len(set(keys)) != len(keys):
        raise FieldError("qualifiers", "qualifier names must be unique")


@attrs.frozen(kw_only=True)
class Proposition:
    """What a claim says, in structured form: subject, predicate, object, when."""

    subject: str = attrs.field(validator=is_name, metadata=_doc("Entity id, or a name or alias as written."))
    predicate: str = attrs.field(validator=is_id, metadata=_doc("Predicate id, or a declared inverse."))
    object: Object | None = attrs.field(
        default=None,
        validator=object_value,
        metadata=_doc(
            "Entity id or name, a list of them (one proposition each), or {'text'}, {'date'} or"
            " {'amount', 'lower', 'upper', 'unit'}."
        ),
    )
    qualifiers: tuple[tuple[str, str], ...] = attrs.field(
        default=(), converter=_qualifiers, validator=_check_qualifiers, metadata=_doc("place, role, ...")
    )
    when: Interval | None = attrs.field(
        default=None,
        validator=v.optional(instance_of(Interval)),
        metadata={
            **_doc(
                "Valid time: a date or interval, or words counted from the claim's date ('on Tuesday',"
                " 'two days after the strike'), kept as written."
            ),
            "words": True,
        },
    )


@attrs.frozen(kw_only=True)
class Evidence:
    """A quote from a source; its character span (Python string offsets) is optional.

    Without a span, factlog finds the quote in the source's stored document; a quote
    that occurs more than once needs ``occurrence`` (1 for the first).
    """

    source: str = attrs.field(validator=is_id, metadata=_doc("Id of the source quoted."))
    quote: str = attrs.field(validator=is_text, metadata=_doc("The text quoted, exactly as the source has it."))
    start: int | None = attrs.field(
        default=None, validator=offset, metadata=_doc("Offset of the first character.", minimum=0)
    )
    end: int | None = attrs.field(
        default=None, validator=offset, metadata=_doc("Offset after the last character.", minimum=1)
    )
    occurrence: int | None = attrs.field(
        default=None,
        validator=offset,
        metadata=_doc("Which occurrence of a quote without a span is meant, 1 for the first.", minimum=1),
    )

    def __attrs_post_init__(self) -> None:
        if (self.start is None) != (self.end is None):
            raise FieldError("end" if self.end is None else "start", "give both 'start' and 'end', or neither")
        if self.occurrence is not None and (self.occurrence < 1 or self.start is not None):
            raise FieldError("occurrence", "a positive number, for a quote without a span")
        if self.start is None or self.end is None:
            return
        if self.end - self.start != len(self.quote):
            raise FieldError(
                "end",
                f"span {self.start}-{self.end} is {counted(self.end - self.start, 'character')}"
                f" but the quote is {len(self.quote)}",
            )


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
        validator=v.optional(instance_of(Proposition)),
        metadata=_doc("What it says in structured form, where a structure fits."),
    )
    polarity: Polarity = attrs.field(
        default=Polarity.AFFIRMED, validator=instance_of(Polarity), metadata=_doc("affirmed or denied.")
    )
    certainty: Certainty = attrs.field(
        default=Certainty.CERTAIN,
        validator=instance_of(Certainty),
        metadata=_doc("How firmly the holder says it: certain, probable, possible or uncommitted."),
    )
    attribution: Attribution = attrs.field(
        validator=instance_of(Attribution), metadata=_doc("Who holds it, and through whom it came.")
    )
    evidence: tuple[Evidence, ...] = attrs.field(
        validator=[v.deep_iterable(instance_of(Evidence), instance_of(tuple)), non_empty],
        metadata=_doc("Where the claim was read: one or more exact quotes.", minItems=1),
    )
    stated: Interval | None = attrs.field(
        default=None,
        converter=as_interval,
        validator=closed_interval,
        metadata=_doc("When the holder said it (a date, or an interval); defaults to the source's publication date."),
    )
    pattern: Pattern | None = attrs.field(
        default=None,
        validator=v.optional(instance_of(Pattern)),
        metadata=_doc("An everyday pattern the proposition is said in: 'the last X was in Y', ..."),
    )
    answers: tuple[str, ...] = attrs.field(
        default=(), validator=id_list, metadata=_doc("Claims this one denies, confirms or retracts.")
    )
    regarding: Regarding | None = attrs.field(
        default=None,
        validator=v.optional(instance_of(Regarding)),
        metadata=_doc("What it says of a party's stance on other claims: 'has not yet commented', ..."),
    )
    notes: str | None = attrs.field(default=None, validator=optional_text, metadata=_doc("Free text for people."))
    draft: bool = attrs.field(
        default=False,
        validator=instance_of(bool),
        metadata=_doc("Proposed by `factlog draft` and not yet reviewed; the analyst removes the mark."),
    )

    def __attrs_post_init__(self) -> None:
        figure = None if self.proposition is None else self.proposition.object
        if type(figure) is Quantity and figure.unit is not None:
            unheld = unheld_figure(figure)
            if unheld is not None:
                raise FieldError(f"proposition.object.{unheld[0]}", f"claim {self.id!r}: {unheld[1]}")
        if self.answers:
            not_itself(self.id, self.answers, "answers", "claim", "answer")
        if self.regarding is not None:
            not_itself(self.id, self.regarding.claims, "regarding.claims", "claim", "be about")
        if self.pattern is None:
            return
        if self.proposition is None:
            raise FieldError("pattern", "a pattern needs a proposition to expand")
        if self.polarity is not Polarity.AFFIRMED:
            raise FieldError("pattern", "a pattern is affirmed: its denials are part of what it says")
        if self.pattern.last is not None and self.proposition.when is not None:
            raise FieldError("pattern", "'last' gives the time itself: leave the proposition's 'when' out")

    @property
    def sources(self) -> tuple[str, ...]:
        """The ids of the sources the claim was read in, in evidence order, once each.

        Computed at each reading (a few hundred nanoseconds; the rules read the copy in the
        index), so that a claim keeps no slot for it.
        """
        evidence = self.evidence
        if len(evidence) == 1:
            return (evidence[0].source,)
        return tuple(dict.fromkeys(item.source for item in evidence))


@attrs.frozen(kw_only=True)
class Acknowledgement:
    """A reviewed finding: it is still reported, but no longer fails a check."""

    finding: str = attrs.field(
        validator=is_id,
        metadata=_doc("The finding id, e.g. 'f-3a9c0e12d45b7718aa03' (an old 8-digit id still matches)."),
    )
    note: str = attrs.field(validator=is_text, metadata=_doc("Why the finding is accepted."))
    reviewed: datetime.datetime | None = attrs.field(default=None, validator=_utc, metadata=_doc("UTC."))
