"""A stale acknowledgement is named where it stands: in a JSON Lines file, FILE:LINE, as its other problems are."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest

import factlog
from factlog.io import _parsing as parsing
from factlog.io import _places as places
from tests.helpers import acknowledgement_lines, generated_lines


def _stale(report: factlog.Report) -> set[str]:
    """Where each stale acknowledgement of ``report`` stands, as its message names it."""
    return {
        finding.message.split(" at ", 1)[1].split(" matches no finding", 1)[0]
        for finding in report.by_rule("stale_acknowledgement")
    }


def _generated(folder: Path) -> tuple[Path, list[int]]:
    """Twenty generated claims in JSON Lines (three stale acknowledgements) and the lines of the acknowledgements."""
    path = generated_lines(folder, 20)
    lines = acknowledgement_lines(path)
    assert len(lines) == 3
    return path, lines


def test_load_names_each_stale_acknowledgement_by_its_line(tmp_path: Path) -> None:
    """The three stale acknowledgements of a JSON Lines file are named FILE:LINE, each at its own line."""
    path, lines = _generated(tmp_path)
    assert _stale(factlog.check(factlog.load(path))) == {f"{path}:{line}" for line in lines}


def test_acknowledged_at_gives_the_line(tmp_path: Path) -> None:
    """ClaimSet.acknowledged_at maps each acknowledged finding id of a JSON Lines file to FILE:LINE."""
    path, lines = _generated(tmp_path)
    claims = factlog.load(path)
    expected = {ack.finding: f"{path}:{line}" for ack, line in zip(claims.acknowledged, lines, strict=True)}
    assert dict(claims.acknowledged_at) == expected


def test_loads_lines_names_the_line_with_or_without_a_name(tmp_path: Path) -> None:
    """loads_lines names a stale acknowledgement NAME:LINE, or ``line LINE`` without a name, as it names errors."""
    path, lines = _generated(tmp_path)
    text = path.read_bytes()
    assert _stale(factlog.check(factlog.loads_lines(text, name="story"))) == {f"story:{line}" for line in lines}
    assert _stale(factlog.check(factlog.loads_lines(text.decode()))) == {f"line {line}" for line in lines}


def test_a_relative_path_is_read_again_where_it_was_loaded(tmp_path: Path) -> None:
    """Loaded by a relative path, checked from another folder: named as given, by line."""
    _, lines = _generated(tmp_path)
    with contextlib.chdir(tmp_path):
        claims = factlog.load("claims.jsonl")
    assert _stale(factlog.check(claims)) == {f"claims.jsonl:{line}" for line in lines}


def test_a_file_read_whole_and_gone_before_the_check_keeps_the_record_s_count(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A JSON Lines file read whole, removed between load and check, cannot be read again: each keeps its count."""
    path, _ = _generated(tmp_path)
    monkeypatch.setattr(parsing, "orjson_module", lambda: None)  # no line-at-a-time reading: the file is read whole
    claims = factlog.load(path)
    path.unlink()
    assert _stale(factlog.check(claims)) == {f"{path}: acknowledgement record {count}" for count in (1, 2, 3)}


def test_a_file_read_a_line_at_a_time_and_gone_before_the_check_is_still_named_by_line(tmp_path: Path) -> None:
    """The lines of a JSON Lines file's acknowledgements are noted as load reads it: the file is not needed after."""
    path, lines = _generated(tmp_path)
    claims = factlog.load(path)
    path.unlink()
    assert _stale(factlog.check(claims)) == {f"{path}:{line}" for line in lines}


@pytest.mark.parametrize("stream", [False, True], ids=["load", "check_lines"])
def test_naming_stale_acknowledgements_reads_the_file_no_second_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stream: bool
) -> None:
    """check(load(path)) and check_lines(path) name stale acknowledgements FILE:LINE, the file not read again."""
    path, lines = _generated(tmp_path)

    def refused(_path: str, _last: int) -> list[int]:
        raise AssertionError("the file was read again to name its acknowledgements")

    monkeypatch.setattr(places, "_acknowledgement_lines_of", refused)
    report = factlog.check_lines(path) if stream else factlog.check(factlog.load(path))
    assert _stale(report) == {f"{path}:{line}" for line in lines}
