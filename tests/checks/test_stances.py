"""Claims about claims: a party's stance as a claim reports it, against the party's record."""

from __future__ import annotations

import json

import pytest

import factlog
from factlog import Regarding, Severity, StanceKind
from factlog.checks import misreported_stance
from tests.helpers import claim, findings_of, sides, world

LEAK = {"subject": "dprk", "predicate": "supplies-weapons-to", "obj": "russia", "when": "2025-02"}


def leak() -> factlog.Claim:
    return claim("leak", **LEAK, holder="western-intelligence", stated="2025-03-01")  # type: ignore[arg-type]


def about(
    id: str, stance: str, *, on: str | None = None, days: int | None = None, stated: str = "2025-04-01"
) -> factlog.Claim:
    regarding = Regarding(
        claims=("leak",),
        party="russia",
        stance=StanceKind(stance),
        on=None if on is None else factlog.PartialDate.parse(on),
        days=days,
    )
    return claim(id, None, holder="author", stated=stated, regarding=regarding)


def test_not_yet_commented_against_an_earlier_comment() -> None:
    """'Russia has not yet commented' on 1 April, but Russia denied it on 10 March: a warning."""
    denial = claim("denial", **LEAK, denied=True, holder="russia", stated="2025-03-10", source="s5")  # type: ignore[arg-type]
    claims = world(leak(), denial, about("silent", "silent"))
    [finding] = findings_of(misreported_stance, claims)
    assert sides(finding) == {"about": {"silent"}, "record": {"denial"}}
    assert finding.severity is Severity.WARNING
    assert "2025-03-10" in finding.message


def test_not_yet_commented_holds_when_the_comment_came_later() -> None:
    """A comment dated after the claim that there was none: nothing to report."""
    denial = claim("denial", **LEAK, denied=True, holder="russia", stated="2025-04-10", source="s5")  # type: ignore[arg-type]
    assert findings_of(misreported_stance, world(leak(), denial, about("silent", "silent"))) == []


def test_first_admission_already_on_record_before() -> None:
    """'Admitted for the first time on 1 April', but the spokesman confirmed on 15 March: on record before."""
    earlier = claim("earlier", **LEAK, holder="peskov", stated="2025-03-15", source="s5")  # type: ignore[arg-type]
    claims = world(leak(), earlier, about("first", "first", on="2025-04-01"))
    [finding] = findings_of(misreported_stance, claims)
    assert sides(finding)["record"] == {"earlier"}


def test_a_denial_before_is_no_earlier_admission() -> None:
    """A denial on record before the first admission does not contradict 'first admitted'."""
    denial = claim("denial", **LEAK, denied=True, holder="russia", stated="2025-03-10", source="s5")  # type: ignore[arg-type]
    assert findings_of(misreported_stance, world(leak(), denial, about("first", "first", on="2025-04-01"))) == []


def test_a_week_after_the_leak_when_it_was_three_weeks() -> None:
    """'A week after the leak, Russia confirmed it': the confirmation is dated 22 March, 21 days after."""
    confirmed = claim("confirmed", **LEAK, holder="russia", stated="2025-03-22", source="s5")  # type: ignore[arg-type]
    claims = world(leak(), confirmed, about("week", "after", days=7))
    [finding] = findings_of(misreported_stance, claims)
    assert "21 days after 2025-03-01, not 7" in finding.message


def test_a_week_after_the_leak_when_it_was_eight_days() -> None:
    """Eight days is 'a week' give or take."""
    confirmed = claim("confirmed", **LEAK, holder="russia", stated="2025-03-09", source="s5")  # type: ignore[arg-type]
    assert findings_of(misreported_stance, world(leak(), confirmed, about("week", "after", days=7))) == []


def test_regarding_is_read_and_checked_from_json() -> None:
    """A regarding naming an unknown claim is refused at its JSON path; days only with 'after'."""
    with pytest.raises(ValueError, match="days"):
        Regarding(claims=("leak",), party="russia", stance=StanceKind.SILENT, days=3)
    document = json.loads(factlog.dumps(world(leak(), about("silent", "silent"))))
    document["claims"][1]["regarding"]["claims"] = ["nothing"]
    with pytest.raises(factlog.FactlogError, match=r"\$\.claims\[1\]\.regarding\.claims\[0\]"):
        factlog.loads(json.dumps(document))


def test_incremental_check_finds_a_record_added_later() -> None:
    """The claim about claims is checked again when the party's record grows: as a full check would."""
    confirmed = claim("confirmed", **LEAK, holder="russia", stated="2025-03-22", source="s5")  # type: ignore[arg-type]
    checker = factlog.Checker(world(leak(), about("week", "after", days=7)))
    new = checker.add([confirmed])
    assert [f.rule for f in new] == ["misreported_stance"]
    full = factlog.check(world(leak(), about("week", "after", days=7), confirmed))
    assert [f.id for f in checker.report().findings] == [f.id for f in full.findings]


def test_incremental_check_reads_an_answer_already_on_record() -> None:
    """A claim about claims added later is judged against an earlier answer, as a full check would."""
    reply = claim("reply", None, holder="russia", stated="2025-03-10", source="s5", answers=("leak",))
    checker = factlog.Checker(world(leak(), reply))
    new = checker.add([about("silent", "silent")])
    assert [f.rule for f in new] == ["misreported_stance"]
    full = factlog.check(world(leak(), reply, about("silent", "silent")))
    assert [f.id for f in checker.report().findings] == [f.id for f in full.findings]
