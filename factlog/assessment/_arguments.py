"""An assessment given where one is expected, or an :class:`~factlog.ArgumentError` saying what came instead."""

from __future__ import annotations

from factlog.assessment._assessment import Assessment
from factlog.assessment._lines import LinesAssessment
from factlog.errors import ArgumentTypeError, described

__all__ = ["expect_assessment"]

_FROM = "(from factlog.assess or factlog.assess_lines)"


def expect_assessment(value: object, where: str) -> Assessment | LinesAssessment:
    """``value`` if it is an :class:`Assessment` or a :class:`LinesAssessment`; ``where`` names the argument."""
    if not isinstance(value, Assessment | LinesAssessment):
        raise ArgumentTypeError(f"{where}: expected an Assessment {_FROM}, got {described(value)}")
    return value
