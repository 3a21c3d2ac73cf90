"""Figures as reporters give them: exact, bounded, one-sided, about, or a vague word.

A :class:`Quantity` is a number with a unit ("11,000 troops"), bounds ("10,000 to
12,000"), or an :class:`Estimate` word that says how the number was given:

========================  ===============================  =====================================
estimate                  JSON                             the values it allows
========================  ===============================  =====================================
(none)                    ``{"amount": 120}``              120, or ``lower`` to ``upper``
``at-least``              ``{"amount": 120, ...}``         120 and above, no upper bound
``more-than``             "more than 10,000"               above 10,000, no upper bound
``up-to``                 "up to 600"                      600 and below, no lower bound
``less-than``             "fewer than 600"                 below 600, no lower bound
``about``                 "about 120", "around 120"        within ±10 % of 120 (:data:`ABOUT`); ±2 K of a temperature
``a-few``, ``several``    ``{"estimate": "a-few"}``        3 to 9
``dozens``                "dozens of"                      24 to 99
``hundreds``              "hundreds of"                    200 to 9,999
``thousands``             "thousands of"                   2,000 to 999,999
========================  ===============================  =====================================

The vague words take no ``amount``. The ranges are factlog's, chosen wide on purpose: a
checker that finds contradictions must not make one out of a loose word. "A few" is
more than a couple (2) and fewer than ten. "Dozens", "hundreds" and "thousands" start
at two of their unit (the plural says "more than one") and run as far as English still
counts in it: "fifteen hundred" and "ninety-nine hundred" are hundreds; "eleven
thousand", "tens of thousands" and "hundreds of thousands" are thousands, up to a
million, which English counts in millions; past a hundred English counts in hundreds
("more than a hundred"), not dozens. "About" allows ±10 %: reporters
round to one or two significant figures, so "about 120" covers 108 to 132. There is no
standard for any of these; the table above is the documented contract.
"""

from __future__ import annotations

import enum
import math
from typing import Any

import attrs

from factlog._echo import echoed
from factlog.model._fields import FieldError, _doc, instance_of, optional_text
from factlog.model._units import absolute_temperature, margin_convert, plural, unheld, unrepresented

__all__ = ["ABOUT", "ABOUT_DEGREES", "Estimate", "Quantity", "unheld_figure"]

ABOUT_DEGREES = 2.0
"""What "about" allows of a temperature (K, degC, degF), in kelvin either way: ±2 degC, ±3.6 degF.

A relative ±10 % means nothing on a scale whose zero is arbitrary (about 0 degC would
allow nothing, about 32 degF ±3.2 degF, about 273.15 K ±27 K: one temperature each), so
a temperature is allowed a fixed number of degrees, the same whichever unit it is
written in: reporters round temperatures to whole degrees."""

ABOUT = 0.1
"""The relative tolerance of ``about``: "about 120" is 108 to 132."""


class Estimate(enum.Enum):
    """How a figure was given: a bound, an approximation, or a vague word for a range."""

    AT_LEAST = "at-least"
    MORE_THAN = "more-than"
    UP_TO = "up-to"
    LESS_THAN = "less-than"
    ABOUT = "about"
    A_FEW = "a-few"
    SEVERAL = "several"
    DOZENS = "dozens"
    HUNDREDS = "hundreds"
    THOUSANDS = "thousands"

    @property
    def vague(self) -> tuple[int, int] | None:
        """The range a vague word stands for (``thousands``: 2,000 to 999,999), or None for the others."""
        return _VAGUE.get(self)


_VAGUE = {
    Estimate.A_FEW: (3, 9),
    Estimate.SEVERAL: (3, 9),
    Estimate.DOZENS: (24, 99),
    Estimate.HUNDREDS: (200, 9_999),
    Estimate.THOUSANDS: (2_000, 999_999),
}
_WORDS = {
    Estimate.AT_LEAST: "at least",
    Estimate.MORE_THAN: "more than",
    Estimate.UP_TO: "up to",
    Estimate.LESS_THAN: "less than",
    Estimate.ABOUT: "about",
}


def _unsigned_zero(value: Any) -> Any:
    """``-0.0`` as ``0.0`` (any other value as it is): "-0.0 km" is the figure 0, keyed and shown as 0.0."""
    return 0.0 if type(value) is float and value == 0.0 else value


