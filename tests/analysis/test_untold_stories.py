"""A ``derived_from`` naming a source the claim set does not hold: every consumer takes it.

A :class:`~factlog.ClaimSet` made in Python, or read with ``references=False``, may name
ids another file defines, as one file of a corpus does; the copied story of a
``derived_from`` is one of them. ``factlog.load`` with its reference check (and so
``factlog validate``) refuses it with the file and JSON path.
"""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import factlog
from factlog import ClaimSet, Source, UnknownIdError
from tests.helpers import claim, run, world
from tests.strategies import claim_sets, linked_claim_sets


@st.composite
def _untold(draw: st.DrawFn) -> ClaimSet:
    """A valid claim set, then some copied stories left out: dropped (their claims stay), renamed, or added."""
    claims = draw(st.one_of(claim_sets(), linked_claim_sets()))
    parents = sorted({parent for source in claims.sources for parent in source.derived_from})
    gone = set(draw(st.lists(st.sampled_from(parents), unique=True))) if parents else set()
    how = draw(st.sampled_from(["dropped", "renamed", "added"]))
    if how == "dropped":
        sources = tuple(source for source in claims.sources if source.id not in gone)
    elif how == "renamed":
        sources = tuple(
            attrs.evolve(source, derived_from=tuple(f"gone-{p}" if p in gone else p for p in source.derived_from))
            for source in claims.sources
        )
    else:
        sources = tuple(
            attrs.evolve(source, derived_from=(*source.derived_from, "gone")) if draw(st.booleans()) else source
            for source in claims.sources
        )
    return attrs.evolve(claims, sources=sources)


@given(_untold())
def test_every_consumer_takes_a_copy_of_a_story_the_set_does_not_hold(claims: ClaimSet) -> None:
    """check (no rule failure), assess and its renderings, the report, PROV, ClaimReview and a round trip all run."""
    assert [f.message for f in factlog.check(claims).findings if f.rule == "rule_failure"] == []
    for method in ("accucopy", "majority"):
        assessment = factlog.assess(claims, method=method)
        factlog.render_assessment_text(assessment)
        factlog.render_assessment_markdown(assessment)
        factlog.render_assessment_json(assessment)
        factlog.to_claimreview(assessment, claims, author="A fact-checker")
    factlog.html_report(claims)
    factlog.to_prov(claims)
    assert factlog.loads(factlog.dumps(claims), references=False) == claims


def _copy_of_an_untold_story() -> ClaimSet:
    claims = world(claim("a", holder="author", source="x1"))
    copy = Source(id="x1", title="Copy", publisher="author", derived_from=("gone",))
    return attrs.evolve(claims, sources=(*claims.sources, copy))


def test_prov_keeps_the_derivation_from_a_story_the_set_does_not_hold() -> None:
    """The copy still says what it was derived from, as PROV relations may name what the document does not describe."""
    derivations = factlog.to_prov(_copy_of_an_untold_story())["wasDerivedFrom"].values()
    assert {"prov:generatedEntity": "source:x1", "prov:usedEntity": "source:gone"} in derivations


@pytest.mark.parametrize("lines", [False, True])
def test_validate_refuses_a_copy_of_an_unknown_story_with_file_and_path(tmp_path: Path, lines: bool) -> None:
    """``factlog validate`` names the file and the JSON path (JSON Lines: its line) of the unknown story."""
    claims = _copy_of_an_untold_story()
    path = tmp_path / ("c.jsonl" if lines else "c.json")
    path.write_text(factlog.dumps_lines(claims) if lines else factlog.dumps(claims), encoding="utf-8")
    with pytest.raises(UnknownIdError):
        factlog.load(path)
    ran = run("validate", str(path))
    line = len(claims.entities) + len(claims.predicates) + len(claims.sources) + 1  # the header first
    where = f"{path}:{line}: $" if lines else f"{path}: $.sources[{len(claims.sources) - 1}]"
    assert (ran.returncode, ran.stderr.splitlines()[0]) == (3, f"error: {where}.derived_from[0]: unknown source 'gone'")
