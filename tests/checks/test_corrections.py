"""A holder correcting its own figure: said as a correction, not as a clash between sources."""

from __future__ import annotations

from factlog import Claim, Severity
from factlog.checks import conflicting_values
from tests.helpers import claim, findings_of, world


def toll(id: str, amount: int, holder: str, stated: str, *, answers: tuple[str, ...] = ()) -> Claim:
    """A number of troops deployed by North Korea, given by ``holder`` on ``stated`` (the wire in its own story)."""
    source = "s2" if holder == "wire" else "s1"
    return claim(
        id, "dprk", "troops-deployed", amount, None, holder=holder, stated=stated, answers=answers, source=source
    )


def test_an_answered_correction_names_the_holder_the_days_and_who_still_gives_the_old_figure() -> None:
    """The wire's 12 of 3 March answered by its 7 of 5 March, the ministry still at 12: corrected, still an error."""
    claims = world(
        toll("wire-12", 12, "wire", "2026-03-03"),
        toll("ministry-12", 12, "mfa-prc", "2026-03-03"),
        toll("wire-7", 7, "wire", "2026-03-05", answers=("wire-12",)),
    )
    [finding] = findings_of(conflicting_values, claims)
    assert "The wire corrected 12 (2026-03-03) to 7 on 2026-03-05 (answering wire-12)" in finding.message
    assert finding.message.endswith("; Chinese Foreign Ministry still gives 12")
    assert finding.severity is Severity.ERROR


def test_a_correction_nobody_else_contradicts_is_information() -> None:
    """Only the wire gave 12, and later 7: a correction at info; the same two figures on one day stay an error."""
    claims = world(toll("wire-12", 12, "wire", "2026-03-03"), toll("wire-7", 7, "wire", "2026-03-05"))
    [finding] = findings_of(conflicting_values, claims)
    assert finding.message.endswith(
        "The wire corrected 12 (2026-03-03) to 7 on 2026-03-05; a correction, not a clash between sources"
    )
    assert finding.severity is Severity.INFO

    same_day = world(toll("wire-12", 12, "wire", "2026-03-03"), toll("wire-7", 7, "wire", "2026-03-03"))
    [plain] = findings_of(conflicting_values, same_day)  # which came last is not told: no correction
    assert "corrected" not in plain.message
    assert plain.severity is Severity.ERROR
