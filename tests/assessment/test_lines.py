"""The compact assessment of a JSON Lines file gives the plain assessment's JSON, byte for byte."""

from __future__ import annotations

import contextlib
import io
import tempfile
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factlog
from benchmarks.generate import generate, write
from factlog.assessment._methods import METHODS
from factlog.cli import _assess
from tests.helpers import run
from tests.strategies import claim_sets, crowded_claim_sets, linked_claim_sets

ROOT = Path(__file__).parent.parent.parent
FEW = settings(max_examples=25)
"""Each example assesses a set twice and writes a file: fewer examples keep the suite within its minutes."""


def _written(assessment: factlog.Assessment | factlog.LinesAssessment) -> str:
    out = io.StringIO()
    factlog.write_assessment_json(assessment, out)
    return out.getvalue()


def _both(path: Path, **options: object) -> tuple[str, str]:
    """The plain assessment's JSON, and the compact one's as ``write_assessment_json`` writes it."""
    sizes = {name: options.pop(name) for name in ("batch", "bin_size") if name in options}
    plain = factlog.render_assessment_json(factlog.assess(factlog.load(path), **options))  # type: ignore[arg-type]
    compact = _written(factlog.assess_lines(path, **options, **sizes))  # type: ignore[arg-type]
    return plain, compact


def _file(folder: str, claims: factlog.ClaimSet) -> Path:
    path = Path(folder) / "claims.jsonl"
    path.write_text(factlog.dumps_lines(claims), encoding="utf-8")
    return path


@FEW
@given(claim_sets(max_claims=12), st.sampled_from(METHODS), st.integers(1, 5), st.integers(1, 6), st.booleans())
def test_same_assessment_as_assess(
    claims: factlog.ClaimSet, method: str, batch: int, bin_size: int, explain: bool
) -> None:
    """Any claim set, any method, batch and bin sizes, with or without explanations: the same JSON bytes."""
    with tempfile.TemporaryDirectory() as folder:
        plain, compact = _both(_file(folder, claims), method=method, batch=batch, bin_size=bin_size, explain=explain)
    assert compact == plain


@FEW
@given(linked_claim_sets(), st.sampled_from(METHODS), st.integers(1, 3), st.sampled_from([None, "2020", "2025-06"]))
def test_same_assessment_across_slots(claims: factlog.ClaimSet, method: str, bin_size: int, as_of: str | None) -> None:
    """Places within places, several objects, claims about claims, and ``as_of``: the same JSON bytes."""
    with tempfile.TemporaryDirectory() as folder:
        plain, compact = _both(_file(folder, claims), method=method, bin_size=bin_size, as_of=as_of)
    assert compact == plain


@FEW
@given(crowded_claim_sets(), st.sampled_from(METHODS))
def test_same_assessment_of_crowded_sets(claims: factlog.ClaimSet, method: str) -> None:
    """Sets dense in conflicts and copies, in bins of one component: the same JSON bytes."""
    with tempfile.TemporaryDirectory() as folder:
        plain, compact = _both(_file(folder, claims), method=method, batch=2, bin_size=1)
    assert compact == plain


@FEW
@given(claim_sets(max_claims=8))
def test_written_json_is_rendered_json(claims: factlog.ClaimSet) -> None:
    """``write_assessment_json`` writes ``render_assessment_json``'s text, with no proposition or many."""
    assessment = factlog.assess(claims)
    assert _written(assessment) == factlog.render_assessment_json(assessment)


def test_written_json_is_rendered_json_with_many_dependences(tmp_path: Path) -> None:
    """With a dozen detected dependences, ``write_assessment_json`` still writes the rendered text."""
    path = tmp_path / "generated.json"
    write(generate(1000, 1), path)
    assessment = factlog.assess(factlog.load(path))
    assert len(assessment.dependences) > 2
    assert _written(assessment) == factlog.render_assessment_json(assessment)


@pytest.mark.parametrize("method", METHODS)
def test_bundled_corpus(tmp_path: Path, method: str) -> None:
    """The bundled corpus as one JSON Lines file, assessed in compact form: the same JSON, in small bins too."""
    path = tmp_path / "corpus.jsonl"
    path.write_text(factlog.dumps_lines(factlog.load(ROOT / "sources")), encoding="utf-8")
    assert isinstance(factlog.assess_lines(path, method=method), factlog.LinesAssessment)
    plain, compact = _both(path, method=method)
    assert compact == plain
    assert _both(path, method=method, batch=7, bin_size=5)[1] == plain
    assert '"propositions": []' not in plain


