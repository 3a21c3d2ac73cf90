"""Findings kept compressed until read (the compact check's report) behave as the tuple they stand for."""

from __future__ import annotations

from pathlib import Path
from unittest import mock

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import factlog
from factlog.checks import _compact
from factlog.checks._compact import CompactFindings, FindingsBuilder
from factlog.checks._findings import Finding
from tests.strategies import findings_with_dates

ORDER = {"opposed_claims": 0, "conflicting_values": 1, "undeclared_copying": 2}


def _built(
    found: list[tuple[Finding, tuple[int, int]]], notes: dict[str, str | None], block: int, run: int
) -> CompactFindings:
    with mock.patch.object(_compact, "BLOCK_BYTES", block), mock.patch.object(_compact, "RUN_BYTES", run):
        builder = FindingsBuilder(ORDER)
        for finding, first in found:
            builder.add(finding, first)
        return builder.build(notes)


def _oracle(found: list[tuple[Finding, tuple[int, int]]], notes: dict[str, str | None]) -> tuple[Finding, ...]:
    """What ``finish`` gives: marked, then sorted stably by severity, rule, first date and id."""

    def key(pair: tuple[Finding, tuple[int, int]]) -> tuple[int, int, tuple[int, int], str]:
        finding, when = pair
        return (-finding.severity.rank, ORDER.get(finding.rule, len(ORDER)), when, finding.id)

    marked = [(attrs.evolve(f, acknowledged=True, note=notes[f.id]) if f.id in notes else f, when) for f, when in found]
    return tuple(finding for finding, _ in sorted(marked, key=key))


@given(findings_with_dates(), st.integers(1, 5000), st.integers(1, 20000), st.booleans())
def test_same_findings_in_report_order(
    found: list[tuple[Finding, tuple[int, int]]], block: int, run: int, acknowledge: bool
) -> None:
    """Any findings, blocks and runs of any size: the findings finish would give, in its order, marked as it marks."""
    notes: dict[str, str | None] = {"f-" + "0" * 20: "seen"} if acknowledge else {}
    compact = _built(found, notes, block, run)
    expected = _oracle(found, notes)
    assert len(compact) == len(expected)
    assert list(compact) == list(expected)
    assert compact == expected
    assert expected == compact


@given(findings_with_dates(max_size=12), st.integers(-14, 14))
def test_indexing_as_a_tuple(found: list[tuple[Finding, tuple[int, int]]], at: int) -> None:
    """Indexes (negative ones too), slices, reversal, membership, index and hash are the tuple's."""
    compact = _built(found, {}, 200, 1000)
    expected = _oracle(found, {})
    if -len(expected) <= at < len(expected):
        assert compact[at] == expected[at]
    else:
        with pytest.raises(IndexError):
            compact[at]
    assert compact[1:-1:2] == expected[1:-1:2]
    assert list(reversed(compact)) == list(reversed(expected))
    assert hash(compact) == hash(expected)
    if expected:
        assert expected[-1] in compact
        assert compact.index(expected[-1]) == expected.index(expected[-1])
        assert compact.count(expected[0]) == expected.count(expected[0])
    assert compact + () == expected  # noqa: RUF005 - the tuple's + is what is tested
    assert () + compact == expected  # noqa: RUF005


def test_not_equal_to_a_list() -> None:
    """As a tuple is not equal to a list of the same findings, neither is the compact sequence."""
    compact = _built([], {}, 10, 10)
    assert compact == ()
    assert compact != []
    assert len(compact) == 0
    assert repr(compact) == "CompactFindings(0 findings)"


def test_check_lines_report_equals_check(tmp_path: Path) -> None:
    """The compact check's report equals the plain one (compared both ways), and its findings decode alike."""
    from benchmarks.generate import generate, write  # noqa: PLC0415 - the benchmark's own generator

    path = tmp_path / "claims.jsonl"
    write(generate(600, 5), path)
    plain = factlog.check(factlog.load(path))
    compact = factlog.check_lines(path, bin_size=100)
    assert isinstance(compact.findings, CompactFindings)
    assert compact.findings == plain.findings
    assert plain == compact
    assert compact.summary() == plain.summary()
    assert compact.by_rule("opposed_claims") == plain.by_rule("opposed_claims")