def _number(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    del instance
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise FieldError(attribute.name, f"expected a finite number, got {echoed(value)}")


@attrs.frozen(kw_only=True)
class Quantity:
    """A number with optional bounds and unit: 11,000 troops (10,000 to 12,000), at least 120, dozens."""

    amount: int | float | None = attrs.field(
        default=None,
        converter=_unsigned_zero,
        validator=_number,
        metadata=_doc("The number given; absent only with a vague estimate."),
    )
    lower: int | float | None = attrs.field(
        default=None, converter=_unsigned_zero, validator=_number, metadata=_doc("Lowest it may be.")
    )
    upper: int | float | None = attrs.field(
        default=None, converter=_unsigned_zero, validator=_number, metadata=_doc("Highest it may be.")
    )
    estimate: Estimate | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(instance_of(Estimate)),
        metadata=_doc("How it was given: at-least, more-than, up-to, less-than, about, a-few, dozens, ..."),
    )
    unit: str | None = attrs.field(
        default=None,
        validator=optional_text,
        metadata=_doc("What is counted, or a unit that converts: 'km', 'miles', 'minutes', 'months'."),
    )

    def __attrs_post_init__(self) -> None:
        vague = self.estimate is not None and self.estimate.vague is not None
        if self.amount is None and not vague:
            raise FieldError("amount", "a quantity needs an amount, or a vague estimate such as 'dozens'")
        if self.amount is not None and vague:
            assert self.estimate is not None
            raise FieldError("amount", f"the estimate {self.estimate.value!r} stands for a range: give no amount")
        if self.estimate is not None and (self.lower is not None or self.upper is not None):
            raise FieldError("estimate", "an estimate says the bounds itself: give no lower or upper")
        if self.amount is None:
            return
        if self.lower is not None and self.lower > self.amount:
            raise FieldError("lower", f"lower bound {self.lower} is above the amount {self.amount}")
        if self.upper is not None and self.upper < self.amount:
            raise FieldError("upper", f"upper bound {self.upper} is below the amount {self.amount}")

    @property
    def low(self) -> float:
        """The lowest value allowed: the lower bound, or the amount (``-inf`` for ``up-to``)."""
        return self.bounds[0]

    @property
    def high(self) -> float:
        """The highest value allowed: the upper bound, or the amount (``inf`` for ``at-least``)."""
        return self.bounds[1]

    @property
    def bounds(self) -> tuple[float, float]:
        """The lowest and highest values allowed, as the table of the module says.

        ``more-than`` and ``less-than`` exclude the amount itself: their bound is the next
        float past it (:func:`math.nextafter`).
        """
        estimate, amount = self.estimate, self.amount
        if estimate is not None and estimate.vague is not None:
            return float(estimate.vague[0]), float(estimate.vague[1])
        assert amount is not None
        if estimate is None:
            return (amount if self.lower is None else self.lower), (amount if self.upper is None else self.upper)
        if estimate is Estimate.ABOUT:
            spread = abs(amount) * ABOUT
            if self.unit is not None and absolute_temperature(self.unit):
                spread = margin_convert(ABOUT_DEGREES, "kelvin", self.unit) or spread
            return amount - spread, amount + spread
        if estimate is Estimate.AT_LEAST:
            return amount, math.inf
        if estimate is Estimate.MORE_THAN:
            return math.nextafter(amount, math.inf), math.inf
        if estimate is Estimate.UP_TO:
            return -math.inf, amount
        return -math.inf, math.nextafter(amount, -math.inf)

    def __str__(self) -> str:
        # A unit's name in the plural for any figure but exactly one ("600 kilometres", "1.0 kilometres";
        # "1 kilometre", "600 km"); a range of figures is many ("1 (1–2) kilometres").
        one = self.amount == 1 and f"{self.amount}" == "1" and self.lower is None and self.upper is None
        unit = self.unit if self.unit is None or one else plural(self.unit)
        if self.amount is None:
            assert self.estimate is not None
            text = self.estimate.value.replace("-", " ")
            joint = " of " if self.estimate in (Estimate.DOZENS, Estimate.HUNDREDS, Estimate.THOUSANDS) else " "
            return f"{text}{joint}{unit}" if unit else text
        text = f"{self.amount:,}"
        if self.estimate is not None:
            text = f"{_WORDS[self.estimate]} {text}"
        elif self.lower is not None or self.upper is not None:
            text += f" ({self.low:,}–{self.high:,})"
        return f"{text} {unit}" if unit else text


def unheld_figure(figure: Quantity) -> tuple[str, str] | None:
    """``(field, message)`` for the first number of ``figure`` no key holds; else None.

    Past the largest float in base units, below the smallest normal one, or below
    absolute zero (:func:`~factlog.model._units.unrepresented`).

    1e306 km is 1e309 m: held as infinity it would be one proposition with 1.7e308 km
    (:func:`~factlog.model._units.unheld`). Costs a comparison a number unless the
    number is beyond 1e200.
    """
    unit = figure.unit
    if unit is None:
        return None
    for field, number in (("amount", figure.amount), ("lower", figure.lower), ("upper", figure.upper)):
        reason = None if number is None else unrepresented(number, unit)
        if reason is not None:
            return field, reason
        found = None if number is None else unheld(number, unit)
        if found is not None:
            base, _ = found
            return field, (
                f"{number:g} {unit} is past the largest figure held in its unit's base units ({base}:"
                " about 1.8e+308 at most), where it would be one figure with every other past it"
            )
    return None
