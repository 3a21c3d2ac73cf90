"""Refused at the door: size from stat, regular files only, what the writers cannot write, bytes counted."""

from __future__ import annotations

import json
import os
import re
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import factlog
from factlog.io import _documents, _parsing, _writing
from tests.helpers import run

ONE = {"format": "factlog", "version": 1, "entities": [{"id": "e", "name": "E", "kind": "person"}]}


def _with_amount(amount: object) -> str:
    return json.dumps(
        {
            "format": "factlog",
            "version": 1,
            "entities": [{"id": "z", "name": "Z", "kind": "country"}, {"id": "p", "name": "P", "kind": "media-outlet"}],
            "predicates": [{"id": "m", "label": "has money", "kind": "state", "functional": True}],
            "sources": [{"id": "a", "title": "A", "publisher": "p"}],
            "claims": [
                {
                    "id": "c",
                    "statement": "Money.",
                    "proposition": {"subject": "z", "predicate": "m", "object": {"amount": amount, "unit": "ZWD"}},
                    "attribution": {"holder": "p"},
                    "evidence": [{"source": "a", "quote": "q", "start": 0, "end": 1}],
                }
            ],
        }
    )


def test_a_file_over_the_limit_is_refused_from_its_size(tmp_path: Path) -> None:
    """A sparse 100 GiB file is refused at once, naming its size: it is never read."""
    big = tmp_path / "big.json"
    with big.open("wb") as stream:
        stream.truncate(100 << 30)
    result = run("validate", str(big))
    assert result.returncode == 3
    assert f"big.json: $: document of {100 << 30} bytes is larger than the limit" in result.stderr


def test_a_named_pipe_as_claims_file_is_refused(tmp_path: Path) -> None:
    """A FIFO given as a claims file is an InputError, never waited on."""
    os.mkfifo(tmp_path / "claims.json")
    with pytest.raises(factlog.InputError, match="not a file or folder"):
        factlog.load(tmp_path / "claims.json")


def test_a_named_pipe_as_document_is_reported_not_waited_on(tmp_path: Path) -> None:
    """A source whose document is a FIFO gives a document_mismatch finding at once."""
    os.mkfifo(tmp_path / "doc.txt")
    document = dict(ONE, sources=[{"id": "s", "title": "T", "publisher": "e", "document": "doc.txt"}])
    (tmp_path / "claims.json").write_text(json.dumps(document), encoding="utf-8")
    outcome: list[factlog.Report] = []
    worker = threading.Thread(target=lambda: outcome.append(factlog.check(factlog.load(tmp_path))), daemon=True)
    worker.start()
    worker.join(timeout=60)
    assert outcome, "check blocked on the named pipe"
    (finding,) = outcome[0].by_rule("document_mismatch")
    assert finding.message.endswith("doc.txt: not a regular file")


def _finishes(work: Callable[[], object]) -> list[object]:
    """What ``work`` returned or raised, run in a thread given a minute: empty if it blocked."""
    outcome: list[object] = []

    def target() -> None:
        try:
            outcome.append(work())
        except Exception as error:
            outcome.append(error)

    worker = threading.Thread(target=target, daemon=True)
    worker.start()
    worker.join(timeout=60)
    return outcome


def test_a_named_pipe_as_streamed_claims_file_is_refused(tmp_path: Path) -> None:
    """``check_lines`` (``check --stream``) refuses a FIFO named like a JSON Lines file, never waits on it."""
    os.mkfifo(tmp_path / "claims.jsonl")
    outcome = _finishes(lambda: factlog.check_lines(tmp_path / "claims.jsonl"))
    assert outcome, "check_lines blocked on the named pipe"
    assert isinstance(outcome[0], factlog.InputError)


def test_a_named_pipe_as_log_to_import_is_refused(tmp_path: Path) -> None:
    """``factlog log import STORE FIFO`` exits 3 with "not a regular file", never waits on the pipe."""
    os.mkfifo(tmp_path / "claims.log")
    outcome = _finishes(lambda: run("log", "import", str(tmp_path / "s.db"), str(tmp_path / "claims.log")))
    assert outcome, "log import blocked on the named pipe"
    ran = outcome[0]
    assert (ran.returncode, ran.stderr.strip().endswith("not a regular file")) == (3, True)  # type: ignore[attr-defined]


def test_limits_count_bytes_not_characters() -> None:
    """A string of 8 characters but 16 UTF-8 bytes is over a 12-byte limit."""
    with pytest.raises(factlog.FormatError, match="document of 16 bytes"):
        factlog.loads("é" * 8, limits=factlog.Limits(max_bytes=12))


@pytest.mark.parametrize("reader", [factlog.loads, factlog.loads_lines])
def test_a_lone_surrogate_is_refused_with_its_path(reader: object) -> None:
    """An escaped lone surrogate in a string is a FormatError naming the JSON path."""
    text = '{"format": "factlog", "version": 1, "entities": [{"id": "e", "name": "\\ud800", "kind": "person"}]}'
    if reader is factlog.loads_lines:
        text = '{"format": "factlog", "version": 1}\n{"type": "entity", "id": "e", "name": "\\udc00", "kind": "person"}'
    with pytest.raises(factlog.FormatError, match=r"\.name: a lone surrogate \(U\+D[8C]00\) is not text"):
        reader(text)  # type: ignore[operator]


@pytest.mark.parametrize("amount", [2**64, -(2**63) - 1, 25 * 10**18, 10**30])
def test_an_integer_beyond_64_bits_is_written_exactly(amount: int) -> None:
    """An integer orjson cannot write is written by the standard library: the same bytes, the same number."""
    claims = factlog.loads(_with_amount(amount))
    text = factlog.dumps(claims)
    assert f'"amount": {amount},' in text
    assert factlog.loads(text) == claims


