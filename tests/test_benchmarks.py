"""The benchmark harness at a tiny size, so it never rots: correctness only, never timings."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
import time
import types
from pathlib import Path

import pytest

import factlog
from benchmarks import dask_bench
from benchmarks.__main__ import main as benchmarks_main
from benchmarks.codec import main as codec_main
from benchmarks.dask_bench import FILES, dask_table, estimate, stages, write_parts
from benchmarks.dask_packed import packed_figures
from benchmarks.generate import generate, main, write, write_lines
from benchmarks.graph import main as graph_main
from benchmarks.log_append import main as log_append_main
from benchmarks.run import _memory_in_fresh_process, bare_grouping, measure, reading_floor, table
from benchmarks.stream import check_ratio, stream_table
from benchmarks.truth import BUDGETS, abbreviations, book, budget_report


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


@pytest.mark.parametrize("count", ["300", "1,000", "1_000"])
def test_the_generator_reads_counts_grouped_by_thousands(tmp_path: Path, count: str) -> None:
    """`python -m benchmarks.generate 1,000 FILE` writes 1,000 claims, as 1000 would; 1,0000 is refused."""
    path = tmp_path / "claims.jsonl"
    assert main([count, str(path)]) == 0
    assert len(factlog.load(path).claims) == int(count.replace(",", ""))
    with pytest.raises(SystemExit):
        main(["1,0000", str(tmp_path / "typo.jsonl")])
    assert not (tmp_path / "typo.jsonl").exists()


def test_the_generator_refuses_a_missing_folder_by_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A path in a folder that does not exist is a usage error naming it, not a traceback."""
    target = tmp_path / "absent" / "claims.jsonl"
    with pytest.raises(SystemExit) as stopped:
        main(["10", str(target)])
    assert stopped.value.code == 2
    assert f"error: {target}: no folder {target.parent} to write it in" in capsys.readouterr().err


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
    for figure in ("load", "dump", "check", "assess", "add", "orjson", "bare", "check_cpu", "check_ratio_cpu"):
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


def test_check_ratio_times_the_check_of_the_file_against_its_bare_grouping(tmp_path: Path) -> None:
    """The ratio is the check's CPU over the bare grouping's, and the findings are the file's check's."""
    write(generate(1500, seed=6), tmp_path / "set.jsonl")
    found = check_ratio(tmp_path / "set.jsonl")
    assert found["findings"] == len(factlog.check(factlog.load(tmp_path / "set.jsonl")).findings) > 0
    assert found["ratio"] == found["check_cpu"] / found["bare_cpu"]
    assert found["floor_ratio"] == found["floor_cpu"] / found["bare_cpu"]


def test_reading_floor_files_every_claim_with_a_proposition_four_ways() -> None:
    """Each claim with a proposition is in one slot, one key and one holder group, and once per evidence source."""
    document = generate(600, seed=3)
    for claim in document["claims"][::7]:
        del claim["proposition"]  # said in words only: in no group
    claims = factlog.loads(json.dumps(document))
    slots, keys, holders, sources = reading_floor(claims)
    stated = [claim for claim in claims.claims if claim.proposition is not None]
    assert 0 < len(stated) < len(claims.claims)
    for groups in (slots, keys, holders):
        assert sorted(c.id for group in groups.values() for c in group) == sorted(c.id for c in stated)
    assert sum(map(len, sources.values())) == sum(len(c.evidence) for c in stated)
    assert len(keys) > len(slots)


def test_book_abbreviations_expand_only_to_one_longer_name() -> None:
    """In one book "dan" reads as the one longer token it begins; "jo" (too short) and "chris" (two longer) stay."""
    lists = ["boyce dan jennings joseph", "boyce daniel jennings joseph", "chris christian christopher jo"]
    assert abbreviations(lists) == {"dan": "daniel"}


