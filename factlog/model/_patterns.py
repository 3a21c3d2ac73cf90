"""Everyday patterns of speech that say more than one thing at once.

"The last high-level visit was in 2019" affirms a visit in 2019 and denies any since;
"the first official visit since 2019" denies any between 2019 and the visit. A claim
written with a :class:`Pattern` is stored as the user wrote it; the analysis layer
(:mod:`factlog.analysis._patterns`) expands it into the propositions it implies.
"""

from __future__ import annotations

from typing import Any

import attrs
from attrs import validators as v

from factlog._echo import counted, echoed
from factlog.model._dates import Interval, PartialDate
from factlog.model._fields import FieldError, _doc, instance_of

__all__ = ["Pattern"]

_KINDS = ("last", "since", "years", "highest_since")


def _positive(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    del instance
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
        raise FieldError(attribute.name, f"expected a positive whole number of years, got {echoed(value)}")


def _bounded(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    del instance
    if value is not None and (not isinstance(value, Interval) or value.end is None):
        raise FieldError(attribute.name, f"expected a date or a closed interval, got {echoed(value)}")


@attrs.frozen(kw_only=True)
class Pattern:
    """One everyday pattern: give exactly one of ``last``, ``since``, ``years``, ``highest_since``.

    The claim's proposition is the X of the pattern and its ``when`` the occasion
    (for ``last`` there is none). ``until`` ends the span in which no X happened when
    the default (the occasion, else the date the claim was stated) is not what the
    text means. What each expands to is told in ``docs/encoding.md``.
    """

    last: Interval | None = attrs.field(
        default=None,
        validator=_bounded,
        metadata=_doc("'The last X was in Y': Y. An X in Y, and none after it until the claim was stated."),
    )
    since: Interval | None = attrs.field(
        default=None,
        validator=_bounded,
        metadata=_doc("'The first X since Y': Y. An X in Y, and none after it until the occasion."),
    )
    years: int | None = attrs.field(
        default=None,
        validator=_positive,
        metadata=_doc(
            "'For the first time in N years': N. As 'since' the year N years before the occasion.", minimum=1
        ),
    )
    highest_since: Interval | None = attrs.field(
        default=None,
        validator=_bounded,
        metadata=_doc("'The highest-level X since Y': Y. No X of a higher rank after Y until the occasion."),
    )
    until: PartialDate | None = attrs.field(
        default=None,
        validator=v.optional(instance_of(PartialDate)),
        metadata=_doc("Last day of the span with no X, where the default does not fit."),
    )

    def __attrs_post_init__(self) -> None:
        given = [kind for kind in _KINDS if getattr(self, kind) is not None]
        if len(given) != 1:
            raise FieldError("last", f"give exactly one of {', '.join(_KINDS)}, got {len(given)}")

    def __str__(self) -> str:
        if self.years is not None:
            return f"first in {counted(self.years, 'year')}"
        return f"{self.kind.replace('_', ' ')}: {getattr(self, self.kind)}"

    @property
    def words(self) -> str:
        """The pattern as the text says it, its X elided: "'the first … since 2019'"; raises nothing."""
        if self.years is not None:
            return f"'the first … in {counted(self.years, 'year')}'"
        if self.last is not None:
            return f"'the last … was in {self.last}'"
        if self.since is not None:
            return f"'the first … since {self.since}'"
        return f"'the highest-level … since {self.highest_since}'"

    def stance(self, side: str | None = None) -> str:
        """What a claim said in this pattern says, on a finding's ``side`` or (None) in all.

        ``"affirming"``: "affirmed in 'the first … since 2019'"; ``"denying"``: "denied in
        between, implied by 'the first … since 2019'"; else every part: "'the first … since
        2019': affirmed then and on the occasion, denied in between". One wording for
        ``factlog check``, ``factlog show`` and the report. Raises nothing.
        """
        if side == "affirming":
            return f"affirmed in {self.words}"
        if side == "denying":
            return f"denied in between, implied by {self.words}"
        if self.last is not None:
            return f"{self.words}: affirmed then, denied since"
        if self.highest_since is not None:
            return f"{self.words}: affirmed on the occasion, denied higher in between"
        return f"{self.words}: affirmed then and on the occasion, denied in between"

    @property
    def kind(self) -> str:
        """Which pattern: ``last``, ``since``, ``years`` or ``highest_since``."""
        return next(kind for kind in _KINDS if getattr(self, kind) is not None)
