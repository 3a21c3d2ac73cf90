"""An origin joined only by shared wording is graded by the holder whose words they are, as if declared."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import factlog
from factlog import Index
from factlog.analysis import origins
from tests.release_story import story

_DAYS = st.sampled_from(["2026-03-02", "2026-03-03"])


def _strike(claims: factlog.ClaimSet) -> list[tuple[str, str, tuple[str, ...]]]:
    """The origins for the strike: (party, grade, claims), by claims."""
    [item] = [p for p in factlog.assess(claims).propositions if p.statement.startswith("Belmark strikes")]
    return sorted((o.speaks_for, o.reliability.value, o.claims) for o in item.supporting)


def test_a_wire_printing_a_ministry_s_release_takes_the_ministry_s_grade_not_its_own() -> None:
    """The statement, the wire (B) and its copy print one sentence: Orvania's origin, graded D (its agency), never B."""
    found = {party: grade for party, grade, _ in _strike(story())}
    assert found["orvania"] == "D"
    assert "wire" not in found


@given(_DAYS, _DAYS)
def test_declaring_the_copy_the_wording_implies_changes_no_origin_nor_grade(statement: str, wire: str) -> None:
    """What assess weighs for the strike with the wire's copying undeclared is what it weighs with it declared."""
    statement, wire = sorted((statement, wire))  # the wording implies the wire copies: it is never the earlier
    undeclared = story(statement=statement, wire=wire)
    declared = story(statement=statement, wire=wire, declared=True)
    assert _strike(undeclared) == _strike(declared)


def test_an_untold_original_is_graded_as_the_lowest_it_may_be() -> None:
    """Neither the ministry's outlet nor the wire can be told the original: the origin is graded as the lower (F)."""
    claims = story(statement_kind="news-report", ministry_kind="media-outlet")
    index = Index.of(claims)
    group = [entry for entry in index.entries if entry.claim.id in {"mfa-strike", "wire-strike", "paper-strike"}]
    [origin] = origins(index, group, wording=True)
    assert origin.speaks_for == "orvania"
