"""Files read a line at a time bound each line by Limits.max_bytes, not the file; a longer line is refused unread."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import factlog
from factlog.analysis._lines import materialise
from factlog.cli import _check
from factlog.io._files import capped_lines, read_line
from tests.helpers import GOLDEN, ROOT, run

SMALL = factlog.Limits(max_bytes=1 << 16)


def _long_line_file(path: Path, first: bytes) -> Path:
    """``first`` then a sparse 64 MiB line of NUL bytes with no newline: over SMALL by a thousand times."""
    with path.open("wb") as stream:
        stream.write(first)
        stream.truncate(len(first) + (64 << 20))
    return path


@given(st.binary(max_size=40), st.integers(min_value=1, max_value=40), st.integers(min_value=1, max_value=8))
def test_read_line_refuses_exactly_the_lines_over_the_limit(text: bytes, limit: int, chunk: int) -> None:
    """read_line gives a line of at most max_bytes bytes (its newline not counted) and refuses a longer one."""
    line = text.split(b"\n")[0]
    stream = io.BytesIO(text)
    limits = factlog.Limits(max_bytes=limit)
    if len(line) > limit:
        said = "1 byte," if limit == 1 else f"{limit} bytes,"
        with pytest.raises(factlog.FormatError, match=rf"^f:7: longer than the limit \({said}"):
            read_line(stream, limits, "f", 7, chunk=chunk)
        assert stream.tell() <= limit + chunk  # never the whole line
    else:
        assert read_line(stream, limits, "f", 7, chunk=chunk) == text[: len(line) + 1]
        assert stream.tell() == len(text[: len(line) + 1])  # the next line starts where it should


@given(st.lists(st.binary(max_size=12).map(lambda item: item.replace(b"\n", b"")), max_size=6), st.booleans())
def test_capped_lines_split_as_the_file_does_or_name_the_first_long_line(parts: list[bytes], ends: bool) -> None:
    """capped_lines gives the file's lines as iteration does, or refuses the first one over the limit by its number."""
    text = b"\n".join(parts) + (b"\n" if ends and parts else b"")
    limits = factlog.Limits(max_bytes=8)
    long = [number for number, part in enumerate(parts, start=3) if len(part) > limits.max_bytes]
    if long:
        with pytest.raises(factlog.FormatError, match=rf"^f:{long[0]}: "):
            list(capped_lines(io.BytesIO(text), limits, "f", 3))
    else:
        assert list(capped_lines(io.BytesIO(text), limits, "f", 3)) == list(io.BytesIO(text))


def test_a_line_longer_than_a_read_but_within_the_limit_is_read_whole() -> None:
    """A 3 MiB line under a 4 MiB limit is measured a MiB at a time, then given whole, and the next line follows."""
    text = b"a" * (3 << 20) + b"\n" + b"next\n"
    assert list(capped_lines(io.BytesIO(text), factlog.Limits(max_bytes=4 << 20), "f", 1)) == list(io.BytesIO(text))


def test_a_streamed_check_refuses_a_long_line_naming_file_and_line(tmp_path: Path) -> None:
    """check_lines refuses a 64 MiB line with no newline under a 64 KiB limit: FormatError with file and line."""
    header = b'{"format":"factlog","version":1}\n'
    path = _long_line_file(tmp_path / "long.jsonl", header)
    with pytest.raises(factlog.FormatError, match=rf"^{path}:2: longer than the limit \(65536 bytes"):
        factlog.check_lines(path, limits=SMALL)


