"""Running totals: a later, lower figure of a cumulative predicate is stale or wrong."""

from __future__ import annotations

from factlog import Severity
from factlog.checks import falling_total
from tests.helpers import claim, findings_of, sides, world


def cases(id: str, amount: int, when: str | None, **kwargs: object) -> object:
    return claim(id, "ruritania", "cases-reported", amount, when, **kwargs)  # type: ignore[arg-type]


def test_later_lower_figure_is_flagged_against_the_highest_before_it() -> None:
    """1,200 as of 1 March, 1,500 as of 5 March, then 900 as of 8 March: flagged against 1,500."""
    claims = world(
        cases("first", 1200, "2025-03-01"),
        cases("second", 1500, "2025-03-05", holder="wire"),
        cases("stale", 900, "2025-03-08", holder="kcna"),
    )
    [finding] = findings_of(falling_total, claims)
    assert sides(finding) == {"established": {"second"}, "lower": {"stale"}}
    assert finding.severity is Severity.WARNING
    assert "900" in finding.message
    assert "1,500" in finding.message


def test_growing_figures_are_consistent() -> None:
    """1,200, then 1,500, then 1,501: a running total growing."""
    claims = world(cases("a", 1200, "2025-03-01"), cases("b", 1500, "2025-03-05"), cases("c", 1501, "2025-03-09"))
    assert findings_of(falling_total, claims) == []


def test_figures_for_overlapping_dates_are_not_ordered() -> None:
    """900 as of some day in March and 1,200 as of 1 March: March may be earlier, so no finding."""
    assert findings_of(falling_total, world(cases("a", 1200, "2025-03-01"), cases("b", 900, "2025-03"))) == []


def test_within_tolerance_is_no_fall() -> None:
    """1,000 then 995 with a 1 % tolerance: the same figure, rounded."""
    assert findings_of(falling_total, world(cases("a", 1000, "2025-03-01"), cases("b", 995, "2025-03-02"))) == []


def test_undated_figures_count_from_when_they_were_stated() -> None:
    """No valid time: the figure is as of the day it was stated; a possible one is info."""
    claims = world(
        cases("a", 1200, None, stated="2025-03-01"),
        cases("b", 900, None, stated="2025-03-09", certainty="possible"),
    )
    [finding] = findings_of(falling_total, claims)
    assert finding.severity is Severity.INFO
