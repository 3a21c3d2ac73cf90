"""What was learned of each source is told by the source's name, with a caveat when it rests on few claims."""

from __future__ import annotations

import functools
from pathlib import Path

import factlog
from factlog.render._assessment import FEW_CLAIMS, VOTES
from tests.helpers import ROOT, run


@functools.cache
def _corpus() -> factlog.Assessment:
    return factlog.assess(factlog.load([ROOT / "sources"]))


def _learned_lines(text: str) -> list[str]:
    lines = text.splitlines()
    start = lines.index(f"learned accuracy per source, from its {VOTES}:") + 1
    return [line for line in lines[start:] if line.startswith("    ")]


def test_each_source_is_named_with_its_id_beside_the_name() -> None:
    """The text gives each source's name and id: 'North Korea (dprk)', not 'dprk' alone."""
    lines = _learned_lines(factlog.render_assessment_text(_corpus()))
    assert len(lines) == len(_corpus().sources)
    for trust, line in zip(_corpus().sources, lines, strict=True):
        assert trust.name not in ("", trust.source)
        assert line.startswith(f"    {trust.name} ({trust.source}): {trust.accuracy:.2f}")


def test_an_accuracy_from_fewer_than_few_claims_carries_a_caveat() -> None:
    """Under FEW_CLAIMS claims the line says it means little (none: the prior, and why); from more, no caveat."""
    lines = _learned_lines(factlog.render_assessment_text(_corpus()))
    seen = set()
    for trust, line in zip(_corpus().sources, lines, strict=True):
        seen.add(min(trust.claims, FEW_CLAIMS))
        if trust.claims == 0:
            assert line.endswith(
                f"{trust.accuracy:.2f}, its prior, nothing learned: no other source speaks to its claims"
            )
        elif trust.claims < FEW_CLAIMS:
            assert line.endswith(f": too few to mean much (fewer than {FEW_CLAIMS})")
        else:
            assert line.endswith(f"from {trust.claims} votes")
    assert {0, 1, FEW_CLAIMS} <= seen  # the corpus has each case


def test_assess_names_the_source_learned_from_one_claim_with_its_caveat() -> None:
    """From the command: Western intelligence, learned from one claim, by name and with the caveat."""
    assert (
        "    Western intelligence assessments (western-intelligence): 0.64 from 1 vote:"
        " too few to mean much (fewer than 5)\n"
    ) in run("assess", "sources").stdout


def test_the_compact_assessment_names_its_sources_as_the_plain_one(tmp_path: Path) -> None:
    """assess_lines gives the sources the names assess gives them, so both texts read alike."""
    path = tmp_path / "corpus.jsonl"
    path.write_text(factlog.dumps_lines(factlog.load(ROOT / "sources")), encoding="utf-8")
    compact = factlog.assess_lines(path)
    assert [t.name for t in compact.sources] == [t.name for t in _corpus().sources]
    assert _learned_lines(factlog.render_assessment_text(compact)) == _learned_lines(
        factlog.render_assessment_text(_corpus())
    )


def test_a_name_is_no_part_of_what_was_learned() -> None:
    """Two trusts that differ only in name are equal, and the JSON gives no name."""
    trust = _corpus().sources[0]
    assert trust.name == "the outlet of the Choe Son-hui article"
    assert trust == factlog.SourceTrust(trust.source, trust.accuracy, trust.claims, trust.weight)
    assert '"name"' not in factlog.render_assessment_json(_corpus()).split('"dependences"')[0]


def test_the_dask_assessment_names_its_sources_as_the_plain_one() -> None:
    """factlog.dask.assess (no cluster: the synchronous scheduler) names the sources as assess does."""
    import factlog.dask  # noqa: PLC0415 - the [dask] extra

    distributed = factlog.dask.assess([str(ROOT / "sources")], partitions=2)
    assert [(t.source, t.name) for t in distributed.sources] == [(t.source, t.name) for t in _corpus().sources]
