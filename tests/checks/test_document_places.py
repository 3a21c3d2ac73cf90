"""A source's document that cannot be read is named where it is given: FILE:LINE in JSON Lines, else FILE and path."""

from __future__ import annotations

import contextlib
import json
import tempfile
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factlog
from factlog.io import _parsing as parsing
from tests.helpers import claim, world
from tests.strategies import claim_sets


def _missing(claims: factlog.ClaimSet) -> factlog.ClaimSet:
    """``claims`` with every source's document a file that does not exist."""
    return attrs.evolve(
        claims, sources=tuple(attrs.evolve(s, document=f"gone-{n}.txt") for n, s in enumerate(claims.sources))
    )


def _source_lines(path: Path) -> dict[str, int]:
    """The line (from 1) of each source record of a JSON Lines file, each line parsed by the standard library."""
    found: dict[str, int] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        record = json.loads(line) if number > 1 and line.strip() else {}
        if record.get("type") == "source":
            found.setdefault(record["id"], number)
    return found


def _spread(path: Path, blanks: list[int]) -> None:
    """Blank lines after the header and between the records of a JSON Lines file (``blanks[i]`` after line ``i``)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    spread = [
        line + "\n" * (blanks[number % len(blanks)] if number else 0) for number, line in enumerate(lines) if line
    ]
    path.write_text("\n".join(spread) + "\n", encoding="utf-8")


def _places(report: factlog.Report) -> dict[str, str]:
    """Where each unreadable document of ``report`` is given, by source id, as its message names it."""
    found = {}
    for finding in report.by_rule("document_mismatch"):
        head, _, rest = finding.message.partition(", ")
        found[head.removeprefix("source ")] = rest.split(": cannot read document ", 1)[0]
    return found


def _expected(path: Path, label: str | None = None) -> dict[str, str]:
    """FILE:LINE: $.document for each source of a JSON Lines file, its lines found by the standard library."""
    name = str(path) if label is None else label
    return {source: f"{name}:{line}: $.document" for source, line in _source_lines(path).items()}


@settings(max_examples=25, deadline=None)
@given(claim_sets(max_claims=4).filter(lambda c: bool(c.sources)), st.lists(st.integers(0, 2), min_size=1))
def test_a_json_lines_document_is_named_by_its_file_and_line(claims: factlog.ClaimSet, blanks: list[int]) -> None:
    """load, loads_lines and check_lines name each missing document FILE:LINE: $.document, the line its source's."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "claims.jsonl"
        factlog.dump(_missing(claims), path)
        _spread(path, blanks)
        expected = _expected(path)
        assert _places(factlog.check(factlog.load(path))) == expected
        assert _places(factlog.check_lines(path)) == expected
        text = path.read_text(encoding="utf-8")
        with contextlib.chdir(folder):  # loads_lines: the documents are found from the working folder
            assert _places(factlog.check(factlog.loads_lines(text, name="story"))) == _expected(path, "story")
            unnamed = {source: f"line {line}: $.document" for source, line in _source_lines(path).items()}
            assert _places(factlog.check(factlog.loads_lines(text))) == unnamed


@settings(max_examples=25, deadline=None)
@given(claim_sets(max_claims=4).filter(lambda c: bool(c.sources)))
def test_a_json_document_is_named_by_its_file_and_path(claims: factlog.ClaimSet) -> None:
    """A JSON document's missing document is named FILE: $.sources[N].document, N its source's place in the file."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "claims.json"
        factlog.dump(_missing(claims), path)
        sources = json.loads(path.read_text(encoding="utf-8"))["sources"]
        expected = {source["id"]: f"{path}: $.sources[{n}].document" for n, source in enumerate(sources)}
        assert _places(factlog.check(factlog.load(path))) == expected


def _two_files(folder: Path) -> tuple[Path, Path]:
    """A JSON document (every source but the last) and a JSON Lines file (the last source and the claims)."""
    folder.mkdir(exist_ok=True)
    claims = _missing(world(claim("c1"), claim("c2")))
    first = folder / "tables.json"
    factlog.dump(attrs.evolve(claims, sources=claims.sources[:-1], claims=()), first)
    second = folder / "more.jsonl"
    factlog.dump(attrs.evolve(claims, entities=(), predicates=(), sources=claims.sources[-1:]), second)
    return first, second


def test_each_file_names_its_own_sources(tmp_path: Path) -> None:
    """Sources from two files: each named in the file it is defined in, by path or by line."""
    first, second = _two_files(tmp_path)
    report = factlog.check(factlog.load(tmp_path))
    sources = json.loads(first.read_text(encoding="utf-8"))["sources"]
    expected = {source["id"]: f"{first}: $.sources[{n}].document" for n, source in enumerate(sources)}
    assert _places(report) == {**expected, **_expected(second)}


def test_the_distributed_check_of_paths_names_the_files_as_given(tmp_path: Path) -> None:
    """factlog.dask.check on paths names each document as factlog.load does: the files as given, not as read."""
    import factlog.dask  # noqa: PLC0415 - the dask extra

    _two_files(tmp_path / "set")
    with contextlib.chdir(tmp_path):
        single = _places(factlog.check(factlog.load("set")))
        assert _places(factlog.dask.check("set")) == single
    assert all(place.startswith("set/") for place in single.values())


def test_a_file_read_whole_names_its_lines_without_reading_it_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A JSON Lines file read whole (no orjson) names its documents by line, noted as it was read."""
    path = tmp_path / "claims.jsonl"
    factlog.dump(_missing(world(claim("c1"))), path)
    _spread(path, [1, 0, 2])
    expected = _expected(path)
    monkeypatch.setattr(parsing, "orjson_module", lambda: None)
    claims = factlog.load(path)
    path.unlink()  # the lines were noted as the file was read
    assert _places(factlog.check(claims)) == expected


def test_a_set_made_in_memory_names_the_json_path(tmp_path: Path) -> None:
    """A set not read from files names the document by its JSON path in the set, as before."""
    claims = _missing(world(claim("c1")))
    claims = attrs.evolve(claims, bases={source.id: str(tmp_path) for source in claims.sources})
    expected = {source.id: f"$.sources[{n}].document" for n, source in enumerate(claims.sources)}
    assert _places(factlog.check(claims)) == expected


def test_a_split_names_a_document_where_a_check_names_it(tmp_path: Path) -> None:
    """split_lines refuses a document it cannot keep at the place a check names it: one way of naming."""
    first, second = _two_files(tmp_path / "in")
    checked = _places(factlog.check(factlog.load([first, second])))
    with pytest.raises(factlog.FormatError) as raised:
        factlog.split_lines([first, second], tmp_path / "out")
    refused = {error.split(": cannot read document ", 1)[0] for error in raised.value.errors}
    assert refused == set(checked.values())


@settings(max_examples=25, deadline=None)
@given(claim_sets(max_claims=4))
def test_where_sources_were_read_is_neither_written_nor_compared(claims: factlog.ClaimSet) -> None:
    """ClaimSet.sources_at is kept out of the JSON and out of equality, as bases and acknowledged_at are."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "claims.jsonl"
        factlog.dump(claims, path)
        loaded = factlog.load(path)
    assert set(loaded.sources_at) == {source.id for source in claims.sources}
    assert "sources_at" not in factlog.dumps(loaded)
    assert loaded == claims
    assert factlog.loads(factlog.dumps(loaded), references=False).sources_at == {
        source.id: f"$.sources[{n}]" for n, source in enumerate(claims.sources)
    }
