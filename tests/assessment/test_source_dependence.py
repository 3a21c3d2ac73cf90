"""Sources found copying on one proposition are dependent on each other for every claim they agree on."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import factlog
import factlog.dask
from factlog.analysis._dependence import found_in, may_echo
from factlog.render import render_assessment_json
from tests.release_story import story
from tests.strategies import echoed_claim_sets

_DAYS = st.sampled_from(["2026-03-02", "2026-03-03"])

Origins = list[tuple[str, str, tuple[str, ...]]]


def _weighed(assessment: factlog.Assessment | factlog.LinesAssessment) -> dict[str, tuple[Origins, Origins]]:
    """Each proposition's origins for and against it: (party, grade, claims), sorted."""
    return {
        item.statement: (
            sorted((o.speaks_for, o.reliability.value, o.claims) for o in item.supporting),
            sorted((o.speaks_for, o.reliability.value, o.claims) for o in item.opposing),
        )
        for item in assessment.propositions
    }


def test_a_wire_s_short_copy_of_the_ministry_s_toll_is_the_ministry_s_not_a_second_origin() -> None:
    """ "killing 12 civilians" is too short to tell a copy by, but the wire prints the ministry's text: one origin."""
    twelve, _ = _weighed(factlog.assess(story(), as_of="2026-03-04"))["the Selva strike has a death toll of 12 people"]
    assert [(party, claims) for party, _, claims in twelve] == [
        ("orvania", ("agency-toll", "mfa-toll", "wire-toll")),
    ]


def test_the_agency_s_correction_is_not_outweighed_by_the_wire_s_copy_of_what_it_corrects() -> None:
    """The wire's copy of the ministry's 12 is the ministry's stance: no second origin rejects the agency's 7."""
    items = {item.statement: item for item in factlog.assess(story()).propositions}
    assert items["the Selva strike has a death toll of 7 people"].acceptance is not factlog.Acceptance.REJECTED
    [twelve] = items["the Selva strike has a death toll of 12 people"].supporting
    assert (twelve.speaks_for, twelve.claims) == ("orvania", ("mfa-toll", "wire-toll"))


@settings(max_examples=8, deadline=None)
@given(_DAYS, _DAYS)
def test_declaring_the_copying_the_wording_implies_changes_no_proposition_s_origins(statement: str, wire: str) -> None:
    """For every proposition, the origins and grades with the wire's copying undeclared are those with it declared."""
    statement, wire = sorted((statement, wire))  # the wording implies the wire copies: it is never the earlier
    undeclared = _weighed(factlog.assess(story(statement=statement, wire=wire)))
    assert undeclared == _weighed(factlog.assess(story(statement=statement, wire=wire, declared=True)))


def test_single_streamed_and_distributed_assessments_count_copying_across_slots_alike() -> None:
    """The strike (one slot) shows the copying the toll (another) depends on: every path assesses the same bytes."""
    claims = story()
    expected = render_assessment_json(factlog.assess(claims))
    for partitions in (1, 2, 3):
        assert render_assessment_json(factlog.dask.assess(claims, partitions=partitions)) == expected
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "claims.jsonl"
        path.write_text(factlog.dumps_lines(claims), encoding="utf-8")
        assert render_assessment_json(factlog.assess_lines(path, bin_size=1)) == expected


@settings(max_examples=20, deadline=None)
@given(echoed_claim_sets())
def test_a_part_the_quick_screen_passes_over_finds_no_source_copying(claims: factlog.ClaimSet) -> None:
    """``may_echo`` is False only where indexing the claims would find no sources copying."""
    if not may_echo(claims):
        assert found_in(factlog.Index.of(claims)) == ()
    assert may_echo(story())
