"""An acknowledgement whose id is a typo or two away from a finding's: the stale warning offers that finding."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import factlog
from factlog.checks import _marks
from tests.helpers import ROOT

CLAIMS = factlog.load(ROOT / "sources")
IDS = sorted({finding.id for finding in factlog.check(CLAIMS).findings} - {a.finding for a in CLAIMS.acknowledged})


def _stale_messages(acknowledged: str) -> list[str]:
    """The stale acknowledgement messages of the corpus with one more acknowledgement, of ``acknowledged``."""
    ack = factlog.Acknowledgement(finding=acknowledged, note="reviewed")
    claims = attrs.evolve(CLAIMS, acknowledged=(*CLAIMS.acknowledged, ack))
    return [finding.message for finding in factlog.check(claims).by_rule("stale_acknowledgement")]


@given(st.sampled_from(IDS), st.integers(2, 21), st.sampled_from("0123456789abcdef"), st.booleans())
def test_an_id_a_character_or_two_away_is_offered(finding: str, position: int, digit: str, twice: bool) -> None:
    """A finding id with one or two hex digits changed, acknowledged: its warning ends "did you mean" that finding."""
    typo = finding[:position] + digit + finding[position + 1 :]
    if twice:
        typo = typo[:-1] + ("0" if typo[-1] != "0" else "1")
    if typo in IDS:
        return
    [message] = _stale_messages(typo)
    offered = message.split("; did you mean ", 1)[1].removesuffix("?").split(" or ")
    assert finding in offered


def test_near_ids_are_offered_batch_by_batch_and_far_ones_not(monkeypatch: pytest.MonkeyPatch) -> None:
    """With the ids let go two at a time, the near one is still offered (kept from its batch); a far one gets none."""
    monkeypatch.setattr(_marks, "_BATCH", 2)
    finding = IDS[-1]
    [message] = _stale_messages(finding[:-1] + ("0" if finding[-1] != "0" else "1"))
    assert message.endswith(f"; did you mean {finding}?")
    [message] = _stale_messages("f-00000000000000000000")
    assert "did you mean" not in message
