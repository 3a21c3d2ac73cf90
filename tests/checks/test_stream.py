"""The compact check of a JSON Lines file gives the findings of the plain check, byte for byte."""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import factlog
from factlog.checks import _copying
from factlog.cli import main
from factlog.render import render_json
from tests.helpers import acknowledgement_lines, claim, echo_cluster, generated_lines, run, world
from tests.strategies import claim_sets, linked_claim_sets

ROOT = Path(__file__).parent.parent.parent


def _both(path: Path, **sizes: int) -> tuple[str, str]:
    """The plain and the compact JSON report; the compact path must not have read the file whole."""
    plain = render_json(factlog.check(factlog.load(path)))
    report = factlog.check_lines(path, **sizes)
    assert report.claims.claims == ()  # the whole-file fallback would carry the claims
    return plain, render_json(report)


@given(claim_sets(max_claims=12), st.integers(1, 5), st.integers(1, 6))
def test_same_findings_as_check(claims: factlog.ClaimSet, batch: int, bin_size: int) -> None:
    """Any claim set, in any batch and bin sizes: the same findings, ids, order and JSON bytes."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "claims.jsonl"
        path.write_text(factlog.dumps_lines(claims), encoding="utf-8")
        plain, compact = _both(path, batch=batch, bin_size=bin_size)
    assert compact == plain


@given(linked_claim_sets(), st.integers(1, 4), st.integers(1, 3))
def test_same_findings_across_slots(claims: factlog.ClaimSet, batch: int, bin_size: int) -> None:
    """Places within places, inverse-functional and exclusive predicates, claims about claims: the same bytes."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "claims.jsonl"
        path.write_text(factlog.dumps_lines(claims), encoding="utf-8")
        plain, compact = _both(path, batch=batch, bin_size=bin_size)
    assert compact == plain


def test_links_across_slots_in_bins_of_one(tmp_path: Path) -> None:
    """A wider place, an exclusive predicate and an inverse-functional object, far apart in the file."""
    fillers = [claim(f"filler-{n}", "dprk", "cases-reported", 1000 + n, f"{2010 + n}") for n in range(6)]
    linked = [
        claim("in-region", qualifiers={"place": "sudzha"}),
        claim("not-in-country", qualifiers={"place": "russia"}, denied=True, holder="kcna"),
        claim("term", "trump", "holds-office", "us-president", "2025-01-20/.."),
        claim("out", "trump", "no-longer-holds-office", "us-president", "2025-10", holder="kcna"),
        claim("alice", "alice", "premier-of", "ruritania", "2025-03"),
        claim("bob", "bob", "premier-of", "ruritania", "2025-03-10", holder="kcna"),
    ]
    ordered = [item for pair in zip(linked, fillers, strict=True) for item in pair]
    path = tmp_path / "claims.jsonl"
    path.write_text(factlog.dumps_lines(world(*ordered)), encoding="utf-8")
    plain, compact = _both(path, batch=1, bin_size=1)
    assert compact == plain
    assert {"opposed_claims", "exclusive_predicates", "conflicting_holders"} <= {
        finding.rule for finding in factlog.check(factlog.load(path)).findings
    }


def test_bundled_corpus(tmp_path: Path) -> None:
    """The bundled corpus as one JSON Lines file: the same report, in small batches and bins too."""
    path = tmp_path / "corpus.jsonl"
    path.write_text(factlog.dumps_lines(factlog.load(ROOT / "sources")), encoding="utf-8")
    plain, compact = _both(path)
    assert compact == plain
    assert _both(path, batch=7, bin_size=5)[1] == plain
    assert '"findings": []' not in plain


def test_generated_set(tmp_path: Path) -> None:
    """A thousand generated claims (relays, copies, denials, acknowledgements): the same report."""
    from benchmarks.generate import generate, write  # noqa: PLC0415 - the benchmark's own generator

    path = tmp_path / "claims.jsonl"
    write(generate(1000, 3), path)
    plain, compact = _both(path, batch=128, bin_size=200)
    assert compact == plain


