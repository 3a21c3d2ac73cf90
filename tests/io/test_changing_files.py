"""A JSON Lines file that changes while its problems are named: the problems of the file as it now is, never a crash."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import factlog
from factlog.io import _documents, _lineproblems
from tests.helpers import claim, world

_NOW = {
    "bytes that are no UTF-8": b"\xff\xfe",
    "a line that is no JSON": b'{"type": "claim",',
    "a record without a type": b'{"id": "b"}',
    "a list": b"[1, 2]",
}


@pytest.mark.parametrize("now", list(_NOW))
def test_a_line_changed_after_the_first_reading_is_named_as_the_file_now_holds_it(
    now: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Claim c gives b's id; once the lines are read, c's line is rewritten: the error is the new file's, by line."""
    lines = factlog.dumps_lines(world(claim("a"), claim("b"), claim("c"))).encode().splitlines()
    at = next(n for n, line in enumerate(lines) if b'"id":"c"' in line)
    lines[at] = lines[at].replace(b'"id":"c"', b'"id":"b"')
    path = tmp_path / "set.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    changed = [*lines[:at], _NOW[now], *lines[at + 1 :]]
    read = _lineproblems._lines

    def rewritten_once_read(file: Path) -> Iterator[tuple[int, bytes]]:
        yield from read(file)
        path.write_bytes(b"\n".join(changed) + b"\n")

    monkeypatch.setattr(_lineproblems, "_lines", rewritten_once_read)
    with pytest.raises(factlog.FormatError) as raised:
        factlog.load(path)
    monkeypatch.undo()
    with monkeypatch.context() as patched:
        patched.setattr(_documents, "problems_by_line", lambda *_: None)
        with pytest.raises(factlog.FormatError) as whole:
            factlog.load(path)
    assert raised.value.errors == whole.value.errors
    assert all(error.startswith(f"{path}:{at + 1}: ") for error in raised.value.errors)