def test_book_normalisation_reads_the_gold_list_with_the_stores(tmp_path: Path) -> None:
    """A gold "Dan" matches the stores' "Daniel" once abbreviations are expanded, and not before."""
    (tmp_path / "book.txt").write_text(
        "s1\t0750673273\tT\tDaniel Jennings, Joseph Boyce\ns2\t0750673273\tT\tBoyce, Joseph G./ Jennings, Dan W.\n",
        encoding="utf-8",
    )
    (tmp_path / "book_golden.txt").write_text("9780750673273\tboyce, joseph;  jennings, dan;\n", encoding="utf-8")
    votes, gold = book(tmp_path)
    assert {vote.answer for vote in votes} == {gold["9780750673273"]} == {"boyce daniel jennings joseph"}
    votes, gold = book(tmp_path, expand=False)
    assert gold["9780750673273"] == "boyce dan jennings joseph"
    assert len({vote.answer for vote in votes}) == 2


def test_book_names_run_together_are_not_expanded() -> None:
    """ "peterallen" is "peter" and "allen" run together by a store, so "peter" keeps its own name."""
    assert abbreviations(["allen peter", "allen peterallen", "dan", "daniel"]) == {"dan": "daniel"}


def test_dask_parts_load_to_the_generated_set(tmp_path: Path) -> None:
    """The tables file and the claim files of the Dask section are the generated set, split."""
    write_parts(300, tmp_path, seed=2)
    document = generate(300, seed=2)
    write(document, tmp_path.parent / "whole.json")
    assert factlog.load(tmp_path) == factlog.load(tmp_path.parent / "whole.json")
    assert len(list(tmp_path.glob("claims-*.jsonl"))) == FILES


def test_dask_stages_time_every_pass_and_the_estimate_adds_up() -> None:
    """Routing and each pass get a per-claim time; the 100M estimate is the sum of its parts."""
    claims = factlog.loads(json.dumps(generate(400, seed=8)))
    rates = stages(claims, partitions=3)
    passes = {"slot", "object", "holder", "source", "answers"}  # no claim about claims: no regarding pass
    copies = {f"{kind}_copies" for kind in passes}
    assert set(rates) == {"route", "conclude", "conclude_shards", "pickled_bytes", *passes, *copies}
    assert all(value > 0 for value in rates.values())
    row = {"claims": 400, "findings": 1, "load": 1.0, "check": 1.0, "synchronous": 2.0, "synchronous_ratio": 2.0}
    row |= {"cluster_1": 3.0, "cluster_2": 2.0, "rates": rates}
    guess = estimate(row)
    assert guess["total"] == pytest.approx(guess["read"] + guess["compute"] + guess["shuffle"])
    assert "Estimate for 100M claims on 16 workers" in dask_table(row)


def test_dask_stages_are_timed_in_cpu_seconds(monkeypatch: pytest.MonkeyPatch) -> None:
    """Routing, the passes and the whole-set rules alike in CPU seconds: no stage reads the wall clock."""

    def wall() -> float:
        raise AssertionError("a stage read the wall clock")

    monkeypatch.setattr(dask_bench, "time", types.SimpleNamespace(perf_counter=wall, process_time=time.process_time))
    rates = stages(factlog.loads(json.dumps(generate(200, seed=8))), partitions=2)
    assert all(value > 0 for value in rates.values())
    row = {"claims": 200, "findings": 1, "load": 1.0, "check": 1.0, "synchronous": 2.0, "synchronous_ratio": 2.0}
    table = dask_table(row | {"cluster_1": 3.0, "cluster_2": 2.0, "rates": rates})
    assert "| run | wall seconds |" in table
    assert "CPU time per claim" in table


def test_stream_table_measures_the_compact_check() -> None:
    """``--stream-sizes``: one row per size for the check (ratio to the bare grouping) and one for the assessment."""
    rendered = stream_table([300])
    check, assessment = rendered.split("\n\n")
    assert "| 300 |" in check
    assert check.count("\n") == 2
    assert assessment.startswith("| claims | assess_lines s |")
    assert assessment.count("\n") == 2
    assert "| 300 |" in assessment


