"""A stale acknowledgement is named where it stands: in a JSON Lines file, FILE:LINE, as its other problems are."""

from __future__ import annotations

import contextlib
from pathlib import Path

import factlog
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


def test_a_file_gone_before_the_check_keeps_the_record_s_count(tmp_path: Path) -> None:
    """A JSON Lines file removed between load and check cannot be read again: each place keeps its record's count."""
    path, _ = _generated(tmp_path)
    claims = factlog.load(path)
    path.unlink()
    assert _stale(factlog.check(claims)) == {f"{path}: acknowledgement record {count}" for count in (1, 2, 3)}