def test_check_stream_names_a_long_line_file_colon_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``check --stream`` refuses a long line as FILE:LINE (exit 3), as every other JSON Lines problem reads."""
    path = _long_line_file(tmp_path / "long.jsonl", b'{"format":"factlog","version":1}\n')
    monkeypatch.setattr(_check, "limits", lambda _: SMALL)  # the command's limits, with a short line
    ran = run("check", "--stream", str(path), "--format", "json")
    assert ran.returncode == 3
    assert ran.stderr == f"error: {path}:2: longer than the limit (65536 bytes, Limits.max_bytes)\n"


def test_a_streamed_check_has_no_whole_file_limit(tmp_path: Path) -> None:
    """check_lines checks a file larger than max_bytes whose every line is within it, as check does the whole."""
    path = tmp_path / "corpus.jsonl"
    claims = factlog.load(ROOT / "sources")
    path.write_text(factlog.dumps_lines(claims), encoding="utf-8")
    longest = max(len(line) for line in path.read_bytes().split(b"\n"))
    limits = factlog.Limits(max_bytes=longest)
    assert path.stat().st_size > limits.max_bytes
    streamed = factlog.check_lines(path, limits=limits)
    whole = factlog.check(factlog.load(path))
    assert [finding.id for finding in streamed.findings] == [finding.id for finding in whole.findings]


def _exported_store(tmp_path: Path) -> tuple[factlog.ClaimLog, Path]:
    store = tmp_path / "claims.db"
    for claims in (GOLDEN, ROOT / "sources"):
        appended = run("log", "append", "--replace", str(store), str(claims))
        assert appended.returncode == 0, appended.stderr
    log = factlog.ClaimLog(store)
    exported = tmp_path / "claims.log"
    exported.write_text("".join(log.export_lines()), encoding="utf-8")
    return log, exported


def test_an_export_larger_than_the_limit_imports_back(tmp_path: Path) -> None:
    """A store whose export exceeds Limits.max_bytes (each line within it) is imported back to the same export."""
    log, exported = _exported_store(tmp_path)
    longest = max(len(line) for line in exported.read_bytes().split(b"\n"))
    limits = factlog.Limits(max_bytes=longest)
    assert exported.stat().st_size > 4 * limits.max_bytes
    copy = factlog.ClaimLog(tmp_path / "copy.db")
    assert copy.import_lines(exported, limits=limits) > 0
    assert "".join(copy.export_lines()) == "".join(log.export_lines())
    assert copy.documents() == log.documents()


def test_an_import_refuses_a_long_line_naming_file_and_line(tmp_path: Path) -> None:
    """A log line longer than max_bytes is a FormatError naming the file and the line; nothing is stored."""
    header = (json.dumps({"format": "factlog-log", "version": 1}, separators=(",", ":")) + "\n").encode()
    path = _long_line_file(tmp_path / "long.log", header)
    log = factlog.ClaimLog(tmp_path / "claims.db")
    with pytest.raises(factlog.FormatError, match=rf"^{path}:2: longer than the limit \(65536 bytes"):
        log.import_lines(path, limits=SMALL)
    assert not log.path.exists()


def test_an_import_reports_bad_utf8_at_its_byte_in_the_file(tmp_path: Path) -> None:
    """Read a line at a time, a byte that is not UTF-8 is still named by its offset in the whole file."""
    header = b'{"format":"factlog-log","version":1}\n'
    path = tmp_path / "bad.log"
    path.write_bytes(header + b'{"at":"\xff"}\n')
    with pytest.raises(factlog.FormatError, match=rf"^{path}: \$: not UTF-8: byte {len(header) + 7} \(0xff\)$"):
        factlog.ClaimLog(tmp_path / "claims.db").import_lines(path)


def test_a_claim_line_grown_since_the_first_pass_is_refused_by_its_offset() -> None:
    """The second pass of check_lines (materialise) refuses a line over the limit too, naming its byte offset."""
    stream = io.BytesIO(b'{"format":"factlog","version":1}\n' + b"x" * 100)
    stream.name = "grown.jsonl"
    with pytest.raises(factlog.FormatError, match=r"^grown\.jsonl: byte 33: longer than the limit \(64 bytes"):
        materialise(stream, [33], factlog.Limits(max_bytes=64))


def test_a_missing_log_to_import_is_an_input_error(tmp_path: Path) -> None:
    """Reading a missing file a line at a time is an InputError naming it, as reading it whole is."""
    with pytest.raises(factlog.InputError, match=r"missing\.log: "):
        factlog.ClaimLog(tmp_path / "claims.db").import_lines(tmp_path / "missing.log")


def test_a_streamed_assessment_refuses_a_named_pipe_without_waiting(tmp_path: Path) -> None:
    """assess_lines never opens a named pipe (which would wait for a writer): an InputError, as load gives."""
    pipe = tmp_path / "claims.jsonl"
    os.mkfifo(pipe)
    with pytest.raises(factlog.InputError, match=r"not a regular file|not a file"):
        factlog.assess_lines(pipe)