def test_corpus_files(tmp_path: Path) -> None:
    """The test corpus's claim sets as JSON Lines: the same JSON."""
    for folder in sorted(path for path in (ROOT / "tests" / "corpus").iterdir() if path.is_dir()):
        path = tmp_path / f"{folder.name}.jsonl"
        path.write_text(factlog.dumps_lines(factlog.load(folder)), encoding="utf-8")
        plain, compact = _both(path, bin_size=3)
        assert compact == plain, folder.name


def test_generated_set(tmp_path: Path) -> None:
    """A thousand generated claims (relays, copies, denials, quantities, several dates): the same JSON."""
    from benchmarks.generate import generate, write  # noqa: PLC0415 - the benchmark's own generator

    path = tmp_path / "claims.jsonl"
    write(generate(1000, 3), path)
    plain, compact = _both(path, batch=128, bin_size=200)
    assert compact == plain


def test_spooled_propositions(tmp_path: Path) -> None:
    """The propositions read back from disk are the plain assessment's, by index, slice and iteration."""
    path = tmp_path / "corpus.jsonl"
    path.write_text(factlog.dumps_lines(factlog.load(ROOT / "sources")), encoding="utf-8")
    plain = factlog.assess(factlog.load(path))
    compact = factlog.assess_lines(path)
    assert isinstance(compact, factlog.LinesAssessment)
    assert len(compact.propositions) == len(plain.propositions)
    assert list(compact.propositions) == list(plain.propositions)
    assert compact.propositions[-1] == plain.propositions[-1]
    assert list(compact.propositions[1:4]) == list(plain.propositions[1:4])
    assert (compact.sources, compact.dependences, compact.rounds) == (plain.sources, plain.dependences, plain.rounds)


def test_bad_line_read_whole(tmp_path: Path) -> None:
    """A file the compact path does not take (a bad line) raises the plain reader's error."""
    path = tmp_path / "bad.jsonl"
    path.write_text('{"format": "factlog", "version": 1}\n{"type": "claim", "id": 3}\n', encoding="utf-8")
    with pytest.raises(factlog.FormatError) as raised:
        factlog.assess_lines(path)
    with pytest.raises(factlog.FormatError) as plain:
        factlog.load(path)
    assert raised.value.errors == plain.value.errors


def test_duplicate_id_read_whole(tmp_path: Path) -> None:
    """A claim id twice: the plain reader's error, as ``load`` raises it."""
    path = tmp_path / "corpus.jsonl"
    path.write_text(factlog.dumps_lines(factlog.load(ROOT / "sources")), encoding="utf-8")
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    claim = next(line for line in lines if line.startswith('{"type":"claim"'))
    path.write_text("".join([*lines, claim]), encoding="utf-8")
    with pytest.raises(factlog.FactlogError) as plain:
        factlog.load(path)
    with pytest.raises(type(plain.value)) as raised:
        factlog.assess_lines(path)
    assert str(raised.value) == str(plain.value)


