"""Hedged dates in the timeline: a date given uncommitted is shown and clashes with nothing, as in the checks."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from factlog import Claim, Index, check
from factlog.report._events import events, render_events_text
from tests.helpers import claim, world

DAYS = ["2025-03-01", "2025-03", "2025-04-10", "2025", "2024"]
CERTAINTIES = ["certain", "probable", "possible", "uncommitted"]


def _visit_date(id: str, day: str, certainty: str, holder: str = "kcna") -> Claim:
    return claim(id, "visit", "takes-place-on", f"date:{day}", None, holder=holder, certainty=certainty)


def test_an_uncommitted_date_clashes_with_no_firm_one() -> None:
    """'No evidence it was on 1 March' against KCNA's 10 April: no conflicting dates, as check finds no conflict."""
    claims = world(
        _visit_date("firm", "2025-04-10", "certain"),
        _visit_date("unsure", "2025-03-01", "uncommitted", holder="analysts"),
    )
    assert not check(claims).findings
    (event,) = events(Index.of(claims))
    assert (event.conflict, event.clashes) == (False, (False, False))
    assert "affirmed, uncommitted" in render_events_text([event])


def test_an_uncommitted_denial_does_not_clash_with_an_affirmed_visit() -> None:
    """A recurring visit affirmed in April, 'not clear it happened' for the year: no affirmed-and-denied."""
    claims = world(
        claim("firm", predicate="visits", obj="prc", when="2025-04", holder="kcna"),
        claim(
            "unsure",
            predicate="visits",
            obj="prc",
            when="2025",
            holder="analysts",
            certainty="uncommitted",
            denied=True,
        ),
    )
    (event,) = events(Index.of(claims))
    assert event.conflict_kind is None


@given(st.lists(st.tuples(st.sampled_from(DAYS), st.sampled_from(CERTAINTIES)), min_size=1, max_size=5))
def test_uncommitted_dates_change_no_other_date_s_clash(dates: list[tuple[str, str]]) -> None:
    """Oracle: the clashes of the committed dates are those of the claims without the uncommitted ones."""
    claims = [_visit_date(f"c{n}", day, certainty) for n, (day, certainty) in enumerate(dates)]
    committed = [c for c in claims if c.certainty.value != "uncommitted"]
    (event,) = events(Index.of(world(*claims)))
    marked = {(d.date, d.certainty): clash for d, clash in zip(event.dates, event.clashes, strict=True)}
    assert not any(clash for (_, certainty), clash in marked.items() if certainty == "uncommitted")
    if committed:
        (alone,) = events(Index.of(world(*committed)))
        assert {(d.date, d.certainty): c for d, c in zip(alone.dates, alone.clashes, strict=True)} == {
            key: clash for key, clash in marked.items() if key[1] != "uncommitted"
        }
