"""Hostile input: only a FactlogError with a path ever escapes, and nothing hangs."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factlog
from tests.fuzzing import check, hostile_inputs
from tests.helpers import GOLDEN, run

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=30,
)


@given(st.binary(max_size=2000))
def test_arbitrary_bytes_are_refused_cleanly(data: bytes) -> None:
    """Any bytes: loaded, or refused with a path; never another exception."""
    check(data)
    check(data, factlog.loads_lines)


@given(json_values)
def test_arbitrary_json_is_refused_cleanly(value: object) -> None:
    """Any JSON value at the top level: refused with a path (or, rarely, a valid empty set)."""
    check(json.dumps(value).encode())


@settings(max_examples=300)
@given(st.randoms(use_true_random=False))
def test_mutated_documents_are_refused_cleanly(rng: random.Random) -> None:
    """The golden file with keys dropped, types changed, deep nesting, huge numbers, bad bytes."""
    inputs = hostile_inputs(rng)
    for _ in range(5):
        check(next(inputs))


def test_deep_nesting_hits_the_configured_limit() -> None:
    """Nesting beyond Limits.max_depth is refused before parsing, with the limit named."""
    deep = '{"format": "factlog", "version": 1, "notes": ' + "[" * 50 + "]" * 50 + "}"
    with pytest.raises(factlog.FormatError, match="nested deeper than 20 levels"):
        factlog.loads(deep, limits=factlog.Limits(max_depth=20))
    with pytest.raises(factlog.FormatError, match=r"\$: unexpected key 'notes'"):
        factlog.loads(deep)  # within the default limit: an ordinary format error
    with pytest.raises(factlog.FormatError, match="nested deeper than 64 levels"):
        factlog.loads("[" * 100_000 + "]" * 100_000)


def test_unterminated_string_of_escaped_quotes_is_refused() -> None:
    """A megabyte of escaped quotes in a string that never ends: refused as invalid JSON.

    (Scanning such text for nesting before parsing it took time quadratic in its size.)
    """
    hostile = '{"format": "factlog", "notes": "' + '\\"' * 500_000
    with pytest.raises(factlog.FormatError, match=r"\$: invalid JSON at line 1 column 32: Unterminated string"):
        factlog.loads(hostile)


def test_size_limit_is_configurable() -> None:
    """A document larger than Limits.max_bytes is refused, naming the limit."""
    text = GOLDEN.read_text(encoding="utf-8")
    with pytest.raises(factlog.FormatError, match="larger than the limit"):
        factlog.loads(text, limits=factlog.Limits(max_bytes=100))
    with pytest.raises(factlog.FormatError, match="larger than the limit"):
        factlog.loads_lines(text, limits=factlog.Limits(max_bytes=100))


def test_huge_and_infinite_numbers_are_refused() -> None:
    """1e400 (infinity) and a 5,000-digit integer are format errors, not crashes."""
    infinite = GOLDEN.read_text().replace('"amount": 11000', '"amount": 1e400')
    with pytest.raises(factlog.FormatError, match=r"amount: expected a finite number, got inf"):
        factlog.loads(infinite)
    with pytest.raises(factlog.FormatError, match="Infinity is not a JSON number"):
        factlog.loads(infinite.replace("1e400", "Infinity"))
    text = GOLDEN.read_text().replace('"amount": 11000', '"amount": ' + "9" * 5000)
    with pytest.raises(factlog.FormatError, match=r"amount: a number of 5000 digits is too long"):
        factlog.loads(text)


def test_document_path_cannot_leave_its_folder() -> None:
    """'..', absolute paths and backslashes in a source's document are format errors."""
    for path in ("../secret.txt", "/etc/passwd", "..\\\\x", "a/../../b"):
        data = json.loads(GOLDEN.read_text())
        data["sources"][0]["document"] = path
        with pytest.raises(factlog.FormatError, match=r"\$\.sources\[0\]\.document: expected a relative path"):
            factlog.loads(json.dumps(data))


def test_symlink_out_of_the_folder_is_reported(tmp_path: Path) -> None:
    """A document that is a symlink to a file outside the corpus folder is not read."""
    outside = tmp_path / "outside.txt"
    outside.write_text("secret")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "document.txt").symlink_to(outside)
    (corpus / "claims.json").write_text(GOLDEN.read_text())
    report = factlog.check(factlog.load(corpus))
    [finding] = report.by_rule("document_mismatch")
    assert "lies outside" in finding.message


def test_validate_refuses_hostile_files_with_exit_3(tmp_path: Path) -> None:
    """The CLI meets hostile files with one error per line (then its hints) and exit 3, never a traceback."""
    inputs = hostile_inputs(random.Random(11))
    for number in range(5):
        path = tmp_path / f"hostile-{number}.json"
        data = next(inputs)
        path.write_bytes(data)
        if check(data):
            continue
        result = run("validate", str(path))
        assert result.returncode == 3
        assert "Traceback" not in result.stderr
        lines = result.stderr.splitlines()
        problems = [line for line in lines if not line.startswith("hint: ")]
        assert problems
        assert all(line.startswith("error: ") for line in problems)
        assert lines[: len(problems)] == problems  # the hints, if any, come after every problem
