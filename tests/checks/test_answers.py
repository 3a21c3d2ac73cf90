"""A denial of a denial affirms the original proposition."""

from __future__ import annotations

from factlog import Severity
from factlog.checks import answered_denial
from tests.helpers import claim, findings_of, sides, world

STRIKE = {"subject": "prc", "predicate": "destroys", "obj": "sites", "when": "2025-06"}


def test_denial_of_a_denial_opposes_the_denial() -> None:
    """'The report that the sites survived is flat-out wrong' answers the denial: it is reported, not lost."""
    claims = world(
        claim("survived", **STRIKE, denied=True, holder="kcna"),  # type: ignore[arg-type]
        claim("flat-out-wrong", None, denied=True, holder="wire", answers=("survived",)),
    )
    [finding] = findings_of(answered_denial, claims)
    assert sides(finding) == {"answered": {"survived"}, "answering": {"flat-out-wrong"}}
    assert finding.message.startswith("Denial rejected in answer: ")
    assert finding.severity is Severity.WARNING


def test_confirming_a_denial_is_no_opposition() -> None:
    """An affirmed answer without a proposition confirms the denial it answers."""
    claims = world(
        claim("survived", **STRIKE, denied=True, holder="kcna"),  # type: ignore[arg-type]
        claim("indeed", None, holder="wire", answers=("survived",)),
    )
    assert findings_of(answered_denial, claims) == []


def test_denial_of_an_allegation_is_still_a_denial() -> None:
    """A denied answer to an affirmed claim is a denial, as before."""
    claims = world(
        claim("allegation", None, holder="western-intelligence"),
        claim("no", None, denied=True, holder="russia", answers=("allegation",)),
    )
    [finding] = findings_of(answered_denial, claims)
    assert finding.message.startswith("Denied in answer: ")