def test_unusual_file_read_whole(tmp_path: Path) -> None:
    """A file the compact path does not take (a bad line) raises the plain reader's error."""
    path = tmp_path / "bad.jsonl"
    path.write_text('{"format": "factlog", "version": 1}\n{"type": "claim", "id": 3}\n', encoding="utf-8")
    with pytest.raises(factlog.FormatError) as raised:
        factlog.check_lines(path)
    with pytest.raises(factlog.FormatError) as plain:
        factlog.load(path)
    assert raised.value.errors == plain.value.errors


def test_unknown_claim_link_read_whole(tmp_path: Path) -> None:
    """A claim answering a claim the file lacks: the plain reader's unknown-id error."""
    claims = factlog.load(ROOT / "sources")
    first = claims.claims[0]
    broken = factlog.ClaimSet(
        entities=claims.entities,
        predicates=claims.predicates,
        sources=claims.sources,
        claims=(factlog.Claim(**{**_fields(first), "answers": ("no-such-claim",)}),),
    )
    path = tmp_path / "broken.jsonl"
    path.write_text(factlog.dumps_lines(broken), encoding="utf-8")
    with pytest.raises(factlog.UnknownIdError, match="no-such-claim"):
        factlog.check_lines(path)


def _fields(claim: factlog.Claim) -> dict[str, object]:
    import attrs  # noqa: PLC0415

    return attrs.asdict(claim, recurse=False)


def test_only_default_rules() -> None:
    """A rule of one's own is refused: the compact path knows the groups each default rule reads."""

    def mine(index: object) -> list[factlog.Finding]:
        return []

    with pytest.raises(factlog.ArgumentError, match="mine") as refused:
        factlog.check_lines(ROOT / "sources", (mine,))
    assert str(refused.value) == "check_lines runs only the default rules, not mine"


def test_cli_stream(tmp_path: Path) -> None:
    """``check --stream --format json`` prints the plain check's bytes and exit code, --rule included."""
    path = tmp_path / "corpus.jsonl"
    path.write_text(factlog.dumps_lines(factlog.load(ROOT / "sources")), encoding="utf-8")
    for extra in ((), ("--rule", "opposed_claims", "--fail-on", "never")):
        plain = run("check", str(path), "--format", "json", *extra)
        compact = run("check", "--stream", str(path), "--format", "json", *extra)
        assert (compact.stdout, compact.returncode) == (plain.stdout, plain.returncode)


def test_stale_acknowledgements_name_the_file_as_given(tmp_path: Path) -> None:
    """Stale acknowledgements name the file as given (relative or absolute) and line: the plain bytes, the CLI's too."""
    lines = acknowledgement_lines(generated_lines(tmp_path, 20))  # three stale acknowledgements
    assert len(lines) == 3
    for named_as in ("claims.jsonl", "./claims.jsonl", str(tmp_path / "claims.jsonl")):
        with contextlib.chdir(tmp_path):
            plain = render_json(factlog.check(factlog.load(named_as)))
            assert render_json(factlog.check_lines(named_as)) == plain
        named = named_as.removeprefix("./")
        assert [line for line in lines if f"at {named}:{line} matches no finding" in plain] == lines
        command = run("check", named_as, "--format", "json", cwd=tmp_path)
        compact = run("check", "--stream", named_as, "--format", "json", cwd=tmp_path)
        assert (compact.stdout, compact.returncode) == (command.stdout, command.returncode) == (plain, 0)