def test_write_lines_is_write_of_generate(tmp_path: Path) -> None:
    """The JSON Lines file written a claim at a time has the bytes of the one written whole."""
    write(generate(700, seed=5), tmp_path / "whole.jsonl")
    write_lines(700, tmp_path / "streamed.jsonl", seed=5)
    assert (tmp_path / "streamed.jsonl").read_bytes() == (tmp_path / "whole.jsonl").read_bytes()


@pytest.mark.parametrize("name", ["set.json", "set.jsonl"])
def test_the_generate_command_writes_what_write_of_generate_writes(tmp_path: Path, name: str) -> None:
    """``python -m benchmarks.generate`` (JSON Lines a claim at a time) gives the bytes of ``write(generate())``."""
    main(["300", str(tmp_path / name), "--seed", "4", "--contradiction-rate", "0.3"])
    write(generate(300, seed=4, contradiction_rate=0.3), tmp_path / f"whole-{name}")
    assert (tmp_path / name).read_bytes() == (tmp_path / f"whole-{name}").read_bytes()


def test_the_generator_runs_by_its_path_from_another_folder(tmp_path: Path) -> None:
    """``python CHECKOUT/benchmarks/generate.py N FILE`` (docs/scale.md) works outside the checkout's root."""
    script = Path(__file__).resolve().parent.parent / "benchmarks" / "generate.py"
    run = subprocess.run(
        [sys.executable, str(script), "200", "set.jsonl"], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    write_lines(200, tmp_path / "expected.jsonl")
    assert (run.returncode, run.stdout, run.stderr) == (0, "", "wrote 200 claims to set.jsonl (JSON Lines)\n")
    assert (tmp_path / "set.jsonl").read_bytes() == (tmp_path / "expected.jsonl").read_bytes()


@pytest.mark.parametrize(
    ("how", "prog"),
    [(["benchmarks/generate.py"], "python benchmarks/generate.py"), (["-m", "benchmarks.generate"], None)],
    ids=["script", "module"],
)
def test_the_generator_s_usage_names_the_command_as_it_was_run(how: list[str], prog: str | None) -> None:
    """Run by its path, the usage names ``python PATH``; run with ``-m``, ``python -m benchmarks.generate``."""
    root = Path(__file__).resolve().parent.parent
    run = subprocess.run([sys.executable, *how, "--help"], cwd=root, capture_output=True, text=True, check=False)
    assert run.returncode == 0
    assert run.stdout.startswith(f"usage: {prog or 'python -m benchmarks.generate'} [-h]")


@pytest.mark.parametrize(("name", "shape"), [("set.json", "one JSON document"), ("set.jsonl", "JSON Lines")])
def test_the_generator_says_what_it_wrote_on_standard_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, shape: str
) -> None:
    """One line on standard error names the count, grouped by thousands, the path and the form; nothing on stdout."""
    path = tmp_path / name
    assert main(["1,200", str(path)]) == 0
    assert capsys.readouterr() == ("", f"wrote 1,200 claims to {path} ({shape})\n")
    assert len(factlog.load(path).claims) == 1200