def test_unknown_entity_read_whole(tmp_path: Path) -> None:
    """A claim naming an entity the file lacks: the plain reader's unknown-id error."""
    path = tmp_path / "corpus.jsonl"
    path.write_text(factlog.dumps_lines(factlog.load(ROOT / "sources")), encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    holder = '"attribution":{"holder":"'
    path.write_text(text.replace(holder, holder + "no-such-", 1), encoding="utf-8")
    with pytest.raises(factlog.UnknownIdError, match="no-such-"):
        factlog.assess_lines(path)


@pytest.mark.parametrize(
    ("options", "error"),
    [
        ({"method": "coin-toss"}, factlog.ArgumentError),
        ({"explain": "yes"}, factlog.ArgumentError),
        ({"as_of": 2025}, factlog.ArgumentError),
        ({"as_of": "not a date"}, factlog.DateError),
        ({"batch": 0}, factlog.ArgumentError),
        ({"bin_size": 0}, factlog.ArgumentError),
    ],
)
def test_bad_options(options: dict[str, object], error: type[Exception]) -> None:
    """The options ``assess`` refuses are refused, before the file is read; so are batch and bin sizes under 1."""
    with pytest.raises(error):
        factlog.assess_lines(ROOT / "no-such-file.jsonl", **options)  # type: ignore[arg-type]


def test_cli_stream(tmp_path: Path) -> None:
    """``assess --stream --format json`` prints the plain assessment's bytes, with its options."""
    path = tmp_path / "corpus.jsonl"
    path.write_text(factlog.dumps_lines(factlog.load(ROOT / "sources")), encoding="utf-8")
    for extra in ((), ("--method", "truthfinder", "--as-of", "2025-01"), ("--beliefs-only",)):
        plain = run("assess", str(path), "--format", "json", *extra)
        compact = run("assess", "--stream", str(path), "--format", "json", *extra)
        assert (compact.stdout, compact.returncode) == (plain.stdout, plain.returncode)
        assert compact.returncode == 0


def test_cli_stream_needs_one_jsonl_file_and_json(tmp_path: Path) -> None:
    """--stream with text output, or with a folder, is a usage error (exit 2), worded as argparse's."""
    path = tmp_path / "corpus.jsonl"
    path.write_text(factlog.dumps_lines(factlog.load(ROOT / "sources")), encoding="utf-8")
    for arguments in (("assess", "--stream", str(path)), ("assess", "--stream", "sources", "--format", "json")):
        result = run(*arguments)
        assert result.returncode == 2
        assert result.stderr.startswith("factlog assess: error: --stream takes one .jsonl file")


def test_cli_stream_says_when_nothing_was_stated_by_as_of(tmp_path: Path) -> None:
    """``assess --stream --as-of`` before every claim says there is nothing to assess, as the plain command does."""
    path = tmp_path / "corpus.jsonl"
    path.write_text(factlog.dumps_lines(factlog.load(ROOT / "sources")), encoding="utf-8")
    plain = run("assess", str(path), "--format", "json", "--as-of", "1990")
    compact = run("assess", "--stream", str(path), "--format", "json", "--as-of", "1990")
    assert "no claims stated by 1990: nothing to assess" in plain.stderr
    assert (compact.stdout, compact.stderr, compact.returncode) == (plain.stdout, plain.stderr, plain.returncode)


def test_spooled_propositions_equal_the_plain_tuple(tmp_path: Path) -> None:
    """assess_lines' propositions equal assess's tuple, and slice to tuples equal to its slices."""
    path = tmp_path / "corpus.jsonl"
    claims = factlog.load(ROOT / "sources")
    path.write_text(factlog.dumps_lines(claims), encoding="utf-8")
    compact, plain = factlog.assess_lines(path).propositions, factlog.assess(claims).propositions
    assert compact == plain
    assert compact[1:4] == plain[1:4]
    assert isinstance(compact[1:4], tuple)


def _said_in_order(*arguments: str) -> str:
    """What ``factlog ARGUMENTS`` prints on stdout and stderr together, in the order printed."""
    both = io.StringIO()
    with contextlib.redirect_stdout(both), contextlib.redirect_stderr(both):
        assert factlog.cli.main(list(arguments)) == 0
    return both.getvalue()


def test_cli_stream_says_nothing_to_assess_before_the_json_without_reading_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``assess --stream --as-of`` before every claim: the note first, as the plain command, from one reading."""
    path = tmp_path / "corpus.jsonl"
    path.write_text(factlog.dumps_lines(factlog.load(ROOT / "sources")), encoding="utf-8")
    monkeypatch.setattr(_assess, "_has_claims", lambda _: pytest.fail("the file was read again"))
    said = _said_in_order("assess", "--stream", str(path), "--format", "json", "--as-of", "1990")
    assert said.startswith("factlog assess: no claims stated by 1990: nothing to assess\n{")


def test_the_compact_assessment_counts_the_claims_of_its_file(tmp_path: Path) -> None:
    """LinesAssessment.claim_count: every claim of the file, those stated after ``as_of`` too; 0 for none."""
    path = tmp_path / "corpus.jsonl"
    claims = factlog.load(ROOT / "sources")
    path.write_text(factlog.dumps_lines(claims), encoding="utf-8")
    for as_of in (None, "1990"):
        result = factlog.assess_lines(path, as_of=as_of)
        assert isinstance(result, factlog.LinesAssessment)
        assert result.claim_count == len(claims.claims)
    path.write_text(factlog.dumps_lines(attrs.evolve(claims, claims=(), acknowledged=())), encoding="utf-8")
    assert run("assess", "--stream", str(path), "--format", "json", "--as-of", "1990").stderr == ""