@pytest.mark.parametrize("options", [["--partitions", "3"], ["--dask-timeout", "5"]])
@pytest.mark.parametrize("command", ["check", "assess"])
def test_cli_stream_refuses_the_options_of_a_cluster(
    command: str, options: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--stream with --partitions or --dask-timeout (options of a cluster it never uses): a usage error (exit 2)."""
    path = tmp_path / "corpus.jsonl"
    path.write_text(factlog.dumps_lines(world(claim("a"))), encoding="utf-8")
    assert main([command, "--stream", "--format", "json", *options, str(path)]) == 2
    assert capsys.readouterr().err.startswith(f"factlog {command}: error: {options[0]} needs --dask")


def test_cli_stream_needs_one_jsonl_file_and_json(tmp_path: Path) -> None:
    """--stream with text output, or with a folder, is a usage error (exit 2), worded as argparse's."""
    path = tmp_path / "corpus.jsonl"
    path.write_text(factlog.dumps_lines(factlog.load(ROOT / "sources")), encoding="utf-8")
    for arguments in (("check", "--stream", str(path)), ("check", "--stream", "sources", "--format", "json")):
        result = run(*arguments)
        assert result.returncode == 2
        assert result.stderr.startswith("factlog check: error: --stream takes one .jsonl file")


def test_claim_lines_in_any_key_order(tmp_path: Path) -> None:
    """A claim line whose "type" is not written first is still a claim: the same report."""
    path = tmp_path / "corpus.jsonl"
    lines = factlog.dumps_lines(factlog.load(ROOT / "sources")).splitlines()
    moved = [
        line.replace('{"type":"claim",', "{", 1).removesuffix("}") + ',"type":"claim"}'
        if line.startswith('{"type":"claim"')
        else line
        for line in lines
    ]
    assert moved != lines
    path.write_text("\n".join(moved) + "\n", encoding="utf-8")
    plain, compact = _both(path)
    assert compact == plain


def test_duplicate_claim_id_read_whole(tmp_path: Path) -> None:
    """A claim id given twice: the plain reader's error, whatever the compact path saw."""
    path = tmp_path / "twice.jsonl"
    lines = factlog.dumps_lines(factlog.load(ROOT / "sources")).splitlines()
    claim_line = next(line for line in lines if line.startswith('{"type":"claim"'))
    path.write_text("\n".join([*lines, claim_line]) + "\n", encoding="utf-8")
    with pytest.raises(factlog.FactlogError) as plain:
        factlog.load(path)
    with pytest.raises(type(plain.value)) as raised:
        factlog.check_lines(path)
    assert str(raised.value) == str(plain.value)


def test_copying_from_the_bins_projections(tmp_path: Path) -> None:
    """Undeclared copying concluded from each bin's votes, in bins of a few claims: the plain check's bytes."""
    claims, _ = echo_cluster(seed=11, questions=40, copiers=2, declared=False)
    path = tmp_path / "echo.jsonl"
    path.write_text(factlog.dumps_lines(claims), encoding="utf-8")
    plain, compact = _both(path, batch=5, bin_size=7)
    assert compact == plain
    assert '"rule": "undeclared_copying"' in plain


def test_copying_projection_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A projection that raises in a bin: one rule_failure finding, the plain check's, however many bins."""
    claims, _ = echo_cluster(seed=11, questions=10, copiers=2, declared=False)
    path = tmp_path / "echo.jsonl"
    path.write_text(factlog.dumps_lines(claims), encoding="utf-8")

    def broken(answers: object, value: object) -> str:
        raise RuntimeError("no key")

    monkeypatch.setattr(_copying, "_answer", broken)
    plain, compact = _both(path, bin_size=3)
    assert compact == plain
    assert plain.count("rule undeclared_copying failed: RuntimeError: no key") == 1


@pytest.mark.parametrize("depth", [1, 2])
def test_limits_tighter_than_the_format_are_enforced(tmp_path: Path, depth: int) -> None:
    """A max_depth below the format's nesting is refused by check_lines as by load (it was ignored below 3)."""
    path = tmp_path / "corpus.jsonl"
    path.write_text(factlog.dumps_lines(factlog.load(ROOT / "sources")), encoding="utf-8")
    limits = factlog.Limits(max_depth=depth)
    with pytest.raises(factlog.FormatError, match=f"nested deeper than {depth} levels"):
        factlog.load(path, limits=limits)
    with pytest.raises(factlog.FormatError, match=f"nested deeper than {depth} levels"):
        factlog.check_lines(path, limits=limits)