@pytest.mark.parametrize("name", ["set.json", "set.jsonl"])
def test_a_failed_generation_leaves_the_old_file(tmp_path: Path, name: str) -> None:
    """A write that fails part-way keeps the file that was there and leaves no partial file beside it."""
    path = tmp_path / name
    path.write_text("old", encoding="utf-8")
    document = generate(50)
    document["claims"].append({"id": "broken", "statement": object()})  # json.dumps fails on it, after the rest
    with pytest.raises(TypeError):
        write(document, path)
    assert path.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_codec_round_times_all_three_and_leaves_the_collector_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``python -m benchmarks.codec`` prints one line of the three CPU times and their ratio a round."""
    write(generate(1000, seed=8), tmp_path / "set.json")
    assert codec_main([str(tmp_path / "set.json"), "--rounds", "2"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(rows) == 2
    for row in rows:
        assert set(row) == {"orjson", "load", "dumps", "ratio"}
        assert row["load"] > 0
        assert row["ratio"] > 0
    assert gc.isenabled()


@pytest.mark.filterwarnings("ignore::factlog.PairBudgetWarning")
def test_the_budget_table_runs_every_budget_on_the_echo_cluster() -> None:
    """Without Book, the budget table has a row of limits and of accuracies for the echo cluster, a cell a budget."""
    table = budget_report(None, 20240601)
    rows = [line for line in table.splitlines() if line.startswith("| Echo")]
    assert [len(row.split(" | ")) for row in rows] == [len(BUDGETS) + 1] * 2
    assert "all, 25,976 pairs" in rows[0]
    assert "m ≤ 0, 0 pairs" in rows[0]  # no value weighed: a limit of 0 sources


def test_the_benchmark_help_names_the_command_to_run(capsys: pytest.CaptureFixture[str]) -> None:
    """`python -m benchmarks --help` shows that command in its usage line, not `__main__.py`."""
    with pytest.raises(SystemExit):
        benchmarks_main(["--help"])
    assert capsys.readouterr().out.startswith("usage: python -m benchmarks [-h]")


@pytest.mark.parametrize("option", ["--memory", "--stream", "--stream-assess", "--bare", "--check-ratio"])
def test_a_missing_file_is_a_usage_error_naming_it(
    option: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A FILE option naming no file exits 2 with the option and the path, not a traceback."""
    missing = tmp_path / "absent.jsonl"
    with pytest.raises(SystemExit) as stopped:
        benchmarks_main([option, str(missing)])
    assert stopped.value.code == 2
    assert f"{option}: {missing}: no such file" in capsys.readouterr().err


@pytest.mark.parametrize("kind", ["claim", "predicate-inverse", "alias-taking", "event-words", "retract", "bulk"])
def test_log_append_times_each_round(kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """benchmarks/log_append.py appends onto a copy of its store each round and prints a time a round."""
    assert log_append_main(["300", kind, "2", "--folder", str(tmp_path)]) == 0
    printed = capsys.readouterr()
    assert printed.out.startswith(f"300 {kind}: ")
    assert len(printed.out.split(": ")[1].split()) == 2
    refused = "300 predicate-inverse: refused (timed until refused)\n"  # its claims would name no predicate
    assert printed.err == (refused if kind == "predicate-inverse" else "")


def test_the_graph_benchmark_routes_past_the_limit_and_puts_it_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`python -m benchmarks.graph FILE 2`: one line a round, routed past the page's limit, which is put back."""
    from factlog.report import _graph  # noqa: PLC0415 - its limit is what the benchmark lifts

    path = tmp_path / "claims.jsonl"
    write(generate(300), path)
    monkeypatch.setattr(_graph, "ROUTED_AT_MOST", 0)  # every graph is past it
    assert graph_main([str(path), "2"]) == 0
    assert graph_main([str(path), "1", "--capped"]) == 0
    routed, again, capped = capsys.readouterr().out.splitlines()
    assert routed.startswith("claims.jsonl: ")
    assert all(" routed: " in line and ", 0 crossing a node, 0 left straight" in line for line in (routed, again))
    assert " straight: " in capped
    assert _graph.ROUTED_AT_MOST == 0  # put back


def test_the_packed_claims_are_a_small_share_of_the_objects() -> None:
    """``benchmarks.dask_packed``: the claims given in memory, packed for the scheduler, unpack to the same set and take
    less than a tenth of the objects' memory (a share, not a timing)."""
    figures = packed_figures(300)
    assert figures["claims"] == 300
    assert 0 < figures["packed_mb"] < figures["pickled_mb"] < figures["objects_mb"]
    assert figures["packed_share"] < 0.1
