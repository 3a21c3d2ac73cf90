"""Writing a report's JSON a finding at a time gives render_json's characters."""

from __future__ import annotations

import io
from pathlib import Path

import attrs
import pytest
from hypothesis import given

import factlog
from tests.helpers import claim, world
from tests.strategies import claim_sets

ROOT = Path(__file__).parent.parent.parent
CORPUS = factlog.load(ROOT / "sources")


def _written(report: factlog.Report) -> str:
    out = io.StringIO()
    factlog.write_report_json(report, out)
    return out.getvalue()


@given(claim_sets(max_claims=10))
def test_same_text_as_render_json(claims: factlog.ClaimSet) -> None:
    """Any claim set's report: the characters of render_json, findings or none."""
    report = factlog.check(claims)
    assert _written(report) == factlog.render_json(report)


def test_acknowledged_compact_report(tmp_path: Path) -> None:
    """The bundled corpus with a full, an old short and a stale acknowledgement, checked compactly: the same text."""
    claims = factlog.load(ROOT / "sources")
    first, second = factlog.check(claims).findings[:2]
    acknowledged = (
        factlog.Acknowledgement(finding=first.id, note="reviewed"),
        factlog.Acknowledgement(finding=second.id[:10], note="old id"),
        factlog.Acknowledgement(finding="f-00000000", note="gone"),
    )
    path = tmp_path / "corpus.jsonl"
    path.write_text(factlog.dumps_lines(attrs.evolve(claims, acknowledged=acknowledged)), encoding="utf-8")
    report = factlog.check_lines(path)
    text = _written(report)
    assert text == factlog.render_json(report) == factlog.render_json(factlog.check(factlog.load(path)))
    assert text.count('"acknowledged": true') == 2
    assert '"rule": "stale_acknowledgement"' in text


def test_no_findings() -> None:
    """A report without findings: an empty list, as render_json writes it."""
    report = factlog.check(world(claim("a")), [])
    assert _written(report) == factlog.render_json(report)
    assert '"findings": []' in _written(report)


def test_closed_file_raises_what_write_raises() -> None:
    """write_report_json lets the stream's own error through: ValueError for a closed file."""
    out = io.StringIO()
    out.close()
    with pytest.raises(ValueError, match="closed file"):
        factlog.write_report_json(factlog.check(world(claim("a"))), out)


@pytest.mark.parametrize("out", [None, "report.json", io.BytesIO()])
@pytest.mark.parametrize("write", [factlog.write_report_json, factlog.write_assessment_json])
def test_an_out_that_is_no_text_stream_is_refused(write: object, out: object) -> None:
    """None, a path or a binary stream as ``out`` is an ArgumentError naming it (was a bare AttributeError)."""
    given = factlog.check(CORPUS) if write is factlog.write_report_json else factlog.assess(CORPUS)
    with pytest.raises(factlog.ArgumentTypeError, match=r": out: expected a text stream"):
        write(given, out)  # type: ignore[operator]


def test_a_compact_report_counts_the_claims_checked(tmp_path: Path) -> None:
    """check_lines' report says how many claims it checked, as check's does (it said 0: it holds no claims)."""
    path = tmp_path / "corpus.jsonl"
    path.write_text(factlog.dumps_lines(CORPUS), encoding="utf-8")
    assert factlog.check_lines(path).claim_count == factlog.check(CORPUS).claim_count == len(CORPUS.claims)
