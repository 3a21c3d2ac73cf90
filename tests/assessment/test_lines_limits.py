"""assess_lines bounds each line by Limits.max_bytes, as check_lines does, and honours a tighter max_depth."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import factlog
from factlog.assessment._spooled import LinesAssessment
from tests.helpers import ROOT


def _corpus_lines(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.jsonl"
    path.write_text(factlog.dumps_lines(factlog.load(ROOT / "sources")), encoding="utf-8")
    return path


def test_a_streamed_assessment_takes_a_file_larger_than_the_limit_line_by_line(tmp_path: Path) -> None:
    """With max_bytes the longest line, a larger file is assessed on the compact path, as assess assesses it whole."""
    path = _corpus_lines(tmp_path)
    longest = max(len(line) for line in path.read_bytes().split(b"\n"))
    limits = factlog.Limits(max_bytes=longest)
    assert path.stat().st_size > limits.max_bytes
    streamed = factlog.assess_lines(path, limits=limits)
    assert isinstance(streamed, LinesAssessment)  # not read whole: a whole read would refuse the file's size
    out = io.StringIO()
    factlog.write_assessment_json(streamed, out)
    assert out.getvalue() == factlog.render_assessment_json(factlog.assess(factlog.load(path)))
    with pytest.raises(factlog.FormatError, match="larger than the limit"):
        factlog.load(path, limits=limits)


def test_a_streamed_assessment_refuses_a_long_line_naming_file_and_line(tmp_path: Path) -> None:
    """A 64 MiB line with no newline under a 64 KiB limit: FormatError with file and line, the line never read whole."""
    path = tmp_path / "long.jsonl"
    header = b'{"format":"factlog","version":1}\n'
    with path.open("wb") as stream:
        stream.write(header)
        stream.truncate(len(header) + (64 << 20))
    with pytest.raises(factlog.FormatError, match=rf"^{path}:2: longer than the limit \(65536 bytes"):
        factlog.assess_lines(path, limits=factlog.Limits(max_bytes=1 << 16))


@pytest.mark.parametrize("depth", [1, 2])
def test_a_streamed_assessment_enforces_limits_tighter_than_the_format(tmp_path: Path, depth: int) -> None:
    """A max_depth below the format's nesting is refused by assess_lines as by load."""
    path = _corpus_lines(tmp_path)
    with pytest.raises(factlog.FormatError, match=f"nested deeper than {depth} levels"):
        factlog.assess_lines(path, limits=factlog.Limits(max_depth=depth))


def test_a_streamed_assessment_refuses_limits_of_another_type(tmp_path: Path) -> None:
    """limits that are no Limits are an ArgumentError naming the argument, before the file is opened."""
    with pytest.raises(factlog.ArgumentError, match=r"factlog\.assess_lines: limits"):
        factlog.assess_lines(tmp_path / "absent.jsonl", limits={"max_bytes": 10})  # type: ignore[arg-type]
