"""A JSON Lines file the compact paths cannot read line by line is read whole, the same result, and says so."""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import pytest

import factlog
from tests.helpers import generated_lines, run

WORDS = "a claim gives its time in words, which is resolved against the whole file"


@pytest.fixture(scope="module")
def worded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """300 generated claims as JSON Lines, the first dated claim's `when` written in words ("earlier this year")."""
    path = generated_lines(tmp_path_factory.mktemp("worded"), 300)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    first = next(n for n, line in enumerate(lines) if line.startswith('{"type": "claim"') and '"when": "' in line)
    head, _, rest = lines[first].partition('"when": "')
    lines[first] = head + '"when": "earlier this year' + rest[rest.index('"') :]
    path.write_text("".join(lines), encoding="utf-8")
    return path


def _warned(call: object) -> tuple[object, list[warnings.WarningMessage]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = call()  # type: ignore[operator]
    return result, [w for w in caught if issubclass(w.category, factlog.WholeFileWarning)]


def test_a_when_in_words_is_checked_whole_with_a_warning_naming_file_and_reason(worded: Path) -> None:
    """check_lines reads such a file whole: the plain check's findings, and one WholeFileWarning saying why."""
    report, said = _warned(lambda: factlog.check_lines(worded))
    assert [f.id for f in report.findings] == [f.id for f in factlog.check(factlog.load(worded)).findings]  # type: ignore[attr-defined]
    assert [(w.message.path, w.message.reason) for w in said] == [(str(worded), WORDS)]  # type: ignore[union-attr]
    assert str(said[0].message) == f"{worded}: read whole, not line by line: {WORDS}; memory grows with the file"


def test_a_when_in_words_is_assessed_whole_with_a_warning(worded: Path) -> None:
    """assess_lines reads such a file whole: the plain assessment, and one WholeFileWarning saying why."""
    assessment, said = _warned(lambda: factlog.assess_lines(worded, max_rounds=3))
    plain = factlog.assess(factlog.load(worded), max_rounds=3)
    assert factlog.render_assessment_json(assessment) == factlog.render_assessment_json(plain)  # type: ignore[arg-type]
    assert [w.message.reason for w in said] == [WORDS]  # type: ignore[union-attr]


def test_a_file_read_line_by_line_warns_nothing(tmp_path: Path) -> None:
    """A file the compact paths take whole-heartedly gives no WholeFileWarning."""
    path = generated_lines(tmp_path, 200)
    assert _warned(lambda: factlog.check_lines(path))[1] == []
    assert _warned(lambda: factlog.assess_lines(path, max_rounds=3))[1] == []


def test_a_broken_file_is_an_error_and_no_warning(tmp_path: Path) -> None:
    """A file read whole because a line is broken raises the plain reader's error; nothing is warned beside it."""
    path = generated_lines(tmp_path, 200)
    path.write_text(path.read_text(encoding="utf-8").replace('"statement"', '"statment"', 1), encoding="utf-8")
    for call in (factlog.check_lines, factlog.assess_lines):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            with pytest.raises(factlog.FormatError, match=r"\$\.statment: unexpected key 'statment'"):
                call(path)
        assert not [w for w in caught if issubclass(w.category, factlog.WholeFileWarning)]


@pytest.mark.parametrize("command", ["check", "assess"])
def test_the_streamed_commands_print_the_warning_as_one_line(worded: Path, command: str) -> None:
    """`check --stream` and `assess --stream` print `factlog COMMAND: warning: FILE: read whole ...` on stderr."""
    ran = run(
        command, "--stream", str(worded), "--format", "json", *(["--max-rounds", "3"] if command == "assess" else [])
    )
    assert ran.returncode in (0, 1), ran.stderr
    warned = [line for line in ran.stderr.splitlines() if "read whole" in line]
    assert warned == [
        f"factlog {command}: warning: {worded}: read whole, not line by line: {WORDS}; memory grows with the file"
    ]


def test_the_streamed_assessment_without_numpy_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """assess_lines needs numpy as check_lines does: an ArgumentError saying how to install it, not a whole read."""
    path = generated_lines(tmp_path, 50)
    monkeypatch.setitem(sys.modules, "numpy", None)  # import numpy now raises ImportError
    needs = r"^the compact assessment needs numpy, in the \[scale\] extra of factlog-claims: pip install '\.\[scale\]'"
    with pytest.raises(factlog.ArgumentError, match=needs):
        factlog.assess_lines(path)
    ran = run("assess", "--stream", str(path), "--format", "json")
    assert (ran.returncode, ran.stdout) == (2, "")
    assert "needs numpy" in ran.stderr
