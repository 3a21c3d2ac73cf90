"""The benchmark harness at a tiny size, so it never rots: correctness only, never timings."""

from __future__ import annotations

import json
from pathlib import Path

import factlog
from benchmarks.generate import generate, write, write_lines
from benchmarks.run import _memory_in_fresh_process, bare_grouping, measure, table
from benchmarks.stream import stream_table


def test_generator_is_seeded_and_realistic() -> None:
    """The same seed gives the same document, with every feature the benchmark needs."""
    document = generate(2000, seed=3)
    assert document == generate(2000, seed=3)
    assert document != generate(2000, seed=4)
    claims = factlog.loads(json.dumps(document))
    assert len(claims.claims) == 2000
    assert any(source.derived_from for source in claims.sources)
    assert any(entity.anonymous for entity in claims.entities)
    assert any(claim.polarity is factlog.Polarity.DENIED for claim in claims.claims)
    assert any(claim.attribution.via for claim in claims.claims)
    assert any("-copy" in claim.id for claim in claims.claims)
    assert claims.acknowledged
    assert {p.kind for p in claims.predicates} == set(factlog.PredicateKind)


def test_generated_json_lines_load_to_the_same_set(tmp_path: Path) -> None:
    """The JSON and JSON Lines outputs are the same claim set."""
    document = generate(500, seed=5)
    write(document, tmp_path / "set.json")
    write(document, tmp_path / "set.jsonl")
    assert factlog.load(tmp_path / "set.jsonl") == factlog.load(tmp_path / "set.json")


def test_bare_grouping_is_a_coarser_baseline() -> None:
    """The baseline groups by raw proposition; normalisation can only merge its groups."""
    claims = factlog.loads(json.dumps(generate(1000, seed=6)))
    groups = bare_grouping(claims)
    assert sum(len(group) for group in groups.values()) == sum(1 for c in claims.claims if c.proposition)
    assert len(factlog.Index.of(claims).by_key) <= len(groups)


def test_measure_reports_every_figure() -> None:
    """A small run gives every figure of the table, with consistent counts."""
    row = measure(300)
    assert row["claims"] == 300
    for figure in ("load", "dump", "check", "assess", "add", "orjson", "bare"):
        assert row[figure] > 0
    assert row["findings"] > 0
    assert row["rss_per_claim"] > 0
    assert row["rss_per_claim_lines"] > 0
    rendered = table([row, {**row, "claims": 1_000_000}, {**row, "claims": 100_000}])
    assert "| 300 |" in rendered
    assert "Growth from 100k to 1M claims" in rendered


def test_memory_grows_with_the_claims_read(tmp_path: Path) -> None:
    """In fresh processes, ten times the claims retain at least four times the memory: the probe measures the set."""
    write(generate(400, seed=7), tmp_path / "small.jsonl")
    write(generate(4000, seed=7), tmp_path / "large.jsonl")
    small, large = (
        _memory_in_fresh_process(tmp_path / "small.jsonl"),
        _memory_in_fresh_process(tmp_path / "large.jsonl"),
    )
    assert (small["claims"], large["claims"]) == (400, 4000)
    assert large["retained"] > 4 * small["retained"] > 0
    assert large["peak"] > large["check_peak"] > large["load_peak"]  # checking and assessing both allocate


def test_stream_table_measures_the_compact_check() -> None:
    """``--stream-sizes``: one row per size, with the claims counted and a ratio to the bare grouping."""
    rendered = stream_table([300])
    assert "| 300 |" in rendered
    assert rendered.count("\n") == 2


def test_write_lines_is_write_of_generate(tmp_path: Path) -> None:
    """The JSON Lines file written a claim at a time has the bytes of the one written whole."""
    write(generate(700, seed=5), tmp_path / "whole.jsonl")
    write_lines(700, tmp_path / "streamed.jsonl", seed=5)
    assert (tmp_path / "streamed.jsonl").read_bytes() == (tmp_path / "whole.jsonl").read_bytes()