@given(st.integers() | st.floats(allow_nan=False, allow_infinity=False))
def test_what_loads_dumps_the_same_with_and_without_orjson(amount: float) -> None:
    """Any amount the reader accepts is written to the same bytes by orjson and by the standard library alone."""
    try:
        claims = factlog.loads(_with_amount(amount))
    except factlog.FormatError:
        return  # refused with a path: nothing to write
    assert factlog.dumps(claims) == _writing.encode_stdlib(_writing.to_document(claims)).decode()


def test_a_log_holds_an_integer_beyond_64_bits(tmp_path: Path) -> None:
    """Appended and shown through the log, a 20-digit amount comes back exact."""
    claims = factlog.loads(_with_amount(25 * 10**18))
    log = factlog.ClaimLog(tmp_path / "claims.db")
    log.append([*claims.entities, *claims.predicates, *claims.sources, *claims.claims])
    assert log.read() == claims
    assert f'"amount":{25 * 10**18}' in "".join(log.export_lines())


def test_only_json_whitespace_makes_a_blank_line() -> None:
    """A line of spaces and tabs is skipped; a vertical tab or a no-break space is an error naming the line."""
    header = '{"format": "factlog", "version": 1}\n'
    entity = '{"type": "entity", "id": "e", "name": "E", "kind": "person"}\n'
    assert len(factlog.loads_lines(header + " \t\r\n" + entity).entities) == 1
    for blank in ("\x0b", "\u00a0", "\u2003"):
        with pytest.raises(factlog.FormatError, match="line 2"):
            factlog.loads_lines(header + blank + "\n" + entity)


def test_the_streamed_reader_skips_only_json_whitespace(tmp_path: Path) -> None:
    """The line-at-a-time reader gives up on a non-JSON blank, and the whole-file reader names its line."""
    path = tmp_path / "claims.jsonl"
    path.write_bytes(b'{"format":"factlog","version":1}\n\x0c\n')
    assert _documents._stream_lines(path, factlog.DEFAULT_LIMITS) is None
    with pytest.raises(factlog.FormatError, match=r"claims\.jsonl:2: invalid JSON at column 1"):
        factlog.load(path)


def test_long_numbers_skip_the_quick_parse() -> None:
    """orjson reads a 20-digit integer as a float, so such texts go to the exact reader."""
    with pytest.raises(ValueError, match="not for the quick parse"):
        _parsing.quick_parse(b'{"a": 25000000000000000000}')


@pytest.mark.parametrize(
    ("raw", "quick"),
    [
        (rb'{"a": "\\uD83D"}', True),  # the text \uD83D, its backslash escaped
        (rb'{"a": "x\\\\uD83D"}', True),
        (rb'{"a": "\uD83D\uDE00"}', False),  # an escaped surrogate pair: orjson's reading is inexact
        (rb'{"a": "\\\uD83D\uDE00"}', False),  # a backslash, then the escaped pair
        (rb'{"a\u003a": 1}', False),  # an escaped colon would upset the colon count
        (rb'{"a": "\\u003a"}', True),
    ],
)
def test_the_quick_parse_tells_an_escape_from_a_backslash_in_the_text(raw: bytes, quick: bool) -> None:
    """Only a real \\u escape (after an even run of backslashes) sends a text to the exact reader."""
    if quick:
        assert _parsing.quick_parse(raw) == json.loads(raw)
    else:
        with pytest.raises(ValueError, match="not for the quick parse"):
            _parsing.quick_parse(raw)


def _escape_oracle(raw: bytes) -> bool:
    """Read ``raw`` escape by escape, left to right: is there a real surrogate or ``\\u003X`` escape?"""
    position = 0
    while position < len(raw):
        if raw[position : position + 1] == b"\\":
            escape = raw[position + 1 : position + 6].lower()
            if escape[:1] == b"u" and (
                escape[1:3] in (b"d8", b"d9", b"da", b"db", b"dc", b"dd", b"de", b"df") or escape[1:4] == b"003"
            ):
                return True
            position += 2
        else:
            position += 1
    return False


@given(st.lists(st.sampled_from([b"\\", b"u", b"d8", b"DF", b"003", b"00", b"a", b'"']), max_size=30).map(b"".join))
def test_the_escape_scan_agrees_with_reading_escape_by_escape(raw: bytes) -> None:
    """The backward count of backslashes finds exactly the escapes a left-to-right reading finds."""
    assert _parsing._has_escape_not_quick(raw) == _escape_oracle(raw)


@given(st.lists(st.sampled_from([b"1", b"9", b"0", b"5", b",", b"a", b"\xd9\xa1"]), max_size=60).map(b"".join))
def test_long_digit_runs_are_found_as_a_regex_would(raw: bytes) -> None:
    """Nineteen ASCII digits in a row are found by the translate-and-find scan exactly when a regex finds them."""
    found = raw.translate(_parsing._DIGITS_AS_ZEROS).find(_parsing._LONG_DIGITS) >= 0
    assert found == (re.search(rb"[0-9]{19}", raw) is not None)


def test_a_number_over_the_digit_limit_is_found_among_long_runs() -> None:
    """Runs just under the limit pass; one run just over it, after them, is still refused with its path."""
    under = "1" * _parsing.MAX_DIGITS
    over = "2" * (_parsing.MAX_DIGITS + 1)
    with pytest.raises(factlog.FormatError, match=r"\$\[3\]"):
        _parsing.parse_json(f"[{under}, {under}, {under}, {over}]", None, factlog.DEFAULT_LIMITS)
