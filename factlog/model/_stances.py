"""Claims about claims: what a claim says of a party's stance on other claims."""

from __future__ import annotations

from typing import Any

import attrs
from attrs import validators as v

from factlog._echo import echoed
from factlog.model._dates import PartialDate
from factlog.model._fields import FieldError, _doc, id_list, instance_of, is_id
from factlog.model._kinds import StanceKind

__all__ = ["Regarding"]


def _some(instance: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    del instance
    if not value:
        raise FieldError(attribute.name, "expected at least one item")


@attrs.frozen(kw_only=True)
class Regarding:
    """A claim whose subject is other claims and a party's stance on them.

    "The ministry has not yet commented on the report" (``silent``), "the company
    admitted the breach for the first time on 3 May" (``first``), "a week after the
    leak, the agency confirmed it" (``after``, 7 days). The check compares it with the
    claims it refers to and with what the party is on record as saying.
    """

    claims: tuple[str, ...] = attrs.field(
        validator=[id_list, _some],
        metadata=_doc("The claims referred to: the report, the leak, the allegation.", minItems=1),
    )
    party: str = attrs.field(validator=is_id, metadata=_doc("Entity id of the party whose stance it is."))
    stance: StanceKind = attrs.field(
        validator=instance_of(StanceKind),
        metadata=_doc("silent (no side yet), first (took their side for the first time), after (days after them)."),
    )
    on: PartialDate | None = attrs.field(
        default=None,
        validator=v.optional(instance_of(PartialDate)),
        metadata=_doc("silent: as of when; first: the day of the first time. Default: when the claim was stated."),
    )
    days: int | None = attrs.field(
        default=None,
        validator=v.optional(instance_of(int)),
        metadata=_doc("after: how many days after the claims referred to.", minimum=0),
    )

    def __attrs_post_init__(self) -> None:
        if (self.stance is StanceKind.AFTER) != (self.days is not None):
            raise FieldError("days", "give days for an 'after' stance, and only for it")
        if self.days is not None and (isinstance(self.days, bool) or self.days < 0):
            raise FieldError("days", f"expected a number of days, 0 or more, got {echoed(self.days)}")
